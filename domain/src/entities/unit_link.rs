//! A dated link from a school to a related body: its Party organisation, union, superior committee, deciding committee or training centre (domain.md §6: these change over time, so they are data with effective dates).

use sea_orm::entity::prelude::*;

/// A row of `unit_links`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unit_links")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school (or other unit) the link belongs to.
    pub unit_id: i64,
    /// Relation code, see `crate::org::Relation`.
    pub relation: String,
    /// The related unit.
    pub target_unit_id: i64,
    /// First day the link holds.
    pub valid_from: Date,
    /// Last day it holds; `None` while current.
    pub valid_to: Option<Date>,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
