//! What a school's Party cell keeps for its follow-up: the schedule of
//! mentors' assessments and the flags' thresholds (`pipeline.watch`), and
//! the holiday calendar (Vietnamese defaults, changed by recorded days off
//! or days made working, e.g. the government's yearly schedule).

use super::calendar::default_holidays;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::holiday;
use crate::policy::{authorize_at, unit_chain, Actor, Permission};
use crate::rules_config::{self, WATCH};
use chrono::{Datelike, NaiveDate, Utc};
use nguon_shared::mentoring::{HolidayView, WatchRules};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait, QueryFilter, Set, TransactionTrait};
use std::collections::BTreeMap;

/// The school's follow-up rule in force today.
pub async fn watch<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64, today: NaiveDate) -> Result<WatchRules, AppError> {
    authorize_at(conn, actor, Permission::ManagePipeline, school_id).await?;
    rules_config::value(conn, &WATCH, school_id, today).await
}

/// Validates the follow-up numbers (each within a sensible range).
pub fn validate_watch(w: &WatchRules) -> Vec<FieldError> {
    let ranges = [
        ("assessment_every_months", w.assessment_every_months, 1, 12),
        ("assessment_silence_days", w.assessment_silence_days, 7, 365),
        ("certificate_warning_days", w.certificate_warning_days, 0, 365),
        ("biography_rewrites", w.biography_rewrites, 1, 20),
        ("task_horizon_days", w.task_horizon_days, 1, 90),
    ];
    ranges.into_iter().filter(|(_, v, lo, hi)| !(lo..=hi).contains(&v)).map(|(f, ..)| FieldError::new(f, ErrorCode::InvalidValue)).collect()
}

/// Sets the school's follow-up rule from a day.
pub async fn set_watch(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, school_id: i64, w: WatchRules, valid_from: NaiveDate) -> Result<(), AppError> {
    authorize_at(db, actor, Permission::ManagePipeline, school_id).await?;
    let errors = validate_watch(&w);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = db.begin().await?;
    rules_config::set(&txn, ctx, &WATCH, school_id, &w, valid_from).await?;
    txn.commit().await?;
    Ok(())
}

/// The days off of a year at a school: defaults and recorded changes, by day.
pub async fn holidays<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64, year: i32) -> Result<Vec<HolidayView>, AppError> {
    authorize_at(conn, actor, Permission::ManagePipeline, school_id).await?;
    let mut days: BTreeMap<NaiveDate, HolidayView> =
        default_holidays(year).into_iter().map(|day| (day, HolidayView { day, name: None, off: true, change_id: None })).collect();
    let chain = unit_chain(conn, school_id).await?;
    // Nearer units last, so the school's own change wins over one above it.
    let mut changes = holiday::Entity::find().filter(holiday::Column::UnitId.is_in(chain.clone())).all(conn).await?;
    changes.retain(|h| h.day.year() == year);
    changes.sort_by_key(|h| std::cmp::Reverse(chain.iter().position(|u| *u == h.unit_id)));
    for h in changes {
        days.insert(h.day, HolidayView { day: h.day, name: Some(h.name), off: h.off, change_id: (h.unit_id == school_id).then_some(h.id) });
    }
    Ok(days.into_values().collect())
}

/// Records a change at the school: a day off added (`off`) or a default holiday made a working day.
pub async fn set_holiday(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, school_id: i64, day: NaiveDate, name: &str, off: bool, today: NaiveDate) -> Result<i64, AppError> {
    authorize_at(db, actor, Permission::ManagePipeline, school_id).await?;
    let name = crate::names::nfc(name);
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(FieldError::new("name", ErrorCode::Required));
    } else if name.chars().count() > 120 {
        errors.push(FieldError::new("name", ErrorCode::TooLong { max: 120 }));
    }
    if (day.year() - today.year()).abs() > 5 {
        errors.push(FieldError::new("day", ErrorCode::OutOfPeriod));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = db.begin().await?;
    let existing = holiday::Entity::find().filter(holiday::Column::UnitId.eq(school_id)).filter(holiday::Column::Day.eq(day)).one(&txn).await?;
    if existing.is_some() {
        return Err(AppError::invalid("day", ErrorCode::AlreadyDone));
    }
    let row = holiday::ActiveModel { unit_id: Set(school_id), day: Set(day), name: Set(name.clone()), off: Set(off), set_by: Set(actor.user_id), set_at: Set(Utc::now()), ..Default::default() }
        .insert(&txn)
        .await?;
    audit::record(&txn, ctx, AuditEntry { action: "create", entity: "holiday", entity_id: Some(row.id.to_string()), before: None, after: Some(serde_json::json!({ "unit_id": school_id, "day": day.to_string(), "name": name, "off": off })) })
        .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Removes a change recorded at a school (the default applies again).
pub async fn remove_holiday(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, change_id: i64) -> Result<(), AppError> {
    let h = holiday::Entity::find_by_id(change_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ManagePipeline, h.unit_id).await?;
    let txn = db.begin().await?;
    audit::record(&txn, ctx, AuditEntry { action: "delete", entity: "holiday", entity_id: Some(h.id.to_string()), before: Some(serde_json::json!({ "unit_id": h.unit_id, "day": h.day.to_string(), "name": h.name, "off": h.off })), after: None })
        .await?;
    h.delete(&txn).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_numbers_stay_in_range() {
        assert!(validate_watch(&WatchRules::default()).is_empty());
        let bad = WatchRules { assessment_every_months: 0, task_horizon_days: 400, ..WatchRules::default() };
        let fields: Vec<String> = validate_watch(&bad).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["assessment_every_months", "task_horizon_days"]);
    }
}
