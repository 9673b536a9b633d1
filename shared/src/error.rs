//! The one application error type.
//!
//! Its variants say what went wrong in terms a user can act on; the user
//! interface translates them through the message catalogues. Internal failures
//! carry only a reference: the details are logged on the server
//! ([`AppError::internal`]) and never sent to the browser.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// Why one input field was refused. Translated by the UI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorCode {
    /// The field is empty but required.
    Required,
    /// Shorter than `min` characters.
    TooShort {
        /// Minimum length in characters.
        min: u32,
    },
    /// Longer than `max` characters.
    TooLong {
        /// Maximum length in characters.
        max: u32,
    },
    /// A login name may hold only letters a–z, digits, dot, dash and underscore.
    UsernameChars,
    /// The login name is already used by another account.
    UsernameTaken,
    /// The two password fields differ.
    PasswordMismatch,
    /// The current password given to confirm a change is wrong.
    WrongCurrentPassword,
    /// The new password equals the login name or the old password.
    PasswordTooGuessable,
    /// A value outside the allowed set.
    InvalidValue,
    /// Not a date written dd/mm/yyyy.
    InvalidDate,
    /// The file is neither a readable `.xlsx` nor a `.csv`.
    UnreadableFile,
    /// The file's text is in a legacy Vietnamese encoding (TCVN3, VNI) and
    /// would come out garbled.
    LegacyEncoding {
        /// `TCVN3` or `VNI`.
        encoding: String,
    },
    /// The same student appears earlier in the file, at `line`.
    DuplicateInFile {
        /// Line (row number as the spreadsheet shows it) of the first occurrence.
        line: u32,
    },
    /// A class name without a grade 10–12 (e.g. "10A1").
    InvalidClass,
    /// The same column is mapped to two fields, or a required field has no column.
    BadMapping,
    /// Nobody approves (or rejects) their own entries.
    OwnEntry,
    /// The entry was already reviewed, reversed, or cannot be reversed.
    AlreadyDone,
    /// A date outside the school year (or the activity's period).
    OutOfPeriod,
    /// An act that is hard to undo needs its confirmation box ticked.
    NeedsConfirmation,
    /// A date outside the dates allowed, which the message names.
    OutsideDates {
        /// First day allowed.
        from: chrono::NaiveDate,
        /// Last day allowed.
        to: chrono::NaiveDate,
    },
    /// The same activity is already logged for these students on that day;
    /// logging it again needs the form's confirmation.
    AlreadyLogged {
        /// How many of the students already have it.
        students: u32,
        /// Who logged it first (login names).
        by: String,
    },
    /// A spreadsheet past the bounds (too many rows or columns, or unpacking too large).
    FileTooBig {
        /// Most rows read.
        rows: u32,
        /// Most columns read.
        columns: u32,
    },
    /// A second person must confirm what the first one proposed.
    SecondPerson,
    /// The record must be kept (a candidacy's record, as the rules require).
    KeptByRule,
    /// No student of this school (placed in the year) matches the row's code, or name and date of birth.
    UnknownStudent,
    /// No place left (an awareness class is full).
    Full,
    /// The same record already exists (a plan's number from the same body, an adoption by the same body).
    AlreadyExists,
    /// A day earlier than the first day allowed.
    NotBefore {
        /// First day allowed.
        date: chrono::NaiveDate,
    },
    /// A number above the largest accepted.
    TooLarge {
        /// Largest accepted.
        max: u32,
    },
    /// A result word on neither the current nor the older scale (nor the school's mapping).
    UnknownGrade {
        /// The word as written.
        value: String,
    },
    /// A rule of the admission procedure refuses the move.
    Rule {
        /// Which rule, with its facts.
        failure: crate::pipeline::CheckFailure,
    },
}

/// A refused input field: which one and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's name, as in the HTML form.
    pub field: String,
    /// Why it was refused.
    pub code: ErrorCode,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: &str, code: ErrorCode) -> Self {
        FieldError { field: field.to_string(), code }
    }
}

/// Every failure a user can meet, from any server function or page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session expired.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but the policy refuses this action here.
    #[error("forbidden")]
    Forbidden,
    /// The record does not exist or is not visible to this user.
    #[error("not found")]
    NotFound,
    /// Input refused; nothing was changed.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// Wrong login name or password (deliberately not saying which).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed logins for this account or address.
    #[error("throttled for {retry_after_minutes} min")]
    Throttled {
        /// Minutes until a new attempt is accepted.
        retry_after_minutes: u32,
    },
    /// A state-changing request that did not come from this site.
    #[error("cross-origin request refused")]
    CrossOrigin,
    /// First-run set-up was asked for, but an account already exists.
    #[error("already set up")]
    AlreadySetUp,
    /// Someone else changed the same record at the same moment; nothing was changed.
    #[error("conflict")]
    Conflict,
    /// The request could not reach the server or its answer could not be read.
    #[error("request failed: {0}")]
    Request(String),
    /// A server fault. Details are in the server log under `reference`.
    #[error("internal error, reference {reference}")]
    Internal {
        /// Short id that links what the user sees to the log line.
        reference: String,
    },
}

impl AppError {
    /// One refused field.
    pub fn invalid(field: &str, code: ErrorCode) -> Self {
        AppError::Invalid(vec![FieldError::new(field, code)])
    }

    /// The HTTP status that says what happened: 400 bad input, 401 not
    /// signed in (or wrong password), 403 refused outright, 404 not found or
    /// not visible, 409 conflict with what exists, 429 throttled, 500 a fault.
    pub fn http_status(&self) -> u16 {
        match self {
            AppError::Invalid(_) | AppError::Request(_) => 400,
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::Forbidden | AppError::CrossOrigin => 403,
            AppError::NotFound => 404,
            AppError::AlreadySetUp | AppError::Conflict => 409,
            AppError::Throttled { .. } => 429,
            AppError::Internal { .. } => 500,
        }
    }

    /// Field errors for `field`, if this is a validation error.
    pub fn field_errors<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a ErrorCode> + 'a {
        let list: &[FieldError] = match self {
            AppError::Invalid(list) => list,
            _ => &[],
        };
        list.iter().filter(move |e| e.field == field).map(|e| &e.code)
    }

    /// Encodes the error for a URL query parameter, so a page reached by a
    /// plain HTML form post (no JavaScript) can show it after the redirect.
    pub fn to_query_value(&self) -> String {
        use base64::Engine as _;
        let json = serde_json::to_vec(self).unwrap_or_default();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
    }

    /// Decodes [`AppError::to_query_value`]; garbage gives `None`.
    pub fn from_query_value(value: &str) -> Option<AppError> {
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(value).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(feature = "server")]
mod server {
    use super::AppError;

    impl AppError {
        /// Logs an internal failure with a fresh reference and returns the
        /// user-safe error that carries only that reference.
        #[track_caller]
        pub fn internal(error: impl std::fmt::Display) -> AppError {
            use rand::Rng as _;
            let reference = format!("{:08x}", rand::rng().random::<u32>());
            let location = std::panic::Location::caller();
            tracing::error!(%reference, %location, error = %error, "internal error");
            AppError::Internal { reference }
        }
    }

    impl From<sea_orm::DbErr> for AppError {
        #[track_caller]
        fn from(e: sea_orm::DbErr) -> Self {
            AppError::internal(e)
        }
    }

    impl<E: std::fmt::Display> From<sea_orm::TransactionError<E>> for AppError
    where
        E: std::error::Error,
    {
        #[track_caller]
        fn from(e: sea_orm::TransactionError<E>) -> Self {
            AppError::internal(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_value_round_trips() {
        let errors = [
            AppError::Throttled { retry_after_minutes: 15 },
            AppError::invalid("username", ErrorCode::TooShort { min: 3 }),
            AppError::Internal { reference: "abc".into() },
        ];
        for e in errors {
            assert_eq!(AppError::from_query_value(&e.to_query_value()), Some(e));
        }
        assert_eq!(AppError::from_query_value("%%%"), None);
    }

    #[test]
    fn statuses_say_what_happened() {
        let cases = [
            (AppError::invalid("q", ErrorCode::TooLong { max: 100 }), 400),
            (AppError::Request("bad".into()), 400),
            (AppError::Unauthenticated, 401),
            (AppError::InvalidCredentials, 401),
            (AppError::Forbidden, 403),
            (AppError::CrossOrigin, 403),
            (AppError::NotFound, 404),
            (AppError::AlreadySetUp, 409),
            (AppError::Conflict, 409),
            (AppError::Throttled { retry_after_minutes: 15 }, 429),
            (AppError::Internal { reference: "abc".into() }, 500),
        ];
        for (e, status) in cases {
            assert_eq!(e.http_status(), status, "{e:?}");
        }
    }

    #[test]
    fn field_errors_filter_by_field() {
        let e = AppError::Invalid(vec![
            FieldError::new("a", ErrorCode::Required),
            FieldError::new("b", ErrorCode::TooLong { max: 5 }),
        ]);
        assert_eq!(e.field_errors("b").collect::<Vec<_>>(), vec![&ErrorCode::TooLong { max: 5 }]);
        assert_eq!(AppError::Forbidden.field_errors("a").count(), 0);
    }
}
