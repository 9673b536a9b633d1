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
    MoveInput { candidacy_id: id, to, on, reason: String::new(), override_reason: String::new(), extras: MoveExtras::default() }
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
    let override_input = |who_reason: &str| MoveInput { override_reason: who_reason.into(), ..vote(8) };
    assert_eq!(
        checks(move_candidate(&s.db, &s.cell, &c, vote(8), now).await.unwrap_err()),
        vec![CheckFailure::DocumentExpired { kind: "union_comment".into(), valid_until: d(2026, 2, 28) }]
    );
    assert!(move_candidate(&s.db, &s.superior, &ctx(&s.superior), override_input("Cấp trên đồng ý"), now).await.is_err());
    assert_eq!(move_candidate(&s.db, &s.doan, &ctx(&s.doan), override_input("x"), now).await.unwrap_err(), AppError::NotFound);
    assert_eq!(move_candidate(&s.db, &s.outsider, &ctx(&s.outsider), override_input("x"), now).await.unwrap_err(), AppError::NotFound);
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
