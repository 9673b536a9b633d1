//! `/admin/rules`: the admission procedure's numbers per unit (administrators).

use super::Res;
use crate::components::form::{picker_filter, SuccessLine};
use crate::components::inputs::FormInputs;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::Messages;
use crate::outcome::form_action;
use crate::pages::ledger::param;
use leptos::prelude::*;
use crate::api::rules_view;
use nguon_shared::views::pipeline::RulesView;

/// The numbers of the procedure, in the order of the form.
const NAMES: [&str; 11] = [
    "min_age",
    "certificate_months",
    "document_months",
    "vote_numerator",
    "vote_denominator",
    "introducer_months",
    "youth_max_age",
    "decision_working_days",
    "ceremony_working_days",
    "probation_months",
    "recognition_working_days",
];

/// `/admin/rules`: the admission procedure's numbers per unit (administrators).
#[component]
pub fn RulesPage() -> impl IntoView {
    let unit_p = param("unit");
    let save: ServerAction<crate::api::SetProcedureRules> = form_action();
    let data: Res<RulesView> = Resource::new(move || (unit_p(), save.version().get()), |(unit, _)| rules_view(unit));
    view! { <WithUser render=move |page, _user| rules_page(page, data, save)/> }
}

fn rules_page(page: PageCtx, data: Res<RulesView>, save: ServerAction<crate::api::SetProcedureRules>) -> AnyView {
    let m = page.m;
    let t = m.mt;
    view! {
        <h1>{t.rules_title}</h1>
        <p class="muted">{t.rules_hint}</p>
        {move || save.value().get().and_then(|r| r.ok()).map(|_| view! { <SuccessLine id="rules-saved">{t.saved}</SuccessLine> })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(RulesView { unit: None, .. } | RulesView { procedure: None, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(RulesView { units, unit: Some(unit), procedure: Some(p) }) => {
                    let r = &p.rules;
                    let values = [
                        r.min_age, r.certificate_months, r.document_months, r.vote_numerator, r.vote_denominator, r.introducer_months,
                        r.youth_max_age, r.decision_working_days, r.ceremony_working_days, r.probation_months, r.recognition_working_days,
                    ];
                    let options: Vec<(i64, String)> = units.iter().map(|u| (u.id, format!("{} ({})", u.name, m.unit_kind_label(&u.kind)))).collect();
                    view! {
                        {picker_filter(m, t.rules_unit, "r-unit", "unit", options, unit)}
                        {rules_form(m, unit, &p, values, save)}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// The procedure's numbers of a unit, from a day. The two numbers of the
/// vote's fraction carry a note: a reading not verified centrally (domain.md §3).
fn rules_form(m: &'static Messages, unit: i64, p: &nguon_shared::pipeline::ProcedureView, values: [u32; 11], save: ServerAction<crate::api::SetProcedureRules>) -> AnyView {
    let t = m.mt;
    let r = &p.rules;
    let fi = FormInputs::new::<crate::api::SetProcedureRules>(m, "r", None).quiet();
    let sent_documents = crate::outcome::typed_values::<crate::api::SetProcedureRules>("documents");
    let fields = view! {
        {(0..11).map(|i| view! {
            {fi.number(NAMES[i], t.procedure_fields[i], values[i].to_string())}
            {matches!(NAMES[i], "vote_numerator" | "vote_denominator").then(|| view! { <small class="hint">{t.unverified}</small> })}
        }).collect_view()}
        {fi.checkbox("age_by_month", t.age_by_month, r.age_by_month)}
        {fi.checkbox("committee", t.committee, p.committee)}
        <fieldset>
            <legend>{t.required_documents}</legend>
            {nguon_shared::pipeline::DOCUMENT_KINDS.iter().filter(|k| **k != "verification").map(|k| {
                let id = format!("r-doc-{k}");
                let checked = match &sent_documents {
                    Some(sent) => sent.iter().any(|d| d == k),
                    None => r.required_documents.iter().any(|d| d == k),
                };
                view! {
                    <div class="field checkbox">
                        <input id=id.clone() name="documents[]" type="checkbox" value=*k checked=checked/>
                        <label for=id>{m.document_kind(k)}</label>
                    </div>
                }
            }).collect_view()}
            {fi.messages("documents")}
        </fieldset>
        {fi.date("valid_from", m.valid_from, format::date(format::today()))}
    };
    let summary = fi.summary();
    view! {
        <ActionForm action=save attr:id="rules-form" attr:class="card">
            {summary}
            <input type="hidden" name="unit" value=unit.to_string()/>
            {fields}
            <button type="submit">{m.save}</button>
        </ActionForm>
    }
    .into_any()
}
