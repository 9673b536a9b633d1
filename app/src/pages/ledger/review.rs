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
    view! {
        <h1>{m.ledger_review}</h1>
        {subnav(m)}
        <p class="muted">{m.review_intro}</p>
        {move || action.value().get().and_then(|r| r.ok()).map(|n| view! {
            <SuccessLine id="reviewed">{fill(m.reviewed, &[("n", &n.to_string())])}</SuccessLine>
        })}
        <ErrorBanner m=m error=error/>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(ReviewView { choice: YearChoice { year: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(ReviewView { queue, .. }) if queue.rows.is_empty() => view! { <p class="muted" id="queue-empty">{m.nothing_to_review}</p> }.into_any(),
                Ok(ReviewView { queue, .. }) => {
                    let reason_typed = reason_typed.clone();
                    view! {
                    <ActionForm action=action attr:id="review-form" attr:class="card">
                        <TickAll form="review-form".to_string() name="entries[]".to_string() label=m.tick_all.to_string() ticked=true/>
                        {entries_table(m, &queue, true)}
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

