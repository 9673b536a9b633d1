//! The union's proposal of an outstanding student to the Party source pool.

use sea_orm::entity::prelude::*;

/// A row of `pool_proposals`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pool_proposals")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student.
    pub student_id: i64,
    /// The school.
    pub school_id: i64,
    /// The school year of the proposal.
    pub school_year_id: i64,
    /// The officer's reason.
    pub reason: String,
    /// JSON list of the criteria as evaluated when proposed.
    pub criteria: String,
    /// `proposed`, `accepted` or `declined`.
    pub status: String,
    /// Who proposed.
    pub proposed_by: i64,
    /// When.
    pub proposed_at: DateTimeUtc,
    /// Who decided (Party cell).
    pub decided_by: Option<i64>,
    /// When.
    pub decided_at: Option<DateTimeUtc>,
    /// The decision's reason.
    pub decision_reason: Option<String>,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
