//! A data-subject request (domain.md §5): who asked what about a student, when it is due, and its answer.

use sea_orm::entity::prelude::*;

/// A row of `data_requests`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "data_requests")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school (an org unit).
    pub school_id: i64,
    /// The student the request is about.
    pub student_id: i64,
    /// `student` or `guardian`.
    pub requester: String,
    /// The person who asked.
    pub requester_name: String,
    /// `access`, `correction`, `erasure`, `withdrawal` or `objection`.
    pub kind: String,
    /// What was asked, briefly.
    pub details: String,
    /// Day received.
    pub received_on: Date,
    /// Day it must be answered by (working days of the school's calendar).
    pub due_on: Date,
    /// Day answered.
    pub answered_on: Option<Date>,
    /// The answer given.
    pub answer: Option<String>,
    /// Who answered.
    pub answered_by: Option<i64>,
    /// Who recorded the request.
    pub recorded_by: i64,
    /// When.
    pub recorded_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
