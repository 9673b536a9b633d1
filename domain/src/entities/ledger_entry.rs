//! A line of the emulation ledger. Append-only: corrections are reversing
//! entries, never edits; only `status` and the review fields change, once.

use sea_orm::entity::prelude::*;

/// A row of `ledger_entries`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entries")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school.
    pub school_id: i64,
    /// The school year.
    pub school_year_id: i64,
    /// The student.
    pub student_id: i64,
    /// The activity.
    pub activity_id: i64,
    /// The achievement level, for levelled activities.
    pub level_id: Option<i64>,
    /// The batch it was logged in.
    pub batch_id: Option<i64>,
    /// Signed points.
    pub points: i32,
    /// The day it happened.
    pub occurred_on: Date,
    /// Evidence note.
    pub evidence: Option<String>,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    /// Who logged it.
    pub logged_by: i64,
    /// When.
    pub logged_at: DateTimeUtc,
    /// Who approved or rejected it.
    pub reviewed_by: Option<i64>,
    /// When.
    pub reviewed_at: Option<DateTimeUtc>,
    /// The entry this one cancels.
    pub reverses_id: Option<i64>,
    /// Why (reversals and rejections).
    pub reason: Option<String>,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
