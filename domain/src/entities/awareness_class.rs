//! A Party-awareness class run by a training centre.

use sea_orm::entity::prelude::*;

/// A row of `awareness_classes`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "awareness_classes")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The training centre (an organisation unit).
    pub centre_id: i64,
    /// Name (e.g. "Lớp cảm tình Đảng khóa 1/2026").
    pub name: String,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// Places.
    pub capacity: i32,
    /// Who created it.
    pub created_by: i64,
    /// When.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
