//! The responsive page frame: header, navigation by role, user, language
//! switch, log out, and the routed page.

use crate::app::Actions;
use crate::i18n::{messages, Messages};
use crate::pages::{account::AccountPage, home::HomePage, login::LoginPage, setup::SetupPage, users::UsersPage};
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Routes, A};
use leptos_router::{path, SsrMode};
use nguon_shared::views::ShellInfo;
use nguon_shared::{Locale, Role};

/// What pages read from the frame: the catalogue and the shell facts.
#[derive(Clone)]
pub struct PageCtx {
    /// The catalogue of the current language.
    pub m: &'static Messages,
    /// Who is signed in, language, set-up state.
    pub info: ShellInfo,
}

/// The page context; panics only if used outside the layout (a bug).
pub fn use_page() -> PageCtx {
    expect_context::<PageCtx>()
}

/// Page frame around the routes.
#[component]
pub fn Layout(info: ShellInfo) -> impl IntoView {
    let m = messages(info.locale);
    provide_context(PageCtx { m, info: info.clone() });
    let actions = expect_context::<Actions>();
    let user = info.user.clone();
    let is_admin = user.as_ref().is_some_and(|u| u.has_role(Role::Administrator));
    view! {
        <a class="skip" href="#main">{m.skip_to_content}</a>
        <header class="topbar">
            <a class="brand" href="/">
                <span class="brand-name">{m.app_name}</span>
                <span class="brand-tag">{m.tagline}</span>
            </a>
            <details class="menu">
                <summary>{m.menu}</summary>
                <nav aria-label=m.menu>
                    {user.as_ref().map(|_| view! {
                        <A href="/">{m.nav_home}</A>
                        {is_admin.then(|| view! { <A href="/admin/users">{m.nav_users}</A> })}
                        <A href="/account">{m.nav_account}</A>
                    })}
                    <div class="lang" role="group" aria-label=m.language>
                        {Locale::ALL.into_iter().map(|l| view! {
                            <ActionForm action=actions.set_locale attr:class="inline">
                                <input type="hidden" name="locale" value=l.code()/>
                                <button type="submit" class="link" aria-pressed=(l == info.locale).to_string() lang=l.code()>
                                    {locale_name(l)}
                                </button>
                            </ActionForm>
                        }).collect_view()}
                    </div>
                    {user.as_ref().map(|u| view! {
                        <div class="who">
                            <span class="muted">{m.signed_in_as}" "</span>
                            <strong class="user-name">{u.full_name.clone()}</strong>
                        </div>
                        <ActionForm action=actions.logout attr:class="inline">
                            <button type="submit" class="secondary" id="logout">{m.logout}</button>
                        </ActionForm>
                    })}
                </nav>
            </details>
        </header>
        <main id="main" class="page">
            <Routes fallback=move || view! { <NotFound/> }>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/setup") view=SetupPage ssr=SsrMode::Async/>
                <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async/>
            </Routes>
        </main>
        <footer class="footer muted">{m.app_name}" · "{m.tagline}</footer>
    }
}

/// A language's own name, the same in every catalogue.
fn locale_name(l: Locale) -> &'static str {
    match l {
        Locale::Vi => "Tiếng Việt",
        Locale::En => "English",
    }
}

/// Renders `children` only for a signed-in user; otherwise sends the visitor
/// to first-run set-up or to the login page.
#[component]
pub fn RequireUser(children: ChildrenFn) -> impl IntoView {
    let page = use_page();
    move || match (&page.info.user, page.info.needs_setup) {
        (Some(_), _) => children().into_any(),
        (None, true) => view! { <Redirect path="/setup"/> }.into_any(),
        (None, false) => view! { <Redirect path="/login"/> }.into_any(),
    }
}

/// The 404 page.
#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
        opts.set_status(http::StatusCode::NOT_FOUND);
    }
    let m = use_page().m;
    view! {
        <h1>{m.not_found_title}</h1>
        <p>{m.not_found_body}</p>
        <p><a href="/">{m.back_home}</a></p>
    }
}
