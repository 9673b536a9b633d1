//! Staff records, role grants with history, and the audit-log browser, on both engines.

use chrono::NaiveDate;
use nguon_domain::audit::{self, AuditFilter};
use nguon_domain::people::{self, NewStaff};
use nguon_domain::policy::Actor;
use nguon_domain::{accounts, AppError, ErrorCode, Role};
use nguon_testkit::{both_engines, TestDb};

mod common;
use common::*;

async fn staff_grants_and_audit(t: TestDb) {
    let (db, root, province) = province(&t).await;
    let school = unit(&db, "school", "THPT Tân Hà", province).await;
    let other = unit(&db, "school", "THPT Lâm Hà", province).await;
    let cell = unit(&db, "party_cell", "Chi bộ THPT Tân Hà", school).await;
    let other_cell = unit(&db, "party_cell", "Chi bộ THPT Lâm Hà", other).await;
    let today = d(2026, 11, 25);

    // A school administrator, created by the province administrator.
    let admin_staff = NewStaff {
        school_id: school,
        full_name: "Phạm  Văn Quản".into(),
        username: "quantri.tanha".into(),
        password: PW.into(),
        role: Some(Role::Administrator),
        ..Default::default()
    };
    people::create_staff(&db, &root, &ctx(&root), admin_staff, today).await.unwrap();
    let school_admin_id = accounts::list_manageable(&db, &root).await.unwrap().into_iter().find(|u| u.username == "quantri.tanha").unwrap().id;
    let school_admin = Actor { user_id: school_admin_id, grants: vec![(Role::Administrator, school)] };

    // Bad input is refused field by field and writes nothing.
    let bad = NewStaff {
        school_id: school,
        full_name: "".into(),
        username: "Tên Có Dấu".into(),
        password: "ngắn".into(),
        party_full_member_since: Some(d(2027, 1, 1)),
        party_cell_unit_id: Some(other_cell),
        role: None,
    };
    let Err(AppError::Invalid(errors)) = people::create_staff(&db, &school_admin, &ctx(&school_admin), bad, today).await else {
        panic!("invalid staff accepted")
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["full_name", "username", "new", "party_full_member_since", "party_cell"]);
    assert_eq!(people::list_staff(&db, &school_admin, school).await.unwrap().len(), 1);

    // A Party-member teacher with an account and the mentor role; one without an account.
    let teacher = NewStaff {
        school_id: school,
        full_name: "Lê Thị Hương".into(),
        username: "huong.le".into(),
        password: PW.into(),
        party_full_member_since: Some(d(2015, 3, 2)),
        party_cell_unit_id: Some(cell),
        role: Some(Role::Mentor),
    };
    people::create_staff(&db, &school_admin, &ctx(&school_admin), teacher, today).await.unwrap();
    let plain = NewStaff { school_id: school, full_name: "Âu Dương An".into(), ..Default::default() };
    let plain_id = people::create_staff(&db, &school_admin, &ctx(&school_admin), plain, today).await.unwrap();
    people::set_party(&db, &school_admin, &ctx(&school_admin), plain_id, Some(d(2020, 5, 19)), Some(cell), today).await.unwrap();

    let list = people::list_staff(&db, &school_admin, school).await.unwrap();
    let names: Vec<&str> = list.iter().map(|s| s.full_name.as_str()).collect();
    // Class-list order: by given name (An < Hương < Quản).
    assert_eq!(names, vec!["Âu Dương An", "Lê Thị Hương", "Phạm Văn Quản"]);
    assert_eq!(list[0].party_cell.as_deref(), Some("Chi bộ THPT Tân Hà"));
    assert_eq!(list[0].account, None);
    let huong = &list[1];
    let (huong_id, _) = huong.account.clone().unwrap();
    assert_eq!(huong.grants.len(), 1);
    assert_eq!((huong.grants[0].role, huong.grants[0].granted_by.as_deref()), (Role::Mentor, Some("quantri.tanha")));

    // Grants: at the school, once; never at a sub-unit; never outside one's scope.
    people::grant(&db, &school_admin, &ctx(&school_admin), huong_id, Role::PartyCellOfficer, school).await.unwrap();
    let again = people::grant(&db, &school_admin, &ctx(&school_admin), huong_id, Role::PartyCellOfficer, school).await;
    assert_eq!(again, Err(AppError::invalid("role", ErrorCode::InvalidValue)));
    let at_cell = people::grant(&db, &school_admin, &ctx(&school_admin), huong_id, Role::PartyCellOfficer, cell).await;
    assert_eq!(at_cell, Err(AppError::invalid("unit", ErrorCode::InvalidValue)));
    let elsewhere = people::grant(&db, &school_admin, &ctx(&school_admin), huong_id, Role::Mentor, other).await;
    assert_eq!(elsewhere, Err(AppError::NotFound));
    assert_eq!(people::list_staff(&db, &school_admin, other).await, Err(AppError::NotFound));

    // Revoking keeps the history; one's own administrator grant stays.
    let list = people::list_staff(&db, &school_admin, school).await.unwrap();
    let cell_grant = list[1].grants.iter().find(|g| g.role == Role::PartyCellOfficer).unwrap().id;
    people::revoke(&db, &school_admin, &ctx(&school_admin), cell_grant).await.unwrap();
    assert_eq!(people::revoke(&db, &school_admin, &ctx(&school_admin), cell_grant).await, Err(AppError::NotFound));
    let own = list[2].grants[0].id;
    assert_eq!(people::revoke(&db, &school_admin, &ctx(&school_admin), own).await, Err(AppError::invalid("grant", ErrorCode::InvalidValue)));
    let list = people::list_staff(&db, &school_admin, school).await.unwrap();
    let revoked = list[1].grants.iter().find(|g| g.id == cell_grant).unwrap();
    assert_eq!(revoked.revoked_by.as_deref(), Some("quantri.tanha"));
    assert_eq!(accounts::active_grants(&db, huong_id).await.unwrap(), vec![(Role::Mentor, school)]);

    // The audit log: the school administrator sees the entries of the accounts they manage
    // (not the province administrator's); the province administrator sees everything.
    let mine = audit::browse(&db, &school_admin, &AuditFilter::default()).await.unwrap();
    assert!(!mine.rows.is_empty());
    assert!(mine.rows.iter().all(|r| r.actor.as_deref() == Some("quantri.tanha")), "{:?}", mine.rows.iter().map(|r| &r.actor).collect::<Vec<_>>());
    let all = audit::browse(&db, &root, &AuditFilter::default()).await.unwrap();
    assert!(all.rows.iter().any(|r| r.actor.as_deref() == Some("admin")));
    assert!(all.rows.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    let revokes = audit::browse(&db, &root, &AuditFilter { action: Some("revoke".into()), ..Default::default() }).await.unwrap();
    assert_eq!(revokes.rows.len(), 1);
    assert_eq!(revokes.rows[0].entity_id.as_deref(), Some(cell_grant.to_string().as_str()));
    let by_root = audit::browse(&db, &root, &AuditFilter { actor: Some("admin".into()), ..Default::default() }).await.unwrap();
    assert!(by_root.rows.iter().all(|r| r.actor.as_deref() == Some("admin")) && !by_root.rows.is_empty());
    let future = audit::browse(&db, &root, &AuditFilter { from: Some(d(2100, 1, 1)), ..Default::default() }).await.unwrap();
    assert!(future.rows.is_empty());
    // Paging: a cursor gives the older entries, without overlap.
    let first = all.rows.len();
    let older = audit::browse(&db, &root, &AuditFilter { before_id: Some(all.rows[first / 2].id), ..Default::default() }).await.unwrap();
    assert_eq!(older.rows.first().map(|r| r.id), all.rows.get(first / 2 + 1).map(|r| r.id));
    // Roles without the right see nothing.
    let mentor = Actor { user_id: huong_id, grants: vec![(Role::Mentor, school)] };
    assert_eq!(audit::browse(&db, &mentor, &AuditFilter::default()).await, Err(AppError::Forbidden));
}

async fn organisation_tree_admin(t: TestDb) {
    use nguon_domain::org::Relation;
    use nguon_domain::org_admin::{self, UnitInput};
    let (db, root, province) = province(&t).await;
    let c = ctx(&root);
    let add = |kind: &str, name: &str, parent: i64| UnitInput { kind: kind.into(), name: name.into(), parent_id: parent, ..Default::default() };
    let district = org_admin::create_unit(&db, &root, &c, UnitInput { valid_to: Some(d(2025, 6, 30)), ..add("party_committee", "Huyện ủy Lâm Hà", province) }).await.unwrap();
    let commune = org_admin::create_unit(&db, &root, &c, UnitInput { valid_from: Some(d(2025, 7, 1)), ..add("party_committee", "Đảng ủy xã Tân Hà", province) }).await.unwrap();
    let school = org_admin::create_unit(&db, &root, &c, add("school", "THPT Tân Hà", district)).await.unwrap();
    let cell = org_admin::create_unit(&db, &root, &c, add("party_cell", "Chi bộ THPT Tân Hà", school)).await.unwrap();
    org_admin::create_unit(&db, &root, &c, add("school_union", "Đoàn trường THPT Tân Hà", school)).await.unwrap();
    // Bad input changes nothing.
    let bad = org_admin::create_unit(&db, &root, &c, add("planet", " ", school)).await;
    assert!(matches!(bad, Err(AppError::Invalid(e)) if e.len() == 2));

    // The 2025 reorganisation: the school moves from the district to the commune committee.
    org_admin::update_unit(&db, &root, &c, school, UnitInput { parent_id: commune, ..add("", "THPT Tân Hà", commune) }).await.unwrap();
    let tree = org_admin::tree(&db, &root).await.unwrap();
    let shape: Vec<(u32, &str)> = tree.iter().map(|u| (u.depth, u.name.as_str())).collect();
    assert_eq!(
        shape,
        vec![
            (0, "Tỉnh Lâm Đồng"),
            (1, "Đảng ủy xã Tân Hà"),
            (2, "THPT Tân Hà"),
            (3, "Chi bộ THPT Tân Hà"),
            (3, "Đoàn trường THPT Tân Hà"),
            (1, "Huyện ủy Lâm Hà"),
        ]
    );
    // A unit cannot go under its own subtree; the old parent is in the audit log.
    let cycle = org_admin::update_unit(&db, &root, &c, school, UnitInput { parent_id: cell, ..add("", "THPT Tân Hà", cell) }).await;
    assert_eq!(cycle, Err(AppError::invalid("parent", ErrorCode::InvalidValue)));
    let moves = audit::browse(&db, &root, &AuditFilter { entity: Some("org_unit".into()), action: Some("update".into()), ..Default::default() }).await.unwrap();
    assert!(moves.rows[0].before.as_deref().unwrap().contains(&format!("\"parent_id\":{district}")));

    // Dated links: the deciding committee was the district until 30/6/2025, the commune since.
    org_admin::set_school_link(&db, &root, &c, school, Relation::DecidingCommittee, district, d(2020, 1, 1)).await.unwrap();
    org_admin::set_school_link(&db, &root, &c, school, Relation::DecidingCommittee, commune, d(2025, 7, 1)).await.unwrap();
    org_admin::set_school_link(&db, &root, &c, school, Relation::PartyOrganisation, cell, d(2020, 1, 1)).await.unwrap();
    let links = org_admin::links(&db, &root, school).await.unwrap();
    let rows: Vec<(&str, &str, Option<NaiveDate>)> = links.iter().map(|l| (l.relation.as_str(), l.target_name.as_str(), l.valid_to)).collect();
    assert_eq!(
        rows,
        vec![
            ("party_organisation", "Chi bộ THPT Tân Hà", None),
            ("deciding_committee", "Đảng ủy xã Tân Hà", None),
            ("deciding_committee", "Huyện ủy Lâm Hà", Some(d(2025, 6, 30))),
        ]
    );
    assert_eq!(nguon_domain::org::effective_target(&db, school, Relation::DecidingCommittee, d(2024, 3, 1)).await.unwrap(), Some(district));

    // A school administrator sees and edits only their school's subtree.
    let school_admin = Actor { user_id: root.user_id, grants: vec![(Role::Administrator, school)] };
    let theirs: Vec<i64> = org_admin::tree(&db, &school_admin).await.unwrap().iter().map(|u| u.id).collect();
    assert_eq!(theirs.len(), 3);
    assert_eq!(theirs[0], school);
    let out_of_scope = org_admin::create_unit(&db, &school_admin, &c, add("school", "THPT Khác", commune)).await;
    assert_eq!(out_of_scope, Err(AppError::NotFound));
    assert_eq!(org_admin::links(&db, &school_admin, school).await.map(|l| l.len()), Ok(3));
    let mentor = Actor { user_id: root.user_id, grants: vec![(Role::Mentor, school)] };
    assert_eq!(org_admin::tree(&db, &mentor).await, Err(AppError::Forbidden));
}

both_engines!(staff_grants_and_audit, organisation_tree_admin);
