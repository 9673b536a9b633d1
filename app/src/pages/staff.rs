//! Staff of a school: people, their accounts, Party membership facts and
//! role grants (with who granted or revoked what, and when).

use crate::api::{staff_view, CreateStaff, GrantRole, ResetStaffPassword, RevokeGrant, SetStaffParty};
use crate::components::form::{form_error, Field, SuccessLine};
use crate::components::inputs::FormInputs;
use crate::components::layout::{PageCtx, WithUser};
use crate::components::paging::{rows_to_show, show_more, PAGE_ROWS};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::organisation::{StaffEdit, StaffView};
use nguon_shared::views::{CurrentUserView, SchoolChoice, StaffRow, UnitOption};
use nguon_shared::Role;

/// The staff page.
#[component]
pub fn StaffPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |k: &'static str| query.with(|q| q.get(k).unwrap_or_default());
    let acts = StaffActions {
        create: form_action(),
        party: form_action(),
        grant: form_action(),
        revoke: form_action(),
        reset: form_action(),
    };
    let version = move || {
        acts.create.version().get() + acts.party.version().get() + acts.grant.version().get() + acts.revoke.version().get() + acts.reset.version().get()
    };
    // The resource lives in the component body, outside the render function that may run twice (see `WithUser`).
    let data = Resource::new(
        move || (param("school"), param("staff"), rows_to_show(&param("show"), PAGE_ROWS) as u32, version()),
        |(school, staff, show, _)| staff_view(school, staff, show),
    );
    view! { <WithUser render=move |page, user| staff_page(page, user, acts, data)/> }
}

#[derive(Clone, Copy)]
struct StaffActions {
    create: ServerAction<CreateStaff>,
    party: ServerAction<SetStaffParty>,
    grant: ServerAction<GrantRole>,
    revoke: ServerAction<RevokeGrant>,
    reset: ServerAction<ResetStaffPassword>,
}

fn staff_page(page: PageCtx, _user: CurrentUserView, acts: StaffActions, data: Resource<Result<StaffView, nguon_shared::AppError>>) -> AnyView {
    let m = page.m;
    let query = use_query_map();
    view! {
        <h1>{m.staff_title}</h1>
        {move || query.with(|q| q.get("added").is_some()).then(|| view! { <SuccessLine>{m.staff_added}</SuccessLine> })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(StaffView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p>{m.no_schools}</p> }.into_any(),
                Ok(StaffView { choice: SchoolChoice { schools, school: Some(current) }, staff, cells, editing }) => {
                    view! {
                        <Form method="GET" action="" attr:class="card filters">
                            <div class="field">
                                <label for="f-school">{m.school}</label>
                                <select id="f-school" name="school">
                                    {schools.iter().map(|s| view! { <option value=s.id.to_string() selected=s.id == current>{s.name.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="secondary">{m.show_button}</button>
                        </Form>
                        {editing.map(|e| edit_section(m, e, &cells, acts, current))}
                        {staff_table(m, staff, current)}
                        {create_form(m, current, &cells, acts.create)}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// Party membership fields of a form: the date of becoming an official member, and the cell.
fn party_fields(m: &'static Messages, fi: &FormInputs, cells: &[UnitOption], since: Option<chrono::NaiveDate>, cell: Option<&str>) -> AnyView {
    let choices: Vec<(String, String)> = std::iter::once((String::new(), m.none.to_string())).chain(cells.iter().map(|c| (c.id.to_string(), c.name.clone()))).collect();
    let current = cell.and_then(|name| cells.iter().find(|c| c.name == name)).map(|c| c.id.to_string());
    view! {
        {fi.date("party_full_member_since", m.party_full_member_since, since.map(format::date).unwrap_or_default())}
        <small class="hint">{m.party_since_hint}</small>
        {fi.select("party_cell", m.party_cell, choices, current)}
    }
    .into_any()
}

fn staff_table(m: &'static Messages, staff: nguon_shared::views::Slice<StaffRow>, school: i64) -> AnyView {
    if staff.rows.is_empty() {
        return view! { <p class="muted">{m.no_staff}</p> }.into_any();
    }
    let (total, shown) = (staff.total as usize, staff.rows.len());
    view! {
        <p class="muted">{fill(m.staff_count, &[("n", &total.to_string())])}</p>
        <div class="table-wrap">
            <table id="staff-table">
                <thead><tr>
                    <th scope="col">{m.full_name}</th>
                    <th scope="col">{m.party_membership}</th>
                    <th scope="col">{m.roles}</th>
                </tr></thead>
                <tbody>
                    {staff.rows.into_iter().enumerate().map(|(i, s)| staff_row(m, s, school, i)).collect_view()}
                </tbody>
            </table>
        </div>
        {show_more(m, total, shown, PAGE_ROWS, "show", "staff")}
    }
    .into_any()
}

/// A new member of staff: name, an account if wanted (login, first password, first role), Party facts.
fn create_form(m: &'static Messages, school: i64, cells: &[UnitOption], create: ServerAction<CreateStaff>) -> AnyView {
    let fi = FormInputs::new::<CreateStaff>(m, "f", None).quiet();
    let error = form_error(create.value());
    let roles: Vec<(String, String)> = std::iter::once((String::new(), m.none.to_string())).chain(Role::ALL.into_iter().map(|r| (r.code().to_string(), m.role(r).to_string()))).collect();
    let fields = view! {
        {fi.text("full_name", m.full_name, String::new())}
        <div class="field-row">
            {fi.text("username", m.username_optional, String::new())}
            <Field m=m name="password" label=m.first_password kind="password" autocomplete="new-password" hint=m.password_hint error=error/>
        </div>
        {fi.select("role", m.first_role, roles, None)}
        {party_fields(m, &fi, cells, None, None)}
    };
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{m.add_staff_title}</h2>
            <ActionForm action=create attr:id="staff-form">
                {summary}
                <input type="hidden" name="school" value=school.to_string()/>
                {fields}
                <button type="submit">{m.add_staff_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// "Member since … · cell", or "not a member".
fn party_text(m: &'static Messages, s: &StaffRow) -> String {
    match s.party_full_member_since {
        Some(d) => format!("{} {}{}", m.member_since_short, format::date(d), s.party_cell.as_ref().map(|c| format!(" · {c}")).unwrap_or_default()),
        None => m.not_member.to_string(),
    }
}

/// One row: who, Party facts, roles in force, and a link that opens their forms.
fn staff_row(m: &'static Messages, s: StaffRow, school: i64, index: usize) -> AnyView {
    let login = s.account.as_ref().map(|(_, u)| u.clone()).unwrap_or_else(|| m.no_account.to_string());
    let roles: Vec<String> = s.grants.iter().filter(|g| g.revoked_at.is_none()).map(|g| format!("{} — {}", m.role(g.role), g.unit_name)).collect();
    let href = format!("/admin/staff?school={school}&staff={}#edit-staff", s.id);
    view! {
        <tr id=format!("staff-{index}")>
            <td><strong>{s.full_name.clone()}</strong><br/><small class="muted">{login}</small></td>
            <td>{party_text(m, &s)}</td>
            <td>
                <ul class="plain grants">{roles.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                <a href=href class="change" id=format!("change-staff-{}", s.id)>{m.change}</a>
            </td>
        </tr>
    }
    .into_any()
}

/// The forms of the member of staff being changed: Party facts, roles granted (with history) and revoked.
fn edit_section(m: &'static Messages, e: StaffEdit, cells: &[UnitOption], acts: StaffActions, school: i64) -> AnyView {
    let StaffEdit { staff: s, units } = e;
    let prefix = format!("s{}", s.id);
    let party = FormInputs::new::<SetStaffParty>(m, prefix.clone(), Some(("staff", s.id.to_string())));
    let party_inputs = party_fields(m, &party, cells, s.party_full_member_since, s.party_cell.as_deref());
    let party_summary = party.summary();
    let grants = s
        .grants
        .clone()
        .into_iter()
        .map(|g| {
            let line = format!("{} — {}", m.role(g.role), g.unit_name);
            let granted = fill(m.granted_by, &[("who", g.granted_by.as_deref().unwrap_or("—")), ("when", &format::date_time(g.granted_at))]);
            match g.revoked_at {
                None => view! {
                    <li>
                        {line.clone()}<br/><small class="muted">{granted}</small>
                        {
                            let fi = FormInputs::new::<RevokeGrant>(m, format!("rv-{}", g.id), Some(("grant", g.id.to_string())));
                            let confirm = fi.confirm("confirm", fill(m.confirm_revoke, &[("role", &line)]), true);
                            view! {
                                {fi.summary()}
                                <details class="danger-zone" open=fi.refused()>
                                    <summary>{m.revoke}</summary>
                                    <ActionForm action=acts.revoke>
                                        <input type="hidden" name="grant" value=g.id.to_string()/>
                                        {confirm}
                                        <button type="submit" class="secondary danger">{m.revoke}</button>
                                    </ActionForm>
                                </details>
                            }
                        }
                    </li>
                }
                .into_any(),
                Some(at) => {
                    let revoked = fill(m.revoked_by, &[("who", g.revoked_by.as_deref().unwrap_or("—")), ("when", &format::date_time(at))]);
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
        let fi = FormInputs::new::<GrantRole>(m, format!("{prefix}-grant"), Some(("user", uid.to_string())));
        let roles: Vec<(String, String)> = Role::ALL.into_iter().map(|r| (r.code().to_string(), m.role(r).to_string())).collect();
        let units: Vec<(String, String)> = units.iter().map(|u| (u.id.to_string(), u.name.clone())).collect();
        let fields = view! {
            {fi.select("role", m.roles, roles, None)}
            {fi.select("unit", m.grant_at, units, None)}
        };
        let summary = fi.summary();
        view! {
            <h3>{m.grant_role}</h3>
            <ActionForm action=acts.grant attr:id="grant-form">
                {summary}
                <input type="hidden" name="user" value=uid.to_string()/>
                {fields}
                <button type="submit" class="secondary">{m.grant_role}</button>
            </ActionForm>
        }
    });
    let reset_form = s.account.clone().map(|(_, login)| reset_password_form(m, s.id, &login, acts.reset));
    let login = s.account.as_ref().map(|(_, u)| u.clone()).unwrap_or_else(|| m.no_account.to_string());
    view! {
        <section class="card" id="edit-staff">
            <h2>{s.full_name.clone()}" "<small class="muted">{login}</small></h2>
            <p>{party_text(m, &s)}</p>
            <ActionForm action=acts.party attr:id="party-form">
                {party_summary}
                <input type="hidden" name="staff" value=s.id.to_string()/>
                {party_inputs}
                <button type="submit" class="secondary">{m.save}</button>
            </ActionForm>
            <h3>{m.roles}</h3>
            <ul class="plain grants">{grants}</ul>
            {grant_form}
            {reset_form}
            <p><a href=format!("/admin/staff?school={school}")>{m.close}</a></p>
        </section>
    }
    .into_any()
}

/// A new password for a member of staff who forgot theirs: typed twice by
/// the administrator, who tells it to the person; every session of the
/// account ends. Folded away; the answer names the account.
fn reset_password_form(m: &'static Messages, staff_id: i64, login: &str, action: ServerAction<ResetStaffPassword>) -> AnyView {
    let fi = FormInputs::new::<ResetStaffPassword>(m, format!("pw-{staff_id}"), Some(("staff", staff_id.to_string()))).quiet();
    let done = action.value().get_untracked().and_then(|r| r.ok()).or_else(|| {
        crate::outcome::current()
            .filter(|o| o.ok && o.path == <ResetStaffPassword as leptos::server_fn::ServerFn>::PATH)
            .and_then(|o| o.result::<String>())
            .and_then(|r| r.ok())
    });
    let (new_id, confirm_id) = (format!("pw-{staff_id}-new"), format!("pw-{staff_id}-confirm"));
    let (new_msgs, confirm_msgs) = (fi.messages("new"), fi.messages("confirm"));
    let summary = fi.summary();
    let title = fill(m.reset_password, &[("login", login)]);
    view! {
        {done.map(|l| view! { <SuccessLine id="password-reset">{fill(m.password_reset_done, &[("login", &l)])}</SuccessLine> })}
        <details class="danger-zone" open=fi.refused() id=format!("reset-{staff_id}")>
            <summary>{title.clone()}</summary>
            <p class="muted">{m.reset_password_hint}</p>
            <ActionForm action=action attr:id=format!("pw-{staff_id}")>
                {summary}
                <input type="hidden" name="staff" value=staff_id.to_string()/>
                <div class="field">
                    <label for=new_id.clone()>{m.new_password}</label>
                    <input id=new_id type="password" name="new" autocomplete="new-password"/>
                    {new_msgs}
                </div>
                <div class="field">
                    <label for=confirm_id.clone()>{m.confirm_password}</label>
                    <input id=confirm_id type="password" name="confirm" autocomplete="new-password"/>
                    {confirm_msgs}
                </div>
                <button type="submit" class="secondary danger">{title}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}
