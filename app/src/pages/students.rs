//! Student list of a school: search without accents, filters, class-list order.
//! The filter form is a plain GET form, so it works before the wasm loads.

use crate::api::{list_students, my_schools};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::fill;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::{CurrentUserView, StudentRow};

/// The student list page.
#[component]
pub fn StudentsPage() -> impl IntoView {
    view! { <WithUser render=students_page/> }
}

fn students_page(page: PageCtx, _user: CurrentUserView) -> AnyView {
    let m = page.m;
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let schools = Resource::new(|| (), |_| my_schools());
    view! {
        <h1>{m.students_title}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || schools.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p>{m.no_schools}</p> }.into_any(),
                Ok(list) => {
                    let chosen = param("school").parse::<i64>().ok().filter(|id| list.iter().any(|s| s.id == *id))
                        .unwrap_or(list[0].id);
                    let students = Resource::new(
                        move || (chosen, param("q"), param("grade"), param("union") == "1", param("adult_on")),
                        |(school, q, grade, union_only, adult_on)| list_students(school, q, grade, union_only, adult_on),
                    );
                    view! {
                        <Form method="GET" action="" attr:class="card filters" attr:id="student-filters">
                            <div class="field">
                                <label for="f-school">{m.school}</label>
                                <select id="f-school" name="school">
                                    {list.iter().map(|s| view! {
                                        <option value=s.id.to_string() selected=s.id == chosen>{s.name.clone()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="f-q">{m.search_students}</label>
                                <input id="f-q" name="q" type="search" value=param("q") autocomplete="off"/>
                            </div>
                            <div class="field-row">
                                <div class="field">
                                    <label for="f-grade">{m.grade}</label>
                                    <select id="f-grade" name="grade">
                                        <option value="">{m.all_grades}</option>
                                        {["10", "11", "12"].into_iter().map(|g| view! {
                                            <option value=g selected=param("grade") == g>{g}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="f-adult">{m.adult_on}</label>
                                    <input id="f-adult" name="adult_on" type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                                        value=param("adult_on")/>
                                </div>
                            </div>
                            <div class="field checkbox">
                                <input id="f-union" name="union" type="checkbox" value="1" checked=param("union") == "1"/>
                                <label for="f-union">{m.union_only}</label>
                            </div>
                            <button type="submit">{m.filter_button}</button>
                        </Form>
                        <Transition fallback=move || view! { <p>{m.loading}</p> }>
                            {move || students.get().map(|r| match r {
                                Ok(rows) => student_table(m, rows),
                                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                            })}
                        </Transition>
                    }
                    .into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

fn student_table(m: &'static crate::i18n::Messages, rows: Vec<StudentRow>) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="muted">{m.no_students}</p> }.into_any();
    }
    let sensitive = rows.iter().any(|r| r.sensitive_visible);
    let count = fill(m.students_count, &[("n", &rows.len().to_string())]);
    view! {
        <p class="muted" id="student-count">{count}</p>
        <div class="table-wrap">
            <table id="student-table">
                <thead><tr>
                    <th scope="col">{m.col_no}</th>
                    <th scope="col">{m.full_name}</th>
                    <th scope="col">{m.col_dob}</th>
                    <th scope="col">{m.col_class}</th>
                    <th scope="col">{m.col_union}</th>
                    {sensitive.then(|| view! {
                        <th scope="col">{m.col_ethnicity}</th>
                        <th scope="col">{m.col_religion}</th>
                    })}
                </tr></thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(i, r)| {
                        let name = r.full_name();
                        view! {
                            <tr>
                                <td>{i + 1}</td>
                                <td>{name}</td>
                                <td>{format::date(r.date_of_birth)}</td>
                                <td>{r.class_name.unwrap_or_default()}</td>
                                <td>{r.union_joined_on.map(format::date).unwrap_or_default()}</td>
                                {sensitive.then(|| view! {
                                    <td>{r.ethnicity.clone().unwrap_or_default()}</td>
                                    <td>{r.religion.clone().unwrap_or_default()}</td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
