//! The signed-in home page.

use crate::components::layout::{PageCtx, WithUser};
use crate::i18n::fill;
use leptos::prelude::*;
use nguon_shared::views::CurrentUserView;

/// Welcome and the user's roles.
#[component]
pub fn HomePage() -> impl IntoView {
    view! { <WithUser render=home/> }
}

fn home(page: PageCtx, user: CurrentUserView) -> AnyView {
    let m = page.m;
    view! {
        <h1>{fill(m.home_welcome, &[("name", &user.full_name)])}</h1>
        <section class="card">
            <h2>{m.home_roles}</h2>
            {if user.roles.is_empty() {
                view! { <p>{m.home_no_roles}</p> }.into_any()
            } else {
                view! {
                    <ul class="roles">
                        {user.roles.iter().map(|g| view! {
                            <li><strong>{m.role(g.role)}</strong>" — "{g.unit_name.clone()}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="muted">{m.home_next_steps}</p>
        </section>
    }
    .into_any()
}
