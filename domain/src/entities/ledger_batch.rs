//! One logging action (one student or a whole class), idempotent by its request key.

use sea_orm::entity::prelude::*;

/// A row of `ledger_batches`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_batches")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school.
    pub school_id: i64,
    /// The activity.
    pub activity_id: i64,
    /// Unique key sent with the form.
    pub request_key: String,
    /// The officer who logged it.
    pub logged_by: i64,
    /// When.
    pub logged_at: DateTimeUtc,
    /// Evidence note.
    pub evidence: Option<String>,
    /// Entries written.
    pub entries: i32,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
