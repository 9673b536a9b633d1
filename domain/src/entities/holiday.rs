//! A change to the default holiday calendar, for a unit's subtree.

use sea_orm::entity::prelude::*;

/// A row of `holidays`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "holidays")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Where it applies (usually the top unit).
    pub unit_id: i64,
    /// The day.
    pub day: Date,
    /// Name.
    pub name: String,
    /// A day off added (true) or a default holiday made a working day (false).
    pub off: bool,
    /// Who set it.
    pub set_by: i64,
    /// When.
    pub set_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
