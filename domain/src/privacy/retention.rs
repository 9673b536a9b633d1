//! The retention rule: students who left school more than the rule's years
//! ago (the end of the last school year they were placed in), without a
//! candidacy, are anonymised. Run by `nguon-server retention [--dry-run]`.

use super::erasure::{anonymise_in, may_anonymise, Cause};
use super::rules::past_retention;
use crate::audit::AuditContext;
use crate::entities::{candidacy, enrolment, org_unit, school_year, student};
use crate::policy::UnitKind;
use crate::rules_config::{self, PRIVACY};
use chrono::NaiveDate;
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::{HashMap, HashSet};

/// A student the rule reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reached {
    /// Student id.
    pub student_id: i64,
    /// The school.
    pub school_id: i64,
    /// The last day of the last school year they were placed in.
    pub left_on: NaiveDate,
}

/// What a run found and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RetentionReport {
    /// Schools looked at.
    pub schools: u32,
    /// Students the rule reaches.
    pub reached: Vec<Reached>,
    /// How many were anonymised (0 on a dry run).
    pub anonymised: u32,
}

/// The students the rule reaches on `today`, school by school.
pub async fn reached(db: &DatabaseConnection, today: NaiveDate) -> Result<(u32, Vec<Reached>), AppError> {
    let schools = org_unit::Entity::find().filter(org_unit::Column::Kind.eq(UnitKind::School.code())).all(db).await?;
    let mut out = Vec::new();
    for school in &schools {
        let years = rules_config::value(db, &PRIVACY, school.id, today).await?.retention_years;
        let ends: HashMap<i64, NaiveDate> =
            school_year::Entity::find().filter(school_year::Column::SchoolId.eq(school.id)).all(db).await?.into_iter().map(|y| (y.id, y.ends_on)).collect();
        let mut left: HashMap<i64, NaiveDate> = HashMap::new();
        for e in enrolment::Entity::find().filter(enrolment::Column::SchoolYearId.is_in(ends.keys().copied().collect::<Vec<_>>())).all(db).await? {
            let end = ends[&e.school_year_id];
            left.entry(e.student_id).and_modify(|d| *d = (*d).max(end)).or_insert(end);
        }
        let candidates: HashSet<i64> =
            candidacy::Entity::find().filter(candidacy::Column::SchoolId.eq(school.id)).all(db).await?.into_iter().map(|c| c.student_id).collect();
        let students = student::Entity::find().filter(student::Column::SchoolId.eq(school.id)).filter(student::Column::AnonymisedAt.is_null()).all(db).await?;
        for s in students {
            if let Some(&left_on) = left.get(&s.id) {
                if !candidates.contains(&s.id) && past_retention(left_on, years, today) {
                    out.push(Reached { student_id: s.id, school_id: school.id, left_on });
                }
            }
        }
    }
    Ok((schools.len() as u32, out))
}

/// Applies the rule (or, on a dry run, only says whom it reaches). Each
/// student is anonymised in their own transaction, recorded in the audit
/// log as the retention rule's doing.
pub async fn run(db: &DatabaseConnection, today: NaiveDate, dry_run: bool) -> Result<RetentionReport, AppError> {
    let (schools, reached) = reached(db, today).await?;
    let mut anonymised = 0;
    if !dry_run {
        let ctx = AuditContext::default();
        for r in &reached {
            let txn = crate::db::begin_write(db).await?;
            let Some(s) = student::Entity::find_by_id(r.student_id).one(&txn).await? else { continue };
            if may_anonymise(&txn, &s).await? {
                anonymise_in(&txn, &ctx, &s, Cause::Retention).await?;
                anonymised += 1;
            }
            txn.commit().await?;
        }
    }
    Ok(RetentionReport { schools, reached, anonymised })
}
