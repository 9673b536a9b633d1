//! Personal-data duties (domain.md §5): the register of data-subject
//! requests, a student's identity as it may be corrected, the state of an
//! erasure, and the export of everything the app holds about a student.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Kinds of request a data subject may make, in the register's order.
pub const REQUEST_KINDS: [&str; 5] = ["access", "correction", "erasure", "withdrawal", "objection"];

/// Who made a request: the student, or a parent or guardian.
pub const REQUESTERS: [&str; 2] = ["student", "guardian"];

/// The numbers of the personal-data duties (a configurable rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyRules {
    /// A request is answered within this many working days of its receipt (the law: 2).
    pub answer_working_days: u32,
    /// Students who left school more than this many years ago, without a candidacy, are anonymised.
    pub retention_years: u32,
}

impl Default for PrivacyRules {
    fn default() -> Self {
        PrivacyRules { answer_working_days: 2, retention_years: 5 }
    }
}

/// A request in the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRow {
    /// Its id.
    pub id: i64,
    /// The student it is about.
    pub student_id: i64,
    /// The student's full name.
    pub student_name: String,
    /// `student` or `guardian`.
    pub requester: String,
    /// The person who asked.
    pub requester_name: String,
    /// One of [`REQUEST_KINDS`].
    pub kind: String,
    /// What was asked, in the requester's words (short).
    pub details: String,
    /// The day it was received.
    pub received_on: NaiveDate,
    /// The day it must be answered by.
    pub due_on: NaiveDate,
    /// The day it was answered.
    pub answered_on: Option<NaiveDate>,
    /// The answer given.
    pub answer: Option<String>,
    /// Unanswered after its due day.
    pub overdue: bool,
}

/// A student found by the register's search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentMatch {
    /// Student id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Student code.
    pub code: Option<String>,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
}

/// A student's identity fields, as the correction form shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentIdentity {
    /// Student id.
    pub id: i64,
    /// Student code.
    pub code: String,
    /// Họ.
    pub family_name: String,
    /// Tên đệm.
    pub middle_name: String,
    /// Tên.
    pub given_name: String,
    /// Date of birth.
    pub date_of_birth: Option<NaiveDate>,
    /// `male`, `female`, `other` or empty.
    pub gender: String,
    /// Sensitive: empty unless the reader may see it.
    pub ethnicity: String,
    /// Sensitive: empty unless the reader may see it.
    pub religion: String,
    /// Quê quán: commune or ward.
    pub hometown_commune: String,
    /// Quê quán: province.
    pub hometown_province: String,
    /// Residence: commune or ward.
    pub residence_commune: String,
    /// Residence: province.
    pub residence_province: String,
    /// Parent or guardian.
    pub guardian_name: String,
    /// Their phone.
    pub guardian_phone: String,
}

/// Where a student's erasure stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureState {
    /// It may be proposed.
    Open,
    /// The student has a candidacy: its record is kept as the rules require.
    Kept,
    /// Proposed, waiting for a second person's confirmation.
    Proposed {
        /// The proposal.
        id: i64,
        /// Who proposed it.
        by: String,
        /// Why.
        reason: String,
        /// Whether the reader proposed it (and so may not confirm it).
        by_me: bool,
    },
    /// Done: the student is anonymised.
    Done {
        /// When.
        on: NaiveDate,
    },
}

/// A consent that a withdrawal request may end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentChoice {
    /// Consent id.
    pub id: i64,
    /// `student` or `guardian`.
    pub subject: String,
    /// Who gave it.
    pub person_name: String,
    /// When.
    pub given_on: NaiveDate,
}

/// One value of an exported record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ExportValue {
    /// No value.
    Empty,
    /// A whole number (ids, points, counts).
    Integer(i64),
    /// Another number.
    Number(f64),
    /// Yes or no.
    Bool(bool),
    /// Text, dates and times as written in the database (ISO 8601).
    Text(String),
}

/// The records of one kind (one table) about a student.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportSection {
    /// The table's name (also the key in the machine-readable file).
    pub table: String,
    /// Column names.
    pub columns: Vec<String>,
    /// One row per record, in the columns' order.
    pub rows: Vec<Vec<ExportValue>>,
}

/// Everything the app holds about a student.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudentExport {
    /// Student id.
    pub student_id: i64,
    /// Full name (as held now).
    pub name: String,
    /// The school's name.
    pub school: String,
    /// When the export was produced.
    pub produced_at: DateTime<Utc>,
    /// Every kind of record, including empty ones.
    pub sections: Vec<ExportSection>,
}

impl StudentExport {
    /// The machine-readable form: `{ student_id, name, school, produced_at,
    /// records: { table: [ { column: value } ] } }`.
    pub fn machine_readable(&self) -> serde_json::Value {
        let records: serde_json::Map<String, serde_json::Value> = self
            .sections
            .iter()
            .map(|s| {
                let rows = s
                    .rows
                    .iter()
                    .map(|r| {
                        let obj: serde_json::Map<String, serde_json::Value> =
                            s.columns.iter().zip(r).map(|(c, v)| (c.clone(), serde_json::to_value(v).unwrap_or_default())).collect();
                        serde_json::Value::Object(obj)
                    })
                    .collect();
                (s.table.clone(), serde_json::Value::Array(rows))
            })
            .collect();
        serde_json::json!({
            "student_id": self.student_id,
            "name": self.name,
            "school": self.school,
            "produced_at": self.produced_at,
            "records": records,
        })
    }

    /// The section of `table`, if any.
    pub fn section(&self, table: &str) -> Option<&ExportSection> {
        self.sections.iter().find(|s| s.table == table)
    }
}
