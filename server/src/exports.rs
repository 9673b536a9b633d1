//! Downloads that are files, not pages: `GET /privacy/student/{id}/export.json`,
//! the machine-readable export of everything held about a student (the same
//! permission as its page; producing it is logged).

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use nguon_app::api::context::{AppState, RequestAuth};
use nguon_domain::audit::AuditContext;
use nguon_domain::AppError;

/// Answers the JSON export, or the refusal with the status that says what happened.
pub async fn student_export_json(State(app): State<AppState>, Extension(auth): Extension<RequestAuth>, Path(id): Path<String>) -> Response {
    let result = async {
        let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
        let actor = crate::upload::actor(&app, &auth).await?;
        let ctx = AuditContext { actor_user_id: Some(actor.user_id), client_addr: Some(auth.client_addr.clone()) };
        nguon_domain::privacy::export::export(&app.db, &actor, &ctx, id).await
    }
    .await;
    match result {
        Ok(export) => {
            let body = serde_json::to_vec_pretty(&export.machine_readable()).unwrap_or_default();
            let disposition = format!("attachment; filename=\"student-{}.json\"", export.student_id);
            (
                [
                    (header::CONTENT_TYPE, "application/json; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => {
            if let AppError::Internal { .. } = &e {
                tracing::error!(error = ?e, "student export failed");
            }
            let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CACHE_CONTROL, "no-store")], axum::Json(e)).into_response()
        }
    }
}
