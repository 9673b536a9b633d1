//! Student lists per school and class, with filters, accent-free search and
//! Vietnamese class-list order, under the access policy.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{class, enrolment, school_year, student};
use crate::names::{self, PersonName};
use crate::policy::{authorize, unit_chain, Actor, Permission};
use chrono::NaiveDate;
use nguon_shared::views::StudentRow;
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// What a student list is narrowed to. Empty means everything.
#[derive(Clone, Debug, Default)]
pub struct StudentFilter {
    /// The school year whose classes are shown; default: the one containing
    /// `today`, else the latest.
    pub school_year_id: Option<i64>,
    /// Only this grade (10, 11, 12).
    pub grade: Option<i16>,
    /// Only this class.
    pub class_id: Option<i64>,
    /// Only Youth Union members.
    pub union_members_only: bool,
    /// Only students who are 18 (by exact birthday) on this date.
    pub adult_on: Option<NaiveDate>,
    /// Accent-free search: every word must start a word of the name or be the code.
    pub query: Option<String>,
}

/// Pure rule: has someone born on `dob` reached `years` of age on `on`?
/// Counted by exact day; a 29 February birthday is reached on 28 February in
/// common years.
pub fn reached_age(dob: NaiveDate, years: u32, on: NaiveDate) -> bool {
    dob.checked_add_months(chrono::Months::new(years * 12)).is_some_and(|birthday| birthday <= on)
}

/// The school year shown by default: the one containing `today`, else the latest start.
fn pick_year(years: &[school_year::Model], today: NaiveDate) -> Option<&school_year::Model> {
    years
        .iter()
        .find(|y| y.starts_on <= today && today <= y.ends_on)
        .or_else(|| years.iter().max_by_key(|y| y.starts_on))
}

/// Lists the students of `school_id` for `actor`, in class-list order.
///
/// Refused unless the actor may view students at that school. Ethnicity and
/// religion are disclosed only to roles allowed to see sensitive data; when
/// they are disclosed to someone whose role comes from above the school
/// (not one of the school's own officers), the read is written to the audit log.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ctx: &AuditContext,
    school_id: i64,
    filter: &StudentFilter,
    today: NaiveDate,
) -> Result<Vec<StudentRow>, AppError> {
    let chain = unit_chain(conn, school_id).await?;
    // A school the actor may not see answers exactly like a missing one.
    authorize(actor, Permission::ViewStudents, &chain).map_err(|_| AppError::NotFound)?;
    let sensitive = authorize(actor, Permission::ViewSensitive, &chain).is_ok();

    let years = school_year::Entity::find().filter(school_year::Column::SchoolId.eq(school_id)).all(conn).await?;
    let year = match filter.school_year_id {
        Some(id) => Some(years.iter().find(|y| y.id == id).ok_or(AppError::NotFound)?),
        None => pick_year(&years, today),
    };
    let (classes, placements): (HashMap<i64, class::Model>, HashMap<i64, i64>) = match year {
        Some(y) => {
            let classes = class::Entity::find().filter(class::Column::SchoolYearId.eq(y.id)).all(conn).await?;
            let enrolments =
                enrolment::Entity::find().filter(enrolment::Column::SchoolYearId.eq(y.id)).all(conn).await?;
            (
                classes.into_iter().map(|c| (c.id, c)).collect(),
                enrolments.into_iter().map(|e| (e.student_id, e.class_id)).collect(),
            )
        }
        None => Default::default(),
    };

    let mut q = student::Entity::find().filter(student::Column::SchoolId.eq(school_id));
    if filter.union_members_only {
        q = q.filter(student::Column::UnionJoinedOn.is_not_null());
    }
    let rows = q.order_by_asc(student::Column::Id).all(conn).await?;
    let query = filter.query.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let mut out: Vec<(PersonName, StudentRow)> = rows
        .into_iter()
        .filter_map(|s| {
            let class = placements.get(&s.id).and_then(|c| classes.get(c));
            if filter.class_id.is_some() && class.map(|c| c.id) != filter.class_id {
                return None;
            }
            if filter.grade.is_some() && class.map(|c| c.grade) != filter.grade {
                return None;
            }
            if filter.adult_on.is_some_and(|on| !reached_age(s.date_of_birth, 18, on)) {
                return None;
            }
            let name = s.person_name();
            if let Some(q) = query {
                let code_hit = s.student_code.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(q));
                if !code_hit && !names::matches(&name.full(), q) {
                    return None;
                }
            }
            let row = StudentRow {
                id: s.id,
                code: s.student_code,
                family_name: s.family_name,
                middle_name: s.middle_name,
                given_name: s.given_name,
                date_of_birth: s.date_of_birth,
                class_name: class.map(|c| c.name.clone()),
                grade: class.map(|c| c.grade),
                union_joined_on: s.union_joined_on,
                ethnicity: if sensitive { s.ethnicity } else { None },
                religion: if sensitive { s.religion } else { None },
                sensitive_visible: sensitive,
            };
            Some((name, row))
        })
        .collect();
    out.sort_by(|(a, ra), (b, rb)| names::compare_names(a, b).then(ra.id.cmp(&rb.id)));

    let own_school_officer = actor
        .grants
        .iter()
        .any(|(role, unit)| *unit == school_id && crate::policy::role_allows(*role, Permission::ViewSensitive));
    if sensitive && !own_school_officer && !out.is_empty() {
        audit::record(
            conn,
            ctx,
            AuditEntry {
                action: "read_sensitive",
                entity: "student_list",
                entity_id: Some(school_id.to_string()),
                before: None,
                after: Some(serde_json::json!({ "students": out.iter().map(|(_, r)| r.id).collect::<Vec<_>>() })),
            },
        )
        .await?;
    }
    Ok(out.into_iter().map(|(_, r)| r).collect())
}

/// The classes of a school's current (or latest) school year, by grade then
/// name, for users who may see its students.
pub async fn classes<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    school_id: i64,
    today: NaiveDate,
) -> Result<Vec<nguon_shared::views::ClassOption>, AppError> {
    let chain = unit_chain(conn, school_id).await?;
    authorize(actor, Permission::ViewStudents, &chain).map_err(|_| AppError::NotFound)?;
    let years = school_year::Entity::find().filter(school_year::Column::SchoolId.eq(school_id)).all(conn).await?;
    let Some(year) = pick_year(&years, today) else { return Ok(Vec::new()) };
    classes_in_year(conn, year.id).await
}

/// The classes of a school year, by grade then name. Not authorised here: the
/// caller has checked that the actor may see the year's school.
pub(crate) async fn classes_in_year<C: ConnectionTrait>(conn: &C, year_id: i64) -> Result<Vec<nguon_shared::views::ClassOption>, AppError> {
    let mut list: Vec<nguon_shared::views::ClassOption> = class::Entity::find()
        .filter(class::Column::SchoolYearId.eq(year_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| nguon_shared::views::ClassOption { id: c.id, name: c.name, grade: c.grade })
        .collect();
    use crate::school_years::class_order;
    list.sort_by(|a, b| a.grade.cmp(&b.grade).then_with(|| class_order(&a.name).cmp(&class_order(&b.name))));
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn age_by_exact_day() {
        let cases = [
            (d(2008, 5, 15), d(2026, 5, 14), false),
            (d(2008, 5, 15), d(2026, 5, 15), true),
            (d(2008, 2, 29), d(2026, 2, 27), false),
            (d(2008, 2, 29), d(2026, 2, 28), true),
            (d(2008, 12, 31), d(2026, 12, 31), true),
            (d(2008, 12, 31), d(2026, 12, 30), false),
        ];
        for (dob, on, expected) in cases {
            assert_eq!(reached_age(dob, 18, on), expected, "{dob} on {on}");
        }
    }
}
