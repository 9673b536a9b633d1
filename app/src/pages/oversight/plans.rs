//! `/oversight/plans`: the plans over the user's scope (number, issuer,
//! scope, successors carrying them on), a form to record one, another to
//! record a successor's adoption, and one plan's targets for a year.

use crate::api::{plans_view, AdoptPlan, CreatePlan, SetOversightRules, SetPlanTargets, UpdatePlan};
use crate::components::inputs::FormInputs;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use crate::pages::ledger::param;
use leptos::prelude::*;
use leptos_router::components::Form;
use nguon_shared::views::oversight::{PlanRow, PlanTargets, PlansView, UnitChoice};
use nguon_shared::views::CurrentUserView;

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// The forms of the page.
#[derive(Clone, Copy)]
struct PlanForms {
    create: ServerAction<CreatePlan>,
    adopt: ServerAction<AdoptPlan>,
    targets: ServerAction<SetPlanTargets>,
    rules: ServerAction<SetOversightRules>,
    update: ServerAction<UpdatePlan>,
}

/// The plans page.
#[component]
pub fn PlansPage() -> impl IntoView {
    let (plan, year) = (param("plan"), param("year"));
    let forms = PlanForms { create: form_action(), adopt: form_action(), targets: form_action(), rules: form_action(), update: form_action() };
    let version = move || {
        forms.create.version().get() + forms.adopt.version().get() + forms.targets.version().get() + forms.rules.version().get() + forms.update.version().get()
    };
    let data: Res<PlansView> = Resource::new(move || (plan(), year(), version()), |(p, y, _)| plans_view(p, y));
    view! { <WithUser render=move |page, user| plans_page(page, user, data, forms)/> }
}

fn plans_page(page: PageCtx, _user: CurrentUserView, data: Res<PlansView>, forms: PlanForms) -> AnyView {
    let m = page.m;
    view! {
        <h1>{m.ov.plans_title}</h1>
        <p class="muted">{m.ov.plans_intro}</p>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(v) => view! {
                    {list(m, &v.plans, v.editing.as_ref().map(|e| e.plan_id))}
                    {v.editing.clone().map(|t| view! { {targets(m, t.clone(), forms.targets)}{update_form(m, &t, forms.update)} })}
                    {v.may_edit.then(|| view! {
                        {create_form(m, &v, forms.create)}
                        {(!v.plans.is_empty()).then(|| adopt_form(m, &v, forms.adopt))}
                        {v.rules.clone().map(|r| rules_form(m, &v, r, forms.rules))}
                    })}
                }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

fn unit_label(m: &'static Messages, u: &UnitChoice) -> String {
    match u.valid_to {
        Some(to) => format!("{} {}", u.name, fill(m.ov.historical, &[("date", &format::date(to))])),
        None => u.name.clone(),
    }
}

fn list(m: &'static Messages, plans: &[PlanRow], editing: Option<i64>) -> AnyView {
    let o = m.ov;
    if plans.is_empty() {
        return view! { <p class="muted" id="plans-none">{o.plans_none}</p> }.into_any();
    }
    view! {
        <div class="table-wrap"><table id="plans-table" class="stack">
            <thead><tr>
                <th scope="col">{o.col_number}</th>
                <th scope="col">{o.col_issuer}</th>
                <th scope="col">{o.col_scope}</th>
                <th scope="col">{o.col_in_force}</th>
            </tr></thead>
            <tbody>
                {plans.iter().map(|r| {
                    let p = &r.plan;
                    view! {
                        <tr class:current=editing == Some(p.id)>
                            <td class="name"><strong>{p.number.clone()}</strong>" · "{format::date(p.issued_on)}<br/>{p.title.clone()}
                                <br/><a href=format!("/oversight/plans?plan={}#targets", p.id)>{o.targets_link}</a>
                            </td>
                            <td data-label=o.col_issuer>{p.issuer.clone()}
                                {r.adoptions.iter().map(|a| view! { <br/><em>{fill(o.adopted_line, &[("body", &a.body), ("date", &format::date(a.from))])}</em> }).collect_view()}
                            </td>
                            <td data-label=o.col_scope>{r.scope.clone()}</td>
                            <td data-label=o.col_in_force>{format::date(r.in_force_from)}
                                {r.replaces.clone().map(|n| view! { <br/><small>{fill(o.replaces_line, &[("number", &n)])}</small> })}
                                {r.replaced_by.clone().map(|(n, d)| view! { <br/><small>{fill(o.replaced_by_line, &[("number", &n), ("date", &format::date(d))])}</small> })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table></div>
    }
    .into_any()
}

fn create_form(m: &'static Messages, v: &PlansView, action: ServerAction<CreatePlan>) -> AnyView {
    let o = m.ov;
    let fi = FormInputs::new::<CreatePlan>(m, "plan", None).quiet();
    let issuers: Vec<(String, String)> = v.issuers.iter().map(|u| (u.id.to_string(), unit_label(m, u))).collect();
    let bodies: Vec<(String, String)> = v.bodies.iter().filter(|u| u.valid_to.is_none()).map(|u| (u.id.to_string(), u.name.clone())).collect();
    let replaces: Vec<(String, String)> = std::iter::once((String::new(), o.none.to_string())).chain(v.plans.iter().map(|p| (p.plan.id.to_string(), p.plan.number.clone()))).collect();
    let fields = view! {
        {fi.select("issuer", o.f_issuer, issuers, None)}
        <div class="field-row">
            {fi.text("number", o.f_number, String::new())}
            {fi.date("issued_on", o.f_issued_on, String::new())}
        </div>
        {fi.textarea("title", o.f_title, String::new())}
        {fi.select("scope", o.f_scope, bodies, None)}
        {fi.date("in_force_from", o.f_in_force, String::new())}
        {fi.select("replaces", o.f_replaces, replaces, None)}
    };
    let summary = fi.summary();
    view! {
        <details class="card" id="new-plan" open=fi.refused()>
            <summary><h2>{o.new_plan_title}</h2></summary>
            <ActionForm action=action attr:id="plan-form">
                {summary}
                {fields}
                <button type="submit">{o.create_button}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

fn adopt_form(m: &'static Messages, v: &PlansView, action: ServerAction<AdoptPlan>) -> AnyView {
    let o = m.ov;
    let fi = FormInputs::new::<AdoptPlan>(m, "adopt", None);
    let plans: Vec<(String, String)> = v.plans.iter().map(|p| (p.plan.id.to_string(), format!("{} — {}", p.plan.number, p.plan.issuer))).collect();
    let bodies: Vec<(String, String)> = v.bodies.iter().filter(|u| u.valid_to.is_none()).map(|u| (u.id.to_string(), u.name.clone())).collect();
    let fields = view! {
        {fi.select("plan", o.f_plan, plans, None)}
        {fi.select("body", o.f_body, bodies, None)}
        {fi.date("from", o.f_from, String::new())}
    };
    let summary = fi.summary();
    view! {
        <details class="card" id="adopt-plan" open=fi.refused()>
            <summary><h2>{o.adopt_title}</h2></summary>
            <p class="muted">{o.adopt_intro}</p>
            <ActionForm action=action attr:id="adopt-form">
                {summary}
                {fields}
                <button type="submit">{o.adopt_button}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

fn targets(m: &'static Messages, t: PlanTargets, action: ServerAction<SetPlanTargets>) -> AnyView {
    let o = m.ov;
    let fi = FormInputs::new::<SetPlanTargets>(m, "targets", Some(("plan", t.plan_id.to_string())));
    let cell = |fi: &FormInputs, field: &'static str, unit: i64, unit_name: &str, column: &'static str, value: Option<u32>| {
        let name = format!("{field}_{unit}");
        fi.remember(&name, &format!("{unit_name} — {column}"));
        let id = format!("targets-{name}");
        view! {
            <td data-label=column>
                <input id=id.clone() name=format!("{field}[]") type="text" inputmode="numeric" class="short" value=value.map(|v| v.to_string()).unwrap_or_default()
                    aria-label=format!("{unit_name} — {column}") aria-describedby=format!("{id}-err")/>
                {fi.messages(&name)}
            </td>
        }
    };
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let name = if r.is_scope { format!("{} {}", r.unit_name, o.whole_scope) } else { r.unit_name.clone() };
            view! {
                <tr class:scope-line=r.is_scope>
                    <th scope="row"><input type="hidden" name="unit[]" value=r.unit_id.to_string()/>{name.clone()}</th>
                    {cell(&fi, "new_members", r.unit_id, &name, o.col_new_members, r.figures.new_members)}
                    {cell(&fi, "student_members", r.unit_id, &name, o.col_student_members, r.figures.student_members)}
                    {cell(&fi, "trainees", r.unit_id, &name, o.col_trainees, r.figures.trainees)}
                </tr>
            }
        })
        .collect_view();
    let summary = fi.summary();
    let years: Vec<i32> = (t.year - 3..=t.year + 3).collect();
    view! {
        <section class="card" id="targets">
            <h2>{fill(o.targets_title, &[("year", &t.year.to_string()), ("number", &t.number)])}</h2>
            <Form method="GET" action="" attr:class="filters" attr:id="targets-year">
                <input type="hidden" name="plan" value=t.plan_id.to_string()/>
                <div class="field">
                    <label for="f-year">{o.f_year}</label>
                    <select id="f-year" name="year">
                        {years.into_iter().map(|y| view! { <option value=y.to_string() selected=y == t.year>{y.to_string()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="secondary">{o.show_year}</button>
            </Form>
            <p class="hint">{o.targets_hint}</p>
            <ActionForm action=action attr:id="targets-form">
                {summary}
                <input type="hidden" name="plan" value=t.plan_id.to_string()/>
                <input type="hidden" name="year" value=t.year.to_string()/>
                <div class="table-wrap"><table id="targets-table" class="stack">
                    <thead><tr>
                        <th scope="col">{o.col_unit}</th>
                        <th scope="col">{o.col_new_members}</th>
                        <th scope="col">{o.col_student_members}</th>
                        <th scope="col">{o.col_trainees}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
                <button type="submit">{o.save_targets}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The oversight numbers at a body: days before a card counts as stalled,
/// the smallest count a breakdown shows (never under 5).
fn rules_form(m: &'static Messages, v: &PlansView, rules: nguon_shared::oversight::OversightRules, action: ServerAction<SetOversightRules>) -> AnyView {
    let o = m.ov;
    let fi = FormInputs::new::<SetOversightRules>(m, "rules", None);
    let bodies: Vec<(String, String)> = v.bodies.iter().filter(|u| u.valid_to.is_none()).map(|u| (u.id.to_string(), u.name.clone())).collect();
    let fields = view! {
        {fi.select("unit", o.f_body_rules, bodies, None)}
        <div class="field-row">
            {fi.number("stalled_after_days", o.f_stalled_days, rules.stalled_after_days.to_string())}
            {fi.number("smallest_shown", o.f_smallest, rules.smallest_shown.to_string())}
        </div>
        {fi.date("valid_from", o.f_from, format::date(format::today()))}
    };
    let summary = fi.summary();
    view! {
        <details class="card" id="oversight-rules" open=fi.refused()>
            <summary><h2>{o.rules_title}</h2></summary>
            <p class="muted">{o.rules_intro}</p>
            <ActionForm action=action attr:id="rules-form">
                {summary}
                {fields}
                <button type="submit">{m.save}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

/// Corrects the plan being edited: number, date of issue, title, first day in force.
fn update_form(m: &'static Messages, t: &PlanTargets, action: ServerAction<UpdatePlan>) -> AnyView {
    let o = m.ov;
    let fi = FormInputs::new::<UpdatePlan>(m, "edit-plan", Some(("plan", t.plan_id.to_string())));
    let fields = view! {
        <div class="field-row">
            {fi.text("number", o.f_number, t.number.clone())}
            {fi.date("issued_on", o.f_issued_on, format::date(t.issued_on))}
        </div>
        {fi.textarea("title", o.f_title, t.title.clone())}
        {fi.date("in_force_from", o.f_in_force, format::date(t.in_force_from))}
    };
    let summary = fi.summary();
    let (title, plan_id) = (fill(o.edit_plan_title, &[("number", &t.number)]), t.plan_id.to_string());
    view! {
        <details class="card" id="edit-plan" open=fi.refused()>
            <summary><h2>{title}</h2></summary>
            <ActionForm action=action attr:id="edit-plan-form">
                {summary}
                <input type="hidden" name="plan" value=plan_id/>
                {fields}
                <button type="submit">{m.save}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}
