//! An official member introducing a candidate.

use sea_orm::entity::prelude::*;

/// A row of `introducers`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "introducers")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// The introducer.
    pub staff_id: i64,
    /// Since when they have worked or studied with the candidate.
    pub together_since: Date,
    /// A replacement introducer.
    pub replacement: bool,
    /// Who recorded it.
    pub added_by: i64,
    /// When.
    pub added_at: DateTimeUtc,
    /// When removed.
    pub removed_at: Option<DateTimeUtc>,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
