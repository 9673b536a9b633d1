//! Probes for load balancers and monitoring: `/healthz` answers while the
//! process serves (no database touched), `/readyz` only while the database
//! answers too (503 otherwise, so traffic goes to another instance).

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use nguon_app::api::context::AppState;

/// `GET /healthz`: the process is alive.
pub async fn healthz() -> Response {
    ([(header::CACHE_CONTROL, "no-store")], "ok").into_response()
}

/// `GET /readyz`: the database is reachable.
pub async fn readyz(State(app): State<AppState>) -> Response {
    match app.db.ping().await {
        Ok(()) => ([(header::CACHE_CONTROL, "no-store")], "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, [(header::CACHE_CONTROL, "no-store")], "database unreachable").into_response()
        }
    }
}
