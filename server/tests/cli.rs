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
