//! Oversight: the dashboard, the plans and their targets.

use leptos::prelude::*;
use nguon_shared::views::oversight::{DashboardView, PlansView};
use nguon_shared::AppError;

/// `/oversight`: progress of the schools in scope; `period` is `year`,
/// `last_year`, `ytd` or `custom` (with `from` and `to`, dd/mm/yyyy);
/// `school` drills into one school.
#[server(name = LoadDashboard, endpoint = "dashboard_view")]
pub async fn dashboard_view(period: String, from: String, to: String, school: String) -> Result<DashboardView, AppError> {
    use super::context::*;
    use nguon_domain::views::oversight::dashboard;
    let actor = actor().await?;
    let query = super::queries::dashboard(&period, &from, &to, &school)?;
    dashboard(&state()?.db, &actor, &audit_context(Some(actor.user_id)), query, crate::format::today()).await
}

/// `/oversight/plans`: the plans over the user's scope; with `plan` its targets for `year`.
#[server(name = LoadPlans, endpoint = "plans_view")]
pub async fn plans_view(plan: String, year: String) -> Result<PlansView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let (plan, year) = (optional_number("plan", &plan)?, optional_number("year", &year)?);
    nguon_domain::views::oversight::plans_page(&state()?.db, &actor, plan, year, crate::format::today()).await
}

/// Records a plan: issuer, number, date of issue, title, scope; optionally
/// its first day in force and the plan it replaces.
#[server(endpoint = "create_plan")]
#[allow(clippy::too_many_arguments)]
pub async fn create_plan(
    issuer: i64,
    number: String,
    issued_on: String,
    title: String,
    scope: i64,
    in_force_from: String,
    replaces: String,
) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::oversight::plans::{self, NewPlan};
    let result = async {
        let actor = actor().await?;
        let input = NewPlan {
            issuer_unit_id: issuer,
            number,
            issued_on: required_date("issued_on", &issued_on)?,
            title,
            scope_unit_id: scope,
            in_force_from: optional_date("in_force_from", &in_force_from)?,
            replaces_plan_id: optional_number("replaces", &replaces)?,
        };
        plans::create(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input).await
    }
    .await;
    let back = result.as_ref().ok().map(|id| format!("/oversight/plans?plan={id}#targets"));
    finish_form(result, back.as_deref())
}

/// Corrects a plan's number, date of issue, title or first day in force.
#[server(endpoint = "update_plan")]
pub async fn update_plan(plan: i64, number: String, issued_on: String, title: String, in_force_from: String) -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::oversight::plans::{self, PlanFields};
    let result = async {
        let actor = actor().await?;
        let input = PlanFields { number, issued_on: required_date("issued_on", &issued_on)?, title, in_force_from: optional_date("in_force_from", &in_force_from)? };
        plans::update(&state()?.db, &actor, &audit_context(Some(actor.user_id)), plan, input).await
    }
    .await;
    finish_form(result, None)
}

/// A successor `body` carries `plan` on from `from` (dd/mm/yyyy).
#[server(endpoint = "adopt_plan")]
pub async fn adopt_plan(plan: i64, body: i64, from: String) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let from = required_date("from", &from)?;
        nguon_domain::oversight::plans::adopt(&state()?.db, &actor, &audit_context(Some(actor.user_id)), plan, body, from).await
    }
    .await;
    finish_form(result, Some("/oversight/plans"))
}

/// Sets a plan's targets for `year`: parallel lists `unit[]`,
/// `new_members[]`, `student_members[]`, `trainees[]` (empty: no target).
#[server(endpoint = "set_plan_targets")]
pub async fn set_plan_targets(
    plan: i64,
    year: String,
    unit: Option<Vec<i64>>,
    new_members: Option<Vec<String>>,
    student_members: Option<Vec<String>>,
    trainees: Option<Vec<String>>,
) -> Result<u32, AppError> {
    use super::context::*;
    use nguon_domain::oversight::plans::{self, TargetInput};
    use nguon_shared::views::oversight::TargetFigures;
    let result = async {
        let actor = actor().await?;
        let year: i32 = required_number("year", &year)?;
        let (unit, all, students, trainees) = (unit.unwrap_or_default(), new_members.unwrap_or_default(), student_members.unwrap_or_default(), trainees.unwrap_or_default());
        if unit.len() != all.len() || unit.len() != students.len() || unit.len() != trainees.len() {
            return Err(invalid_value("unit"));
        }
        let mut lines = Vec::with_capacity(unit.len());
        for (i, id) in unit.iter().enumerate() {
            lines.push(TargetInput {
                unit_id: *id,
                figures: TargetFigures {
                    new_members: optional_number(&format!("new_members_{id}"), &all[i])?,
                    student_members: optional_number(&format!("student_members_{id}"), &students[i])?,
                    trainees: optional_number(&format!("trainees_{id}"), &trainees[i])?,
                },
            });
        }
        plans::set_targets(&state()?.db, &actor, &audit_context(Some(actor.user_id)), plan, year, lines).await
    }
    .await;
    finish_form(result, None)
}

/// Sets the oversight numbers at a body (`unit`) from `valid_from`: days in
/// one stage before a candidacy counts as stalled, and the smallest count a
/// breakdown shows.
#[server(endpoint = "set_oversight_rules")]
pub async fn set_oversight_rules(unit: i64, stalled_after_days: String, smallest_shown: String, valid_from: String) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let rules = nguon_shared::oversight::OversightRules {
            stalled_after_days: required_number("stalled_after_days", &stalled_after_days)?,
            smallest_shown: required_number("smallest_shown", &smallest_shown)?,
        };
        let from = required_date("valid_from", &valid_from)?;
        nguon_domain::oversight::plans::set_rules(&state()?.db, &actor, &audit_context(Some(actor.user_id)), unit, rules, from).await
    }
    .await;
    finish_form(result, Some("/oversight/plans?rules=1#oversight-rules"))
}
