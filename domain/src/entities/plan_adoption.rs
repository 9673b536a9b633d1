//! A successor body carrying a plan on from a date (domain.md §6): from
//! then the plan also covers the schools under that body.
use sea_orm::entity::prelude::*;

/// A row of `plan_adoptions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_adoptions")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The plan.
    pub plan_id: i64,
    /// The adopting body.
    pub body_unit_id: i64,
    /// From this day.
    pub from_date: Date,
    /// Who recorded it.
    pub recorded_by: i64,
    /// When.
    pub recorded_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
