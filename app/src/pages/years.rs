//! School years and classes: create a year with its two semesters, and move
//! every student up a grade into the next year.

use crate::api::{years_view, CreateClass, CreateSchoolYear, RollOverYear, SetHomeroom};
use crate::components::form::{form_error, ErrorBanner, Field, SuccessLine};
use crate::components::inputs::FormInputs;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::fill;
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::organisation::{YearClasses, YearsView};
use nguon_shared::views::{CurrentUserView, SchoolYearView};
use nguon_shared::AppError;

/// The school-years page.
#[component]
pub fn YearsPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |k: &'static str| query.with(|q| q.get(k).unwrap_or_default());
    let (create, roll) = (form_action::<CreateSchoolYear>(), form_action::<RollOverYear>());
    let (add, homeroom) = (form_action::<CreateClass>(), form_action::<SetHomeroom>());
    let version = move || create.version().get() + roll.version().get() + add.version().get() + homeroom.version().get();
    let data = Resource::new(move || (param("year"), param("class"), version()), |(year, class, _)| years_view(year, class));
    let d = YearsData { create, roll, add, homeroom, data };
    view! { <WithUser render=move |page, user| years_page(page, user, d)/> }
}

/// The page's forms and data, made once per visit (outside `render`).
#[derive(Clone, Copy)]
struct YearsData {
    create: ServerAction<CreateSchoolYear>,
    roll: ServerAction<RollOverYear>,
    add: ServerAction<CreateClass>,
    homeroom: ServerAction<SetHomeroom>,
    data: Resource<Result<YearsView, AppError>>,
}

fn years_page(page: PageCtx, _user: CurrentUserView, d: YearsData) -> AnyView {
    let m = page.m;
    let YearsData { create, roll, add, homeroom, data } = d;
    let create_error = form_error(create.value());
    let query = use_query_map();
    let rolled = move || {
        let from_action = roll.value().get().and_then(|r| r.ok()).map(|s| (s.students_moved, s.graduated));
        let from_query = query.with(|q| {
            Some((q.get("moved")?.parse::<u32>().ok()?, q.get("graduated")?.parse::<u32>().ok()?))
        });
        from_action.or(from_query).map(|(moved, graduated)| {
            view! {
                <SuccessLine id="rolled-over">
                    {fill(m.rolled_over, &[("moved", &moved.to_string()), ("graduated", &graduated.to_string())])}
                </SuccessLine>
            }
        })
    };
    let created = move || {
        (matches!(create.value().get(), Some(Ok(_))) || query.with(|q| q.get("created").is_some()))
            .then(|| view! { <SuccessLine>{m.year_created}</SuccessLine> })
    };
    view! {
        <h1>{m.years_title}</h1>
        {created}
        {rolled}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(YearsView { years, .. }) if years.is_empty() => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(YearsView { years, classes, .. }) => {
                    view! { {years_table(m, &years)}{classes.map(|c| classes_section(m, c, add, homeroom))} }.into_any()
                }
            })}
        </Transition>
        <section class="card">
            <h2>{m.new_year_title}</h2>
            <ErrorBanner m=m error=create_error/>
            <ActionForm action=create attr:id="year-form">
                <Transition fallback=|| ()>
                    {move || data.get().and_then(|r| r.ok()).map(|v| v.schools).map(|list| view! {
                        <div class="field">
                            <label for="f-school">{m.school}</label>
                            <select id="f-school" name="school">
                                {list.into_iter().map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view()}
                            </select>
                        </div>
                    })}
                </Transition>
                <div class="field-row">
                    <Field m=m name="starts_on" label=m.starts_on hint=m.date_hint error=create_error/>
                    <Field m=m name="second_semester_on" label=m.second_semester_on hint=m.date_hint error=create_error/>
                </div>
                <Field m=m name="ends_on" label=m.ends_on hint=m.date_hint error=create_error/>
                <button type="submit">{m.create_year_button}</button>
            </ActionForm>
        </section>
        <Transition fallback=|| ()>
            {move || data.get().and_then(|r| r.ok()).map(|v| roll_over_form(m, &v.years, roll))}
        </Transition>
    }
    .into_any()
}

/// Moves every student of a year up a grade into the next year. Only a year
/// that has a later year at its school is offered, with that year; when no
/// school has one yet, the page says to create it first.
fn roll_over_form(m: &'static crate::i18n::Messages, years: &[SchoolYearView], roll: ServerAction<RollOverYear>) -> AnyView {
    let fi = FormInputs::new::<RollOverYear>(m, "ro", None).quiet();
    let label = |y: &SchoolYearView| format!("{} — {}", y.school_name, y.name);
    // Each year with the next one of its school.
    let pairs: Vec<(&SchoolYearView, &SchoolYearView)> = years
        .iter()
        .filter_map(|from| years.iter().filter(|to| to.school_id == from.school_id && to.starts_on > from.starts_on).min_by_key(|to| to.starts_on).map(|to| (from, to)))
        .collect();
    let Some(latest) = pairs.iter().max_by_key(|(from, _)| from.starts_on) else {
        let newest = years.iter().max_by_key(|y| y.starts_on);
        let next = newest.map(|y| {
            let start = chrono::Datelike::year(&y.starts_on) + 1;
            format!("{start}-{}", start + 1)
        });
        return view! {
            <section class="card" id="roll-over">
                <h2>{m.roll_over_title}</h2>
                <p class="muted" id="roll-over-needs-year">{fill(m.roll_over_needs_year, &[("next", &next.unwrap_or_default())])}</p>
            </section>
        }
        .into_any();
    };
    let from_options: Vec<(String, String)> = pairs.iter().map(|(f, _)| (f.id.to_string(), label(f))).collect();
    let mut to_options: Vec<(String, String)> = pairs.iter().map(|(_, t)| (t.id.to_string(), label(t))).collect();
    to_options.dedup();
    let fields = view! {
        <div class="field-row">
            {fi.select("from_year", m.from_year, from_options, Some(latest.0.id.to_string()))}
            {fi.select("to_year", m.to_year, to_options, Some(latest.1.id.to_string()))}
        </div>
    };
    let summary = fi.summary();
    view! {
        <section class="card" id="roll-over">
            <h2>{m.roll_over_title}</h2>
            <p class="muted">{m.roll_over_intro}</p>
            <ActionForm action=roll attr:id="roll-over-form">
                {summary}
                {fields}
                <button type="submit">{m.roll_over_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn years_table(m: &'static crate::i18n::Messages, list: &[SchoolYearView]) -> AnyView {
    view! {
        <div class="table-wrap">
            <table id="years-table">
                <thead><tr>
                    <th scope="col">{m.school}</th>
                    <th scope="col">{m.col_year}</th>
                    <th scope="col">{m.col_semesters}</th>
                    <th scope="col">{m.col_classes}</th>
                    <th scope="col">{m.col_students}</th>
                </tr></thead>
                <tbody>
                    {list.iter().map(|y| view! {
                        <tr>
                            <td>{y.school_name.clone()}</td>
                            <td><a href=format!("/admin/years?year={}", y.id)>{y.name.clone()}</a><br/><small class="muted">{format!("{} – {}", format::date(y.starts_on), format::date(y.ends_on))}</small></td>
                            <td>{y.semesters.iter().map(|(n, from, to)| view! {
                                <div>{fill(m.semester_dates, &[("n", &n.to_string()), ("from", &format::date(*from)), ("to", &format::date(*to))])}</div>
                            }).collect_view()}</td>
                            <td>{y.classes}</td>
                            <td>{y.students}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A year's classes: each row names its homeroom teacher with a "change"
/// link; only the class being changed shows the staff picker, so the page
/// stays small however many classes and staff the school has.
fn classes_section(
    m: &'static crate::i18n::Messages,
    c: YearClasses,
    add: ServerAction<CreateClass>,
    homeroom: ServerAction<SetHomeroom>,
) -> AnyView {
    let YearClasses { year, classes, editing, teachers } = c;
    let add_fi = FormInputs::new::<CreateClass>(m, "new-class", None);
    let add_field = add_fi.text("name", m.add_class, String::new());
    let add_summary = add_fi.summary();
    let year_id = year.id;
    view! {
        <section class="card" id="classes">
            <h2>{fill(m.classes_of, &[("year", &year.name), ("school", &year.school_name)])}</h2>
            <div class="table-wrap"><table id="classes-table">
                <thead><tr>
                    <th scope="col">{m.col_class}</th>
                    <th scope="col">{m.col_students}</th>
                    <th scope="col">{m.homeroom}</th>
                </tr></thead>
                <tbody>
                    {classes.into_iter().map(|c| {
                        let current = c.homeroom.as_ref().map(|(id, _)| *id);
                        let name = c.homeroom.as_ref().map(|(_, n)| n.clone()).unwrap_or_else(|| m.none.to_string());
                        let cell = if editing == Some(c.id) {
                            let fi = FormInputs::new::<SetHomeroom>(m, "homeroom", None);
                            let options: Vec<(String, String)> = std::iter::once((String::new(), m.none.to_string()))
                                .chain(teachers.iter().map(|t| (t.id.to_string(), t.name.clone())))
                                .collect();
                            let field = fi.select("staff", m.homeroom, options, Some(current.map(|id| id.to_string()).unwrap_or_default()));
                            let summary = fi.summary();
                            view! {
                                <ActionForm action=homeroom attr:class="row-form" attr:id="homeroom-form">
                                    {summary}
                                    <input type="hidden" name="class" value=c.id.to_string()/>
                                    {field}
                                    <button type="submit" class="secondary">{m.save}</button>
                                </ActionForm>
                            }.into_any()
                        } else {
                            let href = format!("/admin/years?year={year_id}&class={}#homeroom-form", c.id);
                            view! { {name}" "<a href=href class="change" id=format!("change-homeroom-{}", c.id)>{m.change}</a> }.into_any()
                        };
                        view! {
                            <tr>
                                <td>{c.name.clone()}</td>
                                <td>{c.students}</td>
                                <td>{cell}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
            <ActionForm action=add attr:id="class-form" attr:class="row-form">
                {add_summary}
                <input type="hidden" name="year" value=year_id.to_string()/>
                {add_field}
                <button type="submit">{m.add_class}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
