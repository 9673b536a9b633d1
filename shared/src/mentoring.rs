//! Wire types of mentoring and follow-up: mentors' assessments, awareness
//! classes, joint Party–Union meetings, the forecast of each remaining step,
//! the "my tasks" inbox and the settings the cell keeps for them.

use crate::pipeline::Stage;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Codes of an assessment's ratings, best first.
pub const RATINGS: [&str; 4] = ["good", "fair", "average", "weak"];

/// Codes of a mentor's recommendation.
pub const RECOMMENDATIONS: [&str; 3] = ["continue", "ready", "not_yet"];

/// The follow-up numbers a school's cell sets (a configurable rule): how
/// often mentors assess, and when the board and the inbox raise a flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchRules {
    /// An assessment is due this many months after the previous one (or the mentor's start).
    pub assessment_every_months: u32,
    /// Flag a candidacy with no assessment for this many days.
    pub assessment_silence_days: u32,
    /// Warn this many days before an awareness certificate lapses.
    pub certificate_warning_days: u32,
    /// Flag a biography returned for rewriting this many times.
    pub biography_rewrites: u32,
    /// The inbox lists deadlines within this many days.
    pub task_horizon_days: u32,
}

impl Default for WatchRules {
    fn default() -> Self {
        WatchRules { assessment_every_months: 1, assessment_silence_days: 60, certificate_warning_days: 90, biography_rewrites: 3, task_horizon_days: 14 }
    }
}

/// A mentor's assessment as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    /// Id.
    pub id: i64,
    /// The mentor's name.
    pub mentor: String,
    /// Day written.
    pub written_on: NaiveDate,
    /// Ratings: political awareness, ethics and lifestyle, study, union activity.
    pub ratings: [String; 4],
    /// Strengths.
    pub strengths: String,
    /// Points to improve.
    pub to_improve: String,
    /// Recommendation code.
    pub recommendation: String,
}

/// Mentoring on a candidacy's page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentoringView {
    /// Assessments, newest first.
    pub assessments: Vec<AssessmentView>,
    /// When the next assessment is due (a current mentor at a mentored stage).
    pub next_due: Option<NaiveDate>,
    /// Whether the user is the current mentor (may write one).
    pub can_write: bool,
    /// Awareness classes the candidate is enrolled in.
    pub classes: Vec<EnrolmentView>,
    /// The earliest feasible day of each remaining step.
    pub forecast: Vec<ForecastStep>,
    /// Joint meetings that discussed the student, newest first: day and what was said of them.
    pub meetings: Vec<(NaiveDate, Option<String>)>,
}

/// What a step waits for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Wait {
    /// Consent on record.
    Consent,
    /// An awareness certificate (or the end of the class enrolled in).
    Certificate,
    /// The certificate lapses before the step's earliest day.
    CertificateLapses {
        /// Last valid day.
        valid_until: NaiveDate,
    },
    /// A current mentor.
    Mentor,
    /// The required age, from this day.
    Age {
        /// First eligible day.
        from: NaiveDate,
    },
    /// Introducers short of the number needed (or the union's resolution).
    Introducers,
    /// An introducer's months together, reached on this day.
    Introducer {
        /// Name.
        name: String,
        /// Day reached.
        from: NaiveDate,
    },
    /// Dossier documents missing or expired.
    Documents {
        /// How many.
        count: u32,
    },
    /// Verification requests not concluded.
    Verification {
        /// How many.
        open: u32,
    },
    /// The previous step's record (vote, decision, ceremony).
    Previous,
}

/// The forecast of one remaining step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForecastStep {
    /// The stage the step moves into.
    pub stage: Stage,
    /// Its earliest feasible day from today's facts (unknown while something open has no date).
    pub earliest: Option<NaiveDate>,
    /// Its last allowed day, where the procedure sets one.
    pub due: Option<NaiveDate>,
    /// What it waits for.
    pub waits: Vec<Wait>,
}

/// An awareness class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwarenessClassView {
    /// Id.
    pub id: i64,
    /// The training centre's name.
    pub centre: String,
    /// Name.
    pub name: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Places.
    pub capacity: u32,
    /// Places taken, every school counted (names of other schools' candidates are never shown).
    pub taken: u32,
    /// This school's candidates in it.
    pub enrolments: Vec<EnrolmentView>,
}

/// A candidate's place in a class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentView {
    /// Id.
    pub id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// The candidate's name.
    pub name: String,
    /// The class's name.
    pub class_name: String,
    /// The class's last day.
    pub ends_on: NaiveDate,
    /// The certificate once completed: number, issued on, last valid day.
    pub certificate: Option<(String, NaiveDate, NaiveDate)>,
}

/// A joint Party–Union meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointMeetingView {
    /// Id.
    pub id: i64,
    /// Day held.
    pub held_on: NaiveDate,
    /// Who attended.
    pub attendees: String,
    /// What was decided.
    pub decisions: String,
    /// Students discussed, in name order.
    pub students: Vec<DiscussedStudent>,
}

/// A student discussed at a joint meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscussedStudent {
    /// Student id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// What the meeting said of this student, if anything.
    pub note: Option<String>,
}

/// A student the meeting form offers: in the pool, a candidate, or proposed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingStudentOption {
    /// Student id.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// What an inbox task asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaskKind {
    /// The union proposed a student; the cell decides.
    ProposalWaiting,
    /// A mentor's assessment is due (or overdue).
    AssessmentDue {
        /// The mentor (for the cell's list).
        mentor: String,
    },
    /// Verification requests outstanding.
    Verification {
        /// How many.
        open: u32,
    },
    /// Everything is in place for the cell's vote.
    VoteToRecord,
    /// The decision must come by the due day.
    Decision,
    /// The ceremony must be held by the due day.
    Ceremony,
    /// Recognition must be proposed by the due day.
    Recognition,
    /// A probationary member leaves school: transfer their Party activity by the due day.
    Transfer,
    /// A school admitted fewer than an even pace expected by the end of the last quarter.
    BehindPace {
        /// The school.
        school_id: i64,
        /// Admitted from 1/1 to the quarter's end.
        admitted: u32,
        /// Whole people the even pace expected by then.
        expected: u32,
        /// The quarter's last day.
        quarter_end: NaiveDate,
    },
    /// Candidacies of a school stuck in one stage longer than the rule allows.
    Stalled {
        /// The school.
        school_id: i64,
        /// How many.
        count: u32,
        /// The rule's days.
        after_days: u32,
    },
    /// A data-subject request to answer by the due day (domain.md §5).
    DataRequest {
        /// The student it is about.
        student_id: i64,
        /// Its kind (`access`, `correction`, …).
        kind: String,
    },
}

/// A task in a user's inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskView {
    /// What to do.
    pub kind: TaskKind,
    /// The candidacy (None for a proposal).
    pub candidacy_id: Option<i64>,
    /// The student's name.
    pub name: String,
    /// The due day, if any.
    pub due: Option<NaiveDate>,
}

/// A day of a school's holiday calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayView {
    /// The day.
    pub day: NaiveDate,
    /// Which public holiday it is, for a default one.
    pub kind: Option<HolidayKind>,
    /// Name of a recorded change (None for a default holiday).
    pub name: Option<String>,
    /// Off (a holiday) or made a working day.
    pub off: bool,
    /// The recorded change's id (None for a default), if this school's unit recorded it.
    pub change_id: Option<i64>,
}

/// A public holiday of the Labour Code (art. 112), as the default calendar has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HolidayKind {
    /// Tết Dương lịch, 1 January.
    NewYear,
    /// Tết Nguyên đán: the eve and the first four days of the lunar year.
    LunarNewYear,
    /// Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month.
    HungKings,
    /// Ngày Chiến thắng, 30 April.
    Reunification,
    /// Quốc tế Lao động, 1 May.
    Labour,
    /// Quốc khánh, 2 September, and the day next to it.
    National,
    /// A day off in place of a holiday that fell on a weekend.
    InLieu,
}
