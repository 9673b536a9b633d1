//! The home page: for each role the user holds, what waits for them today.

use crate::ledger::{EntryRow, RankRow};
use crate::mentoring::TaskView;
use crate::pipeline::{RiskFlag, Stage};
use crate::views::SchoolOption;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `/`: one section per role held; a section is absent when the role is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HomeView {
    /// A Youth Union officer's day.
    pub union: Option<UnionHome>,
    /// A Party cell officer's day.
    pub cell: Option<CellHome>,
    /// A mentor's candidates.
    pub mentor: Option<MentorHome>,
    /// An administrator's set-up steps not yet done.
    pub admin: Option<AdminHome>,
    /// A superior officer's schools against the plan this year.
    pub oversight: Option<crate::views::oversight::DashboardView>,
}

/// What a Youth Union officer has to do at their school.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnionHome {
    /// The school.
    pub school: SchoolOption,
    /// The current school year's name (none when the school has no year yet).
    pub year_name: Option<String>,
    /// Entries other officers logged that wait for this officer's review.
    pub to_review: u32,
    /// Batches (a class or a student, one activity) those entries came in.
    pub to_review_batches: u32,
    /// This officer's own entries refused in the last weeks, newest first, with the reason.
    pub rejected: Vec<EntryRow>,
    /// Logging at the school since Monday.
    pub week: WeekLogging,
    /// The top of the year's leaderboard.
    pub top: Vec<RankRow>,
}

/// Logging at a school during the current week.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekLogging {
    /// The Monday the week began.
    pub since: NaiveDate,
    /// Logging actions (a class or a student at a time).
    pub batches: u32,
    /// Entries written.
    pub entries: u32,
    /// Of them, logged by this officer.
    pub mine: u32,
}

/// What a Party cell officer has to do.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CellHome {
    /// The first tasks, soonest due first.
    pub tasks: Vec<TaskView>,
    /// How many tasks in all.
    pub tasks_total: u32,
    /// Union proposals waiting for the cell's decision.
    pub proposals: u32,
    /// Candidacies with a warning on the board, first ones.
    pub flagged: Vec<FlaggedCandidacy>,
    /// How many candidacies carry a warning.
    pub flagged_total: u32,
}

/// A candidacy the board warns about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlaggedCandidacy {
    /// Candidacy id.
    pub candidacy_id: i64,
    /// The student's full name.
    pub name: String,
    /// The stage.
    pub stage: Stage,
    /// The warnings.
    pub risks: Vec<RiskFlag>,
}

/// A mentor's candidates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorHome {
    /// Current candidates, next assessment due first.
    pub candidates: Vec<MentoredCandidate>,
}

/// One candidate a mentor follows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentoredCandidate {
    /// Candidacy id.
    pub candidacy_id: i64,
    /// The student's full name.
    pub name: String,
    /// The stage.
    pub stage: Stage,
    /// The day the next assessment is due.
    pub next_due: NaiveDate,
    /// The day of the last assessment, if any.
    pub last_written: Option<NaiveDate>,
}

/// An administrator's schools that still miss a set-up step.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminHome {
    /// Schools with something missing, first ones.
    pub schools: Vec<SchoolSetup>,
    /// How many schools in scope are set up completely.
    pub complete: u32,
    /// How many schools in scope in all.
    pub total: u32,
}

/// A school's missing set-up steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolSetup {
    /// The school.
    pub school: SchoolOption,
    /// The steps not done, in the order to do them.
    pub missing: Vec<SetupStep>,
}

/// A set-up step of a school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SetupStep {
    /// No school year (with its semesters) covers today.
    SchoolYear,
    /// No staff record (teachers, mentors).
    Staff,
    /// No student placed in a class of the current year.
    Roster,
    /// No account holds a Youth Union or Party cell role there.
    Officers,
}
