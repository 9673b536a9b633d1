//! The signed-in home page.

use crate::components::layout::{use_page, RequireUser};
use crate::i18n::fill;
use leptos::prelude::*;

/// Welcome and the user's roles.
#[component]
pub fn HomePage() -> impl IntoView {
    let page = use_page();
    let m = page.m;
    view! {
        <RequireUser>
            {
                let user = page.info.user.clone().expect("RequireUser checked");
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
            }
        </RequireUser>
    }
}
