//! The annual union classification: suggested for each union member from the
//! school's thresholds on the year's record (approved points, study and
//! conduct), then confirmed — or changed — by an officer.

use super::rules;
use super::YearRoll;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{study_result, union_classification};
use crate::ledger::standing::points_by_student;
use crate::policy::{authorize_any_at, authorize_at, Actor, Permission};
use crate::rules_config::{self, UNION_CLASSIFICATION};
use chrono::Utc;
use nguon_shared::merit::{ClassificationRow, ClassificationThresholds, UNION_LEVELS};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// Who changes a school's union rules: its union officers or its administrators.
pub(crate) const RULE_SETTERS: [Permission; 2] = [Permission::LogEmulation, Permission::ConfigureRules];

/// The year's study and conduct used for a classification: the year's
/// results, else the weakest semester's.
pub(crate) fn year_record(results: &[&study_result::Model]) -> (Option<String>, Option<String>) {
    let year = results.iter().find(|r| r.period == 0);
    let pick = |f: fn(&study_result::Model) -> Option<&String>| {
        year.and_then(|y| f(y).cloned())
            .or_else(|| rules::weakest(results.iter().filter(|r| r.period != 0).filter_map(|r| f(r).map(String::as_str))).map(String::from))
    };
    (pick(|r| r.study.as_ref()), pick(|r| r.conduct.as_ref()))
}

/// The union members of a year (optionally one class) with their record,
/// the suggested level and the confirmed one.
pub async fn rows<C: ConnectionTrait>(conn: &C, actor: &Actor, year_id: i64, class_id: Option<i64>) -> Result<Vec<ClassificationRow>, AppError> {
    let roll = YearRoll::load(conn, actor, Permission::ViewStudents, year_id).await?;
    if class_id.is_some_and(|c| !roll.classes.contains_key(&c)) {
        return Err(AppError::NotFound);
    }
    rows_of(conn, &roll, class_id).await
}

/// The rows of an already authorised roll.
async fn rows_of<C: ConnectionTrait>(conn: &C, roll: &YearRoll, class_id: Option<i64>) -> Result<Vec<ClassificationRow>, AppError> {
    let year_id = roll.year.id;
    let thresholds = rules_config::value(conn, &UNION_CLASSIFICATION, roll.year.school_id, roll.year.starts_on).await?;
    let points = points_by_student(conn, year_id, None, None).await?;
    let results = study_result::Entity::find().filter(study_result::Column::SchoolYearId.eq(year_id)).all(conn).await?;
    let mut by_student: HashMap<i64, Vec<&study_result::Model>> = HashMap::new();
    for r in &results {
        by_student.entry(r.student_id).or_default().push(r);
    }
    let confirmed: HashMap<i64, String> = union_classification::Entity::find()
        .filter(union_classification::Column::SchoolYearId.eq(year_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.student_id, c.level))
        .collect();
    Ok(roll
        .ordered(class_id)
        .into_iter()
        .filter(|id| roll.students[id].union_joined_on.is_some_and(|d| d <= roll.year.ends_on))
        .map(|id| {
            let (study, conduct) = year_record(by_student.get(&id).map(Vec::as_slice).unwrap_or(&[]));
            let p = points.get(&id).copied().unwrap_or(0);
            ClassificationRow {
                student_id: id,
                name: roll.students[&id].person_name().full(),
                class_name: roll.class_name(id),
                points: p,
                suggested: rules::suggest_level(&thresholds, p, study.as_deref(), conduct.as_deref()).to_string(),
                study,
                conduct,
                confirmed: confirmed.get(&id).cloned(),
            }
        })
        .collect())
}

/// Confirms levels (student, level code) for a year, in one transaction,
/// each audited with the suggestion it confirmed or overrode.
pub async fn confirm(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, year_id: i64, levels: &[(i64, String)]) -> Result<u32, AppError> {
    let roll = YearRoll::load(db, actor, Permission::LogEmulation, year_id).await?;
    let current: HashMap<i64, ClassificationRow> = rows_of(db, &roll, None).await?.into_iter().map(|r| (r.student_id, r)).collect();
    let mut errors = Vec::new();
    for (student_id, level) in levels {
        if !roll.students.contains_key(student_id) {
            return Err(AppError::NotFound);
        }
        if !current.contains_key(student_id) || !UNION_LEVELS.contains(&level.as_str()) {
            errors.push(FieldError::new("levels", ErrorCode::InvalidValue));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let stored: HashMap<i64, union_classification::Model> = union_classification::Entity::find()
        .filter(union_classification::Column::SchoolYearId.eq(year_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|c| (c.student_id, c))
        .collect();
    let mut n = 0;
    for (student_id, level) in levels {
        let suggested = current[student_id].suggested.clone();
        let old = stored.get(student_id);
        if old.is_some_and(|o| &o.level == level) {
            continue;
        }
        let before = old.map(|o| serde_json::json!({ "level": o.level, "suggested": o.suggested }));
        let row = match old {
            Some(o) => {
                let mut a: union_classification::ActiveModel = o.clone().into();
                a.level = Set(level.clone());
                a.suggested = Set(suggested.clone());
                a.confirmed_by = Set(actor.user_id);
                a.confirmed_at = Set(Utc::now());
                a.update(&txn).await?
            }
            None => {
                union_classification::ActiveModel {
                    student_id: Set(*student_id),
                    school_year_id: Set(year_id),
                    suggested: Set(suggested.clone()),
                    level: Set(level.clone()),
                    confirmed_by: Set(actor.user_id),
                    confirmed_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
            }
        };
        audit::record(
            &txn,
            ctx,
            AuditEntry {
                action: "confirm",
                entity: "union_classification",
                entity_id: Some(row.id.to_string()),
                before,
                after: Some(serde_json::json!({ "student_id": student_id, "year_id": year_id, "level": level, "suggested": suggested })),
            },
        )
        .await?;
        n += 1;
    }
    txn.commit().await?;
    Ok(n)
}

/// The thresholds in force for a year's school.
pub async fn thresholds<C: ConnectionTrait>(conn: &C, actor: &Actor, year_id: i64) -> Result<ClassificationThresholds, AppError> {
    let roll_year = crate::entities::school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_at(conn, actor, Permission::ViewStudents, roll_year.school_id).await?;
    rules_config::value(conn, &UNION_CLASSIFICATION, roll_year.school_id, roll_year.starts_on).await
}

/// Sets a school's thresholds from the start of a year (and for later years until changed).
pub async fn set_thresholds(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, year_id: i64, t: ClassificationThresholds) -> Result<(), AppError> {
    let year = crate::entities::school_year::Entity::find_by_id(year_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_any_at(db, actor, &RULE_SETTERS, year.school_id).await?;
    let mut errors = Vec::new();
    for (field, level) in [("excellent", &t.excellent), ("good", &t.good), ("complete", &t.complete)] {
        let ok = |g: &Option<String>| g.as_deref().is_none_or(|g| rules::grade_rank(g).is_some());
        if !ok(&level.min_study) || !ok(&level.min_conduct) {
            errors.push(FieldError::new(field, ErrorCode::InvalidValue));
        }
    }
    // A better level cannot ask for fewer points than a lesser one.
    if t.excellent.min_points < t.good.min_points {
        errors.push(FieldError::new("excellent_points", ErrorCode::InvalidValue));
    }
    if t.good.min_points < t.complete.min_points {
        errors.push(FieldError::new("good_points", ErrorCode::InvalidValue));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    rules_config::set(&txn, ctx, &UNION_CLASSIFICATION, year.school_id, &t, year.starts_on).await?;
    txn.commit().await?;
    Ok(())
}
