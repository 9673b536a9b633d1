//! Print-ready documents (A4): the school union's resolution introducing a
//! union member to the Party (form 4-KNĐ), the periodic report on
//! developing members, and a candidate's progress sheet. Only data the
//! product keeps; what a document says in words is typed at print time in
//! the browser and never stored (domain.md §5).

use crate::pipeline::{CandidacyView, Stage};
use crate::views::oversight::DashboardView;
use crate::views::SchoolOption;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The top of a document: the body above the issuer (if any), the issuer, and the place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocHeader {
    /// The body above the issuer, e.g. "Đảng ủy xã Tân Hà".
    pub upper: Option<String>,
    /// The issuing body, e.g. "Chi bộ Trường THPT Tân Hà".
    pub issuer: String,
    /// The place written before the date (the commune), empty when unknown.
    pub place: String,
    /// The day the document is printed.
    pub today: NaiveDate,
}

/// `/documents`: what the user may print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentsView {
    /// Candidates whose union resolution or progress sheet may be printed.
    pub candidates: Vec<DocCandidate>,
    /// Schools whose periodic report may be printed.
    pub report_schools: Vec<SchoolOption>,
    /// Whether the user may print the report over their whole scope (a superior officer).
    pub scope_report: bool,
}

/// A candidate in the documents list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocCandidate {
    /// Candidacy id.
    pub candidacy_id: i64,
    /// The student's name.
    pub name: String,
    /// The school.
    pub school: String,
    /// The stage.
    pub stage: Stage,
    /// Whether the union's resolution may be printed (the school's union officers and Party roles).
    pub resolution: bool,
    /// Whether the progress sheet may be printed (the Party roles).
    pub progress: bool,
}

/// The union's resolution introducing a union member (4-KNĐ).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionDocView {
    /// The union's header.
    pub header: DocHeader,
    /// The student's name.
    pub name: String,
    /// Born.
    pub date_of_birth: NaiveDate,
    /// `male`, `female`, `other`.
    pub gender: Option<String>,
    /// Current class.
    pub class_name: Option<String>,
    /// Joined the Youth Union.
    pub union_joined_on: Option<NaiveDate>,
    /// The school.
    pub school: String,
    /// The dossier's line for the resolution: requested and received days.
    pub requested_on: Option<NaiveDate>,
    /// Received (the resolution's day, once it exists).
    pub received_on: Option<NaiveDate>,
}

/// The periodic report of a school (or a superior committee's scope).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportDocView {
    /// The issuer's header.
    pub header: DocHeader,
    /// What the report covers (a school's or a scope's name).
    pub covers: String,
    /// The figures (the dashboard of the period).
    pub figures: DashboardView,
}

/// A candidate's progress sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressDocView {
    /// The Party organisation's header.
    pub header: DocHeader,
    /// The school.
    pub school: String,
    /// The candidacy as its page shows it.
    pub candidacy: CandidacyView,
}
