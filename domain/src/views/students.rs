//! The student list's view.

use super::school_choice;
use crate::audit::AuditContext;
use crate::policy::Actor;
use crate::students::{self, StudentFilter};
use chrono::NaiveDate;
use nguon_shared::views::{StudentPage, StudentsView};
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;

/// Which page of the list, and how long a page is.
#[derive(Clone, Copy, Debug)]
pub struct PageOf {
    /// 1, 2, …
    pub number: usize,
    /// Rows per page.
    pub size: usize,
}

/// A school's students matching `filter`, page `page`, and its classes for the filter form.
pub async fn students<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ctx: &AuditContext,
    school: Option<i64>,
    filter: &StudentFilter,
    page: PageOf,
    today: NaiveDate,
) -> Result<StudentsView, AppError> {
    let choice = school_choice(conn, actor, school).await?;
    let Some(id) = choice.school else { return Ok(StudentsView { choice, classes: Vec::new(), list: StudentPage::default() }) };
    let classes = students::classes(conn, actor, id, today).await?;
    let offset = (page.number.max(1) - 1) * page.size;
    let found = students::list_page(conn, actor, ctx, id, filter, students::Window { offset, limit: Some(page.size) }, today).await?;
    let list = StudentPage { total: found.total, offset: offset as u32, page_size: page.size as u32, rows: found.rows };
    Ok(StudentsView { choice, classes, list })
}
