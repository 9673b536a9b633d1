//! `/ledger`: the leaderboard, with a name search that keeps true ranks.

use super::*;

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


fn ranking_page(page: PageCtx, _user: CurrentUserView, data: Res<LeaderboardView>) -> AnyView {
    let m = page.m;
    let (scope_p, sem_p, cat_p) = (param("scope"), param("semester"), param("category"));
    view! {
        <h1>{m.ledger_ranking}</h1>
        {crate::components::form::export_link(m, "leaderboard")}
        {subnav(m, &page.info.nav)}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
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

