//! The built assets' names. A release build (`hash-files = true`) puts a
//! content hash in each name under `/pkg` and lists them in `hash.txt` beside
//! the server binary (`css: …`, `js: …`, `wasm: …`); Leptos reads that file
//! for the islands script, and this module for the stylesheet. A name that
//! changes with its content can be cached by browsers for good.

/// The output name that cargo-leptos gives the built files (`nguon.css`, …).
pub const OUTPUT_NAME: &str = "nguon";

/// The content hashes of one build, as `hash.txt` lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssetHashes {
    /// Hash in the stylesheet's name.
    pub css: Option<String>,
    /// Hash in the JavaScript loader's name.
    pub js: Option<String>,
    /// Hash in the wasm module's name.
    pub wasm: Option<String>,
}

impl AssetHashes {
    /// Parses the lines of `hash.txt` (`kind: hash`); unknown kinds are ignored.
    pub fn parse(text: &str) -> AssetHashes {
        let mut h = AssetHashes::default();
        for (kind, hash) in text.lines().filter_map(|l| l.split_once(':')) {
            let hash = Some(hash.trim().to_string()).filter(|v| !v.is_empty());
            match kind.trim() {
                "css" => h.css = hash,
                "js" => h.js = hash,
                "wasm" => h.wasm = hash,
                _ => {}
            }
        }
        h
    }

    /// `/pkg/nguon.<hash>.css`, or `/pkg/nguon.css` for an unhashed (debug) build.
    pub fn stylesheet_href(&self) -> String {
        match &self.css {
            Some(h) => format!("/pkg/{OUTPUT_NAME}.{h}.css"),
            None => format!("/pkg/{OUTPUT_NAME}.css"),
        }
    }
}

/// This build's hashes, read once from `hash.txt` beside the running binary
/// (where Leptos looks for it too); none when the file is absent.
#[cfg(feature = "ssr")]
pub fn hashes() -> &'static AssetHashes {
    static HASHES: std::sync::OnceLock<AssetHashes> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        std::env::current_exe()
            .ok()
            .and_then(|exe| std::fs::read_to_string(exe.with_file_name("hash.txt")).ok())
            .map(|text| AssetHashes::parse(&text))
            .unwrap_or_default()
    })
}

/// The stylesheet's address for this build.
pub fn stylesheet_href() -> String {
    #[cfg(feature = "ssr")]
    return hashes().stylesheet_href();
    #[cfg(not(feature = "ssr"))]
    AssetHashes::default().stylesheet_href()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_file_lines() {
        let h = AssetHashes::parse("js: abc\nwasm: def\ncss: 0f1\n\nsplit: x\n");
        assert_eq!(h, AssetHashes { css: Some("0f1".into()), js: Some("abc".into()), wasm: Some("def".into()) });
        assert_eq!(h.stylesheet_href(), "/pkg/nguon.0f1.css");
        assert_eq!(AssetHashes::parse("").stylesheet_href(), "/pkg/nguon.css");
    }
}
