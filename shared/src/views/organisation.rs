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

/// `/admin/staff`: a school's staff (a page of them), and the one being changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffView {
    /// The schools whose staff the user manages, and the one shown.
    pub choice: super::SchoolChoice,
    /// The staff shown, in class-list order.
    pub staff: super::Slice<super::StaffRow>,
    /// The school's Party cells (for the forms).
    pub cells: Vec<super::UnitOption>,
    /// The member of staff being changed (`?staff=`), with the units where a role may be granted.
    pub editing: Option<StaffEdit>,
}

/// A member of staff whose Party facts and roles are being changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEdit {
    /// The member of staff.
    pub staff: super::StaffRow,
    /// Units where the user may grant a role.
    pub units: Vec<super::UnitOption>,
}

/// `/admin/org`: the organisation tree the user administers, the unit being
/// changed (`?unit=`) and a school's dated links (`?school=`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgView {
    /// The units, depth first.
    pub units: Vec<super::UnitRow>,
    /// The unit whose form is open.
    pub editing: Option<i64>,
    /// The school whose links are shown.
    pub links: Option<SchoolLinks>,
}

/// A school's dated links (its Party organisation, its training centre …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolLinks {
    /// The school's unit id.
    pub school: i64,
    /// Its name.
    pub name: String,
    /// The links, past ones included.
    pub links: Vec<super::LinkRow>,
}
