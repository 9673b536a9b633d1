//! The emulation ledger: catalogue, logging, review, rankings, a student's lines.

use leptos::prelude::*;
use nguon_shared::ledger::LogResult;
use nguon_shared::views::ledger::{CatalogueView, LeaderboardView, LogView, ReviewView, StudentLedgerView};
use nguon_shared::AppError;

/// `/ledger`: the leaderboard. `year` empty (the current year) or an id;
/// `scope`: `school`, `grade:10`, `class:<id>`; `semester` empty, 1 or 2;
/// `category` empty or an id; `q` a name search; `show` how many ranks.
#[server(name = LoadLeaderboard, endpoint = "leaderboard_view")]
pub async fn leaderboard_view(year: String, scope: String, semester: String, category: String, q: String, show: u32) -> Result<LeaderboardView, AppError> {
    use super::context::*;
    use nguon_domain::views::ledger::leaderboard;
    let actor = actor().await?;
    let query = super::queries::leaderboard(&year, &scope, &semester, &category, &q, show as usize)?;
    leaderboard(&state()?.db, &actor, query, crate::format::today()).await
}

/// `/ledger/log`: logging for a class of a year (`class` empty until one is chosen).
#[server(name = LoadLog, endpoint = "log_view")]
pub async fn log_view(year: String, class: String) -> Result<LogView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let ctx = audit_context(Some(actor.user_id));
    let (year, class) = (optional_number("year", &year)?, optional_number("class", &class)?);
    nguon_domain::views::ledger::log(&state()?.db, &actor, &ctx, year, class, crate::format::today()).await
}

/// `/ledger/review`: the entries of the year's school waiting for the user's review (others' only).
#[server(name = LoadReview, endpoint = "review_view")]
pub async fn review_view(year: String, show: u32) -> Result<ReviewView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::ledger::review(&state()?.db, &actor, optional_number("year", &year)?, show as usize, crate::format::today()).await
}

/// `/ledger/activities`: a year's activity catalogue.
#[server(name = LoadCatalogue, endpoint = "catalogue_view")]
pub async fn catalogue_view(year: String) -> Result<CatalogueView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::ledger::catalogue(&state()?.db, &actor, optional_number("year", &year)?, crate::format::today()).await
}

/// `/ledger/students/:id`: every line behind a student's totals for a year.
#[server(name = LoadStudentLedger, endpoint = "student_ledger_view")]
pub async fn student_ledger_view(student: i64, year: String, show: u32) -> Result<StudentLedgerView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    let year = optional_number("year", &year)?;
    nguon_domain::views::ledger::student_lines(&state()?.db, &actor, student, year, show as usize, crate::format::today()).await
}

/// Adds a category to the school of `year`.
#[server(endpoint = "create_category")]
pub async fn create_category(year: i64, name: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let st = state()?;
        let school = nguon_domain::ledger::school_of_year(&st.db, year).await?;
        nguon_domain::ledger::create_category(&st.db, &actor, &audit_context(Some(actor.user_id)), school, &name).await
    }
    .await;
    finish_form(result, Some(&format!("/ledger/activities?year={year}")))
}

/// Adds an activity. `rule`: `fixed`, `deduction` or `by_level`; `points`
/// for the first two; `levels` one "label = points" per line for the last.
#[server(endpoint = "create_activity")]
#[allow(clippy::too_many_arguments)]
pub async fn create_activity(
    year: i64,
    category: i64,
    name: String,
    starts_on: String,
    ends_on: String,
    organiser: String,
    rule: String,
    points: String,
    levels: String,
) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::ledger::{self, NewActivity, RuleInput};
    use nguon_shared::ErrorCode;
    let result = async {
        let actor = actor().await?;
        let bad_points = || AppError::invalid("points", ErrorCode::InvalidValue);
        let rule = match rule.as_str() {
            "fixed" => RuleInput::Fixed(points.trim().parse().map_err(|_| bad_points())?),
            "deduction" => RuleInput::Deduction(points.trim().parse().map_err(|_| bad_points())?),
            "by_level" => RuleInput::ByLevel(
                levels
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| {
                        let (label, p) = l.rsplit_once('=').ok_or_else(|| AppError::invalid("levels", ErrorCode::InvalidValue))?;
                        let p = p.trim().parse::<i32>().map_err(|_| AppError::invalid("levels", ErrorCode::InvalidValue))?;
                        Ok((label.trim().to_string(), p))
                    })
                    .collect::<Result<Vec<_>, AppError>>()?,
            ),
            _ => return Err(AppError::invalid("rule", ErrorCode::InvalidValue)),
        };
        let ends_on = optional_date("ends_on", &ends_on)?;
        let input = NewActivity {
            school_year_id: year,
            category_id: category,
            name,
            starts_on: required_date("starts_on", &starts_on)?,
            ends_on,
            organiser,
            rule,
        };
        ledger::create_activity(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input).await
    }
    .await;
    finish_form(result, Some(&format!("/ledger/activities?year={year}")))
}

/// Copies a year's catalogue into another year of the same school.
#[server(endpoint = "copy_catalogue")]
pub async fn copy_catalogue(from_year: i64, to_year: i64) -> Result<u32, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::ledger::copy_catalogue(&state()?.db, &actor, &audit_context(Some(actor.user_id)), from_year, to_year).await
    }
    .await;
    finish_form(result, Some(&format!("/ledger/activities?year={to_year}")))
}

/// Logs an activity for the ticked students (`students[]`), in one transaction.
#[server(endpoint = "log_activity")]
pub async fn log_activity(
    request_key: String,
    activity: i64,
    level: String,
    students: Option<Vec<i64>>,
    occurred_on: String,
    evidence: String,
    repeat: Option<String>,
    back: Option<String>,
) -> Result<LogResult, AppError> {
    use super::context::*;
    use nguon_domain::ledger::{self, LogInput};
    let result = async {
        let actor = actor().await?;
        let level = match level.trim() {
            "" => None,
            l => Some(l.parse::<i64>().map_err(|_| AppError::invalid("level", nguon_shared::ErrorCode::InvalidValue))?),
        };
        let input = LogInput {
            request_key,
            activity_id: activity,
            level_id: level,
            student_ids: students.unwrap_or_default(),
            occurred_on: required_date("occurred_on", &occurred_on)?,
            evidence,
            repeat: repeat.is_some_and(|v| !v.is_empty()),
        };
        ledger::log_batch(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input).await
    }
    .await;
    // Back to the same year, class and activity (numbers only: the query cannot lead elsewhere).
    let keep = back.as_deref().map(keep_numbers).unwrap_or_default();
    let done = result.as_ref().ok().map(|r| format!("/ledger/log?{keep}logged={}", r.entries));
    finish_form(result, done.as_deref())
}

/// Approves or rejects the ticked entries (`entries[]`); a rejection needs a reason.
#[server(endpoint = "review_entries")]
pub async fn review_entries(entries: Option<Vec<i64>>, decision: String, reason: String) -> Result<u32, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let approve = match decision.as_str() {
            "approve" => true,
            "reject" => false,
            _ => return Err(AppError::invalid("decision", nguon_shared::ErrorCode::InvalidValue)),
        };
        let ids = entries.unwrap_or_default();
        nguon_domain::ledger::review(&state()?.db, &actor, &audit_context(Some(actor.user_id)), &ids, approve, &reason).await
    }
    .await;
    finish_form(result, None)
}

/// Reverses an approved entry, with a reason.
#[server(endpoint = "reverse_entry")]
pub async fn reverse_entry(entry: i64, reason: String) -> Result<i64, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::ledger::reverse(&state()?.db, &actor, &audit_context(Some(actor.user_id)), entry, &reason).await
    }
    .await;
    finish_form(result, None)
}


/// The `year`, `class` and `activity` numbers of a form's `back` query, as
/// `year=1&class=2&activity=3&` (anything else dropped).
#[cfg(feature = "ssr")]
fn keep_numbers(back: &str) -> String {
    back.split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(k, v)| matches!(*k, "year" | "class" | "activity") && !v.is_empty() && v.len() <= 18 && v.bytes().all(|b| b.is_ascii_digit()))
        .map(|(k, v)| format!("{k}={v}&"))
        .collect()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn logging_returns_to_its_class_only() {
        assert_eq!(super::keep_numbers("year=1&class=22&activity=3"), "year=1&class=22&activity=3&");
        assert_eq!(super::keep_numbers("year=1&class=&next=//evil.example&activity=x"), "year=1&");
        assert_eq!(super::keep_numbers(""), "");
    }
}
