//! One connection set-up for both engines, and migrations.

use nguon_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult, SqliteTransactionMode, Statement,
    TransactionOptions, TransactionTrait,
};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Opens a pool for `url` (`sqlite://…` or `postgres://…`).
///
/// SQLite gets WAL, `busy_timeout` (set before WAL so that switching the
/// journal mode itself waits for locks), `synchronous = NORMAL`, foreign keys,
/// and several connections so readers are not serialised behind one; the file
/// and its folder are created when missing.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.sqlx_logging(false).acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        ensure_sqlite_folder(url)?;
        opts.max_connections(8).min_connections(1).map_sqlx_sqlite_opts(|o| {
            o.busy_timeout(Duration::from_secs(5))
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .create_if_missing(true)
        });
    } else {
        opts.max_connections(16).min_connections(1);
    }
    Database::connect(opts).await
}

/// A transaction that writes. On SQLite it also holds this process's turn
/// to write to that file (see [`begin_write`]); the turn passes on when the
/// transaction is committed, rolled back or dropped.
pub struct WriteTxn {
    txn: DatabaseTransaction,
    _turn: Option<OwnedSemaphorePermit>,
}

impl WriteTxn {
    /// Commits the transaction.
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await
    }

    /// Rolls the transaction back.
    pub async fn rollback(self) -> Result<(), DbErr> {
        self.txn.rollback().await
    }
}

impl std::ops::Deref for WriteTxn {
    type Target = DatabaseTransaction;
    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTxn {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }
    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }
    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }
    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }
    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }
    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }
}

/// How long a writer waits for its turn before giving up (as SQLite's busy timeout would).
const WRITE_TURN_WAIT: Duration = Duration::from_secs(10);

/// One turn to write per SQLite file in this process, handed out first come,
/// first served.
fn write_turns(db: &DatabaseConnection) -> Option<Arc<Semaphore>> {
    static TURNS: OnceLock<Mutex<HashMap<PathBuf, Arc<Semaphore>>>> = OnceLock::new();
    if db.get_database_backend() != DbBackend::Sqlite {
        return None;
    }
    let file = db.get_sqlite_connection_pool().connect_options().get_filename().to_path_buf();
    let mut turns = TURNS.get_or_init(Default::default).lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    Some(turns.entry(file).or_insert_with(|| Arc::new(Semaphore::new(1))).clone())
}

/// Starts a transaction that will write. On SQLite it takes the write lock
/// at once (`BEGIN IMMEDIATE`); a deferred transaction that reads first and
/// writes later fails instead ("database is locked") when another writer
/// committed meanwhile. Writers of this process first queue for their turn:
/// left to SQLite's busy handler, which sleeps up to 100 ms between tries,
/// concurrent writers waited far longer than the writes took (a class
/// logged by 16 officers at once: p95 608 ms for a 27 ms median).
/// Another process writing to the same file is still waited for by the busy
/// timeout. PostgreSQL ignores the mode and needs no turn.
pub async fn begin_write(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
    let turn = match write_turns(db) {
        Some(turns) => Some(
            tokio::time::timeout(WRITE_TURN_WAIT, turns.acquire_owned())
                .await
                .map_err(|_| DbErr::Custom("timed out waiting for the turn to write (database is locked)".into()))?
                .map_err(|e| DbErr::Custom(e.to_string()))?,
        ),
        None => None,
    };
    let txn = db.begin_with_options(TransactionOptions { sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate), ..Default::default() }).await?;
    Ok(WriteTxn { txn, _turn: turn })
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Connects and migrates: what the server does at start-up.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(url).await?;
    migrate(&db).await?;
    fill_name_keys(&db).await?;
    Ok(db)
}

/// Gives every student without one the collation key of their name (rows
/// written before the key existed, or by a bulk load), in one transaction.
/// Several instances starting at once write the same values.
pub async fn fill_name_keys(db: &DatabaseConnection) -> Result<u64, DbErr> {
    use crate::entities::student;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr};
    let missing: Vec<(i64, String, String, String)> = student::Entity::find()
        .select_only()
        .columns([student::Column::Id, student::Column::FamilyName, student::Column::MiddleName, student::Column::GivenName])
        .filter(student::Column::NameKey.is_null())
        .into_tuple()
        .all(db)
        .await?;
    if missing.is_empty() {
        return Ok(0);
    }
    let txn = begin_write(db).await?;
    for (id, family, middle, given) in &missing {
        let key = crate::names::name_key(&crate::names::PersonName { family: family.clone(), middle: middle.clone(), given: given.clone() });
        student::Entity::update_many()
            .col_expr(student::Column::NameKey, Expr::value(key))
            .filter(student::Column::Id.eq(*id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(missing.len() as u64)
}

/// A short engine name for logs and diagnostics.
pub fn engine_name(db: &DatabaseConnection) -> &'static str {
    match db.get_database_backend() {
        DbBackend::Sqlite => "sqlite",
        DbBackend::Postgres => "postgres",
        _ => "other",
    }
}

fn ensure_sqlite_folder(url: &str) -> Result<(), DbErr> {
    let path = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)
                .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", parent.display())))?;
        }
    }
    Ok(())
}

#[derive(sea_orm::FromQueryResult)]
struct Size {
    bytes: i64,
}

/// The database's size on disk, in bytes (SQLite: its pages; PostgreSQL: the database).
pub async fn size_bytes(db: &DatabaseConnection) -> Result<i64, DbErr> {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => "SELECT pg_database_size(current_database())::bigint AS bytes",
        _ => "SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()",
    };
    let row = <Size as sea_orm::FromQueryResult>::find_by_statement(Statement::from_string(db.get_database_backend(), sql)).one(db).await?;
    Ok(row.map_or(0, |r| r.bytes))
}
