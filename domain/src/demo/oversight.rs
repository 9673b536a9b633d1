//! The demo's oversight: plan 88-KH/HU of the former Lâm Hà district
//! committee, carried on by the commune's Party committee since 1/7/2025,
//! with this year's and last year's targets; a few students admitted over
//! the past months (their whole way written back from the ceremony); and
//! the committee's officer `demo.capuy`, so the dashboard has something
//! true to show.

use super::d;
use crate::accounts::{self, FullName, NewPassword, NewUser, Username};
use crate::audit::AuditContext;
use crate::entities::{class, enrolment, org_unit, role_grant, staff, student, user};
use crate::generate::pipeline::{admitted, Crew};
use crate::oversight::plans::{self, NewPlan, TargetInput};
use crate::policy::{Actor, UnitKind};
use chrono::{Datelike, Months, NaiveDate, Utc};
use nguon_shared::views::oversight::TargetFigures;
use nguon_shared::{AppError, Locale, Role};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

/// The demo's superior officer's login.
pub const SUPERIOR_LOGIN: &str = "demo.capuy";

/// Months before the loading day when the demo's ceremonies were held.
const CEREMONIES_MONTHS_AGO: [u32; 3] = [1, 3, 6];

/// Writes the plan, its targets, the admissions and the superior officer's account.
pub async fn load(db: &DatabaseConnection, ctx: &AuditContext, password: &str, top: i64, committee: i64, school: i64, year: i64, today: NaiveDate) -> Result<(), AppError> {
    let account = |login: &'static str| async move { user::Entity::find().filter(user::Column::Username.eq(login)).one(db).await?.ok_or(AppError::NotFound) };
    let capuy = {
        let txn = crate::db::begin_write(db).await?;
        let input = NewUser {
            username: Username::parse(SUPERIOR_LOGIN).map_err(|e| AppError::Invalid(vec![e]))?,
            full_name: FullName::parse("full_name", "Lương Văn Hòa (demo)").map_err(|e| AppError::Invalid(vec![e]))?,
            password: NewPassword::parse(password, password, SUPERIOR_LOGIN)?,
            locale: Locale::Vi,
        };
        let u = accounts::create_user(&txn, ctx, input).await?;
        accounts::grant_role(&txn, ctx, u.id, Role::SuperiorOfficer, committee).await?;
        txn.commit().await?;
        Actor { user_id: u.id, grants: vec![(Role::SuperiorOfficer, committee)] }
    };
    let capuy_ctx = AuditContext { actor_user_id: Some(capuy.user_id), client_addr: None };

    // The plan, recorded by the province's administrator, carried on by the commune.
    let admin_grant = role_grant::Entity::find()
        .filter(role_grant::Column::Role.eq(Role::Administrator.code()))
        .filter(role_grant::Column::OrgUnitId.eq(top))
        .order_by_asc(role_grant::Column::Id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let admin = Actor { user_id: admin_grant.user_id, grants: vec![(Role::Administrator, top)] };
    let district = org_unit::ActiveModel {
        kind: Set(UnitKind::PartyCommittee.code().into()),
        name: Set("Huyện ủy Lâm Hà (demo)".into()),
        parent_id: Set(Some(top)),
        valid_to: Set(Some(d(2025, 6, 30))),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let input = NewPlan {
        issuer_unit_id: district.id,
        number: "88-KH/HU".into(),
        issued_on: d(2023, 6, 14),
        title: "Phát triển đảng viên trong học sinh các trường THPT trên địa bàn huyện năm 2023 và những năm tiếp theo".into(),
        scope_unit_id: district.id,
        in_force_from: None,
        replaces_plan_id: None,
    };
    let admin_ctx = AuditContext { actor_user_id: Some(admin.user_id), client_addr: None };
    let plan = plans::create(db, &admin, &admin_ctx, input).await?;
    plans::adopt(db, &capuy, &capuy_ctx, plan, committee, d(2025, 7, 1)).await?;
    for year in [today.year() - 1, today.year()] {
        let whole = TargetFigures { new_members: Some(20), student_members: Some(5), trainees: Some(40) };
        let lines = vec![
            TargetInput { unit_id: district.id, figures: whole },
            TargetInput { unit_id: school, figures: TargetFigures { new_members: None, student_members: Some(5), trainees: Some(40) } },
        ];
        plans::set_targets(db, &capuy, &capuy_ctx, plan, year, lines).await?;
    }

    // Admissions over the past months: grade-12 union members of the later classes, 18 by the cell's vote.
    let members: Vec<i64> = staff::Entity::find()
        .filter(staff::Column::SchoolId.eq(school))
        .filter(staff::Column::PartyFullMemberSince.is_not_null())
        .order_by_asc(staff::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let twelfth: Vec<i64> = class::Entity::find().filter(class::Column::SchoolYearId.eq(year)).filter(class::Column::Grade.eq(12)).order_by_desc(class::Column::Id).all(db).await?.into_iter().map(|c| c.id).collect();
    let placed: Vec<i64> = enrolment::Entity::find().filter(enrolment::Column::ClassId.is_in(twelfth.into_iter().take(3))).all(db).await?.into_iter().map(|e| e.student_id).collect();
    let pupils = student::Entity::find().filter(student::Column::Id.is_in(placed)).filter(student::Column::UnionJoinedOn.is_not_null()).order_by_desc(student::Column::Id).all(db).await?;
    let mut chosen = Vec::new();
    for months in CEREMONIES_MONTHS_AGO {
        let ceremony = today.checked_sub_months(Months::new(months)).map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), 15).expect("a valid date")).ok_or(AppError::NotFound)?;
        let vote = ceremony.checked_sub_months(Months::new(2)).ok_or(AppError::NotFound)?;
        let of_age = pupils.iter().find(|p| !chosen.iter().any(|(id, _)| *id == p.id) && p.date_of_birth.checked_add_months(Months::new(18 * 12)).is_some_and(|a| a <= vote));
        if let Some(p) = of_age {
            chosen.push((p.id, ceremony));
        }
    }
    // The first member is demo.huongdan's record, whose two candidates the mentor's pages show: others mentored these.
    let crew = Crew { union_officer: account("demo.doan").await?.id, cell_officer: account("demo.chibo").await?.id, members: members.get(1..).unwrap_or(&[]) };
    let txn = crate::db::begin_write(db).await?;
    admitted(&txn, school, year, &crew, &chosen).await?;
    txn.commit().await?;
    Ok(())
}
