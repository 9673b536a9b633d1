//! Study and conduct results, the union classification, outstanding-student
//! criteria and proposals, a student's profile.

use leptos::prelude::*;
use nguon_shared::merit::ProfileView;
#[cfg(feature = "ssr")]
use nguon_shared::merit::ClassificationThresholds;
use nguon_shared::views::merit::{ClassificationView, OutstandingPageView, ResultsView};
use nguon_shared::AppError;

/// `/ledger/results`: a class's results for a period (`period` 1, 2, or 0 for the year).
#[server(name = LoadResults, endpoint = "results_view")]
pub async fn results_view(year: String, class: String, period: i16) -> Result<ResultsView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    if !(0..=2).contains(&period) {
        return Err(invalid_value("period"));
    }
    let (year, class) = (optional_number("year", &year)?, optional_number("class", &class)?);
    nguon_domain::views::merit::results(&state()?.db, &actor, year, class, period, crate::format::today()).await
}

/// `/ledger/classification`: a class's union classification and the year's thresholds.
#[server(name = LoadClassification, endpoint = "classification_view")]
pub async fn classification_view(year: String, class: String) -> Result<ClassificationView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let (year, class) = (optional_number("year", &year)?, optional_number("class", &class)?);
    nguon_domain::views::merit::classification(&state()?.db, &actor, year, class, crate::format::today()).await
}

/// `/ledger/outstanding`: the outstanding-student lists, `q` a name search,
/// `show_q` and `show_s` how many of each list to show.
#[server(name = LoadOutstanding, endpoint = "outstanding_view")]
pub async fn outstanding_view(year: String, q: String, show_q: u32, show_s: u32) -> Result<OutstandingPageView, AppError> {
    use super::context::*;
    use nguon_domain::views::merit::{outstanding, OutstandingQuery};
    let actor = actor().await?;
    let query = OutstandingQuery { year: optional_number("year", &year)?, search: search_text(&q)?, qualifying: show_q as usize, one_short: show_s as usize };
    outstanding(&state()?.db, &actor, query, crate::format::today()).await
}

/// An optional code field (empty: none).
#[cfg(feature = "ssr")]
fn optional_code(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

/// Saves a class's results: parallel lists `student[]`, `study[]`, `conduct[]`.
#[server(endpoint = "save_results")]
pub async fn save_results(
    year: i64,
    period: i16,
    student: Option<Vec<i64>>,
    study: Option<Vec<String>>,
    conduct: Option<Vec<String>>,
) -> Result<u32, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let (student, study, conduct) = (student.unwrap_or_default(), study.unwrap_or_default(), conduct.unwrap_or_default());
        if student.len() != study.len() || student.len() != conduct.len() {
            return Err(invalid_value("student"));
        }
        let rows: Vec<(i64, String, String)> = student.into_iter().zip(study).zip(conduct).map(|((s, a), b)| (s, a, b)).collect();
        nguon_domain::merit::results::record(&state()?.db, &actor, &audit_context(Some(actor.user_id)), year, period, &rows).await
    }
    .await;
    finish_form(result, None)
}

/// Confirms classifications: parallel lists `student[]`, `level[]`.
#[server(endpoint = "confirm_classification")]
pub async fn confirm_classification(year: i64, student: Option<Vec<i64>>, level: Option<Vec<String>>) -> Result<u32, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let (student, level) = (student.unwrap_or_default(), level.unwrap_or_default());
        if student.len() != level.len() {
            return Err(invalid_value("student"));
        }
        let rows: Vec<(i64, String)> = student.into_iter().zip(level).collect();
        nguon_domain::merit::classification::confirm(&state()?.db, &actor, &audit_context(Some(actor.user_id)), year, &rows).await
    }
    .await;
    finish_form(result, None)
}

/// Sets the classification thresholds from the start of a year.
#[server(endpoint = "set_classification_thresholds")]
#[allow(clippy::too_many_arguments)]
pub async fn set_classification_thresholds(
    year: i64,
    excellent_points: String,
    excellent_study: String,
    excellent_conduct: String,
    good_points: String,
    good_study: String,
    good_conduct: String,
    complete_points: String,
    complete_study: String,
    complete_conduct: String,
) -> Result<(), AppError> {
    use super::context::*;
    use nguon_shared::merit::LevelThreshold;
    let result = async {
        let actor = actor().await?;
        let level = |field: &str, points: &str, study: &str, conduct: &str| -> Result<LevelThreshold, AppError> {
            Ok(LevelThreshold {
                min_points: required_number(field, points)?,
                min_study: optional_code(study),
                min_conduct: optional_code(conduct),
            })
        };
        let t = ClassificationThresholds {
            excellent: level("excellent_points", &excellent_points, &excellent_study, &excellent_conduct)?,
            good: level("good_points", &good_points, &good_study, &good_conduct)?,
            complete: level("complete_points", &complete_points, &complete_study, &complete_conduct)?,
        };
        nguon_domain::merit::classification::set_thresholds(&state()?.db, &actor, &audit_context(Some(actor.user_id)), year, t).await
    }
    .await;
    finish_form(result, None)
}

/// Sets a school's outstanding-student criteria from the start of a year.
/// Empty fields switch a criterion off; `union_member` is a checkbox.
#[server(endpoint = "set_outstanding_criteria")]
#[allow(clippy::too_many_arguments)]
pub async fn set_outstanding_criteria(
    year: i64,
    conduct: String,
    study: String,
    top_percent: String,
    min_points: String,
    union_member: Option<String>,
    min_age: String,
    min_classification: String,
) -> Result<(), AppError> {
    use super::context::*;
    use nguon_shared::merit::OutstandingCriteria;
    let result = async {
        let actor = actor().await?;
        let c = OutstandingCriteria {
            conduct_every_semester: optional_code(&conduct),
            study_every_semester: optional_code(&study),
            top_percent_of_grade: optional_number("top_percent_of_grade", &top_percent)?,
            min_points: optional_number("min_points", &min_points)?,
            union_member: union_member.is_some(),
            min_age: optional_number("min_age", &min_age)?,
            min_classification: optional_code(&min_classification),
        };
        nguon_domain::merit::outstanding::set_criteria(&state()?.db, &actor, &audit_context(Some(actor.user_id)), year, c).await
    }
    .await;
    finish_form(result, None)
}

/// Proposes the ticked students (`students[]`) to the source pool, with a reason.
#[server(endpoint = "propose_students")]
pub async fn propose_students(year: i64, students: Option<Vec<i64>>, reason: String) -> Result<u32, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let ids = students.unwrap_or_default();
        nguon_domain::merit::outstanding::propose(&state()?.db, &actor, &audit_context(Some(actor.user_id)), year, &ids, &reason, crate::format::today())
            .await
    }
    .await;
    finish_form(result, None)
}

/// A student's profile and timeline.
#[server(endpoint = "student_profile")]
pub async fn student_profile(student: i64) -> Result<ProfileView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::merit::profile::profile(&state()?.db, &actor, &audit_context(Some(actor.user_id)), student, crate::format::today()).await
}
