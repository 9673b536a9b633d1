//! The user interface languages.

use serde::{Deserialize, Serialize};

/// A language the user interface speaks. Vietnamese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    /// Tiếng Việt, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Locale {
    /// Every supported locale, default first.
    pub const ALL: [Locale; 2] = [Locale::Vi, Locale::En];

    /// The BCP 47 tag, used for `<html lang>`, cookies and the database.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }

    /// Parses a BCP 47 tag (only the primary subtag matters); unknown tags give `None`.
    pub fn from_code(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "vi" => Some(Locale::Vi),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes() {
        assert_eq!(Locale::from_code("vi-VN"), Some(Locale::Vi));
        assert_eq!(Locale::from_code("EN"), Some(Locale::En));
        assert_eq!(Locale::from_code("fr"), None);
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
        }
    }
}
