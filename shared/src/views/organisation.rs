//! The views of the administrators' organisation pages.

use super::{ClassRow, SchoolOption, SchoolYearView};
use serde::{Deserialize, Serialize};

/// `/admin/years`: the school years the user administers, and one year's classes when chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearsView {
    /// The years, school by school, newest first.
    pub years: Vec<SchoolYearView>,
    /// The schools where a year may be created.
    pub schools: Vec<SchoolOption>,
    /// The chosen year's classes (`?year=`).
    pub classes: Option<YearClasses>,
}

/// A school year's classes, and the class whose homeroom teacher is being changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearClasses {
    /// The year.
    pub year: SchoolYearView,
    /// Its classes, by grade then name.
    pub classes: Vec<ClassRow>,
    /// The class being edited (`?class=`): its homeroom picker is shown, not every row's.
    pub editing: Option<i64>,
    /// The school's staff, in class-list order, when a class is being edited.
    pub teachers: Vec<TeacherOption>,
}

/// A member of staff, for the homeroom picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeacherOption {
    /// Staff id.
    pub id: i64,
    /// Full name.
    pub name: String,
}

/// `/admin/import`: where a class list may be uploaded, and the user's recent uploads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportView {
    /// The years a list may be imported into (those the user administers).
    pub years: Vec<SchoolYearView>,
    /// The user's recent uploads, newest first.
    pub uploads: Vec<crate::roster::UploadRow>,
}
