//! The signed-in home page: for each role the user holds, what waits today,
//! each line linking to the page where it is done.

use crate::api::home_view;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::home::step_href;
use crate::i18n::{fill, Messages};
use crate::pages::mentoring::task_text;
use crate::pages::pipeline::risk_text;
use leptos::prelude::*;
use nguon_shared::views::home::{AdminHome, CellHome, HomeView, MentorHome, UnionHome};
use nguon_shared::views::CurrentUserView;

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// Welcome, then one section per role.
#[component]
pub fn HomePage() -> impl IntoView {
    let data: Res<HomeView> = Resource::new(|| (), |_| home_view());
    view! { <WithUser render=move |page, user| home(page, user, data)/> }
}

fn home(page: PageCtx, user: CurrentUserView, data: Res<HomeView>) -> AnyView {
    let m = page.m;
    let roles = user.roles.clone();
    view! {
        <h1>{fill(m.home_welcome, &[("name", &user.full_name)])}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(v) => view! {
                    {v.union.map(|u| union(m, u))}
                    {v.cell.map(|c| cell(m, c))}
                    {v.mentor.map(|x| mentor(m, x))}
                    {v.admin.map(|a| admin(m, a))}
                    {v.oversight.map(|o| view! {
                        <section class="home-section" id="home-oversight">
                            <h2>{m.ov.title}</h2>
                            {crate::pages::oversight::sections::dashboard_body(m, o, false)}
                        </section>
                    })}
                }.into_any(),
            })}
        </Transition>
        <section class="card" id="home-roles">
            <h2>{m.hm.roles_title}</h2>
            {if roles.is_empty() {
                view! { <p>{m.home_no_roles}</p> }.into_any()
            } else {
                view! {
                    <ul class="roles">
                        {roles.into_iter().map(|g| view! {
                            <li><strong>{m.role(g.role)}</strong>" — "{g.unit_name}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn union(m: &'static Messages, u: UnionHome) -> AnyView {
    let h = m.hm;
    let waiting = u.to_review > 0;
    view! {
        <section class="card home-section" id="home-union">
            <h2>{h.union_title}<span class="muted">" · "{u.school.name}{u.year_name.clone().map(|y| format!(" · {y}"))}</span></h2>
            {u.year_name.is_none().then(|| view! { <p class="alert">{h.no_year}</p> })}
            <p id="home-to-review" class:due=waiting>
                {if u.to_review == 0 {
                    h.to_review_none.to_string()
                } else {
                    fill(h.to_review, &[("n", &u.to_review.to_string()), ("b", &u.to_review_batches.to_string())])
                }}
                {(u.to_review > 0).then(|| view! { " "<a class="button" href="/ledger/review">{h.review_now}</a> })}
            </p>
            {(!u.rejected.is_empty()).then(|| view! {
                <h3>{h.rejected_title}</h3>
                <p class="muted">{h.rejected_intro}</p>
                <ul class="plain" id="home-rejected">
                    {u.rejected.into_iter().map(|e| {
                        let line = fill(h.rejected_line, &[("activity", &e.activity), ("date", &format::date(e.occurred_on)), ("by", &e.reviewed_by.clone().unwrap_or_default())]);
                        view! {
                            <li>
                                <a href=format!("/ledger/student/{}", e.student_id)>{e.student_name}</a>" — "{line}
                                <br/><em>{e.reason.unwrap_or_else(|| h.no_reason.to_string())}</em>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <h3>{fill(h.week_title, &[("date", &format::date(u.week.since))])}</h3>
            <p id="home-week">
                {if u.week.batches == 0 {
                    h.week_none.to_string()
                } else {
                    fill(h.week_line, &[("batches", &u.week.batches.to_string()), ("entries", &u.week.entries.to_string()), ("mine", &u.week.mine.to_string())])
                }}
                " "<a href="/ledger/log">{h.log_now}</a>
            </p>
            <h3>{h.top_title}</h3>
            {if u.top.is_empty() {
                view! { <p class="muted">{h.top_empty}</p> }.into_any()
            } else {
                view! {
                    <ol class="plain" id="home-top">
                        {u.top.into_iter().map(|r| view! {
                            <li><span class="rank">{if r.tied { format!("{}=", r.rank) } else { format!("{}.", r.rank) }}</span>" "
                                <a href=format!("/students/{}", r.student_id)>{r.name}</a>
                                <span class="muted">" · "{r.class_name}" · "</span><strong>{r.points}</strong>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <p><a href="/ledger">{h.whole_ranking}</a></p>
        </section>
    }
    .into_any()
}

fn cell(m: &'static Messages, c: CellHome) -> AnyView {
    let h = m.hm;
    let more = c.flagged_total as usize - c.flagged.len();
    view! {
        <section class="card home-section" id="home-cell">
            <h2>{h.cell_title}</h2>
            <p id="home-proposals">
                {if c.proposals == 0 {
                    view! { {h.proposals_none} }.into_any()
                } else {
                    view! { <a href="/pipeline#proposals">{fill(h.proposals_line, &[("n", &c.proposals.to_string())])}</a> }.into_any()
                }}
            </p>
            <h3>{m.mt.tasks_title}</h3>
            {if c.tasks.is_empty() {
                view! { <p class="muted">{h.no_tasks}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain" id="home-tasks">
                        {c.tasks.iter().map(|t| {
                            let href = t.candidacy_id.map_or_else(|| "/tasks".to_string(), |id| format!("/pipeline/{id}"));
                            let overdue = t.due.is_some_and(|d| d < format::today());
                            view! {
                                <li><a href=href>{t.name.clone()}</a>" — "{task_text(m, t)}
                                    {t.due.map(|d| view! { " · "{fill(m.mt.task_due, &[("date", &format::date(d))])} })}
                                    {overdue.then(|| view! { " "<span class="badge warn">{m.mt.overdue}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p><a href="/tasks">{fill(h.tasks_more, &[("n", &c.tasks_total.to_string())])}</a></p>
                }.into_any()
            }}
            <h3>{h.flagged_title}</h3>
            {if c.flagged.is_empty() {
                view! { <p class="muted">{h.flagged_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain" id="home-flagged">
                        {c.flagged.into_iter().map(|f| view! {
                            <li><a href=format!("/pipeline/{}", f.candidacy_id)>{f.name}</a>" · "{m.stage_label(f.stage)}
                                <br/><small>{f.risks.iter().map(|r| risk_text(m, r)).collect::<Vec<_>>().join("; ")}</small>
                            </li>
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="muted">{fill(h.flagged_more, &[("n", &more.to_string())])}</p> })}
                }.into_any()
            }}
            <p><a href="/pipeline">{h.open_board}</a></p>
        </section>
    }
    .into_any()
}

fn mentor(m: &'static Messages, x: MentorHome) -> AnyView {
    let h = m.hm;
    let today = format::today();
    view! {
        <section class="card home-section" id="home-mentor">
            <h2>{h.mentor_title}</h2>
            {if x.candidates.is_empty() {
                view! { <p class="muted">{h.mentor_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain" id="home-mentored">
                        {x.candidates.into_iter().map(|c| {
                            let overdue = c.next_due < today;
                            let last = c.last_written.map_or_else(|| h.never_written.to_string(), |d| fill(h.last_written, &[("date", &format::date(d))]));
                            view! {
                                <li><a href=format!("/pipeline/{}#assessments", c.candidacy_id)>{c.name}</a>" · "{m.stage_label(c.stage)}
                                    <br/>{fill(h.next_due, &[("date", &format::date(c.next_due))])}" ("{last}")"
                                    {overdue.then(|| view! { " "<span class="badge warn">{m.mt.overdue}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn admin(m: &'static Messages, a: AdminHome) -> AnyView {
    let h = m.hm;
    view! {
        <section class="card home-section" id="home-admin">
            <h2>{h.admin_title}</h2>
            {if a.schools.is_empty() {
                view! { <p>{fill(h.admin_done, &[("n", &a.total.to_string())])}</p> }.into_any()
            } else {
                view! {
                    <p>{fill(h.admin_progress, &[("done", &a.complete.to_string()), ("total", &a.total.to_string())])}</p>
                    <ul class="plain" id="home-setup">
                        {a.schools.into_iter().map(|s| view! {
                            <li><strong>{s.school.name}</strong>
                                <ul>{s.missing.into_iter().map(|step| view! { <li><a href=step_href(step)>{h.step(step)}</a></li> }).collect_view()}</ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}
