//! The emulation ledger's pages: leaderboard, logging for a class,
//! review by a second officer, the activity catalogue, and a student's lines.
//! Choices (year, class, activity, scope) are GET parameters, so every page
//! can be bookmarked and works before the wasm loads.

use crate::api::{
    catalogue_view, leaderboard_view, log_view, review_view, student_ledger_view, CopyCatalogue, CreateActivity, CreateCategory, LogActivity,
    ReverseEntry, ReviewEntries,
};
use crate::components::form::{field_messages, form_error, ErrorBanner, SuccessLine};
use crate::components::paging::{rows_to_show, show_more, PAGE_ROWS};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::islands::TickAll;
use crate::outcome::{form_action, typed_value, typed_values};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};
use nguon_shared::ledger::EntryRow;
use nguon_shared::views::ledger::{CatalogueView, LeaderboardView, LogView, ReviewView, StudentLedgerView};
use nguon_shared::views::{CurrentUserView, SchoolYearView, Slice, YearChoice};

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// How many rows of a long list the address asks for (`?show=`).
fn shown_rows() -> u32 {
    rows_to_show(&param("show")(), PAGE_ROWS) as u32
}

/// Leaderboard. Resources and actions of these pages live in the component
/// body, outside the render function that may run twice (see `WithUser`).
#[component]
pub fn LedgerPage() -> impl IntoView {
    let (year_p, scope_p, sem_p, cat_p, q_p) = (param("year"), param("scope"), param("semester"), param("category"), param("q"));
    let data: Res<LeaderboardView> = Resource::new(
        move || (year_p(), scope_p(), sem_p(), cat_p(), q_p(), shown_rows()),
        |(year, scope, semester, category, q, show)| leaderboard_view(year, scope, semester, category, q, show),
    );
    view! { <WithUser render=move |page, user| ranking_page(page, user, data)/> }
}

/// Logging points for a class.
#[component]
pub fn LogPage() -> impl IntoView {
    let (year_p, class_p) = (param("year"), param("class"));
    let action = form_action::<LogActivity>();
    // A fresh request key after each logging, so a double submit is recognised but a new one is not.
    let data: Res<LogView> = Resource::new(move || (year_p(), class_p(), action.version().get()), |(year, class, _)| log_view(year, class));
    view! { <WithUser render=move |page, user| log_page(page, user, data, action)/> }
}

/// The review queue.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let year_p = param("year");
    let action = form_action::<ReviewEntries>();
    let data: Res<ReviewView> = Resource::new(move || (year_p(), shown_rows(), action.version().get()), |(year, show, _)| review_view(year, show));
    view! { <WithUser render=move |page, user| review_page(page, user, data, action)/> }
}

/// The activity catalogue.
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let year_p = param("year");
    let acts = CatalogueActions { add_cat: form_action(), add_act: form_action(), copy: form_action() };
    let data: Res<CatalogueView> = Resource::new(
        move || (year_p(), acts.add_cat.version().get(), acts.add_act.version().get(), acts.copy.version().get()),
        |(year, ..)| catalogue_view(year),
    );
    view! { <WithUser render=move |page, user| activities_page(page, user, data, acts)/> }
}

/// A student's ledger lines.
#[component]
pub fn StudentLedgerPage() -> impl IntoView {
    let params = use_params_map();
    let year_p = param("year");
    let reverse = form_action::<ReverseEntry>();
    let data: Res<StudentLedgerView> = Resource::new(
        move || (params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0)), year_p(), shown_rows(), reverse.version().get()),
        |(student, year, show, _)| student_ledger_view(student, year, show),
    );
    view! { <WithUser render=move |page, user| student_page(page, user, data, reverse)/> }
}

#[derive(Clone, Copy)]
struct CatalogueActions {
    add_cat: ServerAction<CreateCategory>,
    add_act: ServerAction<CreateActivity>,
    copy: ServerAction<CopyCatalogue>,
}

/// The ledger pages' navigation.
pub(crate) fn subnav(m: &'static Messages) -> AnyView {
    view! {
        <nav class="subnav" aria-label=m.nav_ledger>
            <a href="/ledger">{m.ledger_ranking}</a>
            <a href="/ledger/log">{m.ledger_log}</a>
            <a href="/ledger/review">{m.ledger_review}</a>
            <a href="/ledger/activities">{m.ledger_catalogue}</a>
            <a href="/ledger/results">{m.ledger_results}</a>
            <a href="/ledger/classification">{m.ledger_classification}</a>
            <a href="/ledger/outstanding">{m.ledger_outstanding}</a>
        </nav>
    }
    .into_any()
}

/// The query parameter `k` of the current address.
pub(crate) fn param(k: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get(k).unwrap_or_default())
}

/// The school-year picker of the ledger's filter forms.
pub(crate) fn year_select(m: &'static Messages, years: &[SchoolYearView], chosen: i64) -> AnyView {
    view! {
        <div class="field">
            <label for="f-year">{m.school_year}</label>
            <select id="f-year" name="year">
                {years.iter().map(|y| view! {
                    <option value=y.id.to_string() selected=y.id == chosen>{format!("{} — {}", y.school_name, y.name)}</option>
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

fn ranking_page(page: PageCtx, _user: CurrentUserView, data: Res<LeaderboardView>) -> AnyView {
    let m = page.m;
    let (scope_p, sem_p, cat_p) = (param("scope"), param("semester"), param("category"));
    view! {
        <h1>{m.ledger_ranking}</h1>
        {subnav(m)}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(LeaderboardView { choice: YearChoice { year: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(LeaderboardView { choice: YearChoice { years: all_years, year: Some(year) }, classes, categories, ranks }) => {
                    let scope = scope_p();
                    let (total, shown) = (ranks.total as usize, ranks.rows.len());
                    let scopes: Vec<(String, String)> = [("school".to_string(), m.whole_school.to_string())]
                        .into_iter()
                        .chain([10, 11, 12].map(|g| (format!("grade:{g}"), fill(m.grade_n, &[("n", &g.to_string())]))))
                        .chain(classes.iter().map(|c| (format!("class:{}", c.id), c.name.clone())))
                        .collect();
                    view! {
                        <Form method="GET" action="" attr:class="card filters" attr:id="ranking-filters">
                            {year_select(m, &all_years, year.id)}
                            <div class="field-row">
                                <div class="field">
                                    <label for="f-scope">{m.scope}</label>
                                    <select id="f-scope" name="scope">
                                        {scopes.into_iter().map(|(v, label)| {
                                            let selected = v == scope || (scope.is_empty() && v == "school");
                                            view! { <option value=v selected=selected>{label}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="f-sem">{m.semester}</label>
                                    <select id="f-sem" name="semester">
                                        <option value="">{m.whole_year}</option>
                                        {["1", "2"].map(|n| view! { <option value=n selected=sem_p() == n>{fill(m.semester_n, &[("n", n)])}</option> }).collect_view()}
                                    </select>
                                </div>
                            </div>
                            <div class="field">
                                <label for="f-cat">{m.category}</label>
                                <select id="f-cat" name="category">
                                    <option value="">{m.all_categories}</option>
                                    {categories.into_iter().map(|c| {
                                        let (v, name) = (c.id.to_string(), c.name);
                                        let selected = cat_p() == v;
                                        view! { <option value=v selected=selected>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="f-q">{m.search_names}</label>
                                <input id="f-q" name="q" type="search" value=param("q")() autocomplete="off"/>
                            </div>
                            <button type="submit">{m.show_button}</button>
                        </Form>
                        <p class="muted">{m.tie_note}</p>
                        {(total == 0).then(|| view! { <p class="muted" id="no-ranks">{m.no_students}</p> })}
                        <ol class="leaderboard" id="leaderboard">
                            {ranks.rows.into_iter().enumerate().map(|(i, r)| {
                                let rank = if r.tied { format!("{}=", r.rank) } else { r.rank.to_string() };
                                let href = format!("/students/{}", r.student_id);
                                view! {
                                    <li id=format!("rank-{i}")>
                                        <span class="rank">{rank}</span>
                                        <a class="who" href=href>{r.name}</a>
                                        <span class="muted cls">{r.class_name}</span>
                                        <strong class="pts">{r.points}</strong>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        {show_more(m, total, shown, PAGE_ROWS, "show", "rank")}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

fn log_page(page: PageCtx, _user: CurrentUserView, data: Res<LogView>, action: ServerAction<LogActivity>) -> AnyView {
    let m = page.m;
    let (class_p, act_p, logged_p) = (param("class"), param("activity"), param("logged"));
    let error = form_error(action.value());
    view! {
        <h1>{m.ledger_log}</h1>
        {subnav(m)}
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
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(LogView { choice: YearChoice { year: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(LogView { choice: YearChoice { years, year: Some(year) }, request_key, classes, activities, students }) => {
                    let chosen_activity = act_p().parse::<i64>().ok().and_then(|id| activities.iter().find(|a| a.id == id).cloned());
                    let ticked_before = typed_values::<LogActivity>("students");
                    let on_typed = typed_value::<LogActivity>("occurred_on").unwrap_or_else(|| format::date(format::today()));
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
                                            <input id="f-on" name="occurred_on" type="text" inputmode="numeric" placeholder="dd/mm/yyyy" value=on_typed.clone()/>
                                            {field_messages(m, error, "occurred_on")}
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

/// The entries as a table, a first page of them (`?show=` for more); with
/// `tick`, each row has a box (ticked, or as sent when the review form was refused).
fn entries_table(m: &'static Messages, entries: &Slice<EntryRow>, tick: bool) -> AnyView {
    let ticked_before = typed_values::<ReviewEntries>("entries");
    let (rows, total, shown) = (&entries.rows, entries.total as usize, entries.rows.len());
    view! {
        <div class="table-wrap">
            <table id="entries">
                <thead><tr>
                    {tick.then(|| view! { <th scope="col">"✓"</th> })}
                    <th scope="col">{m.occurred_on}</th>
                    <th scope="col">{m.full_name}</th>
                    <th scope="col">{m.activity}</th>
                    <th scope="col">{m.col_points}</th>
                    <th scope="col">{m.logged_by}</th>
                    <th scope="col">{m.status}</th>
                </tr></thead>
                <tbody>
                    {rows.iter().enumerate().map(|(i, e)| view! {
                        <tr id=format!("entry-{i}")>
                            {tick.then(|| {
                                let ticked = ticked_before.as_ref().is_none_or(|t| t.contains(&e.id.to_string()));
                                view! { <td><input type="checkbox" name="entries[]" value=e.id.to_string() checked=ticked aria-label=m.choose/></td> }
                            })}
                            <td>{format::date(e.occurred_on)}</td>
                            <td>{e.student_name.clone()}</td>
                            <td>
                                {e.activity.clone()}{e.level.clone().map(|l| format!(" — {l}"))}
                                <br/><small class="muted">{e.category.clone()}{e.evidence.clone().map(|v| format!(" · {v}"))}</small>
                                {e.reverses_id.map(|id| view! { <br/><small>{fill(m.reverses, &[("id", &id.to_string())])}{e.reason.clone().map(|r| format!(": {r}"))}</small> })}
                            </td>
                            <td>{format!("{:+}", e.points)}</td>
                            <td>{e.logged_by.clone()}</td>
                            <td>{m.entry_status(&e.status)}{e.reviewed_by.clone().map(|r| format!(" ({r})"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {show_more(m, total, shown, PAGE_ROWS, "show", "entry")}
    }
    .into_any()
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

fn activities_page(page: PageCtx, _user: CurrentUserView, data: Res<CatalogueView>, acts: CatalogueActions) -> AnyView {
    let m = page.m;
    let CatalogueActions { add_cat, add_act, copy } = acts;
    let errors = [form_error(add_cat.value()), form_error(add_act.value()), form_error(copy.value())];
    view! {
        <h1>{m.ledger_catalogue}</h1>
        {subnav(m)}
        {errors.into_iter().map(|e| view! { <ErrorBanner m=m error=e/> }).collect_view()}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(CatalogueView { choice: YearChoice { year: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(CatalogueView { choice: YearChoice { years, year: Some(year) }, activities: list, categories: cats }) => {
                    let other_years: Vec<SchoolYearView> = years.iter().filter(|y| y.school_id == year.school_id && y.id != year.id).cloned().collect();
                    view! {
                        <Form method="GET" action="" attr:class="card filters">
                            {year_select(m, &years, year.id)}
                            <button type="submit" class="secondary">{m.show_button}</button>
                        </Form>
                        {if list.is_empty() {
                            view! { <p class="muted">{m.no_activities}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap"><table id="activities">
                                    <thead><tr>
                                        <th scope="col">{m.activity}</th>
                                        <th scope="col">{m.category}</th>
                                        <th scope="col">{m.period}</th>
                                        <th scope="col">{m.col_points}</th>
                                    </tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|a| {
                                            let points = if a.levels.is_empty() {
                                                format!("{:+}", a.points)
                                            } else {
                                                a.levels.iter().map(|(_, l, p)| format!("{l}: {p:+}")).collect::<Vec<_>>().join("; ")
                                            };
                                            view! {
                                                <tr>
                                                    <td>{a.name}{a.organiser.map(|o| view! { <br/><small class="muted">{o}</small> })}</td>
                                                    <td>{a.category}</td>
                                                    <td>{format::date(a.starts_on)}{a.ends_on.map(|e| format!(" – {}", format::date(e)))}</td>
                                                    <td>{points}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table></div>
                            }.into_any()
                        }}
                        <section class="card">
                            <h2>{m.add_activity}</h2>
                            <ActionForm action=add_act attr:id="activity-form">
                                <input type="hidden" name="year" value=year.id.to_string()/>
                                <div class="field">
                                    <label for="a-name">{m.activity}</label>
                                    <input id="a-name" name="name" type="text"/>
                                </div>
                                <div class="field-row">
                                    <div class="field">
                                        <label for="a-cat">{m.category}</label>
                                        <select id="a-cat" name="category">
                                            {cats.iter().map(|c| view! { <option value=c.id.to_string()>{c.name.clone()}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="a-org">{m.organiser}</label>
                                        <input id="a-org" name="organiser" type="text"/>
                                    </div>
                                </div>
                                <div class="field-row">
                                    <div class="field">
                                        <label for="a-from">{m.valid_from}</label>
                                        <input id="a-from" name="starts_on" type="text" inputmode="numeric" placeholder="dd/mm/yyyy" value=format::date(year.starts_on)/>
                                    </div>
                                    <div class="field">
                                        <label for="a-to">{m.valid_to}</label>
                                        <input id="a-to" name="ends_on" type="text" inputmode="numeric" placeholder="dd/mm/yyyy"/>
                                    </div>
                                </div>
                                <div class="field-row">
                                    <div class="field">
                                        <label for="a-rule">{m.rule}</label>
                                        <select id="a-rule" name="rule">
                                            <option value="fixed">{m.rule_fixed}</option>
                                            <option value="by_level">{m.rule_by_level}</option>
                                            <option value="deduction">{m.rule_deduction}</option>
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="a-points">{m.points}</label>
                                        <input id="a-points" name="points" type="text" inputmode="numeric"/>
                                    </div>
                                </div>
                                <div class="field">
                                    <label for="a-levels">{m.levels}</label>
                                    <textarea id="a-levels" name="levels" rows="4" placeholder="Giải nhất cấp trường = 10\nGiải nhất cấp tỉnh = 30"></textarea>
                                </div>
                                <button type="submit">{m.add_activity}</button>
                            </ActionForm>
                        </section>
                        <section class="card">
                            <h2>{m.add_category}</h2>
                            <ActionForm action=add_cat attr:id="category-form" attr:class="row-form">
                                <input type="hidden" name="year" value=year.id.to_string()/>
                                <label class="visually-hidden" for="c-name">{m.category}</label>
                                <input id="c-name" name="name" type="text" placeholder="Tình nguyện"/>
                                <button type="submit">{m.add_category}</button>
                            </ActionForm>
                        </section>
                        {(!other_years.is_empty()).then(|| view! {
                            <section class="card">
                                <h2>{m.copy_catalogue}</h2>
                                <ActionForm action=copy attr:class="row-form">
                                    <input type="hidden" name="to_year" value=year.id.to_string()/>
                                    <label class="visually-hidden" for="copy-from">{m.from_year}</label>
                                    <select id="copy-from" name="from_year">
                                        {other_years.into_iter().map(|y| view! { <option value=y.id.to_string()>{y.name}</option> }).collect_view()}
                                    </select>
                                    <button type="submit" class="secondary">{m.copy_button}</button>
                                </ActionForm>
                            </section>
                        })}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

fn student_page(page: PageCtx, _user: CurrentUserView, data: Res<StudentLedgerView>, reverse: ServerAction<ReverseEntry>) -> AnyView {
    let m = page.m;
    let error = form_error(reverse.value());
    view! {
        {subnav(m)}
        <ErrorBanner m=m error=error/>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(StudentLedgerView { name, approved_points: total, entries: rows, reversible, .. }) => {
                    let reversible: Vec<(i64, String)> = reversible.into_iter().map(|e| (e.id, format!("#{} {} ({:+})", e.id, e.activity, e.points))).collect();
                    view! {
                        <h1>{fill(m.student_ledger_title, &[("name", &name)])}</h1>
                        <p id="student-total"><strong>{fill(m.total_approved, &[("n", &total.to_string())])}</strong></p>
                        {entries_table(m, &rows, false)}
                        {(!reversible.is_empty()).then(|| view! {
                            <section class="card">
                                <h2>{m.reverse}</h2>
                                <ActionForm action=reverse attr:class="row-form">
                                    <label class="visually-hidden" for="r-entry">{m.activity}</label>
                                    <select id="r-entry" name="entry">
                                        {reversible.into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                                    </select>
                                    <label class="visually-hidden" for="r-reason">{m.reason}</label>
                                    <input id="r-reason" name="reason" type="text" placeholder=m.reason/>
                                    <button type="submit" class="secondary">{m.reverse}</button>
                                </ActionForm>
                            </section>
                        })}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}
