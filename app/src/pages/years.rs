//! School years and classes: create a year with its two semesters, and move
//! every student up a grade into the next year.

use crate::api::{admin_schools, school_years, year_classes, CreateClass, CreateSchoolYear, RollOverYear, SetHomeroom};
use crate::components::form::{form_error, ErrorBanner, Field, SuccessLine};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::fill;
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::{CurrentUserView, SchoolOption, SchoolYearView};
use nguon_shared::AppError;

/// The school-years page.
#[component]
pub fn YearsPage() -> impl IntoView {
    let create = form_action::<CreateSchoolYear>();
    let roll = form_action::<RollOverYear>();
    let d = YearsData {
        create,
        roll,
        years: Resource::new(move || (create.version().get(), roll.version().get()), |_| school_years()),
        schools: Resource::new(|| (), |_| admin_schools()),
    };
    view! { <WithUser render=move |page, user| years_page(page, user, d)/> }
}

/// The page's forms and data, made once per visit (outside `render`).
#[derive(Clone, Copy)]
struct YearsData {
    create: ServerAction<CreateSchoolYear>,
    roll: ServerAction<RollOverYear>,
    years: Resource<Result<Vec<SchoolYearView>, AppError>>,
    schools: Resource<Result<Vec<SchoolOption>, AppError>>,
}

fn years_page(page: PageCtx, _user: CurrentUserView, d: YearsData) -> AnyView {
    let m = page.m;
    let YearsData { create, roll, years, schools } = d;
    let create_error = form_error(create.value());
    let roll_error = form_error(roll.value());
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
            {move || years.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(list) => {
                    let chosen = query.with(|q| q.get("year")).and_then(|v| v.parse::<i64>().ok())
                        .and_then(|id| list.iter().find(|y| y.id == id).cloned());
                    view! { {years_table(m, &list)}{chosen.map(|y| classes_section(m, y))} }.into_any()
                }
            })}
        </Transition>
        <section class="card">
            <h2>{m.new_year_title}</h2>
            <ErrorBanner m=m error=create_error/>
            <ActionForm action=create attr:id="year-form">
                <Transition fallback=|| ()>
                    {move || schools.get().and_then(|r| r.ok()).map(|list| view! {
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
        <section class="card">
            <h2>{m.roll_over_title}</h2>
            <p class="muted">{m.roll_over_intro}</p>
            <ErrorBanner m=m error=roll_error/>
            <ActionForm action=roll attr:id="roll-over-form">
                <Transition fallback=|| ()>
                    {move || years.get().and_then(|r| r.ok()).map(|list| {
                        let options = move || list.iter().map(|y| view! {
                            <option value=y.id.to_string()>{format!("{} — {}", y.school_name, y.name)}</option>
                        }).collect_view();
                        view! {
                            <div class="field-row">
                                <div class="field">
                                    <label for="f-from">{m.from_year}</label>
                                    <select id="f-from" name="from_year">{options()}</select>
                                </div>
                                <div class="field">
                                    <label for="f-to">{m.to_year}</label>
                                    <select id="f-to" name="to_year">{options()}</select>
                                </div>
                            </div>
                        }
                    })}
                </Transition>
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

fn classes_section(m: &'static crate::i18n::Messages, year: SchoolYearView) -> AnyView {
    let add = form_action::<CreateClass>();
    let homeroom = form_action::<SetHomeroom>();
    let errors = [form_error(add.value()), form_error(homeroom.value())];
    let data = Resource::new(move || (add.version().get(), homeroom.version().get()), move |_| year_classes(year.id));
    view! {
        <section class="card" id="classes">
            <h2>{fill(m.classes_of, &[("year", &year.name), ("school", &year.school_name)])}</h2>
            {errors.into_iter().map(|e| view! { <ErrorBanner m=m error=e/> }).collect_view()}
            <Transition fallback=move || view! { <p>{m.loading}</p> }>
                {move || data.get().map(|r| match r {
                    Err(e) => view! { <p class="alert error">{m.error(&e)}</p> }.into_any(),
                    Ok((classes, teachers)) => view! {
                        <div class="table-wrap"><table id="classes-table">
                            <thead><tr>
                                <th scope="col">{m.col_class}</th>
                                <th scope="col">{m.col_students}</th>
                                <th scope="col">{m.homeroom}</th>
                            </tr></thead>
                            <tbody>
                                {classes.into_iter().map(|c| {
                                    let current = c.homeroom.as_ref().map(|(id, _)| *id);
                                    let options = teachers.iter().map(|(id, name)| view! {
                                        <option value=id.to_string() selected=Some(*id) == current>{name.clone()}</option>
                                    }).collect_view();
                                    let select_id = format!("homeroom-{}", c.id);
                                    view! {
                                        <tr>
                                            <td>{c.name.clone()}</td>
                                            <td>{c.students}</td>
                                            <td>
                                                <ActionForm action=homeroom attr:class="row-form">
                                                    <input type="hidden" name="class" value=c.id.to_string()/>
                                                    <label class="visually-hidden" for=select_id.clone()>{m.homeroom}</label>
                                                    <select id=select_id name="staff">
                                                        <option value="" selected=current.is_none()>{m.none}</option>
                                                        {options}
                                                    </select>
                                                    <button type="submit" class="secondary">{m.save}</button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    }.into_any(),
                })}
            </Transition>
            <ActionForm action=add attr:id="class-form" attr:class="row-form">
                <input type="hidden" name="year" value=year.id.to_string()/>
                <label for="new-class">{m.add_class}</label>
                <input id="new-class" name="name" type="text" placeholder="10A1"/>
                <button type="submit">{m.add_class}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
