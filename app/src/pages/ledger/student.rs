//! `/ledger/student/:id`: every line behind a student's totals, and reversals.

use super::*;

/// A student's ledger lines.
#[component]
pub fn StudentLedgerPage() -> impl IntoView {
    let id = crate::pages::id_param();
    let year_p = param("year");
    let reverse = form_action::<ReverseEntry>();
    let data: Res<StudentLedgerView> = Resource::new(
        move || (id(), year_p(), shown_rows(), reverse.version().get()),
        |(student, year, show, _)| student_ledger_view(student, year, show),
    );
    view! { <WithUser render=move |page, user| student_page(page, user, data, reverse)/> }
}


fn student_page(page: PageCtx, _user: CurrentUserView, data: Res<StudentLedgerView>, reverse: ServerAction<ReverseEntry>) -> AnyView {
    let m = page.m;
    view! {
        {subnav(m, &page.info.nav)}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                // No heading of its own to show: the refusal is the page.
                Err(e) => view! { <h1>{m.error(&e)}</h1>{crate::components::form::load_error(m, &e)} }.into_any(),
                Ok(StudentLedgerView { name, approved_points: total, entries: rows, reversible, .. }) => {
                    let reversible: Vec<(i64, String)> = reversible.into_iter().map(|e| (e.id, format!("#{} {} ({:+})", e.id, e.activity, e.points))).collect();
                    view! {
                        <h1>{fill(m.student_ledger_title, &[("name", &name)])}</h1>
                        <p id="student-total"><strong>{fill(m.total_approved, &[("n", &total.to_string())])}</strong></p>
                        {entries_table(m, &rows)}
                        {(!reversible.is_empty()).then(|| reverse_form(m, reversible, reverse))}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// Reverses an approved line, with a reason (the line stays, a reversing line is added).
fn reverse_form(m: &'static Messages, lines: Vec<(i64, String)>, reverse: ServerAction<ReverseEntry>) -> AnyView {
    let fi = FormInputs::new::<ReverseEntry>(m, "r", None);
    let fields = view! {
        {fi.select("entry", m.activity, lines.into_iter().map(|(id, label)| (id.to_string(), label)).collect(), None)}
        {fi.text("reason", m.reason, String::new())}
    };
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{m.reverse}</h2>
            <ActionForm action=reverse attr:id="reverse-form">
                {summary}
                {fields}
                <button type="submit" class="secondary">{m.reverse}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
