//! A joint meeting of the school's Party cell and Youth Union.

use sea_orm::entity::prelude::*;

/// A row of `joint_meetings`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "joint_meetings")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school.
    pub school_id: i64,
    /// Day held.
    pub held_on: Date,
    /// Who attended (names and roles, as written).
    pub attendees: String,
    /// What was decided.
    pub decisions: String,
    /// Who recorded it.
    pub recorded_by: i64,
    /// When.
    pub recorded_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
