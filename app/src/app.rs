//! The HTML shell, the router and the shared actions.

use crate::api::{get_shell_info, ChangePassword, Login, Logout, RevokeOtherSessions, SetLocale, SetupFirstAdmin};
use crate::components::layout::Layout;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::components::Router;
use nguon_shared::views::ShellInfo;
use nguon_shared::AppError;

/// The server functions whose success changes the shell (user, language);
/// the shell refetches when any of them completes.
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

/// The document around the app, rendered on the server only.
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
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The page's Content-Security-Policy, allowing only scripts that carry this
/// response's nonce (Leptos adds it to its hydration scripts).
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

/// The application: stylesheet, shell facts, router.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let actions = Actions {
        login: ServerAction::new(),
        logout: ServerAction::new(),
        setup: ServerAction::new(),
        set_locale: ServerAction::new(),
        change_password: ServerAction::new(),
        revoke_others: ServerAction::new(),
    };
    provide_context(actions);
    let shell = Resource::new(
        move || {
            (
                actions.login.version().get(),
                actions.logout.version().get(),
                actions.setup.version().get(),
                actions.set_locale.version().get(),
            )
        },
        |_| get_shell_info(),
    );
    provide_context(ShellResource(shell));
    let tasks = TaskCount(RwSignal::new(None));
    provide_context(tasks);
    // A new user or language: the shell's own count is current again.
    Effect::new(move || {
        shell.track();
        tasks.0.set(None);
    });
    view! {
        <Stylesheet id="leptos" href="/pkg/nguon.css"/>
        <Router>
            <Layout/>
        </Router>
    }
}

/// The shell facts of the current page, refetched after sign-in, sign-out,
/// set-up and language changes.
#[derive(Clone, Copy)]
pub struct ShellResource(pub Resource<Result<ShellInfo, AppError>>);

/// The navigation's task count once it has been fetched again after an
/// in-app action; `None` while the shell's count (from the page load) holds.
#[derive(Clone, Copy)]
pub struct TaskCount(pub RwSignal<Option<u32>>);

/// Fetches the task count again whenever `versions` changes, i.e. after the
/// page's actions that may add or settle a task (browser only: effects do not
/// run on the server).
pub fn refresh_task_count_after(versions: impl Fn() -> usize + Send + Sync + 'static) {
    let Some(TaskCount(count)) = use_context::<TaskCount>() else { return };
    Effect::watch(
        versions,
        move |_, _, _| {
            leptos::task::spawn_local(async move {
                if let Ok(n) = crate::api::my_task_count().await {
                    count.set(Some(n));
                }
            });
        },
        false,
    );
}
