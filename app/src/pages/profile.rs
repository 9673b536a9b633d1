//! A student's profile: identity, the outstanding criteria with their
//! reasons, and the timeline of entries, results, classifications and
//! proposals, newest first.

use super::merit::outcomes_list;
use crate::api::student_profile;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use leptos::prelude::*;
use nguon_shared::merit::{ProfileView, TimelineEvent, TimelineItem};
use nguon_shared::views::CurrentUserView;

/// `/students/:id`.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let data: Resource<Result<ProfileView, nguon_shared::AppError>> = Resource::new(
        crate::pages::id_param(),
        |id| async move { student_profile(id).await },
    );
    view! { <WithUser render=move |page, user| profile_page(page, user, data)/> }
}

fn event_line(m: &'static Messages, item: &TimelineItem) -> (&'static str, String) {
    match &item.event {
        TimelineEvent::Entry { activity, level, points, status, reversal, reason } => {
            let mut t = format!("{activity}{} ({points:+})", level.as_ref().map(|l| format!(" — {l}")).unwrap_or_default());
            if *reversal {
                t = format!("{}: {t}", m.reverse);
            }
            if status != "approved" {
                t.push_str(&format!(" · {}", m.entry_status(status)));
            }
            if let Some(r) = reason.as_ref().filter(|_| *reversal || status == "rejected") {
                t.push_str(&format!(" · {}", fill(m.rejected_because, &[("reason", r)])));
            }
            ("entry", t)
        }
        TimelineEvent::Result { period, study, conduct } => {
            let p = if period.period == 0 {
                format!("{} {}", m.whole_year, period.year)
            } else {
                fill(m.semester_of_year, &[("n", &period.period.to_string()), ("y", &period.year)])
            };
            let g = |v: &Option<String>| v.as_deref().map(|c| m.grade_label(c)).unwrap_or_else(|| m.not_recorded.to_string());
            ("result", fill(m.tl_result, &[("p", &p), ("s", &g(study)), ("c", &g(conduct))]))
        }
        TimelineEvent::Classification { year, level } => ("classification", fill(m.tl_classification, &[("y", year), ("level", &m.level_label(level))])),
        TimelineEvent::Stage { stage, reason } => {
            ("stage", format!("{}{}", fill(m.tl_stage, &[("stage", m.stage_label(*stage))]), reason.as_ref().map(|r| format!(" — {r}")).unwrap_or_default()))
        }
        TimelineEvent::Proposal { status, reason } => ("proposal", fill(m.tl_proposal, &[("status", m.proposal_status(status)), ("reason", reason)])),
    }
}

fn profile_page(page: PageCtx, _user: CurrentUserView, data: Resource<Result<ProfileView, nguon_shared::AppError>>) -> AnyView {
    let m = page.m;
    view! {
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                // No heading of its own to show: the refusal is the page.
                Err(e) => view! { <h1>{m.error(&e)}</h1>{crate::components::form::load_error(m, &e)} }.into_any(),
                Ok(p) => {
                    let ledger_href = match p.year_id {
                        Some(y) => format!("/ledger/student/{}?year={y}", p.id),
                        None => format!("/ledger/student/{}", p.id),
                    };
                    view! {
                        <h1 id="profile-name">{p.name.clone()}</h1>
                        <dl class="facts">
                            <dt>{m.col_class}</dt><dd>{p.class_name.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt>{m.col_code}</dt><dd>{p.code.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt>{m.col_dob}</dt><dd>{format::date(p.date_of_birth)}</dd>
                            <dt>{m.col_union}</dt><dd>{p.union_joined_on.map(format::date).unwrap_or_else(|| m.r_not_member.into())}</dd>
                        </dl>
                        <p><a href=ledger_href>{m.ledger_lines}</a></p>
                        {p.evaluation.as_ref().map(|e| view! {
                            <section class="card" id="profile-criteria">
                                <h2>{m.ledger_outstanding}</h2>
                                {e.proposal.as_deref().map(|s| view! { <p><span class="badge">{m.proposal_status(s)}</span></p> })}
                                {outcomes_list(m, e)}
                            </section>
                        })}
                        <h2>{m.timeline_title}</h2>
                        {if p.timeline.is_empty() {
                            view! { <p class="muted">{m.nothing_yet}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="timeline" id="timeline">
                                    {p.timeline.iter().map(|item| {
                                        let (kind, text) = event_line(m, item);
                                        view! {
                                            <li class=kind>
                                                <time datetime=item.date.to_string()>{format::date(item.date)}</time>
                                                " "<span>{text}</span>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}
