//! Writing many rows at once: ids chosen by the generator (so rows can
//! refer to each other before they are written), rows sent in statements of
//! many rows each, and PostgreSQL's id sequences moved past them afterwards.

use nguon_shared::AppError;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, FromQueryResult, Statement};
use std::collections::HashMap;

/// The tables the generator writes (each has an `id` primary key).
pub const TABLES: [&str; 32] = [
    "org_units", "unit_links", "users", "role_grants", "staff", "students", "school_years", "semesters", "classes", "enrolments",
    "activity_categories", "activities", "activity_levels", "ledger_batches", "ledger_entries", "student_totals", "study_results",
    "consents", "pool_proposals", "candidacies", "candidacy_events", "certificates", "mentor_assignments", "introducers",
    "dossier_items", "votes", "decisions", "union_classifications", "awareness_classes", "awareness_enrolments", "joint_meetings",
    "joint_meeting_students",
];

/// The next id of each table.
#[derive(Debug, Default)]
pub struct Ids(HashMap<&'static str, i64>);

#[derive(FromQueryResult)]
struct MaxId {
    max_id: Option<i64>,
}

impl Ids {
    /// Ids after those already in the database.
    pub async fn after_existing(conn: &DatabaseTransaction) -> Result<Ids, AppError> {
        let mut ids = Ids::default();
        for t in TABLES {
            let stmt = Statement::from_string(conn.get_database_backend(), format!("SELECT MAX(id) AS max_id FROM {t}"));
            let max = MaxId::find_by_statement(stmt).one(conn).await?.and_then(|m| m.max_id).unwrap_or(0);
            ids.0.insert(t, max);
        }
        Ok(ids)
    }

    /// A new id in `table`.
    pub fn next(&mut self, table: &'static str) -> i64 {
        let id = self.0.entry(table).or_insert(0);
        *id += 1;
        *id
    }
}

/// Inserts `rows` (with their ids set) in statements of many rows, under
/// both engines' limits on bound values per statement.
pub async fn insert<A>(conn: &DatabaseTransaction, rows: Vec<A>, columns: usize) -> Result<(), AppError>
where
    A: ActiveModelTrait + Send,
{
    let per_statement = (30_000 / columns.max(1)).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per_statement).collect();
        <A::Entity as EntityTrait>::insert_many(chunk).exec_without_returning(conn).await?;
    }
    Ok(())
}

/// On PostgreSQL, moves each table's id sequence past the ids written here,
/// so rows added later by the application get fresh ids. (SQLite follows
/// the largest id by itself.)
pub async fn fix_sequences(conn: &DatabaseTransaction) -> Result<(), AppError> {
    if conn.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for t in TABLES {
        let sql = format!("SELECT setval(pg_get_serial_sequence('{t}', 'id'), GREATEST((SELECT MAX(id) FROM {t}), 1))");
        conn.execute_unprepared(&sql).await?;
    }
    Ok(())
}
