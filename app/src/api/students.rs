//! Student lists.

use leptos::prelude::*;
use nguon_shared::views::StudentsView;
use nguon_shared::AppError;

/// Rows per page of the student list.
pub const STUDENT_PAGE_SIZE: usize = 100;

/// `/students`: a school's students (`school` empty: the first the user may
/// see). `q` accent-free search; `grade` empty or 10–12; `class` empty or a
/// class id; `adult_on` empty or a date `dd/mm/yyyy`; `page` empty or 1, 2, …
#[server(name = LoadStudents, endpoint = "students_view")]
#[allow(clippy::too_many_arguments)]
pub async fn students_view(
    school: String,
    q: String,
    grade: String,
    class: String,
    union_only: bool,
    adult_on: String,
    page: String,
) -> Result<StudentsView, AppError> {
    use super::context::*;
    use nguon_domain::views::students::{students, PageOf};
    use nguon_shared::ErrorCode;
    let actor = actor().await?;
    let number = match page.trim() {
        "" => 1,
        p => p.parse::<usize>().ok().filter(|p| *p >= 1).ok_or_else(|| AppError::invalid("page", ErrorCode::InvalidValue))?,
    };
    let filter = super::queries::students(&q, &grade, &class, union_only, &adult_on)?;
    let ctx = audit_context(Some(actor.user_id));
    let page = PageOf { number, size: STUDENT_PAGE_SIZE };
    students(&state()?.db, &actor, &ctx, optional_number("school", &school)?, &filter, page, crate::format::today()).await
}
