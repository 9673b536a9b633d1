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

