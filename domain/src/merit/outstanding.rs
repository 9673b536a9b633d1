//! Outstanding-student criteria per school, the evaluation of every student
//! with a reason for each criterion met or missed, the "one criterion
//! short" list, and the union's proposals to the Party source pool.

use super::classification::RULE_SETTERS;
use super::rules::{self, SemesterFacts, StudentFacts};
use super::YearRoll;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{enrolment, pool_proposal, school_year, semester, study_result, union_classification};
use crate::ledger::rules::rank;
use crate::ledger::standing::points_by_student;
use crate::policy::{Actor, Permission, authorize_any_at, authorize_at};
use crate::rules_config::{self, OUTSTANDING_CRITERIA};
use chrono::{NaiveDate, Utc};
use nguon_shared::merit::{Evaluation, OutstandingCriteria, OutstandingView, PeriodLabel};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, QueryTrait, Select, Set};
use std::collections::HashMap;

/// Proposal statuses.
pub mod status {
    /// Proposed by the union, waiting for the Party cell.
    pub const PROPOSED: &str = "proposed";
    /// Accepted into the source pool.
    pub const ACCEPTED: &str = "accepted";
    /// Declined by the Party cell.
    pub const DECLINED: &str = "declined";
}

/// Who reads the lists, which show proposals (candidacy is sensitive): the
/// school's union officers and Party roles.
pub(crate) const LIST_READERS: [Permission; 2] = [Permission::LogEmulation, Permission::ViewSensitive];

/// The day a year is evaluated on: today, kept within the year.
pub fn evaluation_day(year: &school_year::Model, today: NaiveDate) -> NaiveDate {
    today.clamp(year.starts_on, year.ends_on)
}

/// `q` narrowed to the students `ids` when a roll holds only some of them.
fn only<E: EntityTrait>(q: Select<E>, student_column: impl ColumnTrait, ids: &Option<Vec<i64>>) -> Select<E> {
    match ids {
        Some(ids) => q.filter(student_column.is_in(ids.clone())),
        None => q,
    }
}

/// Evaluates every student placed in the roll's year on `on`, in class-list order.
pub(crate) async fn evaluate_roll<C: ConnectionTrait>(
    conn: &C,
    roll: &YearRoll,
    criteria: &OutstandingCriteria,
    on: NaiveDate,
    with_proposals: bool,
) -> Result<Vec<Evaluation>, AppError> {
    // This and earlier years of the school: results and classifications follow the student.
    let years: HashMap<i64, school_year::Model> = school_year::Entity::find()
        .filter(school_year::Column::SchoolId.eq(roll.year.school_id))
        .filter(school_year::Column::StartsOn.lte(roll.year.starts_on))
        .all(conn)
        .await?
        .into_iter()
        .map(|y| (y.id, y))
        .collect();
    let year_ids: Vec<i64> = years.keys().copied().collect();
    let semesters = semester::Entity::find().filter(semester::Column::SchoolYearId.is_in(year_ids.clone())).all(conn).await?;
    // A roll of some students reads only their rows (the profile); a whole roll reads the year's.
    let some: Option<Vec<i64>> = roll.partial.then(|| roll.students.keys().copied().collect());
    let mut placed_years: HashMap<i64, Vec<i64>> = HashMap::new();
    let q = only(enrolment::Entity::find().filter(enrolment::Column::SchoolYearId.is_in(year_ids.clone())), enrolment::Column::StudentId, &some);
    let backend = conn.get_database_backend();
    let q = q.select_only().columns([enrolment::Column::StudentId, enrolment::Column::SchoolYearId]);
    let placements: Vec<(i64, i64)> = crate::sql::packed(conn, q.build(backend), &["student_id", "school_year_id"]).await?;
    for (student_id, year_id) in placements {
        if roll.students.contains_key(&student_id) {
            placed_years.entry(student_id).or_default().push(year_id);
        }
    }
    // (study, conduct) by (student, year, semester).
    type Marks = (Option<String>, Option<String>);
    let mut results: HashMap<(i64, i64, i16), Marks> = HashMap::new();
    // Only the results of semesters that have ended count.
    let mut ended_periods = sea_orm::Condition::any();
    for sem in semesters.iter().filter(|s| s.ends_on <= on) {
        ended_periods = ended_periods
            .add(sea_orm::Condition::all().add(study_result::Column::SchoolYearId.eq(sem.school_year_id)).add(study_result::Column::Period.eq(sem.number)));
    }
    let q = only(study_result::Entity::find().filter(ended_periods.clone()), study_result::Column::StudentId, &some);
    let read: Vec<(i64, i64, i16, Option<String>, Option<String>)> = if ended_periods.is_empty() {
        Vec::new()
    } else {
        let q = q.select_only().columns([
            study_result::Column::StudentId,
            study_result::Column::SchoolYearId,
            study_result::Column::Period,
            study_result::Column::Study,
            study_result::Column::Conduct,
        ]);
        crate::sql::packed(conn, q.build(backend), &["student_id", "school_year_id", "period", "study", "conduct"]).await?
    };
    for (student_id, year_id, period, study, conduct) in read {
        results.insert((student_id, year_id, period), (study, conduct));
    }
    let mut classified: HashMap<i64, (NaiveDate, String, String)> = HashMap::new();
    let q = union_classification::Entity::find().filter(union_classification::Column::SchoolYearId.is_in(year_ids));
    let q = only(q, union_classification::Column::StudentId, &some).select_only().columns([
        union_classification::Column::StudentId,
        union_classification::Column::SchoolYearId,
        union_classification::Column::Level,
    ]);
    let levels: Vec<(i64, i64, String)> = crate::sql::packed(conn, q.build(backend), &["student_id", "school_year_id", "level"]).await?;
    for (student_id, year_id, level) in levels {
        let y = &years[&year_id];
        if classified.get(&student_id).is_none_or(|(start, _, _)| *start < y.starts_on) {
            classified.insert(student_id, (y.starts_on, y.name.clone(), level));
        }
    }
    let proposals: HashMap<i64, String> = if with_proposals {
        let q = pool_proposal::Entity::find().filter(pool_proposal::Column::SchoolYearId.eq(roll.year.id));
        only(q, pool_proposal::Column::StudentId, &some)
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.student_id, p.status))
            .collect()
    } else {
        HashMap::new()
    };
    let points = points_by_student(conn, roll.year.id, None, None).await?;
    let ordered = roll.ordered(None);
    // Ranks within each grade, on the year's approved points.
    // Everyone placed counts, loaded or not; the order within a tie does not change a rank.
    let mut grade_rank: HashMap<i64, (u32, u32)> = HashMap::new();
    for grade in [10, 11, 12] {
        let items: Vec<(i64, i64)> = roll
            .class_of
            .iter()
            .filter(|(_, c)| roll.classes.get(c).is_some_and(|c| c.grade == grade))
            .map(|(id, _)| (*id, points.get(id).copied().unwrap_or(0)))
            .collect();
        let size = items.len() as u32;
        for r in rank(&items) {
            grade_rank.insert(r.key, (r.rank, size));
        }
    }
    // A semester counts once its last day is reached (so the year's last day sees both).
    let mut ended: Vec<&semester::Model> = semesters.iter().filter(|s| s.ends_on <= on).collect();
    ended.sort_by_key(|s| s.starts_on);
    Ok(ordered
        .into_iter()
        .map(|id| {
            let s = &roll.students[&id];
            let mine = placed_years.get(&id).map(Vec::as_slice).unwrap_or_default();
            let facts = StudentFacts {
                date_of_birth: s.date_of_birth,
                union_joined_on: s.union_joined_on,
                semesters: ended
                    .iter()
                    .filter(|sem| mine.contains(&sem.school_year_id))
                    .map(|sem| {
                        let r = results.get(&(id, sem.school_year_id, sem.number));
                        SemesterFacts {
                            period: PeriodLabel { year: years[&sem.school_year_id].name.clone(), period: sem.number },
                            study: r.and_then(|r| r.0.clone()),
                            conduct: r.and_then(|r| r.1.clone()),
                        }
                    })
                    .collect(),
                grade_rank: grade_rank.get(&id).copied().unwrap_or((0, 0)),
                points: points.get(&id).copied().unwrap_or(0),
                classification: classified.get(&id).map(|(_, y, l)| (y.clone(), l.clone())),
            };
            Evaluation {
                student_id: id,
                name: s.person_name().full(),
                class_name: roll.class_name(id),
                outcomes: rules::evaluate(criteria, &facts, on),
                proposal: proposals.get(&id).cloned(),
            }
        })
        .collect())
}

/// The outstanding-student lists of a year, evaluated on `today` (kept
/// within the year): those meeting every criterion, those one short, and a
/// count of the rest.
pub async fn lists<C: ConnectionTrait>(conn: &C, actor: &Actor, year_id: i64, today: NaiveDate) -> Result<OutstandingView, AppError> {
    // Both list readers see students: one load, one authorisation.
    let roll = YearRoll::load_any(conn, actor, &LIST_READERS, year_id).await?;
    let year = &roll.year;
    let criteria = rules_config::value(conn, &OUTSTANDING_CRITERIA, year.school_id, year.starts_on).await?;
    let on = evaluation_day(year, today);
    let all = evaluate_roll(conn, &roll, &criteria, on, true).await?;
    let (mut qualifying, mut one_short, mut others) = (Vec::new(), Vec::new(), 0);
    for e in all {
        match e.missed() {
            0 => qualifying.push(e),
            1 => one_short.push(e),
            _ => others += 1,
        }
    }
    Ok(OutstandingView { criteria, on, qualifying, one_short, others })
}

/// The criteria in force for a year's school.
pub async fn criteria<C: ConnectionTrait>(conn: &C, actor: &Actor, year_id: i64) -> Result<OutstandingCriteria, AppError> {
    let year = school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_at(conn, actor, Permission::ViewStudents, year.school_id).await?;
    rules_config::value(conn, &OUTSTANDING_CRITERIA, year.school_id, year.starts_on).await
}

/// Sets a school's criteria from the start of a year.
pub async fn set_criteria(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, year_id: i64, c: OutstandingCriteria) -> Result<(), AppError> {
    let year = school_year::Entity::find_by_id(year_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_any_at(db, actor, &RULE_SETTERS, year.school_id).await?;
    rules::criteria_valid(&c).map_err(|field| AppError::invalid(field, ErrorCode::InvalidValue))?;
    let txn = crate::db::begin_write(db).await?;
    rules_config::set(&txn, ctx, &OUTSTANDING_CRITERIA, year.school_id, &c, year.starts_on).await?;
    txn.commit().await?;
    Ok(())
}

/// Proposes students of a year to the source pool with the union's reason,
/// in one transaction; each proposal keeps the criteria as evaluated now.
/// A student already proposed that year is refused.
pub async fn propose(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    year_id: i64,
    student_ids: &[i64],
    reason: &str,
    today: NaiveDate,
) -> Result<u32, AppError> {
    let roll = YearRoll::load(db, actor, Permission::LogEmulation, year_id).await?;
    let reason = crate::names::nfc(reason);
    let mut errors = Vec::new();
    if student_ids.is_empty() {
        errors.push(FieldError::new("students", ErrorCode::Required));
    }
    if reason.is_empty() {
        errors.push(FieldError::new("reason", ErrorCode::Required));
    } else if reason.chars().count() > 1000 {
        errors.push(FieldError::new("reason", ErrorCode::TooLong { max: 1000 }));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if student_ids.iter().any(|id| !roll.students.contains_key(id)) {
        return Err(AppError::NotFound);
    }
    let criteria = rules_config::value(db, &OUTSTANDING_CRITERIA, roll.year.school_id, roll.year.starts_on).await?;
    let on = evaluation_day(&roll.year, today);
    let evaluations: HashMap<i64, Evaluation> =
        evaluate_roll(db, &roll, &criteria, on, true).await?.into_iter().map(|e| (e.student_id, e)).collect();
    if student_ids.iter().any(|id| evaluations[id].proposal.is_some()) {
        return Err(AppError::invalid("students", ErrorCode::AlreadyDone));
    }
    let txn = crate::db::begin_write(db).await?;
    let mut n = 0;
    for id in student_ids {
        let snapshot = serde_json::to_string(&evaluations[id].outcomes).map_err(AppError::internal)?;
        let p = pool_proposal::ActiveModel {
            student_id: Set(*id),
            school_id: Set(roll.year.school_id),
            school_year_id: Set(year_id),
            reason: Set(reason.clone()),
            criteria: Set(snapshot),
            status: Set(status::PROPOSED.to_string()),
            proposed_by: Set(actor.user_id),
            proposed_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            ctx,
            AuditEntry {
                action: "propose",
                entity: "pool_proposal",
                entity_id: Some(p.id.to_string()),
                before: None,
                after: Some(serde_json::json!({ "student_id": id, "year_id": year_id, "missed": evaluations[id].missed() })),
            },
        )
        .await?;
        n += 1;
    }
    txn.commit().await?;
    Ok(n)
}
