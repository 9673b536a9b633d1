//! Each school's candidates, year by year: a few grade-12 union members a
//! year are proposed by the union after their consent, accepted by the cell
//! and carried along the procedure as far as the calendar allows (every step
//! an event, every step's record — certificate, mentor, introducers, the
//! dossier's documents, votes, the decision, the ceremony — written with it);
//! some withdraw on the way.

use super::bulk::{insert, Ids};
use super::school::{People, School};
use super::{Generated, Rng};
use crate::entities::{
    awareness_class, awareness_enrolment, candidacy, candidacy_event, certificate, consent, decision, dossier_item, introducer, joint_meeting, joint_meeting_student,
    mentor_assignment, pool_proposal, vote,
};
use crate::merit::outstanding::status as proposal_status;
use chrono::{Days, Months, NaiveDate, TimeZone, Utc};
use nguon_shared::pipeline::Stage;
use nguon_shared::AppError;
use rand::Rng as _;
use sea_orm::{DatabaseTransaction, Set};

/// The rows of one school's pipeline, written together.
#[derive(Default)]
struct Rows {
    consents: Vec<consent::ActiveModel>,
    proposals: Vec<pool_proposal::ActiveModel>,
    candidacies: Vec<candidacy::ActiveModel>,
    events: Vec<candidacy_event::ActiveModel>,
    certificates: Vec<certificate::ActiveModel>,
    mentors: Vec<mentor_assignment::ActiveModel>,
    introducers: Vec<introducer::ActiveModel>,
    items: Vec<dossier_item::ActiveModel>,
    votes: Vec<vote::ActiveModel>,
    decisions: Vec<decision::ActiveModel>,
    classes: Vec<awareness_class::ActiveModel>,
    enrolments: Vec<awareness_enrolment::ActiveModel>,
    meetings: Vec<joint_meeting::ActiveModel>,
    meeting_students: Vec<joint_meeting_student::ActiveModel>,
}

fn at(day: NaiveDate) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(10, 0, 0).expect("a valid time"))
}

/// The procedure's steps after the pool, each with its day counted from the
/// school year's first day.
fn path(year_start: NaiveDate) -> [(Stage, NaiveDate); 9] {
    let day = |months: u32, days: u64| year_start.checked_add_months(Months::new(months)).expect("a valid date") + Days::new(days);
    [
        (Stage::AwarenessClass, day(2, 0)),
        (Stage::Candidate, day(3, 0)),
        (Stage::Dossier, day(4, 5)),
        (Stage::CellVote, day(6, 5)),
        (Stage::CommitteeReview, day(6, 20)),
        (Stage::Decision, day(7, 10)),
        (Stage::Ceremony, day(8, 0)),
        (Stage::Probation, day(8, 0)),
        (Stage::FullMember, day(20, 0)),
    ]
}

/// Who records a school's candidates, and the Party members who mentor and introduce them.
pub struct Crew<'a> {
    /// The union officer who records consents and proposes.
    pub union_officer: i64,
    /// The Party cell officer who decides and moves.
    pub cell_officer: i64,
    /// Staff who are official Party members.
    pub members: &'a [i64],
}

/// Candidates of every year of a school: the cell and the union meet on
/// them first (a joint meeting), and those who get that far attend the
/// year's awareness class at the training centre `centre`.
#[allow(clippy::too_many_arguments)]
pub async fn candidates(
    txn: &DatabaseTransaction,
    ids: &mut Ids,
    s: &School,
    centre: i64,
    people: &People,
    today: NaiveDate,
    rng: &mut Rng,
    out: &mut Generated,
) -> Result<(), AppError> {
    let mut rows = Rows::default();
    let crew = Crew { union_officer: people.union_officers[0], cell_officer: people.cell_officer, members: &people.members };
    for y in &people.years {
        if y.starts_on + Days::new(33) > today {
            continue;
        }
        // Grade 12 are the last third of the year's classes; about 3 % of them are proposed.
        let twelfth = &y.classes[y.classes.len() * 2 / 3..];
        let chosen: Vec<i64> = twelfth.iter().flat_map(|(_, m)| m.iter().copied()).filter(|_| rng.random_bool(0.03)).collect();
        if chosen.is_empty() {
            continue;
        }
        meeting(ids, &mut rows, s.id, y.starts_on + Days::new(20), &chosen, crew.cell_officer);
        let class = path(y.starts_on)[0].1;
        let class_id = (class <= today).then(|| awareness(ids, &mut rows, centre, s.number, class, chosen.len(), crew.cell_officer));
        for student_id in &chosen {
            // One in ten withdraws at some step; the others go as far as the calendar allows.
            let leaves_at = if rng.random_bool(0.1) { Some(rng.random_range(0..6)) } else { None };
            candidate(ids, &mut rows, s.id, y.id, y.starts_on, *student_id, &crew, today, leaves_at, class_id);
        }
    }
    out.candidacies += rows.candidacies.len();
    out.awareness_classes += rows.classes.len();
    out.meetings += rows.meetings.len();
    write(txn, rows).await
}

/// The joint meeting of the cell and the union that discussed `students` on `on`.
fn meeting(ids: &mut Ids, rows: &mut Rows, school_id: i64, on: NaiveDate, students: &[i64], by: i64) {
    let meeting_id = ids.next("joint_meetings");
    rows.meetings.push(joint_meeting::ActiveModel {
        id: Set(meeting_id),
        school_id: Set(school_id),
        held_on: Set(on),
        attendees: Set("Bí thư chi bộ, Bí thư Đoàn trường, giáo viên chủ nhiệm khối 12".into()),
        decisions: Set("Thống nhất danh sách học sinh giới thiệu vào nguồn".into()),
        recorded_by: Set(by),
        recorded_at: Set(at(on)),
    });
    for student_id in students {
        rows.meeting_students.push(joint_meeting_student::ActiveModel { id: Set(ids.next("joint_meeting_students")), meeting_id: Set(meeting_id), student_id: Set(*student_id), note: Set(None) });
    }
}

/// The training centre's awareness class for a school's candidates of a
/// year, opening on `starts_on`; its id.
fn awareness(ids: &mut Ids, rows: &mut Rows, centre: i64, school_number: usize, starts_on: NaiveDate, size: usize, by: i64) -> i64 {
    use chrono::Datelike;
    let id = ids.next("awareness_classes");
    rows.classes.push(awareness_class::ActiveModel {
        id: Set(id),
        centre_id: Set(centre),
        name: Set(format!("Lớp bồi dưỡng nhận thức về Đảng – trường {school_number:03}, {}", starts_on.year())),
        starts_on: Set(starts_on + Days::new(5)),
        ends_on: Set(starts_on + Days::new(25)),
        capacity: Set((size as i32).max(30)),
        created_by: Set(by),
        created_at: Set(at(starts_on)),
    });
    id
}

/// Students admitted on given days (each ceremony's day), with the whole way
/// behind them — consent, proposal, pool, class, mentor, dossier, votes,
/// decision — dated back from the ceremony. The demo's admissions.
pub async fn admitted(txn: &DatabaseTransaction, school_id: i64, year_id: i64, crew: &Crew<'_>, students: &[(i64, NaiveDate)]) -> Result<(), AppError> {
    let mut ids = Ids::after_existing(txn).await?;
    let mut rows = Rows::default();
    for (student_id, ceremony) in students {
        let start = ceremony.checked_sub_months(Months::new(8)).expect("a valid date");
        candidate(&mut ids, &mut rows, school_id, year_id, start, *student_id, crew, *ceremony, None, None);
    }
    write(txn, rows).await?;
    super::bulk::fix_sequences(txn).await
}

async fn write(txn: &DatabaseTransaction, rows: Rows) -> Result<(), AppError> {
    insert(txn, rows.consents, 13).await?;
    insert(txn, rows.proposals, 12).await?;
    insert(txn, rows.candidacies, 10).await?;
    insert(txn, rows.events, 10).await?;
    insert(txn, rows.certificates, 7).await?;
    insert(txn, rows.mentors, 9).await?;
    insert(txn, rows.introducers, 8).await?;
    insert(txn, rows.items, 12).await?;
    insert(txn, rows.votes, 11).await?;
    insert(txn, rows.decisions, 8).await?;
    insert(txn, rows.classes, 8).await?;
    insert(txn, rows.enrolments, 7).await?;
    insert(txn, rows.meetings, 7).await?;
    insert(txn, rows.meeting_students, 4).await?;
    Ok(())
}

/// One candidate of a school year starting `year_start`: consent, the
/// union's proposal, the pool, then the procedure's steps as far as `today`
/// (or an exit at step `leaves_at`), attending the awareness class `class`
/// when there is one (its certificate completes the enrolment).
#[allow(clippy::too_many_arguments)]
fn candidate(
    ids: &mut Ids,
    rows: &mut Rows,
    school_id: i64,
    year_id: i64,
    year_start: NaiveDate,
    student_id: i64,
    crew: &Crew<'_>,
    today: NaiveDate,
    leaves_at: Option<usize>,
    class: Option<i64>,
) {
    let (union_officer, cell_officer) = (crew.union_officer, crew.cell_officer);
    let proposed_on = year_start + Days::new(33);
    let consent_on = proposed_on - Days::new(7);
    rows.consents.push(consent::ActiveModel {
        id: Set(ids.next("consents")),
        student_id: Set(student_id),
        subject: Set("student".into()),
        person_name: Set("Học sinh (dữ liệu tạo sẵn)".into()),
        relation: Set(None),
        given_on: Set(consent_on),
        method: Set("paper".into()),
        scope: Set("Xét vào nguồn phát triển đảng viên".into()),
        recorded_by: Set(union_officer),
        recorded_at: Set(at(consent_on)),
        withdrawn_on: Set(None),
        withdrawn_reason: Set(None),
        withdrawn_by: Set(None),
    });
    let proposal_id = ids.next("pool_proposals");
    let accepted_on = proposed_on + Days::new(7);
    rows.proposals.push(pool_proposal::ActiveModel {
        id: Set(proposal_id),
        student_id: Set(student_id),
        school_id: Set(school_id),
        school_year_id: Set(year_id),
        reason: Set("Tiêu biểu trong phong trào thi đua".into()),
        criteria: Set("[]".into()),
        status: Set(proposal_status::ACCEPTED.into()),
        proposed_by: Set(union_officer),
        proposed_at: Set(at(proposed_on)),
        decided_by: Set(Some(cell_officer)),
        decided_at: Set(Some(at(accepted_on))),
        decision_reason: Set(Some("Chi bộ nhất trí đưa vào nguồn".into())),
    });
    let candidacy_id = ids.next("candidacies");
    let mut stage = Stage::Pool;
    let mut since = accepted_on;
    let event = |ids: &mut Ids, from: Option<Stage>, to: Stage, on: NaiveDate, reason: Option<String>| candidacy_event::ActiveModel {
        id: Set(ids.next("candidacy_events")),
        candidacy_id: Set(candidacy_id),
        from_stage: Set(from.map(|f| f.code().to_string())),
        to_stage: Set(to.code().into()),
        happened_on: Set(on),
        reason: Set(reason),
        overridden_checks: Set(None),
        details: Set(None),
        recorded_by: Set(cell_officer),
        recorded_at: Set(at(on)),
    };
    rows.events.push(event(ids, None, Stage::Pool, accepted_on, Some("Chi bộ nhất trí đưa vào nguồn".into())));
    let mut ceremony = None;
    for (k, (to, on)) in path(year_start).into_iter().enumerate() {
        if on > today {
            break;
        }
        if leaves_at == Some(k) {
            rows.events.push(event(ids, Some(stage), Stage::Withdrawn, on, Some("Gia đình xin rút".into())));
            stage = Stage::Withdrawn;
            since = on;
            break;
        }
        records(ids, rows, candidacy_id, to, on, crew.members, cell_officer);
        match (to, class) {
            (Stage::AwarenessClass, Some(class_id)) => rows.enrolments.push(awareness_enrolment::ActiveModel {
                id: Set(ids.next("awareness_enrolments")),
                class_id: Set(class_id),
                candidacy_id: Set(candidacy_id),
                enrolled_on: Set(on),
                certificate_id: Set(None),
                enrolled_by: Set(cell_officer),
                enrolled_at: Set(at(on)),
            }),
            (Stage::Candidate, Some(_)) => {
                // The certificate just recorded completes this candidacy's enrolment.
                let issued = rows.certificates.last().map(|c| c.id.clone().unwrap());
                if let Some(e) = rows.enrolments.iter_mut().rev().find(|e| e.candidacy_id.as_ref() == &candidacy_id) {
                    e.certificate_id = Set(issued);
                }
            }
            _ => {}
        }
        if to == Stage::Ceremony {
            ceremony = Some(on);
        }
        rows.events.push(event(ids, Some(stage), to, on, None));
        stage = to;
        since = on;
    }
    rows.candidacies.push(candidacy::ActiveModel {
        id: Set(candidacy_id),
        student_id: Set(student_id),
        school_id: Set(school_id),
        proposal_id: Set(Some(proposal_id)),
        stage: Set(stage.code().into()),
        stage_since: Set(since),
        ceremony_on: Set(ceremony),
        superior_agreement: Set(None),
        created_by: Set(cell_officer),
        created_at: Set(at(accepted_on)),
    });
}

/// What reaching `to` on `on` records, as the services would have.
fn records(ids: &mut Ids, rows: &mut Rows, candidacy_id: i64, to: Stage, on: NaiveDate, members: &[i64], by: i64) {
    match to {
        Stage::Candidate => {
            let issued = on - Days::new(3);
            rows.certificates.push(certificate::ActiveModel {
                id: Set(ids.next("certificates")),
                candidacy_id: Set(candidacy_id),
                number: Set(format!("{candidacy_id}/GCN-TTCT")),
                issued_on: Set(issued),
                issuer: Set(Some("Trường Chính trị tỉnh".into())),
                recorded_by: Set(by),
                recorded_at: Set(at(issued)),
            });
            rows.mentors.push(mentor_assignment::ActiveModel {
                id: Set(ids.next("mentor_assignments")),
                candidacy_id: Set(candidacy_id),
                staff_id: Set(members[candidacy_id as usize % members.len()]),
                from_date: Set(on),
                to_date: Set(None),
                replacement: Set(false),
                reason: Set(None),
                decided_by: Set(by),
                decided_at: Set(at(on)),
            });
        }
        Stage::Dossier => {
            for k in 0..2 {
                rows.introducers.push(introducer::ActiveModel {
                    id: Set(ids.next("introducers")),
                    candidacy_id: Set(candidacy_id),
                    staff_id: Set(members[(candidacy_id as usize + k + 1) % members.len()]),
                    together_since: Set(on - Days::new(400)),
                    replacement: Set(false),
                    added_by: Set(by),
                    added_at: Set(at(on)),
                    removed_at: Set(None),
                });
            }
            for kind in ["application", "biography", "union_comment", "residence_cell_comment", "union_resolution", "introducer_letter"] {
                rows.items.push(dossier_item::ActiveModel {
                    id: Set(ids.next("dossier_items")),
                    candidacy_id: Set(candidacy_id),
                    kind: Set(kind.into()),
                    subject: Set(None),
                    place: Set(None),
                    status: Set("received".into()),
                    requested_on: Set(Some(on)),
                    received_on: Set(Some(on + Days::new(20))),
                    valid_until: Set(None),
                    holder: Set(Some("Chi bộ".into())),
                    updated_by: Set(by),
                    updated_at: Set(at(on + Days::new(20))),
                });
            }
        }
        Stage::CellVote | Stage::CommitteeReview => rows.votes.push(vote::ActiveModel {
            id: Set(ids.next("votes")),
            candidacy_id: Set(candidacy_id),
            body: Set(if to == Stage::CellVote { "cell" } else { "committee" }.into()),
            meeting_on: Set(on),
            members: Set(9),
            present: Set(9),
            for_votes: Set(8),
            against: Set(1),
            abstain: Set(0),
            recorded_by: Set(by),
            recorded_at: Set(at(on)),
        }),
        Stage::Decision => rows.decisions.push(decision::ActiveModel {
            id: Set(ids.next("decisions")),
            candidacy_id: Set(candidacy_id),
            deciding_body_id: Set(None),
            number: Set(format!("{candidacy_id}-QĐ/ĐU")),
            decided_on: Set(on - Days::new(5)),
            received_on: Set(on),
            recorded_by: Set(by),
            recorded_at: Set(at(on)),
        }),
        _ => {}
    }
}
