//! Plans and their targets (issue "oversight"): a superior committee's plan
//! (88-KH/HU) with its issuer, number and date, the unit whose schools it
//! covers, the successor bodies that carry it on after the 2025
//! reorganisation, and its targets per calendar year for its whole scope and
//! per school. Administrators and superior officers edit them; every change
//! is audited.

use super::tree::Tree;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{plan, plan_adoption, plan_target};
use crate::names;
use crate::policy::{authorize_any_at, Actor, Permission, UnitKind};
use chrono::{Datelike, NaiveDate, Utc};
use nguon_shared::views::oversight::TargetFigures;
use nguon_shared::views::SchoolOption;
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

/// Who may write plans and targets at a unit.
pub const EDIT: [Permission; 2] = [Permission::Oversee, Permission::ManageOrganisation];
/// The largest target accepted (a province admits thousands a year, not millions).
const MOST: u32 = 100_000;

/// A plan to record.
#[derive(Clone, Debug)]
pub struct NewPlan {
    /// The issuing body (a Party committee, province or commune; historical ones too).
    pub issuer_unit_id: i64,
    /// Number and symbol, e.g. "88-KH/HU".
    pub number: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Title.
    pub title: String,
    /// The unit whose schools it covers.
    pub scope_unit_id: i64,
    /// First day in force (defaults to the day of issue).
    pub in_force_from: Option<NaiveDate>,
    /// A plan it replaces from its first day in force.
    pub replaces_plan_id: Option<i64>,
}

/// One target line to set: a unit (the plan's scope or a school it covers) and its figures.
#[derive(Clone, Debug)]
pub struct TargetInput {
    /// The unit.
    pub unit_id: i64,
    /// The figures (none: no target).
    pub figures: TargetFigures,
}

/// A plan with its adoptions, as the services read it.
#[derive(Clone, Debug)]
pub struct PlanRecord {
    /// The plan.
    pub plan: plan::Model,
    /// Its adoptions, oldest first.
    pub adoptions: Vec<plan_adoption::Model>,
}

impl PlanRecord {
    /// The bodies whose schools it covers: its scope and each adopting body.
    pub fn roots(&self) -> Vec<i64> {
        std::iter::once(self.plan.scope_unit_id).chain(self.adoptions.iter().map(|a| a.body_unit_id)).collect()
    }

    /// The body carrying it on `day`: the latest adoption by then, else the issuer.
    pub fn carried_by(&self, day: NaiveDate) -> i64 {
        self.adoptions.iter().filter(|a| a.from_date <= day).max_by_key(|a| a.from_date).map_or(self.plan.issuer_unit_id, |a| a.body_unit_id)
    }
}

/// Every plan with its adoptions.
pub async fn all<C: ConnectionTrait>(conn: &C) -> Result<Vec<PlanRecord>, AppError> {
    let plans = plan::Entity::find().all(conn).await?;
    let adoptions = plan_adoption::Entity::find().all(conn).await?;
    Ok(plans
        .into_iter()
        .map(|p| {
            let mut mine: Vec<_> = adoptions.iter().filter(|a| a.plan_id == p.id).cloned().collect();
            mine.sort_by_key(|a| (a.from_date, a.id));
            PlanRecord { plan: p, adoptions: mine }
        })
        .collect())
}

/// Pure rule: whether `plan` is in force at some day of `year`: started by
/// its end, and not replaced by a plan in force from its first day.
pub fn in_force_during(plan: &plan::Model, plans: &[PlanRecord], year: i32) -> bool {
    let (first, last) = (NaiveDate::from_ymd_opt(year, 1, 1).expect("a valid date"), NaiveDate::from_ymd_opt(year, 12, 31).expect("a valid date"));
    plan.in_force_from <= last && !plans.iter().any(|r| r.plan.replaces_plan_id == Some(plan.id) && r.plan.in_force_from <= first)
}

/// Whether the actor may edit `record` (at its scope or at a body that adopted it).
pub async fn may_edit<C: ConnectionTrait>(conn: &C, actor: &Actor, record: &PlanRecord) -> Result<bool, AppError> {
    for root in record.roots() {
        if authorize_any_at(conn, actor, &EDIT, root).await.is_ok() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether a unit of `kind` issues or carries plans: a Party committee, a province or a commune.
pub fn is_body(kind: &str) -> bool {
    [UnitKind::PartyCommittee, UnitKind::Province, UnitKind::Commune].iter().any(|k| k.code() == kind)
}

fn text(field: &str, value: &str, max: u32, errors: &mut Vec<FieldError>) -> String {
    let clean: String = names::nfc(value).chars().filter(|c| !c.is_control()).collect();
    match clean.chars().count() as u32 {
        0 => errors.push(FieldError::new(field, ErrorCode::Required)),
        n if n > max => errors.push(FieldError::new(field, ErrorCode::TooLong { max })),
        _ => {}
    }
    clean
}

/// A plan's number and title cleaned and checked, and its first day in
/// force (the day of issue when none is given, never before it).
fn fields(number: &str, title: &str, issued_on: NaiveDate, in_force_from: Option<NaiveDate>, errors: &mut Vec<FieldError>) -> (String, String, NaiveDate) {
    let number = text("number", number, 40, errors);
    let title = text("title", title, 300, errors);
    let in_force_from = in_force_from.unwrap_or(issued_on);
    if in_force_from < issued_on {
        errors.push(FieldError::new("in_force_from", ErrorCode::NotBefore { date: issued_on }));
    }
    (number, title, in_force_from)
}

fn snapshot(p: &plan::Model) -> serde_json::Value {
    serde_json::json!({
        "number": p.number, "title": p.title, "issuer_unit_id": p.issuer_unit_id, "issued_on": p.issued_on.to_string(),
        "scope_unit_id": p.scope_unit_id, "in_force_from": p.in_force_from.to_string(), "replaces_plan_id": p.replaces_plan_id,
    })
}

/// Records a plan. The actor edits plans at its scope; the issuer is any
/// Party body, province or commune (a dissolved district committee too).
pub async fn create(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: NewPlan) -> Result<i64, AppError> {
    let mut errors = Vec::new();
    let (number, title, in_force_from) = fields(&input.number, &input.title, input.issued_on, input.in_force_from, &mut errors);
    let txn = crate::db::begin_write(db).await?;
    authorize_any_at(&txn, actor, &EDIT, input.scope_unit_id).await?;
    let tree = Tree::load(&txn).await?;
    let issuer_ok = tree.get(input.issuer_unit_id).is_some_and(|u| is_body(&u.kind));
    if !issuer_ok {
        errors.push(FieldError::new("issuer", ErrorCode::InvalidValue));
    }
    let plans = all(&txn).await?;
    if plans.iter().any(|r| r.plan.issuer_unit_id == input.issuer_unit_id && names::fold(&r.plan.number) == names::fold(&number)) {
        errors.push(FieldError::new("number", ErrorCode::AlreadyExists));
    }
    if let Some(old) = input.replaces_plan_id {
        match plans.iter().find(|r| r.plan.id == old) {
            Some(r) if may_edit(&txn, actor, r).await? => {
                if r.plan.in_force_from >= in_force_from {
                    errors.push(FieldError::new("in_force_from", ErrorCode::NotBefore { date: r.plan.in_force_from.succ_opt().unwrap_or(r.plan.in_force_from) }));
                }
            }
            _ => errors.push(FieldError::new("replaces", ErrorCode::InvalidValue)),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let row = plan::ActiveModel {
        issuer_unit_id: Set(input.issuer_unit_id),
        number: Set(number),
        issued_on: Set(input.issued_on),
        title: Set(title),
        scope_unit_id: Set(input.scope_unit_id),
        in_force_from: Set(in_force_from),
        replaces_plan_id: Set(input.replaces_plan_id),
        created_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, ctx, AuditEntry::created("plan", row.id, snapshot(&row))).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// The fields of a recorded plan that may be corrected.
#[derive(Clone, Debug)]
pub struct PlanFields {
    /// Number and symbol.
    pub number: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Title.
    pub title: String,
    /// First day in force (defaults to the day of issue).
    pub in_force_from: Option<NaiveDate>,
}

/// Corrects a plan's number, date, title or first day in force; audited
/// with the state before. The issuer, the scope and what it replaces stay.
pub async fn update(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, plan_id: i64, input: PlanFields) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let (number, title, in_force_from) = fields(&input.number, &input.title, input.issued_on, input.in_force_from, &mut errors);
    let txn = crate::db::begin_write(db).await?;
    let plans = all(&txn).await?;
    let record = plans.iter().find(|r| r.plan.id == plan_id).ok_or(AppError::NotFound)?;
    if !may_edit(&txn, actor, record).await? {
        return Err(AppError::NotFound);
    }
    let p = &record.plan;
    if plans.iter().any(|r| r.plan.id != plan_id && r.plan.issuer_unit_id == p.issuer_unit_id && names::fold(&r.plan.number) == names::fold(&number)) {
        errors.push(FieldError::new("number", ErrorCode::AlreadyExists));
    }
    if let Some(old) = p.replaces_plan_id.and_then(|id| plans.iter().find(|r| r.plan.id == id)) {
        if old.plan.in_force_from >= in_force_from {
            errors.push(FieldError::new("in_force_from", ErrorCode::NotBefore { date: old.plan.in_force_from.succ_opt().unwrap_or(old.plan.in_force_from) }));
        }
    }
    if let Some(first) = record.adoptions.iter().map(|a| a.from_date).min() {
        if in_force_from > first {
            errors.push(FieldError::new("in_force_from", ErrorCode::OutsideDates { from: p.issued_on.min(first), to: first }));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let before = snapshot(p);
    let mut row: plan::ActiveModel = p.clone().into();
    row.number = Set(number);
    row.issued_on = Set(input.issued_on);
    row.title = Set(title);
    row.in_force_from = Set(in_force_from);
    let after = row.update(&txn).await?;
    audit::record(&txn, ctx, AuditEntry { action: "update", entity: "plan", entity_id: Some(plan_id.to_string()), before: Some(before), after: Some(snapshot(&after)) }).await?;
    txn.commit().await?;
    Ok(())
}

/// A successor body carries `plan_id` on from `from`: the plan then also
/// covers the schools under it. The actor edits plans at that body.
pub async fn adopt(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, plan_id: i64, body_unit_id: i64, from: NaiveDate) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    authorize_any_at(&txn, actor, &EDIT, body_unit_id).await?;
    let tree = Tree::load(&txn).await?;
    if !tree.get(body_unit_id).is_some_and(|u| is_body(&u.kind)) {
        return Err(AppError::invalid("body", ErrorCode::InvalidValue));
    }
    let record = all(&txn).await?.into_iter().find(|r| r.plan.id == plan_id).ok_or(AppError::NotFound)?;
    if from < record.plan.in_force_from {
        return Err(AppError::invalid("from", ErrorCode::NotBefore { date: record.plan.in_force_from }));
    }
    if record.roots().contains(&body_unit_id) {
        return Err(AppError::invalid("body", ErrorCode::AlreadyExists));
    }
    let row = plan_adoption::ActiveModel {
        plan_id: Set(plan_id),
        body_unit_id: Set(body_unit_id),
        from_date: Set(from),
        recorded_by: Set(actor.user_id),
        recorded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let after = serde_json::json!({ "id": row.id, "plan_id": plan_id, "body_unit_id": body_unit_id, "from_date": from.to_string() });
    audit::record(&txn, ctx, AuditEntry { action: "adopt", entity: "plan", entity_id: Some(plan_id.to_string()), before: None, after: Some(after) }).await?;
    txn.commit().await?;
    Ok(())
}

fn check_figure(field: String, value: Option<u32>, errors: &mut Vec<FieldError>) {
    if value.is_some_and(|v| v > MOST) {
        errors.push(FieldError { field, code: ErrorCode::TooLarge { max: MOST } });
    }
}

fn figures_json(f: &TargetFigures) -> serde_json::Value {
    serde_json::json!({ "new_members": f.new_members, "student_members": f.student_members, "trainees": f.trainees })
}

/// The schools a plan covers.
pub fn schools_of(tree: &Tree, record: &PlanRecord) -> Vec<SchoolOption> {
    tree.schools_under(&record.roots())
}

/// Sets a plan's targets for `year`, all lines or none: each unit is the
/// plan's scope or a school it covers; a line with no figure clears it.
pub async fn set_targets(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, plan_id: i64, year: i32, lines: Vec<TargetInput>) -> Result<u32, AppError> {
    let txn = crate::db::begin_write(db).await?;
    let plans = all(&txn).await?;
    let record = plans.iter().find(|r| r.plan.id == plan_id).ok_or(AppError::NotFound)?;
    if !may_edit(&txn, actor, record).await? {
        return Err(AppError::NotFound);
    }
    let mut errors = Vec::new();
    if !(record.plan.in_force_from.year()..=record.plan.in_force_from.year() + 10).contains(&year) {
        errors.push(FieldError::new("year", ErrorCode::InvalidValue));
    }
    let tree = Tree::load(&txn).await?;
    let schools = schools_of(&tree, record);
    for l in &lines {
        if l.unit_id != record.plan.scope_unit_id && !schools.iter().any(|s| s.id == l.unit_id) {
            errors.push(FieldError::new(&format!("unit_{}", l.unit_id), ErrorCode::InvalidValue));
        }
        check_figure(format!("new_members_{}", l.unit_id), l.figures.new_members, &mut errors);
        check_figure(format!("student_members_{}", l.unit_id), l.figures.student_members, &mut errors);
        check_figure(format!("trainees_{}", l.unit_id), l.figures.trainees, &mut errors);
        if let (Some(all), Some(students)) = (l.figures.new_members, l.figures.student_members) {
            if students > all {
                errors.push(FieldError { field: format!("student_members_{}", l.unit_id), code: ErrorCode::TooLarge { max: all } });
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let existing = plan_target::Entity::find()
        .filter(plan_target::Column::PlanId.eq(plan_id))
        .filter(plan_target::Column::Year.eq(year))
        .all(&txn)
        .await?;
    let mut changed = 0;
    for l in lines {
        let before = existing.iter().find(|t| t.unit_id == l.unit_id);
        let old = before.map(|t| TargetFigures {
            new_members: t.new_members.map(|v| v as u32),
            student_members: t.student_members.map(|v| v as u32),
            trainees: t.trainees.map(|v| v as u32),
        });
        if old.as_ref() == Some(&l.figures) || (old.is_none() && l.figures == TargetFigures::default()) {
            continue;
        }
        let as_i32 = |v: Option<u32>| v.map(|v| v as i32);
        let id = match before {
            Some(t) => {
                let mut row: plan_target::ActiveModel = t.clone().into();
                row.new_members = Set(as_i32(l.figures.new_members));
                row.student_members = Set(as_i32(l.figures.student_members));
                row.trainees = Set(as_i32(l.figures.trainees));
                row.set_by = Set(actor.user_id);
                row.set_at = Set(Utc::now());
                row.update(&txn).await?.id
            }
            None => {
                plan_target::ActiveModel {
                    plan_id: Set(plan_id),
                    year: Set(year),
                    unit_id: Set(l.unit_id),
                    new_members: Set(as_i32(l.figures.new_members)),
                    student_members: Set(as_i32(l.figures.student_members)),
                    trainees: Set(as_i32(l.figures.trainees)),
                    set_by: Set(actor.user_id),
                    set_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        let after = serde_json::json!({ "plan_id": plan_id, "year": year, "unit_id": l.unit_id, "figures": figures_json(&l.figures) });
        let entry = AuditEntry { action: "set_target", entity: "plan_target", entity_id: Some(id.to_string()), before: old.as_ref().map(figures_json), after: Some(after) };
        audit::record(&txn, ctx, entry).await?;
        changed += 1;
    }
    txn.commit().await?;
    Ok(changed)
}

/// Every target row of `years` for `plans`.
pub async fn targets<C: ConnectionTrait>(conn: &C, plan_ids: &[i64], years: &[i32]) -> Result<Vec<plan_target::Model>, AppError> {
    if plan_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(plan_target::Entity::find()
        .filter(plan_target::Column::PlanId.is_in(plan_ids.to_vec()))
        .filter(plan_target::Column::Year.is_in(years.to_vec()))
        .all(conn)
        .await?)
}

/// Sets the oversight numbers (stalled after, smallest count shown) at a
/// body from a day: its subtree's dashboards and alerts use them. The
/// smallest count shown never goes below 5 (domain.md §5).
pub async fn set_rules(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, unit_id: i64, rules: nguon_shared::oversight::OversightRules, valid_from: NaiveDate) -> Result<(), AppError> {
    let mut errors = Vec::new();
    if !(14..=730).contains(&rules.stalled_after_days) {
        errors.push(FieldError::new("stalled_after_days", ErrorCode::InvalidValue));
    }
    if !(5..=20).contains(&rules.smallest_shown) {
        errors.push(FieldError::new("smallest_shown", ErrorCode::InvalidValue));
    }
    let txn = crate::db::begin_write(db).await?;
    authorize_any_at(&txn, actor, &EDIT, unit_id).await?;
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    crate::rules_config::set(&txn, ctx, &crate::rules_config::OVERSIGHT, unit_id, &rules, valid_from).await?;
    txn.commit().await?;
    Ok(())
}
