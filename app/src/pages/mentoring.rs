//! Mentoring and follow-up pages: the mentoring section of a candidacy's
//! page (forecast, classes, assessments), "my tasks", the awareness classes
//! of the school's training centre, the joint Party–Union meetings, and the
//! cell's calendar and reminders.

use super::ledger::param;
use crate::api::{
    calendar_view, classes_view, meetings_view, my_tasks, rules_view, AddHoliday, CompleteClass, CreateAwarenessClass, EnrolInClass,
    RecordJointMeeting, RemoveHoliday, SetWatchRules, WriteAssessment,
};
use crate::components::form::{date_input, form_error, picker_filter, school_filter, ErrorBanner, SuccessLine};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::mentoring::Mt;
use crate::i18n::{code_label, fill, Messages};
use crate::outcome::form_action;
use leptos::prelude::*;
use leptos_router::components::Form;
use nguon_shared::mentoring::{
    AwarenessClassView, EnrolmentView, ForecastStep, TaskKind, TaskView, Wait,
    RATINGS, RECOMMENDATIONS,
};
use nguon_shared::pipeline::{CandidacyView, CandidateCard};
use nguon_shared::views::pipeline::{CalendarView, ClassesView, MeetingsView, RulesView};
use nguon_shared::views::{CurrentUserView, SchoolChoice};

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// Links between the pipeline's pages.
pub fn pipeline_links(m: &'static Messages, school: Option<i64>) -> AnyView {
    let q = school.map(|s| format!("?school={s}")).unwrap_or_default();
    view! {
        <nav class="subnav" aria-label=m.nav_pipeline>
            <a href=format!("/pipeline{q}")>{m.nav_pipeline}</a>
            <a href="/tasks">{m.mt.nav_tasks}</a>
            <a href=format!("/classes{q}")>{m.mt.classes_title}</a>
            <a href=format!("/meetings{q}")>{m.mt.meetings_title}</a>
            <a href=format!("/calendar{q}")>{m.mt.calendar_title}</a>
        </nav>
    }
    .into_any()
}

fn wait_text(t: &Mt, w: &Wait) -> String {
    match w {
        Wait::Consent => t.wait_consent.into(),
        Wait::Certificate => t.wait_certificate.into(),
        Wait::CertificateLapses { valid_until } => fill(t.wait_certificate_lapses, &[("date", &format::date(*valid_until))]),
        Wait::Mentor => t.wait_mentor.into(),
        Wait::Age { from } => fill(t.wait_age, &[("date", &format::date(*from))]),
        Wait::Introducers => t.wait_introducers.into(),
        Wait::Introducer { name, from } => fill(t.wait_introducer, &[("name", name), ("date", &format::date(*from))]),
        Wait::Documents { count } => fill(t.wait_documents, &[("n", &count.to_string())]),
        Wait::Verification { open } => fill(t.wait_verification, &[("n", &open.to_string())]),
        Wait::Previous => t.wait_previous.into(),
    }
}

fn forecast_table(m: &'static Messages, steps: &[ForecastStep]) -> AnyView {
    let t = m.mt;
    if steps.is_empty() {
        return ().into_any();
    }
    // A list rather than a table: on a phone the waits need the whole width.
    view! {
        <section class="card">
            <h2>{t.forecast_title}</h2>
            <ol class="forecast" id="forecast">{steps.iter().map(|s| view! {
                <li data-stage=s.stage.code()>
                    <strong>{m.stage_label(s.stage)}</strong>
                    <span class="when">
                        {format!("{}: {}", t.forecast_earliest, s.earliest.map(format::date).unwrap_or_else(|| t.forecast_unknown.to_string()))}
                        {s.due.map(|d| format!(" · {}: {}", t.forecast_due, format::date(d)))}
                    </span>
                    {(!s.waits.is_empty()).then(|| view! {
                        <small class="waits">{format!("{}: {}", t.forecast_waits, s.waits.iter().map(|w| wait_text(t, w)).collect::<Vec<_>>().join("; "))}</small>
                    })}
                </li>
            }).collect_view()}</ol>
        </section>
    }
    .into_any()
}

fn enrolment_line(m: &'static Messages, e: &EnrolmentView) -> String {
    let t = m.mt;
    let mut line = fill(t.enrolled_line, &[("class", &e.class_name), ("date", &format::date(e.ends_on))]);
    if let Some((n, issued, until)) = &e.certificate {
        line.push_str(": ");
        line.push_str(&fill(t.completed_line, &[("n", n), ("date", &format::date(*issued)), ("until", &format::date(*until))]));
    }
    line
}

fn select_field(id: &'static str, name: &'static str, label: &'static str, codes: &'static [&'static str], labels: &'static [&'static str]) -> AnyView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                {codes.iter().zip(labels).map(|(c, l)| view! { <option value=*c>{*l}</option> }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// The candidacy page's mentoring part: the forecast, awareness classes, and
/// the mentor's assessments with the template's form for the current mentor.
pub fn mentoring_section(m: &'static Messages, v: &CandidacyView, write: ServerAction<WriteAssessment>) -> AnyView {
    let t = m.mt;
    let mt = &v.mentoring;
    let error = form_error(write.value());
    const FIELDS: [&str; 4] = ["political", "ethics", "study", "union_work"];
    const IDS: [&str; 4] = ["as-political", "as-ethics", "as-study", "as-union"];
    let (cid, next_due) = (v.card.id, mt.next_due);
    view! {
        {forecast_table(m, &mt.forecast)}
        {(!mt.classes.is_empty()).then(|| view! {
            <section class="card">
                <h2>{t.classes_title}</h2>
                <ul id="candidate-classes">{mt.classes.iter().map(|e| view! { <li>{enrolment_line(m, e)}</li> }).collect_view()}</ul>
            </section>
        })}
        {(!mt.meetings.is_empty()).then(|| view! {
            <section class="card">
                <h2>{t.discussed_at}</h2>
                <ul id="candidate-meetings">{mt.meetings.iter().map(|(day, note)| view! {
                    <li>{fill(t.meeting_title, &[("date", &format::date(*day))])}{note.clone().map(|n| format!(": {n}"))}</li>
                }).collect_view()}</ul>
            </section>
        })}
        <section class="card" id="assessments">
            <h2>{t.assessments_title}</h2>
            {mt.next_due.map(|d| view! { <p id="next-assessment" class:overdue=d < format::today()>{fill(t.next_assessment_due, &[("date", &format::date(d))])}</p> })}
            {if mt.assessments.is_empty() {
                view! { <p class="muted">{t.no_assessments}</p> }.into_any()
            } else {
                view! {
                    <ol class="assessments">{mt.assessments.iter().map(|a| view! {
                        <li class="assessment">
                            <strong>{fill(t.assessment_by, &[("date", &format::date(a.written_on)), ("name", &a.mentor)])}</strong>
                            <dl>
                                {t.rating_fields.iter().zip(&a.ratings).map(|(f, r)| view! { <dt>{*f}</dt><dd>{code_label(&RATINGS, &t.ratings, r)}</dd> }).collect_view()}
                                <dt>{t.strengths}</dt><dd>{a.strengths.clone()}</dd>
                                <dt>{t.to_improve}</dt><dd>{a.to_improve.clone()}</dd>
                                <dt>{t.recommendation}</dt><dd>{code_label(&RECOMMENDATIONS, &t.recommendations, &a.recommendation)}</dd>
                            </dl>
                        </li>
                    }).collect_view()}</ol>
                }.into_any()
            }}
            {mt.can_write.then(|| view! {
                <details open=next_due.is_some_and(|d| d <= format::today())>
                    <summary>{t.write_assessment}</summary>
                    <ActionForm action=write attr:id="assessment-form">
                        <input type="hidden" name="candidacy" value=cid.to_string()/>
                        {date_input("as-on", "written_on", t.written_on, format::date(format::today()))}
                        <div class="field-row">
                            {(0..4).map(|i| select_field(IDS[i], FIELDS[i], t.rating_fields[i], &RATINGS, &t.ratings)).collect_view()}
                        </div>
                        <div class="field">
                            <label for="as-strengths">{t.strengths}</label>
                            <textarea id="as-strengths" name="strengths" rows="3"></textarea>
                        </div>
                        <div class="field">
                            <label for="as-improve">{t.to_improve}</label>
                            <textarea id="as-improve" name="to_improve" rows="3"></textarea>
                        </div>
                        {select_field("as-rec", "recommendation", t.recommendation, &RECOMMENDATIONS, &t.recommendations)}
                        <ErrorBanner m=m error=error/>
                        <button type="submit">{t.write_assessment}</button>
                    </ActionForm>
                </details>
            })}
            {move || write.value().get().and_then(|r| r.ok()).map(|_| view! { <SuccessLine id="assessment-saved">{t.assessment_saved}</SuccessLine> })}
        </section>
    }
    .into_any()
}

fn task_text(t: &Mt, task: &TaskView) -> String {
    match &task.kind {
        TaskKind::ProposalWaiting => t.task_proposal.into(),
        TaskKind::AssessmentDue { mentor } => fill(t.task_assessment, &[("mentor", mentor)]),
        TaskKind::Verification { open } => fill(t.task_verification, &[("n", &open.to_string())]),
        TaskKind::VoteToRecord => t.task_vote.into(),
        TaskKind::Decision => t.task_decision.into(),
        TaskKind::Ceremony => t.task_ceremony.into(),
        TaskKind::Recognition => t.task_recognition.into(),
        TaskKind::Transfer => t.task_transfer.into(),
    }
}

/// `/tasks`: the user's inbox.
#[component]
pub fn TasksPage() -> impl IntoView {
    let data: Res<Vec<TaskView>> = Resource::new(|| (), |_| my_tasks());
    view! { <WithUser render=move |page, _user| tasks_page(page, data)/> }
}

fn tasks_page(page: PageCtx, data: Res<Vec<TaskView>>) -> AnyView {
    let m = page.m;
    let t = m.mt;
    view! {
        <h1>{t.tasks_title}</h1>
        {pipeline_links(m, None)}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="muted" id="no-tasks">{t.no_tasks}</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="tasks" id="tasks">{list.iter().map(|task| {
                        let overdue = task.due.is_some_and(|d| d < format::today());
                        let href = task.candidacy_id.map_or_else(|| "/pipeline#proposals".to_string(), |c| format!("/pipeline/{c}"));
                        view! {
                            <li class="card task" class:overdue=overdue>
                                <a href=href><strong>{task.name.clone()}</strong></a>
                                " — "{task_text(t, task)}
                                {task.due.map(|d| view! { " · "<span class="due">{fill(t.task_due, &[("date", &format::date(d))])}</span> })}
                                {overdue.then(|| view! { " "<span class="badge warn">{t.overdue}</span> })}
                            </li>
                        }
                    }).collect_view()}</ul>
                }.into_any(),
            })}
        </Transition>
    }
    .into_any()
}

/// The forms of the classes page.
#[derive(Clone, Copy)]
struct ClassActions {
    create: ServerAction<CreateAwarenessClass>,
    enrol: ServerAction<EnrolInClass>,
    complete: ServerAction<CompleteClass>,
}

/// `/classes`: the awareness classes of the school's training centre.
#[component]
pub fn ClassesPage() -> impl IntoView {
    let school_p = param("school");
    let acts = ClassActions { create: form_action(), enrol: form_action(), complete: form_action() };
    let data: Res<ClassesView> = Resource::new(
        move || (school_p(), acts.create.version().get(), acts.enrol.version().get(), acts.complete.version().get()),
        |(school, ..)| classes_view(school),
    );
    view! { <WithUser render=move |page, user| classes_page(page, user, data, acts)/> }
}

fn class_card(m: &'static Messages, c: AwarenessClassView, waiting: &[CandidateCard], acts: ClassActions) -> AnyView {
    let t = m.mt;
    let open = c.taken < c.capacity && c.ends_on >= format::today();
    let started = c.starts_on <= format::today();
    let cid = c.id;
    let options: Vec<(i64, String)> = waiting.iter().map(|w| (w.id, w.name.clone())).collect();
    view! {
        <li class="card class" id=format!("class-{cid}")>
            <strong>{c.name.clone()}</strong>
            " "<span class="muted">{format!("{} – {}", format::date(c.starts_on), format::date(c.ends_on))}</span>
            <br/><small>{fill(t.places_line, &[("taken", &c.taken.to_string()), ("capacity", &c.capacity.to_string())])}</small>
            <ul class="enrolments">{c.enrolments.into_iter().map(|e| view! {
                <li>
                    <a href=format!("/pipeline/{}", e.candidacy_id)>{e.name.clone()}</a>
                    {e.certificate.clone().map(|(n, issued, until)| view! { " — "{fill(t.completed_line, &[("n", &n), ("date", &format::date(issued)), ("until", &format::date(until))])} })}
                    {(started && e.certificate.is_none()).then(|| view! {
                        <ActionForm action=acts.complete attr:class="row-form complete-form">
                            <input type="hidden" name="enrolment" value=e.id.to_string()/>
                            <input name="number" type="text" aria-label=m.certificate_number placeholder=m.certificate_number/>
                            <input name="issued_on" type="text" inputmode="numeric" aria-label=m.issued_on placeholder="dd/mm/yyyy" value=format::date(format::today())/>
                            <button type="submit" class="secondary">{t.complete}</button>
                        </ActionForm>
                    })}
                </li>
            }).collect_view()}</ul>
            {(open && !options.is_empty()).then(move || view! {
                <ActionForm action=acts.enrol attr:class="row-form enrol-form">
                    <input type="hidden" name="class" value=cid.to_string()/>
                    <label class="visually-hidden" for=format!("en-{cid}")>{t.candidate}</label>
                    <select id=format!("en-{cid}") name="candidacy">
                        {options.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="secondary">{t.enrol}</button>
                </ActionForm>
            })}
        </li>
    }
    .into_any()
}

fn classes_page(page: PageCtx, _user: CurrentUserView, data: Res<ClassesView>, acts: ClassActions) -> AnyView {
    let m = page.m;
    let t = m.mt;
    let errors = [form_error(acts.create.value()), form_error(acts.enrol.value()), form_error(acts.complete.value())];
    view! {
        <h1>{t.classes_title}</h1>
        {errors.into_iter().map(|e| view! { <ErrorBanner m=m error=e/> }).collect_view()}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(ClassesView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(ClassesView { choice: SchoolChoice { schools, school: Some(school) }, classes, waiting }) => {
                    view! {
                    {pipeline_links(m, Some(school))}
                    {school_filter(m, &schools, school)}
                    {if classes.is_empty() {
                        view! { <p class="muted" id="no-classes">{t.no_classes}" "{t.no_centre}</p> }.into_any()
                    } else {
                        view! {
                            <p>{t.centre}": "<strong>{classes[0].centre.clone()}</strong></p>
                            <ul class="classes" id="classes">{classes.into_iter().map(|c| class_card(m, c, &waiting, acts)).collect_view()}</ul>
                        }.into_any()
                    }}
                    <details class="card">
                        <summary>{t.create_class}</summary>
                        <ActionForm action=acts.create attr:id="class-form">
                            <input type="hidden" name="school" value=school.to_string()/>
                            <div class="field">
                                <label for="cl-name">{t.class_name}</label>
                                <input id="cl-name" name="name" type="text"/>
                            </div>
                            <div class="field-row">
                                {date_input("cl-start", "starts_on", t.starts_on, String::new())}
                                {date_input("cl-end", "ends_on", t.ends_on, String::new())}
                                <div class="field">
                                    <label for="cl-cap">{t.capacity}</label>
                                    <input id="cl-cap" name="capacity" type="text" inputmode="numeric" value="40"/>
                                </div>
                            </div>
                            <button type="submit">{t.create_class}</button>
                        </ActionForm>
                    </details>
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// `/meetings`: the joint Party–Union meetings of a school.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let school_p = param("school");
    let record: ServerAction<RecordJointMeeting> = form_action();
    let data: Res<MeetingsView> = Resource::new(move || (school_p(), record.version().get()), |(school, _)| meetings_view(school));
    view! { <WithUser render=move |page, _user| meetings_page(page, data, record)/> }
}

fn meetings_page(page: PageCtx, data: Res<MeetingsView>, record: ServerAction<RecordJointMeeting>) -> AnyView {
    let m = page.m;
    let t = m.mt;
    let error = form_error(record.value());
    view! {
        <h1>{t.meetings_title}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(MeetingsView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(MeetingsView { choice: SchoolChoice { schools, school: Some(school) }, meetings, students }) => view! {
                    {pipeline_links(m, Some(school))}
                    {school_filter(m, &schools, school)}
                    <details class="card" open=meetings.is_empty()>
                        <summary>{t.record_meeting}</summary>
                        <ActionForm action=record attr:id="meeting-form">
                            <input type="hidden" name="school" value=school.to_string()/>
                            {date_input("mt-on", "held_on", t.held_on, format::date(format::today()))}
                            <div class="field">
                                <label for="mt-attendees">{t.attendees}</label>
                                <textarea id="mt-attendees" name="attendees" rows="2"></textarea>
                            </div>
                            <fieldset>
                                <legend>{t.students_discussed}</legend>
                                {if students.is_empty() {
                                    view! { <p class="muted">{t.no_students_to_discuss}</p> }.into_any()
                                } else {
                                    students.iter().map(|s| {
                                        let id = format!("mt-s-{}", s.id);
                                        let note_id = format!("mt-n-{}", s.id);
                                        view! {
                                            <div class="discussed">
                                                <div class="field checkbox">
                                                    <input id=id.clone() type="checkbox" name="students[]" value=s.id.to_string()/>
                                                    <label for=id>{s.name.clone()}</label>
                                                </div>
                                                <input type="hidden" name="offered[]" value=s.id.to_string()/>
                                                <input id=note_id name="notes[]" type="text" maxlength="500" placeholder=t.student_note aria-label=format!("{}: {}", t.student_note, s.name)/>
                                            </div>
                                        }
                                    }).collect_view().into_any()
                                }}
                            </fieldset>
                            <div class="field">
                                <label for="mt-decisions">{t.decisions}</label>
                                <textarea id="mt-decisions" name="decisions" rows="3"></textarea>
                            </div>
                            <ErrorBanner m=m error=error/>
                            <button type="submit">{t.record_meeting}</button>
                        </ActionForm>
                    </details>
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
    let errors = [form_error(acts.watch.value()), form_error(acts.add.value()), form_error(acts.remove.value())];
    const WATCH_NAMES: [&str; 5] = ["assessment_every_months", "assessment_silence_days", "certificate_warning_days", "biography_rewrites", "task_horizon_days"];
    view! {
        <h1>{t.calendar_title}</h1>
        {errors.into_iter().map(|e| view! { <ErrorBanner m=m error=e/> }).collect_view()}
        {move || acts.watch.value().get().and_then(|r| r.ok()).map(|_| view! { <SuccessLine id="watch-saved">{t.saved}</SuccessLine> })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(CalendarView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(CalendarView { choice: SchoolChoice { schools, school: Some(school) }, year, watch: w, holidays: days }) => {
                    let values = [w.assessment_every_months, w.assessment_silence_days, w.certificate_warning_days, w.biography_rewrites, w.task_horizon_days];
                    view! {
                        {pipeline_links(m, Some(school))}
                        {school_filter(m, &schools, school)}
                        <section class="card">
                            <h2>{t.watch_title}</h2>
                            <ActionForm action=acts.watch attr:id="watch-form">
                                <input type="hidden" name="school" value=school.to_string()/>
                                {(0..5).map(|i| view! {
                                    <div class="field">
                                        <label for=format!("w-{i}")>{t.watch_fields[i]}</label>
                                        <input id=format!("w-{i}") name=WATCH_NAMES[i] type="text" inputmode="numeric" value=values[i].to_string()/>
                                    </div>
                                }).collect_view()}
                                {date_input("w-from", "valid_from", m.valid_from, format::date(format::today()))}
                                <button type="submit">{m.save}</button>
                            </ActionForm>
                        </section>
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
                                        <td>{h.name.clone().unwrap_or_else(|| t.default_holiday.to_string())}</td>
                                        <td>{if h.off { t.day_off } else { t.working_day }}</td>
                                        <td>{h.change_id.map(|id| view! {
                                            <ActionForm action=acts.remove attr:class="inline">
                                                <input type="hidden" name="change" value=id.to_string()/>
                                                <button type="submit" class="secondary">{t.remove_change}</button>
                                            </ActionForm>
                                        })}</td>
                                    </tr>
                                }).collect_view()}</tbody>
                            </table></div>
                            <ActionForm action=acts.add attr:id="holiday-form">
                                <input type="hidden" name="school" value=school.to_string()/>
                                <div class="field-row">
                                    {date_input("h-day", "day", t.day, String::new())}
                                    <div class="field">
                                        <label for="h-name">{t.holiday_name}</label>
                                        <input id="h-name" name="name" type="text"/>
                                    </div>
                                    <div class="field">
                                        <label for="h-kind">{t.holiday_kind}</label>
                                        <select id="h-kind" name="kind" aria-describedby="h-kind-hint">
                                            <option value="off">{t.day_off}</option>
                                            <option value="working">{t.working_day}</option>
                                        </select>
                                        <small id="h-kind-hint" class="hint">{t.working_day_hint}</small>
                                    </div>
                                </div>
                                <button type="submit" class="secondary">{t.add_holiday}</button>
                            </ActionForm>
                        </section>
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}

/// `/admin/rules`: the admission procedure's numbers per unit (administrators).
#[component]
pub fn RulesPage() -> impl IntoView {
    let unit_p = param("unit");
    let save: ServerAction<crate::api::SetProcedureRules> = form_action();
    let data: Res<RulesView> = Resource::new(move || (unit_p(), save.version().get()), |(unit, _)| rules_view(unit));
    view! { <WithUser render=move |page, _user| rules_page(page, data, save)/> }
}

fn rules_page(page: PageCtx, data: Res<RulesView>, save: ServerAction<crate::api::SetProcedureRules>) -> AnyView {
    let m = page.m;
    let t = m.mt;
    let error = form_error(save.value());
    const NAMES: [&str; 11] = [
        "min_age",
        "certificate_months",
        "document_months",
        "vote_numerator",
        "vote_denominator",
        "introducer_months",
        "youth_max_age",
        "decision_working_days",
        "ceremony_working_days",
        "probation_months",
        "recognition_working_days",
    ];
    view! {
        <h1>{t.rules_title}</h1>
        <p class="muted">{t.rules_hint}</p>
        <ErrorBanner m=m error=error/>
        {move || save.value().get().and_then(|r| r.ok()).map(|_| view! { <SuccessLine id="rules-saved">{t.saved}</SuccessLine> })}
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => view! { <p class="alert error" role="alert">{m.error(&e)}</p> }.into_any(),
                Ok(RulesView { unit: None, .. } | RulesView { procedure: None, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(RulesView { units, unit: Some(unit), procedure: Some(p) }) => {
                    let r = p.rules;
                    let values = [
                        r.min_age, r.certificate_months, r.document_months, r.vote_numerator, r.vote_denominator, r.introducer_months,
                        r.youth_max_age, r.decision_working_days, r.ceremony_working_days, r.probation_months, r.recognition_working_days,
                    ];
                    let options: Vec<(i64, String)> = units.iter().map(|u| (u.id, format!("{} ({})", u.name, m.unit_kind_label(&u.kind)))).collect();
                    view! {
                        {picker_filter(m, t.rules_unit, "r-unit", "unit", options, unit)}
                        <ActionForm action=save attr:id="rules-form" attr:class="card">
                            <input type="hidden" name="unit" value=unit.to_string()/>
                            {(0..11).map(|i| view! {
                                <div class="field">
                                    <label for=format!("r-{i}")>
                                        {t.procedure_fields[i]}
                                        // The vote's fraction is a reading not verified centrally (domain.md §3).
                                        {matches!(NAMES[i], "vote_numerator" | "vote_denominator").then(|| view! { " "<small class="hint">{t.unverified}</small> })}
                                    </label>
                                    <input id=format!("r-{i}") name=NAMES[i] type="text" inputmode="numeric" value=values[i].to_string()/>
                                </div>
                            }).collect_view()}
                            <div class="field checkbox">
                                <input id="r-month" name="age_by_month" type="checkbox" value="on" checked=r.age_by_month/>
                                <label for="r-month">{t.age_by_month}</label>
                            </div>
                            <div class="field checkbox">
                                <input id="r-committee" name="committee" type="checkbox" value="on" checked=p.committee/>
                                <label for="r-committee">{t.committee}</label>
                            </div>
                            <fieldset>
                                <legend>{t.required_documents}</legend>
                                {nguon_shared::pipeline::DOCUMENT_KINDS.iter().filter(|k| **k != "verification").map(|k| {
                                    let id = format!("r-doc-{k}");
                                    view! {
                                        <div class="field checkbox">
                                            <input id=id.clone() name="documents[]" type="checkbox" value=*k checked=r.required_documents.iter().any(|d| d == k)/>
                                            <label for=id>{m.document_kind(k)}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                            {date_input("r-from", "valid_from", m.valid_from, format::date(format::today()))}
                            <button type="submit">{m.save}</button>
                        </ActionForm>
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}
