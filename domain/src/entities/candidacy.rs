//! A student's way through the admission procedure at a school.

use sea_orm::entity::prelude::*;

/// A row of `candidacies`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "candidacies")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student.
    pub student_id: i64,
    /// The school.
    pub school_id: i64,
    /// The union's proposal it came from.
    pub proposal_id: Option<i64>,
    /// Current stage code (`nguon_shared::pipeline::Stage`).
    pub stage: String,
    /// Since when.
    pub stage_since: Date,
    /// The ceremony's day, once held (or planned).
    pub ceremony_on: Option<Date>,
    /// The superior committee's agreement to a late ceremony.
    pub superior_agreement: Option<String>,
    /// Who accepted the student into the pool.
    pub created_by: i64,
    /// When.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
