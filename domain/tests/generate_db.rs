//! The data generator on both engines, at a small size: it refuses a
//! database that already has an organisation; it writes every role's
//! account (one password), students moving up a grade each year, entries of
//! every status with totals equal to the approved entries (reversals
//! included), results of ended semesters only; and the application keeps
//! working on what it wrote (a new logging gets fresh ids, the rankings add up).

mod common;
use common::*;

use nguon_domain::entities::{enrolment, ledger_entry, student, student_total, study_result, user};
use nguon_domain::generate::{self, Preset};
use nguon_domain::ledger::{self, standing, LogInput};
use nguon_domain::policy::Actor;
use nguon_domain::settings::AuthSettings;
use nguon_domain::{accounts, db, AppError, Role};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::collections::HashMap;

const SMALL: Preset = Preset { schools: 2, communes: 2, years: 3, classes_per_grade: 3, activities_per_year: 6 };

async fn generated_data_keeps_the_invariants(t: TestDb) {
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    let today = d(2026, 3, 2);
    let g = generate::generate(&db, SMALL, 7, PW, today).await.unwrap();
    assert_eq!(g.schools, 2);
    assert_eq!(g.accounts, 1 + 2 + 2 * 5, "administrator, two superior officers, five per school");
    assert_eq!(g.entries as u64, ledger_entry::Entity::find().count(&db).await.unwrap());
    assert_eq!(g.students as u64, student::Entity::find().count(&db).await.unwrap());
    // Refused on a database that has an organisation.
    assert_eq!(generate::generate(&db, SMALL, 7, PW, today).await.unwrap_err(), AppError::AlreadySetUp);

    // Every status is there, and the totals are exactly the approved entries.
    let entries = ledger_entry::Entity::find().all(&db).await.unwrap();
    for state in ["approved", "pending", "rejected"] {
        assert!(entries.iter().any(|e| e.status == state), "some {state}");
    }
    assert!(entries.iter().filter(|e| e.status == "rejected").all(|e| e.reason.is_some()));
    let mut approved: HashMap<(i64, i64), i64> = HashMap::new();
    for e in entries.iter().filter(|e| e.status == "approved") {
        *approved.entry((e.student_id, e.school_year_id)).or_default() += i64::from(e.points);
    }
    let mut totals: HashMap<(i64, i64), i64> = HashMap::new();
    for t in student_total::Entity::find().all(&db).await.unwrap() {
        *totals.entry((t.student_id, t.school_year_id)).or_default() += t.points;
    }
    approved.retain(|_, p| *p != 0);
    totals.retain(|_, p| *p != 0);
    assert_eq!(approved, totals, "totals equal the approved entries");
    // Pending entries only in the current year's latest loggings; results only for ended semesters.
    assert!(entries.iter().filter(|e| e.status == "pending").all(|e| e.occurred_on >= d(2025, 9, 5)));
    let results = study_result::Entity::find().all(&db).await.unwrap();
    assert_eq!(results.len(), g.results);
    assert!(!results.is_empty());

    // Students move up: a grade-10 student of the first year is in grade 11 the next.
    let placements = enrolment::Entity::find().all(&db).await.unwrap();
    let mut years_of: HashMap<i64, usize> = HashMap::new();
    for p in &placements {
        *years_of.entry(p.student_id).or_default() += 1;
    }
    assert!(years_of.values().any(|n| *n == 2), "some students are placed in both years");

    // Every role signs in with the one password; the union officer logs with fresh ids and the ranking adds up.
    let s = AuthSettings::default();
    for login in ["admin", "capuy.001", "t001.doan", "t002.doan2", "t001.chibo", "t002.huongdan", "t001.quantri"] {
        assert!(accounts::authenticate(&db, &s, login, PW, "127.0.0.1").await.is_ok(), "{login}");
    }
    let doan = user::Entity::find().filter(user::Column::Username.eq("t001.doan")).one(&db).await.unwrap().unwrap();
    let grants = accounts::active_grants(&db, doan.id).await.unwrap();
    assert!(matches!(grants.as_slice(), [(Role::YouthUnionOfficer, _)]));
    let actor = Actor { user_id: doan.id, grants };
    let school = grants_school(&actor);
    let current = nguon_domain::entities::school_year::Entity::find()
        .filter(nguon_domain::entities::school_year::Column::SchoolId.eq(school))
        .filter(nguon_domain::entities::school_year::Column::StartsOn.eq(d(2025, 9, 5)))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let act = nguon_domain::entities::activity::Entity::find()
        .filter(nguon_domain::entities::activity::Column::SchoolYearId.eq(current.id))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let someone = placements.iter().find(|p| p.school_year_id == current.id).unwrap().student_id;
    let input = LogInput { request_key: "after-generate".into(), activity_id: act.id, level_id: None, student_ids: vec![someone], occurred_on: d(2026, 3, 1), evidence: String::new(), repeat: true };
    let logged = ledger::log_batch(&db, &actor, &ctx(&actor), input).await.unwrap();
    assert!(logged.batch_id > 0 && logged.entries == 1);
    let q = standing::RankingQuery { year_id: current.id, scope: standing::Scope::School, semester: None, category_id: None };
    let ranking = standing::ranking(&db, &actor, q).await.unwrap();
    let year_total: i64 = student_total::Entity::find().filter(student_total::Column::SchoolYearId.eq(current.id)).all(&db).await.unwrap().iter().map(|t| t.points).sum();
    assert_eq!(ranking.iter().map(|r| r.points).sum::<i64>(), year_total);
    pipeline_is_consistent(&db, today).await;
}

/// Candidacies: consent first, events chained from the pool to the stage held, and the board and
/// each candidacy's page build for the cell officer.
async fn pipeline_is_consistent(db: &sea_orm::DatabaseConnection, today: chrono::NaiveDate) {
    use nguon_domain::entities::{candidacy, candidacy_event, consent};
    use nguon_domain::pipeline::board;
    let candidacies = candidacy::Entity::find().all(db).await.unwrap();
    assert!(!candidacies.is_empty());
    let stages: std::collections::BTreeSet<&str> = candidacies.iter().map(|c| c.stage.as_str()).collect();
    assert!(stages.len() >= 3, "several stages: {stages:?}");
    let events = candidacy_event::Entity::find().all(db).await.unwrap();
    let consents = consent::Entity::find().all(db).await.unwrap();
    for c in &candidacies {
        let given = consents.iter().filter(|k| k.student_id == c.student_id).map(|k| k.given_on).min().expect("a consent");
        let mut chain: Vec<_> = events.iter().filter(|e| e.candidacy_id == c.id).collect();
        chain.sort_by_key(|e| (e.happened_on, e.id));
        assert!(given < chain[0].happened_on, "consent before the candidacy");
        assert_eq!(chain[0].from_stage, None);
        assert_eq!(chain[0].to_stage, "pool");
        for w in chain.windows(2) {
            assert_eq!(w[1].from_stage.as_deref(), Some(w[0].to_stage.as_str()), "each event starts where the last ended");
        }
        assert_eq!(chain.last().unwrap().to_stage, c.stage);
        assert_eq!(chain.last().unwrap().happened_on, c.stage_since);
    }
    let chibo = user::Entity::find().filter(user::Column::Username.eq("t001.chibo")).one(db).await.unwrap().unwrap();
    let cell = Actor { user_id: chibo.id, grants: accounts::active_grants(db, chibo.id).await.unwrap() };
    let school = cell.grants[0].1;
    let cards = board::board(db, &cell, school, today).await.unwrap();
    for c in candidacies.iter().filter(|c| c.school_id == school) {
        assert!(cards.iter().any(|card| card.id == c.id));
        board::detail(db, &cell, c.id, today).await.unwrap();
    }
}

fn grants_school(actor: &Actor) -> i64 {
    actor.grants[0].1
}

both_engines!(generated_data_keeps_the_invariants);
