//! The organisation and people schema on both engines: constraints hold,
//! Vietnamese text round-trips, and dated links answer by date.

use chrono::{NaiveDate, Utc};
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{class, enrolment, org_unit, school_year, staff, student, unit_link};
use nguon_domain::org::{self, Relation};
use nguon_domain::{db, names, AppError};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn unit(db: &DatabaseConnection, kind: &str, name: &str, parent: Option<i64>) -> org_unit::Model {
    org_unit::ActiveModel {
        kind: Set(kind.into()),
        name: Set(name.into()),
        parent_id: Set(parent),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
}

fn new_student(school: i64, code: Option<&str>, full: &str) -> student::ActiveModel {
    let n = names::PersonName::split(full);
    student::ActiveModel {
        school_id: Set(school),
        student_code: Set(code.map(str::to_string)),
        search_key: Set(names::fold(&n.full())),
        family_name: Set(n.family),
        middle_name: Set(n.middle),
        given_name: Set(n.given),
        date_of_birth: Set(d(2008, 2, 29)),
        ethnicity: Set(Some("Cơ Ho".into())),
        hometown_commune: Set(Some("Xã Tân Hà".into())),
        hometown_province: Set(Some("Lâm Đồng".into())),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
}

async fn schema_constraints_hold(t: TestDb) {
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    let province = unit(&db, "province", "Tỉnh Lâm Đồng", None).await;
    let school = unit(&db, "school", "THPT Tân Hà", Some(province.id)).await;
    let other = unit(&db, "school", "THPT Lâm Hà", Some(province.id)).await;
    let year = school_year::ActiveModel {
        school_id: Set(school.id),
        name: Set("2025-2026".into()),
        starts_on: Set(d(2025, 9, 5)),
        ends_on: Set(d(2026, 5, 31)),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();
    let dup_year = school_year::ActiveModel { id: sea_orm::NotSet, ..year.clone().into() };
    assert!(dup_year.insert(&db).await.is_err(), "one 2025-2026 per school");
    let teacher = staff::ActiveModel {
        school_id: Set(school.id),
        family_name: Set("Đặng".into()),
        middle_name: Set("Thị".into()),
        given_name: Set("Hương".into()),
        search_key: Set("dang thi huong".into()),
        party_full_member_since: Set(Some(d(2015, 3, 2))),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();
    let c12a1 = class::ActiveModel {
        school_year_id: Set(year.id),
        name: Set("12A1".into()),
        grade: Set(12),
        homeroom_staff_id: Set(Some(teacher.id)),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();

    let s = new_student(school.id, Some("HS001"), "Nguyễn Thị Ánh Đào").insert(&db).await.unwrap();
    let stored = student::Entity::find_by_id(s.id).one(&db).await.unwrap().unwrap();
    assert_eq!((stored.family_name.as_str(), stored.middle_name.as_str(), stored.given_name.as_str()), ("Nguyễn", "Thị Ánh", "Đào"));
    assert_eq!(stored.search_key, "nguyen thi anh dao");
    assert_eq!(stored.ethnicity.as_deref(), Some("Cơ Ho"));
    assert_eq!(stored.date_of_birth, d(2008, 2, 29));
    // Codes are unique per school, may repeat across schools, and may be missing.
    assert!(new_student(school.id, Some("HS001"), "Lê Văn An").insert(&db).await.is_err());
    new_student(other.id, Some("HS001"), "Lê Văn An").insert(&db).await.unwrap();
    new_student(school.id, None, "Trần Bình").insert(&db).await.unwrap();
    new_student(school.id, None, "Trần Bình Minh").insert(&db).await.unwrap();
    assert_eq!(student::Entity::find().count(&db).await.unwrap(), 4);

    // One class per student per year; foreign keys are enforced (SQLite too).
    let enrol = |class_id: i64| enrolment::ActiveModel {
        student_id: Set(s.id),
        class_id: Set(class_id),
        school_year_id: Set(year.id),
        ..Default::default()
    };
    enrol(c12a1.id).insert(&db).await.unwrap();
    assert!(enrol(c12a1.id).insert(&db).await.is_err(), "no second class in the same year");
    let orphan = enrolment::ActiveModel {
        student_id: Set(s.id),
        class_id: Set(999_999),
        school_year_id: Set(999_999),
        ..Default::default()
    };
    assert!(orphan.insert(&db).await.is_err(), "foreign keys enforced");
}

async fn dated_links_keep_history(t: TestDb) {
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    let province = unit(&db, "province", "Tỉnh Lâm Đồng", None).await;
    let district = unit(&db, "party_committee", "Huyện ủy Lâm Hà", Some(province.id)).await;
    let commune = unit(&db, "party_committee", "Đảng ủy xã Tân Hà", Some(province.id)).await;
    let school = unit(&db, "school", "THPT Tân Hà", Some(province.id)).await;
    let ctx = AuditContext::default();
    org::set_link(&db, &ctx, school.id, Relation::DecidingCommittee, district.id, d(2020, 1, 1)).await.unwrap();
    org::set_link(&db, &ctx, school.id, Relation::DecidingCommittee, commune.id, d(2025, 7, 1)).await.unwrap();
    let on = |date| org::effective_target(&db, school.id, Relation::DecidingCommittee, date);
    assert_eq!(on(d(2024, 4, 10)).await.unwrap(), Some(district.id), "records before the change keep the district");
    assert_eq!(on(d(2025, 6, 30)).await.unwrap(), Some(district.id));
    assert_eq!(on(d(2025, 7, 1)).await.unwrap(), Some(commune.id));
    assert_eq!(org::effective_target(&db, school.id, Relation::TrainingCentre, d(2026, 1, 1)).await.unwrap(), None);
    let old = unit_link::Entity::find().all(&db).await.unwrap();
    assert_eq!(old.iter().find(|l| l.target_unit_id == district.id).unwrap().valid_to, Some(d(2025, 6, 30)));
    // Backdating before the latest change, or linking a unit to itself, is refused and changes nothing.
    let back = org::set_link(&db, &ctx, school.id, Relation::DecidingCommittee, district.id, d(2025, 1, 1)).await;
    assert!(matches!(back, Err(AppError::Invalid(_))));
    let own = org::set_link(&db, &ctx, school.id, Relation::PartyOrganisation, school.id, d(2025, 1, 1)).await;
    assert!(matches!(own, Err(AppError::Invalid(_))));
    assert_eq!(unit_link::Entity::find().count(&db).await.unwrap(), 2);
}

async fn student_lists_follow_policy_filters_and_order(t: TestDb) {
    use nguon_domain::policy::Actor;
    use nguon_domain::students::{self, StudentFilter};
    use nguon_domain::Role;
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    let province = unit(&db, "province", "Tỉnh Lâm Đồng", None).await;
    let a = unit(&db, "school", "THPT Tân Hà", Some(province.id)).await;
    let b = unit(&db, "school", "THPT Lâm Hà", Some(province.id)).await;
    let year = school_year::ActiveModel {
        school_id: Set(a.id),
        name: Set("2025-2026".into()),
        starts_on: Set(d(2025, 9, 5)),
        ends_on: Set(d(2026, 5, 31)),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();
    let mk_class = |name: &'static str, grade: i16| class::ActiveModel {
        school_year_id: Set(year.id),
        name: Set(name.into()),
        grade: Set(grade),
        ..Default::default()
    };
    let c10 = mk_class("10A1", 10).insert(&db).await.unwrap();
    let c12 = mk_class("12A1", 12).insert(&db).await.unwrap();
    // (full name, code, birth date, union member, class)
    let people = [
        ("Nguyễn Văn Đức", "A01", d(2008, 3, 1), true, c12.id),
        ("Bùi Văn Dũng", "A02", d(2008, 11, 20), true, c12.id),
        ("Lê Thị Ăn", "A03", d(2010, 1, 5), false, c10.id),
        ("Trần Văn An", "A04", d(2010, 6, 30), true, c10.id),
    ];
    for (name, code, dob, union, class_id) in people {
        let mut st = new_student(a.id, Some(code), name);
        st.date_of_birth = Set(dob);
        st.union_joined_on = Set(union.then(|| d(2023, 3, 26)));
        let st = st.insert(&db).await.unwrap();
        enrolment::ActiveModel {
            student_id: Set(st.id),
            class_id: Set(class_id),
            school_year_id: Set(year.id),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
    }
    new_student(b.id, Some("B01"), "Phạm Văn Bình").insert(&db).await.unwrap();

    let today = d(2026, 3, 1);
    let ctx = AuditContext::default();
    let actor = |role: Role, unit: i64| Actor { user_id: 1, grants: vec![(role, unit)] };
    let names_of = |rows: &[nguon_shared::views::StudentRow]| {
        rows.iter().map(|r| format!("{} {}", r.middle_name, r.given_name)).collect::<Vec<_>>()
    };
    let all = StudentFilter::default();

    // A union officer of school A: class-list order, no sensitive fields.
    let union_a = actor(Role::YouthUnionOfficer, a.id);
    let rows = students::list(&db, &union_a, &ctx, a.id, &all, today).await.unwrap();
    assert_eq!(names_of(&rows), vec!["Văn An", "Thị Ăn", "Văn Dũng", "Văn Đức"]);
    assert!(rows.iter().all(|r| r.ethnicity.is_none() && !r.sensitive_visible));
    assert_eq!(rows[3].class_name.as_deref(), Some("12A1"));
    // ... and nothing of school B, not even whether it exists.
    assert_eq!(students::list(&db, &union_a, &ctx, b.id, &all, today).await.unwrap_err(), AppError::NotFound);
    // An administrator manages accounts, not students.
    let admin = actor(Role::Administrator, province.id);
    assert_eq!(students::list(&db, &admin, &ctx, a.id, &all, today).await.unwrap_err(), AppError::NotFound);

    // Filters and accent-free search.
    let f = |filter: StudentFilter| {
        let db = db.clone();
        let union_a = union_a.clone();
        let ctx = ctx.clone();
        async move { names_of(&students::list(&db, &union_a, &ctx, a.id, &filter, today).await.unwrap()) }
    };
    assert_eq!(f(StudentFilter { grade: Some(12), ..Default::default() }).await, vec!["Văn Dũng", "Văn Đức"]);
    assert_eq!(f(StudentFilter { class_id: Some(c10.id), ..Default::default() }).await, vec!["Văn An", "Thị Ăn"]);
    assert_eq!(f(StudentFilter { union_members_only: true, ..Default::default() }).await, vec!["Văn An", "Văn Dũng", "Văn Đức"]);
    assert_eq!(f(StudentFilter { adult_on: Some(d(2026, 5, 31)), ..Default::default() }).await, vec!["Văn Đức"]);
    assert_eq!(f(StudentFilter { query: Some("nguyen van duc".into()), ..Default::default() }).await, vec!["Văn Đức"]);
    assert_eq!(f(StudentFilter { query: Some("a03".into()), ..Default::default() }).await, vec!["Thị Ăn"]);
    assert!(f(StudentFilter { query: Some("dung nguyen".into()), ..Default::default() }).await.is_empty());
    // A page is the whole list's rows at that place, with the whole list's count, also past the end.
    let page = |offset: usize| {
        let (db, union_a, ctx, all) = (db.clone(), union_a.clone(), ctx.clone(), all.clone());
        async move { students::list_page(&db, &union_a, &ctx, a.id, &all, students::Window { offset, limit: Some(2) }, today).await.unwrap() }
    };
    let second = page(2).await;
    assert_eq!((names_of(&second.rows), second.total), (vec!["Văn Dũng".to_string(), "Văn Đức".to_string()], 4));
    let beyond = page(6).await;
    assert_eq!((beyond.rows.len(), beyond.total), (0, 4));

    // The school's Party cell officer sees sensitive fields; that read is not logged.
    let audit_count = || async { nguon_domain::entities::audit_log::Entity::find().count(&db).await.unwrap() };
    let before = audit_count().await;
    let cell_a = actor(Role::PartyCellOfficer, a.id);
    let rows = students::list(&db, &cell_a, &ctx, a.id, &all, today).await.unwrap();
    assert!(rows.iter().all(|r| r.sensitive_visible && r.ethnicity.as_deref() == Some("Cơ Ho")));
    assert_eq!(audit_count().await, before);
    // The superior committee, from outside the school, sees them too, and the read is logged.
    let superior = actor(Role::SuperiorOfficer, province.id);
    students::list(&db, &superior, &ctx, a.id, &all, today).await.unwrap();
    assert_eq!(audit_count().await, before + 1);
}

both_engines!(schema_constraints_hold, dated_links_keep_history, student_lists_follow_policy_filters_and_order);

async fn demo_school_loads_once(t: TestDb) {
    use nguon_domain::policy::Actor;
    use nguon_domain::students::{self, StudentFilter};
    use nguon_domain::{accounts, demo, setup, Locale};
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    let ctx = AuditContext::default();
    assert_eq!(demo::load(&db, &ctx, "mật-khẩu-demo-123", 88).await.unwrap_err(), AppError::NotFound, "needs a top unit");
    let input = setup::FirstRunInput {
        organisation: "Tỉnh Lâm Đồng".into(),
        full_name: "Quản Trị".into(),
        username: "admin".into(),
        password: "mật-khẩu-đủ-dài".into(),
        confirm: "mật-khẩu-đủ-dài".into(),
        locale: Locale::Vi,
    };
    setup::create_first_admin(&db, &ctx, input).await.unwrap();
    let summary = demo::load(&db, &ctx, "mật-khẩu-demo-123", 88).await.unwrap();
    assert_eq!(summary.classes, 30);
    assert!((30 * 35..=30 * 45).contains(&summary.students), "{}", summary.students);
    assert_eq!(student::Entity::find().count(&db).await.unwrap() as usize, summary.students);
    assert_eq!(enrolment::Entity::find().count(&db).await.unwrap() as usize, summary.students);
    assert_eq!(
        org::effective_target(&db, summary.school_id, Relation::DecidingCommittee, d(2026, 1, 1)).await.unwrap().is_some(),
        true
    );
    assert_eq!(demo::load(&db, &ctx, "mật-khẩu-demo-123", 88).await.unwrap_err(), AppError::AlreadySetUp);

    // The demo union officer signs in and sees the school's 12th graders who are 18 by the end of the year.
    let s = nguon_domain::settings::AuthSettings::default();
    let officer = accounts::authenticate(&db, &s, "demo.doan", "mật-khẩu-demo-123", "127.0.0.1").await.unwrap();
    let actor = Actor { user_id: officer.id, grants: accounts::active_grants(&db, officer.id).await.unwrap() };
    let filter = StudentFilter { grade: Some(12), adult_on: Some(d(2026, 5, 31)), ..Default::default() };
    let rows = students::list(&db, &actor, &ctx, summary.school_id, &filter, d(2026, 3, 1)).await.unwrap();
    assert!(!rows.is_empty() && rows.iter().all(|r| r.grade == Some(12)));
    assert!(rows.iter().all(|r| r.date_of_birth <= d(2008, 5, 31)));

    // The demo's ledger: everything approved, the leaderboard adds up.
    assert!(summary.entries > 2000, "{}", summary.entries);
    let year = nguon_domain::entities::school_year::Entity::find().one(&db).await.unwrap().unwrap().id;
    let query = nguon_domain::ledger::standing::RankingQuery {
        year_id: year,
        scope: nguon_domain::ledger::standing::Scope::School,
        semester: None,
        category_id: None,
    };
    let ranking = nguon_domain::ledger::standing::ranking(&db, &actor, query).await.unwrap();
    assert_eq!(ranking.len(), summary.students);
    let approved: i64 = nguon_domain::entities::ledger_entry::Entity::find().all(&db).await.unwrap().iter().map(|e| {
        assert_eq!(e.status, "approved");
        i64::from(e.points)
    }).sum();
    assert_eq!(ranking.iter().map(|r| r.points).sum::<i64>(), approved);
}

both_engines!(demo_school_loads_once);
