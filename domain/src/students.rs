//! Student lists per school and class, with filters, accent-free search and
//! Vietnamese class-list order, under the access policy.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{class, school_year};
use crate::sql;
use crate::policy::{authorize, unit_chain, Actor, Permission};
use chrono::NaiveDate;
use nguon_shared::views::StudentRow;
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, Value};

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

/// The latest date of birth of someone who has reached `years` on `on`
/// (so [`reached_age`] is `date_of_birth <= cutoff`): 29 February counts as
/// reached on 28 February in common years.
pub fn born_by(years: u32, on: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let cutoff = on.checked_sub_months(chrono::Months::new(years * 12))?;
    let leap_day = NaiveDate::from_ymd_opt(cutoff.year(), 2, 29);
    Some(match leap_day {
        Some(leap) if on.month() == 2 && on.day() == 28 && cutoff.month() == 2 && cutoff.day() == 28 => leap,
        _ => cutoff,
    })
}

/// Which rows of a list: `offset` rows skipped, at most `limit` (`None`: all).
#[derive(Clone, Copy, Debug, Default)]
pub struct Window {
    /// Rows skipped.
    pub offset: usize,
    /// Rows returned at most.
    pub limit: Option<usize>,
}

/// One page of a list, and how many rows the whole list has.
#[derive(Clone, Debug, Default)]
pub struct Page<T> {
    /// The rows of the page.
    pub rows: Vec<T>,
    /// Rows in the whole list.
    pub total: u32,
}

/// One row of the list query.
#[derive(Debug, sea_orm::FromQueryResult)]
struct ListedStudent {
    id: i64,
    student_code: Option<String>,
    family_name: String,
    middle_name: String,
    given_name: String,
    date_of_birth: NaiveDate,
    union_joined_on: Option<NaiveDate>,
    ethnicity: Option<String>,
    religion: Option<String>,
    class_name: Option<String>,
    grade: Option<i16>,
    total: i64,
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
    Ok(list_page(conn, actor, ctx, school_id, filter, Window::default(), today).await?.rows)
}

/// One page of [`list`]: the database filters, orders (by the stored
/// collation key) and cuts the page, so a request reads only what it shows;
/// a sensitive read is logged for the students shown.
pub async fn list_page<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ctx: &AuditContext,
    school_id: i64,
    filter: &StudentFilter,
    window: Window,
    today: NaiveDate,
) -> Result<Page<StudentRow>, AppError> {
    let chain = unit_chain(conn, school_id).await?;
    // A school the actor may not see answers exactly like a missing one.
    authorize(actor, Permission::ViewStudents, &chain).map_err(|_| AppError::NotFound)?;
    let sensitive = authorize(actor, Permission::ViewSensitive, &chain).is_ok();

    let years = school_year::Entity::find().filter(school_year::Column::SchoolId.eq(school_id)).all(conn).await?;
    let year = match filter.school_year_id {
        Some(id) => Some(years.iter().find(|y| y.id == id).ok_or(AppError::NotFound)?),
        None => pick_year(&years, today),
    };
    // No year: no placement matches id 0, so every class column is empty.
    let mut values: Vec<Value> = vec![year.map_or(0, |y| y.id).into(), school_id.into()];
    let mut conditions = String::new();
    if let Some(c) = filter.class_id {
        conditions.push_str(" AND c.id = ?");
        values.push(c.into());
    }
    if let Some(g) = filter.grade {
        conditions.push_str(" AND c.grade = ?");
        values.push(g.into());
    }
    if filter.union_members_only {
        conditions.push_str(" AND s.union_joined_on IS NOT NULL");
    }
    if let Some(on) = filter.adult_on {
        match born_by(18, on) {
            Some(cutoff) => {
                conditions.push_str(" AND s.date_of_birth <= ?");
                values.push(cutoff.into());
            }
            None => conditions.push_str(" AND 1 = 0"),
        }
    }
    if let Some(q) = filter.query.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let (words, word_values) = sql::words_start("s.search_key", q);
        let by_name = if words.is_empty() { "1 = 0".to_string() } else { words };
        conditions.push_str(&format!(" AND (({by_name}) OR LOWER(s.student_code) = ?)"));
        values.extend(word_values);
        values.push(q.to_lowercase().into());
    }
    let text = format!(
        "SELECT s.id, s.student_code, s.family_name, s.middle_name, s.given_name, s.date_of_birth, s.union_joined_on, \
                s.ethnicity, s.religion, c.name AS class_name, c.grade, COUNT(*) OVER () AS total \
         FROM students s \
         LEFT JOIN enrolments e ON e.student_id = s.id AND e.school_year_id = ? \
         LEFT JOIN classes c ON c.id = e.class_id \
         WHERE s.school_id = ?{conditions} \
         ORDER BY s.name_key, s.id"
    );
    let backend = conn.get_database_backend();
    let (found, total) = match window.limit {
        None => {
            let found = ListedStudent::find_by_statement(sql::statement(backend, &text, values)).all(conn).await?;
            let total = found.len() as u32;
            (found, total)
        }
        Some(n) => {
            let paged = |offset: usize, n: usize| {
                let mut v = values.clone();
                v.push((n as i64).into());
                v.push((offset as i64).into());
                sql::statement(backend, &format!("{text} LIMIT ? OFFSET ?"), v)
            };
            let found = ListedStudent::find_by_statement(paged(window.offset, n)).all(conn).await?;
            let total = match found.first() {
                Some(r) => r.total as u32,
                // Past the end, the count comes from the list's first row.
                None if window.offset > 0 => ListedStudent::find_by_statement(paged(0, 1)).one(conn).await?.map_or(0, |r| r.total as u32),
                None => 0,
            };
            (found, total)
        }
    };
    let rows: Vec<StudentRow> = found
        .into_iter()
        .map(|s| StudentRow {
            id: s.id,
            code: s.student_code,
            family_name: s.family_name,
            middle_name: s.middle_name,
            given_name: s.given_name,
            date_of_birth: s.date_of_birth,
            class_name: s.class_name,
            grade: s.grade,
            union_joined_on: s.union_joined_on,
            ethnicity: if sensitive { s.ethnicity } else { None },
            religion: if sensitive { s.religion } else { None },
            sensitive_visible: sensitive,
        })
        .collect();

    let own_school_officer = actor
        .grants
        .iter()
        .any(|(role, unit)| *unit == school_id && crate::policy::role_allows(*role, Permission::ViewSensitive));
    if sensitive && !own_school_officer && !rows.is_empty() {
        audit::record(
            conn,
            ctx,
            AuditEntry {
                action: "read_sensitive",
                entity: "student_list",
                entity_id: Some(school_id.to_string()),
                before: None,
                after: Some(serde_json::json!({ "students": rows.iter().map(|r| r.id).collect::<Vec<_>>() })),
            },
        )
        .await?;
    }
    Ok(Page { rows, total })
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

    #[test]
    fn born_by_agrees_with_the_exact_day_rule() {
        // Every day of two leap cycles, against every birthday within a few days of the cutoff.
        let mut on = d(2024, 1, 1);
        while on <= d(2028, 12, 31) {
            let cutoff = born_by(18, on).unwrap();
            for delta in -3..=3 {
                let dob = cutoff + chrono::Duration::days(delta);
                assert_eq!(dob <= cutoff, reached_age(dob, 18, on), "{dob} on {on}");
            }
            on = on.succ_opt().unwrap();
        }
    }
}
