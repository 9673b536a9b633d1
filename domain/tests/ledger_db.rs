//! The emulation ledger on both engines: logging a class at once, idempotent
//! resubmits, approval by a second officer only, reversals, rejections, the
//! school's approval rule, access across schools, rankings with ties — and
//! the invariant that totals always equal the sum of approved entries, after
//! random sequences of log / approve / reject / reverse.

mod common;
use common::*;

use nguon_domain::entities::{class, enrolment, ledger_entry, semester, student, student_total};
use nguon_domain::ledger::rules;
use nguon_domain::ledger::standing::{self, RankFilter, RankingQuery, Scope};
use nguon_domain::names::{self, PersonName};
use nguon_domain::ledger::{self, LogInput, NewActivity, RuleInput};
use nguon_domain::policy::Actor;
use nguon_domain::rules_config::{self, LEDGER_APPROVAL_REQUIRED};
use nguon_domain::{AppError, ErrorCode, Role};
use nguon_testkit::{both_engines, TestDb};
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

struct School {
    db: DatabaseConnection,
    year: i64,
    classes: Vec<(i64, Vec<i64>)>,
    doan1: Actor,
    doan2: Actor,
    outsider: Actor,
    school: i64,
}

async fn school(t: &TestDb) -> School {
    let (db, _root, province) = province(t).await;
    let school = unit(&db, "school", "THPT Tân Hà", province).await;
    let other = unit(&db, "school", "THPT Lâm Hà", province).await;
    let year = year_2025(&db, school).await;
    for (n, from, to) in [(1, d(2025, 9, 5), d(2026, 1, 10)), (2, d(2026, 1, 12), d(2026, 5, 31))] {
        semester::ActiveModel { school_year_id: Set(year), number: Set(n), starts_on: Set(from), ends_on: Set(to), ..Default::default() }
            .insert(&db)
            .await
            .unwrap();
    }
    let given = ["An", "Bình", "Chi", "Dũng", "Hà", "Khánh"];
    let mut classes = Vec::new();
    for name in ["10A1", "11A1"] {
        let c = class::ActiveModel { school_year_id: Set(year), name: Set(name.into()), grade: Set(name[..2].parse().unwrap()), ..Default::default() }
            .insert(&db)
            .await
            .unwrap();
        let mut ids = Vec::new();
        for g in given {
            let s = student::ActiveModel {
                school_id: Set(school),
                family_name: Set("Nguyễn".into()),
                middle_name: Set(name.into()),
                given_name: Set(g.into()),
                search_key: Set(format!("nguyen {g}")),
                date_of_birth: Set(d(2009, 1, 1)),
                created_at: Set(chrono::Utc::now()),
                updated_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(&db)
            .await
            .unwrap();
            enrolment::ActiveModel { student_id: Set(s.id), class_id: Set(c.id), school_year_id: Set(year), ..Default::default() }
                .insert(&db)
                .await
                .unwrap();
            ids.push(s.id);
        }
        classes.push((c.id, ids));
    }
    let doan1 = Actor { user_id: user(&db, "doan1").await, grants: vec![(Role::YouthUnionOfficer, school)] };
    let doan2 = Actor { user_id: user(&db, "doan2").await, grants: vec![(Role::YouthUnionOfficer, school)] };
    let outsider = Actor { user_id: user(&db, "doan.lamha").await, grants: vec![(Role::YouthUnionOfficer, other)] };
    School { db, year, classes, doan1, doan2, outsider, school }
}

struct Catalogue {
    volunteer: i64,
    prize: i64,
    prize_levels: Vec<i64>,
    late: i64,
    categories: Vec<i64>,
}

async fn catalogue(s: &School) -> Catalogue {
    let c = ctx(&s.doan1);
    let volunteering = ledger::create_category(&s.db, &s.doan1, &c, s.school, "Tình nguyện").await.unwrap();
    let prizes = ledger::create_category(&s.db, &s.doan1, &c, s.school, "Giải thưởng").await.unwrap();
    let discipline = ledger::create_category(&s.db, &s.doan1, &c, s.school, "Kỷ luật").await.unwrap();
    let activity = |category, name: &str, rule| NewActivity {
        school_year_id: s.year,
        category_id: category,
        name: name.into(),
        starts_on: d(2025, 9, 5),
        ends_on: None,
        organiser: "Đoàn trường".into(),
        rule,
    };
    let volunteer = ledger::create_activity(&s.db, &s.doan1, &c, activity(volunteering, "Chủ nhật xanh", RuleInput::Fixed(5))).await.unwrap();
    let levels = RuleInput::ByLevel(vec![("Cấp trường".into(), 10), ("Cấp tỉnh".into(), 30), ("Quốc gia".into(), 50)]);
    let prize = ledger::create_activity(&s.db, &s.doan1, &c, activity(prizes, "Học sinh giỏi", levels)).await.unwrap();
    let late = ledger::create_activity(&s.db, &s.doan1, &c, activity(discipline, "Đi học muộn", RuleInput::Deduction(2))).await.unwrap();
    let list = ledger::catalogue(&s.db, &s.doan1, s.year).await.unwrap();
    let prize_levels = list.iter().find(|a| a.id == prize).unwrap().levels.iter().map(|l| l.0).collect();
    assert_eq!(list.iter().find(|a| a.id == late).unwrap().points, -2);
    Catalogue { volunteer, prize, prize_levels, late, categories: vec![volunteering, prizes, discipline] }
}

fn log(key: &str, activity: i64, level: Option<i64>, students: &[i64], on: chrono::NaiveDate) -> LogInput {
    LogInput { request_key: key.into(), activity_id: activity, level_id: level, student_ids: students.to_vec(), occurred_on: on, evidence: "Sổ trực tuần".into(), repeat: false }
}

/// Checks totals == sum of approved entries, bucket by bucket.
async fn assert_totals_match(s: &School) {
    let entries = ledger_entry::Entity::find().filter(ledger_entry::Column::Status.eq("approved")).all(&s.db).await.unwrap();
    let activities: HashMap<i64, i64> = nguon_domain::entities::activity::Entity::find()
        .all(&s.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.category_id))
        .collect();
    let mut expected: HashMap<(i64, i16, i64), i64> = HashMap::new();
    for e in entries {
        // Semester 1 ends 10/01, semester 2 starts 12/01: the day between belongs to neither (0).
        let sem = match e.occurred_on {
            on if on <= d(2026, 1, 10) => 1,
            on if on >= d(2026, 1, 12) => 2,
            _ => 0,
        };
        *expected.entry((e.student_id, sem, activities[&e.activity_id])).or_default() += i64::from(e.points);
    }
    let mut stored: HashMap<(i64, i16, i64), i64> = HashMap::new();
    for t in student_total::Entity::find().all(&s.db).await.unwrap() {
        stored.insert((t.student_id, t.semester, t.category_id), t.points);
    }
    stored.retain(|_, p| *p != 0);
    expected.retain(|_, p| *p != 0);
    assert_eq!(stored, expected);
}

async fn logging_approval_and_reversal(t: TestDb) {
    let s = school(&t).await;
    let cat = catalogue(&s).await;
    let (c1, c2) = (ctx(&s.doan1), ctx(&s.doan2));
    let class = &s.classes[0].1;

    // A whole class at once, pending; a double submit writes nothing more.
    let first = ledger::log_batch(&s.db, &s.doan1, &c1, log("k1", cat.volunteer, None, class, d(2025, 10, 5))).await.unwrap();
    assert_eq!((first.entries, first.approved, first.repeated), (6, false, false));
    let again = ledger::log_batch(&s.db, &s.doan1, &c1, log("k1", cat.volunteer, None, class, d(2025, 10, 5))).await.unwrap();
    assert_eq!((again.batch_id, again.repeated), (first.batch_id, true));
    assert_eq!(ledger_entry::Entity::find().all(&s.db).await.unwrap().len(), 6);
    let ranking = |scope| standing::ranking(&s.db, &s.doan1, RankingQuery { year_id: s.year, scope, semester: None, category_id: None });
    assert!(ranking(Scope::Class(s.classes[0].0)).await.unwrap().iter().all(|r| r.points == 0), "pending entries do not count");

    // Nobody approves their own entries; a second officer does.
    let ids: Vec<i64> = ledger::review_queue(&s.db, &s.doan2, s.school).await.unwrap().iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 6);
    assert!(ledger::review_queue(&s.db, &s.doan1, s.school).await.unwrap().is_empty(), "own entries are not offered");
    assert_eq!(ledger::review(&s.db, &s.doan1, &c1, &ids, true, "").await, Err(AppError::invalid("entries", ErrorCode::OwnEntry)));
    assert_eq!(ledger::review(&s.db, &s.doan2, &c2, &ids, true, "").await, Ok(6));
    assert_eq!(ledger::review(&s.db, &s.doan2, &c2, &ids, true, "").await, Err(AppError::invalid("entries", ErrorCode::AlreadyDone)));
    assert!(ranking(Scope::Class(s.classes[0].0)).await.unwrap().iter().all(|r| r.points == 5));

    // A prize for one student; a deduction for another; a mistake reversed with a reason.
    let p = ledger::log_batch(&s.db, &s.doan2, &c2, log("k2", cat.prize, Some(cat.prize_levels[1]), &class[2..3], d(2026, 2, 1))).await.unwrap();
    let l = ledger::log_batch(&s.db, &s.doan2, &c2, log("k3", cat.late, None, &class[0..1], d(2026, 2, 2))).await.unwrap();
    let pending: Vec<i64> = ledger::review_queue(&s.db, &s.doan1, s.school).await.unwrap().iter().map(|e| e.id).collect();
    assert_eq!(pending.len(), 2);
    ledger::review(&s.db, &s.doan1, &c1, &pending, true, "").await.unwrap();
    let _ = (p, l);
    let wrong = ledger_entry::Entity::find().filter(ledger_entry::Column::ActivityId.eq(cat.late)).one(&s.db).await.unwrap().unwrap();
    assert!(matches!(ledger::reverse(&s.db, &s.doan1, &c1, wrong.id, " ").await, Err(AppError::Invalid(_))), "a reason is required");
    let fix = ledger::reverse(&s.db, &s.doan1, &c1, wrong.id, "Nhầm học sinh").await.unwrap();
    assert_eq!(ledger::reverse(&s.db, &s.doan1, &c1, wrong.id, "lần nữa").await, Err(AppError::invalid("entry", ErrorCode::AlreadyDone)));
    ledger::review(&s.db, &s.doan2, &c2, &[fix], true, "").await.unwrap();
    let rows = ranking(Scope::Class(s.classes[0].0)).await.unwrap();
    let by_student: HashMap<i64, (i64, u32, bool)> = rows.iter().map(|r| (r.student_id, (r.points, r.rank, r.tied))).collect();
    assert_eq!(by_student[&class[2]], (35, 1, false));
    assert_eq!(by_student[&class[0]], (5, 2, true), "the deduction was reversed");
    // Every line behind the total, in order.
    let lines = ledger::student_entries(&s.db, &s.doan2, class[0], s.year).await.unwrap();
    let shown: Vec<(i32, &str, Option<i64>)> = lines.iter().map(|e| (e.points, e.status.as_str(), e.reverses_id)).collect();
    assert_eq!(shown, vec![(5, "approved", None), (-2, "approved", None), (2, "approved", Some(wrong.id))]);
    assert_eq!(lines[2].reason.as_deref(), Some("Nhầm học sinh"));

    // Rejection needs a reason and never counts.
    let r = ledger::log_batch(&s.db, &s.doan1, &c1, log("k4", cat.volunteer, None, &class[1..2], d(2025, 11, 5))).await.unwrap();
    let q: Vec<i64> = ledger::review_queue(&s.db, &s.doan2, s.school).await.unwrap().iter().map(|e| e.id).collect();
    assert!(matches!(ledger::review(&s.db, &s.doan2, &c2, &q, false, "").await, Err(AppError::Invalid(_))));
    ledger::review(&s.db, &s.doan2, &c2, &q, false, "Không có minh chứng").await.unwrap();
    assert_eq!(r.entries, 1);

    // Bad input changes nothing: wrong level, out of period, a student of no class, too many.
    let before = ledger_entry::Entity::find().all(&s.db).await.unwrap().len();
    let bad = ledger::log_batch(&s.db, &s.doan1, &c1, log("k5", cat.prize, None, &class[0..1], d(2027, 1, 1))).await;
    let Err(AppError::Invalid(errors)) = bad else { panic!("accepted") };
    assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), vec!["level", "occurred_on"]);
    let foreign = ledger::log_batch(&s.db, &s.doan1, &c1, log("k6", cat.volunteer, None, &[class[0], 999_999], d(2025, 10, 5))).await;
    assert!(matches!(foreign, Err(AppError::Invalid(_))));
    assert_eq!(ledger_entry::Entity::find().all(&s.db).await.unwrap().len(), before);

    // Another school's officer can neither log here nor see anything.
    let outsider = ledger::log_batch(&s.db, &s.outsider, &ctx(&s.outsider), log("k7", cat.volunteer, None, &class[0..1], d(2025, 10, 5))).await;
    assert_eq!(outsider, Err(AppError::NotFound));
    assert_eq!(ledger::catalogue(&s.db, &s.outsider, s.year).await, Err(AppError::NotFound));
    assert_eq!(ledger::student_entries(&s.db, &s.outsider, class[0], s.year).await, Err(AppError::NotFound));
    let outside_rank = standing::ranking(&s.db, &s.outsider, RankingQuery { year_id: s.year, scope: Scope::School, semester: None, category_id: None }).await;
    assert_eq!(outside_rank, Err(AppError::NotFound));

    // A school that does not require a second approval: entries count at once.
    rules_config::set(&s.db, &c1, &LEDGER_APPROVAL_REQUIRED, s.school, &false, d(2026, 3, 1)).await.unwrap();
    let before_rule = ledger::log_batch(&s.db, &s.doan1, &c1, log("k8", cat.volunteer, None, &class[3..4], d(2026, 2, 28))).await.unwrap();
    let after_rule = ledger::log_batch(&s.db, &s.doan1, &c1, log("k9", cat.volunteer, None, &class[3..4], d(2026, 3, 1))).await.unwrap();
    assert_eq!((before_rule.approved, after_rule.approved), (false, true), "the rule applies from its date");

    // Class-branch table rolls up the same entries; semesters split them.
    let classes = standing::class_totals(&s.db, &s.doan1, s.year, None).await.unwrap();
    assert_eq!(classes.iter().map(|c| (c.key.as_str(), c.points, c.rank)).collect::<Vec<_>>(), vec![("10A1", 65, 1), ("11A1", 0, 2)]);
    let sem1 = standing::ranking(&s.db, &s.doan1, RankingQuery { year_id: s.year, scope: Scope::Class(s.classes[0].0), semester: Some(1), category_id: None }).await.unwrap();
    assert!(sem1.iter().all(|r| r.points == 5), "the prize and the deduction fall in semester 2");
    let prizes_only = standing::ranking(&s.db, &s.doan1, RankingQuery { year_id: s.year, scope: Scope::School, semester: None, category_id: Some(cat.categories[1]) }).await.unwrap();
    assert_eq!((prizes_only[0].student_id, prizes_only[0].points, prizes_only.len()), (class[2], 30, 12));
    assert_totals_match(&s).await;
}

async fn totals_equal_approved_entries_after_random_sequences(t: TestDb) {
    let s = school(&t).await;
    let cat = catalogue(&s).await;
    let officers = [&s.doan1, &s.doan2];
    let students: Vec<i64> = s.classes.iter().flat_map(|(_, ids)| ids.clone()).collect();
    let mut rng = rand::rngs::StdRng::seed_from_u64(88);
    let days = [d(2025, 9, 20), d(2026, 1, 10), d(2026, 1, 11), d(2026, 1, 12), d(2026, 4, 30)];
    for step in 0..120 {
        let who = officers[rng.random_range(0..2)];
        let c = ctx(who);
        match rng.random_range(0..4) {
            0 | 1 => {
                let n = rng.random_range(1..=6);
                let start = rng.random_range(0..students.len() - n);
                let (activity, level) = match rng.random_range(0..3) {
                    0 => (cat.volunteer, None),
                    1 => (cat.prize, Some(cat.prize_levels[rng.random_range(0..3)])),
                    _ => (cat.late, None),
                };
                let key = format!("r{}", rng.random_range(0..150));
                let _ = ledger::log_batch(&s.db, who, &c, log(&key, activity, level, &students[start..start + n], days[rng.random_range(0..days.len())])).await;
            }
            2 => {
                let queue = ledger::review_queue(&s.db, who, s.school).await.unwrap();
                if !queue.is_empty() {
                    let take: Vec<i64> = queue.iter().filter(|_| rng.random_bool(0.6)).map(|e| e.id).collect();
                    if !take.is_empty() {
                        let approve = rng.random_bool(0.8);
                        ledger::review(&s.db, who, &c, &take, approve, "Kiểm tra lại").await.unwrap();
                    }
                }
            }
            _ => {
                let approved = ledger_entry::Entity::find().filter(ledger_entry::Column::Status.eq("approved")).all(&s.db).await.unwrap();
                if !approved.is_empty() {
                    let e = &approved[rng.random_range(0..approved.len())];
                    // Refused when already reversed or itself a reversal: that is part of the test too.
                    let _ = ledger::reverse(&s.db, who, &c, e.id, "Sửa sai").await;
                }
            }
        }
        if step % 30 == 29 {
            assert_totals_match(&s).await;
        }
    }
    assert_totals_match(&s).await;
    // The ranking shows the same numbers as the entries.
    let rows = standing::ranking(&s.db, &s.doan1, RankingQuery { year_id: s.year, scope: Scope::School, semester: None, category_id: None }).await.unwrap();
    for r in &rows {
        let sum: i64 = ledger_entry::Entity::find()
            .filter(ledger_entry::Column::StudentId.eq(r.student_id))
            .filter(ledger_entry::Column::Status.eq("approved"))
            .all(&s.db)
            .await
            .unwrap()
            .iter()
            .map(|e| i64::from(e.points))
            .sum();
        assert_eq!(r.points, sum);
    }
    assert!(rows.windows(2).all(|w| w[0].points >= w[1].points && w[0].rank <= w[1].rank));
    // The database's ranking is the pure rule's: ranks, ties, class-list order within a tie.
    let points: HashMap<i64, i64> = rows.iter().map(|r| (r.student_id, r.points)).collect();
    let people: HashMap<i64, PersonName> = student::Entity::find().all(&s.db).await.unwrap().into_iter().map(|p| (p.id, p.person_name())).collect();
    let mut ids: Vec<i64> = points.keys().copied().collect();
    ids.sort_by(|a, b| names::compare_names(&people[a], &people[b]).then(a.cmp(b)));
    let expected: Vec<(i64, i64, u32, bool)> =
        rules::rank(&ids.iter().map(|id| (*id, points[id])).collect::<Vec<_>>()).into_iter().map(|r| (r.key, r.points, r.rank, r.tied)).collect();
    let got: Vec<(i64, i64, u32, bool)> = rows.iter().map(|r| (r.student_id, r.points, r.rank, r.tied)).collect();
    assert_eq!(got, expected);
    // A search keeps true ranks and counts what it found; a page is the list's first rows.
    let school = RankingQuery { year_id: s.year, scope: Scope::School, semester: None, category_id: None };
    let found = standing::ranking_page(&s.db, &s.doan1, school, &RankFilter { search: "NGUYEN an".into(), limit: None }).await.unwrap();
    let want: Vec<(i64, i64, u32, bool)> =
        expected.iter().filter(|e| names::matches(&people[&e.0].full(), "NGUYEN an")).copied().collect();
    assert_eq!(found.rows.iter().map(|r| (r.student_id, r.points, r.rank, r.tied)).collect::<Vec<_>>(), want);
    assert_eq!(found.total as usize, want.len());
    assert!(!want.is_empty());
    let page = standing::ranking_page(&s.db, &s.doan1, school, &RankFilter { search: "nguyễn".into(), limit: Some(3) }).await.unwrap();
    assert_eq!(page.total as usize, expected.len());
    assert_eq!(page.rows.iter().map(|r| r.student_id).collect::<Vec<_>>(), expected.iter().take(3).map(|e| e.0).collect::<Vec<_>>());
    let none = standing::ranking_page(&s.db, &s.doan1, school, &RankFilter { search: "50%_".into(), limit: Some(3) }).await.unwrap();
    assert_eq!((none.rows.len(), none.total), (0, 0));
}

/// Rows read packed into one JSON value come back as the engine holds them:
/// numbers, text with accents and quotes, days, NULLs; and no rows as none.
async fn packed_rows_read_alike(t: TestDb) {
    let db = nguon_domain::db::connect_and_migrate(&t.url).await.unwrap();
    let backend = sea_orm::ConnectionTrait::get_database_backend(&db);
    let text = "SELECT CAST(7 AS BIGINT) AS n, 'Nguyễn \"Thị\" \\ Ánh' AS name, CAST(NULL AS TEXT) AS missing UNION ALL SELECT 9, 'Lê', 'x'";
    let rows: Vec<(i64, String, Option<String>)> = nguon_domain::sql::packed(&db, nguon_domain::sql::statement(backend, text, vec![]), &["n", "name", "missing"]).await.unwrap();
    let mut rows = rows;
    rows.sort();
    assert_eq!(rows, vec![(7, "Nguyễn \"Thị\" \\ Ánh".to_string(), None), (9, "Lê".to_string(), Some("x".to_string()))]);
    let none: Vec<(i64,)> = nguon_domain::sql::packed(&db, nguon_domain::sql::statement(backend, "SELECT id FROM students WHERE id = ?", vec![(-1i64).into()]), &["id"]).await.unwrap();
    assert!(none.is_empty());
    // A day as stored by the entities.
    let tiny = nguon_domain::generate::Preset { schools: 1, communes: 1, years: 1, classes_per_grade: 1, activities_per_year: 1 };
    nguon_domain::generate::generate(&db, tiny, 3, PW, d(2026, 3, 2)).await.unwrap();
    let born: Vec<(i64, chrono::NaiveDate, Option<chrono::NaiveDate>)> = nguon_domain::sql::packed(
        &db,
        nguon_domain::sql::statement(backend, "SELECT id, date_of_birth, union_joined_on FROM students WHERE id > ?", vec![0i64.into()]),
        &["id", "date_of_birth", "union_joined_on"],
    )
    .await
    .unwrap();
    let stored = student::Entity::find().all(&db).await.unwrap();
    assert!(!stored.is_empty());
    assert_eq!(born.len(), stored.len());
    for st in stored {
        assert!(born.contains(&(st.id, st.date_of_birth, st.union_joined_on)));
    }
}

both_engines!(logging_approval_and_reversal, totals_equal_approved_entries_after_random_sequences, packed_rows_read_alike);
