//! Staff of a school: the person record (with Party membership facts needed
//! later to check who may mentor and introduce), the linked account, and the
//! roles granted to it. Administrators manage them within their scope;
//! every change is audited in its own transaction.

use crate::accounts::{self, FullName, NewPassword, NewUser, Username};
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{org_unit, role_grant, staff, user};
use crate::names::{self, PersonName};
use crate::policy::{authorize_at, Actor, Permission, UnitKind};
use chrono::NaiveDate;
use nguon_shared::views::{GrantRow, StaffRow, UnitOption};
use nguon_shared::{AppError, ErrorCode, FieldError, Locale, Role};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};
use std::collections::HashMap;

/// Unit kinds at which roles are granted: a grant covers the unit's subtree,
/// so a grant at a sub-unit (a Party cell, a class branch) would not cover
/// the school's students.
const GRANT_KINDS: [UnitKind; 4] = [UnitKind::Province, UnitKind::Commune, UnitKind::PartyCommittee, UnitKind::School];

async fn require_accounts<C: ConnectionTrait>(conn: &C, actor: &Actor, unit_id: i64) -> Result<(), AppError> {
    authorize_at(conn, actor, Permission::ManageAccounts, unit_id).await
}

/// A new member of staff, as the form gives it.
#[derive(Clone, Debug, Default)]
pub struct NewStaff {
    /// The school.
    pub school_id: i64,
    /// Full name.
    pub full_name: String,
    /// Login name; empty for a person without an account.
    pub username: String,
    /// First password (the person changes it); needed with a login name.
    pub password: String,
    /// Official Party member since.
    pub party_full_member_since: Option<NaiveDate>,
    /// Their Party cell (a `party_cell` unit of the school).
    pub party_cell_unit_id: Option<i64>,
    /// A role to grant at the school straight away.
    pub role: Option<Role>,
}

async fn check_party<C: ConnectionTrait>(
    conn: &C,
    school_id: i64,
    since: Option<NaiveDate>,
    cell: Option<i64>,
    today: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> Result<(), AppError> {
    if since.is_some_and(|d| d > today) {
        errors.push(FieldError::new("party_full_member_since", ErrorCode::InvalidValue));
    }
    if let Some(cell) = cell {
        let unit = org_unit::Entity::find_by_id(cell).one(conn).await?;
        if unit.is_none_or(|u| u.kind != UnitKind::PartyCell.code() || u.parent_id != Some(school_id)) {
            errors.push(FieldError::new("party_cell", ErrorCode::InvalidValue));
        }
    }
    Ok(())
}

/// Creates a staff record, and with a login name its account (and a first
/// role at the school), in one transaction.
pub async fn create_staff(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: NewStaff, today: NaiveDate) -> Result<i64, AppError> {
    require_accounts(db, actor, input.school_id).await?;
    let school = org_unit::Entity::find_by_id(input.school_id).one(db).await?.ok_or(AppError::NotFound)?;
    if school.kind != UnitKind::School.code() {
        return Err(AppError::invalid("school", ErrorCode::InvalidValue));
    }
    let mut errors = Vec::new();
    let full = FullName::parse("full_name", &input.full_name).map_err(|e| errors.push(e)).ok();
    let account = if input.username.trim().is_empty() {
        if input.role.is_some() {
            errors.push(FieldError::new("username", ErrorCode::Required));
        }
        None
    } else {
        let u = Username::parse(&input.username).map_err(|e| errors.push(e)).ok();
        let p = match NewPassword::parse(&input.password, &input.password, &input.username) {
            Ok(p) => Some(p),
            Err(AppError::Invalid(list)) => {
                errors.extend(list.into_iter().filter(|e| e.field != "confirm"));
                None
            }
            Err(e) => return Err(e),
        };
        u.zip(p)
    };
    let txn = crate::db::begin_write(db).await?;
    check_party(&txn, input.school_id, input.party_full_member_since, input.party_cell_unit_id, today, &mut errors).await?;
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let full = full.expect("no errors");
    let user_id = match account {
        Some((username, password)) => {
            let full_name = FullName::parse("full_name", full.as_str()).map_err(|e| AppError::Invalid(vec![e]))?;
            let u = accounts::create_user(&txn, ctx, NewUser { username, full_name, password, locale: Locale::Vi }).await?;
            if let Some(role) = input.role {
                accounts::grant_role(&txn, ctx, u.id, role, input.school_id).await?;
            }
            Some(u.id)
        }
        None => None,
    };
    let name = PersonName::split(full.as_str());
    let row = staff::ActiveModel {
        school_id: Set(input.school_id),
        user_id: Set(user_id),
        search_key: Set(names::fold(&name.full())),
        family_name: Set(name.family),
        middle_name: Set(name.middle),
        given_name: Set(name.given),
        party_full_member_since: Set(input.party_full_member_since),
        party_cell_unit_id: Set(input.party_cell_unit_id),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "create",
            entity: "staff",
            entity_id: Some(row.id.to_string()),
            before: None,
            after: Some(serde_json::json!({
                "school_id": input.school_id, "name": full.as_str(), "user_id": user_id,
                "party_full_member_since": input.party_full_member_since.map(|d| d.to_string()),
                "party_cell_unit_id": input.party_cell_unit_id,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Records (or clears) a staff member's Party membership facts.
pub async fn set_party(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    staff_id: i64,
    since: Option<NaiveDate>,
    cell: Option<i64>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    let row = staff::Entity::find_by_id(staff_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    require_accounts(&txn, actor, row.school_id).await?;
    let mut errors = Vec::new();
    check_party(&txn, row.school_id, since, cell, today, &mut errors).await?;
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let before = serde_json::json!({
        "party_full_member_since": row.party_full_member_since.map(|d| d.to_string()), "party_cell_unit_id": row.party_cell_unit_id,
    });
    let mut active: staff::ActiveModel = row.into();
    active.party_full_member_since = Set(since);
    active.party_cell_unit_id = Set(cell);
    active.update(&txn).await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "update",
            entity: "staff",
            entity_id: Some(staff_id.to_string()),
            before: Some(before),
            after: Some(serde_json::json!({
                "party_full_member_since": since.map(|d| d.to_string()), "party_cell_unit_id": cell,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Grants `role` at `unit_id` to an account. The unit must be one the
/// actor administers and of a kind roles are granted at; an account holds a
/// role at a unit once.
pub async fn grant(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, user_id: i64, role: Role, unit_id: i64) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    require_accounts(&txn, actor, unit_id).await?;
    let unit = org_unit::Entity::find_by_id(unit_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if !GRANT_KINDS.iter().any(|k| k.code() == unit.kind) {
        return Err(AppError::invalid("unit", ErrorCode::InvalidValue));
    }
    user::Entity::find_by_id(user_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if accounts::active_grants(&txn, user_id).await?.contains(&(role, unit_id)) {
        return Err(AppError::invalid("role", ErrorCode::InvalidValue));
    }
    accounts::grant_role(&txn, ctx, user_id, role, unit_id).await?;
    txn.commit().await?;
    Ok(())
}

/// Revokes a grant (kept as history). An administrator cannot revoke their
/// own administrator grant, so nobody locks themselves out by mistake.
pub async fn revoke(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, grant_id: i64) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    let g = role_grant::Entity::find_by_id(grant_id)
        .one(&txn)
        .await?
        .filter(|g| g.revoked_at.is_none())
        .ok_or(AppError::NotFound)?;
    require_accounts(&txn, actor, g.org_unit_id).await?;
    if g.user_id == actor.user_id && g.role == Role::Administrator.code() {
        return Err(AppError::invalid("grant", ErrorCode::InvalidValue));
    }
    let mut active: role_grant::ActiveModel = g.clone().into();
    active.revoked_by = Set(ctx.actor_user_id);
    active.revoked_at = Set(Some(chrono::Utc::now()));
    active.update(&txn).await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "revoke",
            entity: "role_grant",
            entity_id: Some(grant_id.to_string()),
            before: Some(serde_json::json!({ "user_id": g.user_id, "role": g.role, "org_unit_id": g.org_unit_id })),
            after: None,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Units where the actor may grant roles, in Vietnamese order.
pub async fn grant_units<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<UnitOption>, AppError> {
    let mut out = Vec::new();
    for u in org_unit::Entity::find().all(conn).await? {
        if GRANT_KINDS.iter().any(|k| k.code() == u.kind) && require_accounts(conn, actor, u.id).await.is_ok() {
            out.push(UnitOption { id: u.id, name: u.name, kind: u.kind });
        }
    }
    out.sort_by(|a, b| names::compare_text(&a.name, &b.name));
    Ok(out)
}

/// The Party cells of a school (for the membership form).
pub async fn party_cells<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Vec<UnitOption>, AppError> {
    require_accounts(conn, actor, school_id).await?;
    let cells = org_unit::Entity::find()
        .filter(org_unit::Column::ParentId.eq(school_id))
        .filter(org_unit::Column::Kind.eq(UnitKind::PartyCell.code()))
        .all(conn)
        .await?;
    Ok(cells.into_iter().map(|u| UnitOption { id: u.id, name: u.name, kind: u.kind }).collect())
}

/// The staff of a school with accounts and grant history, in class-list order.
pub async fn list_staff<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Vec<StaffRow>, AppError> {
    require_accounts(conn, actor, school_id).await?;
    let rows = staff::Entity::find().filter(staff::Column::SchoolId.eq(school_id)).all(conn).await?;
    let units: HashMap<i64, String> = org_unit::Entity::find().all(conn).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let user_ids: Vec<i64> = rows.iter().filter_map(|r| r.user_id).collect();
    let users: HashMap<i64, user::Model> =
        user::Entity::find().filter(user::Column::Id.is_in(user_ids.clone())).all(conn).await?.into_iter().map(|u| (u.id, u)).collect();
    let grants = role_grant::Entity::find().filter(role_grant::Column::UserId.is_in(user_ids)).all(conn).await?;
    let actor_ids: Vec<i64> = grants.iter().flat_map(|g| [g.granted_by, g.revoked_by]).flatten().collect();
    let logins: HashMap<i64, String> =
        user::Entity::find().filter(user::Column::Id.is_in(actor_ids)).all(conn).await?.into_iter().map(|u| (u.id, u.username)).collect();
    let mut out: Vec<(PersonName, StaffRow)> = rows
        .into_iter()
        .map(|r| {
            let name = PersonName { family: r.family_name.clone(), middle: r.middle_name.clone(), given: r.given_name.clone() };
            let account = r.user_id.and_then(|id| users.get(&id));
            let mut history: Vec<GrantRow> = grants
                .iter()
                .filter(|g| Some(g.user_id) == r.user_id)
                .filter_map(|g| {
                    Some(GrantRow {
                        id: g.id,
                        role: Role::from_code(&g.role)?,
                        unit_name: units.get(&g.org_unit_id).cloned().unwrap_or_default(),
                        granted_by: g.granted_by.and_then(|id| logins.get(&id).cloned()),
                        granted_at: g.granted_at,
                        revoked_by: g.revoked_by.and_then(|id| logins.get(&id).cloned()),
                        revoked_at: g.revoked_at,
                    })
                })
                .collect();
            history.sort_by_key(|g| (g.revoked_at.is_some(), std::cmp::Reverse(g.granted_at)));
            let row = StaffRow {
                id: r.id,
                full_name: name.full(),
                account: account.map(|u| (u.id, u.username.clone())),
                active: account.is_some_and(|u| u.is_active),
                party_full_member_since: r.party_full_member_since,
                party_cell: r.party_cell_unit_id.and_then(|id| units.get(&id).cloned()),
                grants: history,
            };
            (name, row)
        })
        .collect();
    out.sort_by(|(a, ra), (b, rb)| names::compare_names(a, b).then(ra.id.cmp(&rb.id)));
    Ok(out.into_iter().map(|(_, r)| r).collect())
}

/// Schools where the actor manages accounts.
pub async fn schools<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<nguon_shared::views::SchoolOption>, AppError> {
    crate::org::schools_in_scope(conn, actor, Permission::ManageAccounts).await
}
