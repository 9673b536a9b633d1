//! Malformed input to every server function, as each kind of caller: wrong
//! types, missing and repeated fields, huge strings, control characters,
//! invalid UTF-8, decomposed Unicode, negative and huge ids, impossible
//! dates. Every answer must be a refusal that says what happened (never a
//! 500, never a dropped connection), and the database must be unchanged.
//!
//! The functions and their argument names are read from `app/src/api/`, so
//! a new server function is fuzzed without anyone adding it here.

mod common;
use common::*;

use nguon_domain::audit::AuditContext;
use nguon_testkit::{both_engines, TestDb};
use reqwest::header;
use sea_orm::{DatabaseConnection, FromQueryResult, JsonValue, Statement};
use std::collections::BTreeMap;

/// A server function's endpoint and its arguments (name, type as written).
#[derive(Debug)]
struct Function {
    endpoint: String,
    args: Vec<(String, String)>,
}

/// Reads every `#[server(... endpoint = "…")]` function of `app/src/api/`.
fn functions() -> Vec<Function> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src/api");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let src = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut rest = src.as_str();
        while let Some(at) = rest.find("endpoint = \"") {
            rest = &rest[at + 12..];
            let endpoint = rest[..rest.find('"').unwrap()].to_string();
            let open = rest.find("pub async fn").map(|i| i + rest[i..].find('(').unwrap()).unwrap();
            let close = open + rest[open..].find(") -> ").unwrap();
            let args = rest[open + 1..close]
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| {
                    let (name, ty) = a.split_once(':').unwrap();
                    (name.trim().to_string(), ty.trim().to_string())
                })
                .collect();
            out.push(Function { endpoint, args });
            rest = &rest[close..];
        }
    }
    out.sort_by(|a, b| a.endpoint.cmp(&b.endpoint));
    out
}

/// The form field of an argument (sequences are sent as `name[]`).
fn field(name: &str, ty: &str) -> String {
    if ty.starts_with("Vec<") { format!("{name}[]") } else { name.to_string() }
}

/// A well-formed value for an argument's type, pointing at nothing that exists.
fn plain(ty: &str) -> &'static str {
    match ty {
        "i64" | "i32" | "u32" | "i16" | "Vec<i64>" => "987654321",
        "bool" => "false",
        _ => "x",
    }
}

/// Bad values, percent-encoded as sent.
const BAD: [&str; 11] = [
    "",
    "-1",
    "99999999999999999999999",
    "abc",
    "1.5e308",
    "%00%01%1B%7F",
    "%FF%FE%FD",
    "Nguye%CC%82%CC%83n",
    "31%2F02%2F2026",
    "2026-13-45",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
];

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// The bodies sent to one function: each argument in turn given each bad value, left out,
/// or repeated; everything left out; an unknown field; and a huge string.
fn bodies(f: &Function) -> Vec<String> {
    let base: Vec<(String, String)> = f.args.iter().map(|(n, t)| (field(n, t), enc(plain(t)))).collect();
    let join = |pairs: &[(String, String)]| pairs.iter().map(|(k, v)| format!("{}={v}", enc(k))).collect::<Vec<_>>().join("&");
    let mut out = vec![String::new(), format!("{}&unexpected=1", join(&base))];
    for i in 0..base.len() {
        for bad in BAD {
            let mut pairs = base.clone();
            pairs[i].1 = bad.to_string();
            out.push(join(&pairs));
        }
        let mut missing = base.clone();
        missing.remove(i);
        out.push(join(&missing));
        let mut repeated = base.clone();
        repeated.push(base[i].clone());
        out.push(join(&repeated));
    }
    if let Some(i) = f.args.iter().position(|(_, t)| t.contains("String")) {
        let mut pairs = base.clone();
        pairs[i].1 = "%C3%A1".repeat(60_000);
        out.push(join(&pairs));
    }
    out
}

/// Row counts and the content of every table but the ones a request may
/// legitimately touch (sessions, login attempts, the log of reads).
async fn snapshot(db: &DatabaseConnection) -> BTreeMap<String, String> {
    #[derive(FromQueryResult)]
    struct T {
        t: String,
    }
    let backend = db.get_database_backend();
    let sql = match backend {
        sea_orm::DatabaseBackend::Sqlite => "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        _ => "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema()",
    };
    let mut out = BTreeMap::new();
    for t in T::find_by_statement(Statement::from_string(backend, sql)).all(db).await.unwrap() {
        if ["sessions", "login_attempts"].contains(&t.t.as_str()) {
            continue;
        }
        let filter = if t.t == "audit_log" { " WHERE action NOT IN ('read_sensitive', 'export')" } else { "" };
        let rows = JsonValue::find_by_statement(Statement::from_string(backend, format!("SELECT * FROM {}{filter} ORDER BY 1", t.t))).all(db).await.unwrap();
        out.insert(t.t, serde_json::to_string(&rows).unwrap());
    }
    out
}

async fn malformed_input_changes_nothing(t: TestDb) {
    let s = Server::with_admin(t, |c| {
        c.login_max_failures_per_account = 100_000;
        c.login_max_failures_per_addr = 100_000;
    })
    .await;
    nguon_domain::demo::load(&s.db, &AuditContext::default(), PW, 88).await.unwrap();
    let mut callers: Vec<(&str, Option<String>)> = vec![("visitor", None)];
    for login in ["admin", "demo.chibo", "demo.doan"] {
        callers.push((login, Some(s.login(login, PW).await.unwrap())));
    }
    let fs = functions();
    assert!(fs.len() > 60, "the server functions were read: {}", fs.len());
    let before = snapshot(&s.db).await;
    let mut sent = 0;
    let mut failures: BTreeMap<String, String> = BTreeMap::new();
    for f in &fs {
        // Signing out and ending sessions take no input to spoil, and would sign the callers out.
        if ["logout", "revoke_other_sessions"].contains(&f.endpoint.as_str()) {
            continue;
        }
        for body in bodies(f) {
            for (who, cookie) in &callers {
                let mut req = s
                    .http
                    .post(format!("{}/api/{}", s.base, f.endpoint))
                    .header(header::ORIGIN, &s.base)
                    .header(header::ACCEPT, "application/json")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(body.clone());
                if let Some(c) = cookie {
                    req = req.header(header::COOKIE, c);
                }
                sent += 1;
                let res = match req.send().await {
                    Ok(res) => res,
                    Err(e) => {
                        failures.entry(f.endpoint.clone()).or_insert(format!("as {who}: connection lost ({e}) with {body:.200}"));
                        continue;
                    }
                };
                let status = res.status().as_u16();
                if status >= 500 {
                    let answer = res.text().await.unwrap_or_default();
                    failures.entry(f.endpoint.clone()).or_insert(format!("as {who}: {status} with {body:.200}: {answer:.200}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} functions failed:\n{}", failures.len(), failures.iter().map(|(f, w)| format!("{f} {w}")).collect::<Vec<_>>().join("\n"));
    let after = snapshot(&s.db).await;
    for (table, rows) in &before {
        assert!(after.get(table) == Some(rows), "{table} changed under malformed input");
    }
    assert_eq!(before.len(), after.len());
    let alive = s.http.get(format!("{}/healthz", s.base)).send().await.unwrap();
    assert_eq!(alive.status().as_u16(), 200);
    eprintln!("{sent} malformed requests to {} server functions", fs.len());
}

both_engines!(malformed_input_changes_nothing);
