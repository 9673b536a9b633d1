//! Reading the ledger: a student's lines, the review queue, and what an
//! officer's home page shows (entries waiting, own entries refused, the
//! week's logging).

use super::status;
use crate::entities::{activity, activity_category, activity_level, class, enrolment, ledger_batch, ledger_entry, student, user};
use crate::policy::{authorize_at, Actor, Permission};
use chrono::{DateTime, Utc};
use nguon_shared::ledger::EntryRow;
use nguon_shared::views::home::WeekLogging;
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

pub(crate) async fn entry_rows<C: ConnectionTrait>(conn: &C, entries: Vec<ledger_entry::Model>) -> Result<Vec<EntryRow>, AppError> {
    let ids = |f: fn(&ledger_entry::Model) -> Option<i64>| entries.iter().filter_map(f).collect::<HashSet<i64>>();
    let students: HashMap<i64, String> = student::Entity::find()
        .filter(student::Column::Id.is_in(ids(|e| Some(e.student_id))))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, crate::names::PersonName { family: s.family_name, middle: s.middle_name, given: s.given_name }.full()))
        .collect();
    let acts: HashMap<i64, activity::Model> =
        activity::Entity::find().filter(activity::Column::Id.is_in(ids(|e| Some(e.activity_id)))).all(conn).await?.into_iter().map(|a| (a.id, a)).collect();
    let cats: HashMap<i64, String> = activity_category::Entity::find()
        .filter(activity_category::Column::Id.is_in(acts.values().map(|a| a.category_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let levels: HashMap<i64, String> =
        activity_level::Entity::find().filter(activity_level::Column::Id.is_in(ids(|e| e.level_id))).all(conn).await?.into_iter().map(|l| (l.id, l.label)).collect();
    // The class each student was placed in that year.
    let placements = enrolment::Entity::find()
        .filter(enrolment::Column::StudentId.is_in(ids(|e| Some(e.student_id))))
        .filter(enrolment::Column::SchoolYearId.is_in(ids(|e| Some(e.school_year_id))))
        .all(conn)
        .await?;
    let class_names: HashMap<i64, String> = class::Entity::find()
        .filter(class::Column::Id.is_in(placements.iter().map(|p| p.class_id).collect::<HashSet<_>>()))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let class_of: HashMap<(i64, i64), String> =
        placements.iter().filter_map(|p| class_names.get(&p.class_id).map(|n| ((p.student_id, p.school_year_id), n.clone()))).collect();
    let people: HashSet<i64> = entries.iter().flat_map(|e| [Some(e.logged_by), e.reviewed_by]).flatten().collect();
    let logins: HashMap<i64, String> =
        user::Entity::find().filter(user::Column::Id.is_in(people)).all(conn).await?.into_iter().map(|u| (u.id, u.username)).collect();
    Ok(entries
        .into_iter()
        .map(|e| {
            let a = acts.get(&e.activity_id);
            EntryRow {
                id: e.id,
                student_id: e.student_id,
                student_name: students.get(&e.student_id).cloned().unwrap_or_default(),
                class_name: class_of.get(&(e.student_id, e.school_year_id)).cloned(),
                batch_id: e.batch_id,
                activity: a.map(|a| a.name.clone()).unwrap_or_default(),
                category: a.and_then(|a| cats.get(&a.category_id)).cloned().unwrap_or_default(),
                level: e.level_id.and_then(|l| levels.get(&l).cloned()),
                points: e.points,
                occurred_on: e.occurred_on,
                status: e.status,
                logged_by: logins.get(&e.logged_by).cloned().unwrap_or_default(),
                reviewed_by: e.reviewed_by.and_then(|u| logins.get(&u).cloned()),
                evidence: e.evidence,
                reverses_id: e.reverses_id,
                reason: e.reason,
            }
        })
        .collect())
}

/// Every entry behind a student's totals for a year, oldest first.
pub async fn student_entries<C: ConnectionTrait>(conn: &C, actor: &Actor, student_id: i64, year_id: i64) -> Result<Vec<EntryRow>, AppError> {
    let s = student::Entity::find_by_id(student_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_at(conn, actor, Permission::ViewStudents, s.school_id).await?;
    let entries = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::StudentId.eq(student_id))
        .filter(ledger_entry::Column::SchoolYearId.eq(year_id))
        .order_by_asc(ledger_entry::Column::OccurredOn)
        .order_by_asc(ledger_entry::Column::Id)
        .all(conn)
        .await?;
    entry_rows(conn, entries).await
}

/// Pending entries of a school that the actor may review (not their own).
pub async fn review_queue<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Vec<EntryRow>, AppError> {
    authorize_at(conn, actor, Permission::LogEmulation, school_id).await?;
    let entries = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::SchoolId.eq(school_id))
        .filter(ledger_entry::Column::Status.eq(status::PENDING))
        .filter(ledger_entry::Column::LoggedBy.ne(actor.user_id))
        .order_by_asc(ledger_entry::Column::Id)
        .all(conn)
        .await?;
    entry_rows(conn, entries).await
}

/// Entries waiting for a reviewer, and the logging actions they came in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Waiting {
    /// Entries.
    pub entries: u32,
    /// Batches (a correction, logged on its own, counts as one).
    pub batches: u32,
}

#[derive(Debug, sea_orm::FromQueryResult)]
struct WaitingRow {
    entries: i64,
    batches: Option<i64>,
}

/// How many entries of a school wait for the actor's review (those others logged).
pub async fn waiting_for<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Waiting, AppError> {
    authorize_at(conn, actor, Permission::LogEmulation, school_id).await?;
    let text = "SELECT COUNT(*) AS entries, \
                COUNT(DISTINCT batch_id) + SUM(CASE WHEN batch_id IS NULL THEN 1 ELSE 0 END) AS batches \
                FROM ledger_entries WHERE school_id = ? AND status = ? AND logged_by <> ?";
    let stmt = crate::sql::statement(conn.get_database_backend(), text, vec![school_id.into(), status::PENDING.into(), actor.user_id.into()]);
    let row = <WaitingRow as sea_orm::FromQueryResult>::find_by_statement(stmt).one(conn).await?;
    Ok(row.map_or_else(Waiting::default, |r| Waiting { entries: r.entries as u32, batches: r.batches.unwrap_or(0) as u32 }))
}

/// The actor's own entries at a school refused since `since`, newest first, with the reason.
pub async fn rejected_of<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64, since: DateTime<Utc>, limit: u64) -> Result<Vec<EntryRow>, AppError> {
    authorize_at(conn, actor, Permission::LogEmulation, school_id).await?;
    let entries = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::SchoolId.eq(school_id))
        .filter(ledger_entry::Column::LoggedBy.eq(actor.user_id))
        .filter(ledger_entry::Column::Status.eq(status::REJECTED))
        .filter(ledger_entry::Column::ReviewedAt.gte(since))
        .order_by_desc(ledger_entry::Column::ReviewedAt)
        .order_by_desc(ledger_entry::Column::Id)
        .limit(limit)
        .all(conn)
        .await?;
    entry_rows(conn, entries).await
}

/// Logging at a school since `since` (the start of the week): actions,
/// entries, and how many of those entries the actor logged.
pub async fn logged_since<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64, since: DateTime<Utc>, monday: chrono::NaiveDate) -> Result<WeekLogging, AppError> {
    authorize_at(conn, actor, Permission::LogEmulation, school_id).await?;
    let batches = ledger_batch::Entity::find()
        .filter(ledger_batch::Column::SchoolId.eq(school_id))
        .filter(ledger_batch::Column::LoggedAt.gte(since))
        .all(conn)
        .await?;
    let entries = batches.iter().map(|b| b.entries.max(0) as u32).sum();
    let mine = batches.iter().filter(|b| b.logged_by == actor.user_id).map(|b| b.entries.max(0) as u32).sum();
    Ok(WeekLogging { since: monday, batches: batches.len() as u32, entries, mine })
}
