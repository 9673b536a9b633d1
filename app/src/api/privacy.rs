//! Personal-data duties: the register of data-subject requests, a
//! student's page (requests, correction, erasure), the export, the numbers.

use leptos::prelude::*;
use nguon_shared::privacy::StudentExport;
use nguon_shared::views::privacy::{PrivacyStudentView, PrivacyView};
use nguon_shared::AppError;

/// `/privacy`: a school's register and the search for a student.
#[server(name = LoadPrivacy, endpoint = "privacy_view")]
pub async fn privacy_view(school: String, q: String) -> Result<PrivacyView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let q = search_text(&q)?;
    nguon_domain::views::privacy::register(&state()?.db, &actor, optional_number("school", &school)?, &q, crate::format::today()).await
}

/// `/privacy/student/:id`: one student's requests, identity and erasure.
#[server(name = LoadPrivacyStudent, endpoint = "privacy_student_view")]
pub async fn privacy_student_view(student: i64) -> Result<PrivacyStudentView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::privacy::student(&state()?.db, &actor, student, crate::format::today()).await
}

/// `/privacy/student/:id/export`: everything held about the student (producing it is logged).
#[server(name = LoadStudentExport, endpoint = "student_export_view")]
pub async fn student_export_view(student: i64) -> Result<StudentExport, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::privacy::export::export(&state()?.db, &actor, &audit_context(Some(actor.user_id)), student).await
}

/// Records a data-subject request about a student.
#[server(endpoint = "record_data_request")]
pub async fn record_data_request(student: i64, requester: String, requester_name: String, kind: String, details: String, received_on: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let input = nguon_domain::privacy::rules::RequestInput { requester, requester_name, kind, details, received_on: required_date("received_on", &received_on)? };
        nguon_domain::privacy::requests::record(&state()?.db, &actor, &audit_context(Some(actor.user_id)), student, input, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Records the answer to a request (`consent`: the consent a withdrawal ends).
#[server(endpoint = "answer_data_request")]
pub async fn answer_data_request(request: i64, answered_on: String, answer: String, consent: Option<String>) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let input = nguon_domain::privacy::requests::AnswerInput {
            answered_on: required_date("answered_on", &answered_on)?,
            answer,
            consent_id: optional_number("consent", consent.as_deref().unwrap_or(""))?,
        };
        nguon_domain::privacy::requests::answer(&state()?.db, &actor, &audit_context(Some(actor.user_id)), request, input, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Corrects a student's identity fields; returns how many changed.
#[server(endpoint = "correct_student")]
#[allow(clippy::too_many_arguments)]
pub async fn correct_student(
    student: i64,
    code: String,
    family_name: String,
    middle_name: String,
    given_name: String,
    date_of_birth: String,
    gender: String,
    ethnicity: Option<String>,
    religion: Option<String>,
    hometown_commune: String,
    hometown_province: String,
    residence_commune: String,
    residence_province: String,
    guardian_name: String,
    guardian_phone: String,
) -> Result<u32, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let input = nguon_shared::privacy::StudentIdentity {
            id: student,
            code,
            family_name,
            middle_name,
            given_name,
            date_of_birth: Some(required_date("date_of_birth", &date_of_birth)?),
            gender,
            ethnicity: ethnicity.unwrap_or_default(),
            religion: religion.unwrap_or_default(),
            hometown_commune,
            hometown_province,
            residence_commune,
            residence_province,
            guardian_name,
            guardian_phone,
        };
        nguon_domain::privacy::identity::correct(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input, crate::format::today()).await
    }
    .await;
    finish_form(result, None)
}

/// Proposes the anonymisation of a student, with a reason.
#[server(endpoint = "propose_erasure")]
pub async fn propose_erasure(student: i64, reason: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::privacy::erasure::propose(&state()?.db, &actor, &audit_context(Some(actor.user_id)), student, &reason).await
    }
    .await;
    finish_form(result, None)
}

/// A second person confirms a proposed anonymisation (`understood` ticked).
#[server(endpoint = "confirm_erasure")]
pub async fn confirm_erasure(erasure: i64, understood: Option<String>) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::privacy::erasure::confirm(&state()?.db, &actor, &audit_context(Some(actor.user_id)), erasure, understood.is_some()).await
    }
    .await;
    finish_form(result, None)
}

/// Cancels a proposed anonymisation.
#[server(endpoint = "cancel_erasure")]
pub async fn cancel_erasure(erasure: i64) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::privacy::erasure::cancel(&state()?.db, &actor, &audit_context(Some(actor.user_id)), erasure).await
    }
    .await;
    finish_form(result, None)
}

/// Sets the personal-data numbers at a school from a day.
#[server(endpoint = "set_privacy_rules")]
pub async fn set_privacy_rules(school: i64, answer_working_days: String, retention_years: String, valid_from: String) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let r = nguon_shared::privacy::PrivacyRules {
            answer_working_days: required_number("answer_working_days", &answer_working_days)?,
            retention_years: required_number("retention_years", &retention_years)?,
        };
        let from = required_date("valid_from", &valid_from)?;
        nguon_domain::privacy::settings::set(&state()?.db, &actor, &audit_context(Some(actor.user_id)), school, r, from).await
    }
    .await;
    finish_form(result, None)
}
