//! `/ledger/results`: a class's study and conduct results, entered or imported.

use super::*;

/// Study and conduct results of a class, entered or imported.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let (year_p, class_p, period_p) = (param("year"), param("class"), param("period"));
    let save = form_action::<SaveResults>();
    let data: Res<ResultsView> = Resource::new(
        move || (year_p(), class_p(), period_p(), save.version().get()),
        |(year, class, period, _)| results_view(year, class, period_of(&period)),
    );
    view! { <WithUser render=move |page, user| results_page(page, user, data, save)/> }
}


fn results_page(page: PageCtx, _user: CurrentUserView, data: Res<ResultsView>, save: ServerAction<SaveResults>) -> AnyView {
    let m = page.m;
    let (class_p, period_p, imported_p, mapped_p) = (param("class"), param("period"), param("imported"), param("mapped"));
    view! {
        <h1>{m.ledger_results}</h1>
        {subnav(m, &page.info.nav)}
        {move || save.value().get().and_then(|r| r.ok()).map(|n| view! {
            <SuccessLine id="results-saved">{fill(m.results_saved, &[("n", &n.to_string())])}</SuccessLine>
        })}
        {move || (!imported_p().is_empty()).then(|| view! {
            <SuccessLine id="results-imported">{fill(m.results_imported, &[("n", &imported_p()), ("k", &mapped_p())])}</SuccessLine>
        })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => error_view(m, &e),
                Ok(ResultsView { choice: YearChoice { year: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(ResultsView { choice: YearChoice { years, year: Some(year) }, classes, rows }) => {
                    let period = period_of(&period_p());
                    let year_id = year.id.to_string();
                    view! {
                        <Form method="GET" action="" attr:class="card filters" attr:id="results-choose">
                            {year_select(m, &years, year.id)}
                            <div class="field-row">
                                {class_select(m, &classes, &class_p())}
                                <div class="field">
                                    <label for="f-period">{m.result_period}</label>
                                    <select id="f-period" name="period">
                                        {[1i16, 2, 0].map(|p| view! { <option value=p.to_string() selected=p == period>{period_label(m, p)}</option> }).collect_view()}
                                    </select>
                                </div>
                            </div>
                            <button type="submit" class="secondary">{m.show_button}</button>
                        </Form>
                        {(!rows.is_empty()).then(|| results_form(m, year.id, period, rows, save))}
                        <section class="card">
                            <h2>{m.results_import_title}</h2>
                            <p class="muted">{m.results_import_hint}</p>
                            <form method="post" action="/upload/results" enctype="multipart/form-data" id="results-upload">
                                <input type="hidden" name="school_year" value=year_id/>
                                <input type="hidden" name="period" value=period.to_string()/>
                                <div class="field">
                                    <label for="f-file">{fill(m.results_file_for, &[("p", &period_label(m, period)), ("y", &year.name)])}</label>
                                    <input id="f-file" name="file" type="file" accept=".xlsx,.csv"/>
                                </div>
                                <button type="submit">{m.upload_button}</button>
                            </form>
                        </section>
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}


/// A class's study and conduct results for a period, one row a student.
fn results_form(m: &'static Messages, year: i64, period: i16, rows: Vec<ResultRow>, save: ServerAction<SaveResults>) -> AnyView {
    let fi = FormInputs::new::<SaveResults>(m, "rs", None).quiet();
    let (study_sent, conduct_sent) = (sent_per_student::<SaveResults>("study"), sent_per_student::<SaveResults>("conduct"));
    let summary = fi.summary();
    view! {
        <ActionForm action=save attr:class="card" attr:id="results-form">
            {summary}
            <input type="hidden" name="year" value=year.to_string()/>
            <input type="hidden" name="period" value=period.to_string()/>
            <div class="table-wrap"><table id="results">
                <thead><tr>
                    <th scope="col">{m.full_name}</th>
                    <th scope="col">{m.col_study}</th>
                    <th scope="col">{m.col_conduct}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let sid = r.student_id.to_string();
                        let study = study_sent.as_ref().map_or(r.study.clone(), |s| s.get(&sid).cloned().filter(|v| !v.is_empty()));
                        let conduct = conduct_sent.as_ref().map_or(r.conduct.clone(), |s| s.get(&sid).cloned().filter(|v| !v.is_empty()));
                        view! {
                            <tr>
                                <td>
                                    <input type="hidden" name="student[]" value=sid.clone()/>
                                    <a href=format!("/students/{sid}")>{r.name.clone()}</a>
                                    {r.original.clone().map(|o| view! { <br/><small class="muted">{fill(m.old_scale_was, &[("v", &o)])}</small> })}
                                </td>
                                <td>{grade_select(m, format!("s-{sid}"), "study[]", study, m.not_recorded, format!("{} — {}", m.col_study, r.name))}</td>
                                <td>{grade_select(m, format!("c-{sid}"), "conduct[]", conduct, m.not_recorded, format!("{} — {}", m.col_conduct, r.name))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
            <button type="submit">{m.save}</button>
        </ActionForm>
    }
    .into_any()
}

