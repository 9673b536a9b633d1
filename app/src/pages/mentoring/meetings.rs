//! `/meetings`: the joint Party–Union meetings of a school.

use super::Res;
use crate::components::form::school_filter;
use crate::components::inputs::FormInputs;
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::outcome::form_action;
use crate::pages::ledger::param;
use leptos::prelude::*;
use super::pipeline_links;
use crate::api::{meetings_view, RecordJointMeeting};
use nguon_shared::views::pipeline::MeetingsView;
use nguon_shared::views::SchoolChoice;

/// `/meetings`: the joint Party–Union meetings of a school.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let school_p = param("school");
    let record: ServerAction<RecordJointMeeting> = form_action();
    let data: Res<MeetingsView> = Resource::new(move || (school_p(), record.version().get()), |(school, _)| meetings_view(school));
    view! { <WithUser render=move |page, _user| meetings_page(page, data, record)/> }
}

/// The form to record a meeting: who attended, the students discussed (each
/// with a note), what was decided. A refused form comes back as it was sent.
fn record_form(m: &'static Messages, school: i64, students: &[nguon_shared::mentoring::MeetingStudentOption], open: bool, record: ServerAction<RecordJointMeeting>) -> AnyView {
    let t = m.mt;
    let fi = FormInputs::new::<RecordJointMeeting>(m, "mt", None);
    let ticked = crate::outcome::typed_values::<RecordJointMeeting>("students").unwrap_or_default();
    // Notes travel in the order the students were offered.
    let offered = crate::outcome::typed_values::<RecordJointMeeting>("offered").unwrap_or_default();
    let notes = crate::outcome::typed_values::<RecordJointMeeting>("notes").unwrap_or_default();
    let note_of = |id: &str| offered.iter().position(|o| o == id).and_then(|i| notes.get(i).cloned()).unwrap_or_default();
    let list = if students.is_empty() {
        view! { <p class="muted">{t.no_students_to_discuss}</p> }.into_any()
    } else {
        students
            .iter()
            .map(|s| {
                let sid = s.id.to_string();
                let (id, note_id) = (format!("mt-s-{sid}"), format!("mt-n-{sid}"));
                let checked = ticked.contains(&sid);
                let note = note_of(&sid);
                view! {
                    <div class="discussed">
                        <div class="field checkbox">
                            <input id=id.clone() type="checkbox" name="students[]" value=sid.clone() checked=checked/>
                            <label for=id>{s.name.clone()}</label>
                        </div>
                        <input type="hidden" name="offered[]" value=sid/>
                        <input id=note_id name="notes[]" type="text" maxlength="500" value=note placeholder=t.student_note aria-label=format!("{}: {}", t.student_note, s.name)/>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let fields = view! {
        {fi.date("held_on", t.held_on, format::date(format::today()))}
        {fi.textarea("attendees", t.attendees, String::new())}
        <fieldset>
            <legend>{t.students_discussed}</legend>
            {list}
            {fi.messages("students")}
        </fieldset>
        {fi.textarea("decisions", t.decisions, String::new())}
    };
    let (refused, summary) = (fi.refused(), fi.summary());
    view! {
        <details class="card" open=open || refused>
            <summary>{t.record_meeting}</summary>
            <ActionForm action=record attr:id="meeting-form">
                {summary}
                <input type="hidden" name="school" value=school.to_string()/>
                {fields}
                <button type="submit">{t.record_meeting}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

fn meetings_page(page: PageCtx, data: Res<MeetingsView>, record: ServerAction<RecordJointMeeting>) -> AnyView {
    let m = page.m;
    let t = m.mt;
    view! {
        <h1>{t.meetings_title}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(MeetingsView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(MeetingsView { choice: SchoolChoice { schools, school: Some(school) }, meetings, students }) => view! {
                    {pipeline_links(m, &page.info.nav, Some(school))}
                    {school_filter(m, &schools, school)}
                    {record_form(m, school, &students, meetings.is_empty(), record)}
                    {if meetings.is_empty() {
                        view! { <p class="muted">{t.no_meetings}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="meetings" id="meetings">{meetings.into_iter().map(|mt| view! {
                                <li class="card">
                                    <h2>{fill(t.meeting_title, &[("date", &format::date(mt.held_on))])}</h2>
                                    <p><strong>{t.attendees}": "</strong>{mt.attendees.clone()}</p>
                                    <p><strong>{t.students_discussed}": "</strong></p>
                                    <ul class="discussed-list">{mt.students.iter().map(|st| view! {
                                        <li>
                                            <a href=format!("/students/{}", st.id)>{st.name.clone()}</a>
                                            {st.note.clone().map(|n| view! { ": "<span class="note">{n}</span> })}
                                        </li>
                                    }).collect_view()}</ul>
                                    <p><strong>{t.decisions}": "</strong>{mt.decisions.clone()}</p>
                                </li>
                            }).collect_view()}</ol>
                        }.into_any()
                    }}
                }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

