//! A student discussed at a joint meeting.

use sea_orm::entity::prelude::*;

/// A row of `joint_meeting_students`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "joint_meeting_students")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The meeting.
    pub meeting_id: i64,
    /// The student.
    pub student_id: i64,
    /// What was said or decided about them.
    pub note: Option<String>,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
