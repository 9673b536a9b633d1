//! Administrators' list of accounts.

use crate::api::list_users;
use crate::components::layout::{PageCtx, WithUser};
use nguon_shared::views::CurrentUserView;
use leptos::prelude::*;

/// Accounts in the administrator's scope.
#[component]
pub fn UsersPage() -> impl IntoView {
    // In the component body, not in the render function that may run twice (see `WithUser`).
    let users = Resource::new(|| (), |_| list_users());
    view! { <WithUser render=move |page, user| users_list(page, user, users)/> }
}

fn users_list(page: PageCtx, _user: CurrentUserView, users: Resource<Result<Vec<nguon_shared::views::UserRow>, nguon_shared::AppError>>) -> AnyView {
    let m = page.m;
    view! {
            <h1>{m.users_title}</h1>
            <Transition fallback=move || view! { <p>{m.loading}</p> }>
                {move || users.get().map(|r| match r {
                    Ok(rows) => view! {
                        <div class="table-wrap">
                            <table>
                                <thead><tr>
                                    <th scope="col">{m.full_name}</th>
                                    <th scope="col">{m.username}</th>
                                    <th scope="col">{m.roles}</th>
                                    <th scope="col">{m.status}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|u| view! {
                                        <tr>
                                            <td>{u.full_name}</td>
                                            <td>{u.username}</td>
                                            <td>{u.roles.iter().map(|g| format!("{} — {}", m.role(g.role), g.unit_name)).collect::<Vec<_>>().join("; ")}</td>
                                            <td>{if u.is_active { m.users_active } else { m.users_inactive }}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                    Err(e) => crate::components::form::load_error(m, &e),
                })}
            </Transition>
    }
    .into_any()
}
