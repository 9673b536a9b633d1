//! Server-only plumbing shared by the server functions: application state,
//! the request's session, cookies, and where a form goes on success.

use axum::http::{header, request::Parts, HeaderValue};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{session, user};
use nguon_domain::policy::Actor;
use nguon_domain::settings::AuthSettings;
use nguon_domain::{accounts, DatabaseConnection};
use nguon_shared::{AppError, Locale};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "nguon_session";
/// Name of the language cookie (for visitors who are not signed in).
pub const LANG_COOKIE: &str = "nguon_lang";

/// Shared state, provided to every server function and page render.
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// Session and throttling settings.
    pub auth: AuthSettings,
    /// Whether cookies get the `Secure` flag (served over HTTPS).
    pub secure_cookies: bool,
}

/// What the session middleware learned about the request; stored in the
/// request's extensions.
#[derive(Clone, Debug)]
pub struct RequestAuth {
    /// The session cookie's token, if the session is valid.
    pub token: Option<String>,
    /// The valid session, if any.
    pub session: Option<session::Model>,
    /// The client address (peer, or forwarded when configured).
    pub client_addr: String,
    /// The client's user agent.
    pub user_agent: String,
    /// Language chosen by a visitor (cookie); `None` means the default.
    pub locale_hint: Option<Locale>,
}

/// The application state.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}

/// The request's authentication facts.
pub fn request_auth() -> Result<RequestAuth, AppError> {
    use_context::<Parts>()
        .and_then(|p| p.extensions.get::<RequestAuth>().cloned())
        .ok_or_else(|| AppError::internal("RequestAuth missing from request"))
}

/// The signed-in account, or [`AppError::Unauthenticated`].
pub async fn current_user() -> Result<(user::Model, session::Model), AppError> {
    let st = state()?;
    let session = request_auth()?.session.ok_or(AppError::Unauthenticated)?;
    let account = accounts::find_user(&st.db, session.user_id).await?.ok_or(AppError::Unauthenticated)?;
    if !account.is_active {
        return Err(AppError::Unauthenticated);
    }
    Ok((account, session))
}

/// The signed-in user as the policy sees it.
pub async fn actor() -> Result<Actor, AppError> {
    let (account, _) = current_user().await?;
    let grants = accounts::active_grants(&state()?.db, account.id).await?;
    Ok(Actor { user_id: account.id, grants })
}

/// Audit context for the current request.
pub fn audit_context(actor_user_id: Option<i64>) -> AuditContext {
    AuditContext { actor_user_id, client_addr: request_auth().ok().map(|a| a.client_addr) }
}

/// A required `dd/mm/yyyy` date field.
pub fn required_date(field: &str, text: &str) -> Result<chrono::NaiveDate, AppError> {
    use nguon_shared::ErrorCode;
    match text.trim() {
        "" => Err(AppError::invalid(field, ErrorCode::Required)),
        t => crate::format::parse_date(t).ok_or_else(|| AppError::invalid(field, ErrorCode::InvalidDate)),
    }
}

/// The confirmation box of an act that is hard to undo: refused unless ticked.
pub fn require_confirmation(field: &str, value: Option<&str>) -> Result<(), AppError> {
    match value.map(str::trim) {
        Some(v) if !v.is_empty() => Ok(()),
        _ => Err(AppError::invalid(field, nguon_shared::ErrorCode::NeedsConfirmation)),
    }
}

/// A field whose value is outside the allowed set.
pub fn invalid_value(field: &str) -> AppError {
    AppError::invalid(field, nguon_shared::ErrorCode::InvalidValue)
}

/// A required number field.
pub fn required_number<T: std::str::FromStr>(field: &str, text: &str) -> Result<T, AppError> {
    text.trim().parse().map_err(|_| invalid_value(field))
}

/// An optional number field (empty: none).
pub fn optional_number<T: std::str::FromStr>(field: &str, text: &str) -> Result<Option<T>, AppError> {
    match text.trim() {
        "" => Ok(None),
        t => required_number(field, t).map(Some),
    }
}

/// A name search typed in a list's search box: at most 100 characters.
pub fn search_text(text: &str) -> Result<String, AppError> {
    if text.chars().count() > 100 {
        return Err(AppError::invalid("q", nguon_shared::ErrorCode::TooLong { max: 100 }));
    }
    Ok(text.trim().to_string())
}

/// An optional `dd/mm/yyyy` date field (empty: none).
pub fn optional_date(field: &str, text: &str) -> Result<Option<chrono::NaiveDate>, AppError> {
    match text.trim() {
        "" => Ok(None),
        t => crate::format::parse_date(t).map(Some).ok_or_else(|| AppError::invalid(field, nguon_shared::ErrorCode::InvalidDate)),
    }
}

fn set_cookie(value: String) {
    if let (Some(opts), Ok(v)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(&value)) {
        opts.append_header(header::SET_COOKIE, v);
    }
}

fn cookie_flags(secure: bool) -> &'static str {
    if secure {
        "; Path=/; HttpOnly; SameSite=Lax; Secure"
    } else {
        "; Path=/; HttpOnly; SameSite=Lax"
    }
}

/// Sets the session cookie (a browser-session cookie: it dies with the browser;
/// the server enforces the idle and absolute limits).
pub fn set_session_cookie(st: &AppState, token: &str) {
    set_cookie(format!("{SESSION_COOKIE}={token}{}", cookie_flags(st.secure_cookies)));
}

/// Expires the session cookie.
pub fn clear_session_cookie(st: &AppState) {
    set_cookie(format!("{SESSION_COOKIE}={}; Max-Age=0", cookie_flags(st.secure_cookies)));
}

/// Remembers a visitor's language for a year.
pub fn set_lang_cookie(st: &AppState, locale: Locale) {
    set_cookie(format!("{LANG_COOKIE}={}; Max-Age=31536000{}", locale.code(), cookie_flags(st.secure_cookies)));
}

/// Finishes a server function called by a form: on success, the browser is
/// sent on to `success_to` when given. Every other outcome of a plain form
/// post returns to the form's page, carrying the answer (see the server
/// crate's `forms` module and [`crate::outcome`]).
pub fn finish_form<T>(result: Result<T, AppError>, success_to: Option<&str>) -> Result<T, AppError> {
    if let (Ok(_), Some(to)) = (&result, success_to) {
        leptos_axum::redirect(to);
    }
    result
}
