//! `/tasks`: the user's inbox of what the procedure waits for.

use super::Res;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::fill;
use leptos::prelude::*;
use super::pipeline_links;
use crate::api::my_tasks;
use crate::i18n::Messages;
use nguon_shared::mentoring::{TaskKind, TaskView};

pub fn task_text(m: &Messages, task: &TaskView) -> String {
    let t = m.mt;
    match &task.kind {
        TaskKind::ProposalWaiting => t.task_proposal.into(),
        TaskKind::AssessmentDue { mentor } => fill(t.task_assessment, &[("mentor", mentor)]),
        TaskKind::Verification { open } => fill(t.task_verification, &[("n", &open.to_string())]),
        TaskKind::VoteToRecord => t.task_vote.into(),
        TaskKind::Decision => t.task_decision.into(),
        TaskKind::Ceremony => t.task_ceremony.into(),
        TaskKind::Recognition => t.task_recognition.into(),
        TaskKind::Transfer => t.task_transfer.into(),
        TaskKind::DataRequest { kind, .. } => fill(m.pv.task_request, &[("kind", &m.pv.kind_label(kind))]),
        TaskKind::BehindPace { admitted, expected, quarter_end, .. } => {
            fill(m.ov.task_behind, &[("date", &format::date(*quarter_end)), ("admitted", &admitted.to_string()), ("expected", &expected.to_string())])
        }
        TaskKind::Stalled { count, after_days, .. } => fill(m.ov.task_stalled, &[("n", &count.to_string()), ("days", &after_days.to_string())]),
    }
}

/// `/tasks`: the user's inbox.
#[component]
pub fn TasksPage() -> impl IntoView {
    let data: Res<Vec<TaskView>> = Resource::new(|| (), |_| my_tasks());
    view! { <WithUser render=move |page, _user| tasks_page(page, data)/> }
}

fn tasks_page(page: PageCtx, data: Res<Vec<TaskView>>) -> AnyView {
    let m = page.m;
    let t = m.mt;
    view! {
        <h1>{t.tasks_title}</h1>
        {crate::components::form::export_link(m, "tasks")}
        {page.info.nav.pipeline.then(|| pipeline_links(m, &page.info.nav, None))}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(list) if list.is_empty() => view! { <p class="muted" id="no-tasks">{t.no_tasks}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="tasks" id="tasks">{list.iter().map(|task| {
                        let overdue = task.due.is_some_and(|d| d < format::today());
                        let href = match (&task.kind, task.candidacy_id) {
                            (TaskKind::DataRequest { student_id, .. }, _) => format!("/privacy/student/{student_id}#requests"),
                            (TaskKind::BehindPace { school_id, .. }, _) => format!("/oversight?school={school_id}"),
                            (TaskKind::Stalled { school_id, .. }, _) => format!("/oversight?school={school_id}#dash-stalled"),
                            (_, Some(c)) => format!("/pipeline/{c}"),
                            (_, None) => "/pipeline#proposals".to_string(),
                        };
                        view! {
                            <li class="card task" class:overdue=overdue>
                                <a href=href><strong>{task.name.clone()}</strong></a>
                                " — "{task_text(m, task)}
                                {task.due.map(|d| view! { " · "<span class="due">{fill(t.task_due, &[("date", &format::date(d))])}</span> })}
                                {overdue.then(|| view! { " "<span class="badge warn">{t.overdue}</span> })}
                            </li>
                        }
                    }).collect_view()}</ul>
                }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

