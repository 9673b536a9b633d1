//! `/classes`: the awareness classes of the school's training centre.

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
use crate::api::{classes_view, CompleteClass, CreateAwarenessClass, EnrolInClass};
use nguon_shared::mentoring::AwarenessClassView;
use nguon_shared::pipeline::CandidateCard;
use nguon_shared::views::pipeline::ClassesView;
use nguon_shared::views::{CurrentUserView, SchoolChoice};

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

/// A row form (one per enrolment or class): compact inputs, the refusal above them.
fn class_card(m: &'static Messages, c: AwarenessClassView, waiting: &[CandidateCard], acts: ClassActions) -> AnyView {
    let t = m.mt;
    let open = c.taken < c.capacity && c.ends_on >= format::today();
    let started = c.starts_on <= format::today();
    let cid = c.id;
    let options: Vec<(String, String)> = waiting.iter().map(|w| (w.id.to_string(), w.name.clone())).collect();
    let enrolments = c
        .enrolments
        .into_iter()
        .map(|e| {
            let complete = (started && e.certificate.is_none()).then(|| {
                let eid = e.id.to_string();
                let fi = FormInputs::new::<CompleteClass>(m, format!("cc-{eid}"), Some(("enrolment", eid.clone())));
                let fields = view! {
                    {fi.text("number", m.certificate_number, String::new())}
                    {fi.date("issued_on", m.issued_on, format::date(format::today()))}
                };
                let summary = fi.summary();
                view! {
                    {summary}
                    <ActionForm action=acts.complete attr:class="row-form complete-form">
                        <input type="hidden" name="enrolment" value=eid/>
                        {fields}
                        <button type="submit" class="secondary">{t.complete}</button>
                    </ActionForm>
                }
            });
            view! {
                <li>
                    <a href=format!("/pipeline/{}", e.candidacy_id)>{e.name.clone()}</a>
                    {e.certificate.clone().map(|(n, issued, until)| view! { " — "{fill(t.completed_line, &[("n", &n), ("date", &format::date(issued)), ("until", &format::date(until))])} })}
                    {complete}
                </li>
            }
        })
        .collect_view();
    let enrol = (open && !options.is_empty()).then(|| {
        let fi = FormInputs::new::<EnrolInClass>(m, format!("en-{cid}"), Some(("class", cid.to_string())));
        let field = fi.select("candidacy", t.candidate, options, None);
        let summary = fi.summary();
        view! {
            {summary}
            <ActionForm action=acts.enrol attr:class="row-form enrol-form">
                <input type="hidden" name="class" value=cid.to_string()/>
                {field}
                <button type="submit" class="secondary">{t.enrol}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="card class" id=format!("class-{cid}")>
            <strong>{c.name.clone()}</strong>
            " "<span class="muted">{format!("{} – {}", format::date(c.starts_on), format::date(c.ends_on))}</span>
            <br/><small>{fill(t.places_line, &[("taken", &c.taken.to_string()), ("capacity", &c.capacity.to_string())])}</small>
            <ul class="enrolments">{enrolments}</ul>
            {enrol}
        </li>
    }
    .into_any()
}

/// The form to open a new class at the school's training centre.
fn create_form(m: &'static Messages, school: i64, create: ServerAction<CreateAwarenessClass>) -> AnyView {
    let t = m.mt;
    let fi = FormInputs::new::<CreateAwarenessClass>(m, "cl", None);
    let fields = view! {
        {fi.text("name", t.class_name, String::new())}
        <div class="field-row">
            {fi.date("starts_on", t.starts_on, String::new())}
            {fi.date("ends_on", t.ends_on, String::new())}
            {fi.number("capacity", t.capacity, "40".to_string())}
        </div>
    };
    let (open, summary) = (fi.refused(), fi.summary());
    view! {
        <details class="card" open=open>
            <summary>{t.create_class}</summary>
            <ActionForm action=create attr:id="class-form">
                {summary}
                <input type="hidden" name="school" value=school.to_string()/>
                {fields}
                <button type="submit">{t.create_class}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

fn classes_page(page: PageCtx, _user: CurrentUserView, data: Res<ClassesView>, acts: ClassActions) -> AnyView {
    let m = page.m;
    let t = m.mt;
    view! {
        <h1>{t.classes_title}</h1>
        <Transition fallback=move || view! { <p>{m.loading}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::components::form::load_error(m, &e),
                Ok(ClassesView { choice: SchoolChoice { school: None, .. }, .. }) => view! { <p class="muted">{m.no_years}</p> }.into_any(),
                Ok(ClassesView { choice: SchoolChoice { schools, school: Some(school) }, classes, waiting }) => {
                    view! {
                    {pipeline_links(m, &page.info.nav, Some(school))}
                    {school_filter(m, &schools, school)}
                    {if classes.is_empty() {
                        view! { <p class="muted" id="no-classes">{t.no_classes}" "{t.no_centre}</p> }.into_any()
                    } else {
                        view! {
                            <p>{t.centre}": "<strong>{classes[0].centre.clone()}</strong></p>
                            <ul class="classes" id="classes">{classes.into_iter().map(|c| class_card(m, c, &waiting, acts)).collect_view()}</ul>
                        }.into_any()
                    }}
                    {create_form(m, school, acts.create)}
                    }.into_any()
                }
            })}
        </Transition>
    }
    .into_any()
}
