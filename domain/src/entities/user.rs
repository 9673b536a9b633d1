//! A staff account. The password hash never leaves the server: this entity
//! is not `Serialize`.

use sea_orm::entity::prelude::*;

/// A row of `users`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Login name, lower case, unique.
    #[sea_orm(unique)]
    pub username: String,
    /// Full name for display.
    pub full_name: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Preferred UI language code.
    pub locale: String,
    /// A deactivated account cannot log in.
    pub is_active: bool,
    /// Creation time.
    pub created_at: DateTimeUtc,
    /// When the password was last set.
    pub password_changed_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
