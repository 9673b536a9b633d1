//! Server-function answers whose status says what happened. Server functions
//! answer every refusal as `500` with the `AppError` as JSON; this middleware
//! gives such an answer the status of its error (`AppError::http_status`: 400,
//! 401, 403, 404, 409, 429) and, when throttled, a `Retry-After`. A real fault
//! stays 500 (logged with its reference by `AppError::internal`).

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, StatusCode};
use nguon_shared::AppError;

/// The largest error answer read (an `AppError` is a few hundred bytes; a long list of field errors a few KB).
const MAX_ERROR_BYTES: usize = 256 * 1024;

/// Middleware around every server function (see the module docs).
pub async fn honest_status(req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(e) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let AppError::Throttled { retry_after_minutes } = e {
            if let Ok(v) = HeaderValue::from_str(&(u64::from(retry_after_minutes) * 60).to_string()) {
                parts.headers.insert(header::RETRY_AFTER, v);
            }
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
