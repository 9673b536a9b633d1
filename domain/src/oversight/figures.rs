//! The counts that do not come from stage events — union members on the
//! rolls, the union's proposals, certificates, awareness classes — each one
//! aggregate query over the schools shown, and the few personal facts the
//! breakdowns count (never shown one by one).

use super::history::placeholders;
use crate::local_time::midnight;
use chrono::NaiveDate;
use nguon_shared::views::oversight::AwarenessFigures;
use nguon_shared::AppError;
use sea_orm::{ConnectionTrait, FromQueryResult, Value};

/// A single count.
#[derive(FromQueryResult)]
struct One {
    n: i64,
}

async fn count<C: ConnectionTrait>(conn: &C, text: &str, values: Vec<Value>) -> Result<u32, AppError> {
    let row = One::find_by_statement(crate::sql::statement(conn.get_database_backend(), text, values)).one(conn).await?;
    Ok(row.map_or(0, |r| r.n.max(0) as u32))
}

fn ids(schools: &[i64]) -> Vec<Value> {
    schools.iter().map(|s| (*s).into()).collect()
}

/// Union members on the rolls of `schools` in a school year overlapping the
/// period, who had joined by its end.
pub async fn union_members<C: ConnectionTrait>(conn: &C, schools: &[i64], from: NaiveDate, to: NaiveDate) -> Result<u32, AppError> {
    if schools.is_empty() {
        return Ok(0);
    }
    let text = format!(
        "SELECT COUNT(DISTINCT e.student_id) AS n FROM enrolments e JOIN school_years y ON y.id = e.school_year_id \
         JOIN students s ON s.id = e.student_id WHERE y.school_id IN ({}) AND y.starts_on <= ? AND y.ends_on >= ? \
         AND s.union_joined_on IS NOT NULL AND s.union_joined_on <= ?",
        placeholders(schools.len())
    );
    let mut values = ids(schools);
    values.extend([to.into(), from.into(), to.into()]);
    count(conn, &text, values).await
}

/// Students the union proposed in the period.
pub async fn proposed<C: ConnectionTrait>(conn: &C, schools: &[i64], from: NaiveDate, to: NaiveDate) -> Result<u32, AppError> {
    if schools.is_empty() {
        return Ok(0);
    }
    let text = format!(
        "SELECT COUNT(DISTINCT student_id) AS n FROM pool_proposals WHERE school_id IN ({}) AND proposed_at >= ? AND proposed_at < ?",
        placeholders(schools.len())
    );
    let mut values = ids(schools);
    values.extend([midnight(from).into(), midnight(to + chrono::Days::new(1)).into()]);
    count(conn, &text, values).await
}

/// Awareness-class certificates issued in the period to the schools' candidates.
pub async fn certificates<C: ConnectionTrait>(conn: &C, schools: &[i64], from: NaiveDate, to: NaiveDate) -> Result<u32, AppError> {
    if schools.is_empty() {
        return Ok(0);
    }
    let text = format!(
        "SELECT COUNT(DISTINCT ce.candidacy_id) AS n FROM certificates ce JOIN candidacies c ON c.id = ce.candidacy_id \
         WHERE c.school_id IN ({}) AND ce.issued_on >= ? AND ce.issued_on <= ?",
        placeholders(schools.len())
    );
    let mut values = ids(schools);
    values.extend([from.into(), to.into()]);
    count(conn, &text, values).await
}

/// Classes started in the period with trainees from the schools, their trainees and those who completed.
pub async fn awareness<C: ConnectionTrait>(conn: &C, schools: &[i64], from: NaiveDate, to: NaiveDate) -> Result<AwarenessFigures, AppError> {
    /// The three counts.
    #[derive(FromQueryResult)]
    struct Row {
        classes: i64,
        trainees: i64,
        completed: Option<i64>,
    }
    if schools.is_empty() {
        return Ok(AwarenessFigures::default());
    }
    let text = format!(
        "SELECT COUNT(DISTINCT a.class_id) AS classes, COUNT(*) AS trainees, \
         SUM(CASE WHEN a.certificate_id IS NULL THEN 0 ELSE 1 END) AS completed \
         FROM awareness_enrolments a JOIN awareness_classes k ON k.id = a.class_id JOIN candidacies c ON c.id = a.candidacy_id \
         WHERE c.school_id IN ({}) AND k.starts_on >= ? AND k.starts_on <= ?",
        placeholders(schools.len())
    );
    let mut values = ids(schools);
    values.extend([from.into(), to.into()]);
    let row = Row::find_by_statement(crate::sql::statement(conn.get_database_backend(), &text, values)).one(conn).await?;
    Ok(row.map_or_else(AwarenessFigures::default, |r| AwarenessFigures {
        classes: r.classes.max(0) as u32,
        trainees: r.trainees.max(0) as u32,
        completed: r.completed.unwrap_or(0).max(0) as u32,
    }))
}

/// The facts of a student the breakdowns count.
#[derive(Clone, Debug, FromQueryResult)]
pub struct Facts {
    /// Student id.
    pub id: i64,
    /// `male`, `female`, `other` or none.
    pub gender: Option<String>,
    /// As recorded.
    pub ethnicity: Option<String>,
    /// Joined the Youth Union.
    pub union_joined_on: Option<NaiveDate>,
    /// Born.
    pub date_of_birth: NaiveDate,
    /// Grade of the latest placement.
    pub grade: Option<i32>,
}

/// The facts of `students`, read a thousand at a time.
pub async fn facts<C: ConnectionTrait>(conn: &C, students: &[i64]) -> Result<Vec<Facts>, AppError> {
    let mut out = Vec::with_capacity(students.len());
    for chunk in students.chunks(1000) {
        let text = format!(
            "SELECT s.id, s.gender, s.ethnicity, s.union_joined_on, s.date_of_birth, \
             (SELECT CAST(MAX(c.grade) AS INTEGER) FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE e.student_id = s.id) AS grade \
             FROM students s WHERE s.id IN ({})",
            placeholders(chunk.len())
        );
        let rows = Facts::find_by_statement(crate::sql::statement(conn.get_database_backend(), &text, ids(chunk))).all(conn).await?;
        out.extend(rows);
    }
    Ok(out)
}

/// The full names of `students`, by id (a page's short list).
pub async fn student_names<C: ConnectionTrait>(conn: &C, students: &[i64]) -> Result<std::collections::HashMap<i64, String>, AppError> {
    use crate::entities::student;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    if students.is_empty() {
        return Ok(Default::default());
    }
    let rows = student::Entity::find().filter(student::Column::Id.is_in(students.to_vec())).all(conn).await?;
    Ok(rows.into_iter().map(|s| (s.id, s.person_name().full())).collect())
}
