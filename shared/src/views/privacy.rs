//! The views of the personal-data pages.

use super::{SchoolChoice, Slice};
use crate::privacy::{ConsentChoice, ErasureState, PrivacyRules, RequestRow, StudentIdentity, StudentMatch};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `/privacy`: a school's register of data-subject requests, and the search for a student.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyView {
    /// The schools offered and the one shown.
    pub choice: SchoolChoice,
    /// Requests: open ones first (soonest due first), then answered ones (latest first).
    pub requests: Slice<RequestRow>,
    /// The search typed (`?q=`).
    pub q: String,
    /// Students matching the search (none without a search).
    pub matches: Slice<StudentMatch>,
    /// The numbers in force at the school today.
    pub rules: PrivacyRules,
    /// Whether the reader may change those numbers.
    pub can_configure: bool,
}

/// `/privacy/student/:id`: one student's requests, identity, consents and erasure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyStudentView {
    /// The student's identity (sensitive fields empty unless `sensitive`).
    pub identity: StudentIdentity,
    /// Full name.
    pub name: String,
    /// The school's name.
    pub school: String,
    /// Whether the reader sees and may correct ethnicity and religion.
    pub sensitive: bool,
    /// Whether the reader may produce the export of everything held.
    pub can_export: bool,
    /// The student's requests, open first.
    pub requests: Vec<RequestRow>,
    /// Consents in force (a withdrawal request ends one of them).
    pub consents: Vec<ConsentChoice>,
    /// Where an erasure stands.
    pub erasure: ErasureState,
    /// Today, for the forms' default dates.
    pub today: NaiveDate,
}
