//! `/calendar`: the reminders' numbers and the holiday calendar of a school.

use super::Res;
use crate::components::form::{school_filter, SuccessLine};
use crate::components::inputs::FormInputs;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use crate::pages::ledger::param;
use leptos::prelude::*;
use super::pipeline_links;
use crate::api::{calendar_view, AddHoliday, RemoveHoliday, SetWatchRules};
use leptos_router::components::Form;
use nguon_shared::views::pipeline::CalendarView;
use nguon_shared::views::SchoolChoice;

/// The forms of the calendar page.
#[derive(Clone, Copy)]
struct CalendarActions {
    watch: ServerAction<SetWatchRules>,
    add: ServerAction<AddHoliday>,
    remove: ServerAction<RemoveHoliday>,
}

/// `/calendar`: the reminders' numbers and the holiday calendar of a school.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let school_p = param("school");
    let year_p = param("year");
    let acts = CalendarActions { watch: form_action(), add: form_action(), remove: form_action() };
    // The reminders' numbers and the days off move deadlines and due days.
    let version = move || acts.watch.version().get() + acts.add.version().get() + acts.remove.version().get();
    let data: Res<CalendarView> = Resource::new(move || (school_p(), year_p(), version()), |(school, year, _)| calendar_view(school, year));
    view! { <WithUser render=move |page, _user| calendar_page(page, data, acts)/> }
}

fn calendar_page(page: PageCtx, data: Res<CalendarView>, acts: CalendarActions) -> AnyView {
    let m = page.m;
    let t = m.mt;
    view! {
        <h1>{t.calendar_title}</h1>
        {move || acts.watch.value().get().and_then(|r| r.ok()).map(|_| view! { <SuccessLine id="watch-saved">{t.saved}</SuccessLine> })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(CalendarView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(CalendarView { choice: SchoolChoice { schools, school: Some(school) }, year, watch: w, holidays: days }) => {
                    view! {
                        {pipeline_links(m, &page.info.nav, Some(school))}
                        {school_filter(m, &schools, school)}
                        {watch_form(m, school, &w, acts.watch)}
                        <section class="card">
                            <h2>{fill(t.holidays_title, &[("year", &year.to_string())])}</h2>
                            <Form method="GET" action="" attr:class="row-form">
                                <input type="hidden" name="school" value=school.to_string()/>
                                <label for="h-year">{t.year}</label>
                                <input id="h-year" name="year" type="text" inputmode="numeric" value=year.to_string()/>
                                <button type="submit" class="secondary">{m.show_button}</button>
                            </Form>
                            <div class="table-wrap"><table id="holidays">
                                <thead><tr><th scope="col">{t.day}</th><th scope="col">{t.holiday_name}</th><th scope="col">{t.holiday_kind}</th><th scope="col"></th></tr></thead>
                                <tbody>{days.into_iter().map(|h| view! {
                                    <tr>
                                        <td>{format::date(h.day)}</td>
                                        <td>{h.name.clone().or_else(|| h.kind.map(|k| t.public_holiday(k).to_string())).unwrap_or_else(|| t.default_holiday.to_string())}</td>
                                        <td>{if h.off { t.day_off } else { t.working_day }}</td>
                                        <td>{h.change_id.map(|id| remove_form(m, id, acts.remove))}</td>
                                    </tr>
                                }).collect_view()}</tbody>
                            </table></div>
                            {add_form(m, school, acts.add)}
                        </section>
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// The reminders' numbers, in force from a day.
fn watch_form(m: &'static Messages, school: i64, w: &nguon_shared::mentoring::WatchRules, watch: ServerAction<SetWatchRules>) -> AnyView {
    let t = m.mt;
    const NAMES: [&str; 5] = ["assessment_every_months", "assessment_silence_days", "certificate_warning_days", "biography_rewrites", "task_horizon_days"];
    let values = [w.assessment_every_months, w.assessment_silence_days, w.certificate_warning_days, w.biography_rewrites, w.task_horizon_days];
    let fi = FormInputs::new::<SetWatchRules>(m, "w", None).quiet();
    let fields = view! {
        {(0..5).map(|i| fi.number(NAMES[i], t.watch_fields[i], values[i].to_string())).collect_view()}
        {fi.date("valid_from", m.valid_from, format::date(format::today()))}
    };
    let summary = fi.summary();
    view! {
        <section class="card">
            <h2>{t.watch_title}</h2>
            <ActionForm action=watch attr:id="watch-form">
                {summary}
                <input type="hidden" name="school" value=school.to_string()/>
                {fields}
                <button type="submit">{m.save}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// A day off or a working day added to the school's calendar.
fn add_form(m: &'static Messages, school: i64, add: ServerAction<AddHoliday>) -> AnyView {
    let t = m.mt;
    let fi = FormInputs::new::<AddHoliday>(m, "h", None);
    let kinds = vec![("off".to_string(), t.day_off.to_string()), ("working".to_string(), t.working_day.to_string())];
    let fields = view! {
        <div class="field-row">
            {fi.date("day", t.day, String::new())}
            {fi.text("name", t.holiday_name, String::new())}
            {fi.select("kind", t.holiday_kind, kinds, None)}
        </div>
        <small class="hint">{t.working_day_hint}</small>
    };
    let summary = fi.summary();
    view! {
        <ActionForm action=add attr:id="holiday-form">
            {summary}
            <input type="hidden" name="school" value=school.to_string()/>
            {fields}
            <button type="submit" class="secondary">{t.add_holiday}</button>
        </ActionForm>
    }
    .into_any()
}

/// Removes a change recorded on the calendar (its refusal shows in its row).
fn remove_form(m: &'static Messages, id: i64, remove: ServerAction<RemoveHoliday>) -> AnyView {
    let fi = FormInputs::new::<RemoveHoliday>(m, format!("rm-{id}"), Some(("change", id.to_string())));
    let summary = fi.summary();
    view! {
        {summary}
        <ActionForm action=remove attr:class="inline">
            <input type="hidden" name="change" value=id.to_string()/>
            <button type="submit" class="secondary">{m.mt.remove_change}</button>
        </ActionForm>
    }
    .into_any()
}
