//! The views of the administrators' organisation pages.

use crate::policy::{Actor, Permission};
use nguon_shared::views::organisation::{ImportView, TeacherOption, YearClasses, YearsView};
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
            let editing = match class {
                Some(c) if classes.iter().any(|row| row.id == c) => Some(c),
                Some(_) => return Err(AppError::NotFound),
                None => None,
            };
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
