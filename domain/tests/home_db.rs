//! The home page's view on both engines, with the demo school: each role's
//! section says what waits for that person, and changes as the work is done
//! (a logging waits for the other officer; a rejection reaches the officer
//! who logged, with its reason; the mentor sees their own candidates; the
//! administrator sees which set-up steps a school still misses).

mod common;
use common::*;

use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{activity, class, enrolment, school_year, user};
use nguon_domain::ledger::{self, LogInput};
use nguon_domain::policy::Actor;
use nguon_domain::views::home::home;
use nguon_domain::{demo, Role};
use nguon_shared::views::home::SetupStep;
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

async fn account(db: &DatabaseConnection, login: &str, role: Role, unit: i64) -> Actor {
    let u = user::Entity::find().filter(user::Column::Username.eq(login)).one(db).await.unwrap().unwrap();
    Actor { user_id: u.id, grants: vec![(role, unit)] }
}

async fn each_role_sees_its_day(t: TestDb) {
    let (db, admin, province) = province(&t).await;
    let school = demo::load(&db, &AuditContext::default(), PW, 88).await.unwrap().school_id;
    let in_year = d(2026, 3, 2);
    let doan = account(&db, "demo.doan", Role::YouthUnionOfficer, school).await;
    let doan2 = account(&db, "demo.doan2", Role::YouthUnionOfficer, school).await;
    let chibo = account(&db, "demo.chibo", Role::PartyCellOfficer, school).await;
    let mentor = account(&db, "demo.huongdan", Role::Mentor, school).await;

    // A role not held has no section.
    let v = home(&db, &doan, in_year).await.unwrap();
    assert!(v.cell.is_none() && v.mentor.is_none() && v.admin.is_none());
    let u = v.union.expect("the union officer's section");
    assert_eq!(u.year_name.as_deref(), Some("2025-2026"));
    assert_eq!((u.to_review, u.to_review_batches), (0, 0), "the demo's entries are all approved");
    assert!(u.rejected.is_empty());
    assert_eq!(u.top.len(), 5);
    assert!(u.top.windows(2).all(|w| w[0].points >= w[1].points), "the leaderboard's top, best first");

    // The demo's thresholds fit its term: its classes spread over the levels.
    let year_id = school_year::Entity::find().filter(school_year::Column::SchoolId.eq(school)).one(&db).await.unwrap().unwrap().id;
    let rows = nguon_domain::merit::classification::rows(&db, &doan, year_id, None).await.unwrap();
    let levels: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.suggested.as_str()).collect();
    assert!(levels.len() >= 3, "suggestions spread over the levels: {levels:?}");
    let not_completed = rows.iter().filter(|r| r.suggested == nguon_shared::merit::UNION_LEVELS[3]).count();
    assert!(not_completed * 4 < rows.len(), "most students are not 'not completed': {not_completed} of {}", rows.len());

    // The second officer logs a class: it waits for the first, not for the one who logged it.
    let year = school_year::Entity::find().filter(school_year::Column::SchoolId.eq(school)).one(&db).await.unwrap().unwrap();
    let act = activity::Entity::find().filter(activity::Column::SchoolYearId.eq(year.id)).order_by_asc(activity::Column::Id).one(&db).await.unwrap().unwrap();
    let cls = class::Entity::find().filter(class::Column::SchoolYearId.eq(year.id)).order_by_asc(class::Column::Id).one(&db).await.unwrap().unwrap();
    let students: Vec<i64> = enrolment::Entity::find().filter(enrolment::Column::ClassId.eq(cls.id)).all(&db).await.unwrap().into_iter().map(|e| e.student_id).collect();
    let before = home(&db, &doan2, in_year).await.unwrap().union.unwrap().week;
    let input = LogInput { request_key: "home-1".into(), activity_id: act.id, level_id: None, student_ids: students.clone(), occurred_on: d(2026, 3, 2), evidence: String::new(), repeat: false };
    let logged = ledger::log_batch(&db, &doan2, &ctx(&doan2), input).await.unwrap();
    assert!(!logged.approved, "the demo school asks for a second officer");
    let week = home(&db, &doan2, in_year).await.unwrap().union.unwrap().week;
    assert_eq!(week.mine, before.mine + students.len() as u32, "the officer's own logging this week");
    assert_eq!(week.batches, before.batches + 1);
    assert_eq!(home(&db, &doan2, in_year).await.unwrap().union.unwrap().to_review, 0, "never one's own entries");
    let u = home(&db, &doan, in_year).await.unwrap().union.unwrap();
    assert_eq!((u.to_review, u.to_review_batches), (students.len() as u32, 1));

    // The first officer rejects two with a reason: the one who logged them is told, with the reason.
    let queue = ledger::review_queue(&db, &doan, school).await.unwrap();
    let refused: Vec<i64> = queue.iter().take(2).map(|e| e.id).collect();
    ledger::review(&db, &doan, &ctx(&doan), &refused, false, "Không có trong danh sách tham gia").await.unwrap();
    let u = home(&db, &doan2, in_year).await.unwrap().union.unwrap();
    assert_eq!(u.rejected.len(), 2);
    assert!(u.rejected.iter().all(|e| e.reason.as_deref() == Some("Không có trong danh sách tham gia") && e.status == "rejected"));
    assert!(u.rejected.iter().all(|e| e.reviewed_by.as_deref() == Some("demo.doan")));
    assert!(home(&db, &doan, in_year).await.unwrap().union.unwrap().rejected.is_empty(), "only the officer who logged them");
    assert_eq!(home(&db, &doan, in_year).await.unwrap().union.unwrap().to_review, students.len() as u32 - 2);

    // The cell: the union's last proposal waits for its decision; the tasks are the inbox's.
    let c = home(&db, &chibo, in_year).await.unwrap().cell.expect("the cell officer's section");
    assert_eq!(c.proposals, 1);
    let all_tasks = nguon_domain::pipeline::tasks::my_tasks(&db, &chibo, in_year).await.unwrap();
    assert_eq!(c.tasks_total as usize, all_tasks.len());
    assert_eq!(c.tasks, all_tasks.into_iter().take(5).collect::<Vec<_>>());
    assert!(c.flagged.iter().all(|f| !f.risks.is_empty()));
    assert!(c.flagged_total as usize >= c.flagged.len());

    // The mentor: their two candidates, next assessment due first.
    let m = home(&db, &mentor, in_year).await.unwrap().mentor.expect("the mentor's section");
    assert_eq!(m.candidates.len(), 2, "{m:?}");
    assert!(m.candidates.windows(2).all(|w| w[0].next_due <= w[1].next_due));
    assert!(m.candidates.iter().all(|c| c.last_written.is_some()));
    assert!(home(&db, &doan, in_year).await.unwrap().mentor.is_none());

    // The administrator: the demo school is set up during its year; after it, a year is missing.
    let a = home(&db, &admin, in_year).await.unwrap().admin.expect("the administrator's section");
    assert_eq!((a.total, a.complete), (1, 1), "{a:?}");
    let a = home(&db, &admin, d(2026, 9, 7)).await.unwrap().admin.unwrap();
    assert_eq!(a.complete, 0);
    assert_eq!(a.schools[0].missing, vec![SetupStep::SchoolYear, SetupStep::Roster], "staff and officers are there");
    // A new school misses everything.
    unit(&db, "school", "THPT Mới", province).await;
    let a = home(&db, &admin, in_year).await.unwrap().admin.unwrap();
    assert_eq!((a.total, a.complete), (2, 1));
    let new = a.schools.iter().find(|s| s.school.name == "THPT Mới").unwrap();
    assert_eq!(new.missing, vec![SetupStep::SchoolYear, SetupStep::Staff, SetupStep::Roster, SetupStep::Officers]);
}

both_engines!(each_role_sees_its_day);
