//! What a school's Party cell keeps for its follow-up: the schedule of
//! mentors' assessments and the flags' thresholds (`pipeline.watch`), and
//! the holiday calendar (Vietnamese defaults, changed by recorded days off
//! or days made working, e.g. the government's yearly schedule); and, for
//! administrators, the admission procedure's numbers per deciding scope.

use super::calendar::named_default_holidays;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{holiday, org_unit};
use crate::policy::{authorize_at, unit_chain, Actor, Permission};
use crate::rules_config::{self, GRASSROOTS_COMMITTEE, PIPELINE, WATCH};
use nguon_shared::pipeline::{PipelineRules, ProcedureView};
use nguon_shared::views::UnitOption;
use chrono::{Datelike, NaiveDate, Utc};
use nguon_shared::mentoring::{HolidayView, WatchRules};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait, QueryFilter, Set};
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
    out_of_range(&ranges)
}

/// The fields whose value lies outside its inclusive range.
fn out_of_range(ranges: &[(&str, u32, u32, u32)]) -> Vec<FieldError> {
    ranges.iter().filter(|(_, v, lo, hi)| !(lo..=hi).contains(&v)).map(|(f, ..)| FieldError::new(f, ErrorCode::InvalidValue)).collect()
}

/// Sets the school's follow-up rule from a day.
pub async fn set_watch(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, school_id: i64, w: WatchRules, valid_from: NaiveDate) -> Result<(), AppError> {
    authorize_at(db, actor, Permission::ManagePipeline, school_id).await?;
    let errors = validate_watch(&w);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    rules_config::set(&txn, ctx, &WATCH, school_id, &w, valid_from).await?;
    txn.commit().await?;
    Ok(())
}

/// The days off of a year at a school: defaults and recorded changes, by day.
pub async fn holidays<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64, year: i32) -> Result<Vec<HolidayView>, AppError> {
    authorize_at(conn, actor, Permission::ManagePipeline, school_id).await?;
    let mut days: BTreeMap<NaiveDate, HolidayView> =
        named_default_holidays(year).into_iter().map(|(day, kind)| (day, HolidayView { day, kind: Some(kind), name: None, off: true, change_id: None })).collect();
    for h in holiday_changes(conn, school_id).await?.into_iter().filter(|h| h.day.year() == year) {
        days.insert(h.day, HolidayView { day: h.day, kind: None, name: Some(h.name), off: h.off, change_id: (h.unit_id == school_id).then_some(h.id) });
    }
    Ok(days.into_values().collect())
}

/// The holiday changes recorded for a school and the units above it, nearer
/// units last, so that applying them in order lets the school's own change win.
pub(crate) async fn holiday_changes<C: ConnectionTrait>(conn: &C, school_id: i64) -> Result<Vec<holiday::Model>, AppError> {
    let chain = unit_chain(conn, school_id).await?;
    let mut changes = holiday::Entity::find().filter(holiday::Column::UnitId.is_in(chain.clone())).all(conn).await?;
    changes.sort_by_key(|h| std::cmp::Reverse(chain.iter().position(|u| *u == h.unit_id)));
    Ok(changes)
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
    let txn = crate::db::begin_write(db).await?;
    let existing = holiday::Entity::find().filter(holiday::Column::UnitId.eq(school_id)).filter(holiday::Column::Day.eq(day)).one(&txn).await?;
    if existing.is_some() {
        return Err(AppError::invalid("day", ErrorCode::AlreadyDone));
    }
    let row = holiday::ActiveModel { unit_id: Set(school_id), day: Set(day), name: Set(name.clone()), off: Set(off), set_by: Set(actor.user_id), set_at: Set(Utc::now()), ..Default::default() }
        .insert(&txn)
        .await?;
    audit::record(&txn, ctx, AuditEntry::created("holiday", row.id, serde_json::json!({ "unit_id": school_id, "day": day.to_string(), "name": name, "off": off })))
        .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Removes a change recorded at a school (the default applies again).
pub async fn remove_holiday(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, change_id: i64) -> Result<(), AppError> {
    let h = holiday::Entity::find_by_id(change_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ManagePipeline, h.unit_id).await?;
    let txn = crate::db::begin_write(db).await?;
    audit::record(&txn, ctx, AuditEntry { action: "delete", entity: "holiday", entity_id: Some(h.id.to_string()), before: Some(serde_json::json!({ "unit_id": h.unit_id, "day": h.day.to_string(), "name": h.name, "off": h.off })), after: None })
        .await?;
    h.delete(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Units where rules of the admission procedure are set (deciding scopes and schools).
const RULE_UNIT_KINDS: [&str; 4] = ["province", "commune", "party_committee", "school"];

/// The units whose procedure rules the actor may set (administrators, in their scope).
pub async fn rule_units<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<UnitOption>, AppError> {
    let mut out = Vec::new();
    for u in org_unit::Entity::find().filter(org_unit::Column::Kind.is_in(RULE_UNIT_KINDS)).all(conn).await? {
        if authorize_at(conn, actor, Permission::ConfigureRules, u.id).await.is_ok() {
            out.push(UnitOption { id: u.id, name: u.name, kind: u.kind });
        }
    }
    out.sort_by(|a, b| crate::names::compare_text(&a.name, &b.name));
    Ok(out)
}

/// The procedure's rules in force at a unit on a day.
pub async fn procedure<C: ConnectionTrait>(conn: &C, actor: &Actor, unit_id: i64, on: NaiveDate) -> Result<ProcedureView, AppError> {
    authorize_at(conn, actor, Permission::ConfigureRules, unit_id).await?;
    Ok(ProcedureView { rules: rules_config::value(conn, &PIPELINE, unit_id, on).await?, committee: rules_config::value(conn, &GRASSROOTS_COMMITTEE, unit_id, on).await? })
}

/// Validates the procedure's numbers (each within a range no reading of the Charter leaves).
pub fn validate_procedure(r: &PipelineRules) -> Vec<FieldError> {
    let ranges = [
        ("min_age", r.min_age, 16, 30),
        ("certificate_months", r.certificate_months, 1, 120),
        ("document_months", r.document_months, 1, 60),
        ("vote_numerator", r.vote_numerator, 1, 10),
        ("vote_denominator", r.vote_denominator, 1, 10),
        ("introducer_months", r.introducer_months, 0, 60),
        ("youth_max_age", r.youth_max_age, 18, 35),
        ("decision_working_days", r.decision_working_days, 1, 365),
        ("ceremony_working_days", r.ceremony_working_days, 1, 365),
        ("probation_months", r.probation_months, 1, 36),
        ("recognition_working_days", r.recognition_working_days, 1, 365),
    ];
    let mut out = out_of_range(&ranges);
    if r.vote_numerator > r.vote_denominator {
        out.push(FieldError::new("vote_numerator", ErrorCode::InvalidValue));
    }
    if r.required_documents.iter().any(|d| d == "verification" || !nguon_shared::pipeline::DOCUMENT_KINDS.contains(&d.as_str())) {
        out.push(FieldError::new("documents", ErrorCode::InvalidValue));
    }
    out
}

/// Sets the procedure's rules at a unit from a day (both rules in one transaction, audited).
pub async fn set_procedure(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, unit_id: i64, view: ProcedureView, valid_from: NaiveDate) -> Result<(), AppError> {
    authorize_at(db, actor, Permission::ConfigureRules, unit_id).await?;
    let errors = validate_procedure(&view.rules);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    rules_config::set(&txn, ctx, &PIPELINE, unit_id, &view.rules, valid_from).await?;
    rules_config::set(&txn, ctx, &GRASSROOTS_COMMITTEE, unit_id, &view.committee, valid_from).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procedure_numbers_stay_in_range() {
        assert!(validate_procedure(&PipelineRules::default()).is_empty());
        let bad = PipelineRules { min_age: 15, vote_numerator: 4, vote_denominator: 3, required_documents: vec!["verification".into()], ..PipelineRules::default() };
        let fields: Vec<String> = validate_procedure(&bad).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["min_age", "vote_numerator", "documents"]);
    }

    #[test]
    fn watch_numbers_stay_in_range() {
        assert!(validate_watch(&WatchRules::default()).is_empty());
        let bad = WatchRules { assessment_every_months: 0, task_horizon_days: 400, ..WatchRules::default() };
        let fields: Vec<String> = validate_watch(&bad).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["assessment_every_months", "task_horizon_days"]);
    }
}
