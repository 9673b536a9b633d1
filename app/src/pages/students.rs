//! Student list of a school: search without accents, filters, class-list order.
//! The filter form is a plain GET form, so it works before the wasm loads.

use crate::api::students_view;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::fill;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use nguon_shared::views::{CurrentUserView, SchoolChoice, StudentPage, StudentsView};

/// The student list page.
#[component]
pub fn StudentsPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    // The resource lives in the component body, outside the render function that may run
    // twice (see `WithUser`), and depends on the address only.
    let data = Resource::new(
        move || (param("school"), param("q"), param("grade"), param("class"), param("union") == "1", param("adult_on"), param("page")),
        |(school, q, grade, class, union_only, adult_on, page)| students_view(school, q, grade, class, union_only, adult_on, page),
    );
    view! { <WithUser render=move |page, user| students_page(page, user, data)/> }
}

fn students_page(page: PageCtx, _user: CurrentUserView, data: Resource<Result<StudentsView, nguon_shared::AppError>>) -> AnyView {
    let m = page.m;
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    view! {
        <h1>{m.students_title}</h1>
        {crate::components::form::export_link(m, "students")}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(StudentsView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p>{m.no_schools}</p> }.into_any(),
                Ok(StudentsView { choice: SchoolChoice { schools, school: Some(chosen) }, classes, list }) => {
                    view! {
                        <Form method="GET" action="" attr:class="card filters" attr:id="student-filters">
                            <div class="field">
                                <label for="f-school">{m.school}</label>
                                <select id="f-school" name="school">
                                    {schools.iter().map(|s| view! {
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
                                    <label for="f-class">{m.col_class}</label>
                                    <select id="f-class" name="class">
                                        <option value="">{m.all_classes}</option>
                                        {classes.into_iter().map(|c| {
                                            let id = c.id.to_string();
                                            let selected = param("class") == id;
                                            view! { <option value=id selected=selected>{c.name}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                            </div>
                            <div class="field-row">
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
                        {student_table(m, list, &query.get_untracked())}
                    }
                    .into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// The query of the current page with `page` replaced, for the pager's links.
fn page_href(query: &leptos_router::params::ParamsMap, page: u32) -> String {
    let mut parts: Vec<String> = ["school", "q", "grade", "class", "union", "adult_on"]
        .into_iter()
        .filter_map(|k| query.get(k).filter(|v| !v.is_empty()).map(|v| format!("{k}={}", encode(&v))))
        .collect();
    parts.push(format!("page={page}"));
    format!("?{}", parts.join("&"))
}

fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn student_table(m: &'static crate::i18n::Messages, page: StudentPage, query: &leptos_router::params::ParamsMap) -> AnyView {
    let StudentPage { rows, total, offset, page_size } = page;
    if rows.is_empty() {
        return view! { <p class="muted">{m.no_students}</p> }.into_any();
    }
    let sensitive = rows.iter().any(|r| r.sensitive_visible);
    let count = fill(m.students_count, &[("n", &total.to_string())]);
    let current = offset / page_size.max(1) + 1;
    let pages = total.div_ceil(page_size.max(1));
    let pager = (pages > 1).then(|| view! {
        <nav class="pager" aria-label=m.pages>
            {(1..=pages).map(|p| if p == current {
                view! { <strong aria-current="page">{p}</strong> }.into_any()
            } else {
                view! { <a href=page_href(query, p)>{p}</a> }.into_any()
            }).collect_view()}
        </nav>
    });
    view! {
        <p class="muted" id="student-count">{count}</p>
        <div class="table-wrap">
            <table id="student-table" class="stack">
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
                    {rows.into_iter().enumerate().map(move |(i, r)| {
                        let name = r.full_name();
                        view! {
                            <tr>
                                <td class="no">{offset as usize + i + 1}</td>
                                <td class="name"><a href=format!("/students/{}", r.id)>{name}</a></td>
                                <td data-label=m.col_dob>{format::date(r.date_of_birth)}</td>
                                <td data-label=m.col_class>{r.class_name.unwrap_or_default()}</td>
                                <td data-label=m.col_union>{r.union_joined_on.map(format::date).unwrap_or_else(|| "—".into())}</td>
                                {sensitive.then(|| view! {
                                    <td data-label=m.col_ethnicity>{r.ethnicity.clone().unwrap_or_default()}</td>
                                    <td data-label=m.col_religion>{r.religion.clone().unwrap_or_default()}</td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {pager}
    }
    .into_any()
}
