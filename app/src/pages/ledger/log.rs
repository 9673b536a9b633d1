//! `/ledger/log`: logging an activity for the ticked students of a class.

use super::*;

/// Logging points for a class.
#[component]
pub fn LogPage() -> impl IntoView {
    let (year_p, class_p) = (param("year"), param("class"));
    let action = form_action::<LogActivity>();
    // A fresh request key after each logging, so a double submit is recognised but a new one is not.
    let data: Res<LogView> = Resource::new(move || (year_p(), class_p(), action.version().get()), |(year, class, _)| log_view(year, class));
    view! { <WithUser render=move |page, user| log_page(page, user, data, action)/> }
}


fn log_page(page: PageCtx, _user: CurrentUserView, data: Res<LogView>, action: ServerAction<LogActivity>) -> AnyView {
    let m = page.m;
    let (class_p, act_p, logged_p) = (param("class"), param("activity"), param("logged"));
    let error = form_error(action.value());
    if !page.info.nav.log_emulation {
        return not_a_logger(m, &page, m.ledger_log);
    }
    view! {
        <h1>{m.ledger_log}</h1>
        {subnav(m, &page.info.nav)}
        {move || {
            let n = logged_p();
            let from_action = action.value().get().and_then(|r| r.ok()).map(|r| r.entries.to_string());
            from_action.or((!n.is_empty()).then_some(n)).map(|n| view! {
                <SuccessLine id="logged">{fill(m.logged, &[("n", &n)])}</SuccessLine>
            })
        }}
        <ErrorBanner m=m error=error/>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(LogView { choice: YearChoice { year: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(LogView { choice: YearChoice { years, year: Some(year) }, request_key, classes, activities, students }) => {
                    let chosen_activity = act_p().parse::<i64>().ok().and_then(|id| activities.iter().find(|a| a.id == id).cloned());
                    let ticked_before = typed_values::<LogActivity>("students");
                    // A day the activity may be logged on: today when it is inside the activity's
                    // period (within the year), else the nearest end of that period.
                    let (first_day, last_day) = chosen_activity.as_ref().map_or((year.starts_on, year.ends_on), |a| (a.starts_on, a.ends_on.unwrap_or(year.ends_on)));
                    let default_day = format::today().clamp(first_day, last_day.max(first_day));
                    let on_typed = typed_value::<LogActivity>("occurred_on").unwrap_or_else(|| format::date(default_day));
                    let asked_repeat = error.get_untracked().is_some_and(|e| e.field_errors("repeat").next().is_some());
                    let evidence_typed = typed_value::<LogActivity>("evidence");
                    let level_typed = typed_value::<LogActivity>("level");
                    let count = students.len();
                    let no_activities = activities.is_empty();
                    let activity_options = activities.iter().map(|a| {
                        let v = a.id.to_string();
                        let selected = act_p() == v;
                        view! { <option value=v selected=selected>{format!("{} ({})", a.name, a.category)}</option> }
                    }).collect_view();
                    let class_options = classes.iter().map(|c| {
                        let v = c.id.to_string();
                        let selected = class_p() == v;
                        view! { <option value=v selected=selected>{c.name.clone()}</option> }
                    }).collect_view();
                    view! {
                        <Form method="GET" action="" attr:class="card filters" attr:id="log-choose">
                            {year_select(m, &years, year.id)}
                            <div class="field-row">
                                <div class="field">
                                    <label for="f-activity">{m.activity}</label>
                                    <select id="f-activity" name="activity">
                                        <option value="">{m.choose}</option>
                                        {activity_options}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="f-class">{m.col_class}</label>
                                    <select id="f-class" name="class">
                                        <option value="">{m.choose}</option>
                                        {class_options}
                                    </select>
                                </div>
                            </div>
                            <button type="submit" class="secondary">{m.choose}</button>
                        </Form>
                        {no_activities.then(|| view! { <p class="muted">{m.no_activities}" "<a href="/ledger/activities">{m.ledger_catalogue}</a></p> })}
                        {chosen_activity.filter(|_| count > 0).map(|a| {
                            let levels = a.levels.clone();
                            view! {
                                <ActionForm action=action attr:class="card" attr:id="log-form">
                                    <input type="hidden" name="request_key" value=request_key.clone()/>
                                    <input type="hidden" name="activity" value=a.id.to_string()/>
                                    // Where to come back to: the same year and class, ready for the next activity.
                                    <input type="hidden" name="back" value=format!("year={}&class={}&activity={}", year.id, class_p(), a.id)/>
                                    {if levels.is_empty() {
                                        view! { <input type="hidden" name="level" value=""/> }.into_any()
                                    } else {
                                        view! {
                                            <div class="field">
                                                <label for="f-level">{m.level}</label>
                                                <select id="f-level" name="level">
                                                    {levels.into_iter().map(|(id, label, p)| {
                                                        let selected = level_typed.as_deref() == Some(id.to_string().as_str());
                                                        view! { <option value=id.to_string() selected=selected>{format!("{label} ({p:+})")}</option> }
                                                    }).collect_view()}
                                                </select>
                                            </div>
                                        }.into_any()
                                    }}
                                    <div class="field-row">
                                        <div class="field">
                                            <label for="f-on">{m.occurred_on}</label>
                                            <input id="f-on" name="occurred_on" type="text" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off"
                                                value=on_typed.clone() aria-describedby="f-on-hint"/>
                                            {field_messages(m, error, "occurred_on")}
                                            <small class="hint" id="f-on-hint">{fill(m.log_dates_hint, &[("from", &format::date(first_day)), ("to", &format::date(last_day))])}" "{m.date_hint}</small>
                                        </div>
                                        <div class="field">
                                            <label for="f-evidence">{m.evidence}</label>
                                            <input id="f-evidence" name="evidence" type="text" value=evidence_typed.clone()/>
                                            {field_messages(m, error, "evidence")}
                                            <small class="hint">{m.evidence_hint}</small>
                                        </div>
                                    </div>
                                    <fieldset class="ticks">
                                        <legend>{m.tick_students}</legend>
                                        <TickAll form="log-form".to_string() name="students[]".to_string() label=m.tick_all.to_string() ticked=true/>
                                        {students.iter().map(|s| {
                                            let id = format!("st-{}", s.id);
                                            // Ticked by default; as sent when the form was refused.
                                            let ticked = ticked_before.as_ref().is_none_or(|t| t.contains(&s.id.to_string()));
                                            view! {
                                                <div class="field checkbox">
                                                    <input id=id.clone() type="checkbox" name="students[]" value=s.id.to_string() checked=ticked/>
                                                    <label for=id>{s.full_name()}</label>
                                                </div>
                                            }
                                        }).collect_view()}
                                    </fieldset>
                                    // Asked only after the service found the same activity already logged on that day.
                                    {asked_repeat.then(|| view! {
                                        <div class="field checkbox confirm" id="repeat-confirm">
                                            {field_messages(m, error, "repeat")}
                                            <input id="f-repeat" type="checkbox" name="repeat" value="1"/>
                                            <label for="f-repeat">{m.log_repeat_confirm}</label>
                                        </div>
                                    })}
                                    <button type="submit" disabled=move || action.pending().get()>{fill(m.log_button, &[("n", &count.to_string())])}</button>
                                </ActionForm>
                            }
                        })}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

