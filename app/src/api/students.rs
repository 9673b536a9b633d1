//! Student lists.

use leptos::prelude::*;
use nguon_shared::views::{ClassOption, SchoolOption, StudentPage};
use nguon_shared::AppError;

/// Schools whose students the user may see.
#[server(endpoint = "my_schools")]
pub async fn my_schools() -> Result<Vec<SchoolOption>, AppError> {
    use super::context::*;
    use nguon_domain::{org, policy::Permission};
    let actor = actor().await?;
    org::schools_in_scope(&state()?.db, &actor, Permission::ViewStudents).await
}

/// Rows per page of the student list.
pub const STUDENT_PAGE_SIZE: usize = 100;

/// The classes of a school's current year.
#[server(endpoint = "school_classes")]
pub async fn school_classes(school: i64) -> Result<Vec<ClassOption>, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::students::classes(&state()?.db, &actor, school, crate::format::today()).await
}

/// One page of the students of a school, filtered. `grade` empty or 10–12;
/// `class` empty or a class id; `adult_on` empty or a date `dd/mm/yyyy`;
/// `page` empty or 1, 2, …
#[server(endpoint = "list_students")]
pub async fn list_students(
    school: i64,
    q: String,
    grade: String,
    class: String,
    union_only: bool,
    adult_on: String,
    page: String,
) -> Result<StudentPage, AppError> {
    use super::context::*;
    use nguon_domain::students::{self, StudentFilter};
    use nguon_shared::ErrorCode;
    let actor = actor().await?;
    let grade = match grade.trim() {
        "" => None,
        g => Some(g.parse::<i16>().ok().filter(|g| (10..=12).contains(g)).ok_or_else(|| AppError::invalid("grade", ErrorCode::InvalidValue))?),
    };
    let adult_on = match adult_on.trim() {
        "" => None,
        d => Some(
            crate::format::parse_date(d).ok_or_else(|| AppError::invalid("adult_on", ErrorCode::InvalidValue))?,
        ),
    };
    if q.chars().count() > 100 {
        return Err(AppError::invalid("q", ErrorCode::TooLong { max: 100 }));
    }
    let class_id = match class.trim() {
        "" => None,
        c => Some(c.parse::<i64>().map_err(|_| AppError::invalid("class", ErrorCode::InvalidValue))?),
    };
    let page = match page.trim() {
        "" => 1,
        p => p.parse::<usize>().ok().filter(|p| *p >= 1).ok_or_else(|| AppError::invalid("page", ErrorCode::InvalidValue))?,
    };
    let filter = StudentFilter { grade, class_id, union_members_only: union_only, adult_on, query: Some(q), ..Default::default() };
    let ctx = audit_context(Some(actor.user_id));
    let all = students::list(&state()?.db, &actor, &ctx, school, &filter, crate::format::today()).await?;
    let offset = (page - 1) * STUDENT_PAGE_SIZE;
    Ok(StudentPage {
        total: all.len() as u32,
        offset: offset as u32,
        page_size: STUDENT_PAGE_SIZE as u32,
        rows: all.into_iter().skip(offset).take(STUDENT_PAGE_SIZE).collect(),
    })
}
