//! A union member's classification for a school year, as an officer confirmed it.

use sea_orm::entity::prelude::*;

/// A row of `union_classifications`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "union_classifications")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student.
    pub student_id: i64,
    /// The school year.
    pub school_year_id: i64,
    /// The level the thresholds suggested at confirmation.
    pub suggested: String,
    /// The confirmed level.
    pub level: String,
    /// Who confirmed.
    pub confirmed_by: i64,
    /// When.
    pub confirmed_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
