//! `/ledger/review`: entries others logged, approved or rejected in one go.

use super::*;

/// The review queue.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let year_p = param("year");
    let action = form_action::<ReviewEntries>();
    let data: Res<ReviewView> = Resource::new(move || (year_p(), shown_rows(), action.version().get()), |(year, show, _)| review_view(year, show));
    view! { <WithUser render=move |page, user| review_page(page, user, data, action)/> }
}


fn review_page(page: PageCtx, _user: CurrentUserView, data: Res<ReviewView>, action: ServerAction<ReviewEntries>) -> AnyView {
    let m = page.m;
    let rejecting = typed_value::<ReviewEntries>("decision").as_deref() == Some("reject");
    let reason_typed = typed_value::<ReviewEntries>("reason");
    let error = form_error(action.value());
    if !page.info.nav.log_emulation {
        return not_a_logger(m, &page, m.ledger_review);
    }
    view! {
        <h1>{m.ledger_review}</h1>
        {subnav(m, &page.info.nav)}
        <p class="muted">{m.review_intro}</p>
        {move || action.value().get().and_then(|r| r.ok()).map(|n| view! {
            <SuccessLine id="reviewed">{fill(m.reviewed, &[("n", &n.to_string())])}</SuccessLine>
        })}
        <ErrorBanner m=m error=error/>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(ReviewView { choice: YearChoice { year: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(ReviewView { queue, .. }) if queue.rows.is_empty() => view! { <p class="muted" id="queue-empty">{m.nothing_to_review}</p> }.into_any(),
                Ok(ReviewView { queue, .. }) => {
                    let reason_typed = reason_typed.clone();
                    view! {
                    <ActionForm action=action attr:id="review-form" attr:class="card">
                        <TickAll form="review-form".to_string() name="entries[]".to_string() label=m.tick_all.to_string() ticked=true/>
                        {batch_groups(m, &queue.rows)}
                        {show_more(m, queue.total as usize, queue.rows.len(), PAGE_ROWS, "show", "entry")}
                        <div class="field-row">
                            <div class="field">
                                <label for="f-decision">{m.decision}</label>
                                // A refused review keeps its decision: adding the missing reason must not turn a rejection into an approval.
                                <select id="f-decision" name="decision">
                                    <option value="approve">{m.approve}</option>
                                    <option value="reject" selected=rejecting>{m.reject}</option>
                                </select>
                            </div>
                            <div class="field">
                                <label for="f-reason">{m.reason}</label>
                                <input id="f-reason" name="reason" type="text" value=reason_typed.clone()/>
                                {field_messages(m, error, "reason")}
                                <small class="hint">{m.reason_hint}</small>
                            </div>
                        </div>
                        <button type="submit">{m.review_button}</button>
                    </ActionForm>
                }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}


/// The queue's entries grouped by the logging they came in (a correction
/// stands alone), in the queue's order.
fn group_by_batch(rows: &[EntryRow]) -> Vec<Vec<&EntryRow>> {
    let mut groups: Vec<Vec<&EntryRow>> = Vec::new();
    for e in rows {
        match groups.iter_mut().find(|g| e.batch_id.is_some() && g[0].batch_id == e.batch_id) {
            Some(g) => g.push(e),
            None => groups.push(vec![e]),
        }
    }
    groups
}

/// One fieldset per logging: what, which class, which day, who logged it,
/// how many students and points; a box per student, ticked unless the form
/// came back refused without it.
fn batch_groups(m: &'static Messages, rows: &[EntryRow]) -> AnyView {
    let ticked_before = typed_values::<ReviewEntries>("entries");
    let groups = group_by_batch(rows);
    // Each entry's place in the queue, for the "show more" link's anchor (`#entry-50`).
    let starts: Vec<usize> = groups.iter().scan(0, |at, g| { let start = *at; *at += g.len(); Some(start) }).collect();
    groups
        .into_iter()
        .zip(starts)
        .enumerate()
        .map(|(k, (group, start))| {
            let first = group[0];
            let id = format!("batch-{k}");
            let mut classes: Vec<String> = group.iter().filter_map(|e| e.class_name.clone()).collect();
            classes.dedup();
            let same_points = group.iter().all(|e| e.points == first.points);
            let points = if same_points {
                fill(m.review_points_each, &[("p", &format!("{:+}", first.points))])
            } else {
                fill(m.review_points_total, &[("p", &format!("{:+}", group.iter().map(|e| i64::from(e.points)).sum::<i64>()))])
            };
            let what = format!("{}{}", first.activity, first.level.clone().map(|l| format!(" — {l}")).unwrap_or_default());
            let facts = fill(
                m.review_batch_line,
                &[("class", &classes.join(", ")), ("date", &format::date(first.occurred_on)), ("by", &first.logged_by), ("n", &group.len().to_string())],
            );
            let many_classes = classes.len() > 1;
            view! {
                <fieldset class="batch" id=id.clone()>
                    <legend><strong>{what}</strong></legend>
                    <p class="batch-facts">{facts}" · "<strong>{points}</strong></p>
                    {first.evidence.clone().map(|v| view! { <p class="muted">{v}</p> })}
                    {first.reverses_id.map(|_| view! { <p class="muted">{m.reverses}{first.reason.clone().map(|r| format!(": {r}"))}</p> })}
                    {(group.len() > 1).then(|| view! {
                        <TickAll form=id.clone() name="entries[]".to_string() label=m.tick_batch.to_string() ticked=true/>
                    })}
                    <ul class="batch-entries">
                        {group.iter().enumerate().map(|(i, e)| {
                            let box_id = format!("box-{}", e.id);
                            let place = format!("entry-{}", start + i);
                            let ticked = ticked_before.as_ref().is_none_or(|t| t.contains(&e.id.to_string()));
                            let extra = match (many_classes, same_points) {
                                (true, true) => e.class_name.clone().map(|c| format!(" · {c}")),
                                (true, false) => Some(format!(" · {} · {:+}", e.class_name.clone().unwrap_or_default(), e.points)),
                                (false, false) => Some(format!(" · {:+}", e.points)),
                                (false, true) => None,
                            };
                            view! {
                                <li class="field checkbox" id=place>
                                    <input id=box_id.clone() type="checkbox" name="entries[]" value=e.id.to_string() checked=ticked/>
                                    <label for=box_id>{e.student_name.clone()}{extra}</label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
            }
        })
        .collect_view()
        .into_any()
}
