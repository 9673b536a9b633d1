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
    sent += malformed_uploads(&s, &callers, &mut failures).await;
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

/// The two upload endpoints with files no one should send: corrupt, empty,
/// oversize, a zip bomb and a far-away cell disguised as `.xlsx`, binary
/// text as `.csv`, a file name with control characters, bad and repeated
/// fields, and a body that is not multipart at all.
async fn malformed_uploads(s: &Server, callers: &[(&str, Option<String>)], failures: &mut BTreeMap<String, String>) -> usize {
    use nguon_domain::roster::read::tiny_xlsx;
    let year = {
        use sea_orm::EntityTrait;
        nguon_domain::entities::school_year::Entity::find().one(&s.db).await.unwrap().unwrap().id.to_string()
    };
    let max = nguon_domain::roster::MAX_UPLOAD_BYTES;
    let files: Vec<(&str, String, Vec<u8>)> = vec![
        ("corrupt", "lop.xlsx".into(), b"PK\x03\x04 this is not a workbook".to_vec()),
        ("empty", "lop.xlsx".into(), Vec::new()),
        ("bomb", "lop.xlsx".into(), tiny_xlsx(&" ".repeat(40 * 1024 * 1024))),
        ("far cell", "lop.xlsx".into(), tiny_xlsx("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>")),
        ("binary csv", "lop.csv".into(), b"Ho va ten;Ngay sinh\n\x00\x01\x02;\xFF\xFE\n".to_vec()),
        ("just over", "lop.csv".into(), vec![b'a'; max + 1]),
        ("far over", "lop.csv".into(), vec![b'a'; max + 512 * 1024]),
        ("name", format!("lop\u{0}{}.xlsx", "x".repeat(10_000)), b"garbage".to_vec()),
    ];
    let mut sent = 0;
    for endpoint in ["roster", "results"] {
        for (what, name, bytes) in &files {
            for (fields, label) in [(vec![("school_year", year.as_str()), ("period", "1")], "fields"), (vec![("school_year", "-1"), ("school_year", "abc"), ("period", "99999")], "bad fields")] {
                for (who, cookie) in callers {
                    let mut form = reqwest::multipart::Form::new();
                    for (k, v) in &fields {
                        form = form.text(k.to_string(), v.to_string());
                    }
                    form = form.part("file", reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.clone()));
                    let mut req = s.http.post(format!("{}/upload/{endpoint}", s.base)).header(header::ORIGIN, &s.base).multipart(form);
                    if let Some(c) = cookie {
                        req = req.header(header::COOKIE, c);
                    }
                    sent += 1;
                    match req.send().await {
                        Ok(res) if res.status().as_u16() < 500 => {}
                        Ok(res) => {
                            failures.entry(format!("upload/{endpoint} {what}")).or_insert(format!("{label} as {who}: {}", res.status()));
                        }
                        // A body past the endpoint's limit is answered 413 as soon as the limit is
                        // reached, and the connection closed while the client still sends: not a fault.
                        // Anything smaller is read whole before any answer.
                        Err(_) if bytes.len() > max + 64 * 1024 => {}
                        Err(e) => {
                            failures.entry(format!("upload/{endpoint} {what}")).or_insert(format!("{label} as {who}: connection lost ({e})"));
                        }
                    }
                }
            }
        }
        // Not multipart at all.
        let res = s.http.post(format!("{}/upload/{endpoint}", s.base)).header(header::ORIGIN, &s.base).body("school_year=1").send().await.unwrap();
        if res.status().as_u16() >= 500 {
            failures.insert(format!("upload/{endpoint} not multipart"), res.status().to_string());
        }
        sent += 1;
    }
    sent
}

both_engines!(malformed_input_changes_nothing);
