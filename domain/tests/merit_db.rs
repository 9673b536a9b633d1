//! Results, classification, outstanding criteria, proposals and the
//! profile timeline on both engines: entry and import (older scale mapped,
//! a wrong file changes nothing), suggested then confirmed classifications,
//! the criteria's reasons and the "one criterion short" list, proposals
//! once per year, and who sees candidacy.

mod common;
use common::*;

use nguon_domain::entities::{class, enrolment, school_year, semester, student, study_result};
use nguon_domain::ledger::{self, LogInput, NewActivity, RuleInput};
use nguon_domain::merit::{classification, outstanding, profile, results};
use nguon_domain::policy::Actor;
use nguon_domain::{AppError, ErrorCode, Role};
use nguon_shared::merit::{Criterion, OutstandingCriteria, Reason, TimelineEvent};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

struct School {
    db: DatabaseConnection,
    last_year: i64,
    year: i64,
    class: i64,
    /// An, Bình, Chi, Dũng (codes HS001–HS004), all in 10A1 then 11A1.
    students: Vec<i64>,
    doan1: Actor,
    doan2: Actor,
    mentor: Actor,
    cell: Actor,
    outsider: Actor,
}

async fn semesters(db: &DatabaseConnection, year: i64, start: i32) {
    for (n, from, to) in [(1, d(start, 9, 5), d(start + 1, 1, 10)), (2, d(start + 1, 1, 12), d(start + 1, 5, 31))] {
        semester::ActiveModel { school_year_id: Set(year), number: Set(n), starts_on: Set(from), ends_on: Set(to), ..Default::default() }
            .insert(db)
            .await
            .unwrap();
    }
}

async fn school(t: &TestDb) -> School {
    let (db, _root, province) = province(t).await;
    let school = unit(&db, "school", "THPT Tân Hà", province).await;
    let other = unit(&db, "school", "THPT Lâm Hà", province).await;
    let last_year = school_year::ActiveModel {
        school_id: Set(school),
        name: Set("2024-2025".into()),
        starts_on: Set(d(2024, 9, 5)),
        ends_on: Set(d(2025, 5, 31)),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap()
    .id;
    let year = year_2025(&db, school).await;
    semesters(&db, last_year, 2024).await;
    semesters(&db, year, 2025).await;
    let mk_class = |y: i64, name: &'static str| class::ActiveModel { school_year_id: Set(y), name: Set(name.into()), grade: Set(name[..2].parse().unwrap()), ..Default::default() };
    let c10 = mk_class(last_year, "10A1").insert(&db).await.unwrap().id;
    let c11 = mk_class(year, "11A1").insert(&db).await.unwrap().id;
    let mut students = Vec::new();
    for (i, given) in ["An", "Bình", "Chi", "Dũng"].into_iter().enumerate() {
        let s = student::ActiveModel {
            school_id: Set(school),
            student_code: Set(Some(format!("HS00{}", i + 1))),
            family_name: Set("Trần".into()),
            middle_name: Set("Văn".into()),
            given_name: Set(given.into()),
            search_key: Set(format!("tran van {given}")),
            date_of_birth: Set(d(2009, 3, 1 + i as u32)),
            // Dũng is not a union member.
            union_joined_on: Set((i < 3).then(|| d(2024, 3, 26))),
            created_at: Set(chrono::Utc::now()),
            updated_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        for (y, c) in [(last_year, c10), (year, c11)] {
            enrolment::ActiveModel { student_id: Set(s.id), class_id: Set(c), school_year_id: Set(y), ..Default::default() }
                .insert(&db)
                .await
                .unwrap();
        }
        students.push(s.id);
    }
    let actor = |id, role, at| Actor { user_id: id, grants: vec![(role, at)] };
    School {
        last_year,
        year,
        class: c11,
        students,
        doan1: actor(user(&db, "doan1").await, Role::YouthUnionOfficer, school),
        doan2: actor(user(&db, "doan2").await, Role::YouthUnionOfficer, school),
        mentor: actor(user(&db, "gv.mentor").await, Role::Mentor, school),
        cell: actor(user(&db, "chibo").await, Role::PartyCellOfficer, school),
        outsider: actor(user(&db, "doan.lamha").await, Role::YouthUnionOfficer, other),
        db,
    }
}

fn row(s: i64, study: &str, conduct: &str) -> (i64, String, String) {
    (s, study.into(), conduct.into())
}

/// Last year's results (Bình's conduct Khá in semester 2) and this
/// year's points: An 30, Bình 30, Chi 10, Dũng 0.
async fn records(s: &School) {
    let c = ctx(&s.doan1);
    let [an, binh, chi, dung] = s.students[..] else { unreachable!() };
    for period in [1, 2] {
        let binh_conduct = if period == 2 { "kha" } else { "tot" };
        let rows = [row(an, "tot", "tot"), row(binh, "tot", binh_conduct), row(chi, "dat", "tot"), row(dung, "kha", "tot")];
        assert_eq!(results::record(&s.db, &s.doan1, &c, s.last_year, period, &rows).await.unwrap(), 4);
    }
    let cat = ledger::create_category(&s.db, &s.doan1, &c, school_of(s).await, "Tình nguyện").await.unwrap();
    let act = ledger::create_activity(
        &s.db,
        &s.doan1,
        &c,
        NewActivity { school_year_id: s.year, category_id: cat, name: "Chủ nhật xanh".into(), starts_on: d(2025, 9, 5), ends_on: None, organiser: String::new(), rule: RuleInput::Fixed(10) },
    )
    .await
    .unwrap();
    for (key, who) in [("k1", vec![an, binh, chi]), ("k2", vec![an, binh]), ("k3", vec![an, binh])] {
        // The same activity three times the same day: confirmed repeats.
        let input = LogInput { request_key: key.into(), activity_id: act, level_id: None, student_ids: who, occurred_on: d(2025, 10, 5), evidence: String::new(), repeat: true };
        ledger::log_batch(&s.db, &s.doan1, &c, input).await.unwrap();
    }
    let queue: Vec<i64> = ledger::review_queue(&s.db, &s.doan2, school_of(s).await).await.unwrap().into_iter().map(|e| e.id).collect();
    ledger::review(&s.db, &s.doan2, &ctx(&s.doan2), &queue, true, "").await.unwrap();
}

async fn school_of(s: &School) -> i64 {
    school_year::Entity::find_by_id(s.year).one(&s.db).await.unwrap().unwrap().school_id
}

async fn results_entry_and_import(t: TestDb) {
    {
        let s = school(&t).await;
        let c = ctx(&s.doan1);
        let [an, binh, chi, dung] = s.students[..] else { unreachable!() };
        // Entry: current-scale codes only, for students placed in the year, by union officers of the school.
        let bad = results::record(&s.db, &s.doan1, &c, s.year, 1, &[row(an, "gioi", "tot")]).await.unwrap_err();
        assert_eq!(bad, AppError::invalid("study", ErrorCode::UnknownGrade { value: "gioi".into() }));
        assert_eq!(results::record(&s.db, &s.doan1, &c, s.year, 3, &[row(an, "tot", "tot")]).await.unwrap_err(), AppError::invalid("period", ErrorCode::InvalidValue));
        assert_eq!(results::record(&s.db, &s.outsider, &ctx(&s.outsider), s.year, 1, &[row(an, "tot", "tot")]).await.unwrap_err(), AppError::NotFound);
        assert_eq!(results::record(&s.db, &s.mentor, &ctx(&s.mentor), s.year, 1, &[row(an, "tot", "tot")]).await.unwrap_err(), AppError::NotFound);
        assert_eq!(study_result::Entity::find().count(&s.db).await.unwrap(), 0);
        assert_eq!(results::record(&s.db, &s.doan1, &c, s.year, 1, &[row(an, "kha", ""), row(binh, "", "")]).await.unwrap(), 1);

        // Import: the older scale through the mapping; identified by code, or by name and date of birth.
        let csv = "DANH SÁCH KẾT QUẢ HỌC KỲ I\n\
                   STT;Mã học sinh;Họ và tên;Ngày sinh;Học lực;Hạnh kiểm\n\
                   1;HS001;Trần Văn An;01/03/2009;Giỏi;Tốt\n\
                   2;;Trần Văn Bình;02/03/2009;Khá;Khá\n\
                   3;HS003;Trần Văn Chi;03/03/2009;Trung bình;Tốt\n\
                   4;hs004;;;Yếu;Trung bình\n";
        let done = results::import(&s.db, &s.doan1, &c, s.year, 1, "hk1.csv", csv.as_bytes()).await.unwrap();
        assert_eq!(done.rows, 4);
        assert_eq!(done.mapped, 4, "Giỏi, Trung bình, Yếu, Trung bình");
        let rows = results::class_results(&s.db, &s.mentor, s.year, s.class, 1).await.unwrap();
        let got: Vec<(i64, Option<&str>, Option<&str>)> = rows.iter().map(|r| (r.student_id, r.study.as_deref(), r.conduct.as_deref())).collect();
        assert_eq!(got, vec![(an, Some("tot"), Some("tot")), (binh, Some("kha"), Some("kha")), (chi, Some("dat"), Some("tot")), (dung, Some("chua_dat"), Some("dat"))]);
        assert_eq!(rows[0].original.as_deref(), Some("Giỏi / –"));
        // The same file again changes nothing.
        assert_eq!(results::import(&s.db, &s.doan1, &c, s.year, 1, "hk1.csv", csv.as_bytes()).await.unwrap().rows, 0);

        // A wrong file: every bad row named, nothing written.
        let wrong = "Mã học sinh;Họ và tên;Ngày sinh;Kết quả học tập;Kết quả rèn luyện\n\
                     HS001;Trần Văn An;01/03/2009;Khá;Khá\n\
                     HS999;Không Có Ai;01/01/2009;Tốt;Tốt\n\
                     HS002;Trần Văn Bình;02/03/2009;Xuất sắc lắm;Tốt\n\
                     HS001;Trần Văn An;01/03/2009;Khá;Khá\n";
        let err = results::import(&s.db, &s.doan1, &c, s.year, 1, "hk1.csv", wrong.as_bytes()).await.unwrap_err();
        let AppError::Invalid(list) = err else { panic!("{err:?}") };
        let fields: Vec<(&str, &ErrorCode)> = list.iter().map(|e| (e.field.as_str(), &e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("line:3", &ErrorCode::UnknownStudent),
                ("line:4", &ErrorCode::UnknownGrade { value: "Xuất sắc lắm".into() }),
                ("line:5", &ErrorCode::DuplicateInFile { line: 2 }),
            ]
        );
        assert_eq!(results::class_results(&s.db, &s.doan1, s.year, s.class, 1).await.unwrap()[0].study.as_deref(), Some("tot"));
        // Not a results file; another school's officer.
        let roster = "Họ và tên;Ngày sinh;Lớp\nTrần Văn An;01/03/2009;11A1\n";
        assert_eq!(results::import(&s.db, &s.doan1, &c, s.year, 1, "x.csv", roster.as_bytes()).await.unwrap_err(), AppError::invalid("file", ErrorCode::BadMapping));
        assert_eq!(results::import(&s.db, &s.outsider, &ctx(&s.outsider), s.year, 1, "hk1.csv", csv.as_bytes()).await.unwrap_err(), AppError::NotFound);
        assert_eq!(results::class_results(&s.db, &s.outsider, s.year, s.class, 1).await.unwrap_err(), AppError::NotFound);

        // A real spreadsheet: title rows, date cells, the older scale (tests/fixtures/roster/make_fixtures.py).
        let xlsx = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/roster/ket_qua_hk2.xlsx")).unwrap();
        let done = results::import(&s.db, &s.doan1, &c, s.year, 2, "ket_qua_hk2.xlsx", &xlsx).await.unwrap();
        assert_eq!((done.rows, done.mapped), (4, 4));
        let rows = results::class_results(&s.db, &s.doan1, s.year, s.class, 2).await.unwrap();
        let got: Vec<(Option<&str>, Option<&str>)> = rows.iter().map(|r| (r.study.as_deref(), r.conduct.as_deref())).collect();
        assert_eq!(got, vec![(Some("tot"), Some("tot")), (Some("kha"), Some("kha")), (Some("dat"), Some("tot")), (Some("chua_dat"), Some("dat"))]);
        assert_eq!(rows[3].original.as_deref(), Some("Yếu / Trung bình"));
    }
}

async fn classification_suggested_then_confirmed(t: TestDb) {
    {
        let s = school(&t).await;
        records(&s).await;
        let [an, binh, chi, dung] = s.students[..] else { unreachable!() };
        let c = ctx(&s.doan1);
        // This year's results: An Tốt/Tốt, Bình Khá/Tốt, Chi Đạt/Khá (year row), none for Dũng.
        results::record(&s.db, &s.doan1, &c, s.year, 0, &[row(an, "tot", "tot"), row(binh, "kha", "tot"), row(chi, "dat", "kha")]).await.unwrap();
        // Lower thresholds so that the points logged here matter.
        let mut t = classification::thresholds(&s.db, &s.doan1, s.year).await.unwrap();
        t.excellent.min_points = 30;
        t.good.min_points = 10;
        t.complete.min_points = 0;
        classification::set_thresholds(&s.db, &s.doan1, &c, s.year, t.clone()).await.unwrap();
        let rows = classification::rows(&s.db, &s.mentor, s.year, None).await.unwrap();
        let got: Vec<(i64, i64, &str)> = rows.iter().map(|r| (r.student_id, r.points, r.suggested.as_str())).collect();
        // Dũng is not a union member: not classified.
        assert_eq!(got, vec![(an, 30, "xuat_sac"), (binh, 30, "xuat_sac"), (chi, 10, "tot")]);
        assert!(rows.iter().all(|r| r.confirmed.is_none()));

        // Inconsistent thresholds are refused and change nothing.
        let mut bad = t.clone();
        bad.good.min_points = 50;
        assert!(matches!(classification::set_thresholds(&s.db, &s.doan1, &c, s.year, bad).await, Err(AppError::Invalid(_))));
        assert_eq!(classification::thresholds(&s.db, &s.doan1, s.year).await.unwrap(), t);
        assert_eq!(classification::set_thresholds(&s.db, &s.mentor, &ctx(&s.mentor), s.year, t.clone()).await.unwrap_err(), AppError::NotFound);

        // Confirm: Bình lowered by the officer; a non-member or unknown level refused.
        let levels = vec![(an, "xuat_sac".to_string()), (binh, "tot".to_string()), (chi, "tot".to_string())];
        assert_eq!(classification::confirm(&s.db, &s.doan1, &c, s.year, &levels).await.unwrap(), 3);
        assert_eq!(classification::confirm(&s.db, &s.doan1, &c, s.year, &levels).await.unwrap(), 0);
        assert!(matches!(classification::confirm(&s.db, &s.doan1, &c, s.year, &[(dung, "tot".into())]).await, Err(AppError::Invalid(_))));
        assert!(matches!(classification::confirm(&s.db, &s.doan1, &c, s.year, &[(an, "gioi".into())]).await, Err(AppError::Invalid(_))));
        assert_eq!(classification::confirm(&s.db, &s.outsider, &ctx(&s.outsider), s.year, &levels).await.unwrap_err(), AppError::NotFound);
        assert_eq!(classification::confirm(&s.db, &s.mentor, &ctx(&s.mentor), s.year, &levels).await.unwrap_err(), AppError::NotFound);
        let rows = classification::rows(&s.db, &s.doan1, s.year, Some(s.class)).await.unwrap();
        assert_eq!(rows[1].suggested, "xuat_sac");
        assert_eq!(rows[1].confirmed.as_deref(), Some("tot"));
    }
}

async fn outstanding_lists_explain_and_proposals(t: TestDb) {
    {
        let s = school(&t).await;
        records(&s).await;
        let [an, binh, chi, dung] = s.students[..] else { unreachable!() };
        let c = ctx(&s.doan1);
        // Semester 1 of this year has ended by 01/02/2026: its results count too.
        results::record(&s.db, &s.doan1, &c, s.year, 1, &[row(an, "tot", "tot"), row(binh, "tot", "tot"), row(chi, "kha", "tot"), row(dung, "tot", "tot")])
            .await
            .unwrap();
        let today = d(2026, 2, 1);
        let view = outstanding::lists(&s.db, &s.doan1, s.year, today).await.unwrap();
        assert_eq!(view.on, today);
        // Default criteria: conduct Tốt and study ≥ Khá every semester, top 20% of the grade, union member.
        let names = |l: &[nguon_shared::merit::Evaluation]| l.iter().map(|e| e.student_id).collect::<Vec<_>>();
        assert_eq!(names(&view.qualifying), vec![an]);
        // Bình: conduct Khá in 2024-2025 semester 2; Chi: study Đạt last year, and rank 3 of 4.
        assert_eq!(names(&view.one_short), vec![binh]);
        assert_eq!(view.others, 2);
        let binh_eval = &view.one_short[0];
        let conduct = binh_eval.outcomes.iter().find(|o| o.criterion == Criterion::Conduct).unwrap();
        assert!(!conduct.met);
        assert!(matches!(&conduct.reason, Reason::BelowIn { got, min, period } if got == "kha" && min == "tot" && period.year == "2024-2025" && period.period == 2));
        let emulation = binh_eval.outcomes.iter().find(|o| o.criterion == Criterion::Emulation).unwrap();
        // An and Bình tie at 30 points: both rank 1 of 4; the top 20% of 4 reaches rank 1.
        assert_eq!(emulation.reason, Reason::Standing { rank: 1, of: 4, cutoff: Some(1), points: 30, min_points: None });
        assert!(emulation.met);
        // A profile evaluates its one student exactly as the lists do (same grade rank, same reasons).
        for e in view.qualifying.iter().chain(&view.one_short) {
            let from_profile = profile::profile(&s.db, &s.doan1, &c, e.student_id, today).await.unwrap().evaluation;
            assert_eq!(from_profile.as_ref(), Some(e), "student {}", e.student_id);
        }

        // A school sets its own criteria: conduct only, and points ≥ 10 instead of a rank.
        let own = OutstandingCriteria {
            conduct_every_semester: Some("tot".into()),
            study_every_semester: None,
            top_percent_of_grade: None,
            min_points: Some(10),
            union_member: true,
            min_age: None,
            min_classification: None,
        };
        assert!(matches!(
            outstanding::set_criteria(&s.db, &s.doan1, &c, s.year, OutstandingCriteria { top_percent_of_grade: Some(0), ..own.clone() }).await,
            Err(AppError::Invalid(_))
        ));
        assert_eq!(outstanding::set_criteria(&s.db, &s.mentor, &ctx(&s.mentor), s.year, own.clone()).await.unwrap_err(), AppError::NotFound);
        outstanding::set_criteria(&s.db, &s.doan1, &c, s.year, own.clone()).await.unwrap();
        let view = outstanding::lists(&s.db, &s.doan2, s.year, today).await.unwrap();
        assert_eq!(view.criteria, own);
        assert_eq!(names(&view.qualifying), vec![an, chi]);
        // Bình (conduct) and Dũng (not a member, no points) are each short of one or two.
        assert_eq!(names(&view.one_short), vec![binh]);

        // Lists show proposals: union officers and Party roles only.
        assert_eq!(outstanding::lists(&s.db, &s.mentor, s.year, today).await.unwrap_err(), AppError::NotFound);
        assert_eq!(outstanding::lists(&s.db, &s.outsider, s.year, today).await.unwrap_err(), AppError::NotFound);
        assert!(outstanding::lists(&s.db, &s.cell, s.year, today).await.is_ok());

        // Proposals: with a reason, once a year, by the school's union officers.
        assert_eq!(outstanding::propose(&s.db, &s.doan1, &c, s.year, &[an], "  ", today).await.unwrap_err(), AppError::invalid("reason", ErrorCode::Required));
        assert_eq!(outstanding::propose(&s.db, &s.cell, &ctx(&s.cell), s.year, &[an], "Tốt", today).await.unwrap_err(), AppError::NotFound);
        assert_eq!(outstanding::propose(&s.db, &s.outsider, &ctx(&s.outsider), s.year, &[an], "Tốt", today).await.unwrap_err(), AppError::NotFound);
        assert_eq!(outstanding::propose(&s.db, &s.doan1, &c, s.year, &[an, binh], "Tiêu biểu phong trào", today).await.unwrap(), 2);
        assert_eq!(
            outstanding::propose(&s.db, &s.doan1, &c, s.year, &[chi, an], "Lần nữa", today).await.unwrap_err(),
            AppError::invalid("students", ErrorCode::AlreadyDone)
        );
        let view = outstanding::lists(&s.db, &s.doan1, s.year, today).await.unwrap();
        assert_eq!(view.qualifying.iter().map(|e| e.proposal.as_deref()).collect::<Vec<_>>(), vec![Some("proposed"), None]);
    }
}

async fn profile_timeline_and_who_sees_candidacy(t: TestDb) {
    {
        let s = school(&t).await;
        records(&s).await;
        let an = s.students[0];
        let today = d(2026, 2, 1);
        classification::confirm(&s.db, &s.doan1, &ctx(&s.doan1), s.last_year, &[(an, "tot".into())]).await.unwrap();
        outstanding::propose(&s.db, &s.doan1, &ctx(&s.doan1), s.year, &[an], "Tiêu biểu", today).await.unwrap();

        let p = profile::profile(&s.db, &s.doan1, &ctx(&s.doan1), an, today).await.unwrap();
        assert_eq!(p.class_name.as_deref(), Some("11A1"));
        assert_eq!(p.year_id, Some(s.year));
        let kinds: Vec<&str> = p
            .timeline
            .iter()
            .map(|i| match &i.event {
                TimelineEvent::Entry { .. } => "entry",
                TimelineEvent::Result { .. } => "result",
                TimelineEvent::Classification { .. } => "classification",
                TimelineEvent::Proposal { .. } => "proposal",
                TimelineEvent::Stage { .. } => "stage",
            })
            .collect();
        // Newest first: proposal and classification (recorded today), the
        // three entries of 05/10/2025, the two results of last year.
        assert_eq!(kinds.iter().filter(|k| **k == "entry").count(), 3);
        assert_eq!(kinds.iter().filter(|k| **k == "result").count(), 2);
        assert!(kinds.contains(&"proposal") && kinds.contains(&"classification"));
        assert!(p.timeline.windows(2).all(|w| w[0].date >= w[1].date));
        assert_eq!(p.timeline.last().unwrap().date, d(2025, 1, 10));
        assert_eq!(p.evaluation.as_ref().unwrap().proposal.as_deref(), Some("proposed"));
        // A mentor sees the record but not the candidacy.
        let m = profile::profile(&s.db, &s.mentor, &ctx(&s.mentor), an, today).await.unwrap();
        assert!(m.timeline.iter().all(|i| !matches!(i.event, TimelineEvent::Proposal { .. })));
        assert_eq!(m.evaluation.unwrap().proposal, None);
        // A Party cell officer sees it, and the reading is logged.
        let before = nguon_domain::entities::audit_log::Entity::find().count(&s.db).await.unwrap();
        let cell = profile::profile(&s.db, &s.cell, &ctx(&s.cell), an, today).await.unwrap();
        assert!(cell.timeline.iter().any(|i| matches!(i.event, TimelineEvent::Proposal { .. })));
        assert_eq!(nguon_domain::entities::audit_log::Entity::find().count(&s.db).await.unwrap(), before + 1);
        // Another school: nothing.
        assert_eq!(profile::profile(&s.db, &s.outsider, &ctx(&s.outsider), an, today).await.unwrap_err(), AppError::NotFound);
    }
}

both_engines!(results_entry_and_import, classification_suggested_then_confirmed, outstanding_lists_explain_and_proposals, profile_timeline_and_who_sees_candidacy);
