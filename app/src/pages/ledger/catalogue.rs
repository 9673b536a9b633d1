//! `/ledger/activities`: the activity catalogue and categories of a year.

use super::*;

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


#[derive(Clone, Copy)]
struct CatalogueActions {
    add_cat: ServerAction<CreateCategory>,
    add_act: ServerAction<CreateActivity>,
    copy: ServerAction<CopyCatalogue>,
}


fn activities_page(page: PageCtx, _user: CurrentUserView, data: Res<CatalogueView>, acts: CatalogueActions) -> AnyView {
    let m = page.m;
    let CatalogueActions { add_cat, add_act, copy } = acts;
    view! {
        <h1>{m.ledger_catalogue}</h1>
        {subnav(m, &page.info.nav)}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
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
                        {activity_form(m, &year, &cats, add_act)}
                        {category_form(m, year.id, add_cat)}
                        {(!other_years.is_empty()).then(|| copy_form(m, year.id, &other_years, copy))}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// A new activity of the year: name, category, organiser, dates, and how it scores.
fn activity_form(m: &'static Messages, year: &SchoolYearView, cats: &[CategoryOption], add: ServerAction<CreateActivity>) -> AnyView {
    let fi = FormInputs::new::<CreateActivity>(m, "a", None);
    let categories: Vec<(String, String)> = cats.iter().map(|c| (c.id.to_string(), c.name.clone())).collect();
    let rules = vec![
        ("fixed".to_string(), m.rule_fixed.to_string()),
        ("by_level".to_string(), m.rule_by_level.to_string()),
        ("deduction".to_string(), m.rule_deduction.to_string()),
    ];
    let fields = view! {
        {fi.text("name", m.activity, String::new())}
        <div class="field-row">
            {fi.select("category", m.category, categories, None)}
            {fi.text("organiser", m.organiser, String::new())}
        </div>
        <div class="field-row">
            {fi.date("starts_on", m.valid_from, format::date(year.starts_on))}
            {fi.date("ends_on", m.valid_to, String::new())}
        </div>
        <div class="field-row">
            {fi.select("rule", m.rule, rules, None)}
            {fi.number("points", m.points, String::new())}
        </div>
        {fi.textarea("levels", m.levels, String::new())}
        <small class="hint">"Giải nhất cấp trường = 10 · Giải nhất cấp tỉnh = 30"</small>
    };
    let (summary, year_id) = (fi.summary(), year.id.to_string());
    view! {
        <section class="card">
            <h2>{m.add_activity}</h2>
            <ActionForm action=add attr:id="activity-form">
                {summary}
                <input type="hidden" name="year" value=year_id/>
                {fields}
                <button type="submit">{m.add_activity}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// A new category of the school.
fn category_form(m: &'static Messages, year: i64, add: ServerAction<CreateCategory>) -> AnyView {
    let fi = FormInputs::new::<CreateCategory>(m, "c", None);
    let field = fi.text("name", m.category, String::new());
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{m.add_category}</h2>
            <ActionForm action=add attr:id="category-form">
                {summary}
                <input type="hidden" name="year" value=year.to_string()/>
                {field}
                <button type="submit">{m.add_category}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// Copies another year's catalogue of the same school into this one.
fn copy_form(m: &'static Messages, year: i64, others: &[SchoolYearView], copy: ServerAction<CopyCatalogue>) -> AnyView {
    let fi = FormInputs::new::<CopyCatalogue>(m, "copy", None);
    let field = fi.select("from_year", m.from_year, others.iter().map(|y| (y.id.to_string(), y.name.clone())).collect(), None);
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{m.copy_catalogue}</h2>
            <ActionForm action=copy attr:id="copy-form">
                {summary}
                <input type="hidden" name="to_year" value=year.to_string()/>
                {field}
                <button type="submit" class="secondary">{m.copy_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
