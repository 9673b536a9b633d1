//! The candidate pipeline's pages: the board of a school's candidates by
//! stage (with the union's proposals waiting for the cell, and their
//! consents), and a candidacy's page where every move is checked and
//! explained before and after it is tried.

mod board;
mod candidacy;

pub use board::PipelinePage;
pub use candidacy::CandidacyPage;

use crate::format;
use crate::i18n::{fill, Messages};
use leptos::prelude::*;
use nguon_shared::pipeline::{ConsentView, RiskFlag};

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// A risk flag's sentence.
pub(crate) fn risk_text(m: &'static Messages, r: &RiskFlag) -> String {
    match r {
        RiskFlag::AgeAfterSchool { eligible_from } => fill(m.risk_age_after_school, &[("date", &format::date(*eligible_from))]),
        RiskFlag::CertificateLapsing { valid_until } => fill(m.risk_certificate, &[("date", &format::date(*valid_until))]),
        RiskFlag::CeremonyOverdue { due } => fill(m.risk_ceremony_overdue, &[("date", &format::date(*due))]),
        RiskFlag::DecisionOverdue { due } => fill(m.risk_decision_overdue, &[("date", &format::date(*due))]),
        RiskFlag::NoMentor => m.chk_no_mentor.to_string(),
        RiskFlag::BiographyRewritten { times } => fill(m.risk_biography, &[("n", &times.to_string())]),
        RiskFlag::NoAssessment { days } => fill(m.mt.risk_no_assessment, &[("n", &days.to_string())]),
        RiskFlag::GraduatesOnProbation { school_ends } => fill(m.mt.risk_graduates, &[("date", &format::date(*school_ends))]),
        RiskFlag::CertificateBeforeVote { valid_until, earliest_vote } => {
            fill(m.mt.risk_certificate_before_vote, &[("date", &format::date(*valid_until)), ("vote", &format::date(*earliest_vote))])
        }
    }
}


pub(super) fn consent_list(m: &'static Messages, list: &[ConsentView]) -> AnyView {
    if list.is_empty() {
        return view! { <p class="muted">{m.no_consent_yet}</p> }.into_any();
    }
    view! {
        <ul class="consents">
            {list.iter().map(|c| {
                let who = if c.subject == "guardian" { format!("{} ({})", c.person_name, c.relation.clone().unwrap_or_default()) } else { c.person_name.clone() };
                let line = fill(m.consent_line, &[("who", &who), ("date", &format::date(c.given_on)), ("method", &m.consent_method(&c.method))]);
                view! {
                    <li class:withdrawn=c.withdrawn_on.is_some()>
                        {line}
                        {c.withdrawn_on.map(|d| view! { " — "<strong>{fill(m.consent_withdrawn_on, &[("date", &format::date(d))])}</strong> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

