//! The HTML shell, the router and the shared actions.

use crate::api::{get_shell_info, ChangePassword, Login, Logout, RevokeOtherSessions, SetLocale, SetupFirstAdmin};
use crate::components::layout::Layout;
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::components::Router;
use nguon_shared::views::ShellInfo;
use nguon_shared::AppError;

/// The server functions whose forms sit in the shell or on several pages
/// (sign-in, sign-out, set-up, language, password). Each is seeded with the
/// outcome of its last plain form post (see [`form_action`]).
#[derive(Clone, Copy)]
pub struct Actions {
    /// Sign in.
    pub login: ServerAction<Login>,
    /// Sign out.
    pub logout: ServerAction<Logout>,
    /// First-run set-up.
    pub setup: ServerAction<SetupFirstAdmin>,
    /// Language switch.
    pub set_locale: ServerAction<SetLocale>,
    /// Password change.
    pub change_password: ServerAction<ChangePassword>,
    /// Ending other sessions.
    pub revoke_others: ServerAction<RevokeOtherSessions>,
}

/// The document around the app, rendered on the server only. The islands
/// script loads the (small) wasm that brings `#[island]`s to life; the rest of
/// the page is plain HTML whose forms post without JavaScript.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_page_csp();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The page's Content-Security-Policy, allowing only scripts that carry this
/// response's nonce (Leptos adds it to its islands script).
#[cfg(feature = "ssr")]
fn set_page_csp() {
    use leptos::nonce::use_nonce;
    use leptos_axum::ResponseOptions;
    if let (Some(nonce), Some(opts)) = (use_nonce(), use_context::<ResponseOptions>()) {
        let csp = format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'"
        );
        if let Ok(v) = http::HeaderValue::from_str(&csp) {
            opts.insert_header(http::header::CONTENT_SECURITY_POLICY, v);
        }
    }
}

/// The application: stylesheet, shell facts, router. Rendered on the server
/// for every request; nothing here runs in the browser.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let actions = Actions {
        login: form_action(),
        logout: form_action(),
        setup: form_action(),
        set_locale: form_action(),
        change_password: form_action(),
        revoke_others: form_action(),
    };
    provide_context(actions);
    let shell = Resource::new(|| (), |_| get_shell_info());
    provide_context(ShellResource(shell));
    view! {
        <Stylesheet id="leptos" href=crate::assets::stylesheet_href()/>
        <Router>
            <Layout/>
        </Router>
    }
}

/// The shell facts of the current page (who is signed in, language, set-up).
#[derive(Clone, Copy)]
pub struct ShellResource(pub Resource<Result<ShellInfo, AppError>>);
