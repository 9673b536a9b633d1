//! A candidate's place in an awareness class.

use sea_orm::entity::prelude::*;

/// A row of `awareness_enrolments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "awareness_enrolments")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The class.
    pub class_id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// Day of enrolment.
    pub enrolled_on: Date,
    /// The certificate, once the class is completed.
    pub certificate_id: Option<i64>,
    /// Who enrolled the candidate.
    pub enrolled_by: i64,
    /// When.
    pub enrolled_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
