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
