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
