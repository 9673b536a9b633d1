//! Plain HTML form posts to server functions.
//!
//! Pages render on the server and their forms post without JavaScript. For
//! such a post this middleware runs the server function as a data call, keeps
//! its outcome (answer, success, the values typed but no password) in a
//! short-lived cookie, and answers `303 See Other` back to the form's page
//! (`#outcome`, where the page shows what happened), or to where the server
//! function redirected. The page reads the cookie once
//! (`nguon_app::outcome`) and its response deletes it. Calls made by scripts
//! and tests (not asking for HTML) pass through unchanged.

use crate::router::ServerState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use leptos_axum::handle_server_fns_with_context;
use nguon_app::outcome::{FormOutcome, OUTCOME_COOKIE};

/// The largest form body read (a class of 60 ticked, a results table).
const MAX_FORM_BYTES: usize = 256 * 1024;
/// The largest answer kept for the page (larger ones are cut by the cookie's limit anyway).
const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// Pure rule: is this a form the browser posted by itself (no script)?
pub fn is_plain_form_post(method: &Method, headers: &http::HeaderMap) -> bool {
    let accepts_html = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"));
    let urlencoded = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    *method == Method::POST && accepts_html && urlencoded
}

/// Pure rule: the path and query of a referer on this site, without an old
/// `error` parameter or fragment, so a redirect can never leave the site.
pub fn back_to(referer: Option<&str>) -> String {
    let Some(referer) = referer else { return "/".into() };
    let after_scheme = referer.split_once("://").map(|(_, rest)| rest).unwrap_or(referer);
    let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
    let path = path.split('#').next().unwrap_or("/");
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    let kept: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with("error=")).collect();
    let base = if base.starts_with("//") || !base.starts_with('/') { "/" } else { base };
    if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// `POST /api/{fn}` for the server functions that leptos_axum routes itself
/// and for unknown names (answered 400 by leptos_axum).
pub async fn server_fn_handler(State(st): State<ServerState>, req: Request<Body>) -> Response {
    let app = st.app.clone();
    handle_server_fns_with_context(move || provide_context(app.clone()), req).await.into_response()
}

/// Middleware around every server function: a plain form post runs as a data
/// call, and its outcome goes back to the form's page (see the module docs).
/// `secure` adds the `Secure` flag to the cookie (served over HTTPS).
pub async fn plain_form_posts(State(secure): State<bool>, req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") || !is_plain_form_post(req.method(), req.headers()) {
        return next.run(req).await;
    }
    let path = req.uri().path().to_string();
    let referer = req.headers().get(header::REFERER).and_then(|v| v.to_str().ok()).map(str::to_string);
    let (mut parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let values: Vec<(String, String)> = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| FormOutcome::keeps_field(k))
        .collect();
    // A data call: leptos_axum and server_fn then keep the server function's own
    // status and answer instead of redirecting to the Referer themselves.
    parts.headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::REFERER);
    let res = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    let status = res.status();
    let redirected_to = res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_string);
    let set_cookies: Vec<HeaderValue> = res.headers().get_all(header::SET_COOKIE).iter().cloned().collect();
    let Ok(answer) = to_bytes(res.into_body(), MAX_ANSWER_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let ok = status.is_success() || status.is_redirection();
    let outcome = FormOutcome {
        path,
        ok,
        body: String::from_utf8_lossy(&answer).into_owned(),
        // Kept on success too: they tell which of a page's forms was sent (its hidden id).
        values,
    };
    let to = match redirected_to.filter(|to| to.starts_with('/') && !to.starts_with("//")) {
        Some(to) => to,
        None => format!("{}#outcome", back_to(referer.as_deref())),
    };
    let flags = if secure { "; Secure" } else { "" };
    let cookie = format!("{OUTCOME_COOKIE}={}; Max-Age=120; Path=/; HttpOnly; SameSite=Lax{flags}", outcome.to_cookie_value());
    let mut res = (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response();
    // The server function's own cookies (a new session, the language) still apply.
    for v in set_cookies {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// For a page: reads the outcome cookie once, hands the outcome to the page
/// render (in the request's extensions, where `nguon_app::outcome::current`
/// finds it), and deletes the cookie once the page has been rendered with it,
/// so a reload shows the page without the old message.
pub async fn outcome_for_page(mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let is_page = req.method() == Method::GET && !path.starts_with("/pkg/") && !path.starts_with("/api/");
    let cookie = if is_page { crate::middleware::cookie(req.headers(), OUTCOME_COOKIE).map(str::to_string) } else { None };
    if let Some(outcome) = cookie.as_deref().and_then(FormOutcome::from_cookie_value) {
        req.extensions_mut().insert(outcome);
    }
    let mut res = next.run(req).await;
    if cookie.is_some() && !res.status().is_redirection() {
        res.headers_mut()
            .append(header::SET_COOKIE, HeaderValue::from_static("nguon_outcome=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn plain_posts_are_recognised() {
        let form = "application/x-www-form-urlencoded";
        let html = "text/html,application/xhtml+xml,*/*;q=0.8";
        assert!(is_plain_form_post(&Method::POST, &headers(&[("accept", html), ("content-type", form)])));
        assert!(!is_plain_form_post(&Method::POST, &headers(&[("accept", "application/json"), ("content-type", form)])));
        assert!(!is_plain_form_post(&Method::POST, &headers(&[("accept", html), ("content-type", "application/json")])));
        assert!(!is_plain_form_post(&Method::GET, &headers(&[("accept", html), ("content-type", form)])));
    }

    #[test]
    fn redirects_stay_on_site() {
        assert_eq!(back_to(Some("http://x:3000/login?error=abc&next=/a")), "/login?next=/a");
        assert_eq!(back_to(Some("https://x/ledger/log?class=3#outcome")), "/ledger/log?class=3");
        assert_eq!(back_to(Some("https://x")), "/");
        assert_eq!(back_to(Some("http://x//evil.example/")), "/");
        assert_eq!(back_to(None), "/");
    }
}
