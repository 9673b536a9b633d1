//! Wire types of the emulation ledger.

use serde::{Deserialize, Serialize};

/// An activity of a school year's catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityView {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Category name.
    pub category: String,
    /// First day.
    pub starts_on: chrono::NaiveDate,
    /// Last day of a period.
    pub ends_on: Option<chrono::NaiveDate>,
    /// Who runs it.
    pub organiser: Option<String>,
    /// `fixed`, `by_level` or `deduction`.
    pub rule_kind: String,
    /// Points of a fixed rule or deduction (signed: deductions negative).
    pub points: i32,
    /// Levels of a levelled rule: (id, label, points).
    pub levels: Vec<(i64, String, i32)>,
}

/// What logging a batch did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogResult {
    /// The batch.
    pub batch_id: i64,
    /// Entries in it.
    pub entries: u32,
    /// Whether they already count (no second approval required at this school).
    pub approved: bool,
    /// Whether this was a repeated submit of an earlier batch (nothing new written).
    pub repeated: bool,
}

/// A ledger line as shown on a student's page or in the approval queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRow {
    /// Id.
    pub id: i64,
    /// Student id.
    pub student_id: i64,
    /// Student's full name.
    pub student_name: String,
    /// The student's class in the entry's school year.
    pub class_name: Option<String>,
    /// The logging action it came in (none for a correction).
    pub batch_id: Option<i64>,
    /// The activity's name.
    pub activity: String,
    /// The category's name.
    pub category: String,
    /// The level's label, if levelled.
    pub level: Option<String>,
    /// Signed points.
    pub points: i32,
    /// The day it happened.
    pub occurred_on: chrono::NaiveDate,
    /// `pending`, `approved`, `rejected`.
    pub status: String,
    /// Who logged it (login name).
    pub logged_by: String,
    /// Who reviewed it.
    pub reviewed_by: Option<String>,
    /// Evidence note.
    pub evidence: Option<String>,
    /// The entry it cancels.
    pub reverses_id: Option<i64>,
    /// Reason of a reversal or rejection.
    pub reason: Option<String>,
}

/// A place in a ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankRow {
    /// Student id.
    pub student_id: i64,
    /// Full name.
    pub name: String,
    /// Class.
    pub class_name: String,
    /// Approved points.
    pub points: i64,
    /// Competition rank (ties share it).
    pub rank: u32,
    /// Whether the rank is shared.
    pub tied: bool,
}
