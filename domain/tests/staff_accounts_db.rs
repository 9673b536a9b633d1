//! An administrator resets a staff member's forgotten password, on both
//! engines: the old password stops working, the new one works, every
//! session of the account ends, the reset is audited; a school's
//! administrator cannot reset an account that holds a role beyond the
//! school, nor their own, nor one without an account; a bad password
//! changes nothing.

mod common;
use common::*;

use nguon_domain::accounts;
use nguon_domain::entities::{audit_log, session, staff};
use nguon_domain::people::{self, NewStaff};
use nguon_domain::policy::Actor;
use nguon_domain::settings::AuthSettings;
use nguon_domain::{sessions, staff_accounts, AppError, ErrorCode, Role};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn administrators_reset_forgotten_passwords(t: TestDb) {
    let (db, admin, province) = province(&t).await;
    let school = unit(&db, "school", "THPT Tân Hà", province).await;
    let new_staff = |name: &str, login: &str, role: Option<Role>| NewStaff {
        school_id: school,
        full_name: name.into(),
        username: login.into(),
        password: if login.is_empty() { String::new() } else { PW.into() },
        party_full_member_since: None,
        party_cell_unit_id: None,
        role,
    };
    let today = d(2026, 3, 2);
    let teacher = people::create_staff(&db, &admin, &ctx(&admin), new_staff("Lê Thị Hương", "huong", Some(Role::Mentor)), today).await.unwrap();
    let school_admin = people::create_staff(&db, &admin, &ctx(&admin), new_staff("Trần Văn Quản", "quantri", Some(Role::Administrator)), today).await.unwrap();
    let no_account = people::create_staff(&db, &admin, &ctx(&admin), new_staff("Phạm Văn Bảo", "", None), today).await.unwrap();
    let s = AuthSettings::default();
    let huong = accounts::authenticate(&db, &s, "huong", PW, "127.0.0.1").await.unwrap();
    sessions::sign_in(&db, &s, &ctx(&admin), huong.id, None, "phone").await.unwrap();
    assert_eq!(session::Entity::find().filter(session::Column::UserId.eq(huong.id)).count(&db).await.unwrap(), 1);

    // A bad new password is refused and changes nothing.
    let err = staff_accounts::reset_password(&db, &admin, &ctx(&admin), teacher, "ngắn", "ngắn").await.unwrap_err();
    assert!(matches!(&err, AppError::Invalid(list) if list.iter().any(|e| e.field == "new")), "{err:?}");
    let err = staff_accounts::reset_password(&db, &admin, &ctx(&admin), teacher, "mật-khẩu-mới-đủ-dài", "mật-khẩu-khác-hẳn").await.unwrap_err();
    assert!(matches!(&err, AppError::Invalid(list) if list.iter().any(|e| e.code == ErrorCode::PasswordMismatch)), "{err:?}");
    assert!(accounts::authenticate(&db, &s, "huong", PW, "127.0.0.1").await.is_ok());

    // Reset: the new password works, the old one does not, the session is gone, the log says so.
    let login = staff_accounts::reset_password(&db, &admin, &ctx(&admin), teacher, "mật-khẩu-mới-đủ-dài", "mật-khẩu-mới-đủ-dài").await.unwrap();
    assert_eq!(login, "huong");
    assert!(accounts::authenticate(&db, &s, "huong", PW, "127.0.0.2").await.is_err());
    assert!(accounts::authenticate(&db, &s, "huong", "mật-khẩu-mới-đủ-dài", "127.0.0.3").await.is_ok());
    assert_eq!(session::Entity::find().filter(session::Column::UserId.eq(huong.id)).count(&db).await.unwrap(), 0, "every session ended");
    let logged = audit_log::Entity::find().filter(audit_log::Column::Action.eq("password_reset")).filter(audit_log::Column::EntityId.eq(huong.id.to_string())).count(&db).await.unwrap();
    assert_eq!(logged, 1);

    // The school's administrator: not their own account here, not the province administrator's, not a member without an account.
    let quantri = staff::Entity::find_by_id(school_admin).one(&db).await.unwrap().unwrap().user_id.unwrap();
    let at_school = Actor { user_id: quantri, grants: vec![(Role::Administrator, school)] };
    assert!(staff_accounts::reset_password(&db, &at_school, &ctx(&at_school), teacher, "mật-khẩu-thứ-ba-dài", "mật-khẩu-thứ-ba-dài").await.is_ok());
    let own = staff_accounts::reset_password(&db, &at_school, &ctx(&at_school), school_admin, "mật-khẩu-thứ-ba-dài", "mật-khẩu-thứ-ba-dài").await.unwrap_err();
    assert_eq!(own, AppError::invalid("staff", ErrorCode::InvalidValue));
    // The province administrator gets a staff record at the school: still out of the school administrator's reach.
    let mut linked: staff::ActiveModel = staff::Entity::find_by_id(no_account).one(&db).await.unwrap().unwrap().into();
    linked.user_id = sea_orm::Set(Some(admin.user_id));
    sea_orm::ActiveModelTrait::update(linked, &db).await.unwrap();
    let beyond = staff_accounts::reset_password(&db, &at_school, &ctx(&at_school), no_account, "mật-khẩu-thứ-ba-dài", "mật-khẩu-thứ-ba-dài").await.unwrap_err();
    assert_eq!(beyond, AppError::Forbidden);
    assert!(accounts::authenticate(&db, &s, "admin", PW, "127.0.0.1").await.is_ok(), "unchanged");
    // Another school's administrator does not see this school's staff at all.
    let other = unit(&db, "school", "THPT Lâm Hà", province).await;
    let elsewhere = Actor { user_id: quantri, grants: vec![(Role::Administrator, other)] };
    assert_eq!(staff_accounts::reset_password(&db, &elsewhere, &ctx(&elsewhere), teacher, "mật-khẩu-thứ-tư-dài", "mật-khẩu-thứ-tư-dài").await.unwrap_err(), AppError::NotFound);
}

both_engines!(administrators_reset_forgotten_passwords);
