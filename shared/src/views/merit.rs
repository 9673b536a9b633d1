//! The views of the results, classification and outstanding-student pages.

use super::{ClassOption, Slice, YearChoice};
use crate::merit::{ClassificationRow, ClassificationThresholds, Evaluation, OutstandingCriteria, ResultRow};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `/ledger/results`: a class's study and conduct results for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsView {
    /// The years offered and the one shown.
    pub choice: YearChoice,
    /// The year's classes.
    pub classes: Vec<ClassOption>,
    /// The chosen class's rows (empty until a class is chosen).
    pub rows: Vec<ResultRow>,
}

/// `/ledger/classification`: the union classification suggested and confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassificationView {
    /// The years offered and the one shown.
    pub choice: YearChoice,
    /// The year's classes.
    pub classes: Vec<ClassOption>,
    /// The chosen class's rows (empty until a class is chosen).
    pub rows: Vec<ClassificationRow>,
    /// The thresholds in force for the year (`None` without a year).
    pub thresholds: Option<ClassificationThresholds>,
}

/// `/ledger/outstanding`: the outstanding-student lists of a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutstandingPageView {
    /// The years offered and the one shown.
    pub choice: YearChoice,
    /// The lists, when a year is shown.
    pub lists: Option<OutstandingLists>,
}

/// The two lists of a year, each a shown slice (after any name search).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutstandingLists {
    /// The criteria applied.
    pub criteria: OutstandingCriteria,
    /// The day they were evaluated on.
    pub on: NaiveDate,
    /// Students meeting every criterion.
    pub qualifying: Slice<Evaluation>,
    /// Students missing exactly one.
    pub one_short: Slice<Evaluation>,
    /// How many other students were evaluated.
    pub others: u32,
}
