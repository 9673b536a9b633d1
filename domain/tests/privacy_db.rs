//! Personal-data duties on both engines: requests due in working days of
//! the school's calendar (weekends, Tết, a school's own day off), in the
//! inbox until answered; a withdrawal answered through the consent
//! register's code path; correction with old values in the log; the export
//! covering every table about students; anonymisation that leaves every
//! figure alone; retention whose dry run changes nothing.

mod common;
use common::*;

use nguon_domain::accounts;
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{audit_log, candidacy, class, consent, enrolment, ledger_entry, school_year, student, student_total, user};
use nguon_domain::pipeline::tasks;
use nguon_domain::policy::Actor;
use nguon_domain::privacy::requests::{self, AnswerInput};
use nguon_domain::privacy::rules::RequestInput;
use nguon_domain::privacy::{erasure, export, identity, retention};
use nguon_domain::{demo, AppError, ErrorCode, Role};
use nguon_shared::mentoring::TaskKind;
use nguon_shared::pipeline::Stage;
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};

/// A school with one student, its cell officer, union officer and the province's administrator.
struct Small {
    db: DatabaseConnection,
    school: i64,
    student: i64,
    admin: Actor,
    cell: Actor,
    union: Actor,
}

async fn grant(db: &DatabaseConnection, login: &str, role: Role, unit: i64) -> Actor {
    let id = user(db, login).await;
    accounts::grant_role(db, &AuditContext::default(), id, role, unit).await.unwrap();
    Actor { user_id: id, grants: vec![(role, unit)] }
}

async fn small(t: &TestDb) -> Small {
    let (db, admin, province) = province(t).await;
    let school = unit(&db, "school", "THPT Tân Hà", province).await;
    let now = chrono::Utc::now();
    let s = student::ActiveModel {
        school_id: Set(school),
        student_code: Set(Some("HS001".into())),
        family_name: Set("Nguyễn".into()),
        middle_name: Set("Thị".into()),
        given_name: Set("Lan".into()),
        search_key: Set("nguyen thi lan".into()),
        date_of_birth: Set(d(2010, 3, 1)),
        guardian_name: Set(Some("Nguyễn Văn Hùng".into())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();
    let cell = grant(&db, "chibo", Role::PartyCellOfficer, school).await;
    let union = grant(&db, "doan", Role::YouthUnionOfficer, school).await;
    Small { db, school, student: s.id, admin, cell, union }
}

fn request(kind: &str, received_on: chrono::NaiveDate) -> RequestInput {
    RequestInput { requester: "guardian".into(), requester_name: "Nguyễn Văn Hùng".into(), kind: kind.into(), details: "Xin bản sao".into(), received_on }
}

async fn requests_are_due_in_working_days_and_leave_the_inbox_when_answered(t: TestDb) {
    let s = small(&t).await;
    let today = d(2026, 11, 30);
    // Friday 27/11/2026: two working days are Monday and Tuesday.
    let friday = requests::record(&s.db, &s.cell, &ctx(&s.cell), s.student, request("access", d(2026, 11, 27)), today).await.unwrap();
    // Tết Bính Ngọ: received on Friday 13/02/2026, due after the holiday week.
    let tet = requests::record(&s.db, &s.admin, &ctx(&s.admin), s.student, request("correction", d(2026, 2, 13)), today).await.unwrap();
    // A day off of the school's own (a recorded change) moves the due day too.
    nguon_domain::pipeline::settings::set_holiday(&s.db, &s.cell, &ctx(&s.cell), s.school, d(2026, 12, 3), "Nghỉ bù", true, today).await.unwrap();
    let own = requests::record(&s.db, &s.cell, &ctx(&s.cell), s.student, request("erasure", d(2026, 12, 2)), d(2026, 12, 2)).await.unwrap();
    let due = |id: i64| {
        let db = s.db.clone();
        async move { nguon_domain::entities::data_request::Entity::find_by_id(id).one(&db).await.unwrap().unwrap().due_on }
    };
    assert_eq!(due(friday).await, d(2026, 12, 1));
    assert_eq!(due(tet).await, d(2026, 2, 24));
    assert_eq!(due(own).await, d(2026, 12, 7), "Wednesday 2/12: Thursday is the school's day off, so Friday and Monday");

    // Bad input is refused field by field and changes nothing.
    let before = nguon_domain::entities::data_request::Entity::find().count(&s.db).await.unwrap();
    let bad = RequestInput { requester: "teacher".into(), requester_name: " ".into(), kind: "delete".into(), details: String::new(), received_on: d(2026, 12, 25) };
    let Err(AppError::Invalid(errors)) = requests::record(&s.db, &s.cell, &ctx(&s.cell), s.student, bad, today).await else { panic!("refused") };
    let mut fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["kind", "received_on", "requester", "requester_name"]);
    assert_eq!(nguon_domain::entities::data_request::Entity::find().count(&s.db).await.unwrap(), before);
    // The union officer does not keep the register.
    assert_eq!(requests::record(&s.db, &s.union, &ctx(&s.union), s.student, request("access", today), today).await.unwrap_err(), AppError::NotFound);

    // Both keepers of the register have the requests in their inbox, the late one flagged by its due day.
    for actor in [&s.cell, &s.admin] {
        let inbox = tasks::my_tasks(&s.db, actor, today).await.unwrap();
        let mine: Vec<_> = inbox.iter().filter(|t| matches!(t.kind, TaskKind::DataRequest { .. })).collect();
        assert_eq!(mine.len(), 3, "{inbox:?}");
        assert_eq!(mine[0].due, Some(d(2026, 2, 24)), "soonest due first");
        assert_eq!(mine[0].name, "Nguyễn Thị Lan");
    }
    assert!(tasks::my_tasks(&s.db, &s.union, today).await.unwrap().is_empty());

    // Answered: out of the inbox; answering twice is refused.
    let answer = AnswerInput { answered_on: d(2026, 11, 30), answer: "Đã gửi bản sao cho phụ huynh".into(), consent_id: None };
    requests::answer(&s.db, &s.cell, &ctx(&s.cell), friday, answer.clone(), today).await.unwrap();
    assert_eq!(
        requests::answer(&s.db, &s.cell, &ctx(&s.cell), friday, answer, today).await.unwrap_err(),
        AppError::invalid("request", ErrorCode::AlreadyDone)
    );
    let left = tasks::my_tasks(&s.db, &s.admin, today).await.unwrap();
    assert_eq!(left.iter().filter(|t| matches!(t.kind, TaskKind::DataRequest { .. })).count(), 2);
    let row = nguon_domain::entities::data_request::Entity::find_by_id(friday).one(&s.db).await.unwrap().unwrap();
    assert_eq!(row.answered_by, Some(s.cell.user_id));
    let logged = audit_log::Entity::find().filter(audit_log::Column::Entity.eq("data_request")).filter(audit_log::Column::Action.eq("answer")).one(&s.db).await.unwrap().unwrap();
    assert!(logged.after.unwrap().contains("\"on_time\":true"));
}

async fn correction_keeps_old_values_in_the_log(t: TestDb) {
    let s = small(&t).await;
    let today = d(2026, 11, 27);
    let other = student::ActiveModel {
        school_id: Set(s.school),
        student_code: Set(Some("HS002".into())),
        family_name: Set("Trần".into()),
        middle_name: Set(String::new()),
        given_name: Set("An".into()),
        search_key: Set("tran an".into()),
        date_of_birth: Set(d(2009, 1, 1)),
        created_at: Set(chrono::Utc::now()),
        updated_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap();
    let current = student::Entity::find_by_id(s.student).one(&s.db).await.unwrap().unwrap();
    let mut fix = identity::identity_of(&current, true);
    fix.given_name = "Lanh".into();
    fix.guardian_phone = "0912 345 678".into();
    fix.ethnicity = "Kinh".into();
    // The admin may not change ethnicity (not allowed to see it): silently kept.
    assert_eq!(identity::correct(&s.db, &s.admin, &ctx(&s.admin), fix.clone(), today).await.unwrap(), 2);
    let after = student::Entity::find_by_id(s.student).one(&s.db).await.unwrap().unwrap();
    assert_eq!((after.given_name.as_str(), after.search_key.as_str(), after.ethnicity.as_deref()), ("Lanh", "nguyen thi lanh", None));
    let log = audit_log::Entity::find().filter(audit_log::Column::Action.eq("correct")).one(&s.db).await.unwrap().unwrap();
    let before: serde_json::Value = serde_json::from_str(&log.before.unwrap()).unwrap();
    assert_eq!(before["given_name"], "Lan");
    assert_eq!(before["guardian_phone"], serde_json::Value::Null);
    // The cell officer may; the log keeps only a marker for the sensitive value.
    assert_eq!(identity::correct(&s.db, &s.cell, &ctx(&s.cell), fix.clone(), today).await.unwrap(), 1);
    let log = audit_log::Entity::find().filter(audit_log::Column::Action.eq("correct")).order_by_desc(audit_log::Column::Id).one(&s.db).await.unwrap().unwrap();
    assert!(log.after.unwrap().contains("•••") && !log.before.clone().unwrap_or_default().contains("Kinh"));

    // Refused: another student's code, a birthday in the future, an empty given name; nothing changes.
    let snapshot = student::Entity::find_by_id(s.student).one(&s.db).await.unwrap().unwrap();
    let bad = nguon_shared::privacy::StudentIdentity { code: other.student_code.clone().unwrap(), given_name: " ".into(), date_of_birth: Some(d(2027, 1, 1)), ..fix };
    let Err(AppError::Invalid(errors)) = identity::correct(&s.db, &s.cell, &ctx(&s.cell), bad, today).await else { panic!("refused") };
    let mut fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["code", "date_of_birth", "given_name"]);
    assert_eq!(student::Entity::find_by_id(s.student).one(&s.db).await.unwrap().unwrap(), snapshot);
    assert_eq!(identity::correct(&s.db, &s.union, &ctx(&s.union), identity::identity_of(&snapshot, false), today).await.unwrap_err(), AppError::NotFound);
}

both_engines!(requests_are_due_in_working_days_and_leave_the_inbox_when_answered, correction_keeps_old_values_in_the_log);

/// The demo school with its actors.
struct Demo {
    db: DatabaseConnection,
    school: i64,
    admin: Actor,
    cell: Actor,
    union: Actor,
    mentor: Actor,
}

async fn demo_school(t: &TestDb) -> Demo {
    let (db, admin, _) = province(t).await;
    let summary = demo::load(&db, &AuditContext::default(), PW, 88).await.unwrap();
    let actor = |login: &'static str, role: Role| {
        let db = db.clone();
        async move {
            let u = user::Entity::find().filter(user::Column::Username.eq(login)).one(&db).await.unwrap().unwrap();
            Actor { user_id: u.id, grants: vec![(role, summary.school_id)] }
        }
    };
    Demo {
        school: summary.school_id,
        cell: actor("demo.chibo", Role::PartyCellOfficer).await,
        union: actor("demo.doan", Role::YouthUnionOfficer).await,
        mentor: actor("demo.huongdan", Role::Mentor).await,
        admin,
        db,
    }
}

/// A student of the demo with ledger entries and no candidacy.
async fn plain_student(db: &DatabaseConnection) -> student::Model {
    let candidates: Vec<i64> = candidacy::Entity::find().all(db).await.unwrap().into_iter().map(|c| c.student_id).collect();
    let entry = ledger_entry::Entity::find().filter(ledger_entry::Column::StudentId.is_not_in(candidates)).order_by_asc(ledger_entry::Column::Id).one(db).await.unwrap().unwrap();
    student::Entity::find_by_id(entry.student_id).one(db).await.unwrap().unwrap()
}

async fn export_covers_every_table_about_students(t: TestDb) {
    let s = demo_school(&t).await;
    let today = d(2026, 11, 27);
    let plain = plain_student(&s.db).await;
    requests::record(&s.db, &s.cell, &ctx(&s.cell), plain.id, request("access", today), today).await.unwrap();
    erasure::propose(&s.db, &s.cell, &ctx(&s.cell), plain.id, "Phụ huynh yêu cầu").await.unwrap();

    // Every table of the schema that refers to a student or a candidacy has its source, and no source is stale.
    let mut schema = export::tables_about_students(&s.db).await.unwrap();
    schema.sort();
    let mut covered: Vec<String> = export::SOURCES.iter().map(|x| x.table.to_string()).filter(|t| t != "audit_log").collect();
    covered.sort();
    assert_eq!(schema, covered, "a table about students is missing from the export (or a source names no such table)");

    // Each table holding rows: some student's export shows them.
    for source in export::SOURCES.iter().filter(|x| x.table != "audit_log") {
        let column = if ["students", "enrolments", "ledger_entries", "student_totals", "study_results", "union_classifications", "pool_proposals", "consents", "candidacies", "joint_meeting_students", "data_requests", "erasures"].contains(&source.table) {
            if source.table == "students" { "id" } else { "student_id" }
        } else {
            "candidacy_id"
        };
        let sql = format!("SELECT {column} AS v FROM {} ORDER BY 1 LIMIT 1", source.table);
        #[derive(sea_orm::FromQueryResult)]
        struct V {
            v: i64,
        }
        let Some(first) = <V as sea_orm::FromQueryResult>::find_by_statement(sea_orm::Statement::from_string(s.db.get_database_backend(), sql)).one(&s.db).await.unwrap() else { continue };
        let student_id = if column == "candidacy_id" { candidacy::Entity::find_by_id(first.v).one(&s.db).await.unwrap().unwrap().student_id } else { first.v };
        let x = export::export(&s.db, &s.cell, &ctx(&s.cell), student_id).await.unwrap();
        assert!(x.section(source.table).is_some_and(|sec| !sec.rows.is_empty()), "{} rows not in the export of student {student_id}", source.table);
    }

    // The plain student's export: identity whole, the request, and the export itself logged (a sensitive read).
    let x = export::export(&s.db, &s.cell, &ctx(&s.cell), plain.id).await.unwrap();
    let ident = x.section("students").unwrap();
    assert_eq!(ident.rows.len(), 1);
    assert!(ident.columns.iter().any(|c| c == "ethnicity") && ident.columns.iter().any(|c| c == "guardian_phone"));
    assert_eq!(x.section("data_requests").unwrap().rows.len(), 1);
    assert!(!x.section("ledger_entries").unwrap().rows.is_empty());
    let log = x.section("audit_log").unwrap();
    let action = log.columns.iter().position(|c| c == "action").unwrap();
    assert!(log.rows.iter().any(|r| r[action] == nguon_shared::privacy::ExportValue::Text("export".into())));
    let json = x.machine_readable();
    assert_eq!(json["records"]["students"][0]["id"].as_i64(), Some(plain.id));
    assert_eq!(x.sections.len(), export::SOURCES.len());

    // Only a role that may see everything: not the admin (no sensitive data), the union officer or the mentor.
    for who in [&s.admin, &s.union, &s.mentor] {
        assert_eq!(export::export(&s.db, who, &ctx(who), plain.id).await.unwrap_err(), AppError::NotFound);
    }
}

async fn anonymisation_leaves_every_figure_alone(t: TestDb) {
    let s = demo_school(&t).await;
    let plain = plain_student(&s.db).await;
    let totals_before = student_total::Entity::find().order_by_asc(student_total::Column::Id).all(&s.db).await.unwrap();
    let entries_before = ledger_entry::Entity::find().order_by_asc(ledger_entry::Column::Id).all(&s.db).await.unwrap();
    let others_before: Vec<student::Model> = student::Entity::find().filter(student::Column::Id.ne(plain.id)).order_by_asc(student::Column::Id).all(&s.db).await.unwrap();
    let year = school_year::Entity::find().filter(school_year::Column::SchoolId.eq(s.school)).one(&s.db).await.unwrap().unwrap().id;
    let query = || nguon_domain::ledger::standing::RankingQuery { year_id: year, scope: nguon_domain::ledger::standing::Scope::School, semester: None, category_id: None };
    let ranking_before = nguon_domain::ledger::standing::ranking(&s.db, &s.union, query()).await.unwrap();
    let enrolments_before = enrolment::Entity::find().order_by_asc(enrolment::Column::Id).all(&s.db).await.unwrap();
    let by_gender = |all: &Vec<student::Model>| {
        let mut m = std::collections::BTreeMap::new();
        for x in all {
            *m.entry((x.gender.clone(), chrono::Datelike::year(&x.date_of_birth), x.union_joined_on.is_some())).or_insert(0) += 1;
        }
        m
    };
    let aggregates_before = by_gender(&student::Entity::find().all(&s.db).await.unwrap());

    // A candidate's record is kept.
    let candidate = candidacy::Entity::find().one(&s.db).await.unwrap().unwrap().student_id;
    assert_eq!(erasure::propose(&s.db, &s.cell, &ctx(&s.cell), candidate, "Yêu cầu").await.unwrap_err(), AppError::invalid("student", ErrorCode::KeptByRule));
    // A reason is needed; the union officer may not propose.
    assert_eq!(erasure::propose(&s.db, &s.cell, &ctx(&s.cell), plain.id, "  ").await.unwrap_err(), AppError::invalid("reason", ErrorCode::Required));
    assert_eq!(erasure::propose(&s.db, &s.union, &ctx(&s.union), plain.id, "Yêu cầu").await.unwrap_err(), AppError::NotFound);
    let id = erasure::propose(&s.db, &s.cell, &ctx(&s.cell), plain.id, "Phụ huynh yêu cầu xoá").await.unwrap();
    // The proposer may not confirm; the second person must tick "cannot be undone".
    assert_eq!(erasure::confirm(&s.db, &s.cell, &ctx(&s.cell), id, true).await.unwrap_err(), AppError::invalid("erasure", ErrorCode::SecondPerson));
    assert_eq!(erasure::confirm(&s.db, &s.admin, &ctx(&s.admin), id, false).await.unwrap_err(), AppError::invalid("understood", ErrorCode::Required));
    assert_eq!(student::Entity::find_by_id(plain.id).one(&s.db).await.unwrap().unwrap(), plain, "refusals change nothing");
    erasure::confirm(&s.db, &s.admin, &ctx(&s.admin), id, true).await.unwrap();
    assert_eq!(erasure::confirm(&s.db, &s.admin, &ctx(&s.admin), id, true).await.unwrap_err(), AppError::invalid("erasure", ErrorCode::AlreadyDone));

    let after = student::Entity::find_by_id(plain.id).one(&s.db).await.unwrap().unwrap();
    assert!(after.anonymised_at.is_some());
    assert_eq!(after.given_name, format!("HS{}", plain.id));
    assert_ne!(after.family_name, plain.family_name);
    assert_eq!((after.student_code.clone(), after.ethnicity.clone(), after.guardian_name.clone()), (None, None, None));
    assert_eq!(chrono::Datelike::year(&after.date_of_birth), chrono::Datelike::year(&plain.date_of_birth));
    assert_eq!(after.gender, plain.gender, "kept for aggregate figures");

    // Every figure stays: totals, entries, the others, the ranking (the anonymised student keeps their place).
    assert_eq!(student_total::Entity::find().order_by_asc(student_total::Column::Id).all(&s.db).await.unwrap(), totals_before);
    assert_eq!(ledger_entry::Entity::find().order_by_asc(ledger_entry::Column::Id).all(&s.db).await.unwrap(), entries_before);
    assert_eq!(student::Entity::find().filter(student::Column::Id.ne(plain.id)).order_by_asc(student::Column::Id).all(&s.db).await.unwrap(), others_before);
    let ranking_after = nguon_domain::ledger::standing::ranking(&s.db, &s.union, query()).await.unwrap();
    let points = |r: &Vec<nguon_shared::ledger::RankRow>| r.iter().map(|x| (x.student_id, x.points)).collect::<std::collections::BTreeMap<_, _>>();
    assert_eq!(points(&ranking_after), points(&ranking_before));
    // Aggregates: students by gender, year of birth and union membership; class placements.
    assert_eq!(by_gender(&student::Entity::find().all(&s.db).await.unwrap()), aggregates_before);
    assert_eq!(enrolment::Entity::find().order_by_asc(enrolment::Column::Id).all(&s.db).await.unwrap(), enrolments_before);

    // The log holds no erased value: the student's snapshots are emptied, the erasure is recorded without data.
    let old_name = plain.person_name().full();
    for row in audit_log::Entity::find().filter(audit_log::Column::Entity.eq("student")).filter(audit_log::Column::EntityId.eq(plain.id.to_string())).all(&s.db).await.unwrap() {
        let text = format!("{:?}{:?}", row.before, row.after);
        assert!(!text.contains(&old_name) && !text.contains(&plain.given_name), "{text}");
    }
    assert!(audit_log::Entity::find().filter(audit_log::Column::Action.eq("anonymise")).one(&s.db).await.unwrap().is_some());
    let consents_named = consent::Entity::find().filter(consent::Column::StudentId.eq(plain.id)).all(&s.db).await.unwrap();
    assert!(consents_named.iter().all(|c| c.person_name != old_name));
}

async fn retention_dry_run_changes_nothing(t: TestDb) {
    let s = small(&t).await;
    let today = d(2026, 11, 27);
    // A student placed only in 2015-2016 (left 31/05/2016), another in the current year.
    let old_year = school_year::ActiveModel { school_id: Set(s.school), name: Set("2015-2016".into()), starts_on: Set(d(2015, 9, 5)), ends_on: Set(d(2016, 5, 31)), ..Default::default() }.insert(&s.db).await.unwrap();
    let now_year = year_2025(&s.db, s.school).await;
    let old_class = class::ActiveModel { school_year_id: Set(old_year.id), name: Set("12A1".into()), grade: Set(12), ..Default::default() }.insert(&s.db).await.unwrap();
    let now_class = class::ActiveModel { school_year_id: Set(now_year), name: Set("10A1".into()), grade: Set(10), ..Default::default() }.insert(&s.db).await.unwrap();
    let left = student::Entity::find_by_id(s.student).one(&s.db).await.unwrap().unwrap();
    enrolment::ActiveModel { student_id: Set(left.id), class_id: Set(old_class.id), school_year_id: Set(old_year.id), ..Default::default() }.insert(&s.db).await.unwrap();
    let mut current: student::ActiveModel = left.clone().into();
    current.id = sea_orm::ActiveValue::NotSet;
    current.student_code = Set(Some("HS999".into()));
    current.given_name = Set("Mai".into());
    let current = current.insert(&s.db).await.unwrap();
    enrolment::ActiveModel { student_id: Set(current.id), class_id: Set(now_class.id), school_year_id: Set(now_year), ..Default::default() }.insert(&s.db).await.unwrap();

    let all = || student::Entity::find().order_by_asc(student::Column::Id).all(&s.db);
    let before = all().await.unwrap();
    let logged = audit_log::Entity::find().count(&s.db).await.unwrap();
    let report = retention::run(&s.db, today, true).await.unwrap();
    assert_eq!(report.reached.iter().map(|r| r.student_id).collect::<Vec<_>>(), vec![left.id]);
    assert_eq!(report.reached[0].left_on, d(2016, 5, 31));
    assert_eq!(report.anonymised, 0);
    assert_eq!(all().await.unwrap(), before, "the dry run changes nothing");
    assert_eq!(audit_log::Entity::find().count(&s.db).await.unwrap(), logged);

    // A longer rule at the school reaches nobody yet.
    nguon_domain::privacy::settings::set(&s.db, &s.admin, &ctx(&s.admin), s.school, nguon_shared::privacy::PrivacyRules { answer_working_days: 2, retention_years: 20 }, d(2026, 1, 1)).await.unwrap();
    assert!(retention::run(&s.db, today, true).await.unwrap().reached.is_empty());
    nguon_domain::privacy::settings::set(&s.db, &s.admin, &ctx(&s.admin), s.school, nguon_shared::privacy::PrivacyRules { answer_working_days: 2, retention_years: 5 }, d(2026, 2, 1)).await.unwrap();

    let report = retention::run(&s.db, today, false).await.unwrap();
    assert_eq!(report.anonymised, 1);
    let after = all().await.unwrap();
    assert!(after.iter().find(|x| x.id == left.id).unwrap().anonymised_at.is_some());
    assert_eq!(after.iter().find(|x| x.id == current.id).unwrap(), before.iter().find(|x| x.id == current.id).unwrap());
    assert!(retention::run(&s.db, today, true).await.unwrap().reached.is_empty(), "done once");
}

async fn withdrawal_request_ends_the_consent_and_the_candidacy(t: TestDb) {
    let s = demo_school(&t).await;
    let today = d(2026, 11, 27);
    let open = candidacy::Entity::find().all(&s.db).await.unwrap().into_iter().find(|c| Stage::from_code(&c.stage).is_some_and(|x| !x.is_final())).unwrap();
    let c = consent::Entity::find().filter(consent::Column::StudentId.eq(open.student_id)).one(&s.db).await.unwrap().unwrap();
    let id = requests::record(&s.db, &s.cell, &ctx(&s.cell), open.student_id, request("withdrawal", today), today).await.unwrap();
    // Without the consent to end, refused and nothing changes.
    let no_consent = AnswerInput { answered_on: today, answer: "Gia đình rút lại sự đồng ý".into(), consent_id: None };
    assert_eq!(requests::answer(&s.db, &s.cell, &ctx(&s.cell), id, no_consent.clone(), today).await.unwrap_err(), AppError::invalid("consent", ErrorCode::Required));
    requests::answer(&s.db, &s.cell, &ctx(&s.cell), id, AnswerInput { consent_id: Some(c.id), ..no_consent }, today).await.unwrap();
    let c = consent::Entity::find_by_id(c.id).one(&s.db).await.unwrap().unwrap();
    assert_eq!(c.withdrawn_on, Some(today));
    assert_eq!(candidacy::Entity::find_by_id(open.id).one(&s.db).await.unwrap().unwrap().stage, Stage::Withdrawn.code());
}

both_engines!(export_covers_every_table_about_students, anonymisation_leaves_every_figure_alone, retention_dry_run_changes_nothing, withdrawal_request_ends_the_consent_and_the_candidacy);
