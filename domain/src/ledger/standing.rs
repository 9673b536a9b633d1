//! Totals and rankings read from the maintained per-student totals: one
//! grouped query per ranking, whatever the number of entries behind it.

use super::rules;
use crate::entities::{class, enrolment, school_year};
use crate::names::PersonName;
use crate::sql;
use crate::policy::{authorize, unit_chain, Actor, Permission};
use nguon_shared::ledger::RankRow;
use nguon_shared::views::Slice;
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, Value};
use std::collections::HashMap;

/// Who is ranked together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole school.
    School,
    /// One grade (10, 11, 12).
    Grade(i16),
    /// One class.
    Class(i64),
}

/// A ranking to compute.
#[derive(Clone, Copy, Debug)]
pub struct RankingQuery {
    /// The school year.
    pub year_id: i64,
    /// Who is ranked together.
    pub scope: Scope,
    /// Semester 1 or 2; `None` for the whole year.
    pub semester: Option<i16>,
    /// One category; `None` for all.
    pub category_id: Option<i64>,
}

/// The query of approved points per student for a year (optionally one
/// semester or category), and its values: `student_id`, `points`.
fn totals_query(year_id: i64, semester: Option<i16>, category_id: Option<i64>) -> (String, Vec<Value>) {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back for one decoding on both engines.
    let mut text = String::from("SELECT student_id, CAST(SUM(points) AS BIGINT) AS points FROM student_totals WHERE school_year_id = ?");
    let mut values: Vec<Value> = vec![year_id.into()];
    if let Some(sem) = semester {
        text.push_str(" AND semester = ?");
        values.push(sem.into());
    }
    if let Some(cat) = category_id {
        text.push_str(" AND category_id = ?");
        values.push(cat.into());
    }
    text.push_str(" GROUP BY student_id");
    (text, values)
}

/// Approved points per student for a year (optionally one semester or category).
pub async fn points_by_student<C: ConnectionTrait>(
    conn: &C,
    year_id: i64,
    semester: Option<i16>,
    category_id: Option<i64>,
) -> Result<HashMap<i64, i64>, AppError> {
    let (text, values) = totals_query(year_id, semester, category_id);
    let rows: Vec<(i64, Option<i64>)> = sql::packed(conn, sql::statement(conn.get_database_backend(), &text, values), &["student_id", "points"]).await?;
    Ok(rows.into_iter().map(|(student, points)| (student, points.unwrap_or(0))).collect())
}

/// A page of a ranking: which names, how many rows.
#[derive(Clone, Debug, Default)]
pub struct RankFilter {
    /// A name search (empty: everyone); found students keep their true rank.
    pub search: String,
    /// How many rows to return (`None`: all).
    pub limit: Option<usize>,
}

/// One row of the ranking query.
#[derive(Debug, sea_orm::FromQueryResult)]
struct RankedRow {
    student_id: i64,
    family_name: String,
    middle_name: String,
    given_name: String,
    class_name: String,
    points: i64,
    rank: i64,
    same: i64,
    total: i64,
}

/// Ranks the students of a scope (everyone placed in a class that year,
/// with 0 when they have no points), ties explicit, class-list order within a
/// tie. The database ranks, searches and cuts the page, so a request reads
/// the rows it shows, not the whole roll.
pub async fn ranking_page<C: ConnectionTrait>(conn: &C, actor: &Actor, q: RankingQuery, f: &RankFilter) -> Result<Slice<RankRow>, AppError> {
    let year = school_year::Entity::find_by_id(q.year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let chain = unit_chain(conn, year.school_id).await?;
    authorize(actor, Permission::ViewStudents, &chain).map_err(|_| AppError::NotFound)?;
    if let Scope::Class(id) = q.scope {
        let class = class::Entity::find_by_id(id).one(conn).await?;
        if class.is_none_or(|c| c.school_year_id != year.id) {
            return Err(AppError::NotFound);
        }
    }
    let (totals, mut values) = totals_query(year.id, q.semester, q.category_id);
    values.push(year.id.into());
    let scope = match q.scope {
        Scope::School => String::new(),
        Scope::Grade(g) => {
            values.push(g.into());
            " AND c.grade = ?".to_string()
        }
        Scope::Class(id) => {
            values.push(id.into());
            " AND c.id = ?".to_string()
        }
    };
    let (found, words) = sql::words_start("search_key", &f.search);
    values.extend(words);
    let search = if found.is_empty() { String::new() } else { format!("WHERE {found}") };
    let limit = match f.limit {
        Some(n) => {
            values.push((n as i64).into());
            "LIMIT ?"
        }
        None => "",
    };
    let text = format!(
        "WITH pts AS ({totals}), \
         ranked AS (SELECT s.id AS student_id, s.family_name, s.middle_name, s.given_name, s.search_key, s.name_key, \
                c.name AS class_name, CAST(COALESCE(p.points, 0) AS BIGINT) AS points, \
                RANK() OVER (ORDER BY COALESCE(p.points, 0) DESC) AS rank, \
                COUNT(*) OVER (PARTITION BY COALESCE(p.points, 0)) AS same \
            FROM enrolments e JOIN students s ON s.id = e.student_id JOIN classes c ON c.id = e.class_id \
            LEFT JOIN pts p ON p.student_id = e.student_id \
            WHERE e.school_year_id = ?{scope}) \
         SELECT student_id, family_name, middle_name, given_name, class_name, points, rank, same, COUNT(*) OVER () AS total \
         FROM ranked {search} ORDER BY points DESC, name_key, student_id {limit}"
    );
    let rows = RankedRow::find_by_statement(sql::statement(conn.get_database_backend(), &text, values)).all(conn).await?;
    let total = rows.first().map_or(0, |r| r.total as u32);
    let rows = rows
        .into_iter()
        .map(|r| RankRow {
            student_id: r.student_id,
            name: PersonName { family: r.family_name, middle: r.middle_name, given: r.given_name }.full(),
            class_name: r.class_name,
            points: r.points,
            rank: r.rank as u32,
            tied: r.same > 1,
        })
        .collect();
    Ok(Slice { rows, total })
}

/// The whole ranking of a scope (see [`ranking_page`]).
pub async fn ranking<C: ConnectionTrait>(conn: &C, actor: &Actor, q: RankingQuery) -> Result<Vec<RankRow>, AppError> {
    Ok(ranking_page(conn, actor, q, &RankFilter::default()).await?.rows)
}

/// Class-branch totals for the class emulation table: the same approved
/// entries summed per class, ranked.
pub async fn class_totals<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    year_id: i64,
    semester: Option<i16>,
) -> Result<Vec<rules::Ranked<String>>, AppError> {
    let year = school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let chain = unit_chain(conn, year.school_id).await?;
    authorize(actor, Permission::ViewStudents, &chain).map_err(|_| AppError::NotFound)?;
    let classes: HashMap<i64, class::Model> =
        class::Entity::find().filter(class::Column::SchoolYearId.eq(year.id)).all(conn).await?.into_iter().map(|c| (c.id, c)).collect();
    let points = points_by_student(conn, year.id, semester, None).await?;
    let mut sums: HashMap<i64, i64> = classes.keys().map(|id| (*id, 0)).collect();
    for e in enrolment::Entity::find().filter(enrolment::Column::SchoolYearId.eq(year.id)).all(conn).await? {
        *sums.entry(e.class_id).or_default() += points.get(&e.student_id).copied().unwrap_or(0);
    }
    let mut names: Vec<(i16, String, i64)> = classes.values().map(|c| (c.grade, c.name.clone(), sums[&c.id])).collect();
    names.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| crate::school_years::class_order(&a.1).cmp(&crate::school_years::class_order(&b.1))));
    Ok(rules::rank(&names.into_iter().map(|(_, n, p)| (n, p)).collect::<Vec<_>>()))
}
