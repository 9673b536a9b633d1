//! One guard for every server function's form input: control characters
//! (NUL, escape, delete …; tab and line breaks are text) have no place in any
//! field, and PostgreSQL cannot even store NUL. A field holding one is refused
//! as invalid before any server function runs, so every function answers 400
//! (or the form's page shows the error, for a plain form post) rather than
//! failing deep inside with a database error.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use nguon_shared::{AppError, ErrorCode};

/// Largest form accepted (the same bound as the plain form posts').
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// Whether `c` is a control character that no field may hold.
pub fn forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The first field of a url-encoded body holding a forbidden character (its name, `[]` dropped).
pub fn first_bad_field(body: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .unwrap_or_default()
        .into_iter()
        .find(|(k, v)| k.chars().any(forbidden) || v.chars().any(forbidden))
        .map(|(k, _)| k.trim_end_matches("[]").chars().filter(|c| !forbidden(*c)).collect())
}

/// Middleware on `/api/*` url-encoded posts.
pub async fn refuse_control_characters(req: Request, next: Next) -> Response {
    let form = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    if !req.uri().path().starts_with("/api/") || !form {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    if let Some(field) = first_bad_field(&bytes) {
        let e = AppError::invalid(&field, ErrorCode::InvalidValue);
        return (StatusCode::BAD_REQUEST, [(header::CONTENT_TYPE, "application/json")], serde_json::to_string(&e).unwrap_or_default()).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_by_field() {
        let cases: [(&[u8], Option<&str>); 6] = [
            (b"name=Nguy%E1%BB%85n&note=line%0Anext%09tab", None),
            (b"username=%00admin", Some("username")),
            (b"a=1&students[]=%1B", Some("students")),
            (b"x=%7F", Some("x")),
            (b"%00=1", Some("")),
            (b"q=%FF%FE", None),
        ];
        for (body, want) in cases {
            assert_eq!(first_bad_field(body).as_deref(), want, "{}", String::from_utf8_lossy(body));
        }
    }
}
