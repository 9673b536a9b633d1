//! Roster import against a real database on both engines, with the
//! spreadsheet fixtures in `tests/fixtures/roster` (made by its
//! `make_fixtures.py`): a good file, a file with bad rows, a re-import, an
//! update as CSV, and files in legacy encodings.

use chrono::NaiveDate;
use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{audit_log, class, enrolment, roster_upload, school_year, student};
use nguon_domain::policy::Actor;
use nguon_domain::roster::{self, MappingChoice, UploadInput};
use nguon_domain::{AppError, ErrorCode, Role};
use nguon_shared::roster::{ImportCounts, ImportField, RowAction};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};

mod common;
use common::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/roster").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct World {
    db: DatabaseConnection,
    admin: Actor,
    school: i64,
    other_school: i64,
    year: i64,
}

async fn world(t: &TestDb) -> World {
    let (db, admin, province) = province(t).await;
    let school = unit(&db, "school", "THPT Tân Hà", province).await;
    let other_school = unit(&db, "school", "THPT Lâm Hà", province).await;
    let year = year_2025(&db, school).await;
    World { db, admin, school, other_school, year }
}

async fn upload(w: &World, actor: &Actor, name: &str) -> Result<i64, AppError> {
    roster::upload(
        &w.db,
        actor,
        &AuditContext { actor_user_id: Some(actor.user_id), client_addr: None },
        UploadInput { school_id: w.school, school_year_id: w.year, file_name: name.into(), bytes: fixture(name) },
    )
    .await
}

async fn commit(w: &World, id: i64) -> ImportCounts {
    let ctx = AuditContext { actor_user_id: Some(w.admin.user_id), client_addr: None };
    roster::commit(&w.db, &w.admin, &ctx, id, &MappingChoice::default()).await.unwrap()
}

async fn students_in(db: &DatabaseConnection, class_name: &str, year: i64) -> Vec<String> {
    let c = class::Entity::find()
        .filter(class::Column::SchoolYearId.eq(year))
        .filter(class::Column::Name.eq(class_name))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut codes = Vec::new();
    for e in enrolment::Entity::find().filter(enrolment::Column::ClassId.eq(c.id)).all(db).await.unwrap() {
        codes.push(student::Entity::find_by_id(e.student_id).one(db).await.unwrap().unwrap().student_code.unwrap());
    }
    codes.sort();
    codes
}

async fn good_file_previews_then_imports(t: TestDb) {
    let w = world(&t).await;
    let id = upload(&w, &w.admin, "lop10_good.xlsx").await.unwrap();
    let p = roster::preview(&w.db, &w.admin, id, &MappingChoice::default()).await.unwrap();
    // The instructions sheet is skipped for the one with a header row, found under the title lines.
    assert_eq!(p.sheets, vec!["Hướng dẫn", "Danh sách"]);
    assert_eq!((p.sheet, p.header_line), (1, 4));
    assert_eq!(p.mapping[2], Some(ImportField::FullName));
    assert_eq!(p.mapping[3], Some(ImportField::DateOfBirth));
    assert!(p.mapping_errors.is_empty(), "{:?}", p.mapping_errors);
    assert_eq!(p.counts, ImportCounts { created: 12, updated: 0, unchanged: 0, skipped: 0, classes_created: 2 });
    assert_eq!(p.new_classes, vec!["10A1", "10A2"]);
    let tricky = p.rows.iter().find(|r| r.student_code.as_deref() == Some("HS1005")).unwrap();
    // Typed with decomposed accents; stored composed. Dates from date cells and text cells alike.
    assert_eq!((tricky.family_name.as_str(), tricky.middle_name.as_str(), tricky.given_name.as_str()), ("Lê", "Quốc", "Khánh"));
    assert_eq!(tricky.date_of_birth, NaiveDate::from_ymd_opt(2010, 2, 28));
    // Nothing is written by a preview.
    assert_eq!(student::Entity::find().count(&w.db).await.unwrap(), 0);

    let audit_before = audit_log::Entity::find().count(&w.db).await.unwrap();
    let done = commit(&w, id).await;
    assert_eq!(done, p.counts);
    assert_eq!(student::Entity::find().count(&w.db).await.unwrap(), 12);
    assert_eq!(students_in(&w.db, "10A2", w.year).await, vec!["HS1009", "HS1010", "HS1011", "HS1012"]);
    let ha = student::Entity::find().filter(student::Column::StudentCode.eq("HS1003")).one(&w.db).await.unwrap().unwrap();
    assert_eq!((ha.family_name.as_str(), ha.middle_name.as_str()), ("Tôn", "Nữ Thị"));
    assert_eq!(ha.religion.as_deref(), Some("Phật giáo"));
    assert_eq!((ha.hometown_commune.as_deref(), ha.hometown_province.as_deref()), (Some("Xã Tân Hà"), Some("Lâm Đồng")));
    assert_eq!(ha.search_key, "ton nu thi ha");
    // 2 classes + 12 students + the import itself, in the same transaction; sensitive values masked.
    assert_eq!(audit_log::Entity::find().count(&w.db).await.unwrap(), audit_before + 15);
    let entry = audit_log::Entity::find()
        .filter(audit_log::Column::Entity.eq("student"))
        .filter(audit_log::Column::EntityId.eq(ha.id.to_string()))
        .one(&w.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!entry.after.as_deref().unwrap().contains("Phật giáo"));
    // The file is erased once imported; a second commit is a no-op returning the same summary.
    let stored = roster_upload::Entity::find_by_id(id).one(&w.db).await.unwrap().unwrap();
    assert!(stored.content.is_none() && stored.committed_at.is_some());
    assert_eq!(commit(&w, id).await, done);
    assert_eq!(student::Entity::find().count(&w.db).await.unwrap(), 12);

    // Re-importing the same file changes nothing.
    let again = upload(&w, &w.admin, "lop10_good.xlsx").await.unwrap();
    let counts = commit(&w, again).await;
    assert_eq!(counts, ImportCounts { created: 0, updated: 0, unchanged: 12, skipped: 0, classes_created: 0 });
    assert_eq!(student::Entity::find().count(&w.db).await.unwrap(), 12);

    // A later CSV export: one moved class, one corrected name, one new student; absent columns erase nothing.
    let update = upload(&w, &w.admin, "lop10_update.csv").await.unwrap();
    let p = roster::preview(&w.db, &w.admin, update, &MappingChoice::default()).await.unwrap();
    assert_eq!(p.mapping[1], Some(ImportField::FamilyAndMiddle));
    assert_eq!(p.counts, ImportCounts { created: 1, updated: 2, unchanged: 10, skipped: 0, classes_created: 0 });
    commit(&w, update).await;
    assert_eq!(students_in(&w.db, "10A2", w.year).await, vec!["HS1002", "HS1009", "HS1010", "HS1011", "HS1012", "HS1013"]);
    let ha = student::Entity::find().filter(student::Column::StudentCode.eq("HS1003")).one(&w.db).await.unwrap().unwrap();
    assert_eq!(ha.religion.as_deref(), Some("Phật giáo"));
    let on = student::Entity::find().filter(student::Column::StudentCode.eq("HS1011")).one(&w.db).await.unwrap().unwrap();
    assert_eq!(on.given_name, "Ân");
    assert_eq!(enrolment::Entity::find().count(&w.db).await.unwrap(), 13, "one class per student per year");
}

async fn bad_rows_are_reported_and_skipped(t: TestDb) {
    let w = world(&t).await;
    let id = upload(&w, &w.admin, "lop10_bad_rows.xlsx").await.unwrap();
    let p = roster::preview(&w.db, &w.admin, id, &MappingChoice::default()).await.unwrap();
    let errors: Vec<(u32, RowAction, Vec<(String, ErrorCode)>)> = p
        .rows
        .iter()
        .map(|r| (r.line, r.action, r.errors.iter().map(|e| (e.field.clone(), e.code.clone())).collect()))
        .collect();
    let e = |f: &str, c: ErrorCode| (f.to_string(), c);
    assert_eq!(
        errors,
        vec![
            (2, RowAction::Create, vec![]),
            (3, RowAction::Skip, vec![e("date_of_birth", ErrorCode::InvalidDate)]),
            (4, RowAction::Skip, vec![e("full_name", ErrorCode::Required)]),
            (5, RowAction::Skip, vec![e("class", ErrorCode::InvalidClass)]),
            (6, RowAction::Skip, vec![e("gender", ErrorCode::InvalidValue)]),
            (7, RowAction::Skip, vec![e("student_code", ErrorCode::DuplicateInFile { line: 2 })]),
            (8, RowAction::Skip, vec![e("date_of_birth", ErrorCode::Required)]),
            (9, RowAction::Create, vec![]),
        ]
    );
    assert_eq!(commit(&w, id).await, ImportCounts { created: 2, updated: 0, unchanged: 0, skipped: 6, classes_created: 1 });
    assert_eq!(students_in(&w.db, "10A3", w.year).await, vec!["HS2001", "HS2007"]);

    // A mapping that lacks the class column is refused as a whole, and writes nothing.
    let again = upload(&w, &w.admin, "lop10_bad_rows.xlsx").await.unwrap();
    let mapping = vec![None, Some(ImportField::StudentCode), Some(ImportField::FullName), Some(ImportField::DateOfBirth)];
    let choice = MappingChoice { sheet: Some(0), mapping: Some(mapping) };
    let p = roster::preview(&w.db, &w.admin, again, &choice).await.unwrap();
    assert_eq!(p.mapping_errors.len(), 1);
    assert_eq!(p.mapping_errors[0].field, "class");
    let ctx = AuditContext::default();
    let refused = roster::commit(&w.db, &w.admin, &ctx, again, &choice).await;
    assert_eq!(refused, Err(AppError::invalid("mapping", ErrorCode::Required)));
    assert_eq!(student::Entity::find().count(&w.db).await.unwrap(), 2);
}

async fn legacy_encodings_are_refused(t: TestDb) {
    let w = world(&t).await;
    let legacy = |enc: &str| Err(AppError::invalid("file", ErrorCode::LegacyEncoding { encoding: enc.into() }));
    assert_eq!(upload(&w, &w.admin, "lop10_tcvn3.csv").await, legacy("TCVN3"));
    assert_eq!(upload(&w, &w.admin, "lop10_vni.xlsx").await, legacy("VNI"));
    assert_eq!(roster_upload::Entity::find().count(&w.db).await.unwrap(), 0);
}

async fn only_the_schools_administrators_import(t: TestDb) {
    let w = world(&t).await;
    let officer_id = user(&w.db, "doan").await;
    let union_officer = Actor { user_id: officer_id, grants: vec![(Role::YouthUnionOfficer, w.school)] };
    let other_admin = Actor { user_id: officer_id, grants: vec![(Role::Administrator, w.other_school)] };
    for actor in [&union_officer, &other_admin] {
        assert_eq!(upload(&w, actor, "lop10_good.xlsx").await, Err(AppError::NotFound));
    }
    // An upload is its uploader's: another administrator of the same school does not see it.
    let id = upload(&w, &w.admin, "lop10_good.xlsx").await.unwrap();
    let colleague = Actor { user_id: officer_id, grants: vec![(Role::Administrator, w.school)] };
    assert_eq!(roster::preview(&w.db, &colleague, id, &MappingChoice::default()).await, Err(AppError::NotFound));
    let ctx = AuditContext::default();
    assert_eq!(roster::commit(&w.db, &colleague, &ctx, id, &MappingChoice::default()).await, Err(AppError::NotFound));
    // A school year of another school is refused.
    let foreign_year = school_year::ActiveModel {
        school_id: Set(w.other_school),
        name: Set("2025-2026".into()),
        starts_on: Set(NaiveDate::from_ymd_opt(2025, 9, 5).unwrap()),
        ends_on: Set(NaiveDate::from_ymd_opt(2026, 5, 31).unwrap()),
        ..Default::default()
    }
    .insert(&w.db)
    .await
    .unwrap();
    let refused = roster::upload(
        &w.db,
        &w.admin,
        &ctx,
        UploadInput { school_id: w.school, school_year_id: foreign_year.id, file_name: "a.csv".into(), bytes: fixture("lop10_update.csv") },
    )
    .await;
    assert_eq!(refused, Err(AppError::invalid("school_year", ErrorCode::InvalidValue)));
}

async fn years_roll_over_keeping_history(t: TestDb) {
    use nguon_domain::school_years::{self, NewSchoolYear};
    use nguon_shared::views::RollOverSummary;
    let w = world(&t).await;
    let id = upload(&w, &w.admin, "lop10_good.xlsx").await.unwrap();
    commit(&w, id).await;
    // A grade-12 class, so someone graduates.
    let c12 = class::ActiveModel { school_year_id: Set(w.year), name: Set("12A1".into()), grade: Set(12), ..Default::default() }
        .insert(&w.db)
        .await
        .unwrap();
    let senior = student::Entity::find().filter(student::Column::StudentCode.eq("HS1012")).one(&w.db).await.unwrap().unwrap();
    let mut e: enrolment::ActiveModel = enrolment::Entity::find()
        .filter(enrolment::Column::StudentId.eq(senior.id))
        .one(&w.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    e.class_id = Set(c12.id);
    e.update(&w.db).await.unwrap();

    let ctx = AuditContext { actor_user_id: Some(w.admin.user_id), client_addr: None };
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let next = NewSchoolYear { school_id: w.school, starts_on: d(2026, 9, 5), second_semester_on: d(2027, 1, 11), ends_on: d(2027, 5, 31) };
    let overlapping = NewSchoolYear { starts_on: d(2026, 5, 1), ..next.clone() };
    assert!(matches!(school_years::create(&w.db, &w.admin, &ctx, overlapping).await, Err(AppError::Invalid(_))));
    let next_id = school_years::create(&w.db, &w.admin, &ctx, next).await.unwrap();
    let summary = school_years::roll_over(&w.db, &w.admin, &ctx, w.year, next_id).await.unwrap();
    assert_eq!(summary, RollOverSummary { classes_created: 2, students_moved: 11, graduated: 1, already_placed: 0 });
    assert_eq!(students_in(&w.db, "11A2", next_id).await, vec!["HS1009", "HS1010", "HS1011"]);
    // Last year's classes are untouched; a second run changes nothing.
    assert_eq!(students_in(&w.db, "10A2", w.year).await, vec!["HS1009", "HS1010", "HS1011"]);
    let again = school_years::roll_over(&w.db, &w.admin, &ctx, w.year, next_id).await.unwrap();
    assert_eq!(again, RollOverSummary { classes_created: 0, students_moved: 0, graduated: 1, already_placed: 11 });
    // Backwards, or by someone from elsewhere, is refused.
    assert!(school_years::roll_over(&w.db, &w.admin, &ctx, next_id, w.year).await.is_err());
    let outsider = Actor { user_id: w.admin.user_id, grants: vec![(Role::Administrator, w.other_school)] };
    assert_eq!(school_years::roll_over(&w.db, &outsider, &ctx, w.year, next_id).await, Err(AppError::NotFound));
    // Classes by hand, and homeroom teachers from the school's staff only.
    school_years::create_class(&w.db, &w.admin, &ctx, next_id, "12 a10").await.unwrap();
    let dup = school_years::create_class(&w.db, &w.admin, &ctx, next_id, "12A10").await;
    assert_eq!(dup, Err(AppError::invalid("name", ErrorCode::InvalidValue)));
    assert_eq!(school_years::create_class(&w.db, &w.admin, &ctx, next_id, "9A1").await, Err(AppError::invalid("name", ErrorCode::InvalidClass)));
    let teacher = nguon_domain::entities::staff::ActiveModel {
        school_id: Set(w.school),
        family_name: Set("Lê".into()),
        middle_name: Set("Thị".into()),
        given_name: Set("Hương".into()),
        search_key: Set("le thi huong".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&w.db)
    .await
    .unwrap();
    let (classes, teachers) = school_years::classes(&w.db, &w.admin, next_id).await.unwrap();
    assert_eq!(classes.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), vec!["11A1", "11A2", "12A10"]);
    assert_eq!(teachers, vec![(teacher.id, "Lê Thị Hương".to_string())]);
    school_years::set_homeroom(&w.db, &w.admin, &ctx, classes[0].id, Some(teacher.id)).await.unwrap();
    let (classes, _) = school_years::classes(&w.db, &w.admin, next_id).await.unwrap();
    assert_eq!(classes[0].homeroom, Some((teacher.id, "Lê Thị Hương".to_string())));
    assert_eq!(classes[0].students, 8);
    let foreign = nguon_domain::entities::staff::ActiveModel { id: sea_orm::NotSet, school_id: Set(w.other_school), ..teacher.clone().into() }
        .insert(&w.db)
        .await
        .unwrap();
    let refused = school_years::set_homeroom(&w.db, &w.admin, &ctx, classes[0].id, Some(foreign.id)).await;
    assert_eq!(refused, Err(AppError::invalid("homeroom", ErrorCode::InvalidValue)));

    let years = school_years::list(&w.db, &w.admin).await.unwrap();
    let names: Vec<(&str, u32, u32)> = years.iter().map(|y| (y.name.as_str(), y.classes, y.students)).collect();
    assert_eq!(names, vec![("2026-2027", 3, 11), ("2025-2026", 3, 12)]);
}

both_engines!(
    years_roll_over_keeping_history,
    good_file_previews_then_imports,
    bad_rows_are_reported_and_skipped,
    legacy_encodings_are_refused,
    only_the_schools_administrators_import
);
