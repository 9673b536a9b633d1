//! An erasure (anonymisation) of a student: proposed with a reason by one person, confirmed by another.

use sea_orm::entity::prelude::*;

/// A row of `erasures`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "erasures")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school (an org unit).
    pub school_id: i64,
    /// The student.
    pub student_id: i64,
    /// Why (no personal data: it stays after the erasure).
    pub reason: String,
    /// Who proposed it.
    pub proposed_by: i64,
    /// When.
    pub proposed_at: DateTimeUtc,
    /// Who confirmed it (then it was carried out).
    pub confirmed_by: Option<i64>,
    /// When.
    pub confirmed_at: Option<DateTimeUtc>,
    /// Who cancelled it instead.
    pub cancelled_by: Option<i64>,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
