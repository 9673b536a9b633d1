//! The user's own account: change password, see and end sessions.

use crate::api::my_sessions;
use crate::app::Actions;
use crate::components::form::{form_error, ErrorBanner, Field, SuccessLine};
use crate::components::layout::{PageCtx, WithUser};
use nguon_shared::views::CurrentUserView;
use crate::format;
use crate::i18n::fill;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Password change and sessions.
#[component]
pub fn AccountPage() -> impl IntoView {
    // In the component body, not in the render function that may run twice (see `WithUser`).
    let actions = expect_context::<Actions>();
    let (change, revoke) = (actions.change_password, actions.revoke_others);
    let sessions = Resource::new(move || (revoke.version().get(), change.version().get()), |_| my_sessions());
    view! { <WithUser render=move |page, user| account(page, user, sessions)/> }
}

fn account(page: PageCtx, _user: CurrentUserView, sessions: Resource<Result<Vec<nguon_shared::views::SessionView>, nguon_shared::AppError>>) -> AnyView {
    let m = page.m;
    let actions = expect_context::<Actions>();
    let change = actions.change_password;
    let revoke = actions.revoke_others;
    let error = form_error(change.value());
    let revoke_error = form_error(revoke.value());
    let query = use_query_map();
    let changed = move || {
        matches!(change.value().get(), Some(Ok(()))) || query.with(|q| q.get("changed").is_some())
    };
    view! {
            <h1>{m.account_title}</h1>
            <section class="card">
                <h2>{m.change_password_title}</h2>
                {move || changed().then(|| view! { <SuccessLine>{m.password_changed}</SuccessLine> })}
                <ErrorBanner m=m error=error/>
                <ActionForm action=change attr:id="password-form">
                    <Field m=m name="current" label=m.current_password kind="password" autocomplete="current-password" error=error/>
                    <Field m=m name="new" label=m.new_password kind="password" autocomplete="new-password" hint=m.password_hint error=error/>
                    <Field m=m name="confirm" label=m.confirm_password kind="password" autocomplete="new-password" error=error/>
                    <button type="submit">{m.change_password_button}</button>
                </ActionForm>
            </section>
            <section class="card">
                <h2>{m.sessions_title}</h2>
                <ErrorBanner m=m error=revoke_error/>
                {move || revoke.value().get().and_then(|r| r.ok()).map(|n| view! {
                    <SuccessLine>{fill(m.revoked_sessions, &[("n", &n.to_string())])}</SuccessLine>
                })}
                <Transition fallback=move || view! { <p>{m.loading}</p> }>
                    {move || sessions.get().map(|r| match r {
                        Ok(list) => view! {
                            <ul class="sessions">
                                {list.into_iter().map(|s| view! {
                                    <li>
                                        {s.current.then(|| view! { <strong>{m.session_this_device}" · "</strong> })}
                                        {m.session_started}": "{format::date_time(s.created_at)}" · "
                                        {m.session_last_seen}": "{format::date_time(s.last_seen_at)}" · "
                                        {m.session_address}": "{s.client_addr}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="alert error">{m.error(&e)}</p> }.into_any(),
                    })}
                </Transition>
                <ActionForm action=revoke>
                    <button type="submit" class="secondary">{m.revoke_others_button}</button>
                </ActionForm>
            </section>
    }
    .into_any()
}
