//! Account, session, throttling and set-up services against a real database,
//! on SQLite and on PostgreSQL.

use chrono::{Duration, Utc};
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{audit_log, login_attempt, org_unit, user};
use nguon_domain::settings::AuthSettings;
use nguon_domain::{accounts, db, policy, sessions, setup, throttle, AppError, ErrorCode, Locale, Role};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

const PW: &str = "mật-khẩu-đủ-dài";

async fn open(t: &TestDb) -> DatabaseConnection {
    db::connect_and_migrate(&t.url).await.expect("connect and migrate")
}

fn first_run(username: &str) -> setup::FirstRunInput {
    setup::FirstRunInput {
        organisation: "Tỉnh Lâm Đồng".into(),
        full_name: "Nguyễn Thị Ánh Đào".into(),
        username: username.into(),
        password: PW.into(),
        confirm: PW.into(),
        locale: Locale::Vi,
    }
}

async fn count_audit(db: &DatabaseConnection) -> u64 {
    audit_log::Entity::find().count(db).await.unwrap()
}

async fn first_admin_is_created_once(t: TestDb) {
    let db = open(&t).await;
    assert!(setup::needs_setup(&db).await.unwrap());
    let admin = setup::create_first_admin(&db, &AuditContext::default(), first_run("admin")).await.unwrap();
    // Diacritics survive the round trip on both engines.
    let stored = user::Entity::find_by_id(admin.id).one(&db).await.unwrap().unwrap();
    assert_eq!(stored.full_name, "Nguyễn Thị Ánh Đào");
    assert!(stored.password_hash.starts_with("$argon2id$"));
    let unit = org_unit::Entity::find().one(&db).await.unwrap().unwrap();
    assert_eq!(unit.name, "Tỉnh Lâm Đồng");
    assert_eq!(accounts::active_grants(&db, admin.id).await.unwrap(), vec![(Role::Administrator, unit.id)]);
    assert!(!setup::needs_setup(&db).await.unwrap());
    // Created unit, user and grant are all audited.
    assert_eq!(count_audit(&db).await, 3);

    let again = setup::create_first_admin(&db, &AuditContext::default(), first_run("other")).await;
    assert_eq!(again.unwrap_err(), AppError::AlreadySetUp);
    assert_eq!(user::Entity::find().count(&db).await.unwrap(), 1);
    assert_eq!(count_audit(&db).await, 3);
}

async fn bad_first_run_input_changes_nothing(t: TestDb) {
    let db = open(&t).await;
    let mut input = first_run("ab");
    input.organisation = "   ".into();
    input.confirm = "different-password".into();
    let err = setup::create_first_admin(&db, &AuditContext::default(), input).await.unwrap_err();
    let AppError::Invalid(list) = err else { panic!("expected validation error") };
    let fields: Vec<_> = list.iter().map(|e| (e.field.as_str(), e.code.clone())).collect();
    assert!(fields.contains(&("organisation", ErrorCode::Required)));
    assert!(fields.contains(&("username", ErrorCode::TooShort { min: 3 })));
    assert!(fields.contains(&("confirm", ErrorCode::PasswordMismatch)));
    assert!(setup::needs_setup(&db).await.unwrap());
    assert_eq!(org_unit::Entity::find().count(&db).await.unwrap(), 0);
    assert_eq!(count_audit(&db).await, 0);
}

async fn login_is_throttled_per_account_and_cleared_by_success(t: TestDb) {
    let db = open(&t).await;
    setup::create_first_admin(&db, &AuditContext::default(), first_run("admin")).await.unwrap();
    let s = AuthSettings { max_failures_per_account: 3, ..AuthSettings::default() };
    // Success, then failures up to the limit.
    accounts::authenticate(&db, &s, "Admin", PW, "10.0.0.1").await.unwrap();
    for _ in 0..3 {
        assert_eq!(accounts::authenticate(&db, &s, "admin", "wrong", "10.0.0.1").await.unwrap_err(), AppError::InvalidCredentials);
    }
    // Now even the right password is refused, with a wait time.
    match accounts::authenticate(&db, &s, "admin", PW, "10.0.0.2").await.unwrap_err() {
        AppError::Throttled { retry_after_minutes } => assert!((1..=15).contains(&retry_after_minutes)),
        other => panic!("expected throttling, got {other:?}"),
    }
    // Unknown users get the same answer as a wrong password.
    assert_eq!(accounts::authenticate(&db, &s, "nobody", PW, "10.0.0.3").await.unwrap_err(), AppError::InvalidCredentials);
    // Once the failures leave the window the account opens again.
    let later = Utc::now() + Duration::minutes(16);
    throttle::check(&db, &s, "admin", "10.0.0.1", later).await.unwrap();
}

async fn login_is_throttled_per_address(t: TestDb) {
    let db = open(&t).await;
    let s = AuthSettings { max_failures_per_addr: 4, ..AuthSettings::default() };
    for i in 0..4 {
        let name = format!("guess{i}");
        assert_eq!(accounts::authenticate(&db, &s, &name, "x", "192.0.2.9").await.unwrap_err(), AppError::InvalidCredentials);
    }
    assert!(matches!(
        accounts::authenticate(&db, &s, "another", "x", "192.0.2.9").await.unwrap_err(),
        AppError::Throttled { .. }
    ));
    // Another address is not affected.
    assert_eq!(accounts::authenticate(&db, &s, "another", "x", "192.0.2.10").await.unwrap_err(), AppError::InvalidCredentials);
    assert_eq!(login_attempt::Entity::find().count(&db).await.unwrap(), 5);
}

async fn sessions_expire_and_are_revoked(t: TestDb) {
    let db = open(&t).await;
    let admin = setup::create_first_admin(&db, &AuditContext::default(), first_run("admin")).await.unwrap();
    let s = AuthSettings::default();
    let a = sessions::create(&db, &s, admin.id, "127.0.0.1", "test").await.unwrap();
    let b = sessions::create(&db, &s, admin.id, "127.0.0.1", "test").await.unwrap();
    let now = Utc::now();
    assert!(sessions::resolve(&db, &s, &a, now).await.unwrap().is_some());
    assert!(sessions::resolve(&db, &s, "not-a-token", now).await.unwrap().is_none());
    // Idle for longer than the timeout: gone, and deleted.
    assert!(sessions::resolve(&db, &s, &a, now + Duration::minutes(31)).await.unwrap().is_none());
    assert!(sessions::resolve(&db, &s, &a, now).await.unwrap().is_none());
    // Active but past the absolute lifetime: gone.
    let mut t = now;
    while t < now + Duration::hours(12) {
        t += Duration::minutes(20);
        let alive = sessions::resolve(&db, &s, &b, t).await.unwrap().is_some();
        assert_eq!(alive, t < now + Duration::hours(12) - Duration::seconds(1), "at {t}");
    }
    // Revoking all but one.
    let c = sessions::create(&db, &s, admin.id, "127.0.0.1", "test").await.unwrap();
    let d = sessions::create(&db, &s, admin.id, "127.0.0.1", "test").await.unwrap();
    let keep = sessions::token_id(&d);
    let n = sessions::end_sessions(&db, &AuditContext::default(), admin.id, Some(&keep)).await.unwrap();
    assert_eq!(n, 1);
    assert!(sessions::resolve(&db, &s, &c, Utc::now()).await.unwrap().is_none());
    assert!(sessions::resolve(&db, &s, &d, Utc::now()).await.unwrap().is_some());
}

async fn change_password_checks_and_ends_other_sessions(t: TestDb) {
    let db = open(&t).await;
    let admin = setup::create_first_admin(&db, &AuditContext::default(), first_run("admin")).await.unwrap();
    let s = AuthSettings::default();
    let mine = sessions::create(&db, &s, admin.id, "127.0.0.1", "a").await.unwrap();
    let other = sessions::create(&db, &s, admin.id, "127.0.0.1", "b").await.unwrap();
    let ctx = AuditContext { actor_user_id: Some(admin.id), client_addr: None };
    let keep = sessions::token_id(&mine);
    let audits = count_audit(&db).await;

    let wrong = accounts::change_password(&db, &ctx, admin.id, Some(&keep), "nope", "mới-đủ-dài-123", "mới-đủ-dài-123").await;
    assert_eq!(wrong.unwrap_err(), AppError::invalid("current", ErrorCode::WrongCurrentPassword));
    let short = accounts::change_password(&db, &ctx, admin.id, Some(&keep), PW, "short", "short").await;
    assert_eq!(short.unwrap_err(), AppError::invalid("new", ErrorCode::TooShort { min: 10 }));
    assert_eq!(count_audit(&db).await, audits, "refused changes write nothing");
    assert!(accounts::authenticate(&db, &s, "admin", PW, "1.1.1.1").await.is_ok());

    accounts::change_password(&db, &ctx, admin.id, Some(&keep), PW, "mới-đủ-dài-123", "mới-đủ-dài-123").await.unwrap();
    assert!(accounts::authenticate(&db, &s, "admin", "mới-đủ-dài-123", "1.1.1.1").await.is_ok());
    assert_eq!(accounts::authenticate(&db, &s, "admin", PW, "1.1.1.1").await.unwrap_err(), AppError::InvalidCredentials);
    assert!(sessions::resolve(&db, &s, &mine, Utc::now()).await.unwrap().is_some());
    assert!(sessions::resolve(&db, &s, &other, Utc::now()).await.unwrap().is_none());
    assert_eq!(count_audit(&db).await, audits + 1);

    // CLI reset ends every session.
    accounts::reset_password(&db, &AuditContext::default(), "admin", "đặt-lại-mật-khẩu").await.unwrap();
    assert!(sessions::resolve(&db, &s, &mine, Utc::now()).await.unwrap().is_none());
    assert_eq!(accounts::reset_password(&db, &AuditContext::default(), "ghost", "đặt-lại-mật-khẩu").await.unwrap_err(), AppError::NotFound);
}

async fn policy_scopes_follow_the_org_tree(t: TestDb) {
    let db = open(&t).await;
    let admin = setup::create_first_admin(&db, &AuditContext::default(), first_run("admin")).await.unwrap();
    let root = org_unit::Entity::find().one(&db).await.unwrap().unwrap();
    let unit = |name: &str, kind: &str, parent: i64| org_unit::ActiveModel {
        kind: Set(kind.into()),
        name: Set(name.into()),
        parent_id: Set(Some(parent)),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let tan_ha = unit("THPT Tân Hà", "school", root.id).insert(&db).await.unwrap();
    let cell = unit("Đảng bộ THPT Tân Hà", "party_cell", tan_ha.id).insert(&db).await.unwrap();
    let other = unit("THPT Lâm Hà", "school", root.id).insert(&db).await.unwrap();
    assert_eq!(policy::unit_chain(&db, cell.id).await.unwrap(), vec![cell.id, tan_ha.id, root.id]);

    let ctx = AuditContext { actor_user_id: Some(admin.id), client_addr: None };
    let officer = accounts::create_user(
        &db,
        &ctx,
        accounts::NewUser {
            username: accounts::Username::parse("bithu").unwrap(),
            full_name: accounts::FullName::parse("full_name", "Trần Văn Bình").unwrap(),
            password: accounts::NewPassword::parse(PW, PW, "bithu").unwrap(),
            locale: Locale::Vi,
        },
    )
    .await
    .unwrap();
    accounts::grant_role(&db, &ctx, officer.id, Role::PartyCellOfficer, tan_ha.id).await.unwrap();
    let actor = policy::Actor { user_id: officer.id, grants: accounts::active_grants(&db, officer.id).await.unwrap() };
    let chain_cell = policy::unit_chain(&db, cell.id).await.unwrap();
    let chain_other = policy::unit_chain(&db, other.id).await.unwrap();
    assert!(policy::authorize(&actor, policy::Permission::ManagePipeline, &chain_cell).is_ok());
    assert_eq!(policy::authorize(&actor, policy::Permission::ManagePipeline, &chain_other), Err(AppError::Forbidden));

    // The administrator of the root sees both accounts; the officer may not list accounts.
    let admin_actor = policy::Actor { user_id: admin.id, grants: accounts::active_grants(&db, admin.id).await.unwrap() };
    let rows = accounts::list_manageable(&db, &admin_actor).await.unwrap();
    // Class-list order: Trần Văn Bình (given name Bình) before Nguyễn Thị Ánh Đào (Đào).
    assert_eq!(rows.iter().map(|r| r.username.as_str()).collect::<Vec<_>>(), vec!["bithu", "admin"]);
    assert_eq!(accounts::list_manageable(&db, &actor).await.unwrap_err(), AppError::Forbidden);
}

async fn duplicate_username_is_refused(t: TestDb) {
    let db = open(&t).await;
    setup::create_first_admin(&db, &AuditContext::default(), first_run("admin")).await.unwrap();
    let before = count_audit(&db).await;
    let res = accounts::create_user(
        &db,
        &AuditContext::default(),
        accounts::NewUser {
            username: accounts::Username::parse("ADMIN").unwrap(),
            full_name: accounts::FullName::parse("full_name", "Ai Đó").unwrap(),
            password: accounts::NewPassword::parse(PW, PW, "admin").unwrap(),
            locale: Locale::En,
        },
    )
    .await;
    assert_eq!(res.unwrap_err(), AppError::invalid("username", ErrorCode::UsernameTaken));
    assert_eq!(count_audit(&db).await, before);
}

both_engines!(
    first_admin_is_created_once,
    bad_first_run_input_changes_nothing,
    login_is_throttled_per_account_and_cleared_by_success,
    login_is_throttled_per_address,
    sessions_expire_and_are_revoked,
    change_password_checks_and_ends_other_sessions,
    policy_scopes_follow_the_org_tree,
    duplicate_username_is_refused,
);

/// The SQLite pragmas the connection promises, and several pooled readers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_connection_settings() {
    use sea_orm::{ConnectionTrait, Statement};
    let t = TestDb::new(nguon_testkit::Engine::Sqlite).await;
    let db = open(&t).await;
    let pragma = |name: &'static str| {
        let db = db.clone();
        async move {
            let row = db
                .query_one_raw(Statement::from_string(db.get_database_backend(), format!("PRAGMA {name}")))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<String>(0).or_else(|_| row.try_get_by_index::<i64>(0).map(|v| v.to_string())).unwrap()
        }
    };
    assert_eq!(pragma("journal_mode").await, "wal");
    assert_eq!(pragma("foreign_keys").await, "1");
    assert_eq!(pragma("synchronous").await, "1", "NORMAL");
    assert_eq!(pragma("busy_timeout").await, "5000");
    // Readers run side by side on separate pooled connections.
    let reads = (0..8).map(|_| {
        let db = db.clone();
        tokio::spawn(async move { user::Entity::find().count(&db).await.unwrap() })
    });
    for r in reads {
        assert_eq!(r.await.unwrap(), 0);
    }
}

async fn housekeeping_purges_old_rows(t: TestDb) {
    let db = open(&t).await;
    let admin = setup::create_first_admin(&db, &AuditContext::default(), first_run("admin")).await.unwrap();
    let s = AuthSettings::default();
    sessions::create(&db, &s, admin.id, "127.0.0.1", "x").await.unwrap();
    accounts::authenticate(&db, &s, "admin", "wrong", "127.0.0.1").await.unwrap_err();
    let now = Utc::now();
    assert_eq!(sessions::purge_expired(&db, &s, now).await.unwrap(), 0, "a fresh session stays");
    assert_eq!(sessions::purge_expired(&db, &s, now + Duration::minutes(31)).await.unwrap(), 1);
    assert_eq!(throttle::purge_before(&db, now - Duration::hours(1)).await.unwrap(), 0);
    assert_eq!(throttle::purge_before(&db, now + Duration::seconds(1)).await.unwrap(), 1);
    assert_eq!(login_attempt::Entity::find().count(&db).await.unwrap(), 0);
}

both_engines!(housekeeping_purges_old_rows);
