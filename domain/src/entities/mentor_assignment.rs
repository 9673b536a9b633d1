//! A mentor assigned to a candidate by the Party cell; replacement keeps the history.

use sea_orm::entity::prelude::*;

/// A row of `mentor_assignments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentor_assignments")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// The mentor (staff, an official member).
    pub staff_id: i64,
    /// From.
    pub from_date: Date,
    /// Until (replaced or ended).
    pub to_date: Option<Date>,
    /// Replaces an earlier mentor (exempt from the months-together rule as introducer).
    pub replacement: bool,
    /// Why (a replacement's reason).
    pub reason: Option<String>,
    /// Who recorded it.
    pub decided_by: i64,
    /// When.
    pub decided_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
