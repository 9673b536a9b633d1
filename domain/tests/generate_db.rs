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
    classified_as_the_service_suggests(&db, &actor, school).await;
    pipeline_is_consistent(&db, today).await;
}

/// Every union member of an ended year is classified, with the level the
/// service would suggest from the same record; no one of the current year is.
async fn classified_as_the_service_suggests(db: &sea_orm::DatabaseConnection, union_officer: &Actor, school: i64) {
    use nguon_domain::entities::{school_year, union_classification};
    use nguon_domain::merit::classification;
    let years = school_year::Entity::find().filter(school_year::Column::SchoolId.eq(school)).all(db).await.unwrap();
    let stored = union_classification::Entity::find().all(db).await.unwrap();
    for y in &years {
        let rows = classification::rows(db, union_officer, y.id, None).await.unwrap();
        let mine: HashMap<i64, &union_classification::Model> = stored.iter().filter(|c| c.school_year_id == y.id).map(|c| (c.student_id, c)).collect();
        if y.ends_on >= d(2026, 3, 2) {
            assert!(mine.is_empty(), "the current year is not classified yet");
            continue;
        }
        assert!(!rows.is_empty());
        assert_eq!(rows.len(), mine.len(), "every union member of {} and no one else", y.name);
        for r in &rows {
            let c = mine[&r.student_id];
            assert_eq!(c.suggested, r.suggested, "the service's suggestion for {}", r.student_id);
            assert_eq!(r.confirmed.as_deref(), Some(c.level.as_str()));
        }
        assert!(rows.iter().any(|r| r.confirmed.as_deref() != Some(r.suggested.as_str())), "an officer changed a few");
    }
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
    // The cell and the union met on each student before the consent; those
    // who reached the awareness class were enrolled in one, and the certificate
    // of those who went further completes their enrolment.
    use nguon_domain::entities::{awareness_class, awareness_enrolment, certificate, joint_meeting, joint_meeting_student};
    let meetings: HashMap<i64, joint_meeting::Model> = joint_meeting::Entity::find().all(db).await.unwrap().into_iter().map(|m| (m.id, m)).collect();
    let discussed = joint_meeting_student::Entity::find().all(db).await.unwrap();
    let classes: HashMap<i64, awareness_class::Model> = awareness_class::Entity::find().all(db).await.unwrap().into_iter().map(|c| (c.id, c)).collect();
    let enrolments = awareness_enrolment::Entity::find().all(db).await.unwrap();
    let certificates = certificate::Entity::find().all(db).await.unwrap();
    assert!(!classes.is_empty() && !meetings.is_empty());
    for c in &candidacies {
        let given = consents.iter().filter(|k| k.student_id == c.student_id).map(|k| k.given_on).min().unwrap();
        assert!(discussed.iter().any(|m| m.student_id == c.student_id && meetings[&m.meeting_id].held_on < given && meetings[&m.meeting_id].school_id == c.school_id));
        let reached = |stage: &str| events.iter().any(|e| e.candidacy_id == c.id && e.to_stage == stage);
        let enrolled: Vec<_> = enrolments.iter().filter(|e| e.candidacy_id == c.id).collect();
        assert_eq!(enrolled.len(), usize::from(reached("awareness_class")), "candidacy {}", c.id);
        for e in enrolled {
            let cert = certificates.iter().find(|k| k.candidacy_id == c.id);
            assert_eq!(e.certificate_id, cert.map(|k| k.id), "the certificate completes the enrolment");
            if let Some(k) = cert {
                assert!(k.issued_on >= classes[&e.class_id].ends_on, "issued after the class");
            }
        }
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
