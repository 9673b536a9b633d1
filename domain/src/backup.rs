//! Backup and restore of the embedded SQLite database. A backup is a
//! consistent copy taken while the server serves (`VACUUM INTO`, which reads
//! one snapshot); a restore checks that the copy is a Nguồn database whose
//! schema this program knows (a newer one is refused), puts it in place of
//! the database file and brings it up to this program's schema. PostgreSQL
//! is backed up with its own tools (`pg_dump` / `pg_restore`, see the README).

use crate::db;
use nguon_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, FromQueryResult, Statement};
use std::path::{Path, PathBuf};

/// The file of a `sqlite:` database URL.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let path = rest.trim_start_matches("//").split('?').next().unwrap_or("");
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// Writes a consistent copy of the database to `to` (which must not exist); returns its size.
pub async fn backup(conn: &DatabaseConnection, to: &Path) -> Result<u64, String> {
    if conn.get_database_backend() != DbBackend::Sqlite {
        return Err("PostgreSQL: dùng pg_dump (xem README) / use pg_dump (see the README)".into());
    }
    if to.exists() {
        return Err(format!("{} đã có, không ghi đè / already exists, not overwritten", to.display()));
    }
    let target = to.to_string_lossy().replace('\'', "''");
    conn.execute_unprepared(&format!("VACUUM INTO '{target}'")).await.map_err(|e| format!("{}: {e}", to.display()))?;
    std::fs::metadata(to).map(|m| m.len()).map_err(|e| e.to_string())
}

#[derive(FromQueryResult)]
struct Version {
    version: String,
}

/// Checks that `file` is a Nguồn database this program can run: every
/// migration it records is one this program knows. Returns how many it has.
pub async fn check(file: &Path) -> Result<usize, String> {
    if !file.is_file() {
        return Err(format!("{}: không có tệp / no such file", file.display()));
    }
    let url = format!("sqlite://{}?mode=ro", file.display());
    let conn = Database::connect(&url).await.map_err(|e| format!("{}: {e}", file.display()))?;
    let rows = Version::find_by_statement(Statement::from_string(DbBackend::Sqlite, "SELECT version FROM seaql_migrations ORDER BY version"))
        .all(&conn)
        .await
        .map_err(|_| format!("{}: không phải bản sao của Nguồn / not a Nguồn backup", file.display()))?;
    let _ = conn.close().await;
    let known: Vec<String> = Migrator::migrations().iter().map(|m| m.name().to_string()).collect();
    let newer: Vec<&str> = rows.iter().map(|r| r.version.as_str()).filter(|v| !known.iter().any(|k| k == v)).collect();
    if !newer.is_empty() {
        return Err(format!(
            "Bản sao được tạo bởi phiên bản mới hơn của Nguồn ({}); hãy cài phiên bản đó hoặc mới hơn rồi khôi phục. / \
             The backup comes from a newer version of Nguồn ({}); install that version or a later one, then restore.",
            newer.join(", "),
            newer.join(", ")
        ));
    }
    Ok(rows.len())
}

/// Replaces the database of `database_url` with the backup `from` (the
/// server must be stopped), then applies the migrations the backup lacks.
pub async fn restore(database_url: &str, from: &Path) -> Result<usize, String> {
    let target = sqlite_file(database_url).ok_or("PostgreSQL: dùng pg_restore (xem README) / use pg_restore (see the README)")?;
    let known = check(from).await?;
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    // Copied beside the target first, then renamed over it: the database is never half written.
    let staging = target.with_extension("restoring");
    std::fs::copy(from, &staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    std::fs::File::open(&staging).and_then(|f| f.sync_all()).map_err(|e| e.to_string())?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", target.display()));
        if side.exists() {
            std::fs::remove_file(&side).map_err(|e| format!("{}: {e}", side.display()))?;
        }
    }
    std::fs::rename(&staging, &target).map_err(|e| format!("{}: {e}", target.display()))?;
    let conn = db::connect_and_migrate(database_url).await.map_err(|e| e.to_string())?;
    let _ = conn.close().await;
    Ok(known)
}
