//! PostgreSQL restarted under load: a private PostgreSQL server (initdb in a
//! temporary folder, its own port) serves the app while clients keep reading
//! and writing; it is restarted; the app, never restarted, answers again by
//! itself: `/readyz` says so, pages and writes succeed, and while the
//! database was away the app answered 503 (`/readyz`) or a logged 500, never
//! hung or crashed.

mod common;
use common::{admin_and_demo, post_form, ready_within, session_cookie, PW};

use nguon_domain::db;
use reqwest::{header, Client, StatusCode};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The PostgreSQL programs of the installed version.
fn pg_bin(program: &str) -> PathBuf {
    let root = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<PathBuf> = std::fs::read_dir(root).expect("PostgreSQL is installed").flatten().map(|e| e.path()).collect();
    versions.sort();
    versions.pop().expect("a PostgreSQL version").join("bin").join(program)
}

/// Runs a PostgreSQL program as the `postgres` user when the tests run as root (initdb refuses root).
fn as_pg_user(program: &str) -> Command {
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false);
    if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(pg_bin(program));
        c
    } else {
        Command::new(pg_bin(program))
    }
}

/// A private PostgreSQL server in a temporary folder, stopped when dropped.
struct PrivatePg {
    data: PathBuf,
    port: u16,
}

impl PrivatePg {
    fn start() -> PrivatePg {
        let port = free_port();
        let data = std::env::temp_dir().join(format!("nguon-pg-restart-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&data).unwrap();
        let _ = Command::new("chown").args(["postgres:postgres"]).arg(&data).status();
        let ok = as_pg_user("initdb")
            .args(["--auth=trust", "--username=nguon", "--encoding=UTF8", "--locale=C.UTF-8", "-D"])
            .arg(&data)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(ok.success(), "initdb");
        let pg = PrivatePg { data, port };
        pg.ctl("start");
        pg
    }

    fn ctl(&self, action: &str) {
        let options = format!("-p {} -c listen_addresses=127.0.0.1 -k {}", self.port, self.data.display());
        let ok = as_pg_user("pg_ctl")
            .args([action, "-w", "-m", "fast", "-D"])
            .arg(&self.data)
            .args(["-o", &options, "-l"])
            .arg(self.data.join("log"))
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(ok.success(), "pg_ctl {action}");
    }

    fn url(&self) -> String {
        format!("postgres://nguon@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for PrivatePg {
    fn drop(&mut self) {
        let _ = as_pg_user("pg_ctl").args(["stop", "-w", "-m", "immediate", "-D"]).arg(&self.data).stdout(Stdio::null()).status();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct App(Child);

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_recovers_by_itself_when_postgres_restarts() {
    if std::env::var("NGUON_TEST_PG").is_err() {
        eprintln!("NGUON_TEST_PG unset: PostgreSQL tests skipped");
        return;
    }
    let pg = PrivatePg::start();
    {
        let db = db::connect_and_migrate(&pg.url()).await.unwrap();
        admin_and_demo(&db).await;
        db.close().await.unwrap();
    }
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let _app = App(
        Command::new(env!("CARGO_BIN_EXE_nguon-server"))
            .arg("serve")
            .env("DATABASE_URL", pg.url())
            .env("NGUON_LISTEN", format!("127.0.0.1:{port}"))
            .env("NGUON_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let http = Client::builder().timeout(Duration::from_secs(20)).build().unwrap();
    assert!(ready_within(&http, &base, Duration::from_secs(30)).await, "the app starts");
    let res = post_form(&http, &base, "login", &[("username", "demo.doan"), ("password", PW)], None).await.unwrap();
    let cookie = session_cookie(res.headers()).expect("signed in");

    // Load: four clients read the leaderboard and the student list until told to stop.
    let stop = Arc::new(AtomicBool::new(false));
    let (served, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut clients = Vec::new();
    for i in 0..4 {
        let (http, base, cookie, stop, served, failed) = (http.clone(), base.clone(), cookie.clone(), stop.clone(), served.clone(), failed.clone());
        clients.push(tokio::spawn(async move {
            let path = if i % 2 == 0 { "/ledger" } else { "/students" };
            while !stop.load(Ordering::SeqCst) {
                match http.get(format!("{base}{path}")).header(header::COOKIE, &cookie).send().await {
                    Ok(r) if r.status().is_success() => served.fetch_add(1, Ordering::SeqCst),
                    _ => failed.fetch_add(1, Ordering::SeqCst),
                };
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(served.load(Ordering::SeqCst) > 0, "pages are served before the restart");

    // Down: readiness says so (503), the process stays up.
    pg.ctl("stop");
    let down = http.get(format!("{base}/readyz")).send().await.unwrap();
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(http.get(format!("{base}/healthz")).send().await.unwrap().status().is_success(), "alive while the database is away");
    tokio::time::sleep(Duration::from_millis(500)).await;
    pg.ctl("start");

    // Up again: the same process recovers by itself, within seconds.
    assert!(ready_within(&http, &base, Duration::from_secs(15)).await, "ready again without a restart");
    let after = served.load(Ordering::SeqCst);
    let deadline = Instant::now() + Duration::from_secs(15);
    while served.load(Ordering::SeqCst) < after + 20 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.store(true, Ordering::SeqCst);
    for c in clients {
        c.await.unwrap();
    }
    assert!(served.load(Ordering::SeqCst) >= after + 20, "pages are served again after the restart");
    // The session survived (it is in the database), and writes work: a language change is saved.
    let page = http.get(format!("{base}/ledger")).header(header::COOKIE, &cookie).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let saved = post_form(&http, &base, "set_locale", &[("locale", "en")], Some(&cookie)).await.unwrap();
    assert!(saved.status().is_success() || saved.status().is_redirection(), "a write after the restart: {}", saved.status());
    eprintln!("served {} pages, {} failed while PostgreSQL was away", served.load(Ordering::SeqCst), failed.load(Ordering::SeqCst));
}
