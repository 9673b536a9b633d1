//! `/oversight`: how the period goes against the plan in every school in
//! scope, with a period filter and a drill-down to one school.

use super::sections::dashboard_body;
use crate::api::dashboard_view;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::pages::ledger::param;
use leptos::prelude::*;
use leptos_router::components::Form;
use nguon_shared::oversight::PeriodKind;
use nguon_shared::views::oversight::DashboardView;
use nguon_shared::views::CurrentUserView;

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// The dashboard page.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let (period, from, to, school) = (param("period"), param("from"), param("to"), param("school"));
    let data: Res<DashboardView> = Resource::new(move || (period(), from(), to(), school()), |(p, f, t, s)| dashboard_view(p, f, t, s));
    view! { <WithUser render=move |page, user| dashboard_page(page, user, data)/> }
}

fn dashboard_page(page: PageCtx, _user: CurrentUserView, data: Res<DashboardView>) -> AnyView {
    let m = page.m;
    view! {
        <h1>{m.ov.title}</h1>
        {crate::components::form::export_link(m, "dashboard")}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(v) => view! { {filters(m, &v)}{dashboard_body(m, v, true)} }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

/// The period and school filter (a GET form: the address says what is shown).
fn filters(m: &'static Messages, v: &DashboardView) -> AnyView {
    let o = m.ov;
    let custom = v.period.kind == PeriodKind::Custom;
    let (from, to) = if custom { (format::date(v.period.from), format::date(v.period.to)) } else { (String::new(), String::new()) };
    let selected_school = v.school.as_ref().map(|s| s.id);
    let schools = v.schools.clone();
    let kind = v.period.kind;
    view! {
        <Form method="GET" action="" attr:class="card filters" attr:id="dashboard-filters">
            <div class="field">
                <label for="f-period">{o.period_label}</label>
                <select id="f-period" name="period">
                    {PeriodKind::ALL.into_iter().map(|k| view! { <option value=k.code() selected=k == kind>{o.period(k)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="f-from">{o.from}</label>
                    <input id="f-from" name="from" type="text" inputmode="numeric" autocomplete="off" value=from placeholder="dd/mm/yyyy"/>
                </div>
                <div class="field">
                    <label for="f-to">{o.to}</label>
                    <input id="f-to" name="to" type="text" inputmode="numeric" autocomplete="off" value=to placeholder="dd/mm/yyyy"/>
                </div>
            </div>
            <p class="hint">{o.custom_hint}</p>
            {(schools.len() > 1).then(|| view! {
                <div class="field">
                    <label for="f-school">{m.school}</label>
                    <select id="f-school" name="school">
                        <option value="" selected=selected_school.is_none()>{o.all_schools}</option>
                        {schools.iter().map(|s| view! { <option value=s.id.to_string() selected=selected_school == Some(s.id)>{s.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <button type="submit" class="secondary">{m.show_button}</button>
        </Form>
        <p class="muted" id="period-line">{fill(o.period_line, &[("from", &format::date(v.period.from)), ("to", &format::date(v.period.to))])}</p>
    }
    .into_any()
}
