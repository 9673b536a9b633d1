//! The views of the emulation ledger's pages: what each page shows, in one answer.

use super::{ClassOption, Slice, StudentRow, YearChoice};
use crate::ledger::{ActivityView, EntryRow, RankRow};
use serde::{Deserialize, Serialize};

/// An activity category, for pickers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryOption {
    /// Id.
    pub id: i64,
    /// "Tình nguyện".
    pub name: String,
}

/// `/ledger`: the leaderboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderboardView {
    /// The years offered and the one shown.
    pub choice: YearChoice,
    /// The year's classes (scopes to choose from).
    pub classes: Vec<ClassOption>,
    /// The year's categories (a filter).
    pub categories: Vec<CategoryOption>,
    /// The ranks shown; a name search keeps each student's rank in the whole scope.
    pub ranks: Slice<RankRow>,
}

/// `/ledger/log`: logging an activity for a class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogView {
    /// The years offered and the one shown.
    pub choice: YearChoice,
    /// A fresh key for the form: a second submit of the same form is recognised.
    pub request_key: String,
    /// The year's classes.
    pub classes: Vec<ClassOption>,
    /// The year's activities.
    pub activities: Vec<ActivityView>,
    /// The students of the chosen class (empty until one is chosen).
    pub students: Vec<StudentRow>,
}

/// `/ledger/review`: the entries waiting for the user's review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    /// The years offered and the one shown.
    pub choice: YearChoice,
    /// The entries others logged, waiting (the first ones shown).
    pub queue: Slice<EntryRow>,
}

/// `/ledger/activities`: the activity catalogue of a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueView {
    /// The years offered and the one shown.
    pub choice: YearChoice,
    /// The activities.
    pub activities: Vec<ActivityView>,
    /// The categories.
    pub categories: Vec<CategoryOption>,
}

/// `/ledger/students/:id`: every line behind a student's totals for a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentLedgerView {
    /// The years offered and the one shown.
    pub choice: YearChoice,
    /// The student's full name (empty when they have no line that year).
    pub name: String,
    /// The sum of the approved lines (all of them, not only those shown).
    pub approved_points: i64,
    /// The lines (the first ones shown).
    pub entries: Slice<EntryRow>,
    /// Approved lines not yet reversed, which a reversal may name.
    pub reversible: Vec<ReversibleEntry>,
}

/// An approved line that may still be reversed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReversibleEntry {
    /// The entry's id.
    pub id: i64,
    /// The activity's name.
    pub activity: String,
    /// Its points.
    pub points: i32,
}
