//! A Party body's vote on a candidate.

use sea_orm::entity::prelude::*;

/// A row of `votes`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "votes")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// `cell` or `committee`.
    pub body: String,
    /// Meeting day.
    pub meeting_on: Date,
    /// Official members of the body.
    pub members: i32,
    /// Present.
    pub present: i32,
    /// For.
    pub for_votes: i32,
    /// Against.
    pub against: i32,
    /// Abstaining.
    pub abstain: i32,
    /// Who recorded it.
    pub recorded_by: i64,
    /// When.
    pub recorded_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
