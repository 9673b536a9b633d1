//! A generated demo school modelled on THPT Tân Hà (Lâm Đồng): its Party
//! organisation and union, one school year with two semesters, three grades
//! of classes with 35–45 students each, and staff, some of them Party members.
//! Every person is generated; none is real.

mod oversight;

use crate::accounts::{self, FullName, NewPassword, NewUser, Username};
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{class, enrolment, org_unit, school_year, semester, staff, student};
use crate::names;
use crate::org::{self, Relation};
use crate::policy::UnitKind;
use chrono::{NaiveDate, Utc};
use nguon_shared::{AppError, Locale, Role};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "K'", "Ka", "Kơ Sá",
];
const MIDDLE_F: &[&str] = &["Thị", "Thị Ngọc", "Thị Thu", "Ngọc", "Thị Hồng", "Thị Kim", "Phương", "Bảo"];
const MIDDLE_M: &[&str] = &["Văn", "Minh", "Đức", "Quang", "Hữu", "Thành", "Công", "Gia", "Hoàng"];
const GIVEN_F: &[&str] = &[
    "An", "Anh", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hương", "Lan", "Linh", "Mai", "My", "Ngân",
    "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Vy", "Yến", "Ý", "Ân", "Ăn",
];
const GIVEN_M: &[&str] = &[
    "An", "Bảo", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Huy", "Hùng", "Khang", "Khoa", "Long", "Minh", "Nam",
    "Nghĩa", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
];
const ETHNICITY: &[&str] = &["Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Cơ Ho", "Mạ", "Tày", "Nùng"];
const COMMUNES: &[&str] = &["Xã Tân Hà", "Xã Đan Phượng", "Xã Hoài Đức", "Xã Liên Hà", "Xã Phúc Thọ", "Xã Đạ Đờn"];

/// What the demo created, for the CLI to report.
#[derive(Debug, PartialEq, Eq)]
pub struct DemoSummary {
    /// The demo school's org unit id.
    pub school_id: i64,
    /// Classes created.
    pub classes: usize,
    /// Students created.
    pub students: usize,
    /// Staff created.
    pub staff: usize,
    /// Demo accounts created (login names).
    pub accounts: Vec<String>,
    /// Ledger entries logged and approved.
    pub entries: u32,
}

/// How big a generated school is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoSize {
    /// Classes in each of grades 10, 11 and 12 (35–45 students each).
    pub classes_per_grade: usize,
    /// Term activities logged for every class beyond the demo's three (about 80 % of a class each).
    pub extra_activities: usize,
}

impl DemoSize {
    /// The demo school: 30 classes, about 1,200 students, a few thousand entries.
    pub const DEMO: DemoSize = DemoSize { classes_per_grade: 10, extra_activities: 0 };
    /// A school at the scale of product.md: 60 classes, about 2,400 students, about 80,000 entries a year.
    pub const SCHOOL: DemoSize = DemoSize { classes_per_grade: 20, extra_activities: 38 };
}

/// A generated person's name and gender.
pub(crate) fn person(rng: &mut StdRng) -> (names::PersonName, &'static str) {
    let female = rng.random_bool(0.52);
    let pick = |rng: &mut StdRng, list: &[&'static str]| list[rng.random_range(0..list.len())];
    let family = pick(rng, FAMILY);
    let (middle, given) = if female { (pick(rng, MIDDLE_F), pick(rng, GIVEN_F)) } else { (pick(rng, MIDDLE_M), pick(rng, GIVEN_M)) };
    let name = names::PersonName { family: family.into(), middle: middle.into(), given: given.into() };
    (name, if female { "female" } else { "male" })
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid demo date")
}

fn unit(kind: UnitKind, name: &str, parent: i64) -> org_unit::ActiveModel {
    org_unit::ActiveModel {
        kind: Set(kind.code().into()),
        name: Set(name.into()),
        parent_id: Set(Some(parent)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

/// Loads the demo school under the top organisation unit, in one
/// transaction (plus the dated links). Demo accounts — a Youth Union
/// officer, a Party cell officer and a mentor — share `password`.
/// Refused when a demo school already exists.
pub async fn load(db: &DatabaseConnection, ctx: &AuditContext, password: &str, seed: u64) -> Result<DemoSummary, AppError> {
    load_sized(db, ctx, password, seed, DemoSize::DEMO).await
}

/// [`load`], at another size (see [`DemoSize`]).
pub async fn load_sized(db: &DatabaseConnection, ctx: &AuditContext, password: &str, seed: u64, size: DemoSize) -> Result<DemoSummary, AppError> {
    const SCHOOL: &str = "THPT Tân Hà (demo)";
    let top = org_unit::Entity::find()
        .filter(org_unit::Column::ParentId.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if org_unit::Entity::find().filter(org_unit::Column::Name.eq(SCHOOL)).one(db).await?.is_some() {
        return Err(AppError::AlreadySetUp);
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let txn = crate::db::begin_write(db).await?;
    let commune = unit(UnitKind::PartyCommittee, "Đảng ủy xã Tân Hà (demo)", top.id).insert(&txn).await?;
    let centre = unit(UnitKind::TrainingCentre, "Trung tâm chính trị (demo)", top.id).insert(&txn).await?;
    let school = unit(UnitKind::School, SCHOOL, commune.id).insert(&txn).await?;
    let party = unit(UnitKind::PartyCell, "Đảng bộ THPT Tân Hà (demo)", school.id).insert(&txn).await?;
    let union = unit(UnitKind::SchoolUnion, "Đoàn trường THPT Tân Hà (demo)", school.id).insert(&txn).await?;
    let year = school_year::ActiveModel {
        school_id: Set(school.id),
        name: Set("2025-2026".into()),
        starts_on: Set(d(2025, 9, 5)),
        ends_on: Set(d(2026, 5, 31)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (number, starts, ends) in [(1, d(2025, 9, 5), d(2026, 1, 10)), (2, d(2026, 1, 12), d(2026, 5, 31))] {
        semester::ActiveModel { school_year_id: Set(year.id), number: Set(number), starts_on: Set(starts), ends_on: Set(ends), ..Default::default() }
            .insert(&txn)
            .await?;
    }

    // Staff: about 90, a third of them official Party members of the school's Party organisation.
    let mut staff_rows = Vec::new();
    for _ in 0..90 {
        let (name, _) = person(&mut rng);
        let member = rng.random_bool(0.35);
        let since = member.then(|| d(rng.random_range(1998..2024), rng.random_range(1..=12), rng.random_range(1..=28)));
        staff_rows.push(
            staff::ActiveModel {
                school_id: Set(school.id),
                search_key: Set(names::fold(&name.full())),
                family_name: Set(name.family),
                middle_name: Set(name.middle),
                given_name: Set(name.given),
                party_full_member_since: Set(since),
                party_cell_unit_id: Set(member.then_some(party.id)),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?,
        );
    }

    // Classes 10A1…12A10 with 35–45 students each; grade 10 born 2010, 11 in 2009, 12 in 2008.
    let mut classes = 0;
    let mut students = 0;
    for grade in [10i16, 11, 12] {
        for n in 1..=size.classes_per_grade {
            let homeroom = &staff_rows[(grade as usize * size.classes_per_grade + n) % staff_rows.len()];
            let branch = unit(UnitKind::ClassBranch, &format!("Chi đoàn {grade}A{n}"), union.id).insert(&txn).await?;
            let c = class::ActiveModel {
                school_year_id: Set(year.id),
                name: Set(format!("{grade}A{n}")),
                grade: Set(grade),
                homeroom_staff_id: Set(Some(homeroom.id)),
                branch_unit_id: Set(Some(branch.id)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            classes += 1;
            let born = 2020 - i32::from(grade);
            for _ in 0..rng.random_range(35..=45) {
                let (name, gender) = person(&mut rng);
                students += 1;
                let dob = d(born, rng.random_range(1..=12), rng.random_range(1..=28));
                let union_since = (grade > 10 || rng.random_bool(0.7)).then(|| d(born + 15, 3, 26));
                let commune = COMMUNES[rng.random_range(0..COMMUNES.len())];
                let mut s = student::ActiveModel {
                    school_id: Set(school.id),
                    student_code: Set(Some(format!("TH{students:05}"))),
                    date_of_birth: Set(dob),
                    gender: Set(Some(gender.into())),
                    ethnicity: Set(Some(ETHNICITY[rng.random_range(0..ETHNICITY.len())].into())),
                    union_joined_on: Set(union_since),
                    hometown_commune: Set(Some(commune.into())),
                    hometown_province: Set(Some("Lâm Đồng".into())),
                    residence_commune: Set(Some(commune.into())),
                    residence_province: Set(Some("Lâm Đồng".into())),
                    created_at: Set(Utc::now()),
                    updated_at: Set(Utc::now()),
                    ..Default::default()
                };
                s.set_name(&name);
                let s = s
                .insert(&txn)
                .await?;
                enrolment::ActiveModel { student_id: Set(s.id), class_id: Set(c.id), school_year_id: Set(year.id), ..Default::default() }
                    .insert(&txn)
                    .await?;
            }
        }
    }

    // Demo accounts, one per school role. The mentor's account bears the name
    // of the staff record it is linked to (the first Party member), the name
    // its candidates' assessments and tasks show.
    let mentor_name = staff_rows
        .iter()
        .find(|s| s.party_full_member_since.is_some())
        .map(|s| s.person_name().full())
        .ok_or(AppError::NotFound)?;
    let mut logins = Vec::new();
    for (login, full, role) in [
        ("demo.doan", "Hồ Thị Thu (demo)", Role::YouthUnionOfficer),
        ("demo.doan2", "Trịnh Văn Phúc (demo)", Role::YouthUnionOfficer),
        ("demo.chibo", "Đặng Văn Minh (demo)", Role::PartyCellOfficer),
        ("demo.huongdan", mentor_name.as_str(), Role::Mentor),
    ] {
        let user = accounts::create_user(
            &txn,
            ctx,
            NewUser {
                username: Username::parse(login).map_err(|e| AppError::Invalid(vec![e]))?,
                full_name: FullName::parse("full_name", full).map_err(|e| AppError::Invalid(vec![e]))?,
                password: NewPassword::parse(password, password, login)?,
                locale: Locale::Vi,
            },
        )
        .await?;
        accounts::grant_role(&txn, ctx, user.id, role, school.id).await?;
        logins.push(login.to_string());
    }
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "load_demo",
            entity: "org_unit",
            entity_id: Some(school.id.to_string()),
            before: None,
            after: Some(serde_json::json!({ "classes": classes, "students": students, "staff": staff_rows.len() })),
        },
    )
    .await?;
    txn.commit().await?;

    for (relation, target, from) in [
        (Relation::PartyOrganisation, party.id, d(2020, 1, 1)),
        (Relation::YouthUnion, union.id, d(2020, 1, 1)),
        (Relation::SuperiorCommittee, commune.id, d(2025, 7, 1)),
        (Relation::DecidingCommittee, commune.id, d(2025, 7, 1)),
        (Relation::TrainingCentre, centre.id, d(2025, 7, 1)),
    ] {
        org::set_link(db, ctx, school.id, relation, target, from).await?;
    }
    let entries = emulation(db, school.id, year.id, size.extra_activities, &mut rng).await?;
    pipeline(db, school.id, year.id).await?;
    let loaded_on = crate::local_time::today();
    oversight::load(db, ctx, password, top.id, commune.id, school.id, year.id, loaded_on).await?;
    logins.push(oversight::SUPERIOR_LOGIN.to_string());
    Ok(DemoSummary { school_id: school.id, classes, students, staff: staff_rows.len(), accounts: logins, entries })
}

/// The union's catalogue for the demo year and a term of approved entries,
/// written through the ledger's own services (logged by one officer,
/// approved by the other), so totals hold as for real data.
async fn emulation(db: &DatabaseConnection, school: i64, year: i64, extra_activities: usize, rng: &mut StdRng) -> Result<u32, AppError> {
    use crate::entities::user;
    use crate::ledger::{self, LogInput, NewActivity, RuleInput};
    use crate::policy::Actor;
    let officer = |login: &'static str| async move {
        let u = user::Entity::find().filter(user::Column::Username.eq(login)).one(db).await?.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>(Actor { user_id: u.id, grants: vec![(Role::YouthUnionOfficer, school)] })
    };
    let (first, second) = (officer("demo.doan").await?, officer("demo.doan2").await?);
    let c1 = AuditContext { actor_user_id: Some(first.user_id), client_addr: None };
    let mut cats = Vec::new();
    for name in ["Học tập", "Tình nguyện", "Văn hóa – thể thao", "Học tập chính trị", "Công tác Đoàn", "Giải thưởng", "Kỷ luật"] {
        cats.push(ledger::create_category(db, &first, &c1, school, name).await?);
    }
    let activity = |cat: i64, name: &str, starts: NaiveDate, rule: RuleInput| NewActivity {
        school_year_id: year,
        category_id: cat,
        name: name.into(),
        starts_on: starts,
        ends_on: None,
        organiser: "Đoàn trường".into(),
        rule,
    };
    let sunday = ledger::create_activity(db, &first, &c1, activity(cats[1], "Chủ nhật xanh", d(2025, 9, 14), RuleInput::Fixed(5))).await?;
    let lecture = ledger::create_activity(db, &first, &c1, activity(cats[3], "Học tập Nghị quyết Đại hội Đoàn", d(2025, 10, 1), RuleInput::Fixed(3))).await?;
    let sports = ledger::create_activity(db, &first, &c1, activity(cats[2], "Hội khỏe Phù Đổng cấp trường", d(2025, 11, 1), RuleInput::Fixed(4))).await?;
    let prizes = RuleInput::ByLevel(vec![
        ("Giải khuyến khích cấp trường".into(), 5),
        ("Giải nhất cấp trường".into(), 10),
        ("Giải cấp tỉnh".into(), 30),
        ("Giải cấp quốc gia".into(), 50),
    ]);
    let prize = ledger::create_activity(db, &first, &c1, activity(cats[5], "Thi học sinh giỏi", d(2025, 12, 1), prizes)).await?;
    ledger::create_activity(db, &first, &c1, activity(cats[4], "Tham gia Ban chấp hành chi đoàn", d(2025, 9, 5), RuleInput::Fixed(10))).await?;
    ledger::create_activity(db, &first, &c1, activity(cats[6], "Vi phạm nội quy", d(2025, 9, 5), RuleInput::Deduction(5))).await?;
    // A bigger school's term: more activities, one every six days from mid-September.
    let mut extra = Vec::new();
    for k in 0..extra_activities {
        let on = d(2025, 9, 15) + chrono::Duration::days(6 * k as i64);
        let name = format!("Hoạt động phong trào số {}", k + 1);
        extra.push((ledger::create_activity(db, &first, &c1, activity(cats[k % 5], &name, on, RuleInput::Fixed(2))).await?, on));
    }
    let levels: Vec<i64> = ledger::catalogue(db, &first, year).await?.into_iter().find(|a| a.id == prize).map(|a| a.levels.iter().map(|l| l.0).collect()).unwrap_or_default();

    let classes = class::Entity::find().filter(class::Column::SchoolYearId.eq(year)).all(db).await?;
    let mut n = 0;
    for (i, c) in classes.iter().enumerate() {
        let members: Vec<i64> = enrolment::Entity::find().filter(enrolment::Column::ClassId.eq(c.id)).all(db).await?.into_iter().map(|e| e.student_id).collect();
        // Most of the class on each activity; a few students win prizes.
        let term = [(sunday, d(2025, 9, 21)), (lecture, d(2025, 10, 15)), (sports, d(2025, 11, 20))].into_iter().chain(extra.iter().copied());
        for (j, (act, on)) in term.enumerate() {
            let took_part: Vec<i64> = members.iter().copied().filter(|_| rng.random_bool(0.8)).collect();
            let input = LogInput { request_key: format!("demo-{i}-{j}"), activity_id: act, level_id: None, student_ids: took_part, occurred_on: on, evidence: "Sổ theo dõi của chi đoàn".into(), repeat: false };
            n += ledger::log_batch(db, &first, &c1, input).await?.entries;
        }
        if let Some(winner) = members.get(rng.random_range(0..members.len().max(1))) {
            let level = levels.get(rng.random_range(0..levels.len().max(1))).copied();
            let input = LogInput { request_key: format!("demo-{i}-prize"), activity_id: prize, level_id: level, student_ids: vec![*winner], occurred_on: d(2025, 12, 20), evidence: "Quyết định khen thưởng".into(), repeat: false };
            n += ledger::log_batch(db, &first, &c1, input).await?.entries;
        }
    }
    let c2 = AuditContext { actor_user_id: Some(second.user_id), client_addr: None };
    // A bigger school leaves its latest activity waiting for review, as a real queue would.
    let waiting = (extra_activities > 0).then(|| format!("Hoạt động phong trào số {extra_activities}"));
    let pending: Vec<i64> =
        ledger::review_queue(db, &second, school).await?.into_iter().filter(|e| Some(&e.activity) != waiting.as_ref()).map(|e| e.id).collect();
    for chunk in pending.chunks(400) {
        ledger::review(db, &second, &c2, chunk, true, "").await?;
    }
    results(db, year, &first, &classes, rng).await?;
    if extra_activities == 0 {
        // The demo school's ledger is one term of three activities (about 12
        // points a student); the default thresholds are a full year's (20, 60,
        // 100 points), under which every student would be suggested "not
        // completed". The union sets thresholds that fit its term, as a school may.
        let term = |points: i64, study: &str, conduct: &str| nguon_shared::merit::LevelThreshold {
            min_points: points,
            min_study: Some(study.into()),
            min_conduct: Some(conduct.into()),
        };
        let fitted = nguon_shared::merit::ClassificationThresholds { excellent: term(12, "kha", "tot"), good: term(8, "dat", "kha"), complete: term(3, "dat", "dat") };
        crate::merit::classification::set_thresholds(db, &first, &c1, year, fitted).await?;
    }
    Ok(n)
}

/// Both semesters' study and conduct results, recorded per class through
/// the results service; each student keeps roughly the same level.
async fn results(db: &DatabaseConnection, year: i64, officer: &crate::policy::Actor, classes: &[class::Model], rng: &mut StdRng) -> Result<(), AppError> {
    let ctx = AuditContext { actor_user_id: Some(officer.user_id), client_addr: None };
    let pick = |r: f64, cuts: [f64; 3]| ["tot", "kha", "dat", "chua_dat"][cuts.iter().take_while(|c| r >= **c).count()].to_string();
    for c in classes {
        let members: Vec<i64> = enrolment::Entity::find().filter(enrolment::Column::ClassId.eq(c.id)).all(db).await?.into_iter().map(|e| e.student_id).collect();
        let base: Vec<(f64, f64)> = members.iter().map(|_| (rng.random::<f64>(), rng.random::<f64>())).collect();
        for period in [1, 2] {
            let rows: Vec<(i64, String, String)> = members
                .iter()
                .zip(&base)
                .map(|(id, (study, conduct))| {
                    let drift = |v: f64, rng: &mut StdRng| (v + rng.random_range(-0.08..0.08)).clamp(0.0, 0.999);
                    (*id, pick(drift(*study, rng), [0.2, 0.65, 0.95]), pick(drift(*conduct, rng), [0.6, 0.9, 0.98]))
                })
                .collect();
            crate::merit::results::record(db, officer, &ctx, year, period, &rows).await?;
        }
    }
    Ok(())
}

/// A few grade-12 candidates at the first stages, written through the
/// pipeline's services: consent, the union's proposal, the cell's
/// acceptance, then class, certificate and mentor, a joint meeting and the
/// mentor's assessments. The mentor is the staff
/// record of the `demo.huongdan` account, so that account sees them.
async fn pipeline(db: &DatabaseConnection, school: i64, year: i64) -> Result<(), AppError> {
    use crate::entities::user;
    use crate::pipeline::candidacy::{move_candidate, MoveExtras, MoveInput};
    use crate::pipeline::{classes, consent, meetings, mentoring, pool, records};
    use crate::policy::Actor;
    use nguon_shared::pipeline::Stage;
    let account = |login: &'static str| async move {
        user::Entity::find().filter(user::Column::Username.eq(login)).one(db).await?.ok_or(AppError::NotFound)
    };
    let union = Actor { user_id: account("demo.doan").await?.id, grants: vec![(Role::YouthUnionOfficer, school)] };
    let cell = Actor { user_id: account("demo.chibo").await?.id, grants: vec![(Role::PartyCellOfficer, school)] };
    let (uc, cc) = (AuditContext { actor_user_id: Some(union.user_id), client_addr: None }, AuditContext { actor_user_id: Some(cell.user_id), client_addr: None });
    let mentor_user = account("demo.huongdan").await?;
    let mentor = staff::Entity::find()
        .filter(staff::Column::SchoolId.eq(school))
        .filter(staff::Column::PartyFullMemberSince.is_not_null())
        .order_by_asc(staff::Column::Id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut linked: staff::ActiveModel = mentor.clone().into();
    linked.user_id = Set(Some(mentor_user.id));
    linked.update(db).await?;
    // The first union member of each of six grade-12 classes.
    let mut chosen = Vec::new();
    for c in class::Entity::find().filter(class::Column::SchoolYearId.eq(year)).filter(class::Column::Grade.eq(12)).order_by_asc(class::Column::Id).all(db).await?.into_iter().take(6) {
        let ids: Vec<i64> = enrolment::Entity::find().filter(enrolment::Column::ClassId.eq(c.id)).all(db).await?.into_iter().map(|e| e.student_id).collect();
        if let Some(st) = student::Entity::find().filter(student::Column::Id.is_in(ids)).filter(student::Column::UnionJoinedOn.is_not_null()).order_by_asc(student::Column::Id).one(db).await? {
            chosen.push(st);
        }
    }
    let today = d(2025, 10, 20);
    let ids: Vec<i64> = chosen.iter().map(|s| s.id).collect();
    let mentor_actor = Actor { user_id: mentor_user.id, grants: vec![(Role::Mentor, school)] };
    let mc = AuditContext { actor_user_id: Some(mentor_user.id), client_addr: None };
    // The training centre's classes.
    let class = |name: &str, starts_on, ends_on| classes::NewClass { name: name.into(), starts_on, ends_on, capacity: 60 };
    let first_class = classes::create(db, &cell, &cc, school, class("Lớp bồi dưỡng nhận thức về Đảng khóa 1/2025", d(2025, 11, 3), d(2025, 11, 28)), today).await?;
    // The next class starts in a fortnight from the day the demo is loaded, so that it is always ahead.
    let loaded_on = crate::local_time::today();
    let (starts, ends) = (loaded_on + chrono::Days::new(14), loaded_on + chrono::Days::new(25));
    let next_name = format!("Lớp bồi dưỡng nhận thức về Đảng khóa 2/{}", chrono::Datelike::year(&starts));
    let next_class = classes::create(db, &cell, &cc, school, class(&next_name, starts, ends), today).await?;
    crate::merit::outstanding::propose(db, &union, &uc, year, &ids, "Tiêu biểu trong phong trào thi đua của chi đoàn", today).await?;
    // The joint meeting that discussed the union's proposals.
    let meeting = meetings::NewMeeting {
        held_on: d(2025, 10, 14),
        attendees: "Bí thư, Phó Bí thư Chi bộ; Bí thư, Phó Bí thư Đoàn trường; bí thư các chi đoàn 12".into(),
        decisions: "Thống nhất đề nghị chi bộ đưa các em vào nguồn; Đoàn trường lấy ý kiến gia đình.".into(),
        students: ids.iter().map(|id| (*id, String::new())).collect(),
    };
    meetings::record(db, &union, &uc, school, meeting, today).await?;
    let proposals = pool::pending(db, &cell, school).await?;
    let later = d(2026, 6, 30);
    for (i, st) in chosen.iter().enumerate() {
        let input = consent::NewConsent {
            student_id: st.id,
            subject: "student".into(),
            person_name: st.person_name().full(),
            relation: String::new(),
            given_on: d(2025, 10, 10),
            method: "paper".into(),
            scope: "Xét vào nguồn phát triển đảng viên; lưu kết quả rèn luyện và các mốc hồ sơ".into(),
        };
        consent::record(db, &union, &uc, input, today).await?;
        // The last one stays proposed, waiting for the cell.
        if i == chosen.len() - 1 {
            continue;
        }
        let proposal = proposals.iter().find(|p| p.student.id == st.id).ok_or(AppError::NotFound)?.proposal.id;
        let Some(id) = pool::decide(db, &cell, &cc, proposal, true, "Chi bộ nhất trí đưa vào nguồn", d(2025, 10, 15)).await? else { continue };
        let step = |to, on| MoveInput { candidacy_id: id, to, on, reason: String::new(), override_reason: String::new(), override_confirmed: false, extras: MoveExtras::default() };
        if i >= 1 {
            move_candidate(db, &cell, &cc, step(Stage::AwarenessClass, d(2025, 11, 3)), later).await?;
        }
        if i >= 3 {
            let place = classes::enrol(db, &cell, &cc, first_class, id, d(2025, 11, 3)).await?;
            classes::complete(db, &cell, &cc, place, &format!("{}/GCN-TTCT", 120 + i), d(2025, 11, 28), later).await?;
            records::assign_mentor(db, &cell, &cc, id, mentor.id, d(2025, 12, 1), "").await?;
            move_candidate(db, &cell, &cc, step(Stage::Candidate, d(2025, 12, 2)), later).await?;
        }
        if i >= 4 {
            move_candidate(db, &cell, &cc, step(Stage::Dossier, d(2026, 1, 5)), later).await?;
        }
        if i >= 3 {
            for (k, on) in [d(2025, 12, 30), d(2026, 1, 30)].into_iter().take(if i == 3 { 2 } else { 1 }).enumerate() {
                let input = mentoring::NewAssessment {
                    written_on: on,
                    ratings: ["good".into(), "good".into(), if k == 0 { "fair" } else { "good" }.into(), "good".into()],
                    strengths: "Lập trường vững vàng, gương mẫu trong học tập và hoạt động Đoàn.".into(),
                    to_improve: "Cần mạnh dạn hơn khi phát biểu ý kiến trong sinh hoạt chi đoàn.".into(),
                    recommendation: if k == 0 { "continue" } else { "ready" }.into(),
                };
                mentoring::write(db, &mentor_actor, &mc, id, input, later).await?;
            }
        }
        if (1..3).contains(&i) {
            classes::enrol(db, &cell, &cc, next_class, id, loaded_on).await?;
        }
    }
    Ok(())
}
