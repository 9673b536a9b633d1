//! File uploads as plain multipart forms (server functions take no files
//! here): `POST /upload/roster` (the roster) and `POST /upload/results`
//! (study and conduct results). Each answers with a redirect, so it works the
//! same with or without JavaScript: onward on success, back to the form's
//! page with `?error=` otherwise.

use axum::extract::{Multipart, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use nguon_app::api::context::{AppState, RequestAuth};
use nguon_domain::audit::AuditContext;
use nguon_domain::policy::Actor;
use nguon_domain::roster::{self, UploadInput, MAX_UPLOAD_BYTES};
use nguon_domain::{accounts, AppError, ErrorCode};

/// The signed-in user as the policy sees it, from the session middleware's facts.
pub(crate) async fn actor(app: &AppState, auth: &RequestAuth) -> Result<Actor, AppError> {
    let session = auth.session.as_ref().ok_or(AppError::Unauthenticated)?;
    let user = accounts::find_user(&app.db, session.user_id).await?.filter(|u| u.is_active).ok_or(AppError::Unauthenticated)?;
    Ok(Actor { user_id: user.id, grants: accounts::active_grants(&app.db, user.id).await? })
}

/// The text fields and the file of an upload form.
struct UploadForm {
    school_year: Option<i64>,
    period: Option<i16>,
    file: Option<(String, Vec<u8>)>,
}

async fn read_form(mut form: Multipart) -> Result<UploadForm, AppError> {
    let bad = |field: &str| AppError::invalid(field, ErrorCode::InvalidValue);
    let mut out = UploadForm { school_year: None, period: None, file: None };
    // The whole form is read even after a bad field, so that the answer never
    // comes while the browser is still sending (a connection cut mid-upload).
    let mut refused: Option<AppError> = None;
    while let Some(field) = form.next_field().await.map_err(|_| bad("file"))? {
        match field.name() {
            Some("school_year") => match field.text().await.ok().and_then(|t| t.trim().parse::<i64>().ok()) {
                Some(v) => out.school_year = Some(v),
                None => {
                    refused.get_or_insert_with(|| bad("school_year"));
                }
            },
            Some("period") => match field.text().await.ok().and_then(|t| t.trim().parse::<i16>().ok()) {
                Some(v) => out.period = Some(v),
                None => {
                    refused.get_or_insert_with(|| bad("period"));
                }
            },
            Some("file") => {
                // A name is only shown back: control characters dropped, a sane length kept.
                let name: String = field.file_name().unwrap_or_default().chars().filter(|c| !crate::input::forbidden(*c)).take(200).collect();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| AppError::invalid("file", ErrorCode::TooLong { max: MAX_UPLOAD_BYTES as u32 }))?;
                out.file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    match refused {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

/// Handles the upload form.
pub async fn roster_upload(
    State(app): State<AppState>,
    Extension(auth): Extension<RequestAuth>,
    form: Multipart,
) -> Response {
    let result = async {
        // The form is read before anything is decided, so no answer cuts an upload short.
        let form = read_form(form).await;
        let actor = actor(&app, &auth).await?;
        let form = form?;
        let year = form.school_year.ok_or_else(|| AppError::invalid("school_year", ErrorCode::Required))?;
        let (file_name, bytes) = form.file.filter(|(_, b)| !b.is_empty()).ok_or_else(|| AppError::invalid("file", ErrorCode::Required))?;
        let school_id = nguon_domain::school_years::school_of(&app.db, year).await?;
        let ctx = AuditContext { actor_user_id: Some(actor.user_id), client_addr: Some(auth.client_addr.clone()) };
        roster::upload(&app.db, &actor, &ctx, UploadInput { school_id, school_year_id: year, file_name, bytes }).await
    }
    .await;
    match result {
        Ok(id) => see_other(&format!("/admin/import/{id}")),
        Err(e) => see_other(&format!("/admin/import?error={}", e.to_query_value())),
    }
}

/// Handles the results upload form: every row recorded, or nothing and the
/// wrong rows listed.
pub async fn results_upload(
    State(app): State<AppState>,
    Extension(auth): Extension<RequestAuth>,
    form: Multipart,
) -> Response {
    let mut back = "/ledger/results?".to_string();
    let result = async {
        // The form is read before anything is decided, so no answer cuts an upload short.
        let form = read_form(form).await;
        let actor = actor(&app, &auth).await?;
        let form = form?;
        let year = form.school_year.ok_or_else(|| AppError::invalid("school_year", ErrorCode::Required))?;
        let period = form.period.ok_or_else(|| AppError::invalid("period", ErrorCode::Required))?;
        back = format!("/ledger/results?year={year}&period={period}&");
        let (file_name, bytes) = form.file.filter(|(_, b)| !b.is_empty()).ok_or_else(|| AppError::invalid("file", ErrorCode::Required))?;
        let ctx = AuditContext { actor_user_id: Some(actor.user_id), client_addr: Some(auth.client_addr.clone()) };
        nguon_domain::merit::results::import(&app.db, &actor, &ctx, year, period, &file_name, &bytes).await
    }
    .await;
    match result {
        Ok(done) => see_other(&format!("{back}imported={}&mapped={}", done.rows, done.mapped)),
        Err(e) => see_other(&format!("{back}error={}", e.to_query_value())),
    }
}
