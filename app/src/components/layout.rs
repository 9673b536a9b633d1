//! The responsive page frame: header, navigation by role, user, language
//! switch, log out, and the routed page.
//!
//! `<Routes>` is rendered synchronously (not inside a resource closure) so the
//! server can list the routes and pages can redirect with a real 302.

use crate::app::{Actions, ShellResource};
use crate::i18n::{fill, messages, Messages};
use crate::pages::{
    account::AccountPage, audit::AuditPage, documents::{DocumentsPage, ProgressDocPage, ReportDocPage, ResolutionDocPage}, home::HomePage,
    ledger::{ActivitiesPage, LedgerPage, LogPage, ReviewPage, StudentLedgerPage}, merit::{ClassificationPage, OutstandingPage, ResultsPage}, profile::ProfilePage, pipeline::{CandidacyPage, PipelinePage}, privacy::{ExportPage, PrivacyPage, PrivacyStudentPage}, mentoring::{CalendarPage, ClassesPage, MeetingsPage, RulesPage, TasksPage}, import::{ImportPage, ImportPreviewPage}, login::LoginPage, org::OrgPage, oversight::{DashboardPage, PlansPage}, setup::SetupPage, staff::StaffPage,
    students::StudentsPage, users::UsersPage, years::YearsPage,
};
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::components::{Redirect, Route, Routes, A};
use leptos_router::{path, SsrMode};
use nguon_shared::views::{CurrentUserView, ShellInfo};
use nguon_shared::Locale;

/// What a page renders from: the catalogue and the shell facts.
#[derive(Clone)]
pub struct PageCtx {
    /// The catalogue of the current language.
    pub m: &'static Messages,
    /// Who is signed in, language, set-up state.
    pub info: ShellInfo,
}

/// Renders `render` once the shell facts are known (and again when they
/// change, e.g. after a language switch).
#[component]
pub fn WithShell(render: fn(PageCtx) -> AnyView) -> impl IntoView {
    let shell = expect_context::<ShellResource>().0;
    view! {
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || shell.get().map(|r| match r {
                Ok(info) => untrack(|| render(PageCtx { m: messages(info.locale), info })),
                Err(e) => shell_error(&e),
            })}
        </Transition>
    }
}

/// When the shell facts themselves fail, the language is unknown: Vietnamese.
fn shell_error(e: &nguon_shared::AppError) -> AnyView {
    view! { <p class="alert error" role="alert">{messages(Locale::Vi).error(e)}</p> }.into_any()
}

/// Like [`WithShell`] for pages that need a signed-in user: visitors are
/// sent to first-run set-up or to the login page.
///
/// `render` may run more than once (the server renders a page again once its
/// resources resolve): pages create their resources and actions in their
/// component body, outside `render`, so every run reads the same ones.
#[component]
pub fn WithUser<F>(render: F) -> impl IntoView
where
    F: Fn(PageCtx, CurrentUserView) -> AnyView + Clone + Send + Sync + 'static,
{
    let shell = expect_context::<ShellResource>().0;
    view! {
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || shell.get().map(|r| match r {
                Ok(info) => match (info.user.clone(), info.needs_setup) {
                    // Untracked: what a page reads while building itself (its address, its
                    // resources' sources) must not re-run this closure, which would build the
                    // page again with new resources and orphan the first ones mid-fetch.
                    (Some(user), _) => untrack(|| render.clone()(PageCtx { m: messages(info.locale), info }, user)),
                    (None, needs_setup) => sign_in_prompt(needs_setup),
                },
                Err(e) => shell_error(&e),
            })}
        </Transition>
    }
}

/// For a visitor on a page that needs a user: the server answers with a
/// redirect (302) to the login page, or to first-run set-up.
fn sign_in_prompt(needs_setup: bool) -> AnyView {
    let to = if needs_setup { "/setup" } else { "/login" };
    view! { <Redirect path=to/> }.into_any()
}

/// Page frame around the routes.
#[component]
pub fn Layout() -> impl IntoView {
    view! {
        <WithShell render=header/>
        <main id="main" class="page">
            <Routes fallback=move || view! { <WithShell render=not_found/> }>
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/setup") view=SetupPage ssr=SsrMode::Async/>
                <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async/>
                <Route path=path!("/students") view=StudentsPage ssr=SsrMode::Async/>
                <Route path=path!("/ledger") view=LedgerPage ssr=SsrMode::Async/>
                <Route path=path!("/ledger/log") view=LogPage ssr=SsrMode::Async/>
                <Route path=path!("/ledger/review") view=ReviewPage ssr=SsrMode::Async/>
                <Route path=path!("/ledger/activities") view=ActivitiesPage ssr=SsrMode::Async/>
                <Route path=path!("/ledger/student/:id") view=StudentLedgerPage ssr=SsrMode::Async/>
                <Route path=path!("/ledger/results") view=ResultsPage ssr=SsrMode::Async/>
                <Route path=path!("/ledger/classification") view=ClassificationPage ssr=SsrMode::Async/>
                <Route path=path!("/ledger/outstanding") view=OutstandingPage ssr=SsrMode::Async/>
                <Route path=path!("/students/:id") view=ProfilePage ssr=SsrMode::Async/>
                <Route path=path!("/pipeline") view=PipelinePage ssr=SsrMode::Async/>
                <Route path=path!("/pipeline/:id") view=CandidacyPage ssr=SsrMode::Async/>
                <Route path=path!("/tasks") view=TasksPage ssr=SsrMode::Async/>
                <Route path=path!("/oversight") view=DashboardPage ssr=SsrMode::Async/>
                <Route path=path!("/oversight/plans") view=PlansPage ssr=SsrMode::Async/>
                <Route path=path!("/documents") view=DocumentsPage ssr=SsrMode::Async/>
                <Route path=path!("/documents/report") view=ReportDocPage ssr=SsrMode::Async/>
                <Route path=path!("/documents/resolution/:id") view=ResolutionDocPage ssr=SsrMode::Async/>
                <Route path=path!("/documents/progress/:id") view=ProgressDocPage ssr=SsrMode::Async/>
                <Route path=path!("/classes") view=ClassesPage ssr=SsrMode::Async/>
                <Route path=path!("/meetings") view=MeetingsPage ssr=SsrMode::Async/>
                <Route path=path!("/calendar") view=CalendarPage ssr=SsrMode::Async/>
                <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async/>
                <Route path=path!("/privacy/student/:id") view=PrivacyStudentPage ssr=SsrMode::Async/>
                <Route path=path!("/privacy/student/:id/export") view=ExportPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/rules") view=RulesPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/years") view=YearsPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/staff") view=StaffPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/org") view=OrgPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/import") view=ImportPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/import/:id") view=ImportPreviewPage ssr=SsrMode::Async/>
            </Routes>
        </main>
        <WithShell render=footer/>
    }
}

fn footer(page: PageCtx) -> AnyView {
    view! { <footer class="footer muted">{page.m.app_name}" · "{page.m.tagline}</footer> }.into_any()
}

fn header(page: PageCtx) -> AnyView {
    let PageCtx { m, info } = page;
    view! {
        <Html {..} lang=info.locale.code()/>
        <Title text=m.app_name/>
        <a class="skip" href="#main">{m.skip_to_content}</a>
        <header class="topbar">
            <a class="brand" href="/">
                <span class="brand-name">{m.app_name}</span>
                <span class="brand-tag">{m.tagline}</span>
            </a>
            // Wide screens: the navigation sits in the bar.
            <nav class="bar-nav" aria-label=m.menu>{nav_items(m, &info, "bar")}</nav>
            // Phones: the same navigation behind a "Menu" button (works without JavaScript).
            <details class="menu">
                <summary>
                    {m.menu}
                    {task_count(m, info.nav.tasks, Some("menu-count"))}
                </summary>
                <nav aria-label=m.menu>{nav_items(m, &info, "menu")}</nav>
            </details>
        </header>
    }
    .into_any()
}

/// Links by role, language switch, user and log out; `prefix` keeps element
/// ids unique between the bar and the phone menu.
fn nav_items(m: &'static Messages, info: &ShellInfo, prefix: &'static str) -> AnyView {
    let actions = expect_context::<Actions>();
    let user = info.user.clone();
    let nav = info.nav;
    let current = info.locale;
    view! {
        {user.as_ref().map(|_| view! {
            <A href="/">{m.nav_home}</A>
            {nav.students.then(|| view! {
                <A href="/students">{m.nav_students}</A>
                <A href="/ledger">{m.nav_ledger}</A>
            })}
            {nav.pipeline.then(|| view! {
                <A href="/pipeline">{m.nav_pipeline}</A>
                <A href="/tasks" attr:id=format!("{prefix}-tasks-link")>
                    {m.mt.nav_tasks}
                    {task_count(m, nav.tasks, None)}
                </A>
            })}
            {(nav.privacy && !nav.pipeline).then(|| view! {
                <A href="/tasks" attr:id=format!("{prefix}-tasks-link")>
                    {m.mt.nav_tasks}
                    {task_count(m, nav.tasks, None)}
                </A>
            })}
            {nav.oversight.then(|| view! { <A href="/oversight">{m.ov.nav_oversight}</A> })}
            {(nav.plans && !nav.oversight).then(|| view! { <A href="/oversight/plans">{m.ov.nav_plans}</A> })}
            {(nav.oversight || nav.log_emulation).then(|| view! { <A href="/documents">{m.dc.nav}</A> })}
            {nav.privacy.then(|| view! { <A href="/privacy">{m.pv.nav_privacy}</A> })}
            {nav.organisation.then(|| view! {
                <A href="/admin/org">{m.nav_org}</A>
                <A href="/admin/years">{m.nav_years}</A>
                <A href="/admin/import">{m.nav_import}</A>
                <A href="/admin/rules">{m.mt.nav_rules}</A>
            })}
            {nav.accounts.then(|| view! {
                <A href="/admin/staff">{m.nav_staff}</A>
                <A href="/admin/users">{m.nav_users}</A>
            })}
            {nav.audit.then(|| view! { <A href="/admin/audit">{m.nav_audit}</A> })}
            <A href="/account">{m.nav_account}</A>
        })}
        <div class="lang" role="group" aria-label=m.language>
            {Locale::ALL.into_iter().map(|l| view! {
                <ActionForm action=actions.set_locale attr:class="inline">
                    <input type="hidden" name="locale" value=l.code()/>
                    <button type="submit" class="link" id=format!("{prefix}-lang-{}", l.code())
                        aria-pressed=(l == current).to_string() lang=l.code()>
                        {locale_name(l)}
                    </button>
                </ActionForm>
            }).collect_view()}
        </div>
        {user.map(|u| view! {
            <div class="who">
                <span class="muted">{m.signed_in_as}" "</span>
                <strong class="user-name">{u.full_name}</strong>
            </div>
            <ActionForm action=actions.logout attr:class="inline">
                <button type="submit" class="secondary" id=format!("{prefix}-logout")>{m.logout}</button>
            </ActionForm>
        })}
    }
    .into_any()
}

/// A language's own name, the same in every catalogue.
fn locale_name(l: Locale) -> &'static str {
    match l {
        Locale::Vi => "Tiếng Việt",
        Locale::En => "English",
    }
}

/// The 404 page.
fn not_found(page: PageCtx) -> AnyView {
    #[cfg(feature = "ssr")]
    if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
        opts.set_status(http::StatusCode::NOT_FOUND);
    }
    let m = page.m;
    view! {
        <h1>{m.not_found_title}</h1>
        <p>{m.not_found_body}</p>
        <p><a href="/">{m.back_home}</a></p>
    }
    .into_any()
}

/// The number of open tasks next to a navigation entry (nothing when there
/// are none). Every action ends in a page load, so the shell's count is current.
fn task_count(m: &'static Messages, n: u32, id: Option<&'static str>) -> impl IntoView {
    (n > 0).then(|| view! { " "<span class="count" id=id aria-label=fill(m.mt.tasks_count, &[("n", &n.to_string())])>{n}</span> })
}
