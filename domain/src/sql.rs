//! Hand-written SQL for the few reads that need window functions or must
//! return one page of a long list: one text for both engines, with `?`
//! placeholders that become `$1, $2, …` on PostgreSQL.

use nguon_shared::AppError;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, TryGetableMany, Value};
use serde::de::DeserializeOwned;

/// A statement for `backend` from SQL written with `?` placeholders (none may
/// appear inside a string literal) and the values in order.
pub fn statement(backend: DbBackend, sql: &str, values: Vec<Value>) -> Statement {
    let sql = match backend {
        DbBackend::Postgres => {
            let mut out = String::with_capacity(sql.len() + 8);
            let mut n = 0;
            for ch in sql.chars() {
                if ch == '?' {
                    n += 1;
                    out.push('$');
                    out.push_str(&n.to_string());
                } else {
                    out.push(ch);
                }
            }
            out
        }
        _ => sql.to_string(),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// A `LIKE` condition, and its values, that holds when every word of the
/// search (folded like `crate::names::fold`) starts a word of the folded
/// text in `column`: the SQL form of `crate::names::matches`. Empty when the
/// search has no words.
pub fn words_start(column: &str, search: &str) -> (String, Vec<Value>) {
    let folded = crate::names::fold(search);
    let mut parts = Vec::new();
    let mut values = Vec::new();
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        let escaped = word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        parts.push(format!("(' ' || {column}) LIKE ? ESCAPE '\\'"));
        values.push(Value::from(format!("% {escaped}%")));
    }
    (parts.join(" AND "), values)
}

/// Every row of the query `inner`, each as a `T` (a tuple of the `columns`
/// named, in order: columns of `inner`'s result). On SQLite the database
/// packs the rows into one JSON array of arrays
/// (`json_group_array(json_array(…))`), read in one step: sqlx hands SQLite
/// rows over from the connection's thread one at a time, and that hand-off
/// cost about 5 µs a row — reading a school's 20,000 rows for the
/// outstanding list was most of its time. PostgreSQL sends rows in batches
/// already, and packing them there cost more than it saved (measured), so
/// they are read as they come. Packed columns must be numbers, text or days
/// (`NaiveDate` reads "YYYY-MM-DD"): not booleans or moments.
pub async fn packed<C, T>(conn: &C, inner: Statement, columns: &[&str]) -> Result<Vec<T>, AppError>
where
    C: ConnectionTrait,
    T: DeserializeOwned + TryGetableMany,
{
    if inner.db_backend != DbBackend::Sqlite {
        let rows = conn.query_all_raw(inner).await?;
        return rows.iter().map(|r| T::try_get_many_by_index(r).map_err(|e| AppError::from(DbErr::from(e)))).collect();
    }
    let list = columns.iter().map(|c| format!("t.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT json_group_array(json_array({list})) AS packed FROM ({}) t", inner.sql);
    let row = conn.query_one_raw(Statement { sql, ..inner }).await?;
    let json: Option<String> = match row {
        Some(r) => r.try_get("", "packed")?,
        None => None,
    };
    match json {
        None => Ok(Vec::new()),
        Some(j) => serde_json::from_str(&j).map_err(|e| AppError::internal(format!("packed rows: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_follow_the_engine() {
        let v = vec![Value::from(1i64), Value::from(2i64)];
        assert_eq!(statement(DbBackend::Sqlite, "a = ? AND b = ?", v.clone()).sql, "a = ? AND b = ?");
        assert_eq!(statement(DbBackend::Postgres, "a = ? AND b = ?", v).sql, "a = $1 AND b = $2");
    }

    #[test]
    fn search_words_become_escaped_prefix_patterns() {
        let (sql, values) = words_start("s.search_key", "  Nguyễn 50%_x ");
        assert_eq!(sql, "(' ' || s.search_key) LIKE ? ESCAPE '\\' AND (' ' || s.search_key) LIKE ? ESCAPE '\\'");
        assert_eq!(values, vec![Value::from("% nguyen%".to_string()), Value::from("% 50\\%\\_x%".to_string())]);
        assert_eq!(words_start("k", "   ").0, "");
    }
}
