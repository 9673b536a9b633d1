//! Writing the audit log, always inside the transaction of the change it records.

use crate::entities::audit_log;
use nguon_shared::AppError;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde::Serialize;

/// Who is acting and from where: recorded with every write.
#[derive(Clone, Debug, Default)]
pub struct AuditContext {
    /// The acting user; `None` for the CLI or first-run set-up.
    pub actor_user_id: Option<i64>,
    /// The client address of the request, if there is one.
    pub client_addr: Option<String>,
}

/// One audit record.
pub struct AuditEntry<'a> {
    /// Action code, e.g. `create`, `update`, `password_change`.
    pub action: &'a str,
    /// Entity name, e.g. `user`.
    pub entity: &'a str,
    /// The entity's id.
    pub entity_id: Option<String>,
    /// State before, as JSON (no secrets).
    pub before: Option<serde_json::Value>,
    /// State after, as JSON (no secrets).
    pub after: Option<serde_json::Value>,
}

impl<'a> AuditEntry<'a> {
    /// A record of something created: its kind, id and state after.
    pub fn created(entity: &'a str, id: impl ToString, after: serde_json::Value) -> Self {
        AuditEntry { action: "create", entity, entity_id: Some(id.to_string()), before: None, after: Some(after) }
    }
}

/// Serialises a view of an entity for the audit log.
pub fn snapshot<T: Serialize>(value: &T) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

/// Appends `entry` using `conn`, which should be the transaction of the change.
pub async fn record<C: ConnectionTrait>(conn: &C, ctx: &AuditContext, entry: AuditEntry<'_>) -> Result<(), AppError> {
    audit_log::ActiveModel {
        occurred_at: Set(chrono::Utc::now()),
        actor_user_id: Set(ctx.actor_user_id),
        action: Set(entry.action.to_string()),
        entity: Set(entry.entity.to_string()),
        entity_id: Set(entry.entity_id),
        before: Set(entry.before.map(|v| v.to_string())),
        after: Set(entry.after.map(|v| v.to_string())),
        client_addr: Set(ctx.client_addr.clone()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// What the audit-log browser is narrowed to.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// Only entries on or after this day (Vietnam time).
    pub from: Option<chrono::NaiveDate>,
    /// Only entries on or before this day (Vietnam time).
    pub to: Option<chrono::NaiveDate>,
    /// Only this actor (login name).
    pub actor: Option<String>,
    /// Only this action code.
    pub action: Option<String>,
    /// Only this entity name.
    pub entity: Option<String>,
    /// Only entries older than this id (paging).
    pub before_id: Option<i64>,
}

/// Entries per page of the browser.
pub const PAGE_SIZE: u64 = 50;

/// Browses the audit log, newest first. Administrators of the top unit see
/// every entry; administrators of a part of the tree see the entries made by
/// the accounts they manage (their own included).
pub async fn browse<C: ConnectionTrait>(
    conn: &C,
    actor: &crate::policy::Actor,
    filter: &AuditFilter,
) -> Result<nguon_shared::views::AuditPage, AppError> {
    use crate::entities::user;
    use crate::policy::{require_any, role_allows, unit_chain, Permission};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    require_any(actor, Permission::ViewAuditLog)?;
    let mut top = false;
    for (role, unit) in &actor.grants {
        top |= role_allows(*role, Permission::ViewAuditLog) && unit_chain(conn, *unit).await?.len() == 1;
    }
    let mut q = audit_log::Entity::find();
    if !top {
        let managed: Vec<i64> = crate::accounts::list_manageable(conn, actor).await?.into_iter().map(|u| u.id).collect();
        q = q.filter(audit_log::Column::ActorUserId.is_in(managed.into_iter().chain([actor.user_id])));
    }
    let vietnam = |d: chrono::NaiveDate| {
        (d.and_hms_opt(0, 0, 0).expect("midnight") - chrono::Duration::hours(7)).and_utc()
    };
    if let Some(from) = filter.from {
        q = q.filter(audit_log::Column::OccurredAt.gte(vietnam(from)));
    }
    if let Some(to) = filter.to.and_then(|d| d.succ_opt()) {
        q = q.filter(audit_log::Column::OccurredAt.lt(vietnam(to)));
    }
    if let Some(login) = filter.actor.as_deref().filter(|s| !s.is_empty()) {
        let id = user::Entity::find().filter(user::Column::Username.eq(login.to_lowercase())).one(conn).await?.map(|u| u.id);
        q = q.filter(audit_log::Column::ActorUserId.eq(id.unwrap_or(-1)));
    }
    if let Some(action) = filter.action.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(audit_log::Column::Action.eq(action));
    }
    if let Some(entity) = filter.entity.as_deref().filter(|s| !s.is_empty()) {
        q = q.filter(audit_log::Column::Entity.eq(entity));
    }
    if let Some(before) = filter.before_id {
        q = q.filter(audit_log::Column::Id.lt(before));
    }
    let mut rows = q.order_by_desc(audit_log::Column::Id).limit(PAGE_SIZE + 1).all(conn).await?;
    let more = rows.len() as u64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let actor_ids: Vec<i64> = rows.iter().filter_map(|r| r.actor_user_id).collect();
    let names: std::collections::HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(actor_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.username))
        .collect();
    let next_before = if more { rows.last().map(|r| r.id) } else { None };
    Ok(nguon_shared::views::AuditPage {
        rows: rows
            .into_iter()
            .map(|r| nguon_shared::views::AuditRow {
                id: r.id,
                occurred_at: r.occurred_at,
                actor: r.actor_user_id.and_then(|id| names.get(&id).cloned()),
                action: r.action,
                entity: r.entity,
                entity_id: r.entity_id,
                before: r.before,
                after: r.after,
                client_addr: r.client_addr,
            })
            .collect(),
        next_before,
    })
}
