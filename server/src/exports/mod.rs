//! Downloads that are files, not pages: `GET /privacy/student/{id}/export.json`,
//! the machine-readable export of everything held about a student (the same
//! permission as its page; producing it is logged), and `GET /export/{name}`,
//! the Excel export of a list or report with its page's filters (audited).

mod sheet;

use axum::extract::{Path, Query, State};
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

/// Answers the Excel export `name` (see `nguon_app::exports::NAMES`) with the
/// page's filters from the query string, or the refusal with its status.
pub async fn xlsx(
    State(app): State<AppState>,
    Extension(auth): Extension<RequestAuth>,
    Path(name): Path<String>,
    Query(params): Query<std::collections::HashMap<String, String>>,
) -> Response {
    let result = async {
        let name = name.strip_suffix(".xlsx").unwrap_or(&name).to_string();
        if !nguon_app::exports::NAMES.contains(&name.as_str()) {
            return Err(AppError::NotFound);
        }
        let actor = crate::upload::actor(&app, &auth).await?;
        let user = nguon_domain::accounts::find_user(&app.db, actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        let m = nguon_app::i18n::messages(nguon_domain::Locale::from_code(&user.locale).unwrap_or_default());
        let ctx = AuditContext { actor_user_id: Some(actor.user_id), client_addr: Some(auth.client_addr.clone()) };
        let param = |k: &str| params.get(k).cloned().unwrap_or_default();
        let report = nguon_app::exports::report(&app.db, &actor, &ctx, m, &name, &param).await?;
        let bytes = sheet::workbook(&report.sheets)?;
        let mut filters: Vec<(&String, &String)> = params.iter().filter(|(_, v)| !v.is_empty()).collect();
        filters.sort();
        let after = serde_json::json!({ "view": name, "filters": filters, "rows": report.sheets.iter().map(|s| s.rows.len()).sum::<usize>() });
        nguon_domain::audit::record(&app.db, &ctx, nguon_domain::audit::AuditEntry { action: "export", entity: "report", entity_id: Some(name.clone()), before: None, after: Some(after) }).await?;
        Ok((report.file_name, bytes))
    }
    .await;
    match result {
        Ok((file, bytes)) => (
            [
                (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}.xlsx\"")),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            if let AppError::Internal { .. } = &e {
                tracing::error!(error = ?e, "export failed");
            }
            let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CACHE_CONTROL, "no-store")], axum::Json(e)).into_response()
        }
    }
}
