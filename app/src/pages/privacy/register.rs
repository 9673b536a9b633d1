//! `/privacy`: a school's register of data-subject requests, open ones
//! first with their due day; the search that leads to a student's page; the
//! numbers (answer within, retention) for those who configure rules.

use super::{request_status, Res};
use crate::api::{privacy_view, SetPrivacyRules};
use crate::components::form::school_filter;
use crate::components::inputs::FormInputs;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use crate::pages::ledger::param;
use leptos::prelude::*;
use leptos_router::components::Form;
use nguon_shared::privacy::PrivacyRules;
use nguon_shared::views::privacy::PrivacyView;
use nguon_shared::views::SchoolChoice;

/// `/privacy`.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let school_p = param("school");
    let q_p = param("q");
    let rules: ServerAction<SetPrivacyRules> = form_action();
    let data: Res<PrivacyView> = Resource::new(move || (school_p(), q_p(), rules.version().get()), |(school, q, _)| privacy_view(school, q));
    view! { <WithUser render=move |page, _user| register_page(page, data, rules)/> }
}

fn register_page(page: PageCtx, data: Res<PrivacyView>, rules: ServerAction<SetPrivacyRules>) -> AnyView {
    let m = page.m;
    let t = m.pv;
    view! {
        <h1>{t.title}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(PrivacyView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(v) => {
                    let school = v.choice.school.unwrap_or_default();
                    view! {
                        <p>{fill(t.intro, &[("n", &v.rules.answer_working_days.to_string())])}</p>
                        {school_filter(m, &v.choice.schools, school)}
                        {search(m, school, &v)}
                        {requests_table(m, &v)}
                        {v.can_configure.then(|| rules_form(m, school, v.rules, rules))}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// The search for a student, and what it found.
fn search(m: &'static Messages, school: i64, v: &PrivacyView) -> AnyView {
    let t = m.pv;
    let found = (!v.q.trim().is_empty()).then(|| {
        if v.matches.rows.is_empty() {
            view! { <p class="muted" id="no-match">{t.no_match}</p> }.into_any()
        } else {
            view! {
                <ul class="plain" id="matches">{v.matches.rows.iter().map(|s| view! {
                    <li>
                        <a href=format!("/privacy/student/{}", s.id)>{s.name.clone()}</a>
                        " · "{format::date(s.date_of_birth)}
                        {s.code.clone().map(|c| view! { " · "{c} })}
                    </li>
                }).collect_view()}</ul>
            }
            .into_any()
        }
    });
    let q = v.q.clone();
    view! {
        <section class="card">
            <Form method="GET" action="" attr:class="row-form" attr:id="privacy-search">
                <input type="hidden" name="school" value=school.to_string()/>
                <div class="field">
                    <label for="privacy-q">{t.search_label}</label>
                    <input id="privacy-q" name="q" type="search" value=q aria-describedby="privacy-q-hint"/>
                    <small class="hint" id="privacy-q-hint">{t.search_hint}</small>
                </div>
                <button type="submit" class="secondary">{m.show_button}</button>
            </Form>
            {found}
        </section>
    }
    .into_any()
}

/// The register: open requests first, late ones marked.
fn requests_table(m: &'static Messages, v: &PrivacyView) -> AnyView {
    let t = m.pv;
    let rows = &v.requests.rows;
    view! {
        <h2>{t.requests_title}</h2>
        {if rows.is_empty() {
            view! { <p class="muted" id="no-requests">{t.no_requests}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap"><table id="requests">
                    <thead><tr>
                        <th scope="col">{t.col_student}</th><th scope="col">{t.col_kind}</th><th scope="col">{t.col_requester}</th>
                        <th scope="col">{t.col_received}</th><th scope="col">{t.col_due}</th><th scope="col">{t.col_answer}</th>
                    </tr></thead>
                    <tbody>{rows.iter().map(|r| view! {
                        <tr class:overdue=r.overdue>
                            <td><a href=format!("/privacy/student/{}#requests", r.student_id)>{r.student_name.clone()}</a></td>
                            <td>{t.kind_label(&r.kind)}</td>
                            <td>{r.requester_name.clone()}" ("{t.requester_label(&r.requester)}")"</td>
                            <td>{format::date(r.received_on)}</td>
                            <td>{format::date(r.due_on)}</td>
                            <td>{request_status(m, r)}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table></div>
                {(v.requests.total as usize > rows.len()).then(|| view! {
                    <p class="muted">{fill(t.shown_of, &[("shown", &rows.len().to_string()), ("total", &v.requests.total.to_string())])}</p>
                })}
            }
            .into_any()
        }}
    }
    .into_any()
}

/// The numbers in force from a day (administrators).
fn rules_form(m: &'static Messages, school: i64, r: PrivacyRules, action: ServerAction<SetPrivacyRules>) -> AnyView {
    let t = m.pv;
    let fi = FormInputs::new::<SetPrivacyRules>(m, "pr", None);
    let fields = view! {
        {fi.number("answer_working_days", t.answer_days, r.answer_working_days.to_string())}
        {fi.number("retention_years", t.retention_years, r.retention_years.to_string())}
        {fi.date("valid_from", m.valid_from, format::date(format::today()))}
    };
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{t.rules_title}</h2>
            <ActionForm action=action attr:id="privacy-rules-form">
                {summary}
                <input type="hidden" name="school" value=school.to_string()/>
                {fields}
                <button type="submit">{m.save}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
