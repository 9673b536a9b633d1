//! The candidacy page's mentoring part: the forecast of the remaining steps,
//! awareness classes, joint meetings, and the mentor's assessments.

use crate::components::form::SuccessLine;
use crate::components::inputs::FormInputs;
use crate::format;
use crate::i18n::{fill, Messages};
use leptos::prelude::*;
use crate::i18n::code_label;
use crate::i18n::mentoring::Mt;
use crate::api::WriteAssessment;
use nguon_shared::mentoring::{EnrolmentView, ForecastStep, Wait, RATINGS, RECOMMENDATIONS};
use nguon_shared::pipeline::CandidacyView;

fn wait_text(t: &Mt, w: &Wait) -> String {
    match w {
        Wait::Consent => t.wait_consent.into(),
        Wait::Certificate => t.wait_certificate.into(),
        Wait::CertificateLapses { valid_until } => fill(t.wait_certificate_lapses, &[("date", &format::date(*valid_until))]),
        Wait::Mentor => t.wait_mentor.into(),
        Wait::Age { from } => fill(t.wait_age, &[("date", &format::date(*from))]),
        Wait::Introducers => t.wait_introducers.into(),
        Wait::Introducer { name, from } => fill(t.wait_introducer, &[("name", name), ("date", &format::date(*from))]),
        Wait::Documents { count } => fill(t.wait_documents, &[("n", &count.to_string())]),
        Wait::Verification { open } => fill(t.wait_verification, &[("n", &open.to_string())]),
        Wait::Previous => t.wait_previous.into(),
    }
}

fn forecast_table(m: &'static Messages, steps: &[ForecastStep]) -> AnyView {
    let t = m.mt;
    if steps.is_empty() {
        return ().into_any();
    }
    // A list rather than a table: on a phone the waits need the whole width.
    view! {
        <section class="card">
            <h2>{t.forecast_title}</h2>
            <ol class="forecast" id="forecast">{steps.iter().map(|s| view! {
                <li data-stage=s.stage.code()>
                    <strong>{m.stage_label(s.stage)}</strong>
                    <span class="when">
                        {format!("{}: {}", t.forecast_earliest, s.earliest.map(format::date).unwrap_or_else(|| t.forecast_unknown.to_string()))}
                        {s.due.map(|d| format!(" · {}: {}", t.forecast_due, format::date(d)))}
                    </span>
                    {(!s.waits.is_empty()).then(|| view! {
                        <small class="waits">{format!("{}: {}", t.forecast_waits, s.waits.iter().map(|w| wait_text(t, w)).collect::<Vec<_>>().join("; "))}</small>
                    })}
                </li>
            }).collect_view()}</ol>
        </section>
    }
    .into_any()
}

fn enrolment_line(m: &'static Messages, e: &EnrolmentView) -> String {
    let t = m.mt;
    let mut line = fill(t.enrolled_line, &[("class", &e.class_name), ("date", &format::date(e.ends_on))]);
    if let Some((n, issued, until)) = &e.certificate {
        line.push_str(": ");
        line.push_str(&fill(t.completed_line, &[("n", n), ("date", &format::date(*issued)), ("until", &format::date(*until))]));
    }
    line
}

/// `(code, label)` choices from a code list and its labels.
fn coded(codes: &[&str], labels: &[&'static str]) -> Vec<(String, String)> {
    codes.iter().zip(labels).map(|(c, l)| (c.to_string(), l.to_string())).collect()
}

/// The candidacy page's mentoring part: the forecast, awareness classes, and
/// the mentor's assessments with the template's form for the current mentor.
pub fn mentoring_section(m: &'static Messages, v: &CandidacyView, write: ServerAction<WriteAssessment>) -> AnyView {
    let t = m.mt;
    let mt = &v.mentoring;
    const FIELDS: [&str; 4] = ["political", "ethics", "study", "union_work"];
    let (cid, next_due) = (v.card.id, mt.next_due);
    let form = mt.can_write.then(|| {
        let fi = FormInputs::new::<WriteAssessment>(m, "as", None).quiet();
        let fields = view! {
            {fi.date("written_on", t.written_on, format::date(format::today()))}
            <div class="field-row">
                {(0..4).map(|i| fi.select(FIELDS[i], t.rating_fields[i], coded(&RATINGS, &t.ratings), None)).collect_view()}
            </div>
            {fi.textarea("strengths", t.strengths, String::new())}
            {fi.textarea("to_improve", t.to_improve, String::new())}
            {fi.select("recommendation", t.recommendation, coded(&RECOMMENDATIONS, &t.recommendations), None)}
        };
        let (refused, summary) = (fi.refused(), fi.summary());
        view! {
            <details open=refused || next_due.is_some_and(|d| d <= format::today())>
                <summary>{t.write_assessment}</summary>
                <ActionForm action=write attr:id="assessment-form">
                    {summary}
                    <input type="hidden" name="candidacy" value=cid.to_string()/>
                    {fields}
                    <button type="submit">{t.write_assessment}</button>
                </ActionForm>
            </details>
        }
    });
    view! {
        {forecast_table(m, &mt.forecast)}
        {(!mt.classes.is_empty()).then(|| view! {
            <section class="card">
                <h2>{t.classes_title}</h2>
                <ul id="candidate-classes">{mt.classes.iter().map(|e| view! { <li>{enrolment_line(m, e)}</li> }).collect_view()}</ul>
            </section>
        })}
        {(!mt.meetings.is_empty()).then(|| view! {
            <section class="card">
                <h2>{t.discussed_at}</h2>
                <ul id="candidate-meetings">{mt.meetings.iter().map(|(day, note)| view! {
                    <li>{fill(t.meeting_title, &[("date", &format::date(*day))])}{note.clone().map(|n| format!(": {n}"))}</li>
                }).collect_view()}</ul>
            </section>
        })}
        <section class="card" id="assessments">
            <h2>{t.assessments_title}</h2>
            {mt.next_due.map(|d| view! { <p id="next-assessment" class:overdue=d < format::today()>{fill(t.next_assessment_due, &[("date", &format::date(d))])}</p> })}
            {if mt.assessments.is_empty() {
                view! { <p class="muted">{t.no_assessments}</p> }.into_any()
            } else {
                view! {
                    <ol class="assessments">{mt.assessments.iter().map(|a| view! {
                        <li class="assessment">
                            <strong>{fill(t.assessment_by, &[("date", &format::date(a.written_on)), ("name", &a.mentor)])}</strong>
                            <dl>
                                {t.rating_fields.iter().zip(&a.ratings).map(|(f, r)| view! { <dt>{*f}</dt><dd>{code_label(&RATINGS, &t.ratings, r)}</dd> }).collect_view()}
                                <dt>{t.strengths}</dt><dd>{a.strengths.clone()}</dd>
                                <dt>{t.to_improve}</dt><dd>{a.to_improve.clone()}</dd>
                                <dt>{t.recommendation}</dt><dd>{code_label(&RECOMMENDATIONS, &t.recommendations, &a.recommendation)}</dd>
                            </dl>
                        </li>
                    }).collect_view()}</ol>
                }.into_any()
            }}
            {form}
            {move || write.value().get().and_then(|r| r.ok()).map(|_| view! { <SuccessLine id="assessment-saved">{t.assessment_saved}</SuccessLine> })}
        </section>
    }
    .into_any()
}

