//! Mentors' periodic assessments on the structured template (political
//! awareness, ethics and lifestyle, study, union activity, strengths, points
//! to improve, recommendation), due on the schedule the cell sets
//! (`pipeline.watch`). Only the current mentor writes them; the school's
//! Party roles and that mentor read them.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{assessment, candidacy, mentor_assignment, staff};
use crate::policy::{authorize_at, Actor, Permission};
use crate::rules_config::{self, WATCH};
use chrono::{Months, NaiveDate, Utc};
use nguon_shared::mentoring::{AssessmentView, WatchRules, RATINGS, RECOMMENDATIONS};
use nguon_shared::pipeline::Stage;
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

/// Whether a stage is mentored (from candidate to the end of probation).
pub fn mentored(stage: Stage) -> bool {
    !stage.is_final() && stage >= Stage::Candidate
}

/// The day the next assessment is due: the schedule's months after the
/// last one, or after the mentor's first day.
pub fn assessment_due(last: Option<NaiveDate>, mentor_from: NaiveDate, w: &WatchRules) -> NaiveDate {
    let base = last.map_or(mentor_from, |l| l.max(mentor_from));
    base.checked_add_months(Months::new(w.assessment_every_months.max(1))).unwrap_or(base)
}

/// Days without an assessment, when that reaches the rule's flag.
pub fn silence(last: Option<NaiveDate>, mentor_from: NaiveDate, today: NaiveDate, w: &WatchRules) -> Option<i64> {
    let days = (today - last.map_or(mentor_from, |l| l.max(mentor_from))).num_days();
    (days >= i64::from(w.assessment_silence_days)).then_some(days)
}

/// The current mentor of a candidacy.
pub async fn current_mentor<C: ConnectionTrait>(conn: &C, candidacy_id: i64) -> Result<Option<mentor_assignment::Model>, AppError> {
    Ok(mentor_assignment::Entity::find()
        .filter(mentor_assignment::Column::CandidacyId.eq(candidacy_id))
        .filter(mentor_assignment::Column::ToDate.is_null())
        .order_by_desc(mentor_assignment::Column::Id)
        .one(conn)
        .await?)
}

/// The day of the latest assessment of a candidacy.
pub async fn last_assessment<C: ConnectionTrait>(conn: &C, candidacy_id: i64) -> Result<Option<NaiveDate>, AppError> {
    Ok(assessment::Entity::find()
        .filter(assessment::Column::CandidacyId.eq(candidacy_id))
        .order_by_desc(assessment::Column::WrittenOn)
        .one(conn)
        .await?
        .map(|a| a.written_on))
}

/// The candidacy's current assignment and the actor's staff record, when the actor is its current mentor.
async fn mentor_as<C: ConnectionTrait>(conn: &C, actor: &Actor, candidacy_id: i64) -> Result<Option<(mentor_assignment::Model, staff::Model)>, AppError> {
    let Some(m) = current_mentor(conn, candidacy_id).await? else { return Ok(None) };
    let me = staff::Entity::find_by_id(m.staff_id).one(conn).await?.filter(|s| s.user_id == Some(actor.user_id));
    Ok(me.map(|s| (m, s)))
}

/// Whether the actor is the current mentor of the candidacy.
pub async fn is_current_mentor<C: ConnectionTrait>(conn: &C, actor: &Actor, candidacy_id: i64) -> Result<bool, AppError> {
    Ok(mentor_as(conn, actor, candidacy_id).await?.is_some())
}

/// The assessments of a candidacy, newest first (the caller has checked the reader).
pub async fn list<C: ConnectionTrait>(conn: &C, candidacy_id: i64) -> Result<Vec<AssessmentView>, AppError> {
    let rows = assessment::Entity::find()
        .filter(assessment::Column::CandidacyId.eq(candidacy_id))
        .order_by_desc(assessment::Column::WrittenOn)
        .order_by_desc(assessment::Column::Id)
        .all(conn)
        .await?;
    let mut out = Vec::new();
    for a in rows {
        let mentor = staff::Entity::find_by_id(a.staff_id).one(conn).await?.map(|s| s.person_name().full()).unwrap_or_default();
        out.push(AssessmentView {
            id: a.id,
            mentor,
            written_on: a.written_on,
            ratings: [a.political, a.ethics, a.study, a.union_work],
            strengths: a.strengths,
            to_improve: a.to_improve,
            recommendation: a.recommendation,
        });
    }
    Ok(out)
}

/// An assessment as the mentor's form gives it.
#[derive(Clone, Debug, Default)]
pub struct NewAssessment {
    /// The day written.
    pub written_on: NaiveDate,
    /// Ratings: political awareness, ethics and lifestyle, study, union activity.
    pub ratings: [String; 4],
    /// Strengths.
    pub strengths: String,
    /// Points to improve.
    pub to_improve: String,
    /// Recommendation code.
    pub recommendation: String,
}

const RATING_FIELDS: [&str; 4] = ["political", "ethics", "study", "union_work"];
const TEXT_MAX: usize = 2000;

fn validate(input: &NewAssessment, mentor_from: NaiveDate, today: NaiveDate) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (field, value) in RATING_FIELDS.iter().zip(&input.ratings) {
        if !RATINGS.contains(&value.as_str()) {
            errors.push(FieldError::new(field, ErrorCode::InvalidValue));
        }
    }
    for (field, value) in [("strengths", &input.strengths), ("to_improve", &input.to_improve)] {
        let len = value.trim().chars().count();
        if len == 0 {
            errors.push(FieldError::new(field, ErrorCode::Required));
        } else if len > TEXT_MAX {
            errors.push(FieldError::new(field, ErrorCode::TooLong { max: TEXT_MAX as u32 }));
        }
    }
    if !RECOMMENDATIONS.contains(&input.recommendation.as_str()) {
        errors.push(FieldError::new("recommendation", ErrorCode::InvalidValue));
    }
    if input.written_on > today || input.written_on < mentor_from {
        errors.push(FieldError::new("written_on", ErrorCode::OutOfPeriod));
    }
    errors
}

/// The current mentor writes an assessment of a candidate at a mentored stage.
pub async fn write(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, candidacy_id: i64, input: NewAssessment, today: NaiveDate) -> Result<i64, AppError> {
    let c = candidacy::Entity::find_by_id(candidacy_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::AssessCandidates, c.school_id).await?;
    // Someone who is not the mentor learns nothing about the candidacy.
    let (mentor, me) = mentor_as(db, actor, c.id).await?.ok_or(AppError::NotFound)?;
    let stage = Stage::from_code(&c.stage).ok_or_else(|| AppError::internal("unknown stage"))?;
    if !mentored(stage) {
        return Err(AppError::invalid("candidacy", ErrorCode::OutOfPeriod));
    }
    let errors = validate(&input, mentor.from_date, today);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let [political, ethics, study, union_work] = input.ratings;
    let row = assessment::ActiveModel {
        candidacy_id: Set(c.id),
        staff_id: Set(me.id),
        written_on: Set(input.written_on),
        political: Set(political),
        ethics: Set(ethics),
        study: Set(study),
        union_work: Set(union_work),
        strengths: Set(crate::names::nfc_keep_lines(input.strengths.trim())),
        to_improve: Set(crate::names::nfc_keep_lines(input.to_improve.trim())),
        recommendation: Set(input.recommendation.clone()),
        written_by: Set(actor.user_id),
        written_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // The log says that it was written and what was recommended, not the mentor's words.
    audit::record(
        &txn,
        ctx,
        AuditEntry::created("assessment", row.id, serde_json::json!({ "candidacy_id": c.id, "written_on": input.written_on.to_string(), "recommendation": input.recommendation })),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// The follow-up rule of a school on a day.
pub async fn watch_rules<C: ConnectionTrait>(conn: &C, school_id: i64, on: NaiveDate) -> Result<WatchRules, AppError> {
    rules_config::value(conn, &WATCH, school_id, on).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn due_and_silence_follow_the_schedule() {
        let monthly = WatchRules::default();
        let semester = WatchRules { assessment_every_months: 6, ..WatchRules::default() };
        // (last, mentor from, rule, due)
        let table = [
            (None, d(2026, 1, 31), &monthly, d(2026, 2, 28)), // month end
            (Some(d(2026, 3, 15)), d(2026, 1, 31), &monthly, d(2026, 4, 15)),
            (Some(d(2025, 12, 1)), d(2026, 1, 10), &monthly, d(2026, 2, 10)), // a new mentor's start counts
            (None, d(2026, 9, 5), &semester, d(2027, 3, 5)),
        ];
        for (last, from, rule, due) in table {
            assert_eq!(assessment_due(last, from, rule), due, "{last:?} {from}");
        }
        assert_eq!(silence(Some(d(2026, 1, 1)), d(2025, 9, 1), d(2026, 3, 1), &monthly), None, "59 days");
        assert_eq!(silence(Some(d(2026, 1, 1)), d(2025, 9, 1), d(2026, 3, 2), &monthly), Some(60));
        assert!(mentored(Stage::Candidate) && mentored(Stage::Probation));
        assert!(!mentored(Stage::AwarenessClass) && !mentored(Stage::FullMember) && !mentored(Stage::Withdrawn));
    }

    #[test]
    fn the_template_is_validated() {
        let ok = NewAssessment {
            written_on: d(2026, 3, 1),
            ratings: ["good".into(), "fair".into(), "good".into(), "average".into()],
            strengths: "Tích cực".into(),
            to_improve: "Mạnh dạn phát biểu".into(),
            recommendation: "continue".into(),
        };
        assert!(validate(&ok, d(2026, 1, 1), d(2026, 3, 1)).is_empty());
        let bad = NewAssessment { ratings: ["good".into(), "excellent".into(), "good".into(), "good".into()], to_improve: " ".into(), recommendation: "x".into(), written_on: d(2026, 3, 2), ..ok };
        let fields: Vec<String> = validate(&bad, d(2026, 1, 1), d(2026, 3, 1)).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["ethics", "to_improve", "recommendation", "written_on"]);
    }
}

/// One candidacy the actor currently mentors: what the home page and the
/// task inbox both read.
pub(crate) struct Mentorship {
    /// The candidacy.
    pub candidacy_id: i64,
    /// The student's full name.
    pub student_name: String,
    /// The mentor's staff record's full name.
    pub mentor_name: String,
    /// The stage.
    pub stage: Stage,
    /// The day the next assessment is due.
    pub next_due: NaiveDate,
    /// The day of the last assessment, if any.
    pub last_written: Option<NaiveDate>,
    /// The candidacy's school's follow-up rules.
    pub watch: WatchRules,
}

/// The candidacies the actor currently mentors, at a mentored stage, at a
/// school where they may assess.
pub(crate) async fn mentorships<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<Vec<Mentorship>, AppError> {
    use crate::entities::student;
    let mut out = Vec::new();
    for me in staff::Entity::find().filter(staff::Column::UserId.eq(actor.user_id)).all(conn).await? {
        let assignments = mentor_assignment::Entity::find()
            .filter(mentor_assignment::Column::StaffId.eq(me.id))
            .filter(mentor_assignment::Column::ToDate.is_null())
            .all(conn)
            .await?;
        for a in assignments {
            let Some(c) = candidacy::Entity::find_by_id(a.candidacy_id).one(conn).await? else { continue };
            let Some(stage) = Stage::from_code(&c.stage).filter(|s| mentored(*s)) else { continue };
            if authorize_at(conn, actor, Permission::AssessCandidates, c.school_id).await.is_err() {
                continue;
            }
            let watch = watch_rules(conn, c.school_id, today).await?;
            let last_written = last_assessment(conn, c.id).await?;
            let student_name = student::Entity::find_by_id(c.student_id).one(conn).await?.map(|s| s.person_name().full()).unwrap_or_default();
            out.push(Mentorship {
                candidacy_id: c.id,
                student_name,
                mentor_name: me.person_name().full(),
                stage,
                next_due: assessment_due(last_written, a.from_date, &watch),
                last_written,
                watch,
            });
        }
    }
    Ok(out)
}

/// The candidates the actor currently mentors, next assessment due first.
pub async fn my_candidates<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<Vec<nguon_shared::views::home::MentoredCandidate>, AppError> {
    let mut out: Vec<_> = mentorships(conn, actor, today)
        .await?
        .into_iter()
        .map(|m| nguon_shared::views::home::MentoredCandidate {
            candidacy_id: m.candidacy_id,
            name: m.student_name,
            stage: m.stage,
            next_due: m.next_due,
            last_written: m.last_written,
        })
        .collect();
    out.sort_by(|a, b| a.next_due.cmp(&b.next_due).then_with(|| crate::names::compare_full_names(&a.name, &b.name)));
    Ok(out)
}
