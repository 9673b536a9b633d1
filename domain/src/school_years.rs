//! School years, their two semesters, classes, and the yearly roll-over
//! that moves every student up a grade while keeping last year's classes.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{class, enrolment, org_unit, school_year, semester};
use crate::policy::{authorize_at, Actor, Permission};
use chrono::NaiveDate;
use nguon_shared::views::{RollOverSummary, SchoolYearView};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use std::collections::HashMap;

/// A new school year as the form gives it.
#[derive(Clone, Debug)]
pub struct NewSchoolYear {
    /// The school.
    pub school_id: i64,
    /// First day of semester 1.
    pub starts_on: NaiveDate,
    /// First day of semester 2.
    pub second_semester_on: NaiveDate,
    /// Last day of the year.
    pub ends_on: NaiveDate,
}

/// Pure rule: the name of a year ("2025-2026") and its semesters, or what
/// is wrong with the dates (in order, within 13 months).
pub fn plan_year(y: &NewSchoolYear) -> Result<(String, [(i16, NaiveDate, NaiveDate); 2]), AppError> {
    let mut errors = Vec::new();
    if y.second_semester_on <= y.starts_on {
        errors.push(FieldError::new("second_semester_on", ErrorCode::InvalidValue));
    }
    if y.ends_on <= y.second_semester_on {
        errors.push(FieldError::new("ends_on", ErrorCode::InvalidValue));
    }
    if y.starts_on.checked_add_months(chrono::Months::new(13)).is_none_or(|limit| y.ends_on > limit) {
        errors.push(FieldError::new("ends_on", ErrorCode::InvalidValue));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    use chrono::Datelike;
    let name = format!("{}-{}", y.starts_on.year(), y.ends_on.year().max(y.starts_on.year() + 1));
    let last_of_first = y.second_semester_on.pred_opt().expect("after starts_on");
    Ok((name, [(1, y.starts_on, last_of_first), (2, y.second_semester_on, y.ends_on)]))
}

/// Pure rule: the class a class becomes next year ("10A1" → "11A1"), or
/// `None` for grade 12 (the students leave).
pub fn next_class_name(name: &str, grade: i16) -> Option<(String, i16)> {
    if !(10..12).contains(&grade) {
        return None;
    }
    let digits = grade.to_string();
    let rest = name.strip_prefix(&digits)?;
    Some((format!("{}{rest}", grade + 1), grade + 1))
}

async fn require<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<(), AppError> {
    authorize_at(conn, actor, Permission::ManageOrganisation, school_id).await
}

/// The school a school year belongs to (missing years answer `NotFound`;
/// callers authorise on the school).
pub async fn school_of<C: ConnectionTrait>(conn: &C, year_id: i64) -> Result<i64, AppError> {
    Ok(school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?.school_id)
}

/// The school years of every school the actor administers, newest first.
pub async fn list<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<SchoolYearView>, AppError> {
    list_for(conn, actor, Permission::ManageOrganisation).await
}

/// The school years of every school where the actor holds `permission`,
/// school by school, newest first. Four queries whatever the number of schools.
pub async fn list_for<C: ConnectionTrait>(conn: &C, actor: &Actor, permission: Permission) -> Result<Vec<SchoolYearView>, AppError> {
    let schools = crate::org::schools_in_scope(conn, actor, permission).await?;
    if schools.is_empty() {
        return Ok(Vec::new());
    }
    let years = school_year::Entity::find()
        .filter(school_year::Column::SchoolId.is_in(schools.iter().map(|s| s.id)))
        .order_by_desc(school_year::Column::StartsOn)
        .all(conn)
        .await?;
    let year_ids: Vec<i64> = years.iter().map(|y| y.id).collect();
    let mut semesters: HashMap<i64, Vec<(i16, NaiveDate, NaiveDate)>> = HashMap::new();
    for s in semester::Entity::find()
        .filter(semester::Column::SchoolYearId.is_in(year_ids.clone()))
        .order_by_asc(semester::Column::Number)
        .all(conn)
        .await?
    {
        semesters.entry(s.school_year_id).or_default().push((s.number, s.starts_on, s.ends_on));
    }
    let classes = count_by_year(conn, class::Entity::find().filter(class::Column::SchoolYearId.is_in(year_ids.clone())), class::Column::SchoolYearId).await?;
    let students =
        count_by_year(conn, enrolment::Entity::find().filter(enrolment::Column::SchoolYearId.is_in(year_ids)), enrolment::Column::SchoolYearId).await?;
    let mut out = Vec::with_capacity(years.len());
    for school in &schools {
        for y in years.iter().filter(|y| y.school_id == school.id) {
            out.push(SchoolYearView {
                id: y.id,
                school_id: school.id,
                school_name: school.name.clone(),
                name: y.name.clone(),
                starts_on: y.starts_on,
                ends_on: y.ends_on,
                semesters: semesters.remove(&y.id).unwrap_or_default(),
                classes: classes.get(&y.id).copied().unwrap_or(0),
                students: students.get(&y.id).copied().unwrap_or(0),
            });
        }
    }
    Ok(out)
}

/// Rows of `query` counted per school year (`year_column`).
async fn count_by_year<C: ConnectionTrait, E: EntityTrait>(conn: &C, query: sea_orm::Select<E>, year_column: E::Column) -> Result<HashMap<i64, u32>, AppError> {
    use sea_orm::{QuerySelect, sea_query::Expr};
    let rows: Vec<(i64, i64)> = query
        .select_only()
        .column(year_column)
        .expr_as(Expr::cust("COUNT(*)"), "n")
        .group_by(year_column)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().map(|(y, n)| (y, n as u32)).collect())
}

/// Creates a school year with its two semesters. Refuses overlapping years.
pub async fn create(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: NewSchoolYear) -> Result<i64, AppError> {
    require(db, actor, input.school_id).await?;
    let school = org_unit::Entity::find_by_id(input.school_id).one(db).await?.ok_or(AppError::NotFound)?;
    if school.kind != crate::policy::UnitKind::School.code() {
        return Err(AppError::invalid("school", ErrorCode::InvalidValue));
    }
    let (name, semesters) = plan_year(&input)?;
    let txn = crate::db::begin_write(db).await?;
    let existing = school_year::Entity::find().filter(school_year::Column::SchoolId.eq(input.school_id)).all(&txn).await?;
    if existing.iter().any(|y| y.name == name || (y.starts_on <= input.ends_on && input.starts_on <= y.ends_on)) {
        return Err(AppError::invalid("starts_on", ErrorCode::InvalidValue));
    }
    let year = school_year::ActiveModel {
        school_id: Set(input.school_id),
        name: Set(name.clone()),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (number, starts, ends) in semesters {
        semester::ActiveModel { school_year_id: Set(year.id), number: Set(number), starts_on: Set(starts), ends_on: Set(ends), ..Default::default() }
            .insert(&txn)
            .await?;
    }
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "create",
            entity: "school_year",
            entity_id: Some(year.id.to_string()),
            before: None,
            after: Some(serde_json::json!({
                "school_id": input.school_id, "name": name, "starts_on": input.starts_on.to_string(),
                "second_semester_on": input.second_semester_on.to_string(), "ends_on": input.ends_on.to_string(),
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(year.id)
}

/// The classes of a school year (grade, then name with numbers in order),
/// with homeroom teachers and sizes; and the school's staff who may be
/// homeroom teachers, in class-list order.
pub async fn classes<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    year_id: i64,
) -> Result<(Vec<nguon_shared::views::ClassRow>, Vec<(i64, String)>), AppError> {
    use crate::entities::staff;
    let year = school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    require(conn, actor, year.school_id).await?;
    let classes = class::Entity::find().filter(class::Column::SchoolYearId.eq(year.id)).all(conn).await?;
    let mut staff_names: Vec<(crate::names::PersonName, i64)> = staff::Entity::find()
        .filter(staff::Column::SchoolId.eq(year.school_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (crate::names::PersonName { family: t.family_name, middle: t.middle_name, given: t.given_name }, t.id))
        .collect();
    staff_names.sort_by(|(a, _), (b, _)| crate::names::compare_names(a, b));
    let options: Vec<(i64, String)> = staff_names.into_iter().map(|(n, id)| (id, n.full())).collect();
    let teachers: HashMap<i64, String> = options.iter().cloned().collect();
    let mut sizes: HashMap<i64, u32> = HashMap::new();
    for e in enrolment::Entity::find().filter(enrolment::Column::SchoolYearId.eq(year.id)).all(conn).await? {
        *sizes.entry(e.class_id).or_default() += 1;
    }
    let mut rows: Vec<nguon_shared::views::ClassRow> = classes
        .into_iter()
        .map(|c| nguon_shared::views::ClassRow {
            id: c.id,
            homeroom: c.homeroom_staff_id.and_then(|id| teachers.get(&id).map(|n| (id, n.clone()))),
            students: sizes.get(&c.id).copied().unwrap_or(0),
            name: c.name,
            grade: c.grade,
        })
        .collect();
    rows.sort_by(|a, b| a.grade.cmp(&b.grade).then_with(|| class_order(&a.name).cmp(&class_order(&b.name))));
    Ok((rows, options))
}

/// Sort key of a class name: "10A2" before "10A10".
pub fn class_order(name: &str) -> (String, u32) {
    let digits = name.chars().rev().take_while(char::is_ascii_digit).count();
    let (head, tail) = name.split_at(name.len() - digits);
    (head.to_string(), tail.parse().unwrap_or(0))
}

/// Adds a class to a school year by hand (imports create them too).
pub async fn create_class(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, year_id: i64, name: &str) -> Result<i64, AppError> {
    let txn = crate::db::begin_write(db).await?;
    let year = school_year::Entity::find_by_id(year_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    require(&txn, actor, year.school_id).await?;
    let (name, grade) = crate::roster::fields::parse_class(name).map_err(|code| AppError::invalid("name", code))?;
    let exists = class::Entity::find()
        .filter(class::Column::SchoolYearId.eq(year.id))
        .filter(class::Column::Name.eq(name.as_str()))
        .one(&txn)
        .await?;
    if exists.is_some() {
        return Err(AppError::invalid("name", ErrorCode::InvalidValue));
    }
    let c = class::ActiveModel { school_year_id: Set(year.id), name: Set(name.clone()), grade: Set(grade), ..Default::default() }
        .insert(&txn)
        .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry::created("class", c.id, serde_json::json!({ "school_year_id": year.id, "name": name, "grade": grade })),
    )
    .await?;
    txn.commit().await?;
    Ok(c.id)
}

/// Sets (or clears) a class's homeroom teacher, a staff member of the same school.
pub async fn set_homeroom(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, class_id: i64, staff_id: Option<i64>) -> Result<(), AppError> {
    use crate::entities::staff;
    let txn = crate::db::begin_write(db).await?;
    let c = class::Entity::find_by_id(class_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let year = school_year::Entity::find_by_id(c.school_year_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    require(&txn, actor, year.school_id).await?;
    if let Some(id) = staff_id {
        let teacher = staff::Entity::find_by_id(id).one(&txn).await?;
        if teacher.is_none_or(|t| t.school_id != year.school_id) {
            return Err(AppError::invalid("homeroom", ErrorCode::InvalidValue));
        }
    }
    let before = c.homeroom_staff_id;
    let mut active: class::ActiveModel = c.into();
    active.homeroom_staff_id = Set(staff_id);
    active.update(&txn).await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "update",
            entity: "class",
            entity_id: Some(class_id.to_string()),
            before: Some(serde_json::json!({ "homeroom_staff_id": before })),
            after: Some(serde_json::json!({ "homeroom_staff_id": staff_id })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Moves every student of `from_year` up a grade into `to_year` (a later
/// year of the same school): 10A1 → 11A1, 11A1 → 12A1, creating missing
/// classes; grade 12 leaves. Students already placed in `to_year` stay where
/// they are, so running it twice changes nothing. One transaction, audited.
pub async fn roll_over(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    from_year: i64,
    to_year: i64,
) -> Result<RollOverSummary, AppError> {
    let txn = crate::db::begin_write(db).await?;
    let from = school_year::Entity::find_by_id(from_year).one(&txn).await?.ok_or(AppError::NotFound)?;
    require(&txn, actor, from.school_id).await?;
    let to = school_year::Entity::find_by_id(to_year).one(&txn).await?;
    let to = match to {
        Some(t) if t.school_id == from.school_id && t.starts_on > from.starts_on => t,
        _ => return Err(AppError::invalid("to_year", ErrorCode::InvalidValue)),
    };
    let old_classes = class::Entity::find().filter(class::Column::SchoolYearId.eq(from.id)).all(&txn).await?;
    let mut new_classes: HashMap<String, i64> = class::Entity::find()
        .filter(class::Column::SchoolYearId.eq(to.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|c| (c.name, c.id))
        .collect();
    let placed: std::collections::HashSet<i64> = enrolment::Entity::find()
        .filter(enrolment::Column::SchoolYearId.eq(to.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|e| e.student_id)
        .collect();
    let mut summary = RollOverSummary::default();
    for old in old_classes {
        let students = enrolment::Entity::find().filter(enrolment::Column::ClassId.eq(old.id)).all(&txn).await?;
        let Some((name, grade)) = next_class_name(&old.name, old.grade) else {
            summary.graduated += students.len() as u32;
            continue;
        };
        let class_id = match new_classes.get(&name) {
            Some(id) => *id,
            None => {
                let c = class::ActiveModel {
                    school_year_id: Set(to.id),
                    name: Set(name.clone()),
                    grade: Set(grade),
                    homeroom_staff_id: Set(old.homeroom_staff_id),
                    branch_unit_id: Set(None),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                summary.classes_created += 1;
                new_classes.insert(name, c.id);
                c.id
            }
        };
        for e in students {
            if placed.contains(&e.student_id) {
                summary.already_placed += 1;
                continue;
            }
            enrolment::ActiveModel { student_id: Set(e.student_id), class_id: Set(class_id), school_year_id: Set(to.id), ..Default::default() }
                .insert(&txn)
                .await?;
            summary.students_moved += 1;
        }
    }
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "roll_over",
            entity: "school_year",
            entity_id: Some(to.id.to_string()),
            before: None,
            after: Some(serde_json::json!({ "from_year": from.id, "summary": summary })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn year_names_and_semesters() {
        let y = NewSchoolYear { school_id: 1, starts_on: d(2026, 9, 5), second_semester_on: d(2027, 1, 11), ends_on: d(2027, 5, 31) };
        let (name, sem) = plan_year(&y).unwrap();
        assert_eq!(name, "2026-2027");
        assert_eq!(sem, [(1, d(2026, 9, 5), d(2027, 1, 10)), (2, d(2027, 1, 11), d(2027, 5, 31))]);
        let backwards = NewSchoolYear { second_semester_on: d(2026, 9, 1), ..y.clone() };
        assert!(matches!(plan_year(&backwards), Err(AppError::Invalid(e)) if e[0].field == "second_semester_on"));
        let too_long = NewSchoolYear { ends_on: d(2027, 10, 6), ..y };
        assert!(matches!(plan_year(&too_long), Err(AppError::Invalid(e)) if e[0].field == "ends_on"));
    }

    #[test]
    fn classes_move_up_a_grade() {
        assert_eq!(next_class_name("10A1", 10), Some(("11A1".into(), 11)));
        assert_eq!(next_class_name("11CT", 11), Some(("12CT".into(), 12)));
        assert_eq!(next_class_name("12A8", 12), None);
        // A name that does not start with its grade is not guessed at.
        assert_eq!(next_class_name("A1", 10), None);
    }

    #[test]
    fn class_names_sort_with_numbers_in_order() {
        let mut names = ["10A10", "10A2", "10A1", "10CT", "10A9"];
        names.sort_by_key(|n| class_order(n));
        assert_eq!(names, ["10A1", "10A2", "10A9", "10A10", "10CT"]);
    }
}
