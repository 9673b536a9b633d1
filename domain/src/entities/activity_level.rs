//! An achievement level of a levelled activity ("Giải nhất cấp tỉnh") and its points.

use sea_orm::entity::prelude::*;

/// A row of `activity_levels`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_levels")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The activity.
    pub activity_id: i64,
    /// Label.
    pub label: String,
    /// Points.
    pub points: i32,
    /// Position in lists.
    pub sort_order: i32,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
