//! The admission decision.

use sea_orm::entity::prelude::*;

/// A row of `decisions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decisions")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// The deciding committee in force that day.
    pub deciding_body_id: Option<i64>,
    /// Decision number.
    pub number: String,
    /// Decision date.
    pub decided_on: Date,
    /// Received by the school.
    pub received_on: Date,
    /// Who recorded it.
    pub recorded_by: i64,
    /// When.
    pub recorded_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
