//! The earliest feasible day of each remaining step from today's facts
//! (domain.md §3): the 18th birthday counted as the rule says, the awareness
//! certificate (or the end of the class the candidate is in), introducers'
//! months together, and the record of the previous step. Open actions that
//! have no date (a missing mentor, documents, verification) are listed as
//! what the step waits for without moving its day.

use super::calendar::Calendar;
use super::rules::{self, check_documents, eligible_from, MoveFacts, PipelineRules};
use nguon_shared::mentoring::{ForecastStep, Wait};
use nguon_shared::pipeline::Stage;
use chrono::NaiveDate;

/// What the forecast reads besides the move facts (whose `on` is today).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastInput {
    /// The current stage.
    pub stage: Stage,
    /// The last day of an awareness class the candidate is enrolled in, not yet completed.
    pub class_ends: Option<NaiveDate>,
    /// The day of the cell's vote, once held.
    pub cell_vote_on: Option<NaiveDate>,
}

/// The forward steps still ahead of `stage` (none after a final stage).
pub fn remaining_steps(stage: Stage, has_committee: bool) -> Vec<Stage> {
    if stage.is_final() {
        return Vec::new();
    }
    Stage::ALL
        .into_iter()
        .filter(|s| !s.is_exit() && *s > stage)
        .filter(|s| has_committee || *s != Stage::CommitteeReview)
        .collect()
}

/// The forecast of every remaining step; a step's day is never before the previous step's.
pub fn forecast(input: &ForecastInput, f: &MoveFacts, r: &PipelineRules, cal: &Calendar) -> Vec<ForecastStep> {
    let today = f.on;
    let mut floor = Some(today);
    let mut out = Vec::new();
    for to in remaining_steps(input.stage, f.has_committee) {
        let mut waits = Vec::new();
        let mut earliest = floor;
        let mut due = None;
        let at_least = |e: Option<NaiveDate>, d: NaiveDate| e.map(|e| e.max(d));
        match to {
            Stage::AwarenessClass => {
                if !f.consent {
                    waits.push(Wait::Consent);
                }
            }
            Stage::Candidate => {
                if !f.consent && input.stage > Stage::Pool {
                    waits.push(Wait::Consent);
                }
                match (f.certificate, input.class_ends) {
                    (Some(issued), _) => earliest = at_least(earliest, issued),
                    (None, Some(ends)) => {
                        earliest = at_least(earliest, ends);
                        waits.push(Wait::Certificate);
                    }
                    (None, None) => {
                        earliest = None;
                        waits.push(Wait::Certificate);
                    }
                }
                if f.mentor.is_none() {
                    waits.push(Wait::Mentor);
                }
            }
            Stage::Dossier => {
                if f.mentor.is_none() && input.stage >= Stage::Candidate {
                    waits.push(Wait::Mentor);
                }
            }
            Stage::CellVote => {
                let from = eligible_from(f.date_of_birth, r.min_age, r.age_by_month);
                if from > today {
                    waits.push(Wait::Age { from });
                    earliest = at_least(earliest, from);
                }
                let qualified: Vec<_> = f.introducers.iter().filter(|m| m.full_member_since.is_some_and(|d| d <= today)).collect();
                let youth = f.union_member && today < eligible_from(f.date_of_birth, r.youth_max_age + 1, false);
                let needed = if youth { 1 } else { 2 };
                if (qualified.len() as u32) < needed || (youth && !f.union_resolution) {
                    waits.push(Wait::Introducers);
                }
                for m in qualified.iter().filter(|m| !m.replacement) {
                    let reached = m.together_since.checked_add_months(chrono::Months::new(r.introducer_months)).unwrap_or(m.together_since);
                    if reached > today {
                        waits.push(Wait::Introducer { name: m.name.clone(), from: reached });
                        earliest = at_least(earliest, reached);
                    }
                }
                let documents = check_documents(&r.required_documents, &f.documents, earliest.unwrap_or(today), r).len() as u32;
                if documents > 0 {
                    waits.push(Wait::Documents { count: documents });
                }
                if f.open_verifications > 0 {
                    waits.push(Wait::Verification { open: f.open_verifications });
                }
                if let (Some(issued), Some(day)) = (f.certificate, earliest) {
                    let valid_until = rules::certificate_valid_until(issued, r);
                    if valid_until < day {
                        waits.push(Wait::CertificateLapses { valid_until });
                    }
                }
            }
            Stage::CommitteeReview => {}
            Stage::Decision => {
                due = input.cell_vote_on.or(floor).map(|v| rules::decision_due(v, cal, r));
            }
            Stage::Ceremony | Stage::Probation => {
                if let Some(received) = f.decision_received {
                    earliest = at_least(earliest, received);
                    if !f.superior_agreement {
                        due = Some(rules::ceremony_due(received, cal, r));
                    }
                } else {
                    due = floor.map(|d| rules::ceremony_due(d, cal, r));
                }
                if to == Stage::Probation {
                    if let Some(c) = f.ceremony {
                        earliest = at_least(earliest, c);
                    }
                }
            }
            Stage::FullMember => {
                let base = f.ceremony.or(floor);
                earliest = base.map(|c| rules::probation_ends(c, r));
                due = base.map(|c| rules::recognition_due(c, cal, r));
                if f.ceremony.is_none() {
                    waits.push(Wait::Previous);
                }
            }
            Stage::Pool | Stage::Withdrawn | Stage::NotAdmitted | Stage::Moved | Stage::Transferred => {}
        }
        floor = earliest;
        out.push(ForecastStep { stage: to, earliest, due, waits });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::rules::{Document, Member, REQUIRED_DOCUMENTS};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn facts(today: NaiveDate) -> MoveFacts {
        MoveFacts {
            on: today,
            has_committee: false,
            date_of_birth: d(2008, 9, 14),
            consent: true,
            union_member: true,
            certificate: None,
            mentor: None,
            union_resolution: false,
            introducers: vec![],
            documents: vec![],
            open_verifications: 0,
            vote: None,
            committee_vote: None,
            decision_received: None,
            superior_agreement: false,
            ceremony: None,
        }
    }

    fn step(steps: &[ForecastStep], stage: Stage) -> &ForecastStep {
        steps.iter().find(|s| s.stage == stage).expect("step")
    }

    #[test]
    fn steps_follow_the_school_s_procedure() {
        assert_eq!(remaining_steps(Stage::CellVote, false), vec![Stage::Decision, Stage::Ceremony, Stage::Probation, Stage::FullMember]);
        assert_eq!(remaining_steps(Stage::Dossier, true)[1], Stage::CommitteeReview);
        assert!(remaining_steps(Stage::Withdrawn, true).is_empty() && remaining_steps(Stage::FullMember, true).is_empty());
    }

    #[test]
    fn a_pool_student_waits_for_the_class_and_the_birthday() {
        let (r, cal) = (PipelineRules::default(), Calendar::with_defaults(2025..=2028));
        let today = d(2026, 1, 10);
        let f = facts(today);
        // No certificate and no class: the candidate step's day is unknown, and so is everything after it.
        let steps = forecast(&ForecastInput { stage: Stage::Pool, class_ends: None, cell_vote_on: None }, &f, &r, &cal);
        assert_eq!(step(&steps, Stage::Candidate).earliest, None);
        assert_eq!(step(&steps, Stage::Candidate).waits, vec![Wait::Certificate, Wait::Mentor]);
        assert_eq!(step(&steps, Stage::FullMember).earliest, None);
        // Enrolled in a class ending 20/03/2026: a candidate from then; the vote waits for 01/09/2026 (18 by month).
        let steps = forecast(&ForecastInput { stage: Stage::Pool, class_ends: Some(d(2026, 3, 20)), cell_vote_on: None }, &f, &r, &cal);
        assert_eq!(step(&steps, Stage::Candidate).earliest, Some(d(2026, 3, 20)));
        let vote = step(&steps, Stage::CellVote);
        assert_eq!(vote.earliest, Some(d(2026, 9, 1)));
        assert!(vote.waits.contains(&Wait::Age { from: d(2026, 9, 1) }) && vote.waits.contains(&Wait::Introducers));
        assert!(vote.waits.contains(&Wait::Documents { count: REQUIRED_DOCUMENTS.len() as u32 }));
        // Decision within 60 working days of that vote; full membership 12 months after the ceremony.
        assert_eq!(step(&steps, Stage::Decision).due, Some(rules::decision_due(d(2026, 9, 1), &cal, &r)));
        assert_eq!(step(&steps, Stage::FullMember).earliest, Some(d(2027, 9, 1)));
    }

    #[test]
    fn introducer_months_and_a_lapsing_certificate_move_the_vote() {
        let (r, cal) = (PipelineRules::default(), Calendar::with_defaults(2025..=2028));
        let today = d(2026, 10, 1);
        let teacher = Member { name: "Cô Lan".into(), full_member_since: Some(d(2010, 1, 1)), together_since: d(2025, 12, 15), replacement: false };
        let f = MoveFacts {
            certificate: Some(d(2021, 11, 20)),
            mentor: Some(teacher.clone()),
            union_resolution: true,
            introducers: vec![teacher.clone()],
            documents: REQUIRED_DOCUMENTS.iter().map(|k| Document { kind: k.to_string(), received: Some(d(2026, 9, 1)), valid_until: None }).collect(),
            open_verifications: 1,
            ..facts(today)
        };
        let steps = forecast(&ForecastInput { stage: Stage::Dossier, class_ends: None, cell_vote_on: None }, &f, &r, &cal);
        let vote = step(&steps, Stage::CellVote);
        // 12 months with Cô Lan on 15/12/2026; the certificate (issued 20/11/2021) is valid until 19/11/2026.
        assert_eq!(vote.earliest, Some(d(2026, 12, 15)));
        assert_eq!(
            vote.waits,
            vec![
                Wait::Introducer { name: "Cô Lan".into(), from: d(2026, 12, 15) },
                Wait::Verification { open: 1 },
                Wait::CertificateLapses { valid_until: d(2026, 11, 19) },
            ]
        );
        // A replacement introducer is exempt: the vote could be today.
        let replaced = MoveFacts { introducers: vec![Member { replacement: true, ..teacher }], ..f };
        let steps = forecast(&ForecastInput { stage: Stage::Dossier, class_ends: None, cell_vote_on: None }, &replaced, &r, &cal);
        assert_eq!(step(&steps, Stage::CellVote).earliest, Some(today));
    }

    #[test]
    fn after_the_decision_the_deadlines_come_from_the_records() {
        let (r, cal) = (PipelineRules::default(), Calendar::with_defaults(2025..=2028));
        let f = MoveFacts { decision_received: Some(d(2026, 4, 2)), ..facts(d(2026, 4, 10)) };
        let steps = forecast(&ForecastInput { stage: Stage::Decision, class_ends: None, cell_vote_on: Some(d(2026, 3, 1)) }, &f, &r, &cal);
        // 30 working days after 02/04/2026, across the Hùng Kings day and 30/4–1/5.
        assert_eq!(step(&steps, Stage::Ceremony).due, Some(d(2026, 5, 19)));
        assert_eq!(step(&steps, Stage::Ceremony).earliest, Some(d(2026, 4, 10)));
        let held = MoveFacts { ceremony: Some(d(2026, 5, 8)), ..f };
        let steps = forecast(&ForecastInput { stage: Stage::Probation, class_ends: None, cell_vote_on: None }, &held, &r, &cal);
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].earliest, Some(d(2027, 5, 8)));
        assert_eq!(steps[0].due, Some(rules::recognition_due(d(2026, 5, 8), &cal, &r)));
    }
}
