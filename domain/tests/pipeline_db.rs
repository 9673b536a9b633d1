//! The candidate pipeline on both engines: consent first (a guardian's too
//! under 16), the cell's pool decisions, each stage move checked with its
//! facts from the records and refused with explanations, overrides by a
//! Party cell officer only, deadlines in working days, the board by role,
//! and a withdrawal of consent ending the candidacy.

mod common;
use common::*;

use nguon_domain::entities::{candidacy, candidacy_event, class, enrolment, pool_proposal, semester, staff, student};
use nguon_domain::merit::outstanding;
use nguon_domain::pipeline::candidacy::{move_candidate, MoveExtras, MoveInput};
use nguon_domain::pipeline::consent::{self, NewConsent};
use nguon_domain::pipeline::records::{self, ItemInput};
use nguon_domain::pipeline::{board, pool};
use nguon_domain::policy::Actor;
use nguon_domain::{AppError, ErrorCode, Role};
use nguon_shared::pipeline::{CheckFailure, RiskFlag, Stage};
use nguon_testkit::{both_engines, TestDb};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

struct School {
    db: DatabaseConnection,
    year: i64,
    an: i64,
    binh: i64,
    chi: i64,
    lan: i64,
    minh: i64,
    doan: Actor,
    cell: Actor,
    superior: Actor,
    mentor: Actor,
    outsider: Actor,
}

async fn school(t: &TestDb) -> School {
    let (db, _root, province) = province(t).await;
    let school = unit(&db, "school", "THPT Tân Hà", province).await;
    let other = unit(&db, "school", "THPT Lâm Hà", province).await;
    let year = year_2025(&db, school).await;
    for (n, from, to) in [(1, d(2025, 9, 5), d(2026, 1, 10)), (2, d(2026, 1, 12), d(2026, 5, 31))] {
        semester::ActiveModel { school_year_id: Set(year), number: Set(n), starts_on: Set(from), ends_on: Set(to), ..Default::default() }.insert(&db).await.unwrap();
    }
    let c12 = class::ActiveModel { school_year_id: Set(year), name: Set("12A1".into()), grade: Set(12), ..Default::default() }.insert(&db).await.unwrap();
    let mut ids = Vec::new();
    for (given, dob) in [("An", d(2008, 1, 10)), ("Bình", d(2008, 5, 20)), ("Chi", d(2010, 2, 1))] {
        let s = student::ActiveModel {
            school_id: Set(school),
            family_name: Set("Lê".into()),
            middle_name: Set("Thị".into()),
            given_name: Set(given.into()),
            search_key: Set(format!("le thi {given}")),
            date_of_birth: Set(dob),
            union_joined_on: Set(Some(d(2023, 3, 26))),
            created_at: Set(chrono::Utc::now()),
            updated_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        enrolment::ActiveModel { student_id: Set(s.id), class_id: Set(c12.id), school_year_id: Set(year), ..Default::default() }.insert(&db).await.unwrap();
        ids.push(s.id);
    }
    let mentor_user = user(&db, "co.lan").await;
    let teacher = |given: &str, since: Option<chrono::NaiveDate>, user_id: Option<i64>| staff::ActiveModel {
        school_id: Set(school),
        user_id: Set(user_id),
        family_name: Set("Nguyễn".into()),
        middle_name: Set("Thị".into()),
        given_name: Set(given.into()),
        search_key: Set(format!("nguyen thi {given}")),
        party_full_member_since: Set(since),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    };
    let lan = teacher("Lan", Some(d(2010, 6, 1)), Some(mentor_user)).insert(&db).await.unwrap().id;
    let minh = teacher("Minh", None, None).insert(&db).await.unwrap().id;
    let actor = |id, role, at| Actor { user_id: id, grants: vec![(role, at)] };
    School {
        year,
        an: ids[0],
        binh: ids[1],
        chi: ids[2],
        lan,
        minh,
        doan: actor(user(&db, "doan").await, Role::YouthUnionOfficer, school),
        cell: actor(user(&db, "chibo").await, Role::PartyCellOfficer, school),
        superior: actor(user(&db, "captren").await, Role::SuperiorOfficer, school),
        mentor: actor(mentor_user, Role::Mentor, school),
        outsider: actor(user(&db, "chibo.lamha").await, Role::PartyCellOfficer, other),
        db,
    }
}

fn consent_of(student_id: i64, subject: &str, on: chrono::NaiveDate) -> NewConsent {
    NewConsent {
        student_id,
        subject: subject.into(),
        person_name: if subject == "student" { "Lê Thị (học sinh)".into() } else { "Lê Văn Hùng".into() },
        relation: if subject == "student" { String::new() } else { "Bố".into() },
        given_on: on,
        method: "paper".into(),
        scope: "Xét vào nguồn phát triển đảng viên, lưu hồ sơ rèn luyện".into(),
    }
}

fn mv(id: i64, to: Stage, on: chrono::NaiveDate) -> MoveInput {
    MoveInput { candidacy_id: id, to, on, reason: String::new(), override_reason: String::new(), override_confirmed: false, extras: MoveExtras::default() }
}

fn checks(e: AppError) -> Vec<CheckFailure> {
    match e {
        AppError::Invalid(list) => list
            .into_iter()
            .map(|f| match f.code {
                ErrorCode::Rule { failure } => failure,
                other => panic!("not a rule: {other:?}"),
            })
            .collect(),
        other => panic!("{other:?}"),
    }
}

async fn stage_of(db: &DatabaseConnection, id: i64) -> String {
    candidacy::Entity::find_by_id(id).one(db).await.unwrap().unwrap().stage
}

async fn from_proposal_to_full_membership(t: TestDb) {
    let s = school(&t).await;
    let today = d(2025, 9, 30);
    outstanding::propose(&s.db, &s.doan, &ctx(&s.doan), s.year, &[s.an, s.binh, s.chi], "Tiêu biểu", today).await.unwrap();
    let proposals = pool::pending(&s.db, &s.cell, school_of(&s).await).await.unwrap();
    assert_eq!(proposals.len(), 3);
    let pid = |student: i64| proposals.iter().find(|p| p.student.id == student).unwrap().proposal.id;
    let c = ctx(&s.cell);

    // No consent, no candidacy — and the refused acceptance changes nothing.
    let err = pool::decide(&s.db, &s.cell, &c, pid(s.an), true, "Đủ tiêu chuẩn", d(2025, 9, 25)).await.unwrap_err();
    assert_eq!(checks(err), vec![CheckFailure::NoConsent]);
    assert_eq!(pool_proposal::Entity::find_by_id(pid(s.an)).one(&s.db).await.unwrap().unwrap().status, "proposed");
    consent::record(&s.db, &s.doan, &ctx(&s.doan), consent_of(s.an, "student", d(2025, 9, 22)), today).await.unwrap();
    let an = pool::decide(&s.db, &s.cell, &c, pid(s.an), true, "Đủ tiêu chuẩn", d(2025, 9, 25)).await.unwrap().unwrap();
    assert_eq!(stage_of(&s.db, an).await, "pool");
    // Under 16: the guardian's consent too.
    consent::record(&s.db, &s.doan, &ctx(&s.doan), consent_of(s.chi, "student", d(2025, 9, 22)), today).await.unwrap();
    assert_eq!(checks(pool::decide(&s.db, &s.cell, &c, pid(s.chi), true, "Tốt", d(2025, 9, 25)).await.unwrap_err()), vec![CheckFailure::NoConsent]);
    consent::record(&s.db, &s.doan, &ctx(&s.doan), consent_of(s.chi, "guardian", d(2025, 9, 23)), today).await.unwrap();
    let chi = pool::decide(&s.db, &s.cell, &c, pid(s.chi), true, "Tốt", d(2025, 9, 25)).await.unwrap().unwrap();
    // Declined with a reason; decided once.
    assert_eq!(pool::decide(&s.db, &s.cell, &c, pid(s.binh), false, "", d(2025, 9, 25)).await.unwrap_err(), AppError::invalid("reason", ErrorCode::Required));
    assert_eq!(pool::decide(&s.db, &s.cell, &c, pid(s.binh), false, "Chưa tiêu biểu", d(2025, 9, 25)).await.unwrap(), None);
    assert_eq!(pool::decide(&s.db, &s.cell, &c, pid(s.binh), true, "Lại", d(2025, 9, 25)).await.unwrap_err(), AppError::invalid("proposal", ErrorCode::AlreadyDone));
    // Bad consent input.
    let bad = NewConsent { method: "sms".into(), person_name: " ".into(), ..consent_of(s.binh, "guardian", d(2030, 1, 1)) };
    assert!(matches!(consent::record(&s.db, &s.doan, &ctx(&s.doan), bad, today).await, Err(AppError::Invalid(e)) if e.len() == 3));
    // Only the school's Party roles decide; mentors and union officers do not.
    assert_eq!(pool::pending(&s.db, &s.doan, school_of(&s).await).await.unwrap_err(), AppError::NotFound);
    assert_eq!(pool::pending(&s.db, &s.outsider, school_of(&s).await).await.unwrap_err(), AppError::NotFound);

    // Pool → class → candidate: certificate and an official member as mentor.
    let now = d(2026, 6, 30);
    move_candidate(&s.db, &s.cell, &c, mv(an, Stage::AwarenessClass, d(2025, 10, 1)), now).await.unwrap();
    let err = move_candidate(&s.db, &s.cell, &c, mv(an, Stage::Candidate, d(2025, 11, 26)), now).await.unwrap_err();
    assert_eq!(checks(err), vec![CheckFailure::NoCertificate, CheckFailure::NoMentor]);
    records::record_certificate(&s.db, &s.cell, &c, an, "123/GCN-TTCT", d(2025, 11, 20), "Trung tâm chính trị", now).await.unwrap();
    let err = records::assign_mentor(&s.db, &s.cell, &c, an, s.minh, d(2025, 11, 25), "").await.unwrap_err();
    assert_eq!(checks(err), vec![CheckFailure::NotFullMember { name: "Nguyễn Thị Minh".into() }]);
    records::assign_mentor(&s.db, &s.cell, &c, an, s.lan, d(2025, 11, 25), "").await.unwrap();
    move_candidate(&s.db, &s.cell, &c, mv(an, Stage::Candidate, d(2025, 11, 26)), now).await.unwrap();
    // No skipping, no going back, not into the past before the stage began.
    assert_eq!(checks(move_candidate(&s.db, &s.cell, &c, mv(an, Stage::CellVote, d(2025, 12, 1)), now).await.unwrap_err()), vec![CheckFailure::NotAllowed { from: Stage::Candidate, to: Stage::CellVote }]);
    assert_eq!(move_candidate(&s.db, &s.cell, &c, mv(an, Stage::Dossier, d(2025, 11, 1)), now).await.unwrap_err(), AppError::invalid("on", ErrorCode::OutOfPeriod));
    move_candidate(&s.db, &s.cell, &c, mv(an, Stage::Dossier, d(2025, 12, 1)), now).await.unwrap();

    // The cell's vote: everything checked on the meeting day.
    let meeting = d(2026, 3, 12);
    let vote = |for_votes| MoveInput { extras: MoveExtras { vote: Some([9, 9, for_votes, 9 - for_votes, 0]), ..Default::default() }, ..mv(an, Stage::CellVote, meeting) };
    let err = move_candidate(&s.db, &s.cell, &c, vote(8), now).await.unwrap_err();
    let got = checks(err);
    assert!(got.contains(&CheckFailure::Introducers { needed: 1, have: 0, union_resolution_missing: true }), "{got:?}");
    assert!(got.contains(&CheckFailure::DocumentMissing { kind: "biography".into() }), "{got:?}");
    records::add_introducer(&s.db, &s.cell, &c, an, s.lan, d(2024, 9, 5), false, now).await.unwrap();
    for kind in nguon_domain::pipeline::rules::REQUIRED_DOCUMENTS {
        let valid_until = (kind == "union_comment").then(|| d(2026, 2, 28));
        let item = ItemInput { kind: kind.into(), status: "received".into(), received_on: Some(d(2026, 1, 5)), valid_until, ..Default::default() };
        records::add_item(&s.db, &s.cell, &c, an, item).await.unwrap();
    }
    let verification = ItemInput { kind: "verification".into(), subject: Some("father".into()), place: Some("other".into()), status: "requested".into(), requested_on: Some(d(2026, 1, 6)), ..Default::default() };
    let v = records::add_item(&s.db, &s.cell, &c, an, verification).await.unwrap();
    assert_eq!(records::return_biography(&s.db, &s.cell, &c, an, d(2026, 1, 20), "Tẩy xóa ở mục quá trình công tác của bố", now).await.unwrap(), 1);
    let got = checks(move_candidate(&s.db, &s.cell, &c, vote(5), now).await.unwrap_err());
    assert_eq!(
        got,
        vec![
            CheckFailure::DocumentExpired { kind: "union_comment".into(), valid_until: d(2026, 2, 28) },
            CheckFailure::VerificationPending { open: 1 },
            CheckFailure::VoteFailed { for_votes: 5, members: 9, needed: 6 },
        ]
    );
    records::update_item(&s.db, &s.cell, &c, v, "concluded", Some(d(2026, 2, 20)), None, "Văn phòng Đảng ủy").await.unwrap();
    // An expired comment: only a Party cell officer may override, with a reason.
    let override_input = |who_reason: &str| MoveInput { override_reason: who_reason.into(), override_confirmed: true, ..vote(8) };
    assert_eq!(
        checks(move_candidate(&s.db, &s.cell, &c, vote(8), now).await.unwrap_err()),
        vec![CheckFailure::DocumentExpired { kind: "union_comment".into(), valid_until: d(2026, 2, 28) }]
    );
    assert!(move_candidate(&s.db, &s.superior, &ctx(&s.superior), override_input("Cấp trên đồng ý"), now).await.is_err());
    assert_eq!(move_candidate(&s.db, &s.doan, &ctx(&s.doan), override_input("x"), now).await.unwrap_err(), AppError::NotFound);
    assert_eq!(move_candidate(&s.db, &s.outsider, &ctx(&s.outsider), override_input("x"), now).await.unwrap_err(), AppError::NotFound);
    // The first answer lists the checks being overridden and asks to confirm; nothing moves.
    let unconfirmed = MoveInput { override_confirmed: false, ..override_input("Đoàn xác nhận lại bằng văn bản ngày 10/03/2026") };
    let AppError::Invalid(asked) = move_candidate(&s.db, &s.cell, &c, unconfirmed, now).await.unwrap_err() else { panic!("asks") };
    assert!(asked.iter().any(|e| e.field == "confirm_override" && e.code == ErrorCode::NeedsConfirmation));
    assert!(asked.iter().any(|e| matches!(&e.code, ErrorCode::Rule { failure: CheckFailure::DocumentExpired { .. } })), "the checks are named");
    assert_eq!(candidacy::Entity::find_by_id(an).one(&s.db).await.unwrap().unwrap().stage, "dossier");
    move_candidate(&s.db, &s.cell, &c, override_input("Đoàn xác nhận lại bằng văn bản ngày 10/03/2026"), now).await.unwrap();
    let events = candidacy_event::Entity::find().filter(candidacy_event::Column::CandidacyId.eq(an)).all(&s.db).await.unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.to_stage, "cell_vote");
    assert!(last.overridden_checks.as_deref().unwrap().contains("DocumentExpired"));
    assert_eq!(last.reason.as_deref(), Some("Đoàn xác nhận lại bằng văn bản ngày 10/03/2026"));

    // Decision; the ceremony within 30 working days of receiving it (02/04/2026 → 19/05/2026).
    let decision = MoveInput {
        extras: MoveExtras { decision: Some(("125-QĐ/ĐU".into(), d(2026, 4, 1), d(2026, 4, 2), None)), ..Default::default() },
        ..mv(an, Stage::Decision, d(2026, 4, 2))
    };
    // The deciding committee is the one linked to the school on the decision's day (2025 reorganisation).
    let province = nguon_domain::entities::org_unit::Entity::find().filter(nguon_domain::entities::org_unit::Column::ParentId.is_null()).one(&s.db).await.unwrap().unwrap().id;
    let commune = unit(&s.db, "party_committee", "Đảng ủy xã Tân Hà", province).await;
    nguon_domain::org::set_link(&s.db, &c, school_of(&s).await, nguon_domain::org::Relation::DecidingCommittee, commune, d(2025, 7, 1)).await.unwrap();
    move_candidate(&s.db, &s.cell, &c, decision, now).await.unwrap();
    let issued = nguon_domain::entities::decision::Entity::find().one(&s.db).await.unwrap().unwrap();
    assert_eq!((issued.number.as_str(), issued.deciding_body_id), ("125-QĐ/ĐU", Some(commune)));
    let late = mv(an, Stage::Ceremony, d(2026, 5, 20));
    assert_eq!(checks(move_candidate(&s.db, &s.cell, &c, late.clone(), now).await.unwrap_err()), vec![CheckFailure::CeremonyLate { due: d(2026, 5, 19) }]);
    let agreed = MoveInput { extras: MoveExtras { superior_agreement: Some("Công văn 45-CV/ĐU ngày 15/05/2026".into()), ..Default::default() }, ..late };
    move_candidate(&s.db, &s.cell, &c, agreed, now).await.unwrap();
    move_candidate(&s.db, &s.cell, &c, mv(an, Stage::Probation, d(2026, 5, 20)), now).await.unwrap();
    // Leaving school (31/05/2026) during probation: a flag on the card and a transfer in the cell's inbox.
    let card = board::board(&s.db, &s.cell, school_of(&s).await, d(2026, 5, 21)).await.unwrap().into_iter().find(|c| c.id == an).unwrap();
    assert!(card.risks.contains(&RiskFlag::GraduatesOnProbation { school_ends: d(2026, 5, 31) }), "{:?}", card.risks);
    assert_eq!(card.quick_move, Some(Stage::FullMember), "the board offers the next step, checked like any other");
    let inbox = nguon_domain::pipeline::tasks::my_tasks(&s.db, &s.cell, d(2026, 5, 21)).await.unwrap();
    assert!(inbox.iter().any(|t| t.kind == nguon_shared::mentoring::TaskKind::Transfer && t.due == Some(d(2026, 5, 31))), "{inbox:?}");
    // Twelve months of probation.
    let later = d(2027, 6, 1);
    assert_eq!(checks(move_candidate(&s.db, &s.cell, &c, mv(an, Stage::FullMember, d(2027, 5, 19)), later).await.unwrap_err()), vec![CheckFailure::ProbationNotOver { ends: d(2027, 5, 20) }]);
    move_candidate(&s.db, &s.cell, &c, mv(an, Stage::FullMember, d(2027, 5, 20)), later).await.unwrap();
    assert_eq!(stage_of(&s.db, an).await, "full_member");
    assert_eq!(checks(move_candidate(&s.db, &s.cell, &c, MoveInput { reason: "x".into(), ..mv(an, Stage::Withdrawn, later) }, later).await.unwrap_err()), vec![CheckFailure::NotAllowed { from: Stage::FullMember, to: Stage::Withdrawn }]);

    // The board: the cell sees both; the mentor only An; Chi (born 2010) cannot be 18 before leaving school.
    let cards = board::board(&s.db, &s.cell, school_of(&s).await, d(2026, 1, 15)).await.unwrap();
    assert_eq!(cards.iter().map(|c| c.id).collect::<Vec<_>>(), vec![chi, an]);
    assert!(cards[0].risks.contains(&RiskFlag::AgeAfterSchool { eligible_from: d(2028, 2, 1) }));
    let mine = board::board(&s.db, &s.mentor, school_of(&s).await, d(2026, 1, 15)).await.unwrap();
    assert_eq!(mine.iter().map(|c| c.id).collect::<Vec<_>>(), vec![an]);
    assert_eq!(board::detail(&s.db, &s.mentor, chi, d(2026, 1, 15)).await.unwrap_err(), AppError::NotFound);
    assert_eq!(board::board(&s.db, &s.doan, school_of(&s).await, d(2026, 1, 15)).await.unwrap_err(), AppError::NotFound);
    assert_eq!(board::board(&s.db, &s.outsider, school_of(&s).await, d(2026, 1, 15)).await.unwrap_err(), AppError::NotFound);
    let page = board::detail(&s.db, &s.cell, an, later).await.unwrap();
    assert_eq!(page.events.len(), 9, "pool, class, candidate, dossier, vote, decision, ceremony, probation, full member");
    assert_eq!(page.events[4].overridden, vec![CheckFailure::DocumentExpired { kind: "union_comment".into(), valid_until: d(2026, 2, 28) }]);
    assert_eq!(page.certificate, Some(("123/GCN-TTCT".into(), d(2025, 11, 20))));
    // Chi's next step needs a certificate and a mentor: the page says so before anyone tries.
    let chi_page = board::detail(&s.db, &s.cell, chi, d(2026, 1, 15)).await.unwrap();
    assert_eq!(chi_page.next_checks, Vec::<CheckFailure>::new(), "pool → class only needs consent");

    // The student's profile shows the procedure's steps to the Party side.
    let profile = nguon_domain::merit::profile::profile(&s.db, &s.cell, &c, s.an, later).await.unwrap();
    let steps = profile.timeline.iter().filter(|i| matches!(i.event, nguon_shared::merit::TimelineEvent::Stage { .. })).count();
    assert_eq!(steps, 9, "every step, entering the pool included");

    // Withdrawing consent ends the candidacy, on the record.
    let consents = consent::list(&s.db, &s.cell, s.chi).await.unwrap();
    consent::withdraw(&s.db, &s.cell, &c, consents[1].id, d(2026, 1, 20), "Gia đình muốn con tập trung ôn thi").await.unwrap();
    assert_eq!(stage_of(&s.db, chi).await, "withdrawn");
    assert_eq!(consent::withdraw(&s.db, &s.cell, &c, consents[1].id, d(2026, 1, 21), "lại").await.unwrap_err(), AppError::invalid("consent", ErrorCode::AlreadyDone));
}

async fn school_of(s: &School) -> i64 {
    student::Entity::find_by_id(s.an).one(&s.db).await.unwrap().unwrap().school_id
}

both_engines!(from_proposal_to_full_membership);

/// Mentoring and follow-up on both engines: a joint meeting, an awareness
/// class with its capacity and completion, the forecast, assessments by the
/// current mentor only on the cell's schedule, the task inbox of each role,
/// the reminders' rule and the holiday calendar.
async fn mentoring_classes_meetings_and_tasks(t: TestDb) {
    use nguon_domain::pipeline::mentoring::{self, NewAssessment};
    use nguon_domain::pipeline::{classes, meetings, settings, tasks};
    use nguon_shared::mentoring::{TaskKind, Wait, WatchRules};
    let s = school(&t).await;
    let sch = school_of(&s).await;
    let c = ctx(&s.cell);
    let today = d(2025, 9, 30);
    outstanding::propose(&s.db, &s.doan, &ctx(&s.doan), s.year, &[s.an, s.binh], "Tiêu biểu", today).await.unwrap();
    for st in [s.an, s.binh] {
        consent::record(&s.db, &s.doan, &ctx(&s.doan), consent_of(st, "student", d(2025, 9, 22)), today).await.unwrap();
    }
    // The cell's inbox: two proposals to decide; the union officer has no pipeline tasks.
    let inbox = tasks::my_tasks(&s.db, &s.cell, today).await.unwrap();
    assert_eq!(inbox.iter().filter(|t| t.kind == TaskKind::ProposalWaiting).count(), 2, "{inbox:?}");
    assert!(tasks::my_tasks(&s.db, &s.doan, today).await.unwrap().is_empty());
    assert!(tasks::my_tasks(&s.db, &s.outsider, today).await.unwrap().is_empty());

    // A joint meeting discusses them; the union officer records it.
    let meeting = |held_on, students: Vec<i64>| meetings::NewMeeting {
        held_on,
        attendees: "Bí thư chi bộ, Bí thư Đoàn trường, 2 phó bí thư".into(),
        decisions: "Đề nghị chi bộ xem xét đưa 2 em vào nguồn".into(),
        students: students.into_iter().map(|id| (id, String::new())).collect(),
    };
    let other_school_student = {
        let mut m = meeting(today, vec![s.an]);
        m.students.push((999_999, String::new()));
        m
    };
    let long_note = {
        let mut m = meeting(today, vec![s.an]);
        m.students[0].1 = "ý kiến ".repeat(80);
        m
    };
    assert!(matches!(meetings::record(&s.db, &s.doan, &ctx(&s.doan), sch, long_note, today).await, Err(AppError::Invalid(e)) if e[0].field == "notes"));
    assert!(matches!(meetings::record(&s.db, &s.doan, &ctx(&s.doan), sch, other_school_student, today).await, Err(AppError::Invalid(e)) if e[0].field == "students"));
    assert!(matches!(meetings::record(&s.db, &s.doan, &ctx(&s.doan), sch, meeting(d(2025, 10, 5), vec![]), today).await, Err(AppError::Invalid(e)) if e[0].field == "held_on"));
    assert_eq!(meetings::record(&s.db, &s.outsider, &ctx(&s.outsider), sch, meeting(today, vec![s.an]), today).await.unwrap_err(), AppError::NotFound);
    let mut held = meeting(d(2025, 9, 28), vec![s.an, s.binh]);
    held.students[0].1 = "  Tích cực, cần rèn thêm kỹ năng nói trước tập thể. ".into();
    meetings::record(&s.db, &s.doan, &ctx(&s.doan), sch, held, today).await.unwrap();
    let listed = meetings::list(&s.db, &s.cell, sch).await.unwrap();
    assert_eq!(listed.len(), 1, "the refused meetings changed nothing");
    assert_eq!(listed[0].students.iter().map(|st| (st.id, st.note.as_deref())).collect::<Vec<_>>(), vec![(s.an, Some("Tích cực, cần rèn thêm kỹ năng nói trước tập thể.")), (s.binh, None)]);
    assert_eq!(meetings::of_student(&s.db, sch, s.an).await.unwrap(), vec![(d(2025, 9, 28), Some("Tích cực, cần rèn thêm kỹ năng nói trước tập thể.".to_string()))]);
    assert_eq!(meetings::list(&s.db, &s.mentor, sch).await.unwrap_err(), AppError::NotFound);

    let proposals = pool::pending(&s.db, &s.cell, sch).await.unwrap();
    let pid = |student: i64| proposals.iter().find(|p| p.student.id == student).unwrap().proposal.id;
    let an = pool::decide(&s.db, &s.cell, &c, pid(s.an), true, "Đủ tiêu chuẩn", d(2025, 10, 1)).await.unwrap().unwrap();
    let binh = pool::decide(&s.db, &s.cell, &c, pid(s.binh), true, "Đủ tiêu chuẩn", d(2025, 10, 1)).await.unwrap().unwrap();

    // Classes need the school's training centre; a class has places.
    let today = d(2025, 10, 2);
    let class = |capacity| classes::NewClass { name: "Lớp nhận thức về Đảng khóa 1/2025".into(), starts_on: d(2025, 10, 6), ends_on: d(2025, 11, 20), capacity };
    assert!(matches!(classes::create(&s.db, &s.cell, &c, sch, class(1), today).await, Err(AppError::Invalid(e)) if e[0].field == "centre"));
    let province = nguon_domain::entities::org_unit::Entity::find().filter(nguon_domain::entities::org_unit::Column::ParentId.is_null()).one(&s.db).await.unwrap().unwrap().id;
    let centre = unit(&s.db, "training_centre", "Trung tâm chính trị huyện", province).await;
    nguon_domain::org::set_link(&s.db, &c, sch, nguon_domain::org::Relation::TrainingCentre, centre, d(2025, 7, 1)).await.unwrap();
    assert!(matches!(classes::create(&s.db, &s.cell, &c, sch, class(0), today).await, Err(AppError::Invalid(e)) if e[0].field == "capacity"));
    assert_eq!(classes::create(&s.db, &s.mentor, &ctx(&s.mentor), sch, class(1), today).await.unwrap_err(), AppError::NotFound);
    let k = classes::create(&s.db, &s.cell, &c, sch, class(1), today).await.unwrap();
    classes::enrol(&s.db, &s.cell, &c, k, an, today).await.unwrap();
    assert_eq!(classes::enrol(&s.db, &s.cell, &c, k, an, today).await.unwrap_err(), AppError::invalid("candidacy", ErrorCode::AlreadyDone));
    assert_eq!(classes::enrol(&s.db, &s.cell, &c, k, binh, today).await.unwrap_err(), AppError::invalid("class", ErrorCode::Full));
    assert_eq!(classes::enrol(&s.db, &s.outsider, &ctx(&s.outsider), k, binh, today).await.unwrap_err(), AppError::NotFound);
    let list = classes::list(&s.db, &s.cell, sch, today).await.unwrap();
    assert_eq!((list.len(), list[0].taken, list[0].enrolments.len()), (1, 1, 1));
    // The forecast: a candidate no earlier than the class's last day; the vote once An is 18 (01/2026 by month).
    let page = board::detail(&s.db, &s.cell, an, today).await.unwrap();
    let step = |stage| page.mentoring.forecast.iter().find(|f| f.stage == stage).unwrap().clone();
    assert_eq!(step(Stage::Candidate).earliest, Some(d(2025, 11, 20)));
    assert!(step(Stage::Candidate).waits.contains(&Wait::Certificate));
    assert_eq!(step(Stage::CellVote).earliest, Some(d(2026, 1, 1)));
    // Completion records the certificate.
    let enrolment = list[0].enrolments[0].id;
    let after = d(2025, 11, 21);
    assert!(matches!(classes::complete(&s.db, &s.cell, &c, enrolment, "", d(2025, 11, 20), after).await, Err(AppError::Invalid(e)) if e[0].field == "number"));
    classes::complete(&s.db, &s.cell, &c, enrolment, "45/GCN-TTCT", d(2025, 11, 20), after).await.unwrap();
    assert_eq!(classes::complete(&s.db, &s.cell, &c, enrolment, "46", d(2025, 11, 20), after).await.unwrap_err(), AppError::invalid("enrolment", ErrorCode::AlreadyDone));
    assert_eq!(board::detail(&s.db, &s.cell, an, after).await.unwrap().certificate, Some(("45/GCN-TTCT".into(), d(2025, 11, 20))));

    // Assessments: only the current mentor writes them, on the schedule (monthly by default).
    move_candidate(&s.db, &s.cell, &c, mv(an, Stage::AwarenessClass, d(2025, 10, 6)), after).await.unwrap();
    records::assign_mentor(&s.db, &s.cell, &c, an, s.lan, d(2025, 11, 25), "").await.unwrap();
    move_candidate(&s.db, &s.cell, &c, mv(an, Stage::Candidate, d(2025, 11, 26)), d(2025, 11, 26)).await.unwrap();
    let form = |on| NewAssessment {
        written_on: on,
        ratings: ["good".into(), "good".into(), "fair".into(), "good".into()],
        strengths: "Gương mẫu, nhiệt tình trong hoạt động Đoàn".into(),
        to_improve: "Cần mạnh dạn phát biểu ý kiến".into(),
        recommendation: "continue".into(),
    };
    assert_eq!(mentoring::write(&s.db, &s.cell, &c, an, form(d(2025, 12, 1)), d(2025, 12, 1)).await.unwrap_err(), AppError::NotFound);
    let bad = NewAssessment { recommendation: "promote".into(), to_improve: String::new(), ..form(d(2025, 12, 1)) };
    assert!(matches!(mentoring::write(&s.db, &s.mentor, &ctx(&s.mentor), an, bad, d(2025, 12, 1)).await, Err(AppError::Invalid(e)) if e.len() == 2));
    // Due 25/12/2025: in the mentor's inbox within 14 days, overdue in the cell's after it.
    let mentor_tasks = |on| {
        let (db, actor) = (&s.db, &s.mentor);
        async move { tasks::my_tasks(db, actor, on).await.unwrap() }
    };
    assert!(mentor_tasks(d(2025, 12, 1)).await.is_empty());
    let due = mentor_tasks(d(2025, 12, 20)).await;
    assert_eq!((due.len(), due[0].due, due[0].candidacy_id), (1, Some(d(2025, 12, 25)), Some(an)));
    let cell_tasks = tasks::my_tasks(&s.db, &s.cell, d(2025, 12, 26)).await.unwrap();
    assert!(cell_tasks.iter().any(|t| t.kind == TaskKind::AssessmentDue { mentor: "Nguyễn Thị Lan".into() } && t.due == Some(d(2025, 12, 25))), "{cell_tasks:?}");
    mentoring::write(&s.db, &s.mentor, &ctx(&s.mentor), an, form(d(2025, 12, 20)), d(2025, 12, 20)).await.unwrap();
    let mine = board::detail(&s.db, &s.mentor, an, d(2025, 12, 21)).await.unwrap();
    assert!(mine.mentoring.can_write);
    assert_eq!((mine.mentoring.assessments.len(), mine.mentoring.next_due), (1, Some(d(2026, 1, 20))));
    assert!(!board::detail(&s.db, &s.cell, an, d(2025, 12, 21)).await.unwrap().mentoring.can_write);
    // Sixty days without one: a flag on the board.
    let cards = board::board(&s.db, &s.cell, sch, d(2026, 2, 18)).await.unwrap();
    assert!(cards.iter().find(|c| c.id == an).unwrap().risks.contains(&RiskFlag::NoAssessment { days: 60 }));
    // The cell sets a schedule per semester.
    let semester = WatchRules { assessment_every_months: 6, ..WatchRules::default() };
    assert!(matches!(settings::set_watch(&s.db, &s.cell, &c, sch, WatchRules { task_horizon_days: 0, ..semester.clone() }, d(2026, 1, 1)).await, Err(AppError::Invalid(_))));
    assert_eq!(settings::set_watch(&s.db, &s.mentor, &ctx(&s.mentor), sch, semester.clone(), d(2026, 1, 1)).await.unwrap_err(), AppError::NotFound);
    settings::set_watch(&s.db, &s.cell, &c, sch, semester.clone(), d(2026, 1, 1)).await.unwrap();
    assert_eq!(settings::watch(&s.db, &s.cell, sch, d(2026, 1, 2)).await.unwrap(), semester);
    assert_eq!(board::detail(&s.db, &s.mentor, an, d(2026, 1, 2)).await.unwrap().mentoring.next_due, Some(d(2026, 6, 20)));

    // Ready for the vote once the dossier is in; an open verification is a task of its own.
    move_candidate(&s.db, &s.cell, &c, mv(an, Stage::Dossier, d(2026, 1, 5)), d(2026, 1, 5)).await.unwrap();
    records::add_introducer(&s.db, &s.cell, &c, an, s.lan, d(2024, 9, 5), false, d(2026, 1, 5)).await.unwrap();
    for kind in nguon_domain::pipeline::rules::REQUIRED_DOCUMENTS {
        let item = ItemInput { kind: kind.into(), status: "received".into(), received_on: Some(d(2026, 1, 5)), ..Default::default() };
        records::add_item(&s.db, &s.cell, &c, an, item).await.unwrap();
    }
    let kinds = |list: Vec<nguon_shared::mentoring::TaskView>| list.into_iter().filter(|t| t.candidacy_id == Some(an)).map(|t| t.kind).collect::<Vec<_>>();
    assert_eq!(kinds(tasks::my_tasks(&s.db, &s.cell, d(2026, 3, 1)).await.unwrap()), vec![TaskKind::VoteToRecord]);
    let verification = ItemInput { kind: "verification".into(), subject: Some("student".into()), place: Some("residence".into()), status: "requested".into(), requested_on: Some(d(2026, 2, 1)), ..Default::default() };
    let v = records::add_item(&s.db, &s.cell, &c, an, verification).await.unwrap();
    assert_eq!(kinds(tasks::my_tasks(&s.db, &s.cell, d(2026, 3, 1)).await.unwrap()), vec![TaskKind::Verification { open: 1 }]);
    records::update_item(&s.db, &s.cell, &c, v, "concluded", Some(d(2026, 3, 2)), None, "").await.unwrap();
    // After the vote, the decision's deadline enters the inbox 14 days ahead.
    let vote = MoveInput { extras: MoveExtras { vote: Some([9, 9, 8, 1, 0]), ..Default::default() }, ..mv(an, Stage::CellVote, d(2026, 3, 12)) };
    move_candidate(&s.db, &s.cell, &c, vote, d(2026, 3, 12)).await.unwrap();
    let cal = nguon_domain::pipeline::candidacy::calendar_for(&s.db, sch, d(2026, 3, 12)).await.unwrap();
    let due = nguon_domain::pipeline::rules::decision_due(d(2026, 3, 12), &cal, &Default::default());
    assert!(kinds(tasks::my_tasks(&s.db, &s.cell, due - chrono::Days::new(15)).await.unwrap()).is_empty());
    let near = tasks::my_tasks(&s.db, &s.cell, due - chrono::Days::new(14)).await.unwrap();
    assert!(near.iter().any(|t| t.kind == TaskKind::Decision && t.due == Some(due)), "{near:?}");

    // The holiday calendar: defaults, plus the school's own changes, which move deadlines.
    let days = settings::holidays(&s.db, &s.cell, sch, 2026).await.unwrap();
    assert!(days.iter().any(|h| h.day == d(2026, 2, 17) && h.off && h.change_id.is_none()), "Tết 2026 is 17/02");
    let off = settings::set_holiday(&s.db, &s.cell, &c, sch, d(2026, 3, 9), "Nghỉ theo quyết định của UBND tỉnh", true, d(2026, 3, 1)).await.unwrap();
    assert_eq!(settings::set_holiday(&s.db, &s.cell, &c, sch, d(2026, 3, 9), "Lại", true, d(2026, 3, 1)).await.unwrap_err(), AppError::invalid("day", ErrorCode::AlreadyDone));
    assert_eq!(settings::set_holiday(&s.db, &s.outsider, &ctx(&s.outsider), sch, d(2026, 3, 10), "x", true, d(2026, 3, 1)).await.unwrap_err(), AppError::NotFound);
    let shown = settings::holidays(&s.db, &s.cell, sch, 2026).await.unwrap();
    assert!(shown.iter().any(|h| h.day == d(2026, 3, 9) && h.change_id == Some(off)));
    let cal = nguon_domain::pipeline::candidacy::calendar_for(&s.db, sch, d(2026, 3, 1)).await.unwrap();
    assert_eq!(cal.add_working_days(d(2026, 3, 6), 1), d(2026, 3, 10), "Friday 6/3 → Tuesday 10/3 over the added day off");
    settings::remove_holiday(&s.db, &s.cell, &c, off).await.unwrap();
    let cal = nguon_domain::pipeline::candidacy::calendar_for(&s.db, sch, d(2026, 3, 1)).await.unwrap();
    assert_eq!(cal.add_working_days(d(2026, 3, 6), 1), d(2026, 3, 9));
    // A make-up Saturday (the government's schedule) counts as a working day.
    let saturday = settings::set_holiday(&s.db, &s.cell, &c, sch, d(2026, 3, 7), "Làm bù theo lịch của Chính phủ", false, d(2026, 3, 1)).await.unwrap();
    let cal = nguon_domain::pipeline::candidacy::calendar_for(&s.db, sch, d(2026, 3, 1)).await.unwrap();
    assert_eq!(cal.add_working_days(d(2026, 3, 6), 1), d(2026, 3, 7));
    assert!(settings::holidays(&s.db, &s.cell, sch, 2026).await.unwrap().iter().any(|h| h.day == d(2026, 3, 7) && !h.off && h.change_id == Some(saturday)));
    settings::remove_holiday(&s.db, &s.cell, &c, saturday).await.unwrap();

    // Administrators set the procedure's rules for their scope: a grassroots committee from 01/04/2026.
    let admin = Actor { user_id: user(&s.db, "quantri").await, grants: vec![(Role::Administrator, province)] };
    let units: Vec<i64> = settings::rule_units(&s.db, &admin).await.unwrap().into_iter().map(|u| u.id).collect();
    assert!(units.contains(&province) && units.contains(&sch));
    assert!(settings::rule_units(&s.db, &s.cell).await.unwrap().is_empty());
    assert_eq!(settings::procedure(&s.db, &s.cell, sch, d(2026, 3, 20)).await.unwrap_err(), AppError::NotFound);
    let mut p = settings::procedure(&s.db, &admin, province, d(2026, 3, 20)).await.unwrap();
    assert_eq!((p.rules.min_age, p.committee), (18, false));
    p.committee = true;
    p.rules.required_documents.retain(|d| d != "residence_cell_comment");
    let wrong = nguon_shared::pipeline::ProcedureView { rules: nguon_shared::pipeline::PipelineRules { vote_numerator: 4, ..p.rules.clone() }, committee: true };
    assert!(matches!(settings::set_procedure(&s.db, &admin, &ctx(&admin), province, wrong, d(2026, 4, 1)).await, Err(AppError::Invalid(e)) if e[0].field == "vote_numerator"));
    settings::set_procedure(&s.db, &admin, &ctx(&admin), province, p, d(2026, 4, 1)).await.unwrap();
    let inherited = settings::procedure(&s.db, &admin, sch, d(2026, 4, 1)).await.unwrap();
    assert!(inherited.committee, "the school inherits the province's rule");
    assert_eq!(inherited.rules.required_documents.len(), 5);
    // The school's candidate after the cell's vote: straight to the decision before, the committee from then.
    assert!(board::detail(&s.db, &s.cell, an, d(2026, 3, 31)).await.unwrap().next.contains(&Stage::Decision));
    let next = board::detail(&s.db, &s.cell, an, d(2026, 4, 1)).await.unwrap().next;
    assert!(next.contains(&Stage::CommitteeReview) && !next.contains(&Stage::Decision), "{next:?}");
}

both_engines!(mentoring_classes_meetings_and_tasks);
