//! View models sent to the browser. Never entities: only what a page needs.

use crate::{Locale, Role};
use serde::{Deserialize, Serialize};

pub mod documents;
pub mod home;
pub mod ledger;
pub mod merit;
pub mod organisation;
pub mod oversight;
pub mod pipeline;
pub mod privacy;

/// One role a user holds, with the name of the unit it applies to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrantView {
    /// The role.
    pub role: Role,
    /// The organisation unit's id.
    pub unit_id: i64,
    /// The organisation unit's display name.
    pub unit_name: String,
}

/// The signed-in user as the layout needs it. Holds no secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUserView {
    /// Account id.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Full name for display.
    pub full_name: String,
    /// The user's interface language.
    pub locale: Locale,
    /// Roles held, with their units.
    pub roles: Vec<RoleGrantView>,
}

/// What every page needs to render its shell: who is signed in, in which
/// language, and whether the installation still needs its first administrator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellInfo {
    /// The signed-in user, if any.
    pub user: Option<CurrentUserView>,
    /// The language to render in (user preference, else cookie, else browser, else Vietnamese).
    pub locale: Locale,
    /// True while no account exists: the first-run page is offered.
    pub needs_setup: bool,
    /// What the navigation offers, as decided by the server's policy.
    pub nav: NavPermissions,
}

/// Which sections the signed-in user may open (the server refuses the rest anyway).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavPermissions {
    /// Student lists.
    pub students: bool,
    /// Account administration.
    pub accounts: bool,
    /// School years, classes, roster import, organisation tree.
    pub organisation: bool,
    /// The audit log.
    pub audit: bool,
    /// The candidate pipeline (Party roles, mentors).
    pub pipeline: bool,
    /// The register of data-subject requests.
    pub privacy: bool,
    /// Tasks in the user's inbox (pipeline users and keepers of the register).
    /// Manages the pipeline somewhere (classes, meetings, the calendar); a mentor does not.
    pub manage_pipeline: bool,
    /// Logs emulation points somewhere (logging, review, the catalogue).
    pub log_emulation: bool,
    /// Sees the progress dashboard (superior officers, a school's Party roles).
    pub oversight: bool,
    /// Edits plans and targets (superior officers, administrators).
    pub plans: bool,
    pub tasks: u32,
}

/// One open session of the current user, for the "my sessions" list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// When the session was created (login time), UTC.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When it was last used, UTC.
    pub last_seen_at: chrono::DateTime<chrono::Utc>,
    /// The client address recorded at login.
    pub client_addr: String,
    /// Whether this is the session making the request.
    pub current: bool,
}

/// One account in the administrators' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    /// Account id.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Full name.
    pub full_name: String,
    /// Whether the account may log in.
    pub is_active: bool,
    /// Roles in force.
    pub roles: Vec<RoleGrantView>,
}

/// One student in a list. Sensitive fields are `None` unless the reader's
/// role may see them (`sensitive_visible`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentRow {
    /// Student id.
    pub id: i64,
    /// Code in the school-management software.
    pub code: Option<String>,
    /// Họ.
    pub family_name: String,
    /// Tên đệm.
    pub middle_name: String,
    /// Tên.
    pub given_name: String,
    /// Date of birth.
    pub date_of_birth: chrono::NaiveDate,
    /// Class in the chosen school year, e.g. "12A1".
    pub class_name: Option<String>,
    /// Grade of that class.
    pub grade: Option<i16>,
    /// Date of joining the Youth Union.
    pub union_joined_on: Option<chrono::NaiveDate>,
    /// Sensitive: ethnicity.
    pub ethnicity: Option<String>,
    /// Sensitive: religion.
    pub religion: Option<String>,
    /// Whether the sensitive fields were disclosed to this reader.
    pub sensitive_visible: bool,
}

impl StudentRow {
    /// The full name in the usual order: family, middle, given.
    pub fn full_name(&self) -> String {
        [self.family_name.as_str(), self.middle_name.as_str(), self.given_name.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A school the user may open, for pickers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolOption {
    /// Org unit id of the school.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// A school year of a school, with its semesters and sizes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolYearView {
    /// Id.
    pub id: i64,
    /// The school (org unit id).
    pub school_id: i64,
    /// The school's name.
    pub school_name: String,
    /// "2025-2026".
    pub name: String,
    /// First day.
    pub starts_on: chrono::NaiveDate,
    /// Last day.
    pub ends_on: chrono::NaiveDate,
    /// Semesters: (number, first day, last day).
    pub semesters: Vec<(i16, chrono::NaiveDate, chrono::NaiveDate)>,
    /// Classes in the year.
    pub classes: u32,
    /// Students placed in a class that year.
    pub students: u32,
}

/// What a grade roll-over did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollOverSummary {
    /// Classes created in the new year (11A1 from 10A1 …).
    pub classes_created: u32,
    /// Students placed one grade up.
    pub students_moved: u32,
    /// Grade-12 students, who leave (their history stays).
    pub graduated: u32,
    /// Students already placed in the new year, left as they were.
    pub already_placed: u32,
}

/// One line of the audit log, for administrators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    /// Entry id (also the paging cursor).
    pub id: i64,
    /// When.
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    /// Who (login name); `None` for the command line or first-run set-up.
    pub actor: Option<String>,
    /// Action code (`create`, `update`, `login` …).
    pub action: String,
    /// Entity name.
    pub entity: String,
    /// Entity id.
    pub entity_id: Option<String>,
    /// State before, as JSON.
    pub before: Option<String>,
    /// State after, as JSON.
    pub after: Option<String>,
    /// Client address.
    pub client_addr: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// Entries.
    pub rows: Vec<AuditRow>,
    /// The cursor for the next (older) page, if there is one.
    pub next_before: Option<i64>,
}

/// A role grant, with who granted (and revoked) it and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantRow {
    /// Grant id.
    pub id: i64,
    /// The role.
    pub role: Role,
    /// Where it applies (the unit and its subtree).
    pub unit_name: String,
    /// Who granted it (login name).
    pub granted_by: Option<String>,
    /// When.
    pub granted_at: chrono::DateTime<chrono::Utc>,
    /// Who revoked it, if revoked.
    pub revoked_by: Option<String>,
    /// When it was revoked.
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A member of staff of a school: the person, their account and roles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRow {
    /// Staff record id.
    pub id: i64,
    /// Full name.
    pub full_name: String,
    /// The linked account's id and login name, if the person has an account.
    pub account: Option<(i64, String)>,
    /// Whether the account may sign in.
    pub active: bool,
    /// Date of becoming an official (full) Party member, if a member.
    pub party_full_member_since: Option<chrono::NaiveDate>,
    /// The Party cell they belong to.
    pub party_cell: Option<String>,
    /// Role grants of the account, revoked ones included (history).
    pub grants: Vec<GrantRow>,
}

/// An organisation unit, for pickers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitOption {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Kind code (`school`, `party_cell` …).
    pub kind: String,
}

/// A unit of the organisation tree, in tree order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    /// Id.
    pub id: i64,
    /// Kind code (`province`, `school`, `party_cell` …).
    pub kind: String,
    /// Name.
    pub name: String,
    /// Short code (e.g. the Ministry's school code).
    pub code: Option<String>,
    /// Parent unit.
    pub parent_id: Option<i64>,
    /// Depth below the first unit shown (0 for the top).
    pub depth: u32,
    /// In force from.
    pub valid_from: Option<chrono::NaiveDate>,
    /// In force until (closed, merged or dissolved after it).
    pub valid_to: Option<chrono::NaiveDate>,
}

/// A dated link of a school to a related body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRow {
    /// Relation code (`party_organisation`, `deciding_committee` …).
    pub relation: String,
    /// The related unit's name.
    pub target_name: String,
    /// From.
    pub valid_from: chrono::NaiveDate,
    /// Until (`None`: still in force).
    pub valid_to: Option<chrono::NaiveDate>,
}

/// Codes of the organisation unit kinds, in the order forms list them.
pub const UNIT_KINDS: [&str; 8] =
    ["province", "commune", "party_committee", "school", "party_cell", "school_union", "class_branch", "training_centre"];

/// Codes of the dated relations of a school, in the order forms list them.
pub const RELATIONS: [&str; 5] =
    ["party_organisation", "youth_union", "superior_committee", "deciding_committee", "training_centre"];

/// One page of a student list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentPage {
    /// The students of this page, in class-list order.
    pub rows: Vec<StudentRow>,
    /// Students matching the filter, all pages.
    pub total: u32,
    /// Position of the first row in the whole list (0-based).
    pub offset: u32,
    /// Rows per page.
    pub page_size: u32,
}

/// A class, for pickers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassOption {
    /// Id.
    pub id: i64,
    /// "10A1".
    pub name: String,
    /// 10, 11 or 12.
    pub grade: i16,
}

/// A class of a school year with its homeroom teacher and size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRow {
    /// Id.
    pub id: i64,
    /// "10A1".
    pub name: String,
    /// 10, 11 or 12.
    pub grade: i16,
    /// Homeroom teacher (staff id and full name).
    pub homeroom: Option<(i64, String)>,
    /// Students placed in the class.
    pub students: u32,
}

/// The school years a page offers (those of the schools the user may see)
/// and the one it shows: the one asked for, else the one containing today,
/// else the newest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearChoice {
    /// Every year offered, newest first.
    pub years: Vec<SchoolYearView>,
    /// The year shown; `None` when there is none to show.
    pub year: Option<SchoolYearView>,
}

/// The schools a page offers and the one it shows (the one asked for, else the first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolChoice {
    /// Every school offered.
    pub schools: Vec<SchoolOption>,
    /// The school shown; `None` when the user sees none.
    pub school: Option<i64>,
}

/// A shown slice of a long list, and how long the whole list is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slice<T> {
    /// The rows shown (the first ones of the list).
    pub rows: Vec<T>,
    /// How many rows the whole list has (after any search).
    pub total: u32,
}

impl<T> Slice<T> {
    /// The first `limit` rows of `all`.
    pub fn first(all: Vec<T>, limit: usize) -> Self {
        let total = all.len() as u32;
        Slice { rows: all.into_iter().take(limit).collect(), total }
    }

    /// A slice of nothing.
    pub fn empty() -> Self {
        Slice { rows: Vec::new(), total: 0 }
    }
}


/// `/students`: a school's students, filtered, one page of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentsView {
    /// The schools offered and the one shown.
    pub choice: SchoolChoice,
    /// The classes of the school's current year (a filter).
    pub classes: Vec<ClassOption>,
    /// The page of students.
    pub list: StudentPage,
}
