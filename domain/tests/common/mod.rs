//! Set-up shared by the database tests: a migrated database with the
//! province and its first administrator, units, accounts.
#![allow(dead_code)]

use chrono::{NaiveDate, Utc};
use nguon_domain::accounts::{self, FullName, NewPassword, NewUser, Username};
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{org_unit, school_year};
use nguon_domain::policy::Actor;
use nguon_domain::{db, setup, Locale, Role};
use nguon_testkit::TestDb;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

/// The password of every test account.
pub const PW: &str = "mật-khẩu-đủ-dài";

/// A date.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Audit context of an actor.
pub fn ctx(a: &Actor) -> AuditContext {
    AuditContext { actor_user_id: Some(a.user_id), client_addr: None }
}

/// A migrated database after first-run set-up: the province "Tỉnh Lâm Đồng"
/// and its administrator `admin`, returned as an actor with its unit.
pub async fn province(t: &TestDb) -> (DatabaseConnection, Actor, i64) {
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    let input = setup::FirstRunInput {
        organisation: "Tỉnh Lâm Đồng".into(),
        full_name: "Quản Trị Tỉnh".into(),
        username: "admin".into(),
        password: PW.into(),
        confirm: PW.into(),
        locale: Locale::Vi,
    };
    let admin = setup::create_first_admin(&db, &AuditContext::default(), input).await.unwrap();
    let province = org_unit::Entity::find().one(&db).await.unwrap().unwrap().id;
    (db, Actor { user_id: admin.id, grants: vec![(Role::Administrator, province)] }, province)
}

/// Inserts a unit of `kind` under `parent`.
pub async fn unit(db: &DatabaseConnection, kind: &str, name: &str, parent: i64) -> i64 {
    org_unit::ActiveModel {
        kind: Set(kind.into()),
        name: Set(name.into()),
        parent_id: Set(Some(parent)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

/// Creates an account without roles; returns its id.
pub async fn user(db: &DatabaseConnection, login: &str) -> i64 {
    let input = NewUser {
        username: Username::parse(login).unwrap(),
        full_name: FullName::parse("full_name", "Người Thử").unwrap(),
        password: NewPassword::parse(PW, PW, login).unwrap(),
        locale: Locale::Vi,
    };
    accounts::create_user(db, &AuditContext::default(), input).await.unwrap().id
}

/// Inserts the school year 2025-2026 (05/09/2025 – 31/05/2026) of `school`; returns its id.
pub async fn year_2025(db: &DatabaseConnection, school: i64) -> i64 {
    school_year::ActiveModel {
        school_id: Set(school),
        name: Set("2025-2026".into()),
        starts_on: Set(d(2025, 9, 5)),
        ends_on: Set(d(2026, 5, 31)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}
