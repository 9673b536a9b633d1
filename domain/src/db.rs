//! One connection set-up for both engines, and migrations.

use nguon_migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait};
use std::time::Duration;

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

/// Starts a transaction that will write. On SQLite it takes the write lock
/// at once (`BEGIN IMMEDIATE`), waiting for another writer up to the busy
/// timeout; a deferred transaction that reads first and writes later fails
/// instead ("database is locked") when another writer committed meanwhile.
/// PostgreSQL ignores the mode.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions { sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate), ..Default::default() }).await
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
    use sea_orm::{DbBackend, Statement};
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => "SELECT pg_database_size(current_database())::bigint AS bytes",
        _ => "SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()",
    };
    let row = <Size as sea_orm::FromQueryResult>::find_by_statement(Statement::from_string(db.get_database_backend(), sql)).one(db).await?;
    Ok(row.map_or(0, |r| r.bytes))
}
