//! School years, semesters and the grade roll-over (administrators).

use leptos::prelude::*;
use nguon_shared::views::organisation::{OrgView, YearsView};
use nguon_shared::views::RollOverSummary;
use nguon_shared::AppError;

/// `/admin/years`: the years and schools the user administers; with `year`
/// its classes, and with `class` the staff to choose its homeroom teacher from.
#[server(name = LoadYears, endpoint = "years_view")]
pub async fn years_view(year: String, class: String) -> Result<YearsView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let (year, class) = (optional_number("year", &year)?, optional_number("class", &class)?);
    nguon_domain::views::organisation::years(&state()?.db, &actor, year, class).await
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

/// `/admin/org`: the organisation tree; `unit` the one being changed, `school` the one whose links are shown.
#[server(name = LoadOrg, endpoint = "org_view")]
pub async fn org_view(unit: String, school: String) -> Result<OrgView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let (unit, school) = (optional_number("unit", &unit)?, optional_number("school", &school)?);
    nguon_domain::views::organisation::org(&state()?.db, &actor, unit, school).await
}

/// Adds a unit; dates `dd/mm/yyyy` or empty.
#[server(endpoint = "create_unit")]
pub async fn create_unit(kind: String, name: String, code: String, parent: i64, valid_from: String, valid_to: String) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::org_admin::{self, UnitInput};
    let result = async {
        let actor = actor().await?;
        let input = UnitInput {
            kind,
            name,
            code,
            parent_id: parent,
            valid_from: optional_date("valid_from", &valid_from)?,
            valid_to: optional_date("valid_to", &valid_to)?,
        };
        org_admin::create_unit(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input).await
    }
    .await;
    finish_form(result, Some("/admin/org"))
}

/// Renames, re-parents or closes a unit.
#[server(endpoint = "update_unit")]
pub async fn update_unit(unit: i64, name: String, code: String, parent: i64, valid_from: String, valid_to: String) -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::org_admin::{self, UnitInput};
    let result = async {
        let actor = actor().await?;
        let input = UnitInput {
            kind: String::new(),
            name,
            code,
            parent_id: parent,
            valid_from: optional_date("valid_from", &valid_from)?,
            valid_to: optional_date("valid_to", &valid_to)?,
        };
        org_admin::update_unit(&state()?.db, &actor, &audit_context(Some(actor.user_id)), unit, input).await
    }
    .await;
    finish_form(result, Some("/admin/org"))
}

/// From `valid_from` (`dd/mm/yyyy`), the school's `relation` is `target`.
#[server(endpoint = "set_school_link")]
pub async fn set_school_link(school: i64, relation: String, target: i64, valid_from: String) -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::org_admin;
    let result = async {
        let actor = actor().await?;
        let relation = org_admin::relation_from_code(&relation)
            .ok_or_else(|| AppError::invalid("relation", nguon_shared::ErrorCode::InvalidValue))?;
        let from = required_date("valid_from", &valid_from)?;
        org_admin::set_school_link(&state()?.db, &actor, &audit_context(Some(actor.user_id)), school, relation, target, from).await
    }
    .await;
    let back = format!("/admin/org?school={school}");
    finish_form(result, Some(&back))
}

/// Adds a class ("10A1") to a school year.
#[server(endpoint = "create_class")]
pub async fn create_class(year: i64, name: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::school_years::create_class(&state()?.db, &actor, &audit_context(Some(actor.user_id)), year, &name).await
    }
    .await;
    let back = format!("/admin/years?year={year}");
    finish_form(result, Some(&back))
}

/// Sets a class's homeroom teacher (`staff` empty: none).
#[server(endpoint = "set_homeroom")]
pub async fn set_homeroom(class: i64, staff: String) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let staff = match staff.trim() {
            "" => None,
            s => Some(s.parse::<i64>().map_err(|_| AppError::invalid("homeroom", nguon_shared::ErrorCode::InvalidValue))?),
        };
        nguon_domain::school_years::set_homeroom(&state()?.db, &actor, &audit_context(Some(actor.user_id)), class, staff).await
    }
    .await;
    finish_form(result, None)
}
