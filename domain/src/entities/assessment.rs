//! A mentor's periodic assessment of a candidate, on the structured template.

use sea_orm::entity::prelude::*;

/// A row of `assessments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessments")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// The mentor (staff) who wrote it.
    pub staff_id: i64,
    /// The day it was written.
    pub written_on: Date,
    /// Political awareness rating.
    pub political: String,
    /// Ethics and lifestyle rating.
    pub ethics: String,
    /// Study rating.
    pub study: String,
    /// Union activity rating.
    pub union_work: String,
    /// Strengths.
    pub strengths: String,
    /// Points to improve.
    pub to_improve: String,
    /// Recommendation code.
    pub recommendation: String,
    /// The account that wrote it.
    pub written_by: i64,
    /// When.
    pub written_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
