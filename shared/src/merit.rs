//! Wire types of study and conduct results, the union classification, the
//! outstanding-student criteria and a student's profile.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Codes of the four-level result scale (Circular 22/2021), best first:
/// Tốt, Khá, Đạt, Chưa đạt.
pub const GRADES: [&str; 4] = ["tot", "kha", "dat", "chua_dat"];

/// Codes of the annual union classification, best first: Hoàn thành xuất
/// sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ.
pub const UNION_LEVELS: [&str; 4] = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"];

/// One student's results for a period, for the entry table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultRow {
    /// Student id.
    pub student_id: i64,
    /// Full name.
    pub name: String,
    /// Study result code, if recorded.
    pub study: Option<String>,
    /// Conduct result code, if recorded.
    pub conduct: Option<String>,
    /// The older-scale words it was mapped from ("Giỏi / Tốt"), if any.
    pub original: Option<String>,
}

/// What an import of results did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsImport {
    /// Rows written.
    pub rows: u32,
    /// Of which mapped from the older scale.
    pub mapped: u32,
}

/// A student's year record and the classification suggested from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassificationRow {
    /// Student id.
    pub student_id: i64,
    /// Full name.
    pub name: String,
    /// Class.
    pub class_name: String,
    /// Approved points of the year.
    pub points: i64,
    /// Study result used (the year's, else the weakest semester's).
    pub study: Option<String>,
    /// Conduct result used.
    pub conduct: Option<String>,
    /// Level the thresholds suggest.
    pub suggested: String,
    /// Level an officer confirmed, if any.
    pub confirmed: Option<String>,
}

/// Minimums for one classification level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelThreshold {
    /// Approved points of the year at least.
    pub min_points: i64,
    /// Study result at least (code), if required.
    pub min_study: Option<String>,
    /// Conduct result at least (code), if required.
    pub min_conduct: Option<String>,
}

/// The classification thresholds of a school (a configurable rule).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassificationThresholds {
    /// Hoàn thành xuất sắc nhiệm vụ.
    pub excellent: LevelThreshold,
    /// Hoàn thành tốt nhiệm vụ.
    pub good: LevelThreshold,
    /// Hoàn thành nhiệm vụ (below: không hoàn thành).
    pub complete: LevelThreshold,
}

/// A school's outstanding-student criteria (a configurable rule). A
/// criterion left empty is not applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutstandingCriteria {
    /// Conduct result at least this in every semester so far (code).
    pub conduct_every_semester: Option<String>,
    /// Study result at least this in every semester so far (code).
    pub study_every_semester: Option<String>,
    /// Emulation: rank within the top N percent of the grade …
    pub top_percent_of_grade: Option<u8>,
    /// … or at least this many approved points this year.
    pub min_points: Option<i64>,
    /// Must be a union member.
    pub union_member: bool,
    /// At least this age (whole years) on the evaluation day.
    pub min_age: Option<u8>,
    /// Last confirmed union classification at least this (code).
    pub min_classification: Option<String>,
}

/// The criteria a school can set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Criterion {
    /// Conduct in every semester.
    Conduct,
    /// Study in every semester.
    Study,
    /// Emulation rank or points.
    Emulation,
    /// Union membership.
    UnionMember,
    /// Age.
    Age,
    /// Union classification.
    Classification,
}

/// A period a result belongs to: school-year name and semester (0 = year).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodLabel {
    /// "2025-2026".
    pub year: String,
    /// 1, 2, or 0 for the whole year.
    pub period: i16,
}

/// Why a criterion is met or missed, in facts the UI puts into words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// Every semester so far at least `min` (`semesters` of them).
    AllSemesters {
        /// Required level code.
        min: String,
        /// How many semesters were checked.
        semesters: u32,
    },
    /// A semester below the minimum.
    BelowIn {
        /// The result's code.
        got: String,
        /// Required level code.
        min: String,
        /// Which semester.
        period: PeriodLabel,
    },
    /// No result recorded for a semester that has ended.
    NoResult {
        /// Which semester.
        period: PeriodLabel,
    },
    /// No semester has ended yet at this school.
    NoSemesterYet,
    /// Emulation standing in the grade.
    Standing {
        /// Competition rank in the grade.
        rank: u32,
        /// Students ranked in the grade.
        of: u32,
        /// The rank the top-percent criterion reaches (if set).
        cutoff: Option<u32>,
        /// Approved points this year.
        points: i64,
        /// The points criterion (if set).
        min_points: Option<i64>,
    },
    /// A union member since that day.
    MemberSince {
        /// Day of joining.
        since: NaiveDate,
    },
    /// Not (yet) a union member.
    NotMember,
    /// Age on the evaluation day.
    Age {
        /// Whole years.
        years: u32,
        /// Required.
        min: u32,
    },
    /// The last confirmed classification.
    Classified {
        /// Level code.
        level: String,
        /// Year name.
        year: String,
        /// Required level code.
        min: String,
    },
    /// No confirmed classification yet.
    NotClassified,
}

/// One criterion's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The criterion.
    pub criterion: Criterion,
    /// Met or missed.
    pub met: bool,
    /// The facts behind it.
    pub reason: Reason,
}

/// A student's evaluation against the school's criteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Student id.
    pub student_id: i64,
    /// Full name.
    pub name: String,
    /// Class.
    pub class_name: String,
    /// Every applied criterion, in the school's order.
    pub outcomes: Vec<Outcome>,
    /// The proposal already made this year, if any: its status.
    pub proposal: Option<String>,
}

impl Evaluation {
    /// Criteria missed.
    pub fn missed(&self) -> usize {
        self.outcomes.iter().filter(|o| !o.met).count()
    }
}

/// The outstanding-student lists of a school year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutstandingView {
    /// The criteria applied.
    pub criteria: OutstandingCriteria,
    /// The day they were evaluated on.
    pub on: NaiveDate,
    /// Students meeting every criterion.
    pub qualifying: Vec<Evaluation>,
    /// Students missing exactly one.
    pub one_short: Vec<Evaluation>,
    /// How many other students were evaluated.
    pub others: u32,
}

/// One event of a student's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineEvent {
    /// A ledger entry.
    Entry {
        /// Activity name.
        activity: String,
        /// Level label.
        level: Option<String>,
        /// Signed points.
        points: i32,
        /// Entry status.
        status: String,
        /// Whether it reverses another entry.
        reversal: bool,
        /// Why it was rejected, or why a reversal was made.
        reason: Option<String>,
    },
    /// Study and conduct results.
    Result {
        /// The period.
        period: PeriodLabel,
        /// Study code.
        study: Option<String>,
        /// Conduct code.
        conduct: Option<String>,
    },
    /// A confirmed union classification.
    Classification {
        /// Year name.
        year: String,
        /// Level code.
        level: String,
    },
    /// A step of the admission procedure.
    Stage {
        /// The stage reached.
        stage: crate::pipeline::Stage,
        /// Reason (exits, overrides).
        reason: Option<String>,
    },
    /// A proposal to the source pool.
    Proposal {
        /// Status code.
        status: String,
        /// The union's reason.
        reason: String,
    },
}

/// A dated line of the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineItem {
    /// The day.
    pub date: NaiveDate,
    /// What happened.
    pub event: TimelineEvent,
}

/// A student's profile page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    /// Student id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Student code.
    pub code: Option<String>,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Current class (latest year placed).
    pub class_name: Option<String>,
    /// Union member since.
    pub union_joined_on: Option<NaiveDate>,
    /// The latest school year the student was placed in (id).
    pub year_id: Option<i64>,
    /// Evaluation against the outstanding criteria for that year.
    pub evaluation: Option<Evaluation>,
    /// Newest first.
    pub timeline: Vec<TimelineItem>,
}
