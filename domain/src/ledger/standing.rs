//! Totals and rankings read from the maintained per-student totals: one
//! grouped query per ranking, whatever the number of entries behind it.

use super::rules;
use crate::entities::{class, enrolment, school_year, student, student_total};
use crate::names::{self, PersonName};
use crate::policy::{authorize, unit_chain, Actor, Permission};
use nguon_shared::ledger::RankRow;
use nguon_shared::AppError;
use sea_orm::sea_query::{Alias, Expr, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
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

/// Approved points per student for a year (optionally one semester or category).
pub async fn points_by_student<C: ConnectionTrait>(
    conn: &C,
    year_id: i64,
    semester: Option<i16>,
    category_id: Option<i64>,
) -> Result<HashMap<i64, i64>, AppError> {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast it back for one decoding on both engines.
    let mut q = student_total::Entity::find()
        .select_only()
        .column(student_total::Column::StudentId)
        .expr_as(Func::cast_as(Func::sum(Expr::col(student_total::Column::Points)), Alias::new("BIGINT")), "points")
        .filter(student_total::Column::SchoolYearId.eq(year_id));
    if let Some(s) = semester {
        q = q.filter(student_total::Column::Semester.eq(s));
    }
    if let Some(c) = category_id {
        q = q.filter(student_total::Column::CategoryId.eq(c));
    }
    let rows: Vec<(i64, Option<i64>)> = q.group_by(student_total::Column::StudentId).into_tuple().all(conn).await?;
    Ok(rows.into_iter().map(|(s, p)| (s, p.unwrap_or(0))).collect())
}

/// Ranks the students of a scope (everyone placed in a class that year,
/// with 0 when they have no points), ties explicit, class-list order within a tie.
pub async fn ranking<C: ConnectionTrait>(conn: &C, actor: &Actor, q: RankingQuery) -> Result<Vec<RankRow>, AppError> {
    let year = school_year::Entity::find_by_id(q.year_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let chain = unit_chain(conn, year.school_id).await?;
    authorize(actor, Permission::ViewStudents, &chain).map_err(|_| AppError::NotFound)?;
    let classes: HashMap<i64, class::Model> = class::Entity::find()
        .filter(class::Column::SchoolYearId.eq(year.id))
        .all(conn)
        .await?
        .into_iter()
        .filter(|c| match q.scope {
            Scope::School => true,
            Scope::Grade(g) => c.grade == g,
            Scope::Class(id) => c.id == id,
        })
        .map(|c| (c.id, c))
        .collect();
    if let Scope::Class(id) = q.scope {
        if !classes.contains_key(&id) {
            return Err(AppError::NotFound);
        }
    }
    let placed: Vec<(i64, i64)> = enrolment::Entity::find()
        .filter(enrolment::Column::SchoolYearId.eq(year.id))
        .filter(enrolment::Column::ClassId.is_in(classes.keys().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|e| (e.student_id, e.class_id))
        .collect();
    let class_of: HashMap<i64, i64> = placed.iter().copied().collect();
    let people: HashMap<i64, PersonName> = student::Entity::find()
        .filter(student::Column::Id.is_in(class_of.keys().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, PersonName { family: s.family_name, middle: s.middle_name, given: s.given_name }))
        .collect();
    let points = points_by_student(conn, year.id, q.semester, q.category_id).await?;
    let mut ids: Vec<i64> = people.keys().copied().collect();
    ids.sort_by(|a, b| names::compare_names(&people[a], &people[b]).then(a.cmp(b)));
    let items: Vec<(i64, i64)> = ids.iter().map(|id| (*id, points.get(id).copied().unwrap_or(0))).collect();
    Ok(rules::rank(&items)
        .into_iter()
        .map(|r| RankRow {
            student_id: r.key,
            name: people[&r.key].full(),
            class_name: class_of.get(&r.key).and_then(|c| classes.get(c)).map(|c| c.name.clone()).unwrap_or_default(),
            points: r.points,
            rank: r.rank,
            tied: r.tied,
        })
        .collect())
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
