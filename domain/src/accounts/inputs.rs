//! Validated newtypes for account input: once built, they are known good.

use nguon_shared::{AppError, ErrorCode, FieldError};

/// The longest login name.
pub const USERNAME_MAX: usize = 64;

/// A login name: 3–64 characters of a–z, 0–9, `.`, `-`, `_`, stored lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    /// Trims, lower-cases and checks a login name.
    pub fn parse(raw: &str) -> Result<Username, FieldError> {
        let v = raw.trim().to_lowercase();
        let n = v.chars().count() as u32;
        if n == 0 {
            return Err(FieldError::new("username", ErrorCode::Required));
        }
        if n < 3 {
            return Err(FieldError::new("username", ErrorCode::TooShort { min: 3 }));
        }
        if n as usize > USERNAME_MAX {
            return Err(FieldError::new("username", ErrorCode::TooLong { max: USERNAME_MAX as u32 }));
        }
        if !v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_')) {
            return Err(FieldError::new("username", ErrorCode::UsernameChars));
        }
        Ok(Username(v))
    }

    /// The normalised name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's or unit's display name: 1–200 characters, inner spaces collapsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FullName(String);

impl FullName {
    /// Checks a display name for the form field `field`.
    pub fn parse(field: &str, raw: &str) -> Result<FullName, FieldError> {
        let v = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let n = v.chars().count() as u32;
        if n == 0 {
            return Err(FieldError::new(field, ErrorCode::Required));
        }
        if n > 200 {
            return Err(FieldError::new(field, ErrorCode::TooLong { max: 200 }));
        }
        Ok(FullName(v))
    }

    /// The normalised name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: 10–128 characters, typed twice alike, not the login name.
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    /// Minimum length in characters.
    pub const MIN: u32 = 10;
    /// Maximum length in characters (bounds the hashing cost).
    pub const MAX: u32 = 128;

    /// Checks a new password and its confirmation (fields `new` and `confirm`).
    pub fn parse(new: &str, confirm: &str, username: &str) -> Result<NewPassword, AppError> {
        let n = new.chars().count() as u32;
        let err = |field, code| Err(AppError::invalid(field, code));
        if n == 0 {
            return err("new", ErrorCode::Required);
        }
        if n < Self::MIN {
            return err("new", ErrorCode::TooShort { min: Self::MIN });
        }
        if n > Self::MAX {
            return err("new", ErrorCode::TooLong { max: Self::MAX });
        }
        if new.trim().eq_ignore_ascii_case(username.trim()) {
            return err("new", ErrorCode::PasswordTooGuessable);
        }
        if new != confirm {
            return err("confirm", ErrorCode::PasswordMismatch);
        }
        Ok(NewPassword(new.to_string()))
    }

    /// The password itself, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(Username::parse("  An.Nguyen_1 ").unwrap().as_str(), "an.nguyen_1");
        let code = |s: &str| Username::parse(s).unwrap_err().code;
        assert_eq!(code(""), ErrorCode::Required);
        assert_eq!(code("ab"), ErrorCode::TooShort { min: 3 });
        assert_eq!(code(&"a".repeat(65)), ErrorCode::TooLong { max: 64 });
        assert_eq!(code("nguyễn"), ErrorCode::UsernameChars);
        assert_eq!(code("a b c"), ErrorCode::UsernameChars);
    }

    #[test]
    fn full_names_keep_diacritics_and_collapse_spaces() {
        assert_eq!(FullName::parse("f", "  Nguyễn   Thị  Ánh ").unwrap().as_str(), "Nguyễn Thị Ánh");
        assert_eq!(FullName::parse("f", "   ").unwrap_err().code, ErrorCode::Required);
        assert_eq!(FullName::parse("f", &"đ".repeat(201)).unwrap_err().code, ErrorCode::TooLong { max: 200 });
    }

    #[test]
    fn passwords() {
        assert!(NewPassword::parse("đủ-dài-rồi-nhé", "đủ-dài-rồi-nhé", "admin").is_ok());
        let first = |r: Result<NewPassword, AppError>| match r.unwrap_err() {
            AppError::Invalid(v) => (v[0].field.clone(), v[0].code.clone()),
            other => panic!("{other:?}"),
        };
        assert_eq!(first(NewPassword::parse("", "", "a")), ("new".into(), ErrorCode::Required));
        assert_eq!(first(NewPassword::parse("short", "short", "a")), ("new".into(), ErrorCode::TooShort { min: 10 }));
        assert_eq!(
            first(NewPassword::parse("administrator", "administrator", "Administrator")),
            ("new".into(), ErrorCode::PasswordTooGuessable)
        );
        assert_eq!(
            first(NewPassword::parse("0123456789", "0123456788", "a")),
            ("confirm".into(), ErrorCode::PasswordMismatch)
        );
        assert!(format!("{:?}", NewPassword::parse("0123456789", "0123456789", "a").unwrap()).contains("***"));
    }
}
