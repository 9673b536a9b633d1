//! The axum router: pages, server functions, static files and middleware.

use crate::config::Config;
use crate::forms::{outcome_for_page, plain_form_posts, server_fn_handler};
use crate::middleware::{csrf_guard, security_headers, session_layer, MiddlewareState};
use axum::extract::FromRef;
use axum::routing::post;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use nguon_app::api::context::AppState;
use nguon_app::{shell, App};

/// The router's state.
#[derive(Clone)]
pub struct ServerState {
    /// Leptos' site options.
    pub leptos: LeptosOptions,
    /// Application state.
    pub app: AppState,
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(s: &ServerState) -> Self {
        s.leptos.clone()
    }
}

/// Leptos options from our configuration (not from Cargo.toml, so the binary
/// runs the same whether or not cargo-leptos started it).
pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("nguon")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        // Release builds name their assets by content (hash.txt beside the binary).
        .hash_files(nguon_app::assets::hashes().wasm.is_some())
        .build()
}

/// Builds the whole application router.
pub fn build(config: &Config, app: AppState) -> Router {
    let leptos = leptos_options(config);
    let routes = generate_route_list(App);
    let state = ServerState { leptos: leptos.clone(), app: app.clone() };
    let page_ctx = {
        let app = app.clone();
        move || {
            provide_context(app.clone());
            leptos::nonce::provide_nonce();
        }
    };
    let mw = MiddlewareState { app: app.clone(), trust_forwarded_for: config.trust_forwarded_for };
    Router::new()
        // POST only: no server function can be reached with GET.
        .route("/api/{*fn_name}", post(server_fn_handler))
        .route(
            "/upload/roster",
            post(crate::upload::roster_upload)
                .with_state(app.clone())
                // Room for the largest file accepted plus the form's own bytes.
                .layer(axum::extract::DefaultBodyLimit::max(nguon_domain::roster::MAX_UPLOAD_BYTES + 64 * 1024)),
        )
        .route(
            "/upload/results",
            post(crate::upload::results_upload)
                .with_state(app.clone())
                .layer(axum::extract::DefaultBodyLimit::max(nguon_domain::roster::MAX_UPLOAD_BYTES + 64 * 1024)),
        )
        .route("/healthz", axum::routing::get(crate::health::healthz))
        .route("/readyz", axum::routing::get(crate::health::readyz).with_state(app.clone()))
        .route("/privacy/student/{id}/export.json", axum::routing::get(crate::exports::student_export_json).with_state(app.clone()))
        .route("/export/{name}", axum::routing::get(crate::exports::xlsx).with_state(app.clone()))
        .leptos_routes_with_context(&state, routes, page_ctx.clone(), {
            let leptos = leptos.clone();
            move || shell(leptos.clone())
        })
        // The built assets, from the files compressed at build time (`precompress`).
        .nest_service("/pkg", crate::assets::pkg_service(&config.site_root))
        .fallback(leptos_axum::file_and_error_handler_with_context::<ServerState, _>(page_ctx, shell))
        .layer(axum::middleware::from_fn(crate::input::refuse_control_characters))
        .layer(axum::middleware::from_fn(outcome_for_page))
        .layer(axum::middleware::from_fn(crate::status::honest_status))
        .layer(axum::middleware::from_fn_with_state(config.secure_cookies, plain_form_posts))
        .layer(axum::middleware::from_fn_with_state(mw, session_layer))
        .layer(axum::middleware::from_fn(csrf_guard))
        .layer(axum::middleware::from_fn_with_state(config.secure_cookies, security_headers))
        // Pages and server function answers compressed per request (level 5 keeps brotli
        // fast); the assets under /pkg already are, and are left alone.
        // (they carry their Content-Encoding already, which this layer respects).
        .layer(tower_http::compression::CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(5)))
        .with_state(state)
}
