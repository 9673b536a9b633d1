//! Staff of a school: people, their accounts, Party membership facts and
//! role grants (with who granted or revoked what, and when).

use crate::api::{grant_units, list_staff, party_cells, staff_schools, CreateStaff, GrantRole, RevokeGrant, SetStaffParty};
use crate::components::form::{form_error, ErrorBanner, Field, SuccessLine};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::{CurrentUserView, StaffRow, UnitOption};
use nguon_shared::Role;

/// The staff page.
#[component]
pub fn StaffPage() -> impl IntoView {
    let query = use_query_map();
    let acts = StaffActions {
        create: form_action(),
        party: form_action(),
        grant: form_action(),
        revoke: form_action(),
    };
    // Resources in the component body, outside the render function that may run twice (see `WithUser`).
    let schools = Resource::new(|| (), |_| staff_schools());
    let units = Resource::new(|| (), |_| grant_units());
    let chosen = Memo::new(move |_| {
        let list = schools.get().and_then(|r| r.ok()).unwrap_or_default();
        let wanted = query.with(|q| q.get("school")).and_then(|v| v.parse::<i64>().ok());
        wanted.filter(|id| list.iter().any(|s| s.id == *id)).or(list.first().map(|s| s.id))
    });
    let param = move || query.with(|q| q.get("school")).unwrap_or_default();
    let staff = Resource::new(
        move || (param(), acts.create.version().get(), acts.party.version().get(), acts.grant.version().get(), acts.revoke.version().get()),
        |(school, ..)| async move {
            match resolve_school(&school).await? {
                Some(school) => list_staff(school).await,
                None => Ok(Vec::new()),
            }
        },
    );
    let cells = Resource::new(param, |school| async move {
        match resolve_school(&school).await? {
            Some(school) => party_cells(school).await,
            None => Ok(Vec::new()),
        }
    });
    let data = StaffData { schools, units, chosen, staff, cells };
    view! { <WithUser render=move |page, user| staff_page(page, user, acts, data)/> }
}

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// The page's resources, made once in the component body.
#[derive(Clone, Copy)]
struct StaffData {
    schools: Res<Vec<nguon_shared::views::SchoolOption>>,
    units: Res<Vec<UnitOption>>,
    chosen: Memo<Option<i64>>,
    staff: Res<Vec<StaffRow>>,
    cells: Res<Vec<UnitOption>>,
}

#[derive(Clone, Copy)]
struct StaffActions {
    create: ServerAction<CreateStaff>,
    party: ServerAction<SetStaffParty>,
    grant: ServerAction<GrantRole>,
    revoke: ServerAction<RevokeGrant>,
}

fn staff_page(page: PageCtx, _user: CurrentUserView, acts: StaffActions, data: StaffData) -> AnyView {
    let m = page.m;
    let query = use_query_map();
    let StaffData { schools, units, chosen, staff, cells } = data;
    let errors = [form_error(acts.party.value()), form_error(acts.grant.value()), form_error(acts.revoke.value())];
    let create_error = form_error(acts.create.value());
    view! {
        <h1>{m.staff_title}</h1>
        {move || query.with(|q| q.get("added").is_some()).then(|| view! { <SuccessLine>{m.staff_added}</SuccessLine> })}
        {errors.into_iter().map(|e| view! { <ErrorBanner m=m error=e/> }).collect_view()}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || schools.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p>{m.no_schools}</p> }.into_any(),
                Ok(list) => {
                    let current = chosen.get_untracked().unwrap_or(list[0].id);
                    view! {
                        <Form method="GET" action="" attr:class="card filters">
                            <div class="field">
                                <label for="f-school">{m.school}</label>
                                <select id="f-school" name="school">
                                    {list.iter().map(|s| {
                                        let id = s.id;
                                        view! { <option value=id.to_string() selected=move || chosen.get() == Some(id)>{s.name.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="secondary">{m.show_button}</button>
                        </Form>
                        <Transition fallback=move || view! { <p>{m.loading}</p> }>
                            {move || {
                                let cells = cells.get().and_then(|r| r.ok()).unwrap_or_default();
                                let units = units.get().and_then(|r| r.ok()).unwrap_or_default();
                                staff.get().map(|r| match r {
                                    Ok(rows) => staff_table(m, rows, cells, units, acts),
                                    Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                                })
                            }}
                        </Transition>
                        <section class="card">
                            <h2>{m.add_staff_title}</h2>
                            <ErrorBanner m=m error=create_error/>
                            <ActionForm action=acts.create attr:id="staff-form">
                                <input type="hidden" name="school" value=move || chosen.get().unwrap_or(current).to_string()/>
                                <Field m=m name="full_name" label=m.full_name error=create_error/>
                                <div class="field-row">
                                    <Field m=m name="username" label=m.username_optional error=create_error/>
                                    <Field m=m name="password" label=m.first_password kind="password" autocomplete="new-password" hint=m.password_hint error=create_error/>
                                </div>
                                <div class="field">
                                    <label for="f-role">{m.first_role}</label>
                                    <select id="f-role" name="role">
                                        <option value="">{m.none}</option>
                                        {Role::ALL.into_iter().map(|r| view! { <option value=r.code()>{m.role(r)}</option> }).collect_view()}
                                    </select>
                                </div>
                                {party_fields(m, "new", Vec::new(), None)}
                                <Transition fallback=|| ()>
                                    {move || cells.get().and_then(|r| r.ok()).map(|cells| cell_select(m, "new", cells, None))}
                                </Transition>
                                <button type="submit">{m.add_staff_button}</button>
                            </ActionForm>
                        </section>
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// The school of the address, or the user's first school when none is given.
async fn resolve_school(param: &str) -> Result<Option<i64>, nguon_shared::AppError> {
    match param.parse::<i64>() {
        Ok(id) => Ok(Some(id)),
        Err(_) => Ok(staff_schools().await?.first().map(|s| s.id)),
    }
}

fn party_fields(m: &'static Messages, prefix: &str, _cells: Vec<UnitOption>, since: Option<chrono::NaiveDate>) -> AnyView {
    let id = format!("{prefix}-since");
    view! {
        <div class="field">
            <label for=id.clone()>{m.party_full_member_since}</label>
            <input id=id name="party_full_member_since" type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                value=since.map(format::date).unwrap_or_default()/>
            <small class="hint">{m.party_since_hint}</small>
        </div>
    }
    .into_any()
}

fn cell_select(m: &'static Messages, prefix: &str, cells: Vec<UnitOption>, current: Option<&str>) -> AnyView {
    let id = format!("{prefix}-cell");
    view! {
        <div class="field">
            <label for=id.clone()>{m.party_cell}</label>
            <select id=id name="party_cell">
                <option value="">{m.none}</option>
                {cells.into_iter().map(|c| {
                    let selected = current == Some(c.name.as_str());
                    view! { <option value=c.id.to_string() selected=selected>{c.name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

fn staff_table(m: &'static Messages, rows: Vec<StaffRow>, cells: Vec<UnitOption>, units: Vec<UnitOption>, acts: StaffActions) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="muted">{m.no_staff}</p> }.into_any();
    }
    view! {
        <p class="muted">{fill(m.staff_count, &[("n", &rows.len().to_string())])}</p>
        <div class="table-wrap">
            <table id="staff-table">
                <thead><tr>
                    <th scope="col">{m.full_name}</th>
                    <th scope="col">{m.party_membership}</th>
                    <th scope="col">{m.roles}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|s| staff_row(m, s, &cells, &units, acts)).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn staff_row(m: &'static Messages, s: StaffRow, cells: &[UnitOption], units: &[UnitOption], acts: StaffActions) -> AnyView {
    let prefix = format!("s{}", s.id);
    let party = match s.party_full_member_since {
        Some(d) => format!(
            "{} {}{}",
            m.member_since_short,
            format::date(d),
            s.party_cell.as_ref().map(|c| format!(" · {c}")).unwrap_or_default()
        ),
        None => m.not_member.to_string(),
    };
    let since_field = party_fields(m, &prefix, Vec::new(), s.party_full_member_since);
    let cell_field = cell_select(m, &prefix, cells.to_vec(), s.party_cell.as_deref());
    let party_form = view! {
        <details>
            <summary>{m.edit}</summary>
            <ActionForm action=acts.party>
                <input type="hidden" name="staff" value=s.id.to_string()/>
                {since_field}
                {cell_field}
                <button type="submit" class="secondary">{m.save}</button>
            </ActionForm>
        </details>
    };
    let grants = s
        .grants
        .clone()
        .into_iter()
        .map(|g| {
            let line = format!("{} — {}", m.role(g.role), g.unit_name);
            let granted = fill(
                m.granted_by,
                &[("who", g.granted_by.as_deref().unwrap_or("—")), ("when", &format::date_time(g.granted_at))],
            );
            match g.revoked_at {
                None => view! {
                    <li>
                        {line}<br/><small class="muted">{granted}</small>
                        <ActionForm action=acts.revoke attr:class="inline">
                            <input type="hidden" name="grant" value=g.id.to_string()/>
                            " "<button type="submit" class="link">{m.revoke}</button>
                        </ActionForm>
                    </li>
                }
                .into_any(),
                Some(at) => {
                    let revoked = fill(
                        m.revoked_by,
                        &[("who", g.revoked_by.as_deref().unwrap_or("—")), ("when", &format::date_time(at))],
                    );
                    view! {
                        <li class="revoked">
                            <s>{line}</s><br/>
                            <small class="muted">{granted}" · "{revoked}</small>
                        </li>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    let grant_form = s.account.clone().map(|(uid, _)| {
        let (role_id, unit_id) = (format!("{prefix}-role"), format!("{prefix}-unit"));
        let role_options = Role::ALL.into_iter().map(|r| view! { <option value=r.code()>{m.role(r)}</option> }).collect_view();
        let unit_options =
            units.iter().map(|u| view! { <option value=u.id.to_string()>{u.name.clone()}</option> }).collect_view();
        view! {
            <details>
                <summary>{m.grant_role}</summary>
                <ActionForm action=acts.grant>
                    <input type="hidden" name="user" value=uid.to_string()/>
                    <div class="field">
                        <label for=role_id.clone()>{m.roles}</label>
                        <select id=role_id name="role">{role_options}</select>
                    </div>
                    <div class="field">
                        <label for=unit_id.clone()>{m.grant_at}</label>
                        <select id=unit_id name="unit">{unit_options}</select>
                    </div>
                    <button type="submit" class="secondary">{m.grant_role}</button>
                </ActionForm>
            </details>
        }
    });
    let login = s.account.as_ref().map(|(_, u)| u.clone()).unwrap_or_else(|| m.no_account.to_string());
    view! {
        <tr>
            <td><strong>{s.full_name.clone()}</strong><br/><small class="muted">{login}</small></td>
            <td>{party}{party_form}</td>
            <td><ul class="plain grants">{grants}</ul>{grant_form}</td>
        </tr>
    }
    .into_any()
}
