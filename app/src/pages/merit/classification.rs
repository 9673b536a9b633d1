//! `/ledger/classification`: the union classification, suggested and confirmed, and its thresholds.

use super::*;

/// The union classification of a year.
#[component]
pub fn ClassificationPage() -> impl IntoView {
    let (year_p, class_p) = (param("year"), param("class"));
    let confirm = form_action::<ConfirmClassification>();
    let set = form_action::<SetClassificationThresholds>();
    let data: Res<ClassificationView> = Resource::new(
        move || (year_p(), class_p(), confirm.version().get(), set.version().get()),
        |(year, class, ..)| classification_view(year, class),
    );
    view! { <WithUser render=move |page, user| classification_page(page, user, data, confirm, set)/> }
}


/// The union classification of a class: suggested, and confirmed per student.
fn classification_form(m: &'static Messages, year: i64, rows: Vec<ClassificationRow>, confirm: ServerAction<ConfirmClassification>) -> AnyView {
    let fi = FormInputs::new::<ConfirmClassification>(m, "cf", None).quiet();
    let sent = sent_per_student::<ConfirmClassification>("level");
    let summary = fi.summary();
    view! {
        <ActionForm action=confirm attr:class="card" attr:id="classification-form">
            {summary}
            <input type="hidden" name="year" value=year.to_string()/>
            <div class="table-wrap"><table id="classification" class="stack">
                <thead><tr>
                    <th scope="col">{m.full_name}</th>
                    <th scope="col">{m.col_points}</th>
                    <th scope="col">{m.col_study}</th>
                    <th scope="col">{m.col_conduct}</th>
                    <th scope="col">{m.col_suggested}</th>
                    <th scope="col">{m.col_confirmed}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let sid = r.student_id.to_string();
                        let saved = r.confirmed.clone().unwrap_or_else(|| r.suggested.clone());
                        let chosen = sent.as_ref().and_then(|s| s.get(&sid).cloned()).unwrap_or(saved);
                        let differs = r.confirmed.as_ref().is_some_and(|c| *c != r.suggested);
                        view! {
                            <tr class:differs=differs>
                                <td class="name">
                                    <input type="hidden" name="student[]" value=sid.clone()/>
                                    <a href=format!("/students/{sid}")>{r.name.clone()}</a>
                                </td>
                                <td data-label=m.col_points>{r.points}</td>
                                <td data-label=m.col_study>{r.study.as_deref().map(|g| m.grade_label(g)).unwrap_or_else(|| m.not_recorded.to_string())}</td>
                                <td data-label=m.col_conduct>{r.conduct.as_deref().map(|g| m.grade_label(g)).unwrap_or_else(|| m.not_recorded.to_string())}</td>
                                <td data-label=m.col_suggested>{m.level_label(&r.suggested)}</td>
                                <td class="choice">
                                    <select name="level[]" aria-label=format!("{} — {}", m.col_confirmed, r.name)>
                                        {UNION_LEVELS.iter().map(|l| view! { <option value=*l selected=*l == chosen>{m.level_label(l)}</option> }).collect_view()}
                                    </select>
                                    {r.confirmed.is_none().then(|| view! { <br/><small class="muted">{m.not_confirmed}</small> })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
            <button type="submit">{m.confirm_button}</button>
        </ActionForm>
    }
    .into_any()
}

/// The classification's thresholds: for each level, points, study and conduct.
fn thresholds_form(m: &'static Messages, year: String, t: &ClassificationThresholds, set: ServerAction<SetClassificationThresholds>) -> AnyView {
    let fi = FormInputs::new::<SetClassificationThresholds>(m, "t", None);
    let level = |name: &'static str, level: &'static str, l: &nguon_shared::merit::LevelThreshold| {
        let (pts, study, conduct): (&'static str, &'static str, &'static str) = match name {
            "excellent" => ("excellent_points", "excellent_study", "excellent_conduct"),
            "good" => ("good_points", "good_study", "good_conduct"),
            _ => ("complete_points", "complete_study", "complete_conduct"),
        };
        view! {
            <fieldset>
                <legend>{level}</legend>
                <div class="field-row">
                    {fi.number(pts, format!("{level}: {}", m.min_points), l.min_points.to_string())}
                    {fi.select(study, format!("{level}: {}", m.min_study), grade_choices(m, m.no_requirement), l.min_study.clone())}
                    {fi.select(conduct, format!("{level}: {}", m.min_conduct), grade_choices(m, m.no_requirement), l.min_conduct.clone())}
                </div>
            </fieldset>
        }
    };
    let fields = view! {
        {level("excellent", m.union_levels[0], &t.excellent)}
        {level("good", m.union_levels[1], &t.good)}
        {level("complete", m.union_levels[2], &t.complete)}
    };
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{m.thresholds_title}</h2>
            <p class="muted">{m.thresholds_hint}</p>
            <ActionForm action=set attr:id="thresholds-form">
                {summary}
                <input type="hidden" name="year" value=year/>
                {fields}
                <button type="submit" class="secondary">{m.save}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn classification_page(
    page: PageCtx,
    _user: CurrentUserView,
    data: Res<ClassificationView>,
    confirm: ServerAction<ConfirmClassification>,
    set: ServerAction<SetClassificationThresholds>,
) -> AnyView {
    let m = page.m;
    let class_p = param("class");
    view! {
        <h1>{m.ledger_classification}</h1>
        {subnav(m, &page.info.nav)}
        {move || confirm.value().get().and_then(|r| r.ok()).map(|n| view! {
            <SuccessLine id="confirmed">{fill(m.confirmed_n, &[("n", &n.to_string())])}</SuccessLine>
        })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => error_view(m, &e),
                Ok(ClassificationView { choice: YearChoice { year: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(ClassificationView { choice: YearChoice { years, year: Some(year) }, classes, rows, thresholds }) => {
                    let year_id = year.id.to_string();
                    let empty_class = rows.is_empty() && !class_p().is_empty();
                    view! {
                        <Form method="GET" action="" attr:class="card filters">
                            {year_select(m, &years, year.id)}
                            {class_select(m, &classes, &class_p())}
                            <button type="submit" class="secondary">{m.show_button}</button>
                        </Form>
                        <p class="muted">{m.classification_intro}</p>
                        {empty_class.then(|| view! { <p class="muted">{m.no_members}</p> })}
                        {(!rows.is_empty()).then(|| classification_form(m, year.id, rows, confirm))}
                        {thresholds.map(|t| thresholds_form(m, year_id.clone(), &t, set))}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

