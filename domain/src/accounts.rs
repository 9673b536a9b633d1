//! Staff accounts: validated inputs, password hashing, authentication,
//! password changes and the current-user view.

mod inputs;
mod password;

pub use inputs::{FullName, NewPassword, Username};
pub use password::{hash_password, verify_password};

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{org_unit, role_grant, user};
use crate::settings::AuthSettings;
use crate::{sessions, throttle};
use nguon_shared::views::{CurrentUserView, RoleGrantView};
use nguon_shared::{AppError, ErrorCode, Locale, Role};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
};
use serde::Serialize;

/// What the audit log keeps of an account: never the hash.
#[derive(Serialize)]
struct UserAudit<'a> {
    username: &'a str,
    full_name: &'a str,
    locale: &'a str,
    is_active: bool,
}

impl<'a> From<&'a user::Model> for UserAudit<'a> {
    fn from(u: &'a user::Model) -> Self {
        UserAudit { username: &u.username, full_name: &u.full_name, locale: &u.locale, is_active: u.is_active }
    }
}

/// Validated input for a new account.
pub struct NewUser {
    /// Login name.
    pub username: Username,
    /// Display name.
    pub full_name: FullName,
    /// Password, already checked.
    pub password: NewPassword,
    /// Interface language.
    pub locale: Locale,
}

/// Creates an account inside `conn` (a transaction) and audits it.
pub async fn create_user<C: ConnectionTrait>(conn: &C, ctx: &AuditContext, input: NewUser) -> Result<user::Model, AppError> {
    let taken = user::Entity::find().filter(user::Column::Username.eq(input.username.as_str())).one(conn).await?;
    if taken.is_some() {
        return Err(AppError::invalid("username", ErrorCode::UsernameTaken));
    }
    let hash = hash_password(input.password.expose()).await?;
    let now = chrono::Utc::now();
    let created = user::ActiveModel {
        username: Set(input.username.as_str().to_string()),
        full_name: Set(input.full_name.as_str().to_string()),
        password_hash: Set(hash),
        locale: Set(input.locale.code().to_string()),
        is_active: Set(true),
        created_at: Set(now),
        password_changed_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        ctx,
        AuditEntry {
            action: "create",
            entity: "user",
            entity_id: Some(created.id.to_string()),
            before: None,
            after: audit::snapshot(&UserAudit::from(&created)),
        },
    )
    .await?;
    Ok(created)
}

/// Grants `role` at `unit_id` inside `conn`, audited.
pub async fn grant_role<C: ConnectionTrait>(
    conn: &C,
    ctx: &AuditContext,
    user_id: i64,
    role: Role,
    unit_id: i64,
) -> Result<role_grant::Model, AppError> {
    let grant = role_grant::ActiveModel {
        user_id: Set(user_id),
        role: Set(role.code().to_string()),
        org_unit_id: Set(unit_id),
        granted_by: Set(ctx.actor_user_id),
        granted_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        ctx,
        AuditEntry {
            action: "grant",
            entity: "role_grant",
            entity_id: Some(grant.id.to_string()),
            before: None,
            after: Some(serde_json::json!({ "user_id": user_id, "role": role.code(), "org_unit_id": unit_id })),
        },
    )
    .await?;
    Ok(grant)
}

/// Checks a login. Throttled keys are refused before the password is
/// looked at; every attempt is recorded. Unknown names cost as much time as
/// known ones, so timing does not reveal which accounts exist.
pub async fn authenticate(
    db: &DatabaseConnection,
    settings: &AuthSettings,
    username: &str,
    password: &str,
    client_addr: &str,
) -> Result<user::Model, AppError> {
    let key = username.trim().to_lowercase();
    let now = chrono::Utc::now();
    if key.is_empty() || password.is_empty() {
        return Err(AppError::InvalidCredentials);
    }
    // No account has a longer name (nor could the attempt be recorded): the same answer, after the same time.
    if key.chars().count() > inputs::USERNAME_MAX {
        password::burn_time(password).await;
        return Err(AppError::InvalidCredentials);
    }
    throttle::check(db, settings, &key, client_addr, now).await?;
    let found = user::Entity::find().filter(user::Column::Username.eq(key.as_str())).one(db).await?;
    let ok = match &found {
        Some(u) => verify_password(&u.password_hash, password).await && u.is_active,
        None => {
            password::burn_time(password).await;
            false
        }
    };
    throttle::record(db, &key, client_addr, ok, now).await?;
    match found {
        Some(u) if ok => Ok(u),
        _ => Err(AppError::InvalidCredentials),
    }
}

/// Changes the user's own password after checking the current one, then ends
/// every other session of the account. One transaction, audited.
pub async fn change_password(
    db: &DatabaseConnection,
    ctx: &AuditContext,
    user_id: i64,
    keep_session_id: Option<&str>,
    current: &str,
    new: &str,
    confirm: &str,
) -> Result<(), AppError> {
    let account = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::Unauthenticated)?;
    let new = NewPassword::parse(new, confirm, &account.username)?;
    if !verify_password(&account.password_hash, current).await {
        return Err(AppError::invalid("current", ErrorCode::WrongCurrentPassword));
    }
    if current == new.expose() {
        return Err(AppError::invalid("new", ErrorCode::PasswordTooGuessable));
    }
    let hash = hash_password(new.expose()).await?;
    let txn = crate::db::begin_write(db).await?;
    set_password_hash(&txn, ctx, account, hash, "password_change").await?;
    sessions::revoke_all_for_user(&txn, user_id, keep_session_id).await?;
    txn.commit().await?;
    Ok(())
}

/// Administrator reset (CLI): sets a new password and ends every session.
pub async fn reset_password(db: &DatabaseConnection, ctx: &AuditContext, username: &str, new: &str) -> Result<(), AppError> {
    let account = find_by_username(db, username).await?;
    let new = NewPassword::parse(new, new, &account.username)?;
    set_password_ending_sessions(db, ctx, account, new).await
}

/// Sets a validated new password and ends every session of the account, in
/// one transaction, audited as a reset (callers have authorised it).
pub async fn set_password_ending_sessions(db: &DatabaseConnection, ctx: &AuditContext, account: user::Model, new: NewPassword) -> Result<(), AppError> {
    let hash = hash_password(new.expose()).await?;
    let txn = crate::db::begin_write(db).await?;
    let id = account.id;
    set_password_hash(&txn, ctx, account, hash, "password_reset").await?;
    sessions::revoke_all_for_user(&txn, id, None).await?;
    txn.commit().await?;
    Ok(())
}

/// Administrator action (CLI): ends every session of the account named
/// `username`, audited; returns how many ended.
pub async fn revoke_all_sessions(db: &DatabaseConnection, ctx: &AuditContext, username: &str) -> Result<u64, AppError> {
    let account = find_by_username(db, username).await?;
    sessions::end_sessions(db, ctx, account.id, None).await
}

/// The account with this login name, or [`AppError::NotFound`].
async fn find_by_username(db: &DatabaseConnection, username: &str) -> Result<user::Model, AppError> {
    let username = Username::parse(username).map_err(|e| AppError::Invalid(vec![e]))?;
    user::Entity::find()
        .filter(user::Column::Username.eq(username.as_str()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn set_password_hash<C: ConnectionTrait>(
    conn: &C,
    ctx: &AuditContext,
    account: user::Model,
    hash: String,
    action: &str,
) -> Result<(), AppError> {
    let id = account.id;
    let mut active: user::ActiveModel = account.into();
    active.password_hash = Set(hash);
    active.password_changed_at = Set(chrono::Utc::now());
    active.update(conn).await?;
    // The hash itself is never written to the log: the change is the fact.
    audit::record(conn, ctx, AuditEntry { action, entity: "user", entity_id: Some(id.to_string()), before: None, after: None })
        .await
}

/// Stores the user's interface language, audited.
pub async fn set_locale(db: &DatabaseConnection, ctx: &AuditContext, user_id: i64, locale: Locale) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    let account = user::Entity::find_by_id(user_id).one(&txn).await?.ok_or(AppError::Unauthenticated)?;
    if account.locale != locale.code() {
        let before = audit::snapshot(&UserAudit::from(&account));
        let mut active: user::ActiveModel = account.into();
        active.locale = Set(locale.code().to_string());
        let after = active.update(&txn).await?;
        audit::record(
            &txn,
            ctx,
            AuditEntry {
                action: "update",
                entity: "user",
                entity_id: Some(user_id.to_string()),
                before,
                after: audit::snapshot(&UserAudit::from(&after)),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Role grants in force for a user, as (role, unit id).
pub async fn active_grants<C: ConnectionTrait>(conn: &C, user_id: i64) -> Result<Vec<(Role, i64)>, AppError> {
    let rows = role_grant::Entity::find()
        .filter(role_grant::Column::UserId.eq(user_id))
        .filter(role_grant::Column::RevokedAt.is_null())
        .all(conn)
        .await?;
    Ok(rows.into_iter().filter_map(|g| Role::from_code(&g.role).map(|r| (r, g.org_unit_id))).collect())
}

/// The view of a signed-in user that the browser receives.
pub async fn current_user_view<C: ConnectionTrait>(conn: &C, account: &user::Model) -> Result<CurrentUserView, AppError> {
    let grants = active_grants(conn, account.id).await?;
    let unit_ids: Vec<i64> = grants.iter().map(|(_, u)| *u).collect();
    let units = org_unit::Entity::find().filter(org_unit::Column::Id.is_in(unit_ids)).all(conn).await?;
    let mut roles: Vec<RoleGrantView> = grants
        .into_iter()
        .map(|(role, unit_id)| RoleGrantView {
            role,
            unit_id,
            unit_name: units.iter().find(|u| u.id == unit_id).map(|u| u.name.clone()).unwrap_or_default(),
        })
        .collect();
    roles.sort_by(|a, b| a.role.cmp(&b.role).then(a.unit_id.cmp(&b.unit_id)));
    Ok(CurrentUserView {
        id: account.id,
        username: account.username.clone(),
        full_name: account.full_name.clone(),
        locale: Locale::from_code(&account.locale).unwrap_or_default(),
        roles,
    })
}

/// Finds an account by id.
pub async fn find_user<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<user::Model>, AppError> {
    Ok(user::Entity::find_by_id(id).one(conn).await?)
}

/// Accounts an administrator may manage: those holding a role inside one of
/// the actor's administration scopes, and (for an administrator of a top
/// unit) accounts holding no role yet. In class-list order (given name,
/// middle name, family name, Vietnamese alphabet).
pub async fn list_manageable<C: ConnectionTrait>(
    conn: &C,
    actor: &crate::policy::Actor,
) -> Result<Vec<nguon_shared::views::UserRow>, AppError> {
    use crate::policy::{role_allows, unit_chain, Permission};
    crate::policy::require_any(actor, Permission::ManageAccounts)?;
    let admin_units: Vec<i64> =
        actor.grants.iter().filter(|(r, _)| role_allows(*r, Permission::ManageAccounts)).map(|(_, u)| *u).collect();
    let mut admin_of_top = false;
    for u in &admin_units {
        admin_of_top |= unit_chain(conn, *u).await?.len() == 1;
    }
    let mut chains: std::collections::HashMap<i64, Vec<i64>> = std::collections::HashMap::new();
    let mut rows = Vec::new();
    for account in user::Entity::find().all(conn).await? {
        let view = current_user_view(conn, &account).await?;
        let mut visible = view.roles.is_empty() && admin_of_top;
        for g in &view.roles {
            if !chains.contains_key(&g.unit_id) {
                chains.insert(g.unit_id, unit_chain(conn, g.unit_id).await?);
            }
            visible |= chains[&g.unit_id].iter().any(|u| admin_units.contains(u));
        }
        if visible {
            rows.push(nguon_shared::views::UserRow {
                id: account.id,
                username: account.username,
                full_name: account.full_name,
                is_active: account.is_active,
                roles: view.roles,
            });
        }
    }
    rows.sort_by(|a, b| crate::names::compare_full_names(&a.full_name, &b.full_name).then(a.id.cmp(&b.id)));
    Ok(rows)
}
