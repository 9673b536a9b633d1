//! The ledger pages' views: leaderboard, logging, review, catalogue, a student's lines.

use super::year_choice;
use crate::audit::AuditContext;
use crate::ledger::standing::{self, RankingQuery, Scope};
use crate::policy::Actor;
use crate::students::{self, StudentFilter};
use chrono::NaiveDate;
use nguon_shared::views::ledger::{CatalogueView, CategoryOption, LeaderboardView, LogView, ReversibleEntry, ReviewView, StudentLedgerView};
use nguon_shared::views::{Slice, YearChoice};
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;

/// What the leaderboard is asked for.
#[derive(Clone, Debug)]
pub struct LeaderboardQuery {
    /// The year asked for (else the current one).
    pub year: Option<i64>,
    /// Whole school, a grade or a class.
    pub scope: Scope,
    /// A semester, or the whole year.
    pub semester: Option<i16>,
    /// One category, or all.
    pub category: Option<i64>,
    /// A name search (empty: everyone).
    pub search: String,
    /// How many ranks to show.
    pub limit: usize,
}

async fn categories<C: ConnectionTrait>(conn: &C, actor: &Actor, year: i64) -> Result<Vec<CategoryOption>, AppError> {
    Ok(crate::ledger::categories(conn, actor, year).await?.into_iter().map(|(id, name)| CategoryOption { id, name }).collect())
}

/// The leaderboard of a year: ranks in the whole scope, then the name search,
/// so a student found by name keeps their true rank.
pub async fn leaderboard<C: ConnectionTrait>(conn: &C, actor: &Actor, q: LeaderboardQuery, today: NaiveDate) -> Result<LeaderboardView, AppError> {
    let choice = year_choice(conn, actor, q.year, today).await?;
    let Some(year) = choice.year.clone() else {
        return Ok(LeaderboardView { choice, classes: Vec::new(), categories: Vec::new(), ranks: Slice::empty() });
    };
    let classes = students::classes_in_year(conn, year.id).await?;
    let categories = categories(conn, actor, year.id).await?;
    let query = RankingQuery { year_id: year.id, scope: q.scope, semester: q.semester, category_id: q.category };
    let ranks = standing::ranking_page(conn, actor, query, &standing::RankFilter { search: q.search, limit: Some(q.limit) }).await?;
    Ok(LeaderboardView { choice, classes, categories, ranks })
}

/// Logging for a class: the year's classes and activities, the chosen class's
/// students (a class of another year is not offered), and a fresh request key.
pub async fn log<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ctx: &AuditContext,
    year: Option<i64>,
    class: Option<i64>,
    today: NaiveDate,
) -> Result<LogView, AppError> {
    use rand::Rng as _;
    let request_key = format!("{:032x}", rand::rng().random::<u128>());
    let choice = year_choice(conn, actor, year, today).await?;
    let Some(y) = choice.year.clone() else {
        return Ok(LogView { choice, request_key, classes: Vec::new(), activities: Vec::new(), students: Vec::new() });
    };
    let classes = students::classes_in_year(conn, y.id).await?;
    let activities = crate::ledger::catalogue(conn, actor, y.id).await?;
    let students = match class.filter(|id| classes.iter().any(|c| c.id == *id)) {
        Some(c) => {
            let filter = StudentFilter { school_year_id: Some(y.id), class_id: Some(c), ..Default::default() };
            students::list(conn, actor, ctx, y.school_id, &filter, today).await?
        }
        None => Vec::new(),
    };
    Ok(LogView { choice, request_key, classes, activities, students })
}

/// The entries of the year's school waiting for the actor's review.
pub async fn review<C: ConnectionTrait>(conn: &C, actor: &Actor, year: Option<i64>, limit: usize, today: NaiveDate) -> Result<ReviewView, AppError> {
    let choice = year_choice(conn, actor, year, today).await?;
    let queue = match &choice.year {
        Some(y) => whole_batches(crate::ledger::review_queue(conn, actor, y.school_id).await?, limit),
        None => Slice::empty(),
    };
    Ok(ReviewView { choice, queue })
}

/// The first `limit` entries of the queue and the rest of the last logging
/// they reach into: a class's logging is reviewed whole, never split
/// between what is shown and what is not.
pub fn whole_batches(queue: Vec<nguon_shared::ledger::EntryRow>, limit: usize) -> Slice<nguon_shared::ledger::EntryRow> {
    let total = queue.len() as u32;
    let mut rows = Vec::new();
    for e in queue {
        let same_batch = e.batch_id.is_some() && rows.last().is_some_and(|l: &nguon_shared::ledger::EntryRow| l.batch_id == e.batch_id);
        if rows.len() >= limit && !same_batch {
            break;
        }
        rows.push(e);
    }
    Slice { rows, total }
}

/// A year's activity catalogue and categories.
pub async fn catalogue<C: ConnectionTrait>(conn: &C, actor: &Actor, year: Option<i64>, today: NaiveDate) -> Result<CatalogueView, AppError> {
    let choice = year_choice(conn, actor, year, today).await?;
    let (activities, categories) = match &choice.year {
        Some(y) => (crate::ledger::catalogue(conn, actor, y.id).await?, categories(conn, actor, y.id).await?),
        None => (Vec::new(), Vec::new()),
    };
    Ok(CatalogueView { choice, activities, categories })
}

/// Every line behind a student's totals for a year.
pub async fn student_lines<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    student: i64,
    year: Option<i64>,
    limit: usize,
    today: NaiveDate,
) -> Result<StudentLedgerView, AppError> {
    let choice: YearChoice = year_choice(conn, actor, year, today).await?;
    let rows = match &choice.year {
        Some(y) => crate::ledger::student_entries(conn, actor, student, y.id).await?,
        None => Vec::new(),
    };
    let name = rows.first().map(|e| e.student_name.clone()).unwrap_or_default();
    let approved_points = rows.iter().filter(|e| e.status == "approved").map(|e| i64::from(e.points)).sum();
    let reversible = rows
        .iter()
        .filter(|e| e.status == "approved" && e.reverses_id.is_none() && !rows.iter().any(|r| r.reverses_id == Some(e.id)))
        .map(|e| ReversibleEntry { id: e.id, activity: e.activity.clone(), points: e.points })
        .collect();
    Ok(StudentLedgerView { choice, name, approved_points, entries: Slice::first(rows, limit), reversible })
}

#[cfg(test)]
mod tests {
    use super::whole_batches;
    use nguon_shared::ledger::EntryRow;

    fn entry(id: i64, batch: Option<i64>) -> EntryRow {
        EntryRow {
            id,
            student_id: id,
            student_name: String::new(),
            class_name: None,
            batch_id: batch,
            activity: String::new(),
            category: String::new(),
            level: None,
            points: 5,
            occurred_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            status: "pending".into(),
            logged_by: String::new(),
            reviewed_by: None,
            evidence: None,
            reverses_id: None,
            reason: None,
        }
    }

    #[test]
    fn a_logging_is_never_split_by_the_page() {
        // Two loggings of 37, a correction, a logging of 3.
        let mut queue: Vec<EntryRow> = (0..37).map(|i| entry(i, Some(1))).chain((37..74).map(|i| entry(i, Some(2)))).collect();
        queue.push(entry(74, None));
        queue.extend((75..78).map(|i| entry(i, Some(3))));
        for (limit, shown) in [(50, 74), (37, 37), (38, 74), (74, 74), (75, 75), (76, 78), (1, 37), (500, 78)] {
            let s = whole_batches(queue.clone(), limit);
            assert_eq!((s.rows.len(), s.total), (shown, 78), "limit {limit}");
        }
        assert_eq!(whole_batches(Vec::new(), 50).rows.len(), 0);
    }
}
