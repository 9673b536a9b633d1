//! Oversight pages: the superior committee's dashboard (progress against the
//! plan by school and month, the funnel, time in stage, breakdowns) and the
//! plans with their targets.

use crate::oversight::{Count, FunnelStep, Period};
use crate::pipeline::Stage;
use crate::views::SchoolOption;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `/oversight`: how the period goes against the plan in every school in scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardView {
    /// The period shown.
    pub period: Period,
    /// Today (the pace is measured up to here).
    pub today: NaiveDate,
    /// Every school in scope, for the drill-down choice.
    pub schools: Vec<SchoolOption>,
    /// The school drilled into, when one was chosen.
    pub school: Option<SchoolOption>,
    /// Plans in force in the period over the schools shown.
    pub plans: Vec<PlanLine>,
    /// The scope's targets for the period's year(s), summed over the plans.
    pub target: TargetFigures,
    /// One row per school shown, in Vietnamese name order.
    pub rows: Vec<SchoolProgress>,
    /// Admissions by month over every school shown, with the cumulative line and the even pace.
    pub months: Vec<MonthPoint>,
    /// The funnel, time in stage, stalled cards and exits.
    pub funnel: Funnel,
    /// Party-awareness classes in the period.
    pub awareness: AwarenessFigures,
    /// Admitted and current candidates by gender, grade, ethnic minority and union membership.
    pub breakdowns: Breakdowns,
    /// Whether the user may edit plans and targets.
    pub may_edit_plans: bool,
}

/// A plan as the dashboard names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLine {
    /// Id.
    pub id: i64,
    /// Number, e.g. "88-KH/HU".
    pub number: String,
    /// Title.
    pub title: String,
    /// The issuing body.
    pub issuer: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// The body carrying it now (the issuer, or the latest adopting body).
    pub carried_by: String,
}

/// Targets (none: no target set).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetFigures {
    /// New Party members of every kind (the committee's whole figure).
    pub new_members: Option<u32>,
    /// Of them, students.
    pub student_members: Option<u32>,
    /// Awareness-class trainees.
    pub trainees: Option<u32>,
}

/// One school's progress in the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolProgress {
    /// The school.
    pub school: SchoolOption,
    /// Students to admit in the period's year(s), if a target is set.
    pub target: Option<u32>,
    /// Admitted in the period (ceremony held).
    pub admitted: u32,
    /// Candidacies under way at the period's end (pool to ceremony).
    pub in_progress: u32,
    /// Admitted per month of the period.
    pub by_month: Vec<u32>,
    /// What an even pace would have admitted by today (or the period's end).
    pub expected_by_now: Option<f64>,
    /// Fewer admitted than the even pace by now.
    pub behind: bool,
}

/// A month of the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthPoint {
    /// The month's first day.
    pub month: NaiveDate,
    /// Admitted that month.
    pub admitted: u32,
    /// Admitted from the period's start to the month's end.
    pub cumulative: u32,
    /// The target spread evenly over the year, at the month's end.
    pub pace: Option<f64>,
    /// Whether the month is over (later months are not yet counted).
    pub past: bool,
}

/// The funnel and how fast candidates move.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    /// People reaching each step in the period.
    pub steps: Vec<FunnelCount>,
    /// Days spent in each stage, over the stays that ended in the period.
    pub durations: Vec<StageTime>,
    /// Candidacies in one stage longer than the rule allows, longest first.
    pub stalled: Vec<StalledCard>,
    /// How many are stalled in all (the list may be cut).
    pub stalled_total: u32,
    /// The rule: days in a stage before a card counts as stalled.
    pub stalled_after_days: u32,
    /// Exits in the period, by kind.
    pub exits: Vec<ExitCount>,
}

/// A funnel step's count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunnelCount {
    /// The step.
    pub step: FunnelStep,
    /// People reaching it in the period.
    pub count: u32,
    /// Percent of the step before (none for the first step or when it is 0).
    pub conversion_pct: Option<u32>,
}

/// Time spent in a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTime {
    /// The stage.
    pub stage: Stage,
    /// Stays that ended in the period.
    pub stays: u32,
    /// Median days.
    pub median_days: u32,
    /// 90th percentile of days.
    pub p90_days: u32,
}

/// A candidacy stuck in its stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StalledCard {
    /// Candidacy id (links to its page for roles that may open it).
    pub candidacy_id: i64,
    /// The school.
    pub school: String,
    /// The student's name, only for roles that may see the school's candidates.
    pub name: Option<String>,
    /// The stage.
    pub stage: Stage,
    /// In it since.
    pub since: NaiveDate,
    /// Days in it by today.
    pub days: u32,
}

/// Exits of one kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExitCount {
    /// Withdrawn, not admitted, moved, transferred.
    pub stage: Stage,
    /// How many in the period.
    pub count: u32,
}

/// Awareness classes with trainees from the schools shown, started in the period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwarenessFigures {
    /// Classes.
    pub classes: u32,
    /// Trainees from these schools.
    pub trainees: u32,
    /// Of them, completed with a certificate.
    pub completed: u32,
}

/// A dimension of the breakdowns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dimension {
    /// Gender (`male`, `female`, `other`, `unknown`).
    Gender,
    /// Grade at the last placement (`10`, `11`, `12`, `unknown`).
    Grade,
    /// Ethnic minority (`minority`, `kinh`, `unknown`).
    Ethnicity,
    /// Youth Union member (`yes`, `no`).
    UnionMember,
}

/// Counts of one dimension, each possibly hidden.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakdownGroup {
    /// The dimension.
    pub dimension: Dimension,
    /// Its values with their counts.
    pub rows: Vec<BreakdownRow>,
}

/// One value of a dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakdownRow {
    /// The value's code.
    pub key: String,
    /// Admitted in the period.
    pub admitted: Count,
    /// Candidacies under way at the period's end.
    pub in_progress: Count,
}

/// The breakdowns and average ages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Breakdowns {
    /// One group per dimension.
    pub groups: Vec<BreakdownGroup>,
    /// Average age on admission (none when too few to show).
    pub average_age_admitted: Option<f64>,
    /// Average age of those under way, at the period's end (none when too few).
    pub average_age_in_progress: Option<f64>,
    /// The threshold below which counts are hidden.
    pub smallest_shown: u32,
}

/// `/oversight/plans`: the plans the user may see, and one plan's targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlansView {
    /// Plans over the user's scope, newest first.
    pub plans: Vec<PlanRow>,
    /// Units the user may issue a plan for or adopt one as (their scope and its bodies).
    pub bodies: Vec<UnitChoice>,
    /// Units a plan may be issued by: every body in reach, historical ones included.
    pub issuers: Vec<UnitChoice>,
    /// The plan whose targets are being edited, for one year.
    pub editing: Option<PlanTargets>,
    /// Whether the user may create and edit plans.
    pub may_edit: bool,
    /// The oversight numbers in force today at the first body in reach (none when none is).
    pub rules: Option<crate::oversight::OversightRules>,
}

/// A unit to choose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitChoice {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Kind code.
    pub kind: String,
    /// Last day it existed, for historical bodies.
    pub valid_to: Option<NaiveDate>,
}

/// A plan in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRow {
    /// The plan.
    pub plan: PlanLine,
    /// The unit whose schools it covers.
    pub scope: String,
    /// First day in force.
    pub in_force_from: NaiveDate,
    /// The plan it replaced, by number.
    pub replaces: Option<String>,
    /// The plan that replaced it, by number, and from when.
    pub replaced_by: Option<(String, NaiveDate)>,
    /// Successor bodies carrying it on, each from its day.
    pub adoptions: Vec<AdoptionLine>,
}

/// A successor body's adoption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptionLine {
    /// The body.
    pub body: String,
    /// From.
    pub from: NaiveDate,
}

/// One plan's targets for one year: its scope's line and one per school covered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTargets {
    /// Plan id.
    pub plan_id: i64,
    /// Its number.
    pub number: String,
    /// Its title.
    pub title: String,
    /// Its date of issue.
    pub issued_on: NaiveDate,
    /// Its first day in force.
    pub in_force_from: NaiveDate,
    /// The year edited.
    pub year: i32,
    /// The scope's line first, then the schools in name order.
    pub rows: Vec<TargetRow>,
}

/// A target line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetRow {
    /// The unit (the scope or a school).
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Whether it is the plan's whole scope.
    pub is_scope: bool,
    /// The figures.
    pub figures: TargetFigures,
}
