//! The views of the administrators' organisation pages.

use crate::policy::{Actor, Permission};
use nguon_shared::views::organisation::{ImportView, OrgView, SchoolLinks, StaffEdit, StaffView, TeacherOption, YearClasses, YearsView};
use nguon_shared::views::{SchoolChoice, Slice};
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;

/// The years and schools the actor administers and, for `year`, its classes;
/// the staff to pick a homeroom teacher from only while `class` is being edited.
pub async fn years<C: ConnectionTrait>(conn: &C, actor: &Actor, year: Option<i64>, class: Option<i64>) -> Result<YearsView, AppError> {
    let years = crate::school_years::list(conn, actor).await?;
    let schools = crate::org::schools_in_scope(conn, actor, Permission::ManageOrganisation).await?;
    let classes = match year {
        None => None,
        Some(id) => {
            let year = years.iter().find(|y| y.id == id).cloned().ok_or(AppError::NotFound)?;
            let (classes, staff) = crate::school_years::classes(conn, actor, id).await?;
            let editing = super::pick_offered(classes.iter().map(|row| row.id), class)?;
            let teachers = if editing.is_some() { staff.into_iter().map(|(id, name)| TeacherOption { id, name }).collect() } else { Vec::new() };
            Some(YearClasses { year, classes, editing, teachers })
        }
    };
    Ok(YearsView { years, schools, classes })
}

/// The years a class list may be imported into, and the actor's recent uploads.
pub async fn import<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<ImportView, AppError> {
    Ok(ImportView { years: crate::school_years::list(conn, actor).await?, uploads: crate::roster::my_uploads(conn, actor).await? })
}

/// What the staff page is asked for.
#[derive(Clone, Copy, Debug, Default)]
pub struct StaffQuery {
    /// The school asked for (else the first the actor manages).
    pub school: Option<i64>,
    /// The member of staff being changed.
    pub staff: Option<i64>,
    /// How many rows to show.
    pub limit: usize,
}

/// A school's staff for the accounts page and, when one is being changed,
/// the units where the actor may grant a role (looked up only then: there
/// may be thousands of units in a province).
pub async fn staff<C: ConnectionTrait>(conn: &C, actor: &Actor, q: StaffQuery) -> Result<StaffView, AppError> {
    let schools = crate::people::schools(conn, actor).await?;
    let school = super::pick_school(&schools, q.school)?;
    let choice = SchoolChoice { schools, school };
    let Some(id) = school else { return Ok(StaffView { choice, staff: Slice::empty(), cells: Vec::new(), editing: None }) };
    let rows = crate::people::list_staff(conn, actor, id).await?;
    let cells = crate::people::party_cells(conn, actor, id).await?;
    let editing = match q.staff {
        None => None,
        Some(s) => {
            let staff = rows.iter().find(|r| r.id == s).cloned().ok_or(AppError::NotFound)?;
            Some(StaffEdit { staff, units: crate::people::grant_units(conn, actor).await? })
        }
    };
    Ok(StaffView { choice, staff: Slice::first(rows, q.limit), cells, editing })
}

/// The organisation tree the actor administers, the unit being changed and a school's links.
pub async fn org<C: ConnectionTrait>(conn: &C, actor: &Actor, unit: Option<i64>, school: Option<i64>) -> Result<OrgView, AppError> {
    let units = crate::org_admin::tree(conn, actor).await?;
    let editing = super::pick_offered(units.iter().map(|u| u.id), unit)?;
    let links = match school {
        None => None,
        Some(id) => {
            let u = units.iter().find(|u| u.id == id && u.kind == "school").ok_or(AppError::NotFound)?;
            Some(SchoolLinks { school: id, name: u.name.clone(), links: crate::org_admin::links(conn, actor, id).await? })
        }
    };
    Ok(OrgView { units, editing, links })
}
