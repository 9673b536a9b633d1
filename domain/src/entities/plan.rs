//! A plan of a Party committee (e.g. "88-KH/HU"): its issuer, number, date,
//! title and the unit whose schools it covers.
use sea_orm::entity::prelude::*;

/// A row of `plans`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plans")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The issuing body (historical bodies included).
    pub issuer_unit_id: i64,
    /// Number and symbol, e.g. "88-KH/HU".
    pub number: String,
    /// Date of issue.
    pub issued_on: Date,
    /// Title.
    pub title: String,
    /// The unit whose schools it covers.
    pub scope_unit_id: i64,
    /// First day in force.
    pub in_force_from: Date,
    /// The plan this one replaces from `in_force_from`.
    pub replaces_plan_id: Option<i64>,
    /// Who recorded it.
    pub created_by: i64,
    /// When.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
