//! Administering the organisation tree: units with typed kinds and
//! effective dates, renamed, re-parented or closed without losing history
//! (every change is audited with its before and after), and each school's
//! dated links to its Party organisation, union and committees.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{org_unit, unit_link};
use crate::names;
use crate::org::{self, Relation};
use crate::policy::{authorize_at, role_allows, unit_chain, Actor, Permission, UnitKind};
use chrono::NaiveDate;
use nguon_shared::views::{LinkRow, UnitRow};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// Every unit kind, for forms.
pub const KINDS: [UnitKind; 8] = [
    UnitKind::Province,
    UnitKind::Commune,
    UnitKind::PartyCommittee,
    UnitKind::School,
    UnitKind::PartyCell,
    UnitKind::SchoolUnion,
    UnitKind::ClassBranch,
    UnitKind::TrainingCentre,
];

/// Every relation, for forms.
pub const RELATIONS: [Relation; 5] = [
    Relation::PartyOrganisation,
    Relation::YouthUnion,
    Relation::SuperiorCommittee,
    Relation::DecidingCommittee,
    Relation::TrainingCentre,
];

fn kind_from_code(code: &str) -> Option<UnitKind> {
    KINDS.into_iter().find(|k| k.code() == code)
}

/// Parses a relation code.
pub fn relation_from_code(code: &str) -> Option<Relation> {
    RELATIONS.into_iter().find(|r| r.code() == code)
}

async fn require<C: ConnectionTrait>(conn: &C, actor: &Actor, unit_id: i64) -> Result<(), AppError> {
    authorize_at(conn, actor, Permission::ManageOrganisation, unit_id).await
}

/// The subtrees the actor administers, depth first, siblings in Vietnamese order.
pub async fn tree<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<UnitRow>, AppError> {
    crate::policy::require_any(actor, Permission::ManageOrganisation)?;
    let units = org_unit::Entity::find().all(conn).await?;
    let mut children: HashMap<Option<i64>, Vec<&org_unit::Model>> = HashMap::new();
    for u in &units {
        children.entry(u.parent_id).or_default().push(u);
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| names::compare_text(&a.name, &b.name));
    }
    let mut roots: Vec<i64> =
        actor.grants.iter().filter(|(r, _)| role_allows(*r, Permission::ManageOrganisation)).map(|(_, u)| *u).collect();
    // A root inside another root's subtree is shown once, under it.
    let mut nested = Vec::new();
    for r in &roots {
        if unit_chain(conn, *r).await?.iter().skip(1).any(|a| roots.contains(a)) {
            nested.push(*r);
        }
    }
    roots.retain(|r| !nested.contains(r));
    let mut out = Vec::new();
    let mut stack: Vec<(i64, u32)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
    let by_id: HashMap<i64, &org_unit::Model> = units.iter().map(|u| (u.id, u)).collect();
    while let Some((id, depth)) = stack.pop() {
        let Some(u) = by_id.get(&id) else { continue };
        out.push(UnitRow {
            id: u.id,
            kind: u.kind.clone(),
            name: u.name.clone(),
            code: u.code.clone(),
            parent_id: u.parent_id,
            depth,
            valid_from: u.valid_from,
            valid_to: u.valid_to,
        });
        if depth < 16 {
            for c in children.get(&Some(id)).into_iter().flatten().rev() {
                stack.push((c.id, depth + 1));
            }
        }
    }
    Ok(out)
}

/// A unit as a form gives it.
#[derive(Clone, Debug, Default)]
pub struct UnitInput {
    /// Kind code.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Short code (optional).
    pub code: String,
    /// Parent.
    pub parent_id: i64,
    /// In force from (optional).
    pub valid_from: Option<NaiveDate>,
    /// In force until (optional).
    pub valid_to: Option<NaiveDate>,
}

fn validate(input: &UnitInput) -> Result<(UnitKind, String, Option<String>), AppError> {
    let mut errors = Vec::new();
    let kind = kind_from_code(&input.kind);
    if kind.is_none() {
        errors.push(FieldError::new("kind", ErrorCode::InvalidValue));
    }
    let name = names::nfc(&input.name);
    match name.chars().count() {
        0 => errors.push(FieldError::new("name", ErrorCode::Required)),
        n if n > 200 => errors.push(FieldError::new("name", ErrorCode::TooLong { max: 200 })),
        _ => {}
    }
    let code = Some(input.code.trim().to_string()).filter(|c| !c.is_empty());
    if code.as_ref().is_some_and(|c| c.chars().count() > 40) {
        errors.push(FieldError::new("code", ErrorCode::TooLong { max: 40 }));
    }
    if let (Some(from), Some(to)) = (input.valid_from, input.valid_to) {
        if to < from {
            errors.push(FieldError::new("valid_to", ErrorCode::InvalidValue));
        }
    }
    if errors.is_empty() {
        Ok((kind.expect("checked"), name, code))
    } else {
        Err(AppError::Invalid(errors))
    }
}

fn snapshot(u: &org_unit::Model) -> serde_json::Value {
    serde_json::json!({
        "kind": u.kind, "name": u.name, "code": u.code, "parent_id": u.parent_id,
        "valid_from": u.valid_from.map(|d| d.to_string()), "valid_to": u.valid_to.map(|d| d.to_string()),
    })
}

/// Adds a unit under a parent the actor administers.
pub async fn create_unit(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: UnitInput) -> Result<i64, AppError> {
    require(db, actor, input.parent_id).await?;
    let (kind, name, code) = validate(&input)?;
    let txn = crate::db::begin_write(db).await?;
    let unit = org_unit::ActiveModel {
        kind: Set(kind.code().to_string()),
        name: Set(name),
        code: Set(code),
        parent_id: Set(Some(input.parent_id)),
        valid_from: Set(input.valid_from),
        valid_to: Set(input.valid_to),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, ctx, AuditEntry::created("org_unit", unit.id, snapshot(&unit)))
        .await?;
    txn.commit().await?;
    Ok(unit.id)
}

/// Renames, re-parents or closes a unit (its kind stays). The old state is
/// kept in the audit log; a unit cannot be moved under itself.
pub async fn update_unit(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, id: i64, input: UnitInput) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    let current = org_unit::Entity::find_by_id(id).one(&txn).await?.ok_or(AppError::NotFound)?;
    require(&txn, actor, id).await?;
    let input = UnitInput { kind: current.kind.clone(), ..input };
    let (_, name, code) = validate(&input)?;
    let parent = match current.parent_id {
        // The top unit keeps no parent.
        None => None,
        // Staying put needs no right over the parent (a school's administrator renames their school).
        Some(p) if p == input.parent_id => Some(p),
        Some(_) => {
            require(&txn, actor, input.parent_id).await?;
            if unit_chain(&txn, input.parent_id).await?.contains(&id) {
                return Err(AppError::invalid("parent", ErrorCode::InvalidValue));
            }
            Some(input.parent_id)
        }
    };
    let before = snapshot(&current);
    let mut active: org_unit::ActiveModel = current.into();
    active.name = Set(name);
    active.code = Set(code);
    active.parent_id = Set(parent);
    active.valid_from = Set(input.valid_from);
    active.valid_to = Set(input.valid_to);
    let after = active.update(&txn).await?;
    audit::record(&txn, ctx, AuditEntry { action: "update", entity: "org_unit", entity_id: Some(id.to_string()), before: Some(before), after: Some(snapshot(&after)) })
        .await?;
    txn.commit().await?;
    Ok(())
}

/// A school's dated links, newest first within each relation.
pub async fn links<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Vec<LinkRow>, AppError> {
    require(conn, actor, school_id).await?;
    let rows = unit_link::Entity::find().filter(unit_link::Column::UnitId.eq(school_id)).all(conn).await?;
    let names: HashMap<i64, String> = org_unit::Entity::find().all(conn).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let mut out: Vec<LinkRow> = rows
        .into_iter()
        .map(|l| LinkRow {
            relation: l.relation,
            target_name: names.get(&l.target_unit_id).cloned().unwrap_or_default(),
            valid_from: l.valid_from,
            valid_to: l.valid_to,
        })
        .collect();
    let order = |r: &str| RELATIONS.iter().position(|x| x.code() == r).unwrap_or(99);
    out.sort_by(|a, b| order(&a.relation).cmp(&order(&b.relation)).then(b.valid_from.cmp(&a.valid_from)));
    Ok(out)
}

/// From `valid_from`, the school's `relation` is `target`: authorised, then
/// [`org::set_link`] (which ends the link in force and audits).
pub async fn set_school_link(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    school_id: i64,
    relation: Relation,
    target: i64,
    valid_from: NaiveDate,
) -> Result<(), AppError> {
    require(db, actor, school_id).await?;
    let school = org_unit::Entity::find_by_id(school_id).one(db).await?.ok_or(AppError::NotFound)?;
    if school.kind != UnitKind::School.code() {
        return Err(AppError::invalid("school", ErrorCode::InvalidValue));
    }
    org_unit::Entity::find_by_id(target).one(db).await?.ok_or_else(|| AppError::invalid("target", ErrorCode::InvalidValue))?;
    org::set_link(db, ctx, school_id, relation, target, valid_from).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_lists_the_same_codes() {
        assert_eq!(KINDS.map(|k| k.code()), nguon_shared::views::UNIT_KINDS);
        assert_eq!(RELATIONS.map(|r| r.code()), nguon_shared::views::RELATIONS);
    }
}
