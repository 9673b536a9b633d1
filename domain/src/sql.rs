//! Hand-written SQL for the few reads that need window functions or must
//! return one page of a long list: one text for both engines, with `?`
//! placeholders that become `$1, $2, …` on PostgreSQL.

use sea_orm::{DbBackend, Statement, Value};

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
