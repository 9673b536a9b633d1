//! Wire types of oversight: periods, funnel steps, suppressed counts and the
//! configurable numbers the dashboards use.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which stretch of time a dashboard shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodKind {
    /// 1/1 to 31/12 of the current year.
    ThisYear,
    /// The whole previous calendar year.
    LastYear,
    /// 1/1 of the current year to today.
    YearToDate,
    /// Two days chosen by the user.
    Custom,
}

impl PeriodKind {
    /// Every kind, in the order the filter offers them.
    pub const ALL: [PeriodKind; 4] = [PeriodKind::ThisYear, PeriodKind::LastYear, PeriodKind::YearToDate, PeriodKind::Custom];

    /// Code in the page's address.
    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::ThisYear => "year",
            PeriodKind::LastYear => "last_year",
            PeriodKind::YearToDate => "ytd",
            PeriodKind::Custom => "custom",
        }
    }

    /// The kind of a code.
    pub fn from_code(code: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A resolved period: its kind and its first and last days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// How it was chosen.
    pub kind: PeriodKind,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

/// A step of the funnel, from union member to full member (issue: "funnel and velocity").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FunnelStep {
    /// Union members in the schools' rolls during the period.
    UnionMembers,
    /// Proposed by the Youth Union.
    Proposed,
    /// Accepted into the source pool.
    Pool,
    /// Completed the awareness class (certificate issued).
    ClassCompleted,
    /// Became candidates (đối tượng).
    Candidates,
    /// Voted by the Party cell.
    CellVoted,
    /// Admitted (ceremony held: probationary members).
    Admitted,
    /// Recognised as full members.
    FullMembers,
}

impl FunnelStep {
    /// The steps in order.
    pub const ALL: [FunnelStep; 8] = [
        FunnelStep::UnionMembers,
        FunnelStep::Proposed,
        FunnelStep::Pool,
        FunnelStep::ClassCompleted,
        FunnelStep::Candidates,
        FunnelStep::CellVoted,
        FunnelStep::Admitted,
        FunnelStep::FullMembers,
    ];
}

/// A count that may be hidden: sensitive breakdowns show fewer than the
/// configured number of people as "< 5" (domain.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Count {
    /// The number.
    Shown(u32),
    /// Fewer than `below` people (or hidden so that a total cannot reveal another hidden cell).
    Few {
        /// The threshold.
        below: u32,
    },
}

/// The numbers oversight uses, configurable per scope (rule `oversight.rules`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OversightRules {
    /// A candidacy is "stalled" after this many days in one stage (probation excluded: it lasts a year by rule).
    pub stalled_after_days: u32,
    /// Breakdown cells with fewer people than this are hidden.
    pub smallest_shown: u32,
}

impl Default for OversightRules {
    fn default() -> Self {
        OversightRules { stalled_after_days: 120, smallest_shown: 5 }
    }
}
