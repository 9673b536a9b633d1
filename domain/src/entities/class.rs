//! A class of a school year, e.g. 12A1.

use sea_orm::entity::prelude::*;

/// A row of `classes`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "classes")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school year.
    pub school_year_id: i64,
    /// Display name, e.g. "12A1".
    pub name: String,
    /// 10, 11 or 12.
    pub grade: i16,
    /// Homeroom teacher (staff).
    pub homeroom_staff_id: Option<i64>,
    /// The Youth Union class branch (an org unit), if recorded.
    pub branch_unit_id: Option<i64>,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
