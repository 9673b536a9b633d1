//! `/ledger/outstanding`: the outstanding-student lists, the criteria, and proposals to the cell.

use super::*;

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
    let fi = FormInputs::new::<ProposeStudents>(m, "p", None).quiet();
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
        {crate::components::form::export_link(m, "outstanding")}
        {subnav(m, &page.info.nav)}
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

