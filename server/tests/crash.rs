//! Crash safety: the server process killed with SIGKILL while union officers
//! log whole classes, a second officer approves, and the cell moves
//! candidates. After a restart (which must find the database usable by
//! itself) no batch is partial, totals equal the approved entries, and the
//! audit log matches the data. Both engines.

mod common;
use common::{admin_and_demo, post_form, ready_within, session_cookie, PW};

use nguon_domain::entities::{activity, audit_log, candidacy, candidacy_event, enrolment, ledger_batch, ledger_entry, student_total};
use nguon_domain::db;
use nguon_testkit::{both_engines, TestDb};
use reqwest::Client;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A server process on the test database.
fn serve(t: &TestDb, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nguon-server"))
        .arg("serve")
        .env("DATABASE_URL", &t.url)
        .env("NGUON_LISTEN", format!("127.0.0.1:{port}"))
        .env("NGUON_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server")
}

async fn wait_ready(http: &Client, base: &str) {
    assert!(ready_within(http, base, Duration::from_secs(30)).await, "the server did not become ready");
}

/// Answers 500 and above seen while the server ran (a fault, not a crash).
static FAULTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

async fn call(http: &Client, base: &str, name: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Option<reqwest::Response> {
    let res = post_form(http, base, name, form, cookie).await.ok()?;
    if res.status().is_server_error() {
        FAULTS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
    Some(res)
}

async fn login(http: &Client, base: &str, user: &str) -> String {
    let res = call(http, base, "login", &[("username", user), ("password", PW)], None).await.unwrap();
    assert!(res.status().is_success(), "{user} signs in");
    session_cookie(res.headers()).unwrap()
}

/// What must hold after any crash.
async fn assert_consistent(db: &DatabaseConnection, before: &Counts) -> Counts {
    // No partial batch: each holds exactly the entries it says.
    for b in ledger_batch::Entity::find().all(db).await.unwrap() {
        let n = ledger_entry::Entity::find().filter(ledger_entry::Column::BatchId.eq(b.id)).count(db).await.unwrap();
        assert_eq!(n as i32, b.entries, "batch {} is partial", b.id);
    }
    // Totals equal the approved entries, student by student and year by year.
    let mut approved: HashMap<(i64, i64), i64> = HashMap::new();
    for e in ledger_entry::Entity::find().filter(ledger_entry::Column::Status.eq("approved")).all(db).await.unwrap() {
        *approved.entry((e.student_id, e.school_year_id)).or_default() += i64::from(e.points);
    }
    let mut totals: HashMap<(i64, i64), i64> = HashMap::new();
    for t in student_total::Entity::find().all(db).await.unwrap() {
        *totals.entry((t.student_id, t.school_year_id)).or_default() += t.points;
    }
    approved.retain(|_, p| *p != 0);
    totals.retain(|_, p| *p != 0);
    assert_eq!(totals, approved, "totals equal the approved entries");
    let now = counts(db).await;
    // The audit log matches the data: one record per batch logged, per entry reviewed, per move.
    assert_eq!(now.batches - before.batches, now.audit_batches - before.audit_batches, "batches vs their audit records");
    assert_eq!(now.reviewed - before.reviewed, now.audit_reviews - before.audit_reviews, "reviews vs their audit records");
    assert_eq!(now.events - before.events, now.audit_moves - before.audit_moves, "moves vs their audit records");
    now
}

/// Counts compared before and after.
#[derive(Debug, Clone, Copy)]
struct Counts {
    batches: u64,
    audit_batches: u64,
    reviewed: u64,
    audit_reviews: u64,
    events: u64,
    audit_moves: u64,
}

async fn counts(db: &DatabaseConnection) -> Counts {
    let audit = |entity: &'static str, actions: &'static [&'static str]| {
        audit_log::Entity::find().filter(audit_log::Column::Entity.eq(entity)).filter(audit_log::Column::Action.is_in(actions.iter().copied())).count(db)
    };
    Counts {
        batches: ledger_batch::Entity::find().count(db).await.unwrap(),
        audit_batches: audit("ledger_batch", &["log"]).await.unwrap(),
        reviewed: ledger_entry::Entity::find().filter(ledger_entry::Column::ReviewedBy.is_not_null()).count(db).await.unwrap(),
        audit_reviews: audit("ledger_entry", &["approve", "reject"]).await.unwrap(),
        events: candidacy_event::Entity::find().count(db).await.unwrap(),
        audit_moves: audit("candidacy", &["move"]).await.unwrap(),
    }
}

async fn killed_mid_write_leaves_consistent_data(t: TestDb) {
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    admin_and_demo(&db).await;
    let sunday = activity::Entity::find().filter(activity::Column::Name.eq("Chủ nhật xanh")).one(&db).await.unwrap().unwrap();
    let mut classes: HashMap<i64, Vec<String>> = HashMap::new();
    for e in enrolment::Entity::find().filter(enrolment::Column::SchoolYearId.eq(sunday.school_year_id)).all(&db).await.unwrap() {
        classes.entry(e.class_id).or_default().push(e.student_id.to_string());
    }
    let classes: Vec<Vec<String>> = classes.into_values().collect();
    let open: Vec<String> = candidacy::Entity::find().all(&db).await.unwrap().into_iter().map(|c| c.id.to_string()).collect();

    let (mut reviewed, mut moved) = (0, 0);
    for round in 0..3 {
        let before = counts(&db).await;
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let mut server = serve(&t, port);
        let http = Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        wait_ready(&http, &base).await;
        let (doan, doan2, chibo) = (login(&http, &base, "demo.doan").await, login(&http, &base, "demo.doan2").await, login(&http, &base, "demo.chibo").await);
        let activity_id = sunday.id.to_string();
        // Whole classes logged, over and over.
        let logger = {
            let (http, base, classes) = (http.clone(), base.clone(), classes.clone());
            tokio::spawn(async move {
                for i in 0.. {
                    let key = format!("crash-{round}-{i}");
                    let mut form: Vec<(&str, &str)> = vec![("request_key", &key), ("activity", &activity_id), ("level", ""), ("occurred_on", "21/09/2025"), ("evidence", ""), ("repeat", "1")];
                    for s in &classes[i % classes.len()] {
                        form.push(("students[]", s));
                    }
                    call(&http, &base, "log_activity", &form, Some(&doan)).await;
                }
            })
        };
        // The second officer approves what is waiting.
        let approver = {
            let (http, base, db) = (http.clone(), base.clone(), db.clone());
            tokio::spawn(async move {
                loop {
                    let pending: Vec<String> = ledger_entry::Entity::find()
                        .filter(ledger_entry::Column::Status.eq("pending"))
                        .limit(300)
                        .all(&db)
                        .await
                        .map(|v| v.into_iter().map(|e| e.id.to_string()).collect())
                        .unwrap_or_default();
                    let mut form: Vec<(&str, &str)> = vec![("decision", "approve"), ("reason", "")];
                    for id in &pending {
                        form.push(("entries[]", id));
                    }
                    call(&http, &base, "review_entries", &form, Some(&doan2)).await;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            })
        };
        // The cell moves candidates (most are refused by the rules; those that pass are events).
        let mover = {
            let (http, base, open) = (http.clone(), base.clone(), open.clone());
            tokio::spawn(async move {
                let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive().format("%d/%m/%Y").to_string();
                for i in 0.. {
                    let to = ["awareness_class", "candidate", "dossier"][i % 3];
                    let c = &open[i % open.len()];
                    let form = [("candidacy", c.as_str()), ("to", to), ("on", &today), ("reason", ""), ("override_reason", "Thử khả năng chịu lỗi"), ("confirm_override", "1"), ("members", ""), ("present", ""), ("for_votes", ""), ("against", ""), ("abstain", ""), ("decision_number", ""), ("decided_on", ""), ("superior_agreement", "")];
                    call(&http, &base, "move_candidacy", &form, Some(&chibo)).await;
                }
            })
        };
        // Killed while writing: a little later each round.
        tokio::time::sleep(Duration::from_millis(700 + 400 * round)).await;
        server.kill().unwrap();
        let _ = server.wait();
        for task in [logger, approver, mover] {
            task.abort();
        }
        let during = counts(&db).await;
        assert!(during.batches > before.batches, "round {round}: classes were logged before the kill");
        // A restart finds the database usable by itself.
        let mut again = serve(&t, port);
        wait_ready(&http, &base).await;
        again.kill().unwrap();
        let _ = again.wait();
        let fresh = db::connect(&t.url).await.unwrap();
        let after = assert_consistent(&fresh, &before).await;
        eprintln!("round {round}: {} batches, {} entries reviewed, {} moves recorded before the kill", after.batches - before.batches, after.reviewed - before.reviewed, after.events - before.events);
        (reviewed, moved) = (reviewed + after.reviewed - before.reviewed, moved + after.events - before.events);
    }
    assert!(reviewed > 0 && moved > 0, "approvals and moves ran concurrently with the logging: {reviewed} / {moved}");
    // Concurrent writers wait for each other (SQLite: BEGIN IMMEDIATE) rather than fail.
    assert_eq!(FAULTS.load(std::sync::atomic::Ordering::SeqCst), 0, "answers of 500 while several wrote at once");
}

both_engines!(killed_mid_write_leaves_consistent_data);

/// Two app instances on one PostgreSQL database: the second officer's
/// approvals of the same entries and the cell's moves of the same candidate
/// sent to both at the same moment. Each entry counts once, each move is
/// recorded once, and the loser is told (409 or 400), never a 500.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_do_not_double_count() {
    use nguon_testkit::Engine;
    let t = TestDb::new(Engine::Postgres).await;
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    admin_and_demo(&db).await;
    let before = counts(&db).await;
    let http = Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let mut servers = Vec::new();
    let mut bases = Vec::new();
    for _ in 0..2 {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        servers.push(serve(&t, port));
        bases.push(format!("http://127.0.0.1:{port}"));
    }
    for b in &bases {
        wait_ready(&http, b).await;
    }
    // Sessions live in the database: signed in on one instance, known to both.
    let (doan, doan2, chibo) = (login(&http, &bases[0], "demo.doan").await, login(&http, &bases[0], "demo.doan2").await, login(&http, &bases[1], "demo.chibo").await);
    let sunday = activity::Entity::find().filter(activity::Column::Name.eq("Chủ nhật xanh")).one(&db).await.unwrap().unwrap();
    let mut classes: HashMap<i64, Vec<String>> = HashMap::new();
    for e in enrolment::Entity::find().filter(enrolment::Column::SchoolYearId.eq(sunday.school_year_id)).all(&db).await.unwrap() {
        classes.entry(e.class_id).or_default().push(e.student_id.to_string());
    }
    for (i, students) in classes.values().take(6).enumerate() {
        let key = format!("twice-{i}");
        let activity_id = sunday.id.to_string();
        let mut form: Vec<(&str, &str)> = vec![("request_key", &key), ("activity", &activity_id), ("level", ""), ("occurred_on", "28/09/2025"), ("evidence", ""), ("repeat", "1")];
        form.extend(students.iter().map(|s| ("students[]", s.as_str())));
        let res = call(&http, &bases[i % 2], "log_activity", &form, Some(&doan)).await.unwrap();
        assert!(res.status().is_success());
    }
    let pending: Vec<String> =
        ledger_entry::Entity::find().filter(ledger_entry::Column::Status.eq("pending")).all(&db).await.unwrap().into_iter().map(|e| e.id.to_string()).collect();
    assert!(pending.len() > 100);
    let mut wins = 0;
    for chunk in pending.chunks(40) {
        let mut form: Vec<(&str, &str)> = vec![("decision", "approve"), ("reason", "")];
        form.extend(chunk.iter().map(|id| ("entries[]", id.as_str())));
        let (a, b) = tokio::join!(call(&http, &bases[0], "review_entries", &form, Some(&doan2)), call(&http, &bases[1], "review_entries", &form, Some(&doan2)));
        let statuses = [a.unwrap().status().as_u16(), b.unwrap().status().as_u16()];
        assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "one approval wins: {statuses:?}");
        assert!(statuses.iter().all(|s| matches!(s, 200 | 400 | 409)), "{statuses:?}");
        wins += 1;
    }
    // The same candidate moved on both instances at once.
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive().format("%d/%m/%Y").to_string();
    let cands = candidacy::Entity::find().all(&db).await.unwrap();
    for c in &cands {
        let id = c.id.to_string();
        let events = candidacy_event::Entity::find().filter(candidacy_event::Column::CandidacyId.eq(c.id)).count(&db).await.unwrap();
        let form = [("candidacy", id.as_str()), ("to", "withdrawn"), ("on", &today), ("reason", "Gia đình xin rút"), ("override_reason", ""), ("members", ""), ("present", ""), ("for_votes", ""), ("against", ""), ("abstain", ""), ("decision_number", ""), ("decided_on", ""), ("superior_agreement", "")];
        let (a, b) = tokio::join!(call(&http, &bases[0], "move_candidacy", &form, Some(&chibo)), call(&http, &bases[1], "move_candidacy", &form, Some(&chibo)));
        let statuses = [a.unwrap().status().as_u16(), b.unwrap().status().as_u16()];
        assert!(statuses.iter().all(|s| matches!(s, 200 | 400 | 409)), "{statuses:?}");
        let after = candidacy_event::Entity::find().filter(candidacy_event::Column::CandidacyId.eq(c.id)).count(&db).await.unwrap();
        let succeeded = statuses.iter().filter(|s| **s == 200).count() as u64;
        assert!(succeeded <= 1, "the same move recorded twice: {statuses:?}");
        assert_eq!(after - events, succeeded, "one event per successful move");
    }
    for mut s in servers {
        s.kill().unwrap();
        let _ = s.wait();
    }
    assert!(wins > 0);
    assert_consistent(&db, &before).await;
    assert_eq!(FAULTS.load(std::sync::atomic::Ordering::SeqCst), 0, "answers of 500 under contention");
}
