//! The organisation tree: units by kind with their effective dates, and each
//! school's dated links (Party organisation, union, committees, training centre).

use crate::api::{org_view, CreateUnit, SetSchoolLink, UpdateUnit};
use crate::components::inputs::{choices, FormInputs};
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

/// The units as `(id, indented name)` choices.
fn unit_choices(units: &[UnitRow]) -> Vec<(String, String)> {
    units.iter().map(|u| (u.id.to_string(), format!("{}{}", "— ".repeat(u.depth as usize), u.name))).collect()
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
    // Each form shows its own refusal at its top.
    view! {
        <h1>{m.org_title}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
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
    let fi = FormInputs::new::<UpdateUnit>(m, format!("u{}", u.id), Some(("unit", u.id.to_string())));
    let fields = view! {
        {fi.text("name", m.unit_name, u.name.clone())}
        {fi.text("code", m.unit_code, u.code.clone().unwrap_or_default())}
        {fi.select("parent", m.parent_unit, unit_choices(units), u.parent_id.map(|p| p.to_string()))}
        <div class="field-row">
            {fi.date("valid_from", m.valid_from, u.valid_from.map(format::date).unwrap_or_default())}
            {fi.date("valid_to", m.valid_to, u.valid_to.map(format::date).unwrap_or_default())}
        </div>
    };
    let (summary, id) = (fi.summary(), u.id.to_string());
    view! {
        <ActionForm action=update attr:id="unit-edit-form">
            {summary}
            <input type="hidden" name="unit" value=id/>
            {fields}
            <button type="submit" class="secondary">{m.save}</button>
            " "<a href="/admin/org">{m.close}</a>
        </ActionForm>
    }
    .into_any()
}

/// A new unit under a parent.
fn add_unit_form(m: &'static Messages, units: &[UnitRow], create: ServerAction<CreateUnit>) -> AnyView {
    let fi = FormInputs::new::<CreateUnit>(m, "new", None);
    let kinds = choices(&UNIT_KINDS, |k| m.unit_kind_label(k));
    let fields = view! {
        <div class="field-row">
            {fi.select("kind", m.unit_kind, kinds, Some("school".to_string()))}
            {fi.select("parent", m.parent_unit, unit_choices(units), None)}
        </div>
        {fi.text("name", m.unit_name, String::new())}
        {fi.text("code", m.unit_code, String::new())}
        <div class="field-row">
            {fi.date("valid_from", m.valid_from, String::new())}
            {fi.date("valid_to", m.valid_to, String::new())}
        </div>
    };
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{m.add_unit_title}</h2>
            <ActionForm action=create attr:id="unit-form">
                {summary}
                {fields}
                <button type="submit">{m.add_unit_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn links_section(m: &'static Messages, l: SchoolLinks, units: &[UnitRow], link: ServerAction<SetSchoolLink>) -> AnyView {
    let SchoolLinks { school, name, links: list } = l;
    let fi = FormInputs::new::<SetSchoolLink>(m, "link", None);
    let relations = choices(&RELATIONS, |r| m.relation_label(r));
    let fields = view! {
        <div class="field-row">
            {fi.select("relation", m.relation, relations, None)}
            {fi.select("target", m.unit_name, unit_choices(units), None)}
        </div>
        {fi.date("valid_from", m.valid_from, String::new())}
    };
    let summary = fi.summary();
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
                {summary}
                <input type="hidden" name="school" value=school.to_string()/>
                {fields}
                <button type="submit">{m.set_link_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
