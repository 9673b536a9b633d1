//! Which set-up steps each school still misses (an administrator's home):
//! a current school year, staff, a roster placed in classes, officers.

use crate::entities::{enrolment, org_unit, role_grant, school_year, staff};
use crate::policy::{Actor, Permission};
use chrono::NaiveDate;
use nguon_shared::views::home::{AdminHome, SchoolSetup, SetupStep};
use nguon_shared::{AppError, Role};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The schools where the actor administers the organisation, each with the
/// steps it still misses (first `limit` schools), and how many are complete.
pub async fn gaps<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate, limit: usize) -> Result<AdminHome, AppError> {
    let schools = crate::org::schools_in_scope(conn, actor, Permission::ManageOrganisation).await?;
    if schools.is_empty() {
        return Ok(AdminHome::default());
    }
    let ids: Vec<i64> = schools.iter().map(|s| s.id).collect();
    let current: HashMap<i64, i64> = school_year::Entity::find()
        .filter(school_year::Column::SchoolId.is_in(ids.clone()))
        .filter(school_year::Column::StartsOn.lte(today))
        .filter(school_year::Column::EndsOn.gte(today))
        .all(conn)
        .await?
        .into_iter()
        .map(|y| (y.id, y.school_id))
        .collect();
    let with_staff: HashSet<i64> = staff::Entity::find()
        .select_only()
        .column(staff::Column::SchoolId)
        .distinct()
        .filter(staff::Column::SchoolId.is_in(ids.clone()))
        .into_tuple::<i64>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let placed_years: HashSet<i64> = if current.is_empty() {
        HashSet::new()
    } else {
        enrolment::Entity::find()
            .select_only()
            .column(enrolment::Column::SchoolYearId)
            .distinct()
            .filter(enrolment::Column::SchoolYearId.is_in(current.keys().copied()))
            .into_tuple::<i64>()
            .all(conn)
            .await?
            .into_iter()
            .collect()
    };
    let with_roster: HashSet<i64> = placed_years.iter().filter_map(|y| current.get(y).copied()).collect();
    // Officers are granted at the school or at one of its own units (its union, its cell).
    let mut school_of: HashMap<i64, i64> = ids.iter().map(|id| (*id, *id)).collect();
    for u in org_unit::Entity::find().filter(org_unit::Column::ParentId.is_in(ids.clone())).all(conn).await? {
        if let Some(p) = u.parent_id {
            school_of.insert(u.id, p);
        }
    }
    let officer_roles = [Role::YouthUnionOfficer.code(), Role::PartyCellOfficer.code()];
    let with_officers: HashSet<i64> = role_grant::Entity::find()
        .filter(role_grant::Column::RevokedAt.is_null())
        .filter(role_grant::Column::Role.is_in(officer_roles))
        .filter(role_grant::Column::OrgUnitId.is_in(school_of.keys().copied()))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|g| school_of.get(&g.org_unit_id).copied())
        .collect();
    let with_year: HashSet<i64> = current.values().copied().collect();
    let total = schools.len() as u32;
    let mut incomplete: Vec<SchoolSetup> = schools
        .into_iter()
        .map(|school| {
            let id = school.id;
            let missing = [
                (SetupStep::SchoolYear, with_year.contains(&id)),
                (SetupStep::Staff, with_staff.contains(&id)),
                (SetupStep::Roster, with_roster.contains(&id)),
                (SetupStep::Officers, with_officers.contains(&id)),
            ]
            .into_iter()
            .filter(|(_, done)| !done)
            .map(|(step, _)| step)
            .collect();
            SchoolSetup { school, missing }
        })
        .filter(|s| !s.missing.is_empty())
        .collect();
    let complete = total - incomplete.len() as u32;
    incomplete.truncate(limit);
    Ok(AdminHome { schools: incomplete, complete, total })
}
