//! A consent given for a student's candidacy (the student's, or a parent's or guardian's), and its withdrawal.

use sea_orm::entity::prelude::*;

/// A row of `consents`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consents")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student.
    pub student_id: i64,
    /// `student` or `guardian`.
    pub subject: String,
    /// Who gave it.
    pub person_name: String,
    /// A guardian's relation to the student.
    pub relation: Option<String>,
    /// The day it was given.
    pub given_on: Date,
    /// `paper`, `in_person` or `electronic`.
    pub method: String,
    /// What it covers.
    pub scope: String,
    /// Who recorded it.
    pub recorded_by: i64,
    /// When.
    pub recorded_at: DateTimeUtc,
    /// The day it was withdrawn.
    pub withdrawn_on: Option<Date>,
    /// Why.
    pub withdrawn_reason: Option<String>,
    /// Who recorded the withdrawal.
    pub withdrawn_by: Option<i64>,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
