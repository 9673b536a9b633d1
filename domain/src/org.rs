//! The organisation tree's dated links (domain.md §6): which Party
//! organisation, union, superior committee, deciding committee and training
//! centre a school has **on a given date**. Bodies change (the districts
//! were abolished on 1/7/2025); records dated before a change keep the body
//! that was in force then.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::unit_link;
use chrono::NaiveDate;
use nguon_shared::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};

/// What a link says about the school.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The school's Party cell or Party committee.
    PartyOrganisation,
    /// The school's Youth Union.
    YouthUnion,
    /// The Party committee directly above the school's Party organisation.
    SuperiorCommittee,
    /// The committee that issues admission decisions.
    DecidingCommittee,
    /// The political training centre that runs awareness classes.
    TrainingCentre,
}

impl Relation {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Relation::PartyOrganisation => "party_organisation",
            Relation::YouthUnion => "youth_union",
            Relation::SuperiorCommittee => "superior_committee",
            Relation::DecidingCommittee => "deciding_committee",
            Relation::TrainingCentre => "training_centre",
        }
    }
}

/// Pure rule: among dated links, the one in force on `on` (the latest start
/// on or before `on` whose end, if any, is not before `on`).
pub fn pick_effective(links: &[unit_link::Model], on: NaiveDate) -> Option<&unit_link::Model> {
    links
        .iter()
        .filter(|l| l.valid_from <= on && l.valid_to.is_none_or(|end| end >= on))
        .max_by_key(|l| (l.valid_from, l.id))
}

/// The unit related to `unit_id` by `relation` on date `on`, if any.
pub async fn effective_target<C: ConnectionTrait>(
    conn: &C,
    unit_id: i64,
    relation: Relation,
    on: NaiveDate,
) -> Result<Option<i64>, AppError> {
    let links = unit_link::Entity::find()
        .filter(unit_link::Column::UnitId.eq(unit_id))
        .filter(unit_link::Column::Relation.eq(relation.code()))
        .all(conn)
        .await?;
    Ok(pick_effective(&links, on).map(|l| l.target_unit_id))
}

/// Records that from `valid_from` the school's `relation` is `target_unit_id`.
/// The link in force the day before ends then, so history stays intact.
/// One transaction, audited. Authorisation is the caller's (an
/// administrator of the school's scope).
pub async fn set_link(
    db: &DatabaseConnection,
    ctx: &AuditContext,
    unit_id: i64,
    relation: Relation,
    target_unit_id: i64,
    valid_from: NaiveDate,
) -> Result<unit_link::Model, AppError> {
    if unit_id == target_unit_id {
        return Err(AppError::invalid("target", ErrorCode::InvalidValue));
    }
    let txn = crate::db::begin_write(db).await?;
    let conn = &txn;
    let existing = unit_link::Entity::find()
        .filter(unit_link::Column::UnitId.eq(unit_id))
        .filter(unit_link::Column::Relation.eq(relation.code()))
        .all(conn)
        .await?;
    if existing.iter().any(|l| l.valid_from >= valid_from) {
        // Rewriting the past would change decisions already recorded under it.
        return Err(AppError::invalid("valid_from", ErrorCode::InvalidValue));
    }
    if let Some(current) = pick_effective(&existing, valid_from).cloned() {
        let mut active: unit_link::ActiveModel = current.into();
        active.valid_to = Set(valid_from.pred_opt());
        active.update(conn).await?;
    }
    let link = unit_link::ActiveModel {
        unit_id: Set(unit_id),
        relation: Set(relation.code().to_string()),
        target_unit_id: Set(target_unit_id),
        valid_from: Set(valid_from),
        valid_to: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        ctx,
        AuditEntry {
            action: "create",
            entity: "unit_link",
            entity_id: Some(link.id.to_string()),
            before: None,
            after: Some(serde_json::json!({
                "unit_id": unit_id, "relation": relation.code(), "target_unit_id": target_unit_id,
                "valid_from": valid_from.to_string(),
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(link)
}

/// The schools (org units of kind `school`) where `actor` holds a role
/// allowing `permission`: granted at the school or anywhere above it. In
/// Vietnamese alphabetical order.
pub async fn schools_in_scope<C: ConnectionTrait>(
    conn: &C,
    actor: &crate::policy::Actor,
    permission: crate::policy::Permission,
) -> Result<Vec<nguon_shared::views::SchoolOption>, AppError> {
    use crate::entities::org_unit;
    use crate::policy::{role_allows, UnitKind};
    let roots: Vec<i64> = actor.grants.iter().filter(|(r, _)| role_allows(*r, permission)).map(|(_, u)| *u).collect();
    if roots.is_empty() {
        return Ok(Vec::new());
    }
    // The tree is small (a province: thousands of units); walk it in memory.
    let units = org_unit::Entity::find().all(conn).await?;
    let parent: std::collections::HashMap<i64, Option<i64>> = units.iter().map(|u| (u.id, u.parent_id)).collect();
    let under_a_root = |mut id: i64| {
        for _ in 0..32 {
            if roots.contains(&id) {
                return true;
            }
            match parent.get(&id).copied().flatten() {
                Some(p) => id = p,
                None => return false,
            }
        }
        false
    };
    let mut schools: Vec<_> = units
        .iter()
        .filter(|u| u.kind == UnitKind::School.code() && under_a_root(u.id))
        .map(|u| nguon_shared::views::SchoolOption { id: u.id, name: u.name.clone() })
        .collect();
    schools.sort_by(|a, b| crate::names::compare_text(&a.name, &b.name));
    Ok(schools)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn link(id: i64, target: i64, from: NaiveDate, to: Option<NaiveDate>) -> unit_link::Model {
        unit_link::Model {
            id,
            unit_id: 1,
            relation: "deciding_committee".into(),
            target_unit_id: target,
            valid_from: from,
            valid_to: to,
        }
    }

    #[test]
    fn picks_the_body_in_force_on_a_date() {
        // Huyện ủy Lâm Hà (10) until 30/6/2025, then the commune Party committee (20).
        let links = [link(1, 10, d(2020, 1, 1), Some(d(2025, 6, 30))), link(2, 20, d(2025, 7, 1), None)];
        let on = |date| pick_effective(&links, date).map(|l| l.target_unit_id);
        assert_eq!(on(d(2019, 12, 31)), None);
        assert_eq!(on(d(2024, 4, 10)), Some(10));
        assert_eq!(on(d(2025, 6, 30)), Some(10));
        assert_eq!(on(d(2025, 7, 1)), Some(20));
        assert_eq!(on(d(2030, 1, 1)), Some(20));
        // An open-ended older link is overridden by a later start.
        let overlapping = [link(1, 10, d(2020, 1, 1), None), link(2, 20, d(2025, 7, 1), None)];
        assert_eq!(pick_effective(&overlapping, d(2026, 1, 1)).map(|l| l.target_unit_id), Some(20));
    }
}
