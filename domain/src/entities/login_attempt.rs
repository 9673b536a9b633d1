//! A login attempt, kept for throttling (shared by every app instance).

use sea_orm::entity::prelude::*;

/// A row of `login_attempts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_attempts")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The login name tried, lower case (may not exist).
    pub username: String,
    /// The client address.
    pub client_addr: String,
    /// When.
    pub attempted_at: DateTimeUtc,
    /// Whether it succeeded.
    pub succeeded: bool,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
