//! The append-only audit log: who changed what, when, before and after.

use sea_orm::entity::prelude::*;

/// A row of `audit_log`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// When.
    pub occurred_at: DateTimeUtc,
    /// Who (none for the CLI and first-run set-up).
    pub actor_user_id: Option<i64>,
    /// Action code, e.g. `create`, `update`, `login`.
    pub action: String,
    /// Entity name, e.g. `user`.
    pub entity: String,
    /// Entity id, if any.
    pub entity_id: Option<String>,
    /// JSON of the state before (never secrets).
    pub before: Option<String>,
    /// JSON of the state after (never secrets).
    pub after: Option<String>,
    /// Client address of the request.
    pub client_addr: Option<String>,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
