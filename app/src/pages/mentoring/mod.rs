//! Mentoring and follow-up pages: the mentoring section of a candidacy's
//! page (forecast, classes, assessments), "my tasks", the awareness classes
//! of the school's training centre, the joint Party–Union meetings, and the
//! cell's calendar and reminders.


mod calendar;
mod classes;
mod meetings;
mod rules;
mod section;
mod tasks;

pub use calendar::CalendarPage;
pub use classes::ClassesPage;
pub use meetings::MeetingsPage;
pub use rules::RulesPage;
pub use section::mentoring_section;
pub use tasks::{task_text, TasksPage};

use crate::i18n::Messages;
use leptos::prelude::*;
use nguon_shared::views::NavPermissions;

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// Links between the pipeline's pages.
pub fn pipeline_links(m: &'static Messages, nav: &NavPermissions, school: Option<i64>) -> AnyView {
    let q = school.map(|s| format!("?school={s}")).unwrap_or_default();
    // A mentor sees the board and their tasks; the cell's own pages are the cell's.
    let cell = nav.manage_pipeline;
    view! {
        <nav class="subnav" aria-label=m.nav_pipeline>
            <a href=format!("/pipeline{q}")>{m.nav_pipeline}</a>
            <a href="/tasks">{m.mt.nav_tasks}</a>
            {cell.then(|| view! {
                <a href=format!("/classes{q}")>{m.mt.classes_title}</a>
                <a href=format!("/meetings{q}")>{m.mt.meetings_title}</a>
                <a href=format!("/calendar{q}")>{m.mt.calendar_title}</a>
            })}
        </nav>
    }
    .into_any()
}

