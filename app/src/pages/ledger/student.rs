//! `/ledger/student/:id`: every line behind a student's totals, and reversals.

use super::*;

/// A student's ledger lines.
#[component]
pub fn StudentLedgerPage() -> impl IntoView {
    let params = use_params_map();
    let year_p = param("year");
    let reverse = form_action::<ReverseEntry>();
    let data: Res<StudentLedgerView> = Resource::new(
        move || (params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0)), year_p(), shown_rows(), reverse.version().get()),
        |(student, year, show, _)| student_ledger_view(student, year, show),
    );
    view! { <WithUser render=move |page, user| student_page(page, user, data, reverse)/> }
}


fn student_page(page: PageCtx, _user: CurrentUserView, data: Res<StudentLedgerView>, reverse: ServerAction<ReverseEntry>) -> AnyView {
    let m = page.m;
    let error = form_error(reverse.value());
    view! {
        {subnav(m)}
        <ErrorBanner m=m error=error/>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(StudentLedgerView { name, approved_points: total, entries: rows, reversible, .. }) => {
                    let reversible: Vec<(i64, String)> = reversible.into_iter().map(|e| (e.id, format!("#{} {} ({:+})", e.id, e.activity, e.points))).collect();
                    view! {
                        <h1>{fill(m.student_ledger_title, &[("name", &name)])}</h1>
                        <p id="student-total"><strong>{fill(m.total_approved, &[("n", &total.to_string())])}</strong></p>
                        {entries_table(m, &rows, false)}
                        {(!reversible.is_empty()).then(|| view! {
                            <section class="card">
                                <h2>{m.reverse}</h2>
                                <ActionForm action=reverse attr:class="row-form">
                                    <label class="visually-hidden" for="r-entry">{m.activity}</label>
                                    <select id="r-entry" name="entry">
                                        {reversible.into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                                    </select>
                                    <label class="visually-hidden" for="r-reason">{m.reason}</label>
                                    <input id="r-reason" name="reason" type="text" placeholder=m.reason/>
                                    <button type="submit" class="secondary">{m.reverse}</button>
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

