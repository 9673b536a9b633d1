//! A role granted to a user at an organisation unit. Revoking keeps the row.

use sea_orm::entity::prelude::*;

/// A row of `role_grants`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "role_grants")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The user holding the role.
    pub user_id: i64,
    /// Role code, see `nguon_shared::Role::code`.
    pub role: String,
    /// The unit (and its subtree) where the role applies.
    pub org_unit_id: i64,
    /// Who granted it (none for the first administrator and the CLI).
    pub granted_by: Option<i64>,
    /// When it was granted.
    pub granted_at: DateTimeUtc,
    /// Who revoked it.
    pub revoked_by: Option<i64>,
    /// When it was revoked; `None` while in force.
    pub revoked_at: Option<DateTimeUtc>,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
