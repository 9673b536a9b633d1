//! Request middleware: who is calling (session, address, language), a
//! same-origin check on every state-changing request, and security headers
//! on every response.

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use nguon_app::api::context::{AppState, RequestAuth, LANG_COOKIE, SESSION_COOKIE};
use nguon_domain::sessions;
use nguon_shared::{AppError, Locale};
use std::net::SocketAddr;

/// State for the middleware: the app state plus proxy trust.
#[derive(Clone)]
pub struct MiddlewareState {
    /// Application state.
    pub app: AppState,
    /// Whether `X-Forwarded-For` is trusted for the client address.
    pub trust_forwarded_for: bool,
}

/// The value of cookie `name`, if present.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn client_addr(req: &Request, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for {
        let forwarded = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(|v| v.trim().to_string());
        if let Some(a) = forwarded.filter(|a| !a.is_empty()) {
            return a;
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Resolves the session cookie and stores a [`RequestAuth`] in the request.
/// A cookie whose session ended is cleared in the response.
pub async fn session_layer(State(st): State<MiddlewareState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let token = cookie(headers, SESSION_COOKIE).map(str::to_string);
    // Vietnamese unless the visitor chose otherwise: many Vietnamese users run
    // browsers in English, so Accept-Language is not a reliable signal here.
    let locale_hint = cookie(headers, LANG_COOKIE).and_then(Locale::from_code);
    let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let session = match &token {
        Some(t) => match sessions::resolve(&st.app.db, &st.app.auth, t, chrono::Utc::now()).await {
            Ok(s) => s,
            Err(e) => return error_response(StatusCode::INTERNAL_SERVER_ERROR, &e),
        },
        None => None,
    };
    let stale_cookie = token.is_some() && session.is_none();
    let auth = RequestAuth {
        token: session.as_ref().and(token),
        session,
        client_addr: client_addr(&req, st.trust_forwarded_for),
        user_agent,
        locale_hint,
    };
    req.extensions_mut().insert(auth);
    let mut res = next.run(req).await;
    if stale_cookie && !res.headers().contains_key(header::SET_COOKIE) {
        let flags = if st.app.secure_cookies { "; Secure" } else { "" };
        if let Ok(v) = HeaderValue::from_str(&format!("{SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax{flags}")) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// Pure rule: may a request with these headers change state?
/// `Sec-Fetch-Site` decides when the browser sends it; otherwise `Origin`
/// must name this very host. A request with neither is refused.
pub fn same_origin(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "same-origin";
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    match (origin, host) {
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, authority)| authority) == Some(host),
        _ => false,
    }
}

/// Refuses cross-origin state-changing requests (CSRF defence; Leptos server
/// functions do no such check of their own).
pub async fn csrf_guard(req: Request, next: Next) -> Response {
    if same_origin(req.method(), req.headers()) {
        next.run(req).await
    } else {
        tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-origin request refused");
        error_response(StatusCode::FORBIDDEN, &AppError::CrossOrigin)
    }
}

/// A response carrying an [`AppError`] the way server-function clients read it (JSON).
fn error_response(status: StatusCode, e: &AppError) -> Response {
    let body = serde_json::to_string(e).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], Body::from(body)).into_response()
}

/// Adds the security headers to every response. Pages set their own
/// Content-Security-Policy with the script nonce; everything else gets a
/// strict default. Pages and API answers are never stored (`no-store`); the
/// build output under `/pkg` is kept for good when its name carries the
/// build's content hash (see `assets::cache_control`).
pub async fn security_headers(State(secure): State<bool>, req: Request, next: Next) -> Response {
    let asset_cache = req.uri().path().starts_with("/pkg/").then(|| crate::assets::cache_control(req.uri().path()));
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut HeaderMap, k: header::HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "same-origin");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()");
    set(h, header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(
            h,
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        );
    }
    set(h, header::CACHE_CONTROL, asset_cache.unwrap_or("no-store"));
    if secure {
        set(h, header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn same_origin_table() {
        let post = Method::POST;
        let cases: &[(&[(&str, &str)], bool)] = &[
            (&[("sec-fetch-site", "same-origin")], true),
            (&[("sec-fetch-site", "cross-site"), ("origin", "http://a:3000"), ("host", "a:3000")], false),
            (&[("sec-fetch-site", "same-site")], false),
            (&[("origin", "http://a:3000"), ("host", "a:3000")], true),
            (&[("origin", "http://evil:3000"), ("host", "a:3000")], false),
            (&[("origin", "null"), ("host", "a:3000")], false),
            (&[("host", "a:3000")], false),
        ];
        for (h, expected) in cases {
            assert_eq!(same_origin(&post, &headers(h)), *expected, "{h:?}");
        }
        assert!(same_origin(&Method::GET, &HeaderMap::new()));
    }

    #[test]
    fn cookies_are_found_among_others() {
        let h = headers(&[("cookie", "a=1; nguon_session=tok; b=2")]);
        assert_eq!(cookie(&h, "nguon_session"), Some("tok"));
        assert_eq!(cookie(&h, "c"), None);
    }
}
