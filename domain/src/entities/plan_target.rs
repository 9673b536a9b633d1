//! A plan's target for one calendar year, for its whole scope or for one school.
use sea_orm::entity::prelude::*;

/// A row of `plan_targets`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_targets")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The plan.
    pub plan_id: i64,
    /// Calendar year.
    pub year: i32,
    /// The plan's scope unit or a school in it.
    pub unit_id: i64,
    /// New Party members wanted (all kinds; the scope's figure).
    pub new_members: Option<i32>,
    /// Of them, students.
    pub student_members: Option<i32>,
    /// Party-awareness class trainees wanted.
    pub trainees: Option<i32>,
    /// Who set it last.
    pub set_by: i64,
    /// When.
    pub set_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
