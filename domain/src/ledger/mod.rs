//! The Youth Union emulation ledger (domain.md §4): activity catalogues per
//! school year, logging for one student or a whole class in one
//! transaction (idempotent by request key), approval by a second officer
//! (configurable per school), corrections by reversing entries only, and
//! per-student totals kept equal to the sum of approved entries.

pub mod reads;
pub mod rules;
pub mod standing;

pub use reads::{review_queue, student_entries};

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{
    activity, activity_category, activity_level, enrolment, ledger_batch, ledger_entry, school_year, semester,
    student_total,
};
use crate::policy::{authorize_at, Actor, Permission};
use crate::rules_config::{self, LEDGER_APPROVAL_REQUIRED};
use chrono::{NaiveDate, Utc};
use nguon_shared::ledger::{ActivityView, LogResult};
use nguon_shared::{AppError, ErrorCode, FieldError};
use rules::PointsRule;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::{HashMap, HashSet};

/// Most students in one batch (a class is 35–45).
pub const MAX_BATCH: usize = 60;

/// Entry statuses.
pub mod status {
    /// Waiting for a second officer.
    pub const PENDING: &str = "pending";
    /// Counts in totals.
    pub const APPROVED: &str = "approved";
    /// Refused by a reviewer; never counts.
    pub const REJECTED: &str = "rejected";
}

fn text(field: &str, raw: &str, max: usize, required: bool, errors: &mut Vec<FieldError>) -> Option<String> {
    let t = crate::names::nfc(raw);
    if t.is_empty() {
        if required {
            errors.push(FieldError::new(field, ErrorCode::Required));
        }
        None
    } else if t.chars().count() > max {
        errors.push(FieldError::new(field, ErrorCode::TooLong { max: max as u32 }));
        None
    } else {
        Some(t)
    }
}

/// Adds a category to a school's list; returns its id.
pub async fn create_category(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, school_id: i64, name: &str) -> Result<i64, AppError> {
    authorize_at(db, actor, Permission::LogEmulation, school_id).await?;
    let mut errors = Vec::new();
    let name = text("name", name, 100, true, &mut errors);
    let Some(name) = name else { return Err(AppError::Invalid(errors)) };
    let txn = crate::db::begin_write(db).await?;
    let existing = activity_category::Entity::find().filter(activity_category::Column::SchoolId.eq(school_id)).all(&txn).await?;
    if existing.iter().any(|c| crate::names::fold(&c.name) == crate::names::fold(&name)) {
        return Err(AppError::invalid("name", ErrorCode::InvalidValue));
    }
    let c = activity_category::ActiveModel {
        school_id: Set(school_id),
        name: Set(name.clone()),
        sort_order: Set(existing.len() as i32 + 1),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, ctx, AuditEntry::created("activity_category", c.id, serde_json::json!({ "school_id": school_id, "name": name })))
        .await?;
    txn.commit().await?;
    Ok(c.id)
}

/// The categories of a school year's school, in their order.
pub async fn categories<C: ConnectionTrait>(conn: &C, actor: &Actor, year_id: i64) -> Result<Vec<(i64, String)>, AppError> {
    let year = school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_at(conn, actor, Permission::ViewStudents, year.school_id).await?;
    Ok(activity_category::Entity::find()
        .filter(activity_category::Column::SchoolId.eq(year.school_id))
        .order_by_asc(activity_category::Column::SortOrder)
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}

/// The school of a school year, for callers that then authorise on it.
pub async fn school_of_year<C: ConnectionTrait>(conn: &C, year_id: i64) -> Result<i64, AppError> {
    Ok(school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?.school_id)
}

/// The points rule of a new activity, as the form gives it.
#[derive(Clone, Debug)]
pub enum RuleInput {
    /// Same points for everyone.
    Fixed(i32),
    /// Points taken away.
    Deduction(i32),
    /// Points by level: (label, points).
    ByLevel(Vec<(String, i32)>),
}

/// A new activity.
#[derive(Clone, Debug)]
pub struct NewActivity {
    /// The school year (its school is the activity's).
    pub school_year_id: i64,
    /// The category (of the same school).
    pub category_id: i64,
    /// Name.
    pub name: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day, for a period.
    pub ends_on: Option<NaiveDate>,
    /// Who runs it.
    pub organiser: String,
    /// Its points rule.
    pub rule: RuleInput,
}

/// Adds an activity (with its levels) to a school year's catalogue.
pub async fn create_activity(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: NewActivity) -> Result<i64, AppError> {
    let year = school_year::Entity::find_by_id(input.school_year_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::LogEmulation, year.school_id).await?;
    let mut errors = Vec::new();
    let name = text("name", &input.name, 200, true, &mut errors);
    let organiser = text("organiser", &input.organiser, 200, false, &mut errors);
    let category = activity_category::Entity::find_by_id(input.category_id).one(db).await?;
    if category.is_none_or(|c| c.school_id != year.school_id) {
        errors.push(FieldError::new("category", ErrorCode::InvalidValue));
    }
    if input.starts_on < year.starts_on || input.starts_on > year.ends_on {
        errors.push(FieldError::new("starts_on", ErrorCode::OutOfPeriod));
    }
    if input.ends_on.is_some_and(|e| e < input.starts_on || e > year.ends_on) {
        errors.push(FieldError::new("ends_on", ErrorCode::OutOfPeriod));
    }
    let (kind, points, levels) = match &input.rule {
        RuleInput::Fixed(p) if (1..=1000).contains(p) => ("fixed", *p, Vec::new()),
        RuleInput::Deduction(p) if (1..=1000).contains(&p.abs()) => ("deduction", p.abs(), Vec::new()),
        RuleInput::ByLevel(levels) if !levels.is_empty() && levels.len() <= 20 => {
            let mut clean = Vec::new();
            for (label, p) in levels {
                match text("levels", label, 100, true, &mut errors) {
                    Some(l) if (1..=1000).contains(p) => clean.push((l, *p)),
                    _ => errors.push(FieldError::new("levels", ErrorCode::InvalidValue)),
                }
            }
            ("by_level", 0, clean)
        }
        _ => {
            errors.push(FieldError::new("points", ErrorCode::InvalidValue));
            ("fixed", 0, Vec::new())
        }
    };
    if !errors.is_empty() {
        errors.dedup();
        return Err(AppError::Invalid(errors));
    }
    let name = name.expect("checked");
    let txn = crate::db::begin_write(db).await?;
    let a = activity::ActiveModel {
        school_id: Set(year.school_id),
        school_year_id: Set(year.id),
        category_id: Set(input.category_id),
        name: Set(name.clone()),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        organiser: Set(organiser),
        rule_kind: Set(kind.to_string()),
        points: Set(points),
        created_by: Set(Some(actor.user_id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (i, (label, p)) in levels.iter().enumerate() {
        activity_level::ActiveModel { activity_id: Set(a.id), label: Set(label.clone()), points: Set(*p), sort_order: Set(i as i32 + 1), ..Default::default() }
            .insert(&txn)
            .await?;
    }
    audit::record(
        &txn,
        ctx,
        AuditEntry::created("activity", a.id, serde_json::json!({ "school_year_id": year.id, "name": name, "rule": kind, "points": points, "levels": levels })),
    )
    .await?;
    txn.commit().await?;
    Ok(a.id)
}

/// Copies last year's catalogue into a new school year of the same school,
/// moving each activity's dates by the gap between the two years' starts
/// (activities that would fall outside the new year are skipped). Returns
/// how many were copied.
pub async fn copy_catalogue(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, from_year: i64, to_year: i64) -> Result<u32, AppError> {
    let txn = crate::db::begin_write(db).await?;
    let from = school_year::Entity::find_by_id(from_year).one(&txn).await?.ok_or(AppError::NotFound)?;
    authorize_at(&txn, actor, Permission::LogEmulation, from.school_id).await?;
    let to = school_year::Entity::find_by_id(to_year).one(&txn).await?;
    let to = match to {
        Some(t) if t.school_id == from.school_id && t.id != from.id => t,
        _ => return Err(AppError::invalid("to_year", ErrorCode::InvalidValue)),
    };
    let shift = to.starts_on - from.starts_on;
    let mut copied = 0;
    for a in activity::Entity::find().filter(activity::Column::SchoolYearId.eq(from.id)).order_by_asc(activity::Column::Id).all(&txn).await? {
        let starts = a.starts_on + shift;
        let ends = a.ends_on.map(|e| e + shift);
        if starts < to.starts_on || starts > to.ends_on || ends.is_some_and(|e| e > to.ends_on) {
            continue;
        }
        let levels = activity_level::Entity::find().filter(activity_level::Column::ActivityId.eq(a.id)).all(&txn).await?;
        let new = activity::ActiveModel {
            id: sea_orm::NotSet,
            school_year_id: Set(to.id),
            starts_on: Set(starts),
            ends_on: Set(ends),
            created_by: Set(Some(actor.user_id)),
            created_at: Set(Utc::now()),
            ..a.into()
        }
        .insert(&txn)
        .await?;
        for l in levels {
            activity_level::ActiveModel { id: sea_orm::NotSet, activity_id: Set(new.id), ..l.into() }.insert(&txn).await?;
        }
        copied += 1;
    }
    audit::record(&txn, ctx, AuditEntry { action: "copy_catalogue", entity: "school_year", entity_id: Some(to.id.to_string()), before: None, after: Some(serde_json::json!({ "from_year": from.id, "activities": copied })) })
        .await?;
    txn.commit().await?;
    Ok(copied)
}

fn rule_of(a: &activity::Model, levels: &[activity_level::Model]) -> PointsRule {
    match a.rule_kind.as_str() {
        "by_level" => PointsRule::ByLevel(levels.iter().map(|l| (l.id, l.points)).collect()),
        "deduction" => PointsRule::Deduction(a.points),
        _ => PointsRule::Fixed(a.points),
    }
}

/// A school year's catalogue.
pub async fn catalogue<C: ConnectionTrait>(conn: &C, actor: &Actor, year_id: i64) -> Result<Vec<ActivityView>, AppError> {
    let year = school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_at(conn, actor, Permission::ViewStudents, year.school_id).await?;
    let categories: HashMap<i64, String> = activity_category::Entity::find()
        .filter(activity_category::Column::SchoolId.eq(year.school_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let acts = activity::Entity::find().filter(activity::Column::SchoolYearId.eq(year.id)).order_by_asc(activity::Column::StartsOn).all(conn).await?;
    let ids: Vec<i64> = acts.iter().map(|a| a.id).collect();
    let levels = activity_level::Entity::find().filter(activity_level::Column::ActivityId.is_in(ids)).order_by_asc(activity_level::Column::SortOrder).all(conn).await?;
    Ok(acts
        .into_iter()
        .map(|a| ActivityView {
            levels: levels.iter().filter(|l| l.activity_id == a.id).map(|l| (l.id, l.label.clone(), l.points)).collect(),
            id: a.id,
            category: categories.get(&a.category_id).cloned().unwrap_or_default(),
            points: if a.rule_kind == "deduction" { -a.points } else { a.points },
            name: a.name,
            starts_on: a.starts_on,
            ends_on: a.ends_on,
            organiser: a.organiser,
            rule_kind: a.rule_kind,
        })
        .collect())
}

/// One logging action, as the form gives it.
#[derive(Clone, Debug)]
pub struct LogInput {
    /// Unique key of the form instance (a double submit repeats it).
    pub request_key: String,
    /// The activity.
    pub activity_id: i64,
    /// The level, for levelled activities.
    pub level_id: Option<i64>,
    /// The students (one, or the ticked ones of a class).
    pub student_ids: Vec<i64>,
    /// The day it happened.
    pub occurred_on: NaiveDate,
    /// Evidence note.
    pub evidence: String,
    /// The officer confirmed logging again what is already logged for
    /// some of these students on that day (a second time the same day).
    pub repeat: bool,
}

async fn semester_of<C: ConnectionTrait>(conn: &C, year_id: i64, on: NaiveDate) -> Result<i16, AppError> {
    let sems = semester::Entity::find().filter(semester::Column::SchoolYearId.eq(year_id)).all(conn).await?;
    Ok(sems.iter().find(|s| s.starts_on <= on && on <= s.ends_on).map(|s| s.number).unwrap_or(0))
}

/// Adds an approved entry's points to its student's total bucket.
async fn add_to_totals<C: ConnectionTrait>(conn: &C, e: &ledger_entry::Model) -> Result<(), AppError> {
    let a = activity::Entity::find_by_id(e.activity_id).one(conn).await?.ok_or_else(|| AppError::internal("entry without activity"))?;
    let sem = semester_of(conn, e.school_year_id, e.occurred_on).await?;
    let bucket = student_total::Entity::find()
        .filter(student_total::Column::StudentId.eq(e.student_id))
        .filter(student_total::Column::SchoolYearId.eq(e.school_year_id))
        .filter(student_total::Column::Semester.eq(sem))
        .filter(student_total::Column::CategoryId.eq(a.category_id))
        .one(conn)
        .await?;
    match bucket {
        Some(b) => {
            let points = b.points + i64::from(e.points);
            let mut active: student_total::ActiveModel = b.into();
            active.points = Set(points);
            active.update(conn).await?;
        }
        None => {
            student_total::ActiveModel {
                student_id: Set(e.student_id),
                school_year_id: Set(e.school_year_id),
                semester: Set(sem),
                category_id: Set(a.category_id),
                points: Set(i64::from(e.points)),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

/// Whether the activity already counts (logged, not rejected, not reversed)
/// for some of `students` on that day: how many of them, and who logged it.
async fn already_logged<C: ConnectionTrait>(conn: &C, activity_id: i64, on: NaiveDate, students: &HashSet<i64>) -> Result<Option<ErrorCode>, AppError> {
    let earlier = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::ActivityId.eq(activity_id))
        .filter(ledger_entry::Column::OccurredOn.eq(on))
        .filter(ledger_entry::Column::StudentId.is_in(students.iter().copied()))
        .filter(ledger_entry::Column::Status.ne(status::REJECTED))
        .filter(ledger_entry::Column::ReversesId.is_null())
        .all(conn)
        .await?;
    if earlier.is_empty() {
        return Ok(None);
    }
    let reversed: HashSet<i64> = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::ReversesId.is_in(earlier.iter().map(|e| e.id)))
        .filter(ledger_entry::Column::Status.ne(status::REJECTED))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|e| e.reverses_id)
        .collect();
    let counting: Vec<&ledger_entry::Model> = earlier.iter().filter(|e| !reversed.contains(&e.id)).collect();
    if counting.is_empty() {
        return Ok(None);
    }
    let who: HashSet<i64> = counting.iter().map(|e| e.logged_by).collect();
    let mut by: Vec<String> = crate::entities::user::Entity::find().filter(crate::entities::user::Column::Id.is_in(who)).all(conn).await?.into_iter().map(|u| u.username).collect();
    by.sort();
    let students = counting.iter().map(|e| e.student_id).collect::<HashSet<_>>().len() as u32;
    Ok(Some(ErrorCode::AlreadyLogged { students, by: by.join(", ") }))
}

/// Logs an activity for one or more students of the activity's school, in
/// one transaction. Entries wait for a second officer unless the school's
/// rule says otherwise. Repeating a request key returns the first batch
/// and writes nothing.
pub async fn log_batch(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: LogInput) -> Result<LogResult, AppError> {
    let key = input.request_key.trim().to_string();
    if key.is_empty() || key.len() > 64 {
        return Err(AppError::invalid("request_key", ErrorCode::InvalidValue));
    }
    let txn = crate::db::begin_write(db).await?;
    let a = activity::Entity::find_by_id(input.activity_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    authorize_at(&txn, actor, Permission::LogEmulation, a.school_id).await?;
    if let Some(batch) = ledger_batch::Entity::find().filter(ledger_batch::Column::RequestKey.eq(key.as_str())).one(&txn).await? {
        if batch.logged_by != actor.user_id {
            return Err(AppError::invalid("request_key", ErrorCode::InvalidValue));
        }
        let first = ledger_entry::Entity::find().filter(ledger_entry::Column::BatchId.eq(batch.id)).one(&txn).await?;
        return Ok(LogResult {
            batch_id: batch.id,
            entries: batch.entries as u32,
            approved: first.is_some_and(|e| e.status == status::APPROVED),
            repeated: true,
        });
    }
    let year = school_year::Entity::find_by_id(a.school_year_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let levels = activity_level::Entity::find().filter(activity_level::Column::ActivityId.eq(a.id)).all(&txn).await?;
    let mut errors = Vec::new();
    let points = match rule_of(&a, &levels).points_for(input.level_id) {
        Ok(p) => p,
        Err(code) => {
            errors.push(FieldError::new("level", code));
            0
        }
    };
    let last_day = a.ends_on.unwrap_or(year.ends_on);
    if input.occurred_on < a.starts_on || input.occurred_on > last_day {
        errors.push(FieldError::new("occurred_on", ErrorCode::OutsideDates { from: a.starts_on, to: last_day }));
    }
    let evidence = text("evidence", &input.evidence, 1000, false, &mut errors);
    let unique: HashSet<i64> = input.student_ids.iter().copied().collect();
    if input.student_ids.is_empty() {
        errors.push(FieldError::new("students", ErrorCode::Required));
    } else if input.student_ids.len() > MAX_BATCH || unique.len() != input.student_ids.len() {
        errors.push(FieldError::new("students", ErrorCode::InvalidValue));
    }
    // Every student must be of this school and placed in a class that year.
    let placed: HashSet<i64> = enrolment::Entity::find()
        .filter(enrolment::Column::SchoolYearId.eq(year.id))
        .filter(enrolment::Column::StudentId.is_in(unique.iter().copied()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|e| e.student_id)
        .collect();
    if placed.len() != unique.len() {
        errors.push(FieldError::new("students", ErrorCode::InvalidValue));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if !input.repeat {
        if let Some(code) = already_logged(&txn, a.id, input.occurred_on, &unique).await? {
            return Err(AppError::invalid("repeat", code));
        }
    }
    let approval = rules_config::value(&txn, &LEDGER_APPROVAL_REQUIRED, a.school_id, input.occurred_on).await?;
    let now = Utc::now();
    let batch = ledger_batch::ActiveModel {
        school_id: Set(a.school_id),
        activity_id: Set(a.id),
        request_key: Set(key),
        logged_by: Set(actor.user_id),
        logged_at: Set(now),
        evidence: Set(evidence.clone()),
        entries: Set(input.student_ids.len() as i32),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for student_id in &input.student_ids {
        let e = ledger_entry::ActiveModel {
            school_id: Set(a.school_id),
            school_year_id: Set(year.id),
            student_id: Set(*student_id),
            activity_id: Set(a.id),
            level_id: Set(input.level_id),
            batch_id: Set(Some(batch.id)),
            points: Set(points),
            occurred_on: Set(input.occurred_on),
            evidence: Set(evidence.clone()),
            status: Set(if approval { status::PENDING } else { status::APPROVED }.to_string()),
            logged_by: Set(actor.user_id),
            logged_at: Set(now),
            reviewed_by: Set((!approval).then_some(actor.user_id)),
            reviewed_at: Set((!approval).then_some(now)),
            reverses_id: Set(None),
            reason: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        if !approval {
            add_to_totals(&txn, &e).await?;
        }
    }
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "log",
            entity: "ledger_batch",
            entity_id: Some(batch.id.to_string()),
            before: None,
            after: Some(serde_json::json!({
                "activity_id": a.id, "level_id": input.level_id, "points": points, "students": input.student_ids,
                "occurred_on": input.occurred_on.to_string(), "approved": !approval,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(LogResult { batch_id: batch.id, entries: input.student_ids.len() as u32, approved: !approval, repeated: false })
}

/// Approves (`approve = true`) or rejects pending entries, all or nothing.
/// Reviewers need the logging right at the entries' school and never review
/// their own entries. A rejection needs a reason.
pub async fn review(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    entry_ids: &[i64],
    approve: bool,
    reason: &str,
) -> Result<u32, AppError> {
    if entry_ids.is_empty() || entry_ids.len() > 500 {
        return Err(AppError::invalid("entries", ErrorCode::InvalidValue));
    }
    let mut errors = Vec::new();
    let reason = text("reason", reason, 500, !approve, &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let entries = ledger_entry::Entity::find().filter(ledger_entry::Column::Id.is_in(entry_ids.iter().copied())).all(&txn).await?;
    if entries.len() != entry_ids.iter().collect::<HashSet<_>>().len() {
        return Err(AppError::NotFound);
    }
    for school in entries.iter().map(|e| e.school_id).collect::<HashSet<_>>() {
        authorize_at(&txn, actor, Permission::LogEmulation, school).await?;
    }
    if entries.iter().any(|e| e.logged_by == actor.user_id) {
        return Err(AppError::invalid("entries", ErrorCode::OwnEntry));
    }
    if entries.iter().any(|e| e.status != status::PENDING) {
        return Err(AppError::invalid("entries", ErrorCode::AlreadyDone));
    }
    let now = Utc::now();
    let decided = if approve { status::APPROVED } else { status::REJECTED };
    // Only entries still pending change: a second reviewer deciding the same
    // entries at the same moment (another instance, another tab) changes none
    // and is told so, instead of counting the points twice.
    let mut update = ledger_entry::Entity::update_many()
        .col_expr(ledger_entry::Column::Status, Expr::value(decided))
        .col_expr(ledger_entry::Column::ReviewedBy, Expr::value(actor.user_id))
        .col_expr(ledger_entry::Column::ReviewedAt, Expr::value(now));
    if !approve {
        update = update.col_expr(ledger_entry::Column::Reason, Expr::value(reason.clone()));
    }
    let changed = update
        .filter(ledger_entry::Column::Id.is_in(entries.iter().map(|e| e.id)))
        .filter(ledger_entry::Column::Status.eq(status::PENDING))
        .exec(&txn)
        .await?
        .rows_affected;
    if changed != entries.len() as u64 {
        return Err(AppError::Conflict);
    }
    for e in entries {
        let id = e.id;
        let saved = ledger_entry::Model {
            status: decided.to_string(),
            reviewed_by: Some(actor.user_id),
            reviewed_at: Some(now),
            reason: if approve { e.reason.clone() } else { reason.clone() },
            ..e
        };
        if approve {
            add_to_totals(&txn, &saved).await?;
        }
        audit::record(
            &txn,
            ctx,
            AuditEntry {
                action: if approve { "approve" } else { "reject" },
                entity: "ledger_entry",
                entity_id: Some(id.to_string()),
                before: Some(serde_json::json!({ "status": status::PENDING })),
                after: Some(serde_json::json!({ "status": saved.status, "reason": saved.reason })),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(entry_ids.len() as u32)
}

/// Corrects an approved entry by a reversing entry (opposite points, with a
/// reason), which goes through approval like any other. An entry is
/// reversed at most once; reversals are not themselves reversed.
pub async fn reverse(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, entry_id: i64, reason: &str) -> Result<i64, AppError> {
    let mut errors = Vec::new();
    let reason = text("reason", reason, 500, true, &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let original = ledger_entry::Entity::find_by_id(entry_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    authorize_at(&txn, actor, Permission::LogEmulation, original.school_id).await?;
    let reversed = ledger_entry::Entity::find().filter(ledger_entry::Column::ReversesId.eq(entry_id)).one(&txn).await?;
    if original.status != status::APPROVED || original.reverses_id.is_some() || reversed.is_some() {
        return Err(AppError::invalid("entry", ErrorCode::AlreadyDone));
    }
    let approval = rules_config::value(&txn, &LEDGER_APPROVAL_REQUIRED, original.school_id, original.occurred_on).await?;
    let now = Utc::now();
    let e = ledger_entry::ActiveModel {
        school_id: Set(original.school_id),
        school_year_id: Set(original.school_year_id),
        student_id: Set(original.student_id),
        activity_id: Set(original.activity_id),
        level_id: Set(original.level_id),
        batch_id: Set(None),
        points: Set(-original.points),
        // Same day, so the correction lands in the same semester's total.
        occurred_on: Set(original.occurred_on),
        evidence: Set(None),
        status: Set(if approval { status::PENDING } else { status::APPROVED }.to_string()),
        logged_by: Set(actor.user_id),
        logged_at: Set(now),
        reviewed_by: Set((!approval).then_some(actor.user_id)),
        reviewed_at: Set((!approval).then_some(now)),
        reverses_id: Set(Some(entry_id)),
        reason: Set(reason.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if !approval {
        add_to_totals(&txn, &e).await?;
    }
    audit::record(&txn, ctx, AuditEntry { action: "reverse", entity: "ledger_entry", entity_id: Some(e.id.to_string()), before: None, after: Some(serde_json::json!({ "reverses": entry_id, "points": e.points, "reason": reason })) })
        .await?;
    txn.commit().await?;
    Ok(e.id)
}
