//! `/privacy/student/:id`: what a school does for one student's request —
//! record it, answer it (a withdrawal ends the chosen consent), produce the
//! export, correct the identity, and erase by anonymisation with a second
//! person's confirmation.

use super::{request_status, Res};
use crate::api::{privacy_student_view, AnswerDataRequest, CancelErasure, ConfirmErasure, CorrectStudent, ProposeErasure, RecordDataRequest};
use crate::components::inputs::{choices, FormInputs};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use leptos::prelude::*;
use nguon_shared::privacy::{ErasureState, RequestRow, REQUESTERS, REQUEST_KINDS};
use nguon_shared::views::privacy::PrivacyStudentView;

/// The forms of the page.
#[derive(Clone, Copy)]
struct Actions {
    record: ServerAction<RecordDataRequest>,
    answer: ServerAction<AnswerDataRequest>,
    correct: ServerAction<CorrectStudent>,
    propose: ServerAction<ProposeErasure>,
    confirm: ServerAction<ConfirmErasure>,
    cancel: ServerAction<CancelErasure>,
}

impl Actions {
    fn version(&self) -> usize {
        self.record.version().get() + self.answer.version().get() + self.correct.version().get() + self.propose.version().get() + self.confirm.version().get() + self.cancel.version().get()
    }
}

/// `/privacy/student/:id`.
#[component]
pub fn PrivacyStudentPage() -> impl IntoView {
    let id = crate::pages::id_param();
    let acts = Actions { record: form_action(), answer: form_action(), correct: form_action(), propose: form_action(), confirm: form_action(), cancel: form_action() };
    let data: Res<PrivacyStudentView> = Resource::new(
        move || (id(), acts.version()),
        |(id, _)| privacy_student_view(id),
    );
    view! { <WithUser render=move |page, _user| student_page(page, data, acts)/> }
}

fn student_page(page: PageCtx, data: Res<PrivacyStudentView>, acts: Actions) -> AnyView {
    let m = page.m;
    let t = m.pv;
    view! {
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                // No heading of its own to show: the refusal is the page.
                Err(e) => view! { <h1>{m.error(&e)}</h1>{crate::components::form::load_error(m, &e)} }.into_any(),
                Ok(v) => view! {
                    <p><a href="/privacy">{t.back_register}</a></p>
                    <h1 id="privacy-name">{v.name.clone()}</h1>
                    <p class="muted">{v.school.clone()}" · "{v.identity.date_of_birth.map(format::date).unwrap_or_default()}</p>
                    {requests(m, &v, acts)}
                    {record_form(m, &v, acts.record)}
                    {export_links(m, &v)}
                    {correction_form(m, &v, acts.correct)}
                    {erasure(m, &v, acts)}
                }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

/// The student's requests; each open one with its answer form.
fn requests(m: &'static Messages, v: &PrivacyStudentView, acts: Actions) -> AnyView {
    let t = m.pv;
    view! {
        <section class="card" id="requests">
            <h2>{t.student_requests}</h2>
            {if v.requests.is_empty() {
                view! { <p class="muted">{t.no_requests}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain requests">{v.requests.iter().map(|r| view! {
                        <li class="request" class:overdue=r.overdue id=format!("request-{}", r.id)>
                            <p>
                                <strong>{t.kind_label(&r.kind)}</strong>
                                " · "{r.requester_name.clone()}" ("{t.requester_label(&r.requester)}")"
                                " · "{t.col_received}": "{format::date(r.received_on)}
                                " · "{t.col_due}": "{format::date(r.due_on)}
                            </p>
                            {(!r.details.is_empty()).then(|| view! { <p>{r.details.clone()}</p> })}
                            <p>{request_status(m, r)}{r.answer.clone().map(|a| view! { ": "{a} })}</p>
                            {r.answered_on.is_none().then(|| answer_form(m, r, v, acts.answer))}
                        </li>
                    }).collect_view()}</ul>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}

fn answer_form(m: &'static Messages, r: &RequestRow, v: &PrivacyStudentView, action: ServerAction<AnswerDataRequest>) -> AnyView {
    let t = m.pv;
    let id = r.id.to_string();
    let fi = FormInputs::new::<AnswerDataRequest>(m, format!("ans-{id}"), Some(("request", id.clone())));
    let consent = (r.kind == "withdrawal").then(|| {
        if v.consents.is_empty() {
            view! { <p class="muted">{t.no_consent}</p> }.into_any()
        } else {
            let options = v
                .consents
                .iter()
                .map(|c| (c.id.to_string(), format!("{} ({}, {})", c.person_name, t.requester_label(&c.subject), format::date(c.given_on))))
                .collect();
            fi.select("consent", t.consent, options, None)
        }
    });
    let fields = view! {
        {consent}
        {fi.textarea("answer", t.answer, String::new())}
        {fi.date("answered_on", t.answered_on, format::date(v.today))}
    };
    let summary = fi.summary();
    view! {
        {summary}
        <ActionForm action=action attr:class="answer-form">
            <input type="hidden" name="request" value=id/>
            {fields}
            <button type="submit">{t.record_answer}</button>
        </ActionForm>
    }
    .into_any()
}

fn record_form(m: &'static Messages, v: &PrivacyStudentView, action: ServerAction<RecordDataRequest>) -> AnyView {
    let t = m.pv;
    let fi = FormInputs::new::<RecordDataRequest>(m, "req", None);
    let fields = view! {
        {fi.select("requester", t.requester, choices(&REQUESTERS, |c| t.requester_label(c)), None)}
        {fi.text("requester_name", t.requester_name, String::new())}
        {fi.select("kind", t.kind, choices(&REQUEST_KINDS, |c| t.kind_label(c)), None)}
        {fi.textarea("details", t.details, String::new())}
        {fi.date("received_on", t.received_on, format::date(v.today))}
    };
    let summary = fi.summary();
    let student = v.identity.id.to_string();
    view! {
        <section class="card">
            <h2>{t.record_title}</h2>
            <ActionForm action=action attr:id="request-form">
                {summary}
                <input type="hidden" name="student" value=student/>
                {fields}
                <button type="submit">{t.record}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn export_links(m: &'static Messages, v: &PrivacyStudentView) -> AnyView {
    let t = m.pv;
    let id = v.identity.id;
    view! {
        <section class="card" id="export">
            <h2>{t.export_title}</h2>
            {if v.can_export {
                view! {
                    <p>{t.export_hint}</p>
                    <p>
                        <a href=format!("/privacy/student/{id}/export") id="export-page">{t.export_page}</a>
                        " · "
                        <a href=format!("/privacy/student/{id}/export.json") id="export-json" download>{t.export_json}</a>
                    </p>
                }
                .into_any()
            } else {
                view! { <p class="muted">{t.export_denied}</p> }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn correction_form(m: &'static Messages, v: &PrivacyStudentView, action: ServerAction<CorrectStudent>) -> AnyView {
    let t = m.pv;
    if matches!(v.erasure, ErasureState::Done { .. }) {
        return ().into_any();
    }
    let s = v.identity.clone();
    let fi = FormInputs::new::<CorrectStudent>(m, "fix", None);
    let genders = vec![
        (String::new(), "—".to_string()),
        ("male".to_string(), t.genders[0].to_string()),
        ("female".to_string(), t.genders[1].to_string()),
        ("other".to_string(), t.genders[2].to_string()),
    ];
    let fields = view! {
        <div class="field-row">
            {fi.text("family_name", t.family_name, s.family_name)}
            {fi.text("middle_name", t.middle_name, s.middle_name)}
            {fi.text("given_name", t.given_name, s.given_name)}
        </div>
        <div class="field-row">
            {fi.date("date_of_birth", m.col_dob, s.date_of_birth.map(format::date).unwrap_or_default())}
            {fi.select("gender", t.gender, genders, Some(s.gender))}
            {fi.text("code", m.col_code, s.code)}
        </div>
        {v.sensitive.then(|| view! {
            <div class="field-row">
                {fi.text("ethnicity", t.ethnicity, s.ethnicity)}
                {fi.text("religion", t.religion, s.religion)}
            </div>
        })}
        <div class="field-row">
            {fi.text("hometown_commune", t.hometown_commune, s.hometown_commune)}
            {fi.text("hometown_province", t.hometown_province, s.hometown_province)}
        </div>
        <div class="field-row">
            {fi.text("residence_commune", t.residence_commune, s.residence_commune)}
            {fi.text("residence_province", t.residence_province, s.residence_province)}
        </div>
        <div class="field-row">
            {fi.text("guardian_name", t.guardian_name, s.guardian_name)}
            {fi.text("guardian_phone", t.guardian_phone, s.guardian_phone)}
        </div>
    };
    let summary = fi.summary();
    let (student, open) = (v.identity.id.to_string(), fi.refused());
    view! {
        <details class="card" open=open>
            <summary><h2>{t.correct_title}</h2></summary>
            <p class="hint">{t.correct_hint}</p>
            <ActionForm action=action attr:id="correct-form">
                {summary}
                <input type="hidden" name="student" value=student/>
                {fields}
                <button type="submit">{t.save_correction}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

fn erasure(m: &'static Messages, v: &PrivacyStudentView, acts: Actions) -> AnyView {
    let t = m.pv;
    let body = match &v.erasure {
        ErasureState::Done { on } => view! { <p id="erasure-done">{fill(t.done, &[("date", &format::date(*on))])}</p> }.into_any(),
        ErasureState::Kept => view! { <p id="erasure-kept">{t.kept}</p> }.into_any(),
        ErasureState::Open => {
            let fi = FormInputs::new::<ProposeErasure>(m, "erase", None);
            let fields = fi.text("reason", t.reason, String::new());
            let summary = fi.summary();
            let student = v.identity.id.to_string();
            view! {
                <p>{t.erasure_hint}</p>
                <ActionForm action=acts.propose attr:id="propose-erasure">
                    {summary}
                    <input type="hidden" name="student" value=student/>
                    {fields}
                    <button type="submit" class="danger">{t.propose}</button>
                </ActionForm>
            }
            .into_any()
        }
        ErasureState::Proposed { id, by, reason, by_me } => {
            let id = id.to_string();
            let fi = FormInputs::new::<ConfirmErasure>(m, "confirm", Some(("erasure", id.clone()))).quiet();
            let cancel = FormInputs::new::<CancelErasure>(m, "cancel", Some(("erasure", id.clone())));
            let confirm_id = id.clone();
            let confirm = (!by_me).then(move || {
                let tick = fi.checkbox("understood", t.understood, false);
                let summary = fi.summary();
                view! {
                    <ActionForm action=acts.confirm attr:id="confirm-erasure">
                        {summary}
                        <input type="hidden" name="erasure" value=confirm_id/>
                        {tick}
                        <button type="submit" class="danger">{t.confirm}</button>
                    </ActionForm>
                }
            });
            let cancel_summary = cancel.summary();
            view! {
                <p id="erasure-proposed">{fill(t.proposed_line, &[("by", by), ("reason", reason)])}</p>
                <p>{t.erasure_hint}</p>
                {by_me.then(|| view! { <p class="muted">{t.wait_second}</p> })}
                {confirm}
                {cancel_summary}
                <ActionForm action=acts.cancel attr:class="inline">
                    <input type="hidden" name="erasure" value=id/>
                    <button type="submit" class="secondary">{t.cancel}</button>
                </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        <section class="card" id="erasure">
            <h2>{t.erasure_title}</h2>
            {body}
        </section>
    }
    .into_any()
}
