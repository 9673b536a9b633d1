//! An activity of a school year's catalogue, with its points rule.

use sea_orm::entity::prelude::*;

/// A row of `activities`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school.
    pub school_id: i64,
    /// The school year.
    pub school_year_id: i64,
    /// Its category.
    pub category_id: i64,
    /// Name.
    pub name: String,
    /// First day.
    pub starts_on: Date,
    /// Last day, for a period.
    pub ends_on: Option<Date>,
    /// Who runs it.
    pub organiser: Option<String>,
    /// `fixed`, `by_level` or `deduction`.
    pub rule_kind: String,
    /// Points of a fixed rule or a deduction (0 for levelled rules).
    pub points: i32,
    /// Who created it.
    pub created_by: Option<i64>,
    /// When.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
