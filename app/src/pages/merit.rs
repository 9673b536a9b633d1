//! Pages of results, union classification and outstanding students:
//! entering or importing a class's results, confirming the suggested
//! classifications, and the outstanding-student lists with the reason for
//! every criterion, from which the union proposes students to the pool.

use super::ledger::{param, subnav, year_select};
use crate::api::{
    classification_view, outstanding_view, results_view, ConfirmClassification, ProposeStudents, SaveResults, SetClassificationThresholds,
    SetOutstandingCriteria,
};
use crate::components::form::SuccessLine;
use crate::components::paging::{rows_to_show, show_more, PAGE_CARDS};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::components::inputs::FormInputs;
use crate::outcome::{form_action, typed_values};
use leptos::prelude::*;
use leptos_router::components::Form;
use nguon_shared::merit::{
    ClassificationRow, ClassificationThresholds, Criterion, Evaluation, Outcome, Reason, ResultRow, GRADES, UNION_LEVELS,
};
use nguon_shared::views::merit::{ClassificationView, OutstandingPageView, ResultsView};
use nguon_shared::views::{ClassOption, CurrentUserView, Slice, YearChoice};

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

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

/// The outstanding-student lists.
#[component]
pub fn OutstandingPage() -> impl IntoView {
    let (year_p, q_p) = (param("year"), param("q"));
    let shown = |name: &'static str| move || rows_to_show(&param(name)(), PAGE_CARDS) as u32;
    let (show_q, show_s) = (shown("show_q"), shown("show_s"));
    let propose = form_action::<ProposeStudents>();
    let set = form_action::<SetOutstandingCriteria>();
    let data: Res<OutstandingPageView> = Resource::new(
        move || (year_p(), q_p(), show_q(), show_s(), propose.version().get(), set.version().get()),
        |(year, q, show_q, show_s, ..)| outstanding_view(year, q, show_q, show_s),
    );
    view! { <WithUser render=move |page, user| outstanding_page(page, user, data, propose, set)/> }
}

fn period_of(text: &str) -> i16 {
    match text {
        "0" => 0,
        "2" => 2,
        _ => 1,
    }
}

fn period_label(m: &'static Messages, period: i16) -> String {
    if period == 0 {
        m.whole_year.to_string()
    } else {
        fill(m.semester_n, &[("n", &period.to_string())])
    }
}

/// A grade picker: `name`, current `value`, with an empty choice labelled `empty`.
fn grade_select(m: &'static Messages, id: String, name: &'static str, value: Option<String>, empty: &'static str, label: String) -> AnyView {
    view! {
        <select id=id name=name aria-label=label>
            <option value="" selected=value.is_none()>{empty}</option>
            {GRADES.iter().map(|g| view! { <option value=*g selected=value.as_deref() == Some(*g)>{m.grade_label(g)}</option> }).collect_view()}
        </select>
    }
    .into_any()
}

fn class_select(m: &'static Messages, classes: &[ClassOption], chosen: &str) -> AnyView {
    view! {
        <div class="field">
            <label for="f-class">{m.col_class}</label>
            <select id="f-class" name="class">
                <option value="">{m.choose}</option>
                {classes.iter().map(|c| {
                    let v = c.id.to_string();
                    let selected = v == chosen;
                    view! { <option value=v selected=selected>{c.name.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

fn error_view(m: &'static Messages, e: &nguon_shared::AppError) -> AnyView {
    view! { <p class="alert error" role="alert">{m.error(e)}</p> }.into_any()
}

fn results_page(page: PageCtx, _user: CurrentUserView, data: Res<ResultsView>, save: ServerAction<SaveResults>) -> AnyView {
    let m = page.m;
    let (class_p, period_p, imported_p, mapped_p) = (param("class"), param("period"), param("imported"), param("mapped"));
    view! {
        <h1>{m.ledger_results}</h1>
        {subnav(m)}
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

/// `(grade, label)` choices, with an empty one labelled `empty`.
fn grade_choices(m: &'static Messages, empty: &'static str) -> Vec<(String, String)> {
    std::iter::once((String::new(), empty.to_string())).chain(GRADES.iter().map(|g| (g.to_string(), m.grade_label(g)))).collect()
}

/// Each student's value of a per-row select (`name[]`) as sent when the form was refused.
fn sent_per_student<S: leptos::server_fn::ServerFn>(name: &str) -> Option<std::collections::HashMap<String, String>> {
    let students = typed_values::<S>("student")?;
    let values = typed_values::<S>(name).unwrap_or_default();
    Some(students.into_iter().zip(values).collect())
}

/// A class's study and conduct results for a period, one row a student.
fn results_form(m: &'static Messages, year: i64, period: i16, rows: Vec<ResultRow>, save: ServerAction<SaveResults>) -> AnyView {
    let fi = FormInputs::new::<SaveResults>(m, "rs", None);
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

/// The union classification of a class: suggested, and confirmed per student.
fn classification_form(m: &'static Messages, year: i64, rows: Vec<ClassificationRow>, confirm: ServerAction<ConfirmClassification>) -> AnyView {
    let fi = FormInputs::new::<ConfirmClassification>(m, "cf", None);
    let sent = sent_per_student::<ConfirmClassification>("level");
    let summary = fi.summary();
    view! {
        <ActionForm action=confirm attr:class="card" attr:id="classification-form">
            {summary}
            <input type="hidden" name="year" value=year.to_string()/>
            <div class="table-wrap"><table id="classification">
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
                                <td>
                                    <input type="hidden" name="student[]" value=sid.clone()/>
                                    <a href=format!("/students/{sid}")>{r.name.clone()}</a>
                                </td>
                                <td>{r.points}</td>
                                <td>{r.study.as_deref().map(|g| m.grade_label(g)).unwrap_or_else(|| m.not_recorded.to_string())}</td>
                                <td>{r.conduct.as_deref().map(|g| m.grade_label(g)).unwrap_or_else(|| m.not_recorded.to_string())}</td>
                                <td>{m.level_label(&r.suggested)}</td>
                                <td>
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
        {subnav(m)}
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

/// A criterion's name.
pub(crate) fn criterion_label(m: &'static Messages, c: Criterion) -> &'static str {
    match c {
        Criterion::Conduct => m.col_conduct,
        Criterion::Study => m.col_study,
        Criterion::Emulation => m.crit_emulation,
        Criterion::UnionMember => m.crit_union,
        Criterion::Age => m.crit_age,
        Criterion::Classification => m.ledger_classification,
    }
}

/// The sentence explaining one criterion's outcome.
pub(crate) fn reason_text(m: &'static Messages, o: &Outcome) -> String {
    let period = |p: &nguon_shared::merit::PeriodLabel| fill(m.semester_of_year, &[("n", &p.period.to_string()), ("y", &p.year)]);
    match &o.reason {
        Reason::AllSemesters { min, semesters } => fill(m.r_all_semesters, &[("min", &m.grade_label(min)), ("n", &semesters.to_string())]),
        Reason::BelowIn { got, min, period: p } => fill(m.r_below_in, &[("got", &m.grade_label(got)), ("min", &m.grade_label(min)), ("p", &period(p))]),
        Reason::NoResult { period: p } => fill(m.r_no_result, &[("p", &period(p))]),
        Reason::NoSemesterYet => m.r_no_semester.to_string(),
        Reason::Standing { rank, of, cutoff, points, min_points } => {
            let mut t = fill(m.r_standing, &[("rank", &rank.to_string()), ("of", &of.to_string()), ("points", &points.to_string())]);
            if let Some(cut) = cutoff {
                t.push_str(&fill(m.r_cutoff, &[("cut", &cut.to_string())]));
            }
            if let Some(min) = min_points {
                t.push_str(&fill(m.r_min_points, &[("min", &min.to_string())]));
            }
            t
        }
        Reason::MemberSince { since } => fill(m.r_member_since, &[("date", &format::date(*since))]),
        Reason::NotMember => m.r_not_member.to_string(),
        Reason::Age { years, min } => fill(m.r_age, &[("n", &years.to_string()), ("min", &min.to_string())]),
        Reason::Classified { level, year, min } => fill(m.r_classified, &[("y", year), ("level", &m.level_label(level)), ("min", &m.level_label(min))]),
        Reason::NotClassified => m.r_not_classified.to_string(),
    }
}

/// The criteria of one evaluation as a list of met / missed lines.
pub(crate) fn outcomes_list(m: &'static Messages, e: &Evaluation) -> AnyView {
    view! {
        <ul class="criteria">
            {e.outcomes.iter().map(|o| {
                let (mark, class) = if o.met { ("✓", "met") } else { ("✗", "missed") };
                view! {
                    <li class=class>
                        <span class="mark" aria-label=if o.met { m.met } else { m.missed }>{mark}</span>" "
                        <strong>{criterion_label(m, o.criterion)}</strong>": "{reason_text(m, o)}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// A list of evaluations, a first page of them: the address's `param`
/// (`show_q`, `show_s`) asks for more.
fn evaluation_cards(m: &'static Messages, list: Slice<Evaluation>, id: &'static str, param_name: &'static str) -> AnyView {
    let (total, shown) = (list.total as usize, list.rows.len());
    // The boxes ticked when a proposal was refused stay ticked.
    let ticked = typed_values::<ProposeStudents>("students");
    view! {
        <ul class="evaluations" id=id>
            {list.rows.into_iter().enumerate().map(|(i, e)| {
                let tick_id = format!("p-{}", e.student_id);
                let proposal = e.proposal.clone();
                view! {
                    <li class="card evaluation" id=format!("{id}-{i}")>
                        <div class="who">
                            {match proposal {
                                Some(status) => view! { <span class="badge">{m.proposal_status(&status)}</span> }.into_any(),
                                None => view! {
                                    <input id=tick_id.clone() type="checkbox" name="students[]" value=e.student_id.to_string() form="propose-form"
                                        checked=ticked.as_ref().is_some_and(|t| t.contains(&e.student_id.to_string()))/>
                                    <label for=tick_id class="visually-hidden">{m.choose}</label>
                                }.into_any(),
                            }}
                            " "<a href=format!("/students/{}", e.student_id)><strong>{e.name.clone()}</strong></a>
                            " "<span class="muted">{e.class_name.clone()}</span>
                        </div>
                        {outcomes_list(m, &e)}
                    </li>
                }
            }).collect_view()}
        </ul>
        {show_more(m, total, shown, PAGE_CARDS, param_name, id)}
    }
    .into_any()
}

/// The outstanding-student criteria of the year.
fn criteria_form(m: &'static Messages, set: ServerAction<SetOutstandingCriteria>, year_id: String, c: nguon_shared::merit::OutstandingCriteria) -> AnyView {
    let fi = FormInputs::new::<SetOutstandingCriteria>(m, "k", None);
    let num = |v: Option<String>| v.unwrap_or_default();
    let levels: Vec<(String, String)> =
        std::iter::once((String::new(), m.no_requirement.to_string())).chain(UNION_LEVELS[..3].iter().map(|l| (l.to_string(), m.level_label(l)))).collect();
    let fields = view! {
        <div class="field-row">
            {fi.select("conduct", m.crit_conduct, grade_choices(m, m.no_requirement), c.conduct_every_semester.clone())}
            {fi.select("study", m.crit_study, grade_choices(m, m.no_requirement), c.study_every_semester.clone())}
        </div>
        <div class="field-row">
            {fi.number("top_percent", m.crit_top, num(c.top_percent_of_grade.map(|v| v.to_string())))}
            {fi.number("min_points", m.crit_points, num(c.min_points.map(|v| v.to_string())))}
        </div>
        <div class="field-row">
            {fi.number("min_age", m.crit_min_age, num(c.min_age.map(|v| v.to_string())))}
            {fi.select("min_classification", m.crit_classification, levels, c.min_classification.clone())}
        </div>
        {fi.checkbox("union_member", m.crit_union_member, c.union_member)}
    };
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{m.criteria_title}</h2>
            <p class="muted">{m.criteria_hint}</p>
            <ActionForm action=set attr:id="criteria-form">
                {summary}
                <input type="hidden" name="year" value=year_id/>
                {fields}
                <button type="submit" class="secondary">{m.save}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The proposal of the ticked students to the Party cell, with a reason.
fn propose_form(m: &'static Messages, year: i64, propose: ServerAction<ProposeStudents>) -> AnyView {
    let fi = FormInputs::new::<ProposeStudents>(m, "p", None);
    let field = fi.textarea("reason", m.reason, String::new());
    let students = fi.messages("students");
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{m.propose_title}</h2>
            <p class="muted">{m.propose_hint}</p>
            <ActionForm action=propose attr:id="propose-form">
                {summary}
                <input type="hidden" name="year" value=year.to_string()/>
                {students}
                {field}
                <button type="submit">{m.propose_button}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn outstanding_page(
    page: PageCtx,
    _user: CurrentUserView,
    data: Res<OutstandingPageView>,
    propose: ServerAction<ProposeStudents>,
    set: ServerAction<SetOutstandingCriteria>,
) -> AnyView {
    let m = page.m;
    view! {
        <h1>{m.ledger_outstanding}</h1>
        {subnav(m)}
        {move || propose.value().get().and_then(|r| r.ok()).map(|n| view! {
            <SuccessLine id="proposed">{fill(m.proposed_n, &[("n", &n.to_string())])}</SuccessLine>
        })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => error_view(m, &e),
                Ok(OutstandingPageView { choice: YearChoice { year: None, .. }, .. } | OutstandingPageView { lists: None, .. }) => {
                    view! { <p class="muted">{m.no_years}</p> }.into_any()
                }
                Ok(OutstandingPageView { choice: YearChoice { years, year: Some(year) }, lists: Some(v) }) => {
                    let year_id = year.id.to_string();
                    let (nq, ns) = (v.qualifying.total, v.one_short.total);
                    view! {
                        <Form method="GET" action="" attr:class="card filters">
                            {year_select(m, &years, year.id)}
                            <div class="field">
                                <label for="f-q">{m.search_names}</label>
                                <input id="f-q" name="q" type="search" value=param("q")() autocomplete="off"/>
                            </div>
                            <button type="submit" class="secondary">{m.show_button}</button>
                        </Form>
                        <p class="muted" id="evaluated-on">{fill(m.evaluated_on, &[("date", &format::date(v.on))])}</p>
                        <h2>{fill(m.qualifying_title, &[("n", &nq.to_string())])}</h2>
                        {if nq == 0 { view! { <p class="muted">{m.nobody}</p> }.into_any() } else { evaluation_cards(m, v.qualifying, "qualifying", "show_q") }}
                        <h2>{fill(m.one_short_title, &[("n", &ns.to_string())])}</h2>
                        {if ns == 0 { view! { <p class="muted">{m.nobody}</p> }.into_any() } else { evaluation_cards(m, v.one_short, "one-short", "show_s") }}
                        <p class="muted">{fill(m.others_note, &[("n", &v.others.to_string())])}</p>
                        {propose_form(m, year.id, propose)}
                        {criteria_form(m, set, year_id, v.criteria.clone())}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}
