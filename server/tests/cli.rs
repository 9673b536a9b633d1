//! The admin command line, run as a real process against a real database.

use nguon_domain::entities::{session, user};
use nguon_domain::settings::AuthSettings;
use nguon_domain::{accounts, db, sessions};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{EntityTrait, PaginatorTrait};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(t: &TestDb, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nguon-server"))
        .args(args)
        .env("DATABASE_URL", &t.url)
        .env("NGUON_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run nguon-server");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

async fn cli_migrate_create_admin_revoke_reset(t: TestDb) {
    let out = run(&t, &["migrate"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // A too-short password is refused with a message in both languages, and nothing is created.
    let args = ["create-admin", "--organisation", "Tỉnh Lâm Đồng", "--full-name", "Phạm Văn Đông", "--username", "dong", "--password-stdin"];
    let out = run(&t, &args, "ngắn\n");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Cần ít nhất 10 ký tự.") && err.contains("At least 10 characters."), "{err}");
    let conn = db::connect(&t.url).await.unwrap();
    assert_eq!(user::Entity::find().count(&conn).await.unwrap(), 0);

    let out = run(&t, &args, "mật-khẩu-đủ-dài\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = AuthSettings::default();
    let admin = accounts::authenticate(&conn, &s, "dong", "mật-khẩu-đủ-dài", "127.0.0.1").await.unwrap();
    assert_eq!(admin.full_name, "Phạm Văn Đông");
    assert!(!run(&t, &args, "mật-khẩu-đủ-dài\n").status.success(), "set-up happens once");

    let token = sessions::create(&conn, &s, admin.id, "127.0.0.1", "t").await.unwrap();
    let out = run(&t, &["revoke-sessions", "--username", "dong"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ended 1 session"));
    assert!(sessions::resolve(&conn, &s, &token, chrono::Utc::now()).await.unwrap().is_none());
    let token = sessions::create(&conn, &s, admin.id, "127.0.0.1", "t").await.unwrap();
    let out = run(&t, &["reset-password", "--username", "dong", "--password-stdin"], "mật-khẩu-mới-tinh\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(accounts::authenticate(&conn, &s, "dong", "mật-khẩu-mới-tinh", "127.0.0.1").await.is_ok());
    assert!(sessions::resolve(&conn, &s, &token, chrono::Utc::now()).await.unwrap().is_none());
    assert_eq!(session::Entity::find().count(&conn).await.unwrap(), 0);
    let out = run(&t, &["reset-password", "--username", "ghost", "--password-stdin"], "mật-khẩu-mới-tinh\n");
    assert!(!out.status.success());
}

both_engines!(cli_migrate_create_admin_revoke_reset);

/// `retention --dry-run` says whom the rule reaches and changes nothing; `retention` anonymises them.
async fn cli_retention(t: TestDb) {
    use nguon_domain::entities::{class, enrolment, org_unit, school_year, student};
    use sea_orm::{ActiveModelTrait, Set};
    let out = run(&t, &["migrate"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let conn = db::connect(&t.url).await.unwrap();
    let now = chrono::Utc::now();
    let school = org_unit::ActiveModel { kind: Set("school".into()), name: Set("THPT Tân Hà".into()), created_at: Set(now), ..Default::default() }.insert(&conn).await.unwrap();
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let year = school_year::ActiveModel { school_id: Set(school.id), name: Set("2012-2013".into()), starts_on: Set(d(2012, 9, 5)), ends_on: Set(d(2013, 5, 31)), ..Default::default() }.insert(&conn).await.unwrap();
    let c = class::ActiveModel { school_year_id: Set(year.id), name: Set("12A1".into()), grade: Set(12), ..Default::default() }.insert(&conn).await.unwrap();
    let s = student::ActiveModel {
        school_id: Set(school.id),
        family_name: Set("Hoàng".into()),
        middle_name: Set("Văn".into()),
        given_name: Set("Nam".into()),
        search_key: Set("hoang van nam".into()),
        date_of_birth: Set(d(1995, 4, 2)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&conn)
    .await
    .unwrap();
    enrolment::ActiveModel { student_id: Set(s.id), class_id: Set(c.id), school_year_id: Set(year.id), ..Default::default() }.insert(&conn).await.unwrap();

    let out = run(&t, &["retention", "--dry-run"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(&format!("student {} ", s.id)) && said.contains("left 31/05/2013") && said.contains("1 học sinh"), "{said}");
    assert_eq!(student::Entity::find_by_id(s.id).one(&conn).await.unwrap().unwrap(), s, "the dry run changes nothing");

    let out = run(&t, &["retention"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("anonymised: 1"));
    let after = student::Entity::find_by_id(s.id).one(&conn).await.unwrap().unwrap();
    assert!(after.anonymised_at.is_some() && after.family_name != "Hoàng");
}

both_engines!(cli_retention);

/// A backup taken while the server serves, restored in place of another
/// database; a backup from a newer version refused, nothing touched.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_backup_and_restore_sqlite() {
    use nguon_testkit::Engine;
    let t = TestDb::new(Engine::Sqlite).await;
    let args = ["create-admin", "--organisation", "Tỉnh Lâm Đồng", "--full-name", "Phạm Văn Đông", "--username", "dong", "--password-stdin"];
    assert!(run(&t, &args, "mật-khẩu-đủ-dài\n").status.success());
    let dir = tempfile::tempdir().unwrap();

    // The server serves the database while the backup is taken.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_nguon-server"))
        .arg("serve")
        .env("DATABASE_URL", &t.url)
        .env("NGUON_LISTEN", format!("127.0.0.1:{port}"))
        .env("NGUON_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(std::time::Instant::now() < deadline, "the server did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let copy = dir.path().join("nguon-backup.db");
    let out = run(&t, &["backup", "--to", copy.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again = run(&t, &["backup", "--to", copy.to_str().unwrap()], "");
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("already exists"));
    server.kill().unwrap();
    let _ = server.wait();

    // Restored in place of a fresh database: the account signs in there.
    let restored = TestDb::new(Engine::Sqlite).await;
    let out = run(&restored, &["restore", "--from", copy.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let conn = db::connect(&restored.url).await.unwrap();
    assert!(accounts::authenticate(&conn, &AuthSettings::default(), "dong", "mật-khẩu-đủ-dài", "127.0.0.1").await.is_ok());
    conn.close().await.unwrap();

    // A backup from a newer version: refused in both languages, the database left as it was.
    let newer = dir.path().join("newer.db");
    std::fs::copy(&copy, &newer).unwrap();
    let c = db::connect(&format!("sqlite://{}", newer.display())).await.unwrap();
    use sea_orm::ConnectionTrait;
    c.execute_unprepared("INSERT INTO seaql_migrations (version, applied_at) VALUES ('m20991231_000001_future', 0)").await.unwrap();
    c.close().await.unwrap();
    let target = TestDb::new(Engine::Sqlite).await;
    assert!(run(&target, &["migrate"], "").status.success());
    let before = std::fs::read(nguon_domain::backup::sqlite_file(&target.url).unwrap()).unwrap();
    let out = run(&target, &["restore", "--from", newer.to_str().unwrap()], "");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("phiên bản mới hơn") && err.contains("newer version") && err.contains("m20991231_000001_future"), "{err}");
    assert_eq!(std::fs::read(nguon_domain::backup::sqlite_file(&target.url).unwrap()).unwrap(), before, "nothing touched");
    // Not a Nguồn database at all.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    assert!(!run(&target, &["restore", "--from", junk.to_str().unwrap()], "").status.success());
}

/// PostgreSQL is backed up with its own tools, as the README says: `pg_dump -Fc`
/// then `pg_restore` into an empty database gives a database the app runs on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pg_dump_and_pg_restore_round_trip() {
    use nguon_testkit::Engine;
    let t = TestDb::new(Engine::Postgres).await;
    let args = ["create-admin", "--organisation", "Tỉnh Lâm Đồng", "--full-name", "Phạm Văn Đông", "--username", "dong", "--password-stdin"];
    assert!(run(&t, &args, "mật-khẩu-đủ-dài\n").status.success());
    let out = run(&t, &["backup", "--to", "/tmp/never-written.db"], "");
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("pg_dump"), "the app points to pg_dump");
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("nguon.dump");
    let st = Command::new("pg_dump").args(["-Fc", "--no-owner", "-f", dump.to_str().unwrap(), "-d", &t.url]).status().expect("pg_dump (Debian postgresql-client)");
    assert!(st.success());
    let restored = TestDb::new(Engine::Postgres).await;
    let st = Command::new("pg_restore").args(["--no-owner", "--exit-on-error", "-d", &restored.url, dump.to_str().unwrap()]).status().unwrap();
    assert!(st.success());
    let out = run(&restored, &["migrate"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let conn = db::connect(&restored.url).await.unwrap();
    assert!(accounts::authenticate(&conn, &AuthSettings::default(), "dong", "mật-khẩu-đủ-dài", "127.0.0.1").await.is_ok());
}
