//! The built assets under `/pkg` (stylesheet, islands loader, wasm).
//!
//! A release build names them by content (`nguon.<hash>.wasm`), so a browser
//! may keep them for a year without asking again; `precompress` writes a
//! brotli (highest level) and a gzip copy of each once, after the build, and
//! they are served from those files. Nothing static is compressed per request.

use nguon_app::assets::{AssetHashes, OUTPUT_NAME};
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;

/// Serves `<site_root>/pkg`, choosing the `.br` or `.gz` copy the browser accepts.
/// `ServeDir` answers conditional requests (`If-Modified-Since`) with `304`.
pub fn pkg_service(site_root: &str) -> ServeDir {
    ServeDir::new(Path::new(site_root).join("pkg")).precompressed_br().precompressed_gzip()
}

/// The `Cache-Control` of a file under `/pkg`: for good when its name carries
/// this build's content hash, else revalidated on each use (a debug build).
pub fn cache_control(path: &str) -> &'static str {
    let h = nguon_app::assets::hashes();
    let hashed = [&h.css, &h.js, &h.wasm].into_iter().flatten().any(|hash| path.contains(&format!(".{hash}.")));
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// What `precompress` did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Precompressed {
    /// Files compressed.
    pub files: usize,
    /// Their size.
    pub raw_bytes: u64,
    /// The size of their brotli copies.
    pub brotli_bytes: u64,
    /// The size of their gzip copies.
    pub gzip_bytes: u64,
}

/// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9)
/// beside every file in `dir` that is not itself a compressed copy. With the
/// build's hashes, the files of earlier builds (`nguon.<other hash>.*`) and
/// their copies are removed first.
pub fn precompress(dir: &Path, current: Option<&AssetHashes>) -> std::io::Result<Precompressed> {
    use std::io::Write;
    let mut done = Precompressed::default();
    let is_copy = |p: &Path| matches!(p.extension().and_then(|e| e.to_str()), Some("br" | "gz"));
    let mut files: Vec<PathBuf> = Vec::new();
    for path in std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let original = if is_copy(&path) { name.rsplit_once('.').map(|(o, _)| o.to_string()).unwrap_or_default() } else { name.clone() };
        if current.is_some_and(|h| !is_current(h, &original)) {
            std::fs::remove_file(&path)?;
        } else if !is_copy(&path) {
            files.push(path);
        }
    }
    files.sort();
    for path in files {
        let raw = std::fs::read(&path)?;
        let br = brotli_max(&raw);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw)?;
        let gz = gz.finish()?;
        std::fs::write(with_suffix(&path, "br"), &br)?;
        std::fs::write(with_suffix(&path, "gz"), &gz)?;
        done.files += 1;
        done.raw_bytes += raw.len() as u64;
        done.brotli_bytes += br.len() as u64;
        done.gzip_bytes += gz.len() as u64;
    }
    Ok(done)
}

/// Brotli at its highest quality and largest window, as the size budget measures it.
pub fn brotli_max(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 24, ..Default::default() };
    let _ = brotli::BrotliCompress(&mut std::io::Cursor::new(raw), &mut out, &params);
    out
}

/// Whether a file in `pkg/` belongs to the build with these hashes: its
/// name is `nguon.<hash>.<ext>` with that build's hash for the extension.
/// Files that are not the build's own output are kept.
fn is_current(h: &AssetHashes, name: &str) -> bool {
    let Some(rest) = name.strip_prefix(&format!("{OUTPUT_NAME}.")) else { return true };
    let Some((hash, ext)) = rest.rsplit_once('.') else { return true };
    let wanted = match ext {
        "css" => &h.css,
        "js" => &h.js,
        "wasm" => &h.wasm,
        _ => return true,
    };
    wanted.as_deref().is_none_or(|w| w == hash)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_copies_are_written_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let text = "body { color: red; }\n".repeat(500);
        std::fs::write(dir.path().join("nguon.abc.css"), &text).unwrap();
        let first = precompress(dir.path(), None).unwrap();
        assert_eq!(first.files, 1);
        assert!(first.brotli_bytes < first.gzip_bytes && first.gzip_bytes < first.raw_bytes, "{first:?}");
        // Running again compresses the originals only, not the copies.
        assert_eq!(precompress(dir.path(), None).unwrap().files, 1);
        let br = std::fs::read(dir.path().join("nguon.abc.css.br")).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut std::io::Cursor::new(br), &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        let gz = std::fs::read(dir.path().join("nguon.abc.css.gz")).unwrap();
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back).unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn files_of_earlier_builds_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["nguon.old1.css", "nguon.old1.css.br", "nguon.new1.css", "nguon.new2.wasm", "nguon.old2.wasm", "nguon.new3.js", "robots.txt"] {
            std::fs::write(dir.path().join(f), "x".repeat(100)).unwrap();
        }
        let h = AssetHashes { css: Some("new1".into()), wasm: Some("new2".into()), js: Some("new3".into()) };
        assert_eq!(precompress(dir.path(), Some(&h)).unwrap().files, 4);
        let mut left: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        let expected = ["nguon.new1.css", "nguon.new1.css.br", "nguon.new1.css.gz", "nguon.new2.wasm", "nguon.new2.wasm.br", "nguon.new2.wasm.gz",
            "nguon.new3.js", "nguon.new3.js.br", "nguon.new3.js.gz", "robots.txt", "robots.txt.br", "robots.txt.gz"];
        assert_eq!(left, expected);
    }
}
