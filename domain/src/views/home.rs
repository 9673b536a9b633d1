//! The home page's view: one section per role the user holds, each saying
//! what waits for them today.

use super::pick_year;
use crate::ledger::{reads, standing};
use crate::local_time::midnight as local_midnight;
use crate::policy::{Actor, Permission};
use chrono::{Datelike, Days, NaiveDate};
use nguon_shared::views::home::{CellHome, FlaggedCandidacy, HomeView, MentorHome, UnionHome};
use nguon_shared::{AppError, Role};
use sea_orm::ConnectionTrait;

/// How many lines each section lists before pointing to its page.
const FIRST: usize = 5;
/// How far back a refused entry is still news to its officer.
const REJECTED_DAYS: u64 = 30;

/// The sections of the actor's home page.
pub async fn home<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<HomeView, AppError> {
    let holds = |role: Role| actor.grants.iter().any(|(r, _)| *r == role);
    Ok(HomeView {
        union: if holds(Role::YouthUnionOfficer) { union(conn, actor, today).await? } else { None },
        cell: if holds(Role::PartyCellOfficer) { Some(cell(conn, actor, today).await?) } else { None },
        mentor: if holds(Role::Mentor) { Some(MentorHome { candidates: crate::pipeline::mentoring::my_candidates(conn, actor, today).await? }) } else { None },
        admin: if holds(Role::Administrator) { Some(crate::readiness::gaps(conn, actor, today, 10).await?) } else { None },
        oversight: if holds(Role::SuperiorOfficer) { Some(oversight(conn, actor, today).await?) } else { None },
    })
}

/// This year's progress of the superior officer's schools (no names: the dashboard's page has them).
async fn oversight<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<nguon_shared::views::oversight::DashboardView, AppError> {
    let as_superior = Actor { user_id: actor.user_id, grants: actor.grants.iter().filter(|(r, _)| *r == Role::SuperiorOfficer).copied().collect() };
    let query = super::oversight::DashboardQuery { summary: true, ..Default::default() };
    super::oversight::dashboard(conn, &as_superior, &crate::audit::AuditContext::default(), query, today).await
}

async fn union<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<Option<UnionHome>, AppError> {
    let Some(school) = crate::org::schools_in_scope(conn, actor, Permission::LogEmulation).await?.into_iter().next() else { return Ok(None) };
    let years: Vec<_> = crate::school_years::list_for(conn, actor, Permission::LogEmulation).await?.into_iter().filter(|y| y.school_id == school.id).collect();
    let year = pick_year(&years, None, today)?;
    let waiting = reads::waiting_for(conn, actor, school.id).await?;
    let since = local_midnight(today - Days::new(REJECTED_DAYS));
    let rejected = reads::rejected_of(conn, actor, school.id, since, FIRST as u64).await?;
    let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let week = reads::logged_since(conn, actor, school.id, local_midnight(monday), monday).await?;
    let top = match &year {
        Some(y) => {
            let q = standing::RankingQuery { year_id: y.id, scope: standing::Scope::School, semester: None, category_id: None };
            standing::ranking_page(conn, actor, q, &standing::RankFilter { search: String::new(), limit: Some(FIRST) }).await?.rows
        }
        None => Vec::new(),
    };
    Ok(Some(UnionHome { school, year_name: year.map(|y| y.name), to_review: waiting.entries, to_review_batches: waiting.batches, rejected, week, top }))
}

async fn cell<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<CellHome, AppError> {
    // The cell officer's own schools: a superior officer's wider reach is the oversight pages' business.
    let as_cell = Actor { user_id: actor.user_id, grants: actor.grants.iter().filter(|(r, _)| *r == Role::PartyCellOfficer).copied().collect() };
    let schools = crate::org::schools_in_scope(conn, &as_cell, Permission::ManagePipeline).await?;
    let tasks = crate::pipeline::tasks::my_tasks(conn, actor, today).await?;
    let mut out = CellHome { tasks_total: tasks.len() as u32, tasks: tasks.into_iter().take(FIRST).collect(), ..Default::default() };
    for school in &schools {
        out.proposals += crate::pipeline::pool::pending(conn, actor, school.id).await?.len() as u32;
        for card in crate::pipeline::board::board(conn, actor, school.id, today).await? {
            if card.risks.is_empty() || card.stage.is_final() {
                continue;
            }
            out.flagged_total += 1;
            if out.flagged.len() < FIRST {
                out.flagged.push(FlaggedCandidacy { candidacy_id: card.id, name: card.name, stage: card.stage, risks: card.risks });
            }
        }
    }
    Ok(out)
}
