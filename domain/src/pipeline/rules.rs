//! The Charter's admission rules as pure functions over facts (domain.md
//! §3): age counted by month (or by exact day), the awareness certificate's
//! validity, mentors and introducers, dossier documents, votes, the
//! ceremony's deadline in working days, probation — and the stage machine
//! that says which moves exist and which checks each one must pass. Every
//! number comes from [`PipelineRules`], a configurable rule.

use super::calendar::Calendar;
use chrono::{Datelike, Months, NaiveDate};
use nguon_shared::pipeline::{CheckFailure, Stage};

pub use nguon_shared::pipeline::PipelineRules;

fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).expect("a date in range")
}

/// The first day someone born on `dob` counts as `years` old: by month, the
/// first day of the month of the birthday; by exact day, the birthday itself
/// (29/2 → 28/2 in common years).
pub fn eligible_from(dob: NaiveDate, years: u32, by_month: bool) -> NaiveDate {
    let birthday = add_months(dob, years * 12);
    if by_month {
        birthday.with_day(1).expect("day 1")
    } else {
        birthday
    }
}

/// The age check on a meeting day.
pub fn check_age(dob: NaiveDate, meeting: NaiveDate, r: &PipelineRules) -> Option<CheckFailure> {
    let from = eligible_from(dob, r.min_age, r.age_by_month);
    (meeting < from).then_some(CheckFailure::Underage { meeting, eligible_from: from, by_month: r.age_by_month, years: r.min_age })
}

/// The last valid day of a certificate issued on `issued`.
pub fn certificate_valid_until(issued: NaiveDate, r: &PipelineRules) -> NaiveDate {
    add_months(issued, r.certificate_months).pred_opt().expect("a date in range")
}

/// The certificate check on a day.
pub fn check_certificate(issued: Option<NaiveDate>, on: NaiveDate, r: &PipelineRules) -> Option<CheckFailure> {
    match issued {
        None => Some(CheckFailure::NoCertificate),
        Some(d) => {
            let valid_until = certificate_valid_until(d, r);
            (on > valid_until || on < d).then_some(CheckFailure::CertificateLapsed { valid_until, on })
        }
    }
}

/// Votes for needed out of `members` official members: at least the
/// configured fraction, rounded up.
pub fn votes_needed(members: u32, r: &PipelineRules) -> u32 {
    (members * r.vote_numerator).div_ceil(r.vote_denominator.max(1))
}

/// A body's vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vote {
    /// Official members of the body.
    pub members: u32,
    /// Votes for.
    pub for_votes: u32,
}

/// The vote check.
pub fn check_vote(v: Vote, r: &PipelineRules) -> Option<CheckFailure> {
    let needed = votes_needed(v.members, r);
    (v.for_votes < needed || v.members == 0).then_some(CheckFailure::VoteFailed { for_votes: v.for_votes, members: v.members, needed })
}

/// An official Party member in a role (mentor, introducer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Full name.
    pub name: String,
    /// Day of full membership, if known.
    pub full_member_since: Option<NaiveDate>,
    /// Since when they have worked or studied with the candidate.
    pub together_since: NaiveDate,
    /// A replacement (the first one moved away): exempt from the months together.
    pub replacement: bool,
}

fn full_member_on(m: &Member, on: NaiveDate) -> bool {
    m.full_member_since.is_some_and(|d| d <= on)
}

/// The mentor check: an official member on the day.
pub fn check_mentor(mentor: Option<&Member>, on: NaiveDate) -> Option<CheckFailure> {
    match mentor {
        None => Some(CheckFailure::NoMentor),
        Some(m) if !full_member_on(m, on) => Some(CheckFailure::NotFullMember { name: m.name.clone() }),
        Some(_) => None,
    }
}

/// The introduction checks on the meeting day: a union member of youth age
/// is introduced by the union's resolution and one official member, anyone
/// else by two; each introducer an official member who has worked with the
/// candidate for the required months, unless a replacement.
pub fn check_introducers(
    dob: NaiveDate,
    union_member: bool,
    union_resolution: bool,
    introducers: &[Member],
    on: NaiveDate,
    r: &PipelineRules,
) -> Vec<CheckFailure> {
    let mut out = Vec::new();
    let youth = union_member && on < add_months(dob, (r.youth_max_age + 1) * 12);
    let needed = if youth { 1 } else { 2 };
    let qualified = introducers.iter().filter(|m| full_member_on(m, on)).count() as u32;
    let union_resolution_missing = youth && !union_resolution;
    if qualified < needed || union_resolution_missing {
        out.push(CheckFailure::Introducers { needed, have: qualified, union_resolution_missing });
    }
    for m in introducers {
        if !full_member_on(m, on) {
            out.push(CheckFailure::NotFullMember { name: m.name.clone() });
        } else if !m.replacement {
            let from = add_months(m.together_since, r.introducer_months);
            if on < from {
                out.push(CheckFailure::IntroducerTooRecent { name: m.name.clone(), since: m.together_since, from });
            }
        }
    }
    out
}

/// A dossier document's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Kind code (e.g. `application`, `biography`).
    pub kind: String,
    /// Day received, if received.
    pub received: Option<NaiveDate>,
    /// Last valid day, if it says; else received + the rule's months.
    pub valid_until: Option<NaiveDate>,
}

/// Document checks on the day: each required kind received and still valid.
pub fn check_documents(required: &[impl AsRef<str>], docs: &[Document], on: NaiveDate, r: &PipelineRules) -> Vec<CheckFailure> {
    let mut out = Vec::new();
    for kind in required.iter().map(|k| k.as_ref()) {
        match docs.iter().filter(|d| d.kind == kind && d.received.is_some()).max_by_key(|d| d.received) {
            None => out.push(CheckFailure::DocumentMissing { kind: kind.to_string() }),
            Some(d) => {
                let until = d.valid_until.unwrap_or_else(|| add_months(d.received.expect("received"), r.document_months).pred_opt().expect("date"));
                if on > until {
                    out.push(CheckFailure::DocumentExpired { kind: kind.to_string(), valid_until: until });
                }
            }
        }
    }
    out
}

pub use nguon_shared::pipeline::REQUIRED_DOCUMENTS;

/// The last day for the ceremony after receiving the decision.
pub fn ceremony_due(decision_received: NaiveDate, cal: &Calendar, r: &PipelineRules) -> NaiveDate {
    cal.add_working_days(decision_received, r.ceremony_working_days)
}

/// The last day for the decision after the cell's resolution.
pub fn decision_due(cell_resolution: NaiveDate, cal: &Calendar, r: &PipelineRules) -> NaiveDate {
    cal.add_working_days(cell_resolution, r.decision_working_days)
}

/// The day probation ends (full membership counts from it, even if recognised late).
pub fn probation_ends(ceremony: NaiveDate, r: &PipelineRules) -> NaiveDate {
    add_months(ceremony, r.probation_months)
}

/// The last day to propose recognition after probation.
pub fn recognition_due(ceremony: NaiveDate, cal: &Calendar, r: &PipelineRules) -> NaiveDate {
    cal.add_working_days(probation_ends(ceremony, r), r.recognition_working_days)
}

/// Whether the procedure goes from `from` to `to` (forward one step, the
/// grassroots committee only where the school has one; an exit from any
/// stage that is not final; a probationary member's transfer).
pub fn move_exists(from: Stage, to: Stage, has_committee: bool) -> bool {
    use Stage::*;
    if from.is_final() || from == to {
        return false;
    }
    if matches!(to, Withdrawn | NotAdmitted | Moved) {
        return true;
    }
    matches!(
        (from, to),
        (Pool, AwarenessClass)
            | (AwarenessClass, Candidate)
            | (Candidate, Dossier)
            | (Dossier, CellVote)
            | (Decision, Ceremony)
            | (Ceremony, Probation)
            | (Probation, FullMember)
            | (Probation, Transferred)
    ) || (from == CellVote && to == CommitteeReview && has_committee)
        || (from == CellVote && to == Decision && !has_committee)
        || (from == CommitteeReview && to == Decision)
}

/// Everything the checks of a move look at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveFacts {
    /// The day of the move (meeting, decision, ceremony…).
    pub on: NaiveDate,
    /// Whether the school has a grassroots committee between the cell and the decision.
    pub has_committee: bool,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Valid consent on record.
    pub consent: bool,
    /// Union member on the day.
    pub union_member: bool,
    /// Awareness certificate date.
    pub certificate: Option<NaiveDate>,
    /// The current mentor.
    pub mentor: Option<Member>,
    /// The union's introduction resolution exists.
    pub union_resolution: bool,
    /// Introducers.
    pub introducers: Vec<Member>,
    /// Dossier documents.
    pub documents: Vec<Document>,
    /// Verification requests not concluded.
    pub open_verifications: u32,
    /// The cell's vote (for the move into `CellVote`).
    pub vote: Option<Vote>,
    /// The grassroots committee's vote (for `CommitteeReview`).
    pub committee_vote: Option<Vote>,
    /// The day the decision was received.
    pub decision_received: Option<NaiveDate>,
    /// The superior committee agreed to a late ceremony.
    pub superior_agreement: bool,
    /// The day of the ceremony (for full membership).
    pub ceremony: Option<NaiveDate>,
}

/// The checks of moving from `from` to `to` on `f.on`; empty when the move
/// may go ahead. Exits are never refused here (their reason is asked for).
pub fn check_move(from: Stage, to: Stage, f: &MoveFacts, r: &PipelineRules, cal: &Calendar) -> Vec<CheckFailure> {
    if !move_exists(from, to, f.has_committee) {
        return vec![CheckFailure::NotAllowed { from, to }];
    }
    let mut out = Vec::new();
    let missing = |field: &str| CheckFailure::Missing { field: field.to_string() };
    match to {
        Stage::AwarenessClass => {
            if !f.consent {
                out.push(CheckFailure::NoConsent);
            }
        }
        Stage::Candidate => {
            if !f.consent {
                out.push(CheckFailure::NoConsent);
            }
            out.extend(check_certificate(f.certificate, f.on, r));
            out.extend(check_mentor(f.mentor.as_ref(), f.on));
        }
        Stage::Dossier => out.extend(check_mentor(f.mentor.as_ref(), f.on)),
        Stage::CellVote => {
            if !f.consent {
                out.push(CheckFailure::NoConsent);
            }
            out.extend(check_age(f.date_of_birth, f.on, r));
            out.extend(check_certificate(f.certificate, f.on, r));
            out.extend(check_introducers(f.date_of_birth, f.union_member, f.union_resolution, &f.introducers, f.on, r));
            out.extend(check_documents(&r.required_documents, &f.documents, f.on, r));
            if f.open_verifications > 0 {
                out.push(CheckFailure::VerificationPending { open: f.open_verifications });
            }
            match f.vote {
                Some(v) => out.extend(check_vote(v, r)),
                None => out.push(missing("vote")),
            }
        }
        Stage::CommitteeReview => match f.committee_vote {
            Some(v) => out.extend(check_vote(v, r)),
            None => out.push(missing("committee_vote")),
        },
        Stage::Decision => {
            if f.decision_received.is_none() {
                out.push(missing("decision_received"));
            }
        }
        Stage::Ceremony | Stage::Probation => match f.decision_received {
            Some(received) => {
                let due = ceremony_due(received, cal, r);
                if f.on > due && !f.superior_agreement {
                    out.push(CheckFailure::CeremonyLate { due });
                }
            }
            None => out.push(missing("decision_received")),
        },
        Stage::FullMember => match f.ceremony {
            Some(c) => {
                let ends = probation_ends(c, r);
                if f.on < ends {
                    out.push(CheckFailure::ProbationNotOver { ends });
                }
            }
            None => out.push(missing("ceremony")),
        },
        Stage::Pool | Stage::Withdrawn | Stage::NotAdmitted | Stage::Moved | Stage::Transferred => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn age_by_month_and_by_day() {
        let r = PipelineRules::default();
        let exact = PipelineRules { age_by_month: false, ..r.clone() };
        // (birth, meeting, by month ok, by day ok)
        let table = [
            (d(2008, 5, 20), d(2026, 5, 1), true, false),  // first day of the birthday month
            (d(2008, 5, 20), d(2026, 4, 30), false, false), // the month before
            (d(2008, 5, 20), d(2026, 5, 20), true, true),   // the birthday
            (d(2008, 5, 31), d(2026, 5, 1), true, false),  // birthday at the month's end
            (d(2008, 2, 29), d(2026, 2, 1), true, false),  // leap-day birth, by month
            (d(2008, 2, 29), d(2026, 2, 28), true, true),  // leap-day birth: 28/2 in a common year
            (d(2008, 2, 29), d(2026, 2, 27), true, false),
            (d(2008, 12, 31), d(2026, 12, 31), true, true), // meeting on the last day of the month
            (d(2008, 12, 1), d(2026, 11, 30), false, false),
        ];
        for (dob, meeting, by_month, by_day) in table {
            assert_eq!(check_age(dob, meeting, &r).is_none(), by_month, "by month {dob} {meeting}");
            assert_eq!(check_age(dob, meeting, &exact).is_none(), by_day, "by day {dob} {meeting}");
        }
        assert_eq!(
            check_age(d(2008, 5, 20), d(2026, 3, 12), &r),
            Some(CheckFailure::Underage { meeting: d(2026, 3, 12), eligible_from: d(2026, 5, 1), by_month: true, years: 18 })
        );
        assert_eq!(eligible_from(d(2008, 2, 29), 18, false), d(2026, 2, 28));
    }

    #[test]
    fn certificates_and_documents() {
        let r = PipelineRules::default();
        assert_eq!(certificate_valid_until(d(2021, 3, 15), &r), d(2026, 3, 14));
        assert_eq!(check_certificate(Some(d(2021, 3, 15)), d(2026, 3, 14), &r), None);
        assert_eq!(check_certificate(Some(d(2021, 3, 15)), d(2026, 3, 15), &r), Some(CheckFailure::CertificateLapsed { valid_until: d(2026, 3, 14), on: d(2026, 3, 15) }));
        assert_eq!(check_certificate(None, d(2026, 3, 15), &r), Some(CheckFailure::NoCertificate));
        let doc = |kind: &str, received: Option<NaiveDate>, until: Option<NaiveDate>| Document { kind: kind.into(), received, valid_until: until };
        let docs = vec![
            doc("application", Some(d(2025, 3, 1)), None),
            doc("biography", Some(d(2024, 3, 1)), None),
            doc("biography", Some(d(2025, 9, 1)), None), // rewritten: the newest counts
            doc("union_comment", Some(d(2025, 9, 1)), Some(d(2025, 12, 31))),
            doc("residence_cell_comment", None, None),
        ];
        let got = check_documents(&REQUIRED_DOCUMENTS, &docs, d(2026, 3, 1), &r);
        assert_eq!(
            got,
            vec![
                CheckFailure::DocumentExpired { kind: "application".into(), valid_until: d(2026, 2, 28) },
                CheckFailure::DocumentExpired { kind: "union_comment".into(), valid_until: d(2025, 12, 31) },
                CheckFailure::DocumentMissing { kind: "residence_cell_comment".into() },
                CheckFailure::DocumentMissing { kind: "union_resolution".into() },
                CheckFailure::DocumentMissing { kind: "introducer_letter".into() },
            ]
        );
    }

    #[test]
    fn votes_two_thirds() {
        let r = PipelineRules::default();
        for (members, needed) in [(3, 2), (9, 6), (10, 7), (11, 8), (12, 8), (1, 1)] {
            assert_eq!(votes_needed(members, &r), needed, "{members}");
        }
        assert_eq!(check_vote(Vote { members: 10, for_votes: 7 }, &r), None);
        assert_eq!(check_vote(Vote { members: 10, for_votes: 6 }, &r), Some(CheckFailure::VoteFailed { for_votes: 6, members: 10, needed: 7 }));
        assert!(check_vote(Vote { members: 0, for_votes: 0 }, &r).is_some());
        let half = PipelineRules { vote_numerator: 1, vote_denominator: 2, ..r };
        assert_eq!(votes_needed(10, &half), 5);
    }

    fn member(name: &str, since: Option<NaiveDate>, together: NaiveDate, replacement: bool) -> Member {
        Member { name: name.into(), full_member_since: since, together_since: together, replacement }
    }

    #[test]
    fn introducers() {
        let r = PipelineRules::default();
        let dob = d(2008, 1, 10);
        let on = d(2026, 3, 12);
        let teacher = member("Cô Lan", Some(d(2010, 1, 1)), d(2024, 9, 5), false);
        // A union member: the union's resolution and one official member.
        assert!(check_introducers(dob, true, true, std::slice::from_ref(&teacher), on, &r).is_empty());
        assert_eq!(
            check_introducers(dob, true, false, std::slice::from_ref(&teacher), on, &r),
            vec![CheckFailure::Introducers { needed: 1, have: 1, union_resolution_missing: true }]
        );
        // Not a union member: two official members.
        assert_eq!(
            check_introducers(dob, false, true, std::slice::from_ref(&teacher), on, &r),
            vec![CheckFailure::Introducers { needed: 2, have: 1, union_resolution_missing: false }]
        );
        // Worked together only since 01/09/2025: 12 months reached on 01/09/2026; a replacement is exempt.
        let recent = member("Thầy Minh", Some(d(2015, 5, 1)), d(2025, 9, 1), false);
        assert_eq!(
            check_introducers(dob, true, true, std::slice::from_ref(&recent), on, &r),
            vec![CheckFailure::IntroducerTooRecent { name: "Thầy Minh".into(), since: d(2025, 9, 1), from: d(2026, 9, 1) }]
        );
        let replacement = Member { replacement: true, ..recent };
        assert!(check_introducers(dob, true, true, &[replacement], on, &r).is_empty());
        // A probationary member does not count.
        let probationary = member("Anh Tú", Some(d(2026, 6, 1)), d(2023, 9, 1), false);
        assert_eq!(
            check_introducers(dob, true, true, &[probationary], on, &r),
            vec![CheckFailure::Introducers { needed: 1, have: 0, union_resolution_missing: false }, CheckFailure::NotFullMember { name: "Anh Tú".into() }]
        );
    }

    #[test]
    fn the_stage_machine() {
        use Stage::*;
        let forward = [Pool, AwarenessClass, Candidate, Dossier, CellVote, CommitteeReview, Decision, Ceremony, Probation, FullMember];
        for w in forward.windows(2) {
            assert!(move_exists(w[0], w[1], true), "{:?} → {:?}", w[0], w[1]);
        }
        assert!(!move_exists(CellVote, Decision, true), "the committee first where there is one");
        assert!(move_exists(CellVote, Decision, false));
        assert!(!move_exists(CellVote, CommitteeReview, false));
        assert!(!move_exists(Pool, Candidate, false), "no skipping");
        assert!(!move_exists(Dossier, Candidate, false), "no going back");
        assert!(move_exists(Dossier, Withdrawn, false) && move_exists(Pool, NotAdmitted, false) && move_exists(Candidate, Moved, false));
        assert!(move_exists(Probation, Transferred, false) && !move_exists(Dossier, Transferred, false));
        for end in [FullMember, Withdrawn, NotAdmitted, Moved, Transferred] {
            assert!(Stage::ALL.iter().all(|to| !move_exists(end, *to, true)), "nothing after {end:?}");
        }
    }

    fn ready() -> MoveFacts {
        let teacher = member("Cô Lan", Some(d(2010, 1, 1)), d(2023, 9, 5), false);
        let docs = REQUIRED_DOCUMENTS.iter().map(|k| Document { kind: k.to_string(), received: Some(d(2026, 1, 5)), valid_until: None }).collect();
        MoveFacts {
            on: d(2026, 3, 12),
            has_committee: true,
            date_of_birth: d(2008, 1, 10),
            consent: true,
            union_member: true,
            certificate: Some(d(2025, 4, 20)),
            mentor: Some(teacher.clone()),
            union_resolution: true,
            introducers: vec![teacher],
            documents: docs,
            open_verifications: 0,
            vote: Some(Vote { members: 9, for_votes: 8 }),
            committee_vote: Some(Vote { members: 7, for_votes: 5 }),
            decision_received: Some(d(2026, 4, 2)),
            superior_agreement: false,
            ceremony: Some(d(2026, 5, 19)),
        }
    }

    #[test]
    fn moves_checked_and_explained() {
        use Stage::*;
        let (r, cal) = (PipelineRules::default(), Calendar::with_defaults([2026, 2027]));
        let f = ready();
        assert!(check_move(Dossier, CellVote, &f, &r, &cal).is_empty());
        assert_eq!(check_move(Pool, Candidate, &f, &r, &cal), vec![CheckFailure::NotAllowed { from: Pool, to: Candidate }]);
        // Under 18 by month at the meeting, verification open, a vote short.
        let young = MoveFacts { date_of_birth: d(2008, 5, 20), open_verifications: 2, vote: Some(Vote { members: 9, for_votes: 5 }), ..f.clone() };
        assert_eq!(
            check_move(Dossier, CellVote, &young, &r, &cal),
            vec![
                CheckFailure::Underage { meeting: d(2026, 3, 12), eligible_from: d(2026, 5, 1), by_month: true, years: 18 },
                CheckFailure::VerificationPending { open: 2 },
                CheckFailure::VoteFailed { for_votes: 5, members: 9, needed: 6 },
            ]
        );
        assert_eq!(check_move(Pool, AwarenessClass, &MoveFacts { consent: false, ..f.clone() }, &r, &cal), vec![CheckFailure::NoConsent]);
        // Ceremony: 30 working days after receiving the decision on 02/04/2026
        // (the Hùng Kings make-up day 27/4, 30/4 and 1/5 off) → 19/05/2026.
        let due = ceremony_due(d(2026, 4, 2), &cal, &r);
        assert_eq!(due, d(2026, 5, 19));
        assert!(check_move(Decision, Ceremony, &MoveFacts { on: due, ..f.clone() }, &r, &cal).is_empty());
        let late = MoveFacts { on: d(2026, 5, 20), ..f.clone() };
        assert_eq!(check_move(Decision, Ceremony, &late, &r, &cal), vec![CheckFailure::CeremonyLate { due }]);
        assert!(check_move(Decision, Ceremony, &MoveFacts { superior_agreement: true, ..late }, &r, &cal).is_empty());
        // Probation: 12 months from the ceremony.
        assert_eq!(check_move(Probation, FullMember, &MoveFacts { on: d(2027, 5, 18), ..f.clone() }, &r, &cal), vec![CheckFailure::ProbationNotOver { ends: d(2027, 5, 19) }]);
        assert!(check_move(Probation, FullMember, &MoveFacts { on: d(2027, 5, 19), ..f.clone() }, &r, &cal).is_empty());
        assert_eq!(recognition_due(d(2026, 5, 19), &cal, &r), cal.add_working_days(d(2027, 5, 19), 30));
        // The documents a vote needs are part of the rule: a school asking for fewer is not refused for the others.
        let only_two = PipelineRules { required_documents: vec!["application".into(), "biography".into()], ..r.clone() };
        let two_docs = MoveFacts { documents: f.documents[..2].to_vec(), ..f.clone() };
        assert!(check_move(Dossier, CellVote, &two_docs, &only_two, &cal).is_empty());
        assert_eq!(check_move(Dossier, CellVote, &two_docs, &r, &cal).len(), 4, "four documents missing under the default");
        // Exits always go ahead.
        assert!(check_move(Dossier, Withdrawn, &MoveFacts { consent: false, ..f }, &r, &cal).is_empty());
    }
}
