//! The views of the candidate pipeline's and mentoring's pages.

use super::{SchoolChoice, UnitOption};
use crate::mentoring::{AwarenessClassView, HolidayView, JointMeetingView, MeetingStudentOption, WatchRules};
use crate::pipeline::{CandidacyView, CandidateCard, MemberOption, ProcedureView, ProposalView};
use serde::{Deserialize, Serialize};

/// `/pipeline`: a school's candidates by stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardView {
    /// The schools offered and the one shown.
    pub choice: SchoolChoice,
    /// The candidates the user may see (a mentor: their own).
    pub cards: Vec<CandidateCard>,
    /// The union's proposals waiting for the cell; `None` for whoever decides none (a mentor).
    pub proposals: Option<Vec<ProposalView>>,
}

/// `/pipeline/:id`: one candidacy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidacyPageView {
    /// The candidacy.
    pub candidacy: CandidacyView,
    /// The school's Party members (mentors, introducers) when the user manages the pipeline; `None` for a mentor.
    pub members: Option<Vec<MemberOption>>,
}

/// `/classes`: the awareness classes of a school's training centre.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassesView {
    /// The schools offered and the one shown.
    pub choice: SchoolChoice,
    /// The classes, with who is enrolled.
    pub classes: Vec<AwarenessClassView>,
    /// Candidates who may still be enrolled (in the pool or the class stage, not in an unfinished class).
    pub waiting: Vec<CandidateCard>,
}

/// `/meetings`: the joint Party–Union meetings of a school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingsView {
    /// The schools offered and the one shown.
    pub choice: SchoolChoice,
    /// The meetings held.
    pub meetings: Vec<JointMeetingView>,
    /// The students a new meeting may discuss.
    pub students: Vec<MeetingStudentOption>,
}

/// `/calendar`: the reminders' numbers and the holiday calendar of a school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    /// The schools offered and the one shown.
    pub choice: SchoolChoice,
    /// The calendar year shown.
    pub year: i32,
    /// The reminders' numbers in force.
    pub watch: WatchRules,
    /// The year's holidays and changed days.
    pub holidays: Vec<HolidayView>,
}

/// `/admin/rules`: the admission procedure's numbers of a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesView {
    /// The units the user may set rules for.
    pub units: Vec<UnitOption>,
    /// The unit shown.
    pub unit: Option<i64>,
    /// Its numbers in force.
    pub procedure: Option<ProcedureView>,
}
