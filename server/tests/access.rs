//! The access matrix: every server function (and the upload endpoint) is
//! called by a visitor, a user without roles, and a user of each role at
//! school A, against school A and school B; each answer must be exactly the
//! one written in the table below. The table is written by hand from
//! product.md's roles, not computed from the policy code it checks.

mod common;
use common::*;

use chrono::{NaiveDate, Utc};
use nguon_domain::accounts::{self, FullName, NewPassword, NewUser, Username};
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{class, enrolment, org_unit, school_year, student};
use nguon_domain::{AppError, Locale, Role};
use nguon_testkit::{both_engines, TestDb};
use reqwest::header;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use std::collections::BTreeSet;

/// What a call must answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum E {
    /// Success.
    Ok,
    /// Not signed in.
    Unauth,
    /// Refused as if it did not exist (other school, or no right there).
    NotFound,
    /// Refused outright (a whole function the role never has).
    Forbidden,
    /// Input refused.
    Invalid,
    /// Wrong password.
    Credentials,
    /// First-run set-up already done.
    SetUp,
}

/// Callers, in the order of every row of the table.
const CALLERS: [&str; 7] = ["visitor", "no role", "administrator", "superior", "party cell", "mentor", "union"];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn school(s: &Server, name: &str, parent: i64) -> i64 {
    org_unit::ActiveModel {
        kind: Set("school".into()),
        name: Set(name.into()),
        parent_id: Set(Some(parent)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap()
    .id
}

async fn year(s: &Server, school: i64, name: &str, start: i32) -> i64 {
    school_year::ActiveModel {
        school_id: Set(school),
        name: Set(name.into()),
        starts_on: Set(d(start, 9, 5)),
        ends_on: Set(d(start + 1, 5, 31)),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap()
    .id
}

async fn pupil(s: &Server, school: i64, year: i64, given: &str) -> (i64, i64) {
    let c = class::ActiveModel { school_year_id: Set(year), name: Set("10A1".into()), grade: Set(10), ..Default::default() }
        .insert(&s.db)
        .await
        .unwrap();
    let st = student::ActiveModel {
        school_id: Set(school),
        family_name: Set("Nguyễn".into()),
        middle_name: Set("Văn".into()),
        given_name: Set(given.into()),
        search_key: Set(format!("nguyen van {}", nguon_domain::names::fold(given))),
        date_of_birth: Set(d(2010, 1, 1)),
        ethnicity: Set(Some("Cơ Ho".into())),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap();
    enrolment::ActiveModel { student_id: Set(st.id), class_id: Set(c.id), school_year_id: Set(year), ..Default::default() }
        .insert(&s.db)
        .await
        .unwrap();
    (c.id, st.id)
}

async fn account(s: &Server, login: &str, role: Option<(Role, i64)>) -> String {
    let ctx = AuditContext::default();
    let u = accounts::create_user(
        &s.db,
        &ctx,
        NewUser {
            username: Username::parse(login).unwrap(),
            full_name: FullName::parse("full_name", "Người Thử").unwrap(),
            password: NewPassword::parse(PW, PW, login).unwrap(),
            locale: Locale::Vi,
        },
    )
    .await
    .unwrap();
    if let Some((role, unit)) = role {
        accounts::grant_role(&s.db, &ctx, u.id, role, unit).await.unwrap();
    }
    s.login(login, PW).await.unwrap()
}

/// The answer of a server function as an outcome plus its JSON value.
async fn outcome(res: reqwest::Response) -> (E, serde_json::Value) {
    if res.status().is_success() {
        return (E::Ok, res.json().await.unwrap_or(serde_json::Value::Null));
    }
    let e = match app_error(res).await {
        AppError::Unauthenticated => E::Unauth,
        AppError::NotFound => E::NotFound,
        AppError::Forbidden => E::Forbidden,
        AppError::Invalid(_) => E::Invalid,
        AppError::InvalidCredentials => E::Credentials,
        AppError::AlreadySetUp => E::SetUp,
        other => panic!("unexpected error {other:?}"),
    };
    (e, serde_json::Value::Null)
}

/// Uploads a roster through the multipart endpoint; the outcome is read
/// from where it redirects.
async fn upload(s: &Server, cookie: Option<&str>, year: i64) -> (E, Option<i64>) {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/roster/lop10_good.xlsx")).unwrap();
    let form = reqwest::multipart::Form::new()
        .text("school_year", year.to_string())
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name("lop10_good.xlsx"));
    let mut req = s.http.post(format!("{}/upload/roster", s.base)).header(header::ORIGIN, &s.base).multipart(form);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
    let to = res.headers()[header::LOCATION].to_str().unwrap().to_string();
    if let Some(id) = to.strip_prefix("/admin/import/") {
        return (E::Ok, Some(id.parse().unwrap()));
    }
    let code = to.split("error=").nth(1).expect("an error in the redirect");
    let e = match AppError::from_query_value(code).unwrap() {
        AppError::Unauthenticated => E::Unauth,
        AppError::NotFound => E::NotFound,
        other => panic!("unexpected upload error {other:?}"),
    };
    (e, None)
}

/// Uploads a results file for `year` (the student "Nguyễn Văn An" of school A, by name and date of birth).
async fn upload_results(s: &Server, cookie: Option<&str>, year: i64) -> E {
    let csv = "Họ và tên;Ngày sinh;Học lực;Hạnh kiểm\nNguyễn Văn An;01/01/2010;Giỏi;Tốt\n";
    let form = reqwest::multipart::Form::new()
        .text("school_year", year.to_string())
        .text("period", "1")
        .part("file", reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("hk1.csv"));
    let mut req = s.http.post(format!("{}/upload/results", s.base)).header(header::ORIGIN, &s.base).multipart(form);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
    let to = res.headers()[header::LOCATION].to_str().unwrap().to_string();
    if to.contains("imported=1") {
        return E::Ok;
    }
    let code = to.split("error=").nth(1).expect("an error in the redirect");
    match AppError::from_query_value(code).unwrap() {
        AppError::Unauthenticated => E::Unauth,
        AppError::NotFound => E::NotFound,
        AppError::Invalid(_) => E::Invalid,
        other => panic!("unexpected upload error {other:?}"),
    }
}

fn ids(v: &serde_json::Value) -> BTreeSet<i64> {
    v.as_array().map(|a| a.iter().filter_map(|x| x["id"].as_i64()).collect()).unwrap_or_default()
}

async fn access_matrix(t: TestDb) {
    use E::*;
    // Throttling has its own tests; here seven wrong passwords in a row are part of the table.
    let s = Server::with_admin(t, |c| {
        c.login_max_failures_per_account = 100;
        c.login_max_failures_per_addr = 100;
    })
    .await;
    let province = org_unit::Entity::find().one(&s.db).await.unwrap().unwrap().id;
    let (a, b) = (school(&s, "THPT Tân Hà", province).await, school(&s, "THPT Lâm Hà", province).await);
    let (year_a, year_b) = (year(&s, a, "2025-2026", 2025).await, year(&s, b, "2025-2026", 2025).await);
    let (next_a, next_b) = (year(&s, a, "2026-2027", 2026).await, year(&s, b, "2026-2027", 2026).await);
    let (class_a, student_a) = pupil(&s, a, year_a, "An").await;
    let (class_b, student_b) = pupil(&s, b, year_b, "Bình").await;
    let (class_a, class_b) = (class_a.to_string(), class_b.to_string());

    // The province administrator uploads to school B: nobody at school A may touch it.
    let root = s.login("admin", PW).await.unwrap();
    let (_, upload_b) = upload(&s, Some(&root), year_b).await;
    let upload_b = upload_b.unwrap().to_string();

    let mut cookies: Vec<Option<String>> = vec![None, Some(account(&s, "khongvaitro", None).await)];
    for (login, role) in [
        ("quantri.a", Role::Administrator),
        ("captren.a", Role::SuperiorOfficer),
        ("chibo.a", Role::PartyCellOfficer),
        ("huongdan.a", Role::Mentor),
        ("doan.a", Role::YouthUnionOfficer),
    ] {
        cookies.push(Some(account(&s, login, Some((role, a))).await));
    }

    // The school A administrator's upload (checked against the table below too).
    let mut upload_a = None;
    for (i, cookie) in cookies.iter().enumerate() {
        let expected = [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound][i];
        let (got, id) = upload(&s, cookie.as_deref(), year_a).await;
        assert_eq!(got, expected, "upload to school A as {}", CALLERS[i]);
        upload_a = upload_a.or(id);
        let (got, _) = upload(&s, cookie.as_deref(), year_b).await;
        let expected = if i == 0 { Unauth } else { NotFound };
        assert_eq!(got, expected, "upload to school B as {}", CALLERS[i]);
    }
    let upload_a = upload_a.unwrap().to_string();

    // Results files: school A's union officers only; school B's students are not found from school A.
    for (i, cookie) in cookies.iter().enumerate() {
        let expected = [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok][i];
        assert_eq!(upload_results(&s, cookie.as_deref(), year_a).await, expected, "results upload to school A as {}", CALLERS[i]);
        let expected = if i == 0 { Unauth } else { NotFound };
        assert_eq!(upload_results(&s, cookie.as_deref(), year_b).await, expected, "results upload to school B as {}", CALLERS[i]);
    }

    // Staff and grants at both schools, for the staff functions.
    let staff_at = |school: i64, given: &'static str| nguon_domain::entities::staff::ActiveModel {
        school_id: Set(school),
        family_name: Set("Trần".into()),
        middle_name: Set("Thị".into()),
        given_name: Set(given.into()),
        search_key: Set(format!("tran thi {given}")),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let staff_a = staff_at(a, "lan").insert(&s.db).await.unwrap().id.to_string();
    let staff_b = staff_at(b, "mai").insert(&s.db).await.unwrap().id.to_string();
    // A member of staff at A who never gets an account (a password reset has nothing to reset).
    let unlinked_a = staff_at(a, "hoa").insert(&s.db).await.unwrap().id.to_string();
    let ctx = AuditContext::default();
    let user_id = |login: &'static str| {
        let db = s.db.clone();
        async move {
            use sea_orm::{ColumnTrait, QueryFilter};
            nguon_domain::entities::user::Entity::find()
                .filter(nguon_domain::entities::user::Column::Username.eq(login))
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .id
        }
    };
    let union_user = user_id("doan.a").await.to_string();
    let cell_a = org_unit::ActiveModel {
        kind: Set("party_cell".into()),
        name: Set("Chi bộ A".into()),
        parent_id: Set(Some(a)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap()
    .id
    .to_string();
    let province_s = province.to_string();

    // The ledger at both schools: a catalogue, and entries logged by officers outside the table.
    use nguon_domain::ledger::{self, LogInput, NewActivity, RuleInput};
    let officer = |school: i64, login: &'static str| {
        let s = &s;
        async move {
            account(s, login, Some((Role::YouthUnionOfficer, school))).await;
            nguon_domain::policy::Actor { user_id: user_id(login).await, grants: vec![(Role::YouthUnionOfficer, school)] }
        }
    };
    let (other_a, other_b) = (officer(a, "doan2.a").await, officer(b, "doan.b").await);
    let mut ledger_ids = Vec::new();
    for (o, school, year, student) in [(&other_a, a, year_a, student_a), (&other_b, b, year_b, student_b)] {
        let c = AuditContext { actor_user_id: Some(o.user_id), client_addr: None };
        let cat = ledger::create_category(&s.db, o, &c, school, "Tình nguyện").await.unwrap();
        let new = NewActivity {
            school_year_id: year,
            category_id: cat,
            name: "Chủ nhật xanh".into(),
            starts_on: d(2025, 9, 5),
            ends_on: None,
            organiser: String::new(),
            rule: RuleInput::Fixed(5),
        };
        let act = ledger::create_activity(&s.db, o, &c, new).await.unwrap();
        let entry = |key: &str| LogInput {
            request_key: format!("{key}-{school}"),
            activity_id: act,
            level_id: None,
            student_ids: vec![student],
            occurred_on: d(2025, 10, 5),
            evidence: String::new(),
            repeat: false,
        };
        ledger::log_batch(&s.db, o, &c, entry("pending")).await.unwrap();
        let pending = nguon_domain::entities::ledger_entry::Entity::find().all(&s.db).await.unwrap().last().unwrap().id;
        // An approved entry to reverse: approval switched off at the school for a day in the past.
        nguon_domain::rules_config::set(&s.db, &c, &nguon_domain::rules_config::LEDGER_APPROVAL_REQUIRED, school, &false, d(2025, 10, 6)).await.unwrap();
        nguon_domain::rules_config::set(&s.db, &c, &nguon_domain::rules_config::LEDGER_APPROVAL_REQUIRED, school, &true, d(2025, 10, 8)).await.unwrap();
        let approved_batch = LogInput { occurred_on: d(2025, 10, 7), ..entry("approved") };
        assert!(ledger::log_batch(&s.db, o, &c, approved_batch).await.unwrap().approved);
        let approved = nguon_domain::entities::ledger_entry::Entity::find().all(&s.db).await.unwrap().last().unwrap().id;
        ledger_ids.push((cat.to_string(), act.to_string(), pending.to_string(), approved.to_string()));
    }
    let [(cat_a, act_a, pending_a, approved_a), (_, act_b, pending_b, approved_b)] = <[_; 2]>::try_from(ledger_ids).unwrap();
    // The pipeline at both schools, set up by Party cell officers outside the table: a candidacy in
    // the pool with a dossier line, and a second student proposed by the union with a consent on record.
    use nguon_domain::pipeline::{candidacy as cand, consent as consents, records};
    let mut pipeline_ids = Vec::new();
    for (school, year, student, union_officer, login) in [(a, year_a, student_a, &other_a, "chibo2.a"), (b, year_b, student_b, &other_b, "chibo.b")] {
        account(&s, login, Some((Role::PartyCellOfficer, school))).await;
        let cell = nguon_domain::policy::Actor { user_id: user_id(login).await, grants: vec![(Role::PartyCellOfficer, school)] };
        let c = AuditContext { actor_user_id: Some(cell.user_id), client_addr: None };
        let consent_of = |student_id: i64| consents::NewConsent {
            student_id,
            subject: "student".into(),
            person_name: "Học Sinh".into(),
            relation: String::new(),
            given_on: d(2025, 9, 10),
            method: "paper".into(),
            scope: "Xét vào nguồn".into(),
        };
        // Consents of the students themselves and, both being under 16 in 2025, of a parent.
        let guardian_of = |student_id: i64| consents::NewConsent { subject: "guardian".into(), relation: "Mẹ".into(), person_name: "Phụ Huynh".into(), ..consent_of(student_id) };
        let today = d(2025, 9, 30);
        consents::record(&s.db, &cell, &c, consent_of(student), today).await.unwrap();
        consents::record(&s.db, &cell, &c, guardian_of(student), today).await.unwrap();
        let st = student::Entity::find_by_id(student).one(&s.db).await.unwrap().unwrap();
        let candidacy = cand::enter_pool(&s.db, &cell, &c, &st, None, d(2025, 9, 20), "Tiêu biểu").await.unwrap();
        let item = records::ItemInput { kind: "application".into(), status: "received".into(), received_on: Some(d(2025, 9, 25)), ..Default::default() };
        let item = records::add_item(&s.db, &cell, &c, candidacy, item).await.unwrap();
        let class_id = enrolment::Entity::find().all(&s.db).await.unwrap().into_iter().find(|e| e.student_id == student).unwrap().class_id;
        let second = student::ActiveModel {
            school_id: Set(school),
            family_name: Set("Phạm".into()),
            middle_name: Set("Thị".into()),
            given_name: Set("Dung".into()),
            search_key: Set("pham thi dung".into()),
            date_of_birth: Set(d(2010, 6, 1)),
            ethnicity: Set(Some("Kinh".into())),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&s.db)
        .await
        .unwrap();
        enrolment::ActiveModel { student_id: Set(second.id), class_id: Set(class_id), school_year_id: Set(year), ..Default::default() }.insert(&s.db).await.unwrap();
        let second_consent = consents::record(&s.db, &cell, &c, consent_of(second.id), today).await.unwrap();
        let uc = AuditContext { actor_user_id: Some(union_officer.user_id), client_addr: None };
        nguon_domain::merit::outstanding::propose(&s.db, union_officer, &uc, year, &[second.id], "Tiêu biểu", today).await.unwrap();
        let proposal = nguon_domain::entities::pool_proposal::Entity::find().all(&s.db).await.unwrap().into_iter().find(|p| p.student_id == second.id).unwrap().id;
        pipeline_ids.push((candidacy.to_string(), item.to_string(), second_consent.to_string(), proposal.to_string(), second.id.to_string()));
    }
    let [(cand_a, item_a, consent_a, proposal_a, second_a), (cand_b, item_b, consent_b, proposal_b, second_b)] = <[_; 2]>::try_from(pipeline_ids).unwrap();
    // Mentoring at both schools: a training centre with two classes (the candidacy enrolled in the first),
    // a day off recorded; school A's staff member "lan" is the matrix mentor's record.
    use nguon_domain::pipeline::{classes, settings};
    let mut mentoring_ids = Vec::new();
    for (school, login, cand) in [(a, "chibo2.a", &cand_a), (b, "chibo.b", &cand_b)] {
        let cell = nguon_domain::policy::Actor { user_id: user_id(login).await, grants: vec![(Role::PartyCellOfficer, school)] };
        let c = AuditContext { actor_user_id: Some(cell.user_id), client_addr: None };
        let root_unit = nguon_domain::entities::org_unit::Entity::find().all(&s.db).await.unwrap().into_iter().find(|u| u.parent_id.is_none()).unwrap().id;
        let centre = nguon_domain::entities::org_unit::ActiveModel {
            parent_id: Set(Some(root_unit)),
            kind: Set("training_centre".into()),
            name: Set(format!("Trung tâm chính trị {school}")),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&s.db)
        .await
        .unwrap()
        .id;
        nguon_domain::org::set_link(&s.db, &c, school, nguon_domain::org::Relation::TrainingCentre, centre, d(2025, 7, 1)).await.unwrap();
        let today = d(2025, 9, 30);
        let class = |name: &str| classes::NewClass { name: name.into(), starts_on: d(2025, 10, 1), ends_on: d(2030, 6, 1), capacity: 30 };
        let first = classes::create(&s.db, &cell, &c, school, class("Khóa 1"), today).await.unwrap();
        let second = classes::create(&s.db, &cell, &c, school, class("Khóa 2"), today).await.unwrap();
        let enrolled = classes::enrol(&s.db, &cell, &c, first, cand.parse().unwrap(), today).await.unwrap();
        let day_off = settings::set_holiday(&s.db, &cell, &c, school, d(2026, 3, 9), "Nghỉ theo quyết định của tỉnh", true, today).await.unwrap();
        mentoring_ids.push((second.to_string(), enrolled.to_string(), day_off.to_string()));
    }
    let [(class2_a, enrolled_a, day_off_a), (class2_b, enrolled_b, day_off_b)] = <[_; 2]>::try_from(mentoring_ids).unwrap();
    {
        let mut lan: nguon_domain::entities::staff::ActiveModel = nguon_domain::entities::staff::Entity::find_by_id(staff_a.parse::<i64>().unwrap()).one(&s.db).await.unwrap().unwrap().into();
        lan.user_id = Set(Some(user_id("huongdan.a").await));
        lan.update(&s.db).await.unwrap();
    }
    let today_s = (Utc::now() + chrono::Duration::hours(7)).date_naive().format("%d/%m/%Y").to_string();
    // Personal data at both schools, recorded by Party cell officers outside the table: an open request,
    // an erasure proposed for the second student (no candidacy), and at school A a third student's proposal to cancel.
    use nguon_domain::privacy::{erasure as erasures, requests as data_requests};
    let mut privacy_ids = Vec::new();
    for (school, login, student, second) in [(a, "chibo2.a", student_a, &second_a), (b, "chibo.b", student_b, &second_b)] {
        let cell = nguon_domain::policy::Actor { user_id: user_id(login).await, grants: vec![(Role::PartyCellOfficer, school)] };
        let c = AuditContext { actor_user_id: Some(cell.user_id), client_addr: None };
        let today = (Utc::now() + chrono::Duration::hours(7)).date_naive();
        let input = nguon_domain::privacy::rules::RequestInput {
            requester: "guardian".into(),
            requester_name: "Phụ Huynh".into(),
            kind: "access".into(),
            details: String::new(),
            received_on: today,
        };
        let request = data_requests::record(&s.db, &cell, &c, student, input, today).await.unwrap();
        let erase = erasures::propose(&s.db, &cell, &c, second.parse().unwrap(), "Gia đình yêu cầu").await.unwrap();
        let third = student::ActiveModel {
            school_id: Set(school),
            family_name: Set("Lê".into()),
            middle_name: Set(String::new()),
            given_name: Set("Ba".into()),
            search_key: Set("le ba".into()),
            date_of_birth: Set(d(2009, 2, 2)),
            ethnicity: Set(Some("Kinh".into())),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&s.db)
        .await
        .unwrap();
        let erase_third = erasures::propose(&s.db, &cell, &c, third.id, "Đã chuyển trường").await.unwrap();
        privacy_ids.push((request.to_string(), erase.to_string(), erase_third.to_string()));
    }
    let [(request_a, erase_a, erase_third_a), (request_b, erase_b, _)] = <[_; 2]>::try_from(privacy_ids).unwrap();
    let (student_a, student_b) = (student_a.to_string(), student_b.to_string());
    // Someone outside the table holds the grants to revoke.
    account(&s, "phu.a", None).await;
    let bystander = user_id("phu.a").await;
    let grant_a = accounts::grant_role(&s.db, &ctx, bystander, Role::Mentor, a).await.unwrap().id.to_string();
    let grant_b = accounts::grant_role(&s.db, &ctx, bystander, Role::Mentor, b).await.unwrap().id.to_string();
    let (a_s, b_s, ya, yb, na, nb) =
        (a.to_string(), b.to_string(), year_a.to_string(), year_b.to_string(), next_a.to_string(), next_b.to_string());

    // Plans recorded by the province administrator: one over the province, one over school A.
    let (province_plan, school_plan) = {
        let root_actor = nguon_domain::policy::Actor { user_id: user_id("admin").await, grants: vec![(Role::Administrator, province)] };
        let plan = |number: &str, scope: i64| nguon_domain::oversight::plans::NewPlan {
            issuer_unit_id: province,
            number: number.into(),
            issued_on: d(2025, 7, 1),
            title: "Phát triển đảng viên trong học sinh".into(),
            scope_unit_id: scope,
            in_force_from: None,
            replaces_plan_id: None,
        };
        let create = |input| nguon_domain::oversight::plans::create(&s.db, &root_actor, &ctx, input);
        (create(plan("10-KH/TU", province)).await.unwrap().to_string(), create(plan("11-KH/TU", a)).await.unwrap().to_string())
    };

    //                  visitor  no role   admin   superior party cell mentor  union
    let table: Vec<(&str, Vec<(&str, &str)>, [E; 7])> = vec![
        ("shell_info", vec![], [Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("home_view", vec![], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        // Oversight: a superior officer and a school's Party cell see their schools; another school is not found.
        ("dashboard_view", vec![("period", ""), ("from", ""), ("to", ""), ("school", "")], [Unauth, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("dashboard_view", vec![("period", "last_year"), ("from", ""), ("to", ""), ("school", &a_s)], [Unauth, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("dashboard_view", vec![("period", ""), ("from", ""), ("to", ""), ("school", &b_s)], [Unauth, Forbidden, Forbidden, NotFound, NotFound, Forbidden, Forbidden]),
        ("dashboard_view", vec![("period", "custom"), ("from", "01/09/2025"), ("to", ""), ("school", "")], [Unauth, Forbidden, Forbidden, Invalid, Invalid, Forbidden, Forbidden]),
        ("plans_view", vec![("plan", ""), ("year", "")], [Unauth, Forbidden, Ok, Ok, Ok, Forbidden, Forbidden]),
        // Documents: the union prints its resolutions, the Party roles also progress sheets and reports.
        ("documents_view", vec![], [Unauth, Forbidden, Forbidden, Ok, Ok, Forbidden, Ok]),
        ("resolution_doc_view", vec![("candidacy", &cand_a)], [Unauth, NotFound, NotFound, Ok, Ok, NotFound, Ok]),
        ("resolution_doc_view", vec![("candidacy", &cand_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("progress_doc_view", vec![("candidacy", &cand_a)], [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        ("progress_doc_view", vec![("candidacy", &cand_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("report_doc_view", vec![("period", ""), ("from", ""), ("to", ""), ("school", "")], [Unauth, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden]),
        ("report_doc_view", vec![("period", ""), ("from", ""), ("to", ""), ("school", &b_s)], [Unauth, Forbidden, Forbidden, NotFound, NotFound, Forbidden, Forbidden]),
        ("plans_view", vec![("plan", &school_plan), ("year", "2026")], [Unauth, Forbidden, Ok, Ok, NotFound, Forbidden, Forbidden]),
        ("plans_view", vec![("plan", &province_plan), ("year", "2026")], [Unauth, Forbidden, NotFound, NotFound, NotFound, Forbidden, Forbidden]),
        ("create_plan", vec![("issuer", &province_s), ("number", "12-KH/TU"), ("issued_on", "01/09/2025"), ("title", "Kế hoạch"), ("scope", &b_s), ("in_force_from", ""), ("replaces", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // The superior officer sends the same number after the administrator: refused as input.
        ("create_plan", vec![("issuer", &province_s), ("number", "12-KH/TU"), ("issued_on", "01/09/2025"), ("title", "Kế hoạch"), ("scope", &a_s), ("in_force_from", ""), ("replaces", "")],
            [Unauth, NotFound, Ok, Invalid, NotFound, NotFound, NotFound]),
        ("adopt_plan", vec![("plan", &province_plan), ("body", &province_s), ("from", "01/09/2025")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("update_plan", vec![("plan", &province_plan), ("number", "10-KH/TU"), ("issued_on", "01/07/2025"), ("title", "Sửa"), ("in_force_from", "")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("update_plan", vec![("plan", &school_plan), ("number", "11-KH/TU"), ("issued_on", "01/07/2025"), ("title", "Phát triển đảng viên trong học sinh (sửa)"), ("in_force_from", "")], [Unauth, NotFound, Ok, Ok, NotFound, NotFound, NotFound]),
        ("update_plan", vec![("plan", &school_plan), ("number", "10-KH/TU"), ("issued_on", "01/07/2025"), ("title", "Trùng số"), ("in_force_from", "")], [Unauth, NotFound, Invalid, Invalid, NotFound, NotFound, NotFound]),
        ("set_oversight_rules", vec![("unit", &province_s), ("stalled_after_days", "90"), ("smallest_shown", "5"), ("valid_from", "01/09/2025")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_oversight_rules", vec![("unit", &a_s), ("stalled_after_days", "90"), ("smallest_shown", "3"), ("valid_from", "01/09/2025")], [Unauth, NotFound, Invalid, Invalid, NotFound, NotFound, NotFound]),
        ("set_oversight_rules", vec![("unit", &a_s), ("stalled_after_days", "90"), ("smallest_shown", "5"), ("valid_from", "01/09/2025")], [Unauth, NotFound, Ok, Ok, NotFound, NotFound, NotFound]),
        ("adopt_plan", vec![("plan", &province_plan), ("body", &a_s), ("from", "01/09/2025")], [Unauth, NotFound, Invalid, Invalid, NotFound, NotFound, NotFound]),
        ("set_plan_targets", vec![("plan", &province_plan), ("year", "2026"), ("unit[]", &a_s), ("new_members[]", ""), ("student_members[]", "2"), ("trainees[]", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_plan_targets", vec![("plan", &school_plan), ("year", "2026"), ("unit[]", &a_s), ("new_members[]", ""), ("student_members[]", "2"), ("trainees[]", "")],
            [Unauth, NotFound, Ok, Ok, NotFound, NotFound, NotFound]),
        ("set_plan_targets", vec![("plan", &school_plan), ("year", "2026"), ("unit[]", &b_s), ("new_members[]", ""), ("student_members[]", "2"), ("trainees[]", "")],
            [Unauth, NotFound, Invalid, Invalid, NotFound, NotFound, NotFound]),
        ("set_locale", vec![("locale", "vi")], [Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("setup", vec![("organisation", "X"), ("full_name", "Người Khác"), ("username", "khac"), ("password", PW), ("confirm", PW), ("locale", "vi")],
            [SetUp, SetUp, SetUp, SetUp, SetUp, SetUp, SetUp]),
        ("login", vec![("username", "admin"), ("password", "sai-mat-khau-roi")],
            [Credentials, Credentials, Credentials, Credentials, Credentials, Credentials, Credentials]),
        ("my_sessions", vec![], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("change_password", vec![("current", "sai-mat-khau-roi"), ("new", "mat-khau-moi-dai"), ("confirm", "mat-khau-moi-dai")],
            [Unauth, Invalid, Invalid, Invalid, Invalid, Invalid, Invalid]),
        ("revoke_other_sessions", vec![], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("list_users", vec![], [Unauth, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("students_view", vec![("school", ""), ("q", ""), ("grade", ""), ("class", ""), ("union_only", "false"), ("adult_on", ""), ("page", "")],
            [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("students_view", vec![("school", &a_s), ("q", ""), ("grade", ""), ("class", ""), ("union_only", "false"), ("adult_on", ""), ("page", "")],
            [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("students_view", vec![("school", &b_s), ("q", ""), ("grade", ""), ("class", ""), ("union_only", "false"), ("adult_on", ""), ("page", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("years_view", vec![("year", ""), ("class", "")], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("import_view", vec![], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("roster_preview", vec![("upload", &upload_a), ("sheet", ""), ("mapping", "")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("roster_preview", vec![("upload", &upload_b), ("sheet", ""), ("mapping", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("import_roster", vec![("upload", &upload_b), ("sheet", ""), ("mapping", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("import_roster", vec![("upload", &upload_a), ("sheet", ""), ("mapping", "")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("create_school_year", vec![("school", &b_s), ("starts_on", "05/09/2030"), ("second_semester_on", "10/01/2031"), ("ends_on", "31/05/2031")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("create_school_year", vec![("school", &a_s), ("starts_on", "05/09/2030"), ("second_semester_on", "10/01/2031"), ("ends_on", "31/05/2031")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("roll_over_year", vec![("from_year", &yb), ("to_year", &nb)],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("roll_over_year", vec![("from_year", &ya), ("to_year", &na)],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("staff_view", vec![("school", ""), ("staff", ""), ("show", "50")], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("staff_view", vec![("school", &a_s), ("staff", &staff_a), ("show", "50")], [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("staff_view", vec![("school", &a_s), ("staff", &staff_b), ("show", "50")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("staff_view", vec![("school", &b_s), ("staff", ""), ("show", "50")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // A password reset: another school's staff is not found; this school's member without an account is refused as input (the happy path: domain/tests/staff_accounts_db.rs).
        ("reset_staff_password", vec![("staff", &staff_b), ("new", "mật-khẩu-mới-đủ-dài"), ("confirm", "mật-khẩu-mới-đủ-dài")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("reset_staff_password", vec![("staff", &unlinked_a), ("new", "mật-khẩu-mới-đủ-dài"), ("confirm", "mật-khẩu-mới-đủ-dài")], [Unauth, NotFound, Invalid, NotFound, NotFound, NotFound, NotFound]),
        ("create_staff", vec![("school", &b_s), ("full_name", "Cô Giáo Mới"), ("username", ""), ("password", ""), ("party_full_member_since", ""), ("party_cell", ""), ("role", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("create_staff", vec![("school", &a_s), ("full_name", "Cô Giáo Mới"), ("username", ""), ("password", ""), ("party_full_member_since", ""), ("party_cell", ""), ("role", "")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("set_staff_party", vec![("staff", &staff_b), ("party_full_member_since", "02/03/2015"), ("party_cell", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_staff_party", vec![("staff", &staff_a), ("party_full_member_since", "02/03/2015"), ("party_cell", "")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("grant_role", vec![("user", &union_user), ("role", "mentor"), ("unit", &b_s)],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("grant_role", vec![("user", &union_user), ("role", "mentor"), ("unit", &a_s)],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("revoke_grant", vec![("grant", &grant_b), ("confirm", "1")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("revoke_grant", vec![("grant", &grant_a), ("confirm", "1")], [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("audit_log", vec![("from", ""), ("to", ""), ("actor_name", ""), ("action", ""), ("entity", ""), ("before", "")],
            [Unauth, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("years_view", vec![("year", &yb), ("class", "")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("years_view", vec![("year", &ya), ("class", &class_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("years_view", vec![("year", &ya), ("class", &class_a)], [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("create_class", vec![("year", &yb), ("name", "10A9")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("create_class", vec![("year", &ya), ("name", "10A9")], [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("set_homeroom", vec![("class", &class_b), ("staff", "")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_homeroom", vec![("class", &class_a), ("staff", &staff_a)], [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("leaderboard_view", vec![("year", ""), ("scope", ""), ("semester", ""), ("category", ""), ("q", ""), ("show", "50")], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("catalogue_view", vec![("year", &ya)], [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("catalogue_view", vec![("year", &yb)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("create_category", vec![("year", &yb), ("name", "Học tập")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("create_category", vec![("year", &ya), ("name", "Học tập")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("create_activity", vec![("year", &ya), ("category", &cat_a), ("name", "Hiến máu"), ("starts_on", "05/09/2025"), ("ends_on", ""), ("organiser", ""), ("rule", "fixed"), ("points", "10"), ("levels", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("copy_catalogue", vec![("from_year", &yb), ("to_year", &nb)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("copy_catalogue", vec![("from_year", &ya), ("to_year", &na)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("log_view", vec![("year", ""), ("class", "")], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("log_view", vec![("year", &yb), ("class", &class_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("log_view", vec![("year", &ya), ("class", &class_a)], [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("log_activity", vec![("request_key", "matrix-b"), ("activity", &act_b), ("level", ""), ("students[]", &student_b), ("occurred_on", "06/10/2025"), ("evidence", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("log_activity", vec![("request_key", "matrix-a"), ("activity", &act_a), ("level", ""), ("students[]", &student_a), ("occurred_on", "06/10/2025"), ("evidence", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("review_view", vec![("year", &yb), ("show", "50")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("review_view", vec![("year", &ya), ("show", "50")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("review_entries", vec![("entries[]", &pending_b), ("decision", "approve"), ("reason", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("review_entries", vec![("entries[]", &pending_a), ("decision", "approve"), ("reason", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("reverse_entry", vec![("entry", &approved_b), ("reason", "Nhầm")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("reverse_entry", vec![("entry", &approved_a), ("reason", "Nhầm")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("leaderboard_view", vec![("year", &yb), ("scope", "school"), ("semester", ""), ("category", ""), ("q", ""), ("show", "50")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("leaderboard_view", vec![("year", &ya), ("scope", "school"), ("semester", ""), ("category", ""), ("q", ""), ("show", "50")],
            [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("student_ledger_view", vec![("student", &student_b), ("year", &yb), ("show", "50")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("student_ledger_view", vec![("student", &student_a), ("year", &ya), ("show", "50")], [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("results_view", vec![("year", &yb), ("class", &class_b), ("period", "1")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("results_view", vec![("year", &ya), ("class", &class_a), ("period", "1")], [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("save_results", vec![("year", &yb), ("period", "1"), ("student[]", &student_b), ("study[]", "tot"), ("conduct[]", "tot")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("save_results", vec![("year", &ya), ("period", "1"), ("student[]", &student_a), ("study[]", "tot"), ("conduct[]", "tot")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("classification_view", vec![("year", &yb), ("class", "")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("classification_view", vec![("year", &ya), ("class", &class_a)], [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("confirm_classification", vec![("year", &yb)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("confirm_classification", vec![("year", &ya)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("set_classification_thresholds", vec![("year", &yb), ("excellent_points", "100"), ("excellent_study", "kha"), ("excellent_conduct", "tot"), ("good_points", "60"), ("good_study", "dat"), ("good_conduct", "kha"), ("complete_points", "20"), ("complete_study", ""), ("complete_conduct", "dat")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_classification_thresholds", vec![("year", &ya), ("excellent_points", "100"), ("excellent_study", "kha"), ("excellent_conduct", "tot"), ("good_points", "60"), ("good_study", "dat"), ("good_conduct", "kha"), ("complete_points", "20"), ("complete_study", ""), ("complete_conduct", "dat")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, Ok]),
        ("outstanding_view", vec![("year", &yb), ("q", ""), ("show_q", "20"), ("show_s", "20")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("outstanding_view", vec![("year", &ya), ("q", ""), ("show_q", "20"), ("show_s", "20")], [Unauth, NotFound, NotFound, Ok, Ok, NotFound, Ok]),
        ("set_outstanding_criteria", vec![("year", &yb), ("conduct", "tot"), ("study", "kha"), ("top_percent", "20"), ("min_points", ""), ("union_member", "on"), ("min_age", ""), ("min_classification", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_outstanding_criteria", vec![("year", &ya), ("conduct", "tot"), ("study", "kha"), ("top_percent", "20"), ("min_points", ""), ("union_member", "on"), ("min_age", ""), ("min_classification", "")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, Ok]),
        ("propose_students", vec![("year", &yb), ("students[]", &student_b), ("reason", "Tiêu biểu")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("propose_students", vec![("year", &ya), ("students[]", &student_a), ("reason", "Tiêu biểu")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, Ok]),
        ("student_profile", vec![("student", &student_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("student_profile", vec![("student", &student_a)], [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("org_view", vec![("unit", ""), ("school", "")], [Unauth, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("org_view", vec![("unit", &b_s), ("school", "")], [Unauth, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("create_unit", vec![("kind", "school_union"), ("name", "Đoàn trường"), ("code", ""), ("parent", &b_s), ("valid_from", ""), ("valid_to", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("create_unit", vec![("kind", "school_union"), ("name", "Đoàn trường"), ("code", ""), ("parent", &a_s), ("valid_from", ""), ("valid_to", "")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("update_unit", vec![("unit", &b_s), ("name", "Đổi tên"), ("code", ""), ("parent", &province_s), ("valid_from", ""), ("valid_to", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("update_unit", vec![("unit", &a_s), ("name", "THPT Tân Hà"), ("code", "68000701"), ("parent", &province_s), ("valid_from", ""), ("valid_to", "")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("org_view", vec![("unit", ""), ("school", &b_s)], [Unauth, Forbidden, NotFound, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("org_view", vec![("unit", &a_s), ("school", &a_s)], [Unauth, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden]),
        ("set_school_link", vec![("school", &b_s), ("relation", "party_organisation"), ("target", &cell_a), ("valid_from", "01/09/2025")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_school_link", vec![("school", &a_s), ("relation", "party_organisation"), ("target", &cell_a), ("valid_from", "01/09/2025")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("board_view", vec![("school", "")], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("board_view", vec![("school", &b_s)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // The union officer was made a mentor at school A by `grant_role` above: they see their (no) candidates.
        ("board_view", vec![("school", &a_s)], [Unauth, NotFound, NotFound, Ok, Ok, Ok, Ok]),
        ("record_consent", vec![("student", &second_b), ("subject", "guardian"), ("person_name", "Phạm Văn Hải"), ("relation", "Bố"), ("given_on", "12/09/2025"), ("method", "paper"), ("scope", "Xét vào nguồn")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("record_consent", vec![("student", &second_a), ("subject", "guardian"), ("person_name", "Phạm Văn Hải"), ("relation", "Bố"), ("given_on", "12/09/2025"), ("method", "paper"), ("scope", "Xét vào nguồn")],
            [Unauth, NotFound, NotFound, Ok, Ok, NotFound, Ok]),
        // Declined once by the first Party role; the second finds it already decided.
        ("decide_proposal", vec![("proposal", &proposal_b), ("decision", "decline"), ("reason", "Chưa đủ"), ("on", "01/10/2025")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("decide_proposal", vec![("proposal", &proposal_a), ("decision", "decline"), ("reason", "Chưa đủ"), ("on", "01/10/2025")],
            [Unauth, NotFound, NotFound, Ok, Invalid, NotFound, NotFound]),
        ("withdraw_consent", vec![("consent", &consent_b), ("on", "02/10/2025"), ("reason", "Gia đình đổi ý"), ("confirm", "1")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("withdraw_consent", vec![("consent", &consent_a), ("on", "02/10/2025"), ("reason", "Gia đình đổi ý"), ("confirm", "1")],
            [Unauth, NotFound, NotFound, Ok, Invalid, NotFound, Invalid]),
        ("candidacy_view", vec![("candidacy", &cand_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("candidacy_view", vec![("candidacy", &cand_a)], [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        // Moved once; the same move again is not a step of the procedure.
        ("move_candidacy", vec![("candidacy", &cand_b), ("to", "awareness_class"), ("on", &today_s), ("reason", ""), ("override_reason", ""), ("members", ""), ("present", ""), ("for_votes", ""), ("against", ""), ("abstain", ""), ("decision_number", ""), ("decided_on", ""), ("superior_agreement", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("move_candidacy", vec![("candidacy", &cand_a), ("to", "awareness_class"), ("on", &today_s), ("reason", ""), ("override_reason", ""), ("members", ""), ("present", ""), ("for_votes", ""), ("against", ""), ("abstain", ""), ("decision_number", ""), ("decided_on", ""), ("superior_agreement", "")],
            [Unauth, NotFound, NotFound, Ok, Invalid, NotFound, NotFound]),
        ("record_certificate", vec![("candidacy", &cand_b), ("number", "12/GCN"), ("issued_on", "20/11/2025"), ("issuer", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("record_certificate", vec![("candidacy", &cand_a), ("number", "12/GCN"), ("issued_on", "20/11/2025"), ("issuer", "")],
            [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        ("assign_mentor", vec![("candidacy", &cand_b), ("staff", &staff_a), ("from", "25/11/2025"), ("reason", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("assign_mentor", vec![("candidacy", &cand_a), ("staff", &staff_a), ("from", "25/11/2025"), ("reason", "")],
            [Unauth, NotFound, NotFound, Ok, Invalid, NotFound, NotFound]),
        ("add_introducer", vec![("candidacy", &cand_b), ("staff", &staff_a), ("together_since", "05/09/2024")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("add_introducer", vec![("candidacy", &cand_a), ("staff", &staff_a), ("together_since", "05/09/2024")],
            [Unauth, NotFound, NotFound, Ok, Invalid, NotFound, NotFound]),
        ("add_dossier_item", vec![("candidacy", &cand_b), ("kind", "biography"), ("subject", ""), ("place", ""), ("status", "requested"), ("requested_on", "01/12/2025"), ("received_on", ""), ("valid_until", ""), ("holder", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("add_dossier_item", vec![("candidacy", &cand_a), ("kind", "biography"), ("subject", ""), ("place", ""), ("status", "requested"), ("requested_on", "01/12/2025"), ("received_on", ""), ("valid_until", ""), ("holder", "")],
            [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        ("update_dossier_item", vec![("item", &item_b), ("status", "concluded"), ("received_on", "26/09/2025"), ("valid_until", ""), ("holder", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("update_dossier_item", vec![("item", &item_a), ("status", "concluded"), ("received_on", "26/09/2025"), ("valid_until", ""), ("holder", "Văn phòng")],
            [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        ("return_biography", vec![("candidacy", &cand_b), ("on", "02/12/2025"), ("reason", "Tẩy xóa")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("return_biography", vec![("candidacy", &cand_a), ("on", "02/12/2025"), ("reason", "Tẩy xóa")], [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        // After `assign_mentor`: the matrix mentor is the candidacy's mentor, but it is not yet at a mentored stage.
        ("write_assessment", vec![("candidacy", &cand_b), ("written_on", &today_s), ("political", "good"), ("ethics", "good"), ("study", "good"), ("union_work", "good"), ("strengths", "Chăm chỉ"), ("to_improve", "Tự tin hơn"), ("recommendation", "continue")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("write_assessment", vec![("candidacy", &cand_a), ("written_on", &today_s), ("political", "good"), ("ethics", "good"), ("study", "good"), ("union_work", "good"), ("strengths", "Chăm chỉ"), ("to_improve", "Tự tin hơn"), ("recommendation", "continue")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, Invalid, NotFound]),
        ("my_tasks", vec![], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("classes_view", vec![("school", &b_s)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("classes_view", vec![("school", &a_s)], [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        ("create_awareness_class", vec![("school", &b_s), ("name", "Khóa 3"), ("starts_on", "01/12/2025"), ("ends_on", "20/12/2025"), ("capacity", "40")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("create_awareness_class", vec![("school", &a_s), ("name", "Khóa 3"), ("starts_on", "01/12/2025"), ("ends_on", "20/12/2025"), ("capacity", "40")],
            [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        // Completed once; then enrolled in the second class once.
        ("complete_class", vec![("enrolment", &enrolled_b), ("number", "9/GCN"), ("issued_on", "20/11/2025")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("complete_class", vec![("enrolment", &enrolled_a), ("number", "9/GCN"), ("issued_on", "20/11/2025")], [Unauth, NotFound, NotFound, Ok, Invalid, NotFound, NotFound]),
        ("enrol_in_class", vec![("class", &class2_b), ("candidacy", &cand_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("enrol_in_class", vec![("class", &class2_a), ("candidacy", &cand_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("enrol_in_class", vec![("class", &class2_a), ("candidacy", &cand_a)], [Unauth, NotFound, NotFound, Ok, Invalid, NotFound, NotFound]),
        ("meetings_view", vec![("school", &b_s)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("meetings_view", vec![("school", &a_s)], [Unauth, NotFound, NotFound, Ok, Ok, NotFound, Ok]),
        ("record_joint_meeting", vec![("school", &b_s), ("held_on", "01/10/2025"), ("attendees", "Chi ủy, BCH Đoàn"), ("decisions", "Thống nhất"), ("students[]", &student_b)],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // A student of school B is not one school A's meeting can discuss.
        ("record_joint_meeting", vec![("school", &a_s), ("held_on", "01/10/2025"), ("attendees", "Chi ủy, BCH Đoàn"), ("decisions", "Thống nhất"), ("students[]", &student_b)],
            [Unauth, NotFound, NotFound, Invalid, Invalid, NotFound, Invalid]),
        // A note without the student it belongs to is refused before anything is recorded.
        ("record_joint_meeting", vec![("school", &a_s), ("held_on", "01/10/2025"), ("attendees", "Chi ủy, BCH Đoàn"), ("decisions", "Thống nhất"), ("students[]", &student_a), ("notes[]", "Tích cực")],
            [Unauth, Invalid, Invalid, Invalid, Invalid, Invalid, Invalid]),
        ("record_joint_meeting", vec![("school", &a_s), ("held_on", "01/10/2025"), ("attendees", "Chi ủy, BCH Đoàn"), ("decisions", "Thống nhất"), ("students[]", &student_a)],
            [Unauth, NotFound, NotFound, Ok, Ok, NotFound, Ok]),
        ("calendar_view", vec![("school", &b_s), ("year", "2026")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("calendar_view", vec![("school", &a_s), ("year", "2026")], [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        ("calendar_view", vec![("school", &a_s), ("year", "1800")], [Unauth, Invalid, Invalid, Invalid, Invalid, Invalid, Invalid]),
        ("set_watch_rules", vec![("school", &b_s), ("assessment_every_months", "3"), ("assessment_silence_days", "60"), ("certificate_warning_days", "90"), ("biography_rewrites", "3"), ("task_horizon_days", "14"), ("valid_from", "01/01/2026")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_watch_rules", vec![("school", &a_s), ("assessment_every_months", "3"), ("assessment_silence_days", "60"), ("certificate_warning_days", "90"), ("biography_rewrites", "3"), ("task_horizon_days", "14"), ("valid_from", "01/01/2026")],
            [Unauth, NotFound, NotFound, Ok, Ok, NotFound, NotFound]),
        ("add_holiday", vec![("school", &b_s), ("day", "02/01/2026"), ("name", "Nghỉ bù"), ("kind", "off")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("add_holiday", vec![("school", &a_s), ("day", "02/01/2026"), ("name", "Nghỉ bù"), ("kind", "off")], [Unauth, NotFound, NotFound, Ok, Invalid, NotFound, NotFound]),
        ("remove_holiday", vec![("change", &day_off_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("remove_holiday", vec![("change", &day_off_a)], [Unauth, NotFound, NotFound, Ok, NotFound, NotFound, NotFound]),
        ("rules_view", vec![("unit", "")], [Unauth, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("rules_view", vec![("unit", &b_s)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("rules_view", vec![("unit", &a_s)], [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("set_procedure_rules", vec![("unit", &b_s), ("min_age", "18"), ("age_by_month", "on"), ("certificate_months", "60"), ("document_months", "12"), ("vote_numerator", "2"), ("vote_denominator", "3"), ("introducer_months", "12"), ("youth_max_age", "30"), ("decision_working_days", "60"), ("ceremony_working_days", "30"), ("probation_months", "12"), ("recognition_working_days", "30"), ("documents[]", "application"), ("documents[]", "biography"), ("valid_from", "01/01/2027")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_procedure_rules", vec![("unit", &a_s), ("min_age", "18"), ("age_by_month", "on"), ("certificate_months", "60"), ("document_months", "12"), ("vote_numerator", "2"), ("vote_denominator", "3"), ("introducer_months", "12"), ("youth_max_age", "30"), ("decision_working_days", "60"), ("ceremony_working_days", "30"), ("probation_months", "12"), ("recognition_working_days", "30"), ("documents[]", "application"), ("documents[]", "biography"), ("valid_from", "01/01/2027")],
            [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("privacy_view", vec![("school", ""), ("q", "")], [Unauth, Forbidden, Ok, Forbidden, Ok, Forbidden, Forbidden]),
        ("privacy_view", vec![("school", &b_s), ("q", "")], [Unauth, Forbidden, NotFound, Forbidden, NotFound, Forbidden, Forbidden]),
        ("privacy_view", vec![("school", &a_s), ("q", "nguyen")], [Unauth, Forbidden, Ok, Forbidden, Ok, Forbidden, Forbidden]),
        ("privacy_student_view", vec![("student", &student_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("privacy_student_view", vec![("student", &student_a)], [Unauth, NotFound, Ok, NotFound, Ok, NotFound, NotFound]),
        ("student_export_view", vec![("student", &student_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("student_export_view", vec![("student", &student_a)], [Unauth, NotFound, NotFound, NotFound, Ok, NotFound, NotFound]),
        ("record_data_request", vec![("student", &student_b), ("requester", "student"), ("requester_name", "Nguyễn Văn Bình"), ("kind", "access"), ("details", ""), ("received_on", &today_s)],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("record_data_request", vec![("student", &student_a), ("requester", "student"), ("requester_name", "Nguyễn Văn An"), ("kind", "access"), ("details", ""), ("received_on", &today_s)],
            [Unauth, NotFound, Ok, NotFound, Ok, NotFound, NotFound]),
        ("answer_data_request", vec![("request", &request_b), ("answered_on", &today_s), ("answer", "Đã gửi")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // Answered once by the administrator; the Party cell officer finds it answered.
        ("answer_data_request", vec![("request", &request_a), ("answered_on", &today_s), ("answer", "Đã gửi")], [Unauth, NotFound, Ok, NotFound, Invalid, NotFound, NotFound]),
        ("correct_student", vec![("student", &student_b), ("code", ""), ("family_name", "Nguyễn"), ("middle_name", "Văn"), ("given_name", "Bình"), ("date_of_birth", "01/01/2010"), ("gender", ""), ("hometown_commune", ""), ("hometown_province", ""), ("residence_commune", ""), ("residence_province", ""), ("guardian_name", ""), ("guardian_phone", "")],
            [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("correct_student", vec![("student", &student_a), ("code", ""), ("family_name", "Nguyễn"), ("middle_name", "Văn"), ("given_name", "An"), ("date_of_birth", "01/01/2010"), ("gender", ""), ("ethnicity", "Cơ Ho"), ("hometown_commune", ""), ("hometown_province", ""), ("residence_commune", ""), ("residence_province", ""), ("guardian_name", ""), ("guardian_phone", "")],
            [Unauth, NotFound, Ok, NotFound, Ok, NotFound, NotFound]),
        ("propose_erasure", vec![("student", &student_b), ("reason", "Yêu cầu")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // School A's first student is a candidate: the record is kept.
        ("propose_erasure", vec![("student", &student_a), ("reason", "Yêu cầu")], [Unauth, NotFound, Invalid, NotFound, Invalid, NotFound, NotFound]),
        ("cancel_erasure", vec![("erasure", &erase_b)], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("cancel_erasure", vec![("erasure", &erase_third_a)], [Unauth, NotFound, Ok, NotFound, Invalid, NotFound, NotFound]),
        ("set_privacy_rules", vec![("school", &b_s), ("answer_working_days", "2"), ("retention_years", "5"), ("valid_from", "01/01/2026")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        ("set_privacy_rules", vec![("school", &a_s), ("answer_working_days", "2"), ("retention_years", "5"), ("valid_from", "01/01/2026")], [Unauth, NotFound, Ok, NotFound, NotFound, NotFound, NotFound]),
        ("confirm_erasure", vec![("erasure", &erase_b), ("understood", "on")], [Unauth, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        // Last: it anonymises school A's second student (proposed by another Party cell officer).
        ("confirm_erasure", vec![("erasure", &erase_a), ("understood", "on")], [Unauth, NotFound, Ok, NotFound, Invalid, NotFound, NotFound]),
        ("logout", vec![], [Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
    ];

    // Every registered server function has a row.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .filter_map(|(p, _)| p.strip_prefix("/api/").map(str::to_string))
        .collect();
    let covered: BTreeSet<String> = table.iter().map(|(n, _, _)| n.to_string()).collect();
    assert_eq!(registered, covered, "a server function is missing from the access matrix (or gone from the app)");

    // The machine-readable export: the same permission as its page, with statuses that say so
    // (before the table, whose last row signs everyone out).
    for (i, cookie) in cookies.iter().enumerate() {
        for (student, expected) in [(&student_a, [401, 404, 404, 404, 200, 404, 404][i]), (&student_b, if i == 0 { 401 } else { 404 })] {
            let mut req = s.http.get(format!("{}/privacy/student/{student}/export.json", s.base));
            if let Some(c) = cookie {
                req = req.header(header::COOKIE, c.as_str());
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status().as_u16(), expected, "export.json of {student} as {}", CALLERS[i]);
            if expected == 200 {
                assert!(res.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment"));
                let body: serde_json::Value = res.json().await.unwrap();
                assert_eq!(body["records"]["students"][0]["id"].as_i64(), student.parse().ok());
            }
        }
    }

    // The Excel exports: each answers as its page's view does (another school's list is not found).
    let exports: Vec<(String, [u16; 7])> = vec![
        (format!("/export/board?school={a_s}"), [401, 404, 404, 200, 200, 200, 404]),
        (format!("/export/board?school={b_s}"), [401, 404, 404, 404, 404, 404, 404]),
        (format!("/export/students?school={a_s}"), [401, 404, 404, 200, 200, 200, 200]),
        (format!("/export/students?school={b_s}"), [401, 404, 404, 404, 404, 404, 404]),
        (format!("/export/leaderboard?year={yb}"), [401, 404, 404, 404, 404, 404, 404]),
        (format!("/export/outstanding?year={ya}"), [401, 404, 404, 200, 200, 404, 200]),
        ("/export/tasks".to_string(), [401, 200, 200, 200, 200, 200, 200]),
        ("/export/audit".to_string(), [401, 403, 200, 403, 403, 403, 403]),
        ("/export/dashboard".to_string(), [401, 403, 403, 200, 200, 403, 403]),
        (format!("/export/funnel?school={b_s}"), [401, 403, 403, 404, 404, 403, 403]),
    ];
    for (path, expected) in &exports {
        for (i, cookie) in cookies.iter().enumerate() {
            let mut req = s.http.get(format!("{}{path}", s.base));
            if let Some(c) = cookie {
                req = req.header(header::COOKIE, c.as_str());
            }
            assert_eq!(req.send().await.unwrap().status().as_u16(), expected[i], "{path} as {}", CALLERS[i]);
        }
    }

    for (name, args, expected) in &table {
        for (i, cookie) in cookies.iter().enumerate() {
            let (got, value) = outcome(s.call(name, args, cookie.as_deref()).await).await;
            assert_eq!(got, expected[i], "{name} {args:?} as {}", CALLERS[i]);
            // What the lists reveal: only school A, only to whom it concerns.
            let who = CALLERS[i];
            match *name {
                "students_view" if got == Ok => {
                    let want: BTreeSet<i64> = if i >= 3 { [a].into() } else { BTreeSet::new() };
                    assert_eq!(ids(&value["choice"]["schools"]), want, "schools offered to {who}");
                    let classes: Vec<&str> = value["classes"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
                    assert!(classes.len() <= 1, "only school A's class: {classes:?}");
                    let rows = value["list"]["rows"].as_array().unwrap();
                    assert!(rows.iter().all(|r| r["given_name"] != "Bình"), "a student of school B leaked to {who}");
                    // Ethnicity and religion only for the Party side (domain.md §5).
                    let sensitive = matches!(who, "superior" | "party cell");
                    for r in rows {
                        assert_eq!(r["sensitive_visible"].as_bool(), Some(sensitive), "{who}");
                        assert_eq!(r["ethnicity"].is_null(), !sensitive, "{who}");
                    }
                }
                "staff_view" if got == Ok => {
                    let want: BTreeSet<i64> = if i == 2 { [a].into() } else { BTreeSet::new() };
                    assert_eq!(ids(&value["choice"]["schools"]), want, "schools offered to {who}");
                    if i == 2 {
                        let names: Vec<&str> = value["staff"]["rows"].as_array().unwrap().iter().map(|r| r["full_name"].as_str().unwrap()).collect();
                        assert!(names.contains(&"Trần Thị lan") && !names.contains(&"Trần Thị mai"), "{names:?}");
                        let cells = ids(&value["cells"]);
                        assert!(cells.contains(&cell_a.parse::<i64>().unwrap()), "school A's Party cell offered: {cells:?}");
                    }
                    if let Some(edit) = value["editing"].as_object() {
                        assert_eq!(ids(&edit["units"]), [a].into(), "grant units offered to {who}");
                    }
                }
                "years_view" if got == Ok => {
                    let schools: BTreeSet<i64> =
                        value["years"].as_array().unwrap().iter().map(|y| y["school_id"].as_i64().unwrap()).collect();
                    let want: BTreeSet<i64> = if i == 2 { [a].into() } else { BTreeSet::new() };
                    assert_eq!(schools, want, "years offered to {who}");
                    assert_eq!(ids(&value["schools"]), want, "schools offered to {who}");
                    if let Some(classes) = value["classes"].as_object() {
                        // The class being changed brings school A's staff to pick from, and only them.
                        let staff: Vec<&str> = classes["teachers"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
                        assert!(staff.contains(&"Trần Thị lan") && !staff.contains(&"Trần Thị mai"), "{staff:?}");
                    }
                }
                "import_view" => {
                    let want: BTreeSet<i64> = if i == 2 { [upload_a.parse().unwrap()].into() } else { BTreeSet::new() };
                    assert_eq!(ids(&value["uploads"]), want, "uploads listed to {who}");
                }
                "leaderboard_view" if got == Ok => {
                    let schools: BTreeSet<i64> = value["choice"]["years"].as_array().unwrap().iter().map(|y| y["school_id"].as_i64().unwrap()).collect();
                    let want: BTreeSet<i64> = if i >= 3 { [a].into() } else { BTreeSet::new() };
                    assert_eq!(schools, want, "years offered to {who}");
                    let names: Vec<&str> = value["ranks"]["rows"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
                    assert!(!names.iter().any(|n| n.contains("Bình")), "school B in school A's ranking: {names:?}");
                }
                "outstanding_view" if got == Ok => {
                    let lists = &value["lists"];
                    let listed = lists["qualifying"]["rows"].as_array().unwrap().iter().chain(lists["one_short"]["rows"].as_array().unwrap());
                    assert!(listed.into_iter().all(|e| e["name"] != "Nguyễn Văn Bình"), "school B in school A's lists");
                }
                "student_profile" if got == Ok => {
                    // Candidacy (the proposal made above) only for the union and the Party side.
                    let shown = value["timeline"].as_array().unwrap().iter().any(|i| i["event"].get("Proposal").is_some());
                    let want = matches!(who, "superior" | "party cell" | "union");
                    assert_eq!(shown, want, "proposal on the profile as {who}");
                    // The profile evaluates the latest year (the roll-over above placed the student in the next one).
                    assert!(value["evaluation"]["outcomes"].is_array(), "evaluation on the profile as {who}");
                }
                "board_view" if got == Ok => {
                    // A mentor sees only the candidates they mentor: here none; and decides no proposal.
                    let n = value["cards"].as_array().unwrap().len();
                    let cell_side = matches!(who, "superior" | "party cell");
                    let shown_school = value["choice"]["school"].as_i64();
                    assert_eq!(shown_school, (i >= 3).then_some(a), "school shown to {who}");
                    if shown_school.is_some() {
                        assert_eq!(n, if cell_side { 1 } else { 0 }, "board_view as {who}");
                        assert_eq!(value["proposals"].is_array(), cell_side, "proposals shown to {who}");
                    }
                }
                "candidacy_view" if got == Ok => {
                    assert!(value["members"].is_array(), "Party members offered to {who}");
                }
                "org_view" if got == Ok => {
                    let units = ids(&value["units"]);
                    assert!(units.contains(&a) && !units.contains(&b) && !units.contains(&province), "{units:?}");
                }
                "my_tasks" if got == Ok => {
                    // Only school A's candidacy, and only to its Party roles.
                    let about: BTreeSet<String> = value.as_array().unwrap().iter().filter_map(|t| t["candidacy_id"].as_i64()).map(|c| c.to_string()).collect();
                    assert!(!about.contains(&cand_b), "school B's candidacy in the tasks of {who}");
                    if matches!(who, "no role" | "union") {
                        assert!(value.as_array().unwrap().is_empty(), "tasks for {who}: {value}");
                    }
                    // The keepers of the register have school A's open request, not school B's.
                    let requests: Vec<i64> = value.as_array().unwrap().iter().filter_map(|t| t["kind"]["DataRequest"]["student_id"].as_i64()).collect();
                    let want: Vec<i64> = if matches!(who, "administrator" | "party cell") { vec![student_a.parse().unwrap()] } else { vec![] };
                    assert_eq!(requests, want, "data requests in the tasks of {who}");
                    if who == "administrator" {
                        assert_eq!(value.as_array().unwrap().len(), 1, "the administrator's only task is the request: {value}");
                    }
                }
                "classes_view" if got == Ok => {
                    let names: Vec<&str> = value["classes"].as_array().unwrap().iter().flat_map(|c| c["enrolments"].as_array().unwrap()).map(|e| e["name"].as_str().unwrap()).collect();
                    assert!(!names.iter().any(|n| n.contains("Bình")), "school B's candidate in school A's classes: {names:?}");
                }
                "rules_view" if got == Ok => {
                    let want: BTreeSet<i64> = if i == 2 { [a].into() } else { BTreeSet::new() };
                    assert_eq!(ids(&value["units"]), want, "rules_view as {who}");
                }
                "audit_log" if got == Ok => {
                    let actors: BTreeSet<&str> = value["rows"].as_array().unwrap().iter().filter_map(|r| r["actor"].as_str()).collect();
                    assert!(!actors.contains("admin"), "school A's administrator sees the province administrator's entries: {actors:?}");
                }
                "privacy_view" if got == Ok => {
                    let want: BTreeSet<i64> = [a].into();
                    assert_eq!(ids(&value["choice"]["schools"]), want, "schools offered to {who}");
                    let students: BTreeSet<i64> = value["requests"]["rows"].as_array().unwrap().iter().map(|r| r["student_id"].as_i64().unwrap()).collect();
                    assert!(!students.contains(&student_b.parse::<i64>().unwrap()), "school B's request shown to {who}");
                    let found: Vec<&str> = value["matches"]["rows"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
                    assert!(!found.iter().any(|n| n.contains("Bình")), "school B's student found by {who}: {found:?}");
                    assert_eq!(value["can_configure"].as_bool(), Some(who == "administrator"));
                }
                "privacy_student_view" if got == Ok => {
                    assert_eq!(value["can_export"].as_bool(), Some(who == "party cell"), "export offered to {who}");
                    assert_eq!(value["identity"]["ethnicity"].as_str() == Some(""), who != "party cell", "ethnicity shown to {who}");
                }
                "student_export_view" if got == Ok => {
                    let tables: BTreeSet<&str> = value["sections"].as_array().unwrap().iter().map(|s| s["table"].as_str().unwrap()).collect();
                    assert!(tables.contains("candidacies") && tables.contains("audit_log"), "{tables:?}");
                }
                "list_users" if got == Ok => {
                    let names: Vec<&str> = value.as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
                    assert!(!names.contains(&"admin"), "the province administrator is outside school A's scope");
                    assert!(names.contains(&"doan.a"));
                }
                _ => {}
            }
        }
    }

}

both_engines!(access_matrix);
