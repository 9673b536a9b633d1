//! The views of the candidate pipeline's and mentoring's pages.

use super::{if_allowed, school_choice};
use crate::pipeline::{board, classes, meetings, pool, settings};
use crate::policy::Actor;
use chrono::NaiveDate;
use nguon_shared::pipeline::{CandidateCard, Stage};
use nguon_shared::views::pipeline::{BoardView, CalendarView, CandidacyPageView, ClassesView, MeetingsView, RulesView};
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;

/// A school's board: the cards the actor may see and, for who decides them, the proposals waiting.
pub async fn board<C: ConnectionTrait>(conn: &C, actor: &Actor, school: Option<i64>, today: NaiveDate) -> Result<BoardView, AppError> {
    let choice = school_choice(conn, actor, school).await?;
    let Some(id) = choice.school else { return Ok(BoardView { choice, cards: Vec::new(), proposals: None }) };
    let cards = board::board(conn, actor, id, today).await?;
    let proposals = if_allowed(pool::pending_views(conn, actor, id).await)?;
    Ok(BoardView { choice, cards, proposals })
}

/// One candidacy and, for who manages the pipeline, the school's Party members to pick from.
pub async fn candidacy<C: ConnectionTrait>(conn: &C, actor: &Actor, candidacy: i64, today: NaiveDate) -> Result<CandidacyPageView, AppError> {
    let candidacy = board::detail(conn, actor, candidacy, today).await?;
    let members = if_allowed(board::members(conn, actor, candidacy.school_id, today).await)?;
    Ok(CandidacyPageView { candidacy, members })
}

/// The awareness classes of a school and the candidates who may be enrolled:
/// in the pool or at the class stage, and not in a class they have not completed.
pub async fn classes<C: ConnectionTrait>(conn: &C, actor: &Actor, school: Option<i64>, today: NaiveDate) -> Result<ClassesView, AppError> {
    let choice = school_choice(conn, actor, school).await?;
    let Some(id) = choice.school else { return Ok(ClassesView { choice, classes: Vec::new(), waiting: Vec::new() }) };
    let classes = classes::list(conn, actor, id, today).await?;
    let busy: Vec<i64> = classes.iter().flat_map(|c| &c.enrolments).filter(|e| e.certificate.is_none()).map(|e| e.candidacy_id).collect();
    let waiting: Vec<CandidateCard> = board::board(conn, actor, id, today)
        .await?
        .into_iter()
        .filter(|c| matches!(c.stage, Stage::Pool | Stage::AwarenessClass) && !busy.contains(&c.id))
        .collect();
    Ok(ClassesView { choice, classes, waiting })
}

/// The joint meetings of a school and the students a new one may discuss.
pub async fn meetings<C: ConnectionTrait>(conn: &C, actor: &Actor, school: Option<i64>) -> Result<MeetingsView, AppError> {
    let choice = school_choice(conn, actor, school).await?;
    let Some(id) = choice.school else { return Ok(MeetingsView { choice, meetings: Vec::new(), students: Vec::new() }) };
    let (meetings, students) = (meetings::list(conn, actor, id).await?, meetings::options(conn, actor, id).await?);
    Ok(MeetingsView { choice, meetings, students })
}

/// The reminders' numbers and the holiday calendar of a school for a calendar year.
pub async fn calendar<C: ConnectionTrait>(conn: &C, actor: &Actor, school: Option<i64>, year: i32, today: NaiveDate) -> Result<CalendarView, AppError> {
    let choice = school_choice(conn, actor, school).await?;
    let Some(id) = choice.school else { return Ok(CalendarView { choice, year, watch: Default::default(), holidays: Vec::new() }) };
    let watch = settings::watch(conn, actor, id, today).await?;
    let holidays = settings::holidays(conn, actor, id, year).await?;
    Ok(CalendarView { choice, year, watch, holidays })
}

/// The procedure's numbers of a unit the actor may set rules for (the one asked for, else the first).
pub async fn rules<C: ConnectionTrait>(conn: &C, actor: &Actor, unit: Option<i64>, today: NaiveDate) -> Result<RulesView, AppError> {
    let units = settings::rule_units(conn, actor).await?;
    let unit = super::pick_offered(units.iter().map(|u| u.id), unit)?.or(units.first().map(|u| u.id));
    let procedure = match unit {
        Some(id) => Some(settings::procedure(conn, actor, id, today).await?),
        None => None,
    };
    Ok(RulesView { units, unit, procedure })
}
