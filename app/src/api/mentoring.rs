//! Mentoring and follow-up: mentors' assessments, the task inbox, awareness
//! classes, joint Party–Union meetings, and the cell's settings (the
//! assessment schedule and flags, the holiday calendar).

use leptos::prelude::*;
use nguon_shared::mentoring::TaskView;
use nguon_shared::views::pipeline::{CalendarView, ClassesView, MeetingsView, RulesView};
use nguon_shared::AppError;

/// `/classes`: the awareness classes of a school and who may be enrolled.
#[server(name = LoadClasses, endpoint = "classes_view")]
pub async fn classes_view(school: String) -> Result<ClassesView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::pipeline::classes(&state()?.db, &actor, optional_number("school", &school)?, crate::format::today()).await
}

/// `/meetings`: the joint Party–Union meetings of a school.
#[server(name = LoadMeetings, endpoint = "meetings_view")]
pub async fn meetings_view(school: String) -> Result<MeetingsView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::pipeline::meetings(&state()?.db, &actor, optional_number("school", &school)?).await
}

/// `/calendar`: a school's reminder numbers and its holidays of a calendar year (`year` empty: this year).
#[server(name = LoadCalendar, endpoint = "calendar_view")]
pub async fn calendar_view(school: String, year: String) -> Result<CalendarView, AppError> {
    use super::context::*;
    use chrono::Datelike;
    let actor = actor().await?;
    let today = crate::format::today();
    let year = match optional_number::<i32>("year", &year)? {
        None => today.year(),
        Some(y) if (2000..=2100).contains(&y) => y,
        Some(_) => return Err(invalid_value("year")),
    };
    nguon_domain::views::pipeline::calendar(&state()?.db, &actor, optional_number("school", &school)?, year, today).await
}

/// `/admin/rules`: the admission procedure's numbers of a unit (`unit` empty: the first).
#[server(name = LoadRules, endpoint = "rules_view")]
pub async fn rules_view(unit: String) -> Result<RulesView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::pipeline::rules(&state()?.db, &actor, optional_number("unit", &unit)?, crate::format::today()).await
}

/// The current mentor writes an assessment on the structured template.
#[server(endpoint = "write_assessment")]
#[allow(clippy::too_many_arguments)]
pub async fn write_assessment(
    candidacy: i64,
    written_on: String,
    political: String,
    ethics: String,
    study: String,
    union_work: String,
    strengths: String,
    to_improve: String,
    recommendation: String,
) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::pipeline::mentoring::{write, NewAssessment};
    let result = async {
        let actor = actor().await?;
        let input = NewAssessment { written_on: required_date("written_on", &written_on)?, ratings: [political, ethics, study, union_work], strengths, to_improve, recommendation };
        write(&state()?.db, &actor, &audit_context(Some(actor.user_id)), candidacy, input, crate::format::today()).await
    }
    .await;
    finish_form(result, Some(&format!("/pipeline/{candidacy}")))
}

/// The user's tasks.
#[server(endpoint = "my_tasks")]
pub async fn my_tasks() -> Result<Vec<TaskView>, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::pipeline::tasks::my_tasks(&state()?.db, &actor, crate::format::today()).await
}

/// Records a class of the school's training centre.
#[server(endpoint = "create_awareness_class")]
pub async fn create_awareness_class(school: i64, name: String, starts_on: String, ends_on: String, capacity: String) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::pipeline::classes::{create, NewClass};
    let result = async {
        let actor = actor().await?;
        let input = NewClass { name, starts_on: required_date("starts_on", &starts_on)?, ends_on: required_date("ends_on", &ends_on)?, capacity: required_number("capacity", &capacity)? };
        create(&state()?.db, &actor, &audit_context(Some(actor.user_id)), school, input, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Enrols a candidate in a class.
#[server(endpoint = "enrol_in_class")]
pub async fn enrol_in_class(class: i64, candidacy: i64) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::pipeline::classes::enrol(&state()?.db, &actor, &audit_context(Some(actor.user_id)), class, candidacy, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Records a completed class and its certificate.
#[server(endpoint = "complete_class")]
pub async fn complete_class(enrolment: i64, number: String, issued_on: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let issued_on = required_date("issued_on", &issued_on)?;
        nguon_domain::pipeline::classes::complete(&state()?.db, &actor, &audit_context(Some(actor.user_id)), enrolment, &number, issued_on, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Records a joint meeting (`students[]` are the ticked students).
#[server(endpoint = "record_joint_meeting")]
#[allow(clippy::too_many_arguments)]
pub async fn record_joint_meeting(
    school: i64,
    held_on: String,
    attendees: String,
    decisions: String,
    students: Option<Vec<i64>>,
    offered: Option<Vec<i64>>,
    notes: Option<Vec<String>>,
) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::pipeline::meetings::{record, NewMeeting};
    let result = async {
        let actor = actor().await?;
        // The form sends a note for every student offered (`offered[]` and `notes[]`
        // side by side) and the ticked ones in `students[]`.
        let (offered, notes) = (offered.unwrap_or_default(), notes.unwrap_or_default());
        if offered.len() != notes.len() {
            return Err(invalid_value("notes"));
        }
        let notes: std::collections::HashMap<i64, String> = offered.into_iter().zip(notes).collect();
        let students = students.unwrap_or_default().into_iter().map(|id| (id, notes.get(&id).cloned().unwrap_or_default())).collect();
        let input = NewMeeting { held_on: required_date("held_on", &held_on)?, attendees, decisions, students };
        record(&state()?.db, &actor, &audit_context(Some(actor.user_id)), school, input, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Sets the school's follow-up rule from a day.
#[server(endpoint = "set_watch_rules")]
#[allow(clippy::too_many_arguments)]
pub async fn set_watch_rules(
    school: i64,
    assessment_every_months: String,
    assessment_silence_days: String,
    certificate_warning_days: String,
    biography_rewrites: String,
    task_horizon_days: String,
    valid_from: String,
) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let w = nguon_shared::mentoring::WatchRules {
            assessment_every_months: required_number("assessment_every_months", &assessment_every_months)?,
            assessment_silence_days: required_number("assessment_silence_days", &assessment_silence_days)?,
            certificate_warning_days: required_number("certificate_warning_days", &certificate_warning_days)?,
            biography_rewrites: required_number("biography_rewrites", &biography_rewrites)?,
            task_horizon_days: required_number("task_horizon_days", &task_horizon_days)?,
        };
        let from = required_date("valid_from", &valid_from)?;
        nguon_domain::pipeline::settings::set_watch(&state()?.db, &actor, &audit_context(Some(actor.user_id)), school, w, from).await
    }
    .await;
    finish_form(result, None)
}

/// Records a day off (`kind` = `off`) or a default holiday made a working day (`working`).
#[server(endpoint = "add_holiday")]
pub async fn add_holiday(school: i64, day: String, name: String, kind: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let off = match kind.as_str() {
            "off" => true,
            "working" => false,
            _ => return Err(invalid_value("kind")),
        };
        let day = required_date("day", &day)?;
        nguon_domain::pipeline::settings::set_holiday(&state()?.db, &actor, &audit_context(Some(actor.user_id)), school, day, &name, off, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Removes a recorded change to the calendar.
#[server(endpoint = "remove_holiday")]
pub async fn remove_holiday(change: i64) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::pipeline::settings::remove_holiday(&state()?.db, &actor, &audit_context(Some(actor.user_id)), change).await
    }
    .await;
    finish_form(result, None)
}

/// Sets the admission procedure's rules at a unit from a day (`age_by_month`, `committee` and the
/// `documents[]` a cell vote needs are checkboxes).
#[server(endpoint = "set_procedure_rules")]
#[allow(clippy::too_many_arguments)]
pub async fn set_procedure_rules(
    unit: i64,
    min_age: String,
    age_by_month: Option<String>,
    certificate_months: String,
    document_months: String,
    vote_numerator: String,
    vote_denominator: String,
    introducer_months: String,
    youth_max_age: String,
    decision_working_days: String,
    ceremony_working_days: String,
    probation_months: String,
    recognition_working_days: String,
    committee: Option<String>,
    documents: Option<Vec<String>>,
    valid_from: String,
) -> Result<(), AppError> {
    use super::context::*;
    use nguon_shared::pipeline::{PipelineRules, ProcedureView};
    let result = async {
        let actor = actor().await?;
        let rules = PipelineRules {
            min_age: required_number("min_age", &min_age)?,
            age_by_month: age_by_month.is_some(),
            certificate_months: required_number("certificate_months", &certificate_months)?,
            document_months: required_number("document_months", &document_months)?,
            vote_numerator: required_number("vote_numerator", &vote_numerator)?,
            vote_denominator: required_number("vote_denominator", &vote_denominator)?,
            introducer_months: required_number("introducer_months", &introducer_months)?,
            youth_max_age: required_number("youth_max_age", &youth_max_age)?,
            decision_working_days: required_number("decision_working_days", &decision_working_days)?,
            ceremony_working_days: required_number("ceremony_working_days", &ceremony_working_days)?,
            probation_months: required_number("probation_months", &probation_months)?,
            recognition_working_days: required_number("recognition_working_days", &recognition_working_days)?,
            required_documents: documents.unwrap_or_default(),
        };
        let from = required_date("valid_from", &valid_from)?;
        let view = ProcedureView { rules, committee: committee.is_some() };
        nguon_domain::pipeline::settings::set_procedure(&state()?.db, &actor, &audit_context(Some(actor.user_id)), unit, view, from).await
    }
    .await;
    finish_form(result, None)
}
