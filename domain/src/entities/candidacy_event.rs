//! A stage move. Append-only: the history of a candidacy is never edited.

use sea_orm::entity::prelude::*;

/// A row of `candidacy_events`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "candidacy_events")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// Stage before (none for entering the pool).
    pub from_stage: Option<String>,
    /// Stage after.
    pub to_stage: String,
    /// The day it happened (meeting, decision…).
    pub happened_on: Date,
    /// Reason (exits, overrides).
    pub reason: Option<String>,
    /// JSON of the failed checks an officer overrode.
    pub overridden_checks: Option<String>,
    /// JSON of what the move recorded.
    pub details: Option<String>,
    /// Who recorded it.
    pub recorded_by: i64,
    /// When.
    pub recorded_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
