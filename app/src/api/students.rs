//! Student lists.

use leptos::prelude::*;
use nguon_shared::views::{SchoolOption, StudentRow};
use nguon_shared::AppError;

/// Schools whose students the user may see.
#[server(endpoint = "my_schools")]
pub async fn my_schools() -> Result<Vec<SchoolOption>, AppError> {
    use super::context::*;
    use nguon_domain::{org, policy::Permission};
    let actor = actor().await?;
    org::schools_in_scope(&state()?.db, &actor, Permission::ViewStudents).await
}

/// The students of a school, filtered. `grade` empty or 10–12; `adult_on`
/// empty or a date `dd/mm/yyyy`.
#[server(endpoint = "list_students")]
pub async fn list_students(
    school: i64,
    q: String,
    grade: String,
    union_only: bool,
    adult_on: String,
) -> Result<Vec<StudentRow>, AppError> {
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
    let filter = StudentFilter { grade, union_members_only: union_only, adult_on, query: Some(q), ..Default::default() };
    let ctx = audit_context(Some(actor.user_id));
    students::list(&state()?.db, &actor, &ctx, school, &filter, crate::format::today()).await
}
