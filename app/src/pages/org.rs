//! The organisation tree: units by kind with their effective dates, and each
//! school's dated links (Party organisation, union, committees, training centre).

use crate::api::{org_view, CreateUnit, SetSchoolLink, UpdateUnit};
use crate::components::form::{form_error, ErrorBanner};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::Messages;
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::organisation::{OrgView, SchoolLinks};
use nguon_shared::views::{CurrentUserView, UnitRow, RELATIONS, UNIT_KINDS};
use nguon_shared::AppError;

/// The organisation page.
#[component]
pub fn OrgPage() -> impl IntoView {
    let d = org_data();
    view! { <WithUser render=move |page, user| org_page(page, user, d)/> }
}

fn date_input(name: &'static str, id: String, label: &'static str, value: Option<chrono::NaiveDate>) -> AnyView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id name=name type="text" inputmode="numeric" placeholder="dd/mm/yyyy" value=value.map(format::date).unwrap_or_default()/>
        </div>
    }
    .into_any()
}

fn unit_options(units: &[UnitRow], selected: Option<i64>) -> AnyView {
    units
        .iter()
        .map(|u| {
            let label = format!("{}{}", "— ".repeat(u.depth as usize), u.name);
            view! { <option value=u.id.to_string() selected=Some(u.id) == selected>{label}</option> }
        })
        .collect_view()
        .into_any()
}

/// The page's forms and data, made once per visit (outside `render`).
#[derive(Clone, Copy)]
struct OrgData {
    create: ServerAction<CreateUnit>,
    update: ServerAction<UpdateUnit>,
    link: ServerAction<SetSchoolLink>,
    data: Resource<Result<OrgView, AppError>>,
}

fn org_data() -> OrgData {
    let query = use_query_map();
    let param = move |k: &'static str| query.with(|q| q.get(k).unwrap_or_default());
    let create = form_action::<CreateUnit>();
    let update = form_action::<UpdateUnit>();
    let link = form_action::<SetSchoolLink>();
    let version = move || create.version().get() + update.version().get() + link.version().get();
    let data = Resource::new(move || (param("unit"), param("school"), version()), |(unit, school, _)| org_view(unit, school));
    OrgData { create, update, link, data }
}

fn org_page(page: PageCtx, _user: CurrentUserView, d: OrgData) -> AnyView {
    let m = page.m;
    let OrgData { create, update, link, data } = d;
    let errors = [form_error(create.value()), form_error(update.value()), form_error(link.value())];
    view! {
        <h1>{m.org_title}</h1>
        {errors.into_iter().map(|e| view! { <ErrorBanner m=m error=e/> }).collect_view()}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(OrgView { units, editing, links }) => view! {
                    {links.map(|l| links_section(m, l, &units, link))}
                    {tree_table(m, &units, editing, update)}
                    {add_unit_form(m, &units, create)}
                }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

/// The tree, one row a unit; only the unit being changed (`?unit=`) shows its
/// form, so the page stays small however many units there are.
fn tree_table(m: &'static Messages, units: &[UnitRow], editing: Option<i64>, update: ServerAction<UpdateUnit>) -> AnyView {
    view! {
        <div class="table-wrap">
            <table id="org-tree">
                <thead><tr>
                    <th scope="col">{m.unit_name}</th>
                    <th scope="col">{m.unit_kind}</th>
                    <th scope="col">{m.in_force}</th>
                </tr></thead>
                <tbody>
                    {units.iter().map(|u| {
                        let indent = format!("padding-left: {}rem", u.depth as f32 * 1.25 + 0.5);
                        let dates = match (u.valid_from, u.valid_to) {
                            (None, None) => String::new(),
                            (from, to) => format!("{} – {}", from.map(format::date).unwrap_or_default(), to.map(format::date).unwrap_or_default()),
                        };
                        let is_school = u.kind == "school";
                        let form = if editing == Some(u.id) {
                            unit_form(m, u, units, update)
                        } else {
                            let href = format!("/admin/org?unit={}#unit-{}", u.id, u.id);
                            view! { " "<a href=href class="change" id=format!("change-unit-{}", u.id)>{m.change}</a> }.into_any()
                        };
                        view! {
                            <tr class=u.valid_to.is_some().then_some("closed") id=format!("unit-{}", u.id)>
                                <td style=indent>
                                    <strong>{u.name.clone()}</strong>
                                    {u.code.clone().map(|c| view! { " "<small class="muted">{c}</small> })}
                                    {form}
                                    {is_school.then(|| view! { <br/><a href=format!("/admin/org?school={}#school-links", u.id)>{m.school_links}</a> })}
                                </td>
                                <td>{m.unit_kind_label(&u.kind)}</td>
                                <td>{dates}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The form of the unit being changed: name, code, parent, dates.
fn unit_form(m: &'static Messages, u: &UnitRow, units: &[UnitRow], update: ServerAction<UpdateUnit>) -> AnyView {
    let p = format!("u{}", u.id);
    let parent_options = unit_options(units, u.parent_id);
    let (from_field, to_field) = (
        date_input("valid_from", format!("{p}-from"), m.valid_from, u.valid_from),
        date_input("valid_to", format!("{p}-to"), m.valid_to, u.valid_to),
    );
    let (id, name, code) = (u.id, u.name.clone(), u.code.clone().unwrap_or_default());
    view! {
        <ActionForm action=update attr:id="unit-edit-form">
            <input type="hidden" name="unit" value=id.to_string()/>
            <div class="field">
                <label for=format!("{p}-name")>{m.unit_name}</label>
                <input id=format!("{p}-name") name="name" type="text" value=name/>
            </div>
            <div class="field">
                <label for=format!("{p}-code")>{m.unit_code}</label>
                <input id=format!("{p}-code") name="code" type="text" value=code/>
            </div>
            <div class="field">
                <label for=format!("{p}-parent")>{m.parent_unit}</label>
                <select id=format!("{p}-parent") name="parent">{parent_options}</select>
            </div>
            <div class="field-row">{from_field}{to_field}</div>
            <button type="submit" class="secondary">{m.save}</button>
            " "<a href="/admin/org">{m.close}</a>
        </ActionForm>
    }
    .into_any()
}

fn add_unit_form(m: &'static Messages, units: &[UnitRow], create: ServerAction<CreateUnit>) -> AnyView {
    let parents = unit_options(units, None);
    view! {
        <section class="card">
            <h2>{m.add_unit_title}</h2>
            <ActionForm action=create attr:id="unit-form">
                <div class="field-row">
                    <div class="field">
                        <label for="new-kind">{m.unit_kind}</label>
                        <select id="new-kind" name="kind">
                            {UNIT_KINDS.into_iter().map(|k| view! { <option value=k selected=k == "school">{m.unit_kind_label(k)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="new-parent">{m.parent_unit}</label>
                        <select id="new-parent" name="parent">{parents}</select>
                    </div>
                </div>
                <div class="field">
                    <label for="new-name">{m.unit_name}</label>
                    <input id="new-name" name="name" type="text"/>
                </div>
                <div class="field">
                    <label for="new-code">{m.unit_code}</label>
                    <input id="new-code" name="code" type="text"/>
                </div>
                <div class="field-row">
                    {date_input("valid_from", "new-from".into(), m.valid_from, None)}
                    {date_input("valid_to", "new-to".into(), m.valid_to, None)}
                </div>
                <button type="submit">{m.add_unit_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn links_section(m: &'static Messages, l: SchoolLinks, units: &[UnitRow], link: ServerAction<SetSchoolLink>) -> AnyView {
    let SchoolLinks { school, name, links: list } = l;
    let targets = unit_options(units, None);
    view! {
        <section class="card" id="school-links">
            <h2>{m.school_links}": "{name}</h2>
            {if list.is_empty() {
                view! { <p class="muted">{m.none}</p> }.into_any()
            } else {
                view! {
                        <div class="table-wrap"><table>
                            <thead><tr>
                                <th scope="col">{m.relation}</th>
                                <th scope="col">{m.unit_name}</th>
                                <th scope="col">{m.in_force}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|l| view! {
                                    <tr class=l.valid_to.is_some().then_some("closed")>
                                        <td>{m.relation_label(&l.relation)}</td>
                                        <td>{l.target_name}</td>
                                        <td>{format!("{} – {}", format::date(l.valid_from), l.valid_to.map(format::date).unwrap_or_default())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                }.into_any()
            }}
            <ActionForm action=link attr:id="link-form">
                <input type="hidden" name="school" value=school.to_string()/>
                <div class="field-row">
                    <div class="field">
                        <label for="link-relation">{m.relation}</label>
                        <select id="link-relation" name="relation">
                            {RELATIONS.into_iter().map(|r| view! { <option value=r>{m.relation_label(r)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="link-target">{m.unit_name}</label>
                        <select id="link-target" name="target">{targets}</select>
                    </div>
                </div>
                {date_input("valid_from", "link-from".into(), m.valid_from, None)}
                <button type="submit">{m.set_link_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
