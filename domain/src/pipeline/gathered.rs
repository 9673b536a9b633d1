//! The records of many candidacies read at once: one query per table for the
//! whole set instead of a score of queries per candidacy. The board, the
//! task inbox, a candidacy's page and a move's checks all take their facts
//! from here, so they cannot disagree.

use super::calendar::Calendar;
use super::rules::{self, Member, MoveFacts, PipelineRules};
use crate::rules_config::{self, GRASSROOTS_COMMITTEE, PIPELINE};
use nguon_shared::mentoring::WatchRules;
use crate::entities::{
    assessment, awareness_class, awareness_enrolment, biography_return, candidacy, certificate, consent, decision, dossier_item, introducer, mentor_assignment,
    staff, student, vote,
};
use chrono::NaiveDate;
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The rules a school's cards are read under today.
pub(crate) struct SchoolRules {
    /// The procedure's rules.
    pub pipeline: PipelineRules,
    /// The follow-up rules.
    pub watch: WatchRules,
    /// The working-day calendar.
    pub calendar: Calendar,
    /// Whether a grassroots committee sits between the cell and the decision.
    pub has_committee: bool,
}

impl SchoolRules {
    /// Reads a school's rules in force on `today`.
    pub async fn load<C: ConnectionTrait>(conn: &C, school_id: i64, today: NaiveDate) -> Result<Self, AppError> {
        Ok(SchoolRules {
            pipeline: rules_config::value(conn, &PIPELINE, school_id, today).await?,
            watch: super::mentoring::watch_rules(conn, school_id, today).await?,
            calendar: super::candidacy::calendar_for(conn, school_id, today).await?,
            has_committee: rules_config::value(conn, &GRASSROOTS_COMMITTEE, school_id, today).await?,
        })
    }
}

/// A student's placement: the grade, the class and the last day of its year.
#[derive(Clone, Debug, sea_orm::FromQueryResult)]
struct Placement {
    student_id: i64,
    school_year_id: i64,
    grade: i16,
    class_name: String,
    ends_on: NaiveDate,
}

/// Everything the pipeline reads about a set of candidacies and their students.
#[derive(Default)]
pub(crate) struct Gathered {
    students: HashMap<i64, student::Model>,
    /// Consents by student, oldest first.
    consents: HashMap<i64, Vec<consent::Model>>,
    /// Placements by student.
    placements: HashMap<i64, Vec<Placement>>,
    /// Mentor assignments by candidacy, oldest first.
    mentors: HashMap<i64, Vec<mentor_assignment::Model>>,
    /// Current introducers by candidacy.
    introducers: HashMap<i64, Vec<introducer::Model>>,
    /// Mentors' and introducers' staff records.
    staff: HashMap<i64, staff::Model>,
    /// Dossier lines by candidacy.
    dossier: HashMap<i64, Vec<dossier_item::Model>>,
    /// The latest certificate's day, by candidacy.
    certificate: HashMap<i64, NaiveDate>,
    /// The latest decision's day of receipt, by candidacy.
    decision_received: HashMap<i64, NaiveDate>,
    /// The cell's latest vote's day, by candidacy.
    cell_vote: HashMap<i64, NaiveDate>,
    /// The latest assessment's day, by candidacy.
    last_assessment: HashMap<i64, NaiveDate>,
    /// How many times the biography went back, by candidacy.
    biography_returns: HashMap<i64, u32>,
    /// The last day of a class enrolled in and not completed, by candidacy.
    open_class_end: HashMap<i64, NaiveDate>,
}

/// Keeps the later of two days under `key`.
fn keep_latest(map: &mut HashMap<i64, NaiveDate>, key: i64, day: NaiveDate) {
    let slot = map.entry(key).or_insert(day);
    *slot = (*slot).max(day);
}

impl Gathered {
    /// Reads the records of `cands` (any number, from any schools).
    pub async fn load<C: ConnectionTrait>(conn: &C, cands: &[candidacy::Model]) -> Result<Self, AppError> {
        let mut g = Gathered::default();
        if cands.is_empty() {
            return Ok(g);
        }
        let ids: Vec<i64> = cands.iter().map(|c| c.id).collect();
        let mut student_ids: Vec<i64> = cands.iter().map(|c| c.student_id).collect();
        student_ids.sort_unstable();
        student_ids.dedup();
        g.students = student::Entity::find().filter(student::Column::Id.is_in(student_ids.clone())).all(conn).await?.into_iter().map(|s| (s.id, s)).collect();
        for c in consent::Entity::find().filter(consent::Column::StudentId.is_in(student_ids.clone())).order_by_asc(consent::Column::Id).all(conn).await? {
            g.consents.entry(c.student_id).or_default().push(c);
        }
        g.placements = placements(conn, &student_ids).await?;
        for m in mentor_assignment::Entity::find()
            .filter(mentor_assignment::Column::CandidacyId.is_in(ids.clone()))
            .order_by_asc(mentor_assignment::Column::Id)
            .all(conn)
            .await?
        {
            g.mentors.entry(m.candidacy_id).or_default().push(m);
        }
        for i in introducer::Entity::find()
            .filter(introducer::Column::CandidacyId.is_in(ids.clone()))
            .filter(introducer::Column::RemovedAt.is_null())
            .order_by_asc(introducer::Column::Id)
            .all(conn)
            .await?
        {
            g.introducers.entry(i.candidacy_id).or_default().push(i);
        }
        let mut staff_ids: Vec<i64> = g.mentors.values().flatten().map(|m| m.staff_id).chain(g.introducers.values().flatten().map(|i| i.staff_id)).collect();
        staff_ids.sort_unstable();
        staff_ids.dedup();
        if !staff_ids.is_empty() {
            g.staff = staff::Entity::find().filter(staff::Column::Id.is_in(staff_ids)).all(conn).await?.into_iter().map(|s| (s.id, s)).collect();
        }
        for d in dossier_item::Entity::find().filter(dossier_item::Column::CandidacyId.is_in(ids.clone())).order_by_asc(dossier_item::Column::Id).all(conn).await? {
            g.dossier.entry(d.candidacy_id).or_default().push(d);
        }
        for c in certificate::Entity::find().filter(certificate::Column::CandidacyId.is_in(ids.clone())).all(conn).await? {
            keep_latest(&mut g.certificate, c.candidacy_id, c.issued_on);
        }
        for d in decision::Entity::find().filter(decision::Column::CandidacyId.is_in(ids.clone())).all(conn).await? {
            keep_latest(&mut g.decision_received, d.candidacy_id, d.received_on);
        }
        for v in vote::Entity::find().filter(vote::Column::CandidacyId.is_in(ids.clone())).filter(vote::Column::Body.eq("cell")).all(conn).await? {
            keep_latest(&mut g.cell_vote, v.candidacy_id, v.meeting_on);
        }
        for a in assessment::Entity::find().filter(assessment::Column::CandidacyId.is_in(ids.clone())).all(conn).await? {
            keep_latest(&mut g.last_assessment, a.candidacy_id, a.written_on);
        }
        for b in biography_return::Entity::find().filter(biography_return::Column::CandidacyId.is_in(ids.clone())).all(conn).await? {
            *g.biography_returns.entry(b.candidacy_id).or_default() += 1;
        }
        let open: Vec<awareness_enrolment::Model> = awareness_enrolment::Entity::find()
            .filter(awareness_enrolment::Column::CandidacyId.is_in(ids))
            .filter(awareness_enrolment::Column::CertificateId.is_null())
            .all(conn)
            .await?;
        if !open.is_empty() {
            let class_ids: Vec<i64> = open.iter().map(|e| e.class_id).collect();
            let ends: HashMap<i64, NaiveDate> =
                awareness_class::Entity::find().filter(awareness_class::Column::Id.is_in(class_ids)).all(conn).await?.into_iter().map(|c| (c.id, c.ends_on)).collect();
            for e in open {
                if let Some(end) = ends.get(&e.class_id) {
                    keep_latest(&mut g.open_class_end, e.candidacy_id, *end);
                }
            }
        }
        Ok(g)
    }

    /// The student of a candidacy.
    pub fn student(&self, student_id: i64) -> Result<&student::Model, AppError> {
        self.students.get(&student_id).ok_or(AppError::NotFound)
    }

    /// The current mentor's assignment (open-ended, the latest recorded).
    pub fn current_mentor(&self, candidacy_id: i64) -> Option<&mentor_assignment::Model> {
        self.mentors.get(&candidacy_id)?.iter().rev().find(|m| m.to_date.is_none())
    }

    /// The latest mentor assignment, ended or not.
    pub fn last_mentor(&self, candidacy_id: i64) -> Option<&mentor_assignment::Model> {
        self.mentors.get(&candidacy_id)?.last()
    }

    /// A candidacy's dossier lines, in the order recorded.
    pub fn dossier(&self, candidacy_id: i64) -> &[dossier_item::Model] {
        self.dossier.get(&candidacy_id).map(Vec::as_slice).unwrap_or_default()
    }

    /// A student's consents, oldest first.
    pub fn consents(&self, student_id: i64) -> &[consent::Model] {
        self.consents.get(&student_id).map(Vec::as_slice).unwrap_or_default()
    }

    /// The current introducers of a candidacy, in the order recorded.
    pub fn introducers(&self, candidacy_id: i64) -> &[introducer::Model] {
        self.introducers.get(&candidacy_id).map(Vec::as_slice).unwrap_or_default()
    }

    /// A mentor's or introducer's full name.
    pub fn staff_name(&self, staff_id: i64) -> Option<String> {
        self.staff.get(&staff_id).map(|s| s.person_name().full())
    }

    /// The class a student was last placed in.
    pub fn latest_class(&self, student_id: i64) -> Option<String> {
        self.placements.get(&student_id)?.iter().max_by_key(|p| p.school_year_id).map(|p| p.class_name.clone())
    }

    /// The last day of the last school year the student is expected at (grade 12's year).
    pub fn last_school_day(&self, student_id: i64) -> Option<NaiveDate> {
        self.placements.get(&student_id)?.iter().map(|p| expected_last_day(p.grade, p.ends_on)).max()
    }

    /// The day of the cell's latest vote, once held.
    pub fn cell_vote_on(&self, candidacy_id: i64) -> Option<NaiveDate> {
        self.cell_vote.get(&candidacy_id).copied()
    }

    /// The day of the latest assessment.
    pub fn last_assessment(&self, candidacy_id: i64) -> Option<NaiveDate> {
        self.last_assessment.get(&candidacy_id).copied()
    }

    /// How many times the biography went back for rewriting.
    pub fn biography_returns(&self, candidacy_id: i64) -> u32 {
        self.biography_returns.get(&candidacy_id).copied().unwrap_or(0)
    }

    /// The last day of a class the candidacy is enrolled in and has not completed.
    pub fn open_class_end(&self, candidacy_id: i64) -> Option<NaiveDate> {
        self.open_class_end.get(&candidacy_id).copied()
    }

    /// The facts a move's checks look at, on `on`. `has_committee` is the
    /// school's rule on that day; a decision recorded with the move itself
    /// stands for the one on record.
    pub fn facts(&self, cand: &candidacy::Model, on: NaiveDate, has_committee: bool, decision_received: Option<NaiveDate>) -> Result<MoveFacts, AppError> {
        let s = self.student(cand.student_id)?;
        let member = |staff_id: i64, together_since: NaiveDate, replacement: bool| {
            self.staff.get(&staff_id).map(|st| Member { name: st.person_name().full(), full_member_since: st.party_full_member_since, together_since, replacement })
        };
        let mentor = self
            .mentors
            .get(&cand.id)
            .and_then(|ms| ms.iter().rev().find(|m| m.from_date <= on && m.to_date.is_none_or(|t| t >= on)))
            .and_then(|m| member(m.staff_id, m.from_date, m.replacement));
        let introducers = self.introducers.get(&cand.id).into_iter().flatten().filter_map(|i| member(i.staff_id, i.together_since, i.replacement)).collect();
        let items = self.dossier(cand.id);
        let documents = items
            .iter()
            .filter(|i| i.kind != "verification")
            .map(|i| rules::Document { kind: i.kind.clone(), received: i.received_on.filter(|d| *d <= on), valid_until: i.valid_until })
            .collect::<Vec<_>>();
        let union_resolution = documents.iter().any(|d| d.kind == "union_resolution" && d.received.is_some());
        let open_verifications = items.iter().filter(|i| i.kind == "verification" && i.status != "concluded").count() as u32;
        Ok(MoveFacts {
            on,
            has_committee,
            date_of_birth: s.date_of_birth,
            consent: super::consent::consented(self.consents(s.id), s.date_of_birth, on),
            union_member: s.union_joined_on.is_some_and(|d| d <= on),
            certificate: self.certificate.get(&cand.id).copied(),
            mentor,
            union_resolution,
            introducers,
            documents,
            open_verifications,
            vote: None,
            committee_vote: None,
            decision_received: decision_received.or_else(|| self.decision_received.get(&cand.id).copied()),
            superior_agreement: cand.superior_agreement.is_some(),
            ceremony: cand.ceremony_on,
        })
    }
}

/// The last day of school for a student placed in `grade` in a year ending on `ends_on`.
pub(crate) fn expected_last_day(grade: i16, ends_on: NaiveDate) -> NaiveDate {
    let years_left = (12 - grade).max(0) as u32;
    ends_on.checked_add_months(chrono::Months::new(12 * years_left)).unwrap_or(ends_on)
}

/// The placements of `student_ids` with their grade, class name and year's last day.
async fn placements<C: ConnectionTrait>(conn: &C, student_ids: &[i64]) -> Result<HashMap<i64, Vec<Placement>>, AppError> {
    let marks = vec!["?"; student_ids.len()].join(", ");
    let text = format!(
        "SELECT e.student_id, e.school_year_id, c.grade, c.name AS class_name, y.ends_on FROM enrolments e \
         JOIN classes c ON c.id = e.class_id JOIN school_years y ON y.id = e.school_year_id WHERE e.student_id IN ({marks})"
    );
    let values = student_ids.iter().map(|id| (*id).into()).collect();
    let rows = <Placement as sea_orm::FromQueryResult>::find_by_statement(crate::sql::statement(conn.get_database_backend(), &text, values)).all(conn).await?;
    let mut out: HashMap<i64, Vec<Placement>> = HashMap::new();
    for p in rows {
        out.entry(p.student_id).or_default().push(p);
    }
    Ok(out)
}
