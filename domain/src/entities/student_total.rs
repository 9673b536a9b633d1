//! Approved points of a student per school year, semester and category,
//! maintained in the transaction of each approval (always equal to the sum
//! of the approved entries).

use sea_orm::entity::prelude::*;

/// A row of `student_totals`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "student_totals")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student.
    pub student_id: i64,
    /// The school year.
    pub school_year_id: i64,
    /// Semester 1 or 2; 0 outside both.
    pub semester: i16,
    /// The category.
    pub category_id: i64,
    /// Sum of approved points.
    pub points: i64,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
