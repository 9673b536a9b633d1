//! Wire types of the candidate pipeline: its stages and the reasons a move
//! is refused, as facts the UI puts into words.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A stage of the admission procedure (domain.md §3), or an exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// Accepted into the source pool (nguồn).
    Pool,
    /// Enrolled in a Party-awareness class.
    AwarenessClass,
    /// Certificate obtained, mentor assigned (đối tượng).
    Candidate,
    /// Dossier being prepared.
    Dossier,
    /// Voted by the Party cell.
    CellVote,
    /// Reviewed by the grassroots committee (where the school has one).
    CommitteeReview,
    /// Admission decision issued.
    Decision,
    /// Ceremony scheduled.
    Ceremony,
    /// Ceremony held: probationary member.
    Probation,
    /// Full member.
    FullMember,
    /// Withdrew (or consent withdrawn).
    Withdrawn,
    /// Not admitted.
    NotAdmitted,
    /// Moved to another school.
    Moved,
    /// Party activity transferred (graduation).
    Transferred,
}

impl Stage {
    /// Every stage in order, exits last.
    pub const ALL: [Stage; 14] = [
        Stage::Pool,
        Stage::AwarenessClass,
        Stage::Candidate,
        Stage::Dossier,
        Stage::CellVote,
        Stage::CommitteeReview,
        Stage::Decision,
        Stage::Ceremony,
        Stage::Probation,
        Stage::FullMember,
        Stage::Withdrawn,
        Stage::NotAdmitted,
        Stage::Moved,
        Stage::Transferred,
    ];

    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Pool => "pool",
            Stage::AwarenessClass => "awareness_class",
            Stage::Candidate => "candidate",
            Stage::Dossier => "dossier",
            Stage::CellVote => "cell_vote",
            Stage::CommitteeReview => "committee_review",
            Stage::Decision => "decision",
            Stage::Ceremony => "ceremony",
            Stage::Probation => "probation",
            Stage::FullMember => "full_member",
            Stage::Withdrawn => "withdrawn",
            Stage::NotAdmitted => "not_admitted",
            Stage::Moved => "moved",
            Stage::Transferred => "transferred",
        }
    }

    /// The stage of a stored code.
    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether this ends the candidacy (an exit, or full membership).
    pub fn is_final(self) -> bool {
        matches!(self, Stage::FullMember | Stage::Withdrawn | Stage::NotAdmitted | Stage::Moved | Stage::Transferred)
    }

    /// Whether this is an exit.
    pub fn is_exit(self) -> bool {
        matches!(self, Stage::Withdrawn | Stage::NotAdmitted | Stage::Moved | Stage::Transferred)
    }
}

/// Why a move is refused (or flagged), with the facts behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckFailure {
    /// The procedure does not go from one stage to the other.
    NotAllowed {
        /// From.
        from: Stage,
        /// To.
        to: Stage,
    },
    /// No valid consent recorded (the student's, and a guardian's under 16).
    NoConsent,
    /// Younger than required on the meeting day.
    Underage {
        /// The cell meeting day.
        meeting: NaiveDate,
        /// The first day the age is reached (by month: the first of the month).
        eligible_from: NaiveDate,
        /// Whether counted by month (else by exact day).
        by_month: bool,
        /// Required age.
        years: u32,
    },
    /// No awareness-class certificate.
    NoCertificate,
    /// The certificate is no longer valid on the day.
    CertificateLapsed {
        /// Last valid day.
        valid_until: NaiveDate,
        /// The day it is needed.
        on: NaiveDate,
    },
    /// No mentor assigned.
    NoMentor,
    /// The mentor or an introducer is not a full member on the day.
    NotFullMember {
        /// Name.
        name: String,
    },
    /// An introducer has worked with the candidate for less than required.
    IntroducerTooRecent {
        /// Name.
        name: String,
        /// Together since.
        since: NaiveDate,
        /// The day the required months are reached.
        from: NaiveDate,
    },
    /// Too few introducers.
    Introducers {
        /// Official members needed.
        needed: u32,
        /// Official members given.
        have: u32,
        /// Whether the union's resolution is needed (and missing).
        union_resolution_missing: bool,
    },
    /// A dossier document is missing.
    DocumentMissing {
        /// Document kind code.
        kind: String,
    },
    /// A dossier document is past its validity on the day.
    DocumentExpired {
        /// Document kind code.
        kind: String,
        /// Last valid day.
        valid_until: NaiveDate,
    },
    /// Biography verification not concluded.
    VerificationPending {
        /// Requests still open.
        open: u32,
    },
    /// Not enough votes for.
    VoteFailed {
        /// Votes for.
        for_votes: u32,
        /// Official members of the body.
        members: u32,
        /// Votes needed.
        needed: u32,
    },
    /// The ceremony is later than allowed after receiving the decision and
    /// the superior committee's agreement is not recorded.
    CeremonyLate {
        /// The last day allowed.
        due: NaiveDate,
    },
    /// The probation has not ended yet.
    ProbationNotOver {
        /// The day it ends.
        ends: NaiveDate,
    },
    /// A date or number the move needs is missing.
    Missing {
        /// Field name.
        field: String,
    },
}

/// A warning on a candidate's card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RiskFlag {
    /// Reaches the required age only after the end of the last school year.
    AgeAfterSchool {
        /// The first eligible day.
        eligible_from: NaiveDate,
    },
    /// The awareness certificate lapses soon (the rule's days) or has lapsed.
    CertificateLapsing {
        /// Last valid day.
        valid_until: NaiveDate,
    },
    /// The ceremony is overdue after the decision was received.
    CeremonyOverdue {
        /// The last day allowed.
        due: NaiveDate,
    },
    /// The decision is overdue after the cell's resolution.
    DecisionOverdue {
        /// The last day allowed.
        due: NaiveDate,
    },
    /// No mentor although the stage needs one.
    NoMentor,
    /// The biography was returned for rewriting this many times (the rule's number or more).
    BiographyRewritten {
        /// Times.
        times: u32,
    },
    /// No mentor's assessment for this many days.
    NoAssessment {
        /// Days since the last one (or the mentor's start).
        days: i64,
    },
    /// A probationary member leaves school before probation ends: their Party activity must be transferred.
    GraduatesOnProbation {
        /// The last day of school.
        school_ends: NaiveDate,
    },
    /// The certificate lapses before the earliest day the cell could vote.
    CertificateBeforeVote {
        /// Last valid day.
        valid_until: NaiveDate,
        /// Earliest vote.
        earliest_vote: NaiveDate,
    },
}

/// A candidate on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateCard {
    /// Candidacy id.
    pub id: i64,
    /// Student id.
    pub student_id: i64,
    /// Full name.
    pub name: String,
    /// Current class.
    pub class_name: Option<String>,
    /// Stage.
    pub stage: Stage,
    /// Days in the stage.
    pub days_in_stage: i64,
    /// Current mentor's name.
    pub mentor: Option<String>,
    /// Warnings.
    pub risks: Vec<RiskFlag>,
    /// The next step when it needs nothing but a day (the board's one-click move, checked like any other).
    pub quick_move: Option<Stage>,
}

/// A line of a candidacy's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageEventView {
    /// From (none when entering the pool).
    pub from: Option<Stage>,
    /// To.
    pub to: Stage,
    /// The day.
    pub on: NaiveDate,
    /// Reason (exits, overrides).
    pub reason: Option<String>,
    /// Checks an officer overrode.
    pub overridden: Vec<CheckFailure>,
    /// Who recorded it (login name).
    pub recorded_by: String,
}

/// A candidacy's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidacyView {
    /// The card (name, stage, risks).
    pub card: CandidateCard,
    /// The school.
    pub school_id: i64,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Awareness certificate: number and date.
    pub certificate: Option<(String, NaiveDate)>,
    /// Mentors, oldest first: name, from, until, replacement.
    pub mentors: Vec<(String, NaiveDate, Option<NaiveDate>, bool)>,
    /// The stages it may move to next.
    pub next: Vec<Stage>,
    /// What moving to the next forward stage today would fail on.
    pub next_checks: Vec<CheckFailure>,
    /// History, oldest first.
    pub events: Vec<StageEventView>,
    /// Introducers: name, together since, replacement.
    pub introducers: Vec<(String, NaiveDate, bool)>,
    /// The dossier checklist.
    pub dossier: Vec<DossierItemView>,
    /// Times the biography went back for rewriting: day and reason.
    pub biography_returns: Vec<(NaiveDate, String)>,
    /// The student's consents.
    pub consents: Vec<ConsentView>,
    /// Assessments, classes and the forecast.
    pub mentoring: crate::mentoring::MentoringView,
}

/// A line of the dossier checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierItemView {
    /// Id.
    pub id: i64,
    /// Kind code.
    pub kind: String,
    /// Verification subject code.
    pub subject: Option<String>,
    /// Verification place code.
    pub place: Option<String>,
    /// Status code.
    pub status: String,
    /// Requested.
    pub requested_on: Option<NaiveDate>,
    /// Received.
    pub received_on: Option<NaiveDate>,
    /// Valid until.
    pub valid_until: Option<NaiveDate>,
    /// Who holds the paper.
    pub holder: Option<String>,
}

/// A consent on record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentView {
    /// Id.
    pub id: i64,
    /// `student` or `guardian`.
    pub subject: String,
    /// Who gave it.
    pub person_name: String,
    /// A guardian's relation.
    pub relation: Option<String>,
    /// Given on.
    pub given_on: NaiveDate,
    /// How.
    pub method: String,
    /// Scope.
    pub scope: String,
    /// Withdrawn on.
    pub withdrawn_on: Option<NaiveDate>,
    /// Why.
    pub withdrawn_reason: Option<String>,
}

/// A union proposal waiting for the Party cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    /// Proposal id.
    pub id: i64,
    /// Student id.
    pub student_id: i64,
    /// Full name.
    pub name: String,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// The union's reason.
    pub reason: String,
    /// The student's consents.
    pub consents: Vec<ConsentView>,
}

/// A Party member of the school who can mentor or introduce.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberOption {
    /// Staff id.
    pub id: i64,
    /// Full name.
    pub name: String,
    /// Full member since.
    pub since: NaiveDate,
}

/// Codes of a dossier line's status.
pub const ITEM_STATUSES: [&str; 4] = ["requested", "received", "concluded", "needs_correction"];

/// Codes of whom a verification concerns.
pub const VERIFICATION_SUBJECTS: [&str; 4] = ["student", "father", "mother", "guardian"];

/// Codes of where a verification is made.
pub const VERIFICATION_PLACES: [&str; 3] = ["hometown", "residence", "other"];

/// Codes of how a consent was given.
pub const CONSENT_METHODS: [&str; 3] = ["paper", "in_person", "electronic"];

/// Codes of the dossier's document kinds (domain.md §3, stage 4).
pub const DOCUMENT_KINDS: [&str; 7] =
    ["application", "biography", "union_comment", "residence_cell_comment", "union_resolution", "introducer_letter", "verification"];

/// The numbers of the procedure, configurable per deciding scope with
/// effective dates; defaults from domain.md §3 (some unverified centrally).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineRules {
    /// Minimum age at the cell meeting.
    pub min_age: u32,
    /// Age counted by month (meeting month ≥ birth month + 12 × age); else by exact day.
    pub age_by_month: bool,
    /// Months an awareness certificate stays valid.
    pub certificate_months: u32,
    /// Months a dossier document stays valid, unless it says otherwise.
    pub document_months: u32,
    /// Votes for needed, as a fraction of the body's official members: numerator …
    pub vote_numerator: u32,
    /// … and denominator (default 2/3).
    pub vote_denominator: u32,
    /// Months an introducer must have worked or studied with the candidate.
    pub introducer_months: u32,
    /// Oldest age of "youth age" (a union member up to it is introduced by the union).
    pub youth_max_age: u32,
    /// Working days from the cell's resolution to the decision.
    pub decision_working_days: u32,
    /// Working days from receiving the decision to the ceremony.
    pub ceremony_working_days: u32,
    /// Months of probation.
    pub probation_months: u32,
    /// Working days after probation to propose recognition.
    pub recognition_working_days: u32,
    /// Document kinds a cell vote needs (codes of [`DOCUMENT_KINDS`]).
    #[serde(default = "default_required_documents")]
    pub required_documents: Vec<String>,
}

/// The documents a cell vote needs by default (domain.md §3, stage 4).
pub const REQUIRED_DOCUMENTS: [&str; 6] =
    ["application", "biography", "union_comment", "residence_cell_comment", "union_resolution", "introducer_letter"];

fn default_required_documents() -> Vec<String> {
    REQUIRED_DOCUMENTS.iter().map(|d| d.to_string()).collect()
}

impl Default for PipelineRules {
    fn default() -> Self {
        PipelineRules {
            min_age: 18,
            age_by_month: true,
            certificate_months: 60,
            document_months: 12,
            vote_numerator: 2,
            vote_denominator: 3,
            introducer_months: 12,
            youth_max_age: 30,
            decision_working_days: 60,
            ceremony_working_days: 30,
            probation_months: 12,
            recognition_working_days: 30,
            required_documents: default_required_documents(),
        }
    }
}

/// The admission procedure's rules in force at a unit, for the rules page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureView {
    /// The numbers.
    pub rules: PipelineRules,
    /// Whether a grassroots committee reviews after the cell.
    pub committee: bool,
}
