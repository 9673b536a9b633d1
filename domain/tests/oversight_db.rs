//! Oversight on both engines, on generated data (three schools, three
//! years of candidates): the funnel's and the months' counts equal the
//! stage events; a plan issued by a dissolved district committee covers no
//! school until its successor adopts it; targets per scope and school give
//! the pace, with bad lines changing nothing; breakdowns hide counts below
//! five; each role sees only its schools, and names of stalled candidates
//! shown outside their school are logged.

mod common;
use common::*;

use nguon_domain::audit::AuditContext;
use nguon_domain::entities::{audit_log, candidacy, candidacy_event, org_unit, plan_target, student, user};
use nguon_domain::generate::{self, Preset};
use nguon_domain::oversight::plans::{self, NewPlan, TargetInput};
use nguon_domain::policy::{Actor, UnitKind};
use nguon_domain::views::oversight::{dashboard, plans_page, DashboardQuery};
use nguon_domain::{db, AppError, Role};
use nguon_shared::mentoring::TaskKind;
use nguon_shared::oversight::{Count, FunnelStep, PeriodKind};
use nguon_shared::pipeline::Stage;
use nguon_shared::views::oversight::{DashboardView, Dimension, TargetFigures};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};

const SMALL: Preset = Preset { schools: 3, communes: 2, years: 3, classes_per_grade: 4, activities_per_year: 1 };

async fn user_id(db: &DatabaseConnection, login: &str) -> i64 {
    user::Entity::find().filter(user::Column::Username.eq(login)).one(db).await.unwrap().unwrap().id
}

async fn view(db: &DatabaseConnection, actor: &Actor, period: PeriodKind, school: Option<i64>, today: chrono::NaiveDate) -> Result<DashboardView, AppError> {
    dashboard(db, actor, &ctx(actor), DashboardQuery { period: Some(period), school, ..Default::default() }, today).await
}

/// Candidacies of `schools` entering `stage` in `year`, straight from the events.
async fn entered(db: &DatabaseConnection, stage: Stage, year: i32) -> Vec<candidacy_event::Model> {
    candidacy_event::Entity::find()
        .filter(candidacy_event::Column::ToStage.eq(stage.code()))
        .filter(candidacy_event::Column::HappenedOn.between(d(year, 1, 1), d(year, 12, 31)))
        .all(db)
        .await
        .unwrap()
}

fn figures(students: u32) -> TargetFigures {
    TargetFigures { new_members: None, student_members: Some(students), trainees: None }
}

async fn oversight_follows_the_events_and_the_plan(t: TestDb) {
    let db = db::connect_and_migrate(&t.url).await.unwrap();
    let today = d(2026, 11, 27);
    generate::generate(&db, SMALL, 11, PW, today).await.unwrap();
    let units = org_unit::Entity::find().all(&db).await.unwrap();
    let root = units.iter().find(|u| u.parent_id.is_none()).unwrap().id;
    let committees: Vec<_> = units.iter().filter(|u| u.kind == UnitKind::PartyCommittee.code()).collect();
    let schools: Vec<_> = units.iter().filter(|u| u.kind == UnitKind::School.code()).collect();
    let under = |c: i64| schools.iter().filter(move |s| s.parent_id == Some(c)).map(|s| s.id).collect::<Vec<_>>();
    let (first, second) = (committees[0].id, committees[1].id);
    let superior = Actor { user_id: user_id(&db, "capuy.001").await, grants: vec![(Role::SuperiorOfficer, root)] };
    let admin = Actor { user_id: user_id(&db, "admin").await, grants: vec![(Role::Administrator, root)] };

    // The funnel's counts are the events' counts; the months add up to the admissions.
    let last = view(&db, &superior, PeriodKind::LastYear, None, today).await.unwrap();
    assert_eq!(last.rows.len(), 3);
    assert_eq!((last.period.from, last.period.to), (d(2025, 1, 1), d(2025, 12, 31)));
    let step = |v: &DashboardView, s: FunnelStep| v.funnel.steps.iter().find(|x| x.step == s).unwrap().count;
    for (s, stage) in [(FunnelStep::Pool, Stage::Pool), (FunnelStep::Candidates, Stage::Candidate), (FunnelStep::CellVoted, Stage::CellVote), (FunnelStep::Admitted, Stage::Probation), (FunnelStep::FullMembers, Stage::FullMember)] {
        let mut ids: Vec<i64> = entered(&db, stage, 2025).await.into_iter().map(|e| e.candidacy_id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(step(&last, s), ids.len() as u32, "{s:?}");
    }
    let admitted = entered(&db, Stage::Probation, 2025).await;
    assert!(!admitted.is_empty(), "the generator admits students every year");
    assert_eq!(last.rows.iter().map(|r| r.admitted).sum::<u32>(), admitted.len() as u32);
    for (i, m) in last.months.iter().enumerate() {
        let n = admitted.iter().filter(|e| chrono::Datelike::month(&e.happened_on) == i as u32 + 1).count() as u32;
        assert_eq!(m.admitted, n, "month {}", i + 1);
    }
    assert_eq!(last.months.last().unwrap().cumulative, admitted.len() as u32);
    assert!(last.plans.is_empty() && last.target == TargetFigures::default(), "no plan yet");
    assert!(last.funnel.steps[0].count > 0, "union members on the rolls");
    let pool = step(&last, FunnelStep::Pool);
    let candidates = last.funnel.steps.iter().find(|x| x.step == FunnelStep::Candidates).unwrap();
    assert_eq!(candidates.conversion_pct.is_some(), step(&last, FunnelStep::ClassCompleted) > 0);
    assert!(pool > 0);
    assert!(last.funnel.durations.iter().all(|d| d.median_days <= d.p90_days && d.stays > 0));

    // A plan of the dissolved district committee covers no school until its successor adopts it.
    let district = org_unit::ActiveModel {
        kind: Set(UnitKind::PartyCommittee.code().into()),
        name: Set("Huyện ủy Lâm Hà".into()),
        parent_id: Set(Some(root)),
        valid_to: Set(Some(d(2025, 6, 30))),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();
    let input = NewPlan {
        issuer_unit_id: district.id,
        number: " 88-KH/HU ".into(),
        issued_on: d(2023, 6, 14),
        title: "Phát triển đảng viên trong học sinh các trường THPT trên địa bàn huyện năm 2023 và những năm tiếp theo".into(),
        scope_unit_id: district.id,
        in_force_from: None,
        replaces_plan_id: None,
    };
    let plan = plans::create(&db, &admin, &ctx(&admin), input.clone()).await.unwrap();
    assert!(matches!(plans::create(&db, &admin, &ctx(&admin), input.clone()).await, Err(AppError::Invalid(e)) if e[0].field == "number"), "the same number from the same body");
    let officer_of_first = Actor { user_id: user_id(&db, "capuy.001").await, grants: vec![(Role::SuperiorOfficer, first)] };
    assert_eq!(plans::create(&db, &officer_of_first, &ctx(&officer_of_first), NewPlan { number: "1-KH".into(), ..input.clone() }).await, Err(AppError::NotFound), "not at a scope beyond the officer's");
    let a_school = under(first)[0];
    let refused = plans::set_targets(&db, &admin, &ctx(&admin), plan, 2025, vec![TargetInput { unit_id: a_school, figures: figures(2) }]).await;
    assert!(matches!(refused, Err(AppError::Invalid(_))), "a school the plan does not cover yet");
    assert!(view(&db, &superior, PeriodKind::LastYear, None, today).await.unwrap().plans.is_empty());

    plans::adopt(&db, &officer_of_first, &ctx(&officer_of_first), plan, first, d(2025, 7, 1)).await.unwrap();
    // A correction keeps the plan's history straight: in force no later than its first adoption, audited.
    use nguon_domain::oversight::plans::PlanFields;
    let fields = |from| PlanFields { number: "88-KH/HU".into(), issued_on: d(2023, 6, 14), title: "Phát triển đảng viên trong học sinh".into(), in_force_from: from };
    assert!(matches!(plans::update(&db, &officer_of_first, &ctx(&officer_of_first), plan, fields(Some(d(2025, 8, 1)))).await, Err(AppError::Invalid(_))), "after its first adoption");
    plans::update(&db, &officer_of_first, &ctx(&officer_of_first), plan, fields(None)).await.unwrap();
    assert!(matches!(plans::adopt(&db, &officer_of_first, &ctx(&officer_of_first), plan, first, d(2025, 7, 1)).await, Err(AppError::Invalid(_))));
    let officer_of_second = Actor { user_id: user_id(&db, "capuy.002").await, grants: vec![(Role::SuperiorOfficer, second)] };
    assert_eq!(plans::adopt(&db, &officer_of_second, &ctx(&officer_of_second), plan, first, d(2025, 7, 1)).await, Err(AppError::NotFound));
    assert_eq!(plans::update(&db, &officer_of_second, &ctx(&officer_of_second), plan, fields(None)).await, Err(AppError::NotFound), "not the other committee's plan");

    // Targets: all lines or none.
    let covered = under(first);
    let before = plan_target::Entity::find().count(&db).await.unwrap();
    let mixed = vec![
        TargetInput { unit_id: covered[0], figures: figures(2) },
        TargetInput { unit_id: under(second)[0], figures: figures(1) },
    ];
    assert!(matches!(plans::set_targets(&db, &officer_of_first, &ctx(&officer_of_first), plan, 2025, mixed).await, Err(AppError::Invalid(_))));
    let too_many = vec![TargetInput { unit_id: district.id, figures: TargetFigures { new_members: Some(3), student_members: Some(4), trainees: None } }];
    assert!(matches!(plans::set_targets(&db, &officer_of_first, &ctx(&officer_of_first), plan, 2025, too_many).await, Err(AppError::Invalid(_))));
    assert_eq!(plan_target::Entity::find().count(&db).await.unwrap(), before, "nothing written");
    let mut lines = vec![TargetInput { unit_id: district.id, figures: TargetFigures { new_members: Some(145), student_members: Some(12), trainees: Some(287) } }];
    lines.extend(covered.iter().map(|s| TargetInput { unit_id: *s, figures: figures(6) }));
    assert_eq!(plans::set_targets(&db, &officer_of_first, &ctx(&officer_of_first), plan, 2025, lines.clone()).await.unwrap(), 1 + covered.len() as u32);
    assert_eq!(plans::set_targets(&db, &officer_of_first, &ctx(&officer_of_first), plan, 2025, lines).await.unwrap(), 0, "unchanged lines are not rewritten");

    // The officer of the adopting body: its schools against the plan, the pace by month.
    let v = view(&db, &officer_of_first, PeriodKind::LastYear, None, today).await.unwrap();
    assert_eq!(v.rows.iter().map(|r| r.school.id).collect::<Vec<_>>().len(), covered.len());
    assert_eq!(v.plans.len(), 1);
    assert_eq!(v.plans[0].carried_by, committees[0].name);
    assert_eq!(v.plans[0].issuer, "Huyện ủy Lâm Hà");
    assert_eq!(v.target, TargetFigures { new_members: Some(145), student_members: Some(12), trainees: Some(287) }, "the whole scope shown: its own line");
    assert_eq!(v.months[5].pace, Some(6.0));
    assert_eq!(v.months[11].pace, Some(12.0));
    for r in &v.rows {
        assert_eq!(r.target, Some(6));
        assert_eq!(r.expected_by_now, Some(6.0), "the whole of last year is over");
        assert_eq!(r.behind, r.admitted < 6);
    }
    // The superior officer of the whole province sees every school the plan covers: the scope's own line.
    let all = view(&db, &superior, PeriodKind::LastYear, None, today).await.unwrap();
    assert_eq!(all.target.student_members, Some(12));
    // Drilled into one school, only its line.
    let one = view(&db, &superior, PeriodKind::LastYear, Some(covered[0]), today).await.unwrap();
    assert_eq!(one.target, figures(6));
    assert_eq!(one.months[11].pace, Some(6.0));
    assert!(all.rows.iter().filter(|r| !covered.contains(&r.school.id)).all(|r| r.target.is_none() && !r.behind));
    // This year has no target: no pace.
    let now = view(&db, &superior, PeriodKind::ThisYear, Some(covered[0]), today).await.unwrap();
    assert!(now.months.iter().all(|m| m.pace.is_none()) && now.rows[0].target.is_none());
    assert_eq!(now.rows.len(), 1);

    // Breakdowns hide small counts, and every count shown is right.
    for g in &all.breakdowns.groups {
        let shown: u32 = g.rows.iter().filter_map(|r| if let Count::Shown(n) = r.admitted { Some(n) } else { None }).sum();
        assert!(shown <= admitted.len() as u32);
        for r in &g.rows {
            if let Count::Shown(n) = r.admitted {
                assert!(n >= 5, "{:?} {}: {n}", g.dimension, r.key);
            }
            if let Count::Shown(n) = r.in_progress {
                assert!(n >= 5);
            }
        }
        let hidden = g.rows.iter().filter(|r| matches!(r.admitted, Count::Few { .. })).count();
        assert_ne!(hidden, 1, "one hidden cell alone could be worked out from the total");
    }
    // The union-member split, counted from the students themselves.
    let union = all.breakdowns.groups.iter().find(|g| g.dimension == Dimension::UnionMember).unwrap();
    let mut split = [0u32; 2];
    for e in &admitted {
        let c = candidacy::Entity::find_by_id(e.candidacy_id).one(&db).await.unwrap().unwrap();
        let s = student::Entity::find_by_id(c.student_id).one(&db).await.unwrap().unwrap();
        split[usize::from(s.union_joined_on.is_none())] += 1;
    }
    assert_eq!(union.rows.iter().map(|r| r.admitted).collect::<Vec<_>>(), nguon_domain::oversight::rules::suppress(&split, 5));

    // Each role sees its schools only.
    let chibo = Actor { user_id: user_id(&db, "t001.chibo").await, grants: vec![(Role::PartyCellOfficer, schools[0].id)] };
    let own = view(&db, &chibo, PeriodKind::LastYear, None, today).await.unwrap();
    assert_eq!(own.schools.len(), 1);
    assert_eq!(view(&db, &chibo, PeriodKind::LastYear, Some(schools[1].id), today).await.unwrap_err(), AppError::NotFound);
    let doan = Actor { user_id: user_id(&db, "t001.doan").await, grants: vec![(Role::YouthUnionOfficer, schools[0].id)] };
    assert_eq!(view(&db, &doan, PeriodKind::LastYear, None, today).await.unwrap_err(), AppError::Forbidden);
    let mentor = Actor { user_id: user_id(&db, "t001.huongdan").await, grants: vec![(Role::Mentor, schools[0].id)] };
    assert_eq!(view(&db, &mentor, PeriodKind::LastYear, None, today).await.unwrap_err(), AppError::Forbidden);
    assert_eq!(plans_page(&db, &doan, None, None, today).await.unwrap_err(), AppError::Forbidden);
    let page = plans_page(&db, &officer_of_second, None, None, today).await.unwrap();
    assert!(page.plans.is_empty(), "the second committee's schools are not covered");
    assert_eq!(plans_page(&db, &officer_of_second, Some(plan), Some(2025), today).await.unwrap_err(), AppError::NotFound);
    let page = plans_page(&db, &officer_of_first, Some(plan), Some(2025), today).await.unwrap();
    let editing = page.editing.unwrap();
    assert!(editing.rows[0].is_scope && editing.rows[0].figures.new_members == Some(145));
    assert_eq!(editing.rows.len(), 1 + covered.len());

    // Alerts in the inbox: a school behind an even pace at the end of the last quarter (30/09/2026), and stalled candidacies per school.
    let lines = vec![TargetInput { unit_id: covered[0], figures: figures(12) }];
    plans::set_targets(&db, &officer_of_first, &ctx(&officer_of_first), plan, 2026, lines).await.unwrap();
    let tasks = nguon_domain::pipeline::tasks::my_tasks(&db, &officer_of_first, today).await.unwrap();
    let school_events: Vec<i64> = candidacy::Entity::find().filter(candidacy::Column::SchoolId.eq(covered[0])).all(&db).await.unwrap().into_iter().map(|c| c.id).collect();
    let admitted_by_quarter = entered(&db, Stage::Probation, 2026).await.into_iter().filter(|e| school_events.contains(&e.candidacy_id) && e.happened_on <= d(2026, 9, 30)).count() as u32;
    let behind: Vec<_> = tasks.iter().filter_map(|t| match t.kind { TaskKind::BehindPace { school_id, admitted, expected, quarter_end } => Some((school_id, admitted, expected, quarter_end)), _ => None }).collect();
    assert_eq!(behind, vec![(covered[0], admitted_by_quarter, 9, d(2026, 9, 30))], "twelve a year: nine due by the end of September");
    let stalled_alerts: u32 = tasks.iter().filter_map(|t| if let TaskKind::Stalled { count, .. } = t.kind { Some(count) } else { None }).sum();
    let v = view(&db, &officer_of_first, PeriodKind::ThisYear, None, today).await.unwrap();
    assert_eq!(stalled_alerts, v.funnel.stalled_total, "the stalled cards, rolled up per school");
    let doan_tasks = nguon_domain::pipeline::tasks::my_tasks(&db, &doan, today).await.unwrap();
    assert!(doan_tasks.iter().all(|t| !matches!(t.kind, TaskKind::BehindPace { .. } | TaskKind::Stalled { .. })), "a union officer gets no alert");

    // The stalled-days rule is data at the committee: a shorter one flags at least as many.
    let before_rule = view(&db, &officer_of_first, PeriodKind::ThisYear, None, today).await.unwrap().funnel;
    let rules = nguon_shared::oversight::OversightRules { stalled_after_days: 30, smallest_shown: 5 };
    plans::set_rules(&db, &officer_of_first, &ctx(&officer_of_first), first, rules.clone(), d(2026, 1, 1)).await.unwrap();
    let after_rule = view(&db, &officer_of_first, PeriodKind::ThisYear, None, today).await.unwrap().funnel;
    assert_eq!(after_rule.stalled_after_days, 30);
    assert!(after_rule.stalled_total >= before_rule.stalled_total);
    let too_small = nguon_shared::oversight::OversightRules { stalled_after_days: 30, smallest_shown: 2 };
    assert!(matches!(plans::set_rules(&db, &officer_of_first, &ctx(&officer_of_first), first, too_small, d(2026, 1, 1)).await, Err(AppError::Invalid(_))), "never below five");
    assert_eq!(plans::set_rules(&db, &officer_of_second, &ctx(&officer_of_second), first, rules, d(2026, 1, 1)).await, Err(AppError::NotFound));

    // A custom period needs both days, in order.
    let q = DashboardQuery { period: Some(PeriodKind::Custom), from: Some(d(2025, 9, 1)), to: None, school: None, summary: false };
    assert!(matches!(dashboard(&db, &superior, &AuditContext::default(), q, today).await, Err(AppError::Invalid(_))));
    let q = DashboardQuery { period: Some(PeriodKind::Custom), from: Some(d(2024, 9, 1)), to: Some(d(2025, 8, 31)), school: None, summary: false };
    let school_year = dashboard(&db, &superior, &ctx(&superior), q, today).await.unwrap();
    assert_eq!(school_year.months.len(), 12);

    // Names of stalled candidates shown to the superior officer are logged as a sensitive read.
    let v = view(&db, &superior, PeriodKind::ThisYear, None, today).await.unwrap();
    assert!(v.funnel.stalled.iter().all(|c| c.name.is_some() && c.days > v.funnel.stalled_after_days));
    let logged = audit_log::Entity::find().filter(audit_log::Column::Action.eq("read_sensitive")).filter(audit_log::Column::Entity.eq("stalled_candidacies")).count(&db).await.unwrap();
    assert_eq!(logged > 0, !v.funnel.stalled.is_empty());
    for (action, entity) in [("create", "plan"), ("update", "plan"), ("adopt", "plan"), ("set_target", "plan_target")] {
        let n = audit_log::Entity::find().filter(audit_log::Column::Action.eq(action)).filter(audit_log::Column::Entity.eq(entity)).count(&db).await.unwrap();
        assert!(n > 0, "{action} {entity} audited");
    }
}

/// The demo: plan 88-KH/HU carried on by the commune's committee, this year's
/// targets, admissions over the past months, and `demo.capuy` whose home
/// page shows them.
async fn the_demo_shows_the_plan(t: TestDb) {
    let (db, _admin, _province) = province(&t).await;
    let summary = nguon_domain::demo::load(&db, &AuditContext::default(), PW, 88).await.unwrap();
    assert!(summary.accounts.iter().any(|a| a == "demo.capuy"));
    let capuy_id = user_id(&db, "demo.capuy").await;
    let grants = nguon_domain::accounts::active_grants(&db, capuy_id).await.unwrap();
    assert_eq!(grants.len(), 1);
    assert_eq!(grants[0].0, Role::SuperiorOfficer);
    let capuy = Actor { user_id: capuy_id, grants };
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let q = DashboardQuery { period: Some(PeriodKind::Custom), from: Some(today - chrono::Duration::days(250)), to: Some(today), school: None, summary: false };
    let v = dashboard(&db, &capuy, &ctx(&capuy), q, today).await.unwrap();
    assert_eq!(v.rows.len(), 1, "the demo school");
    assert_eq!(v.rows[0].admitted, 3, "three ceremonies over the past months");
    assert_eq!(v.plans.len(), 1);
    assert_eq!(v.plans[0].number, "88-KH/HU");
    assert_eq!(v.plans[0].issuer, "Huyện ủy Lâm Hà (demo)");
    assert_eq!(v.plans[0].carried_by, "Đảng ủy xã Tân Hà (demo)");
    let q = DashboardQuery { period: Some(PeriodKind::Custom), from: Some(d(2025, 11, 1)), to: Some(today + chrono::Duration::days(30)), school: None, summary: false };
    let classes = dashboard(&db, &capuy, &ctx(&capuy), q, today).await.unwrap().awareness;
    assert_eq!((classes.classes, classes.trainees, classes.completed), (2, 4, 2), "the demo's two classes: two enrolled in the first and certified, two in the next");
    let home = nguon_domain::views::home::home(&db, &capuy, today).await.unwrap();
    let o = home.oversight.expect("the superior officer's home shows the dashboard");
    assert_eq!(o.target.student_members, Some(5));
    assert!(o.funnel.stalled.iter().all(|c| c.name.is_none()), "the home page reads no name");
    // The admitted students' ways hold together: every step in order, ending in probation.
    let events = candidacy_event::Entity::find().filter(candidacy_event::Column::ToStage.eq(Stage::Probation.code())).all(&db).await.unwrap();
    assert_eq!(events.len(), 3);
}

both_engines!(oversight_follows_the_events_and_the_plan, the_demo_shows_the_plan);
