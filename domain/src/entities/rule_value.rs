//! A configurable rule's value at a unit from a date (domain.md: every
//! numbered rule is data with a default).

use sea_orm::entity::prelude::*;

/// A row of `rule_values`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rule_values")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The unit (and its subtree) the value applies to.
    pub unit_id: i64,
    /// Rule key, e.g. `ledger.approval_required`.
    pub key: String,
    /// The value as JSON.
    pub value: String,
    /// In force from.
    pub valid_from: Date,
    /// Who set it.
    pub set_by: Option<i64>,
    /// When.
    pub set_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
