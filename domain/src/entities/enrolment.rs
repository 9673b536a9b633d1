//! A student's class in one school year (one per year; history kept across years).

use sea_orm::entity::prelude::*;

/// A row of `enrolments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrolments")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student.
    pub student_id: i64,
    /// The class.
    pub class_id: i64,
    /// The class's school year (kept here for the one-class-per-year rule).
    pub school_year_id: i64,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
