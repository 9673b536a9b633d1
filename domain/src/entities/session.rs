//! A server-side login session. The id is the SHA-256 of the cookie token.

use sea_orm::entity::prelude::*;

/// A row of `sessions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    /// Hex SHA-256 of the secret token held in the cookie.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The signed-in user.
    pub user_id: i64,
    /// Login time.
    pub created_at: DateTimeUtc,
    /// Last request seen (written at most once per touch interval).
    pub last_seen_at: DateTimeUtc,
    /// Absolute end of the session.
    pub expires_at: DateTimeUtc,
    /// Client address at login.
    pub client_addr: String,
    /// User agent at login, truncated.
    pub user_agent: String,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
