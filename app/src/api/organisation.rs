//! School years, semesters and the grade roll-over (administrators).

use leptos::prelude::*;
use nguon_shared::views::{RollOverSummary, SchoolOption, SchoolYearView};
use nguon_shared::AppError;

/// Schools the user administers.
#[server(endpoint = "admin_schools")]
pub async fn admin_schools() -> Result<Vec<SchoolOption>, AppError> {
    use super::context::*;
    use nguon_domain::{org, policy::Permission};
    let actor = actor().await?;
    org::schools_in_scope(&state()?.db, &actor, Permission::ManageOrganisation).await
}

/// School years of the schools the user administers, newest first.
#[server(endpoint = "school_years")]
pub async fn school_years() -> Result<Vec<SchoolYearView>, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::school_years::list(&state()?.db, &actor).await
}

/// Creates a school year; dates are `dd/mm/yyyy`.
#[server(endpoint = "create_school_year")]
pub async fn create_school_year(
    school: i64,
    starts_on: String,
    second_semester_on: String,
    ends_on: String,
) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::school_years::{self, NewSchoolYear};
    let result = async {
        let actor = actor().await?;
        let input = NewSchoolYear {
            school_id: school,
            starts_on: required_date("starts_on", &starts_on)?,
            second_semester_on: required_date("second_semester_on", &second_semester_on)?,
            ends_on: required_date("ends_on", &ends_on)?,
        };
        school_years::create(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input).await
    }
    .await;
    finish_form(result, Some("/admin/years?created=1"))
}

/// Moves every student of `from_year` up a grade into `to_year`.
#[server(endpoint = "roll_over_year")]
pub async fn roll_over_year(from_year: i64, to_year: i64) -> Result<RollOverSummary, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::school_years::roll_over(&state()?.db, &actor, &audit_context(Some(actor.user_id)), from_year, to_year)
            .await
    }
    .await;
    let done = result.as_ref().ok().map(|s| format!("/admin/years?moved={}&graduated={}", s.students_moved, s.graduated));
    finish_form(result, done.as_deref())
}
