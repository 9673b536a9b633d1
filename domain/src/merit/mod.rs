//! Study and conduct results, the annual union classification, the
//! outstanding-student criteria and proposals, and a student's profile
//! timeline (domain.md §4): what the union judges outstanding students on.

pub mod classification;
pub mod outstanding;
pub mod profile;
pub mod results;
pub mod rules;

use crate::entities::{class, enrolment, school_year};
use crate::policy::{authorize_any_at, Actor, Permission};
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait};
use std::collections::HashMap;

/// A school year's students as the features here need them: each placed
/// student with their class, after the actor was authorised at the school.
pub(crate) struct YearRoll {
    /// The year.
    pub year: school_year::Model,
    /// Classes by id.
    pub classes: HashMap<i64, class::Model>,
    /// Student id → class id, for every student placed that year.
    pub class_of: HashMap<i64, i64>,
    /// Students by id: every placed student, or only the one asked for (see [`YearRoll::load_one`]).
    pub students: HashMap<i64, RollStudent>,
    /// Place of each loaded student in Vietnamese name order.
    name_order: HashMap<i64, usize>,
    /// Whether `students` holds only some of the placed students.
    pub partial: bool,
}

/// What the merit features read of a placed student (a whole roll is read
/// per request: only these columns, not the whole record).
#[derive(Clone, Debug)]
pub(crate) struct RollStudent {
    /// Student id.
    pub id: i64,
    /// Code in the school-management software.
    pub student_code: Option<String>,
    /// Họ.
    pub family_name: String,
    /// Tên đệm.
    pub middle_name: String,
    /// Tên.
    pub given_name: String,
    /// Date of birth.
    pub date_of_birth: chrono::NaiveDate,
    /// Date of joining the Youth Union.
    pub union_joined_on: Option<chrono::NaiveDate>,
}

impl RollStudent {
    /// The student's name in its three parts.
    pub fn person_name(&self) -> crate::names::PersonName {
        crate::names::PersonName { family: self.family_name.clone(), middle: self.middle_name.clone(), given: self.given_name.clone() }
    }
}

impl YearRoll {
    /// Loads the roll of `year_id` after authorising `permission` at its school.
    pub async fn load<C: ConnectionTrait>(conn: &C, actor: &Actor, permission: Permission, year_id: i64) -> Result<Self, AppError> {
        Self::load_any(conn, actor, &[permission], year_id).await
    }

    /// Loads the roll of `year_id` after authorising any of `permissions` at its school.
    pub async fn load_any<C: ConnectionTrait>(conn: &C, actor: &Actor, permissions: &[Permission], year_id: i64) -> Result<Self, AppError> {
        Self::load_with(conn, actor, permissions, year_id, None).await
    }

    /// The roll of `year_id` with every placement but one student's record
    /// only: enough to rank that student among the others.
    pub async fn load_one<C: ConnectionTrait>(conn: &C, actor: &Actor, permission: Permission, year_id: i64, student_id: i64) -> Result<Self, AppError> {
        Self::load_with(conn, actor, &[permission], year_id, Some(student_id)).await
    }

    async fn load_with<C: ConnectionTrait>(
        conn: &C,
        actor: &Actor,
        permissions: &[Permission],
        year_id: i64,
        only: Option<i64>,
    ) -> Result<Self, AppError> {
        let year = school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?;
        authorize_any_at(conn, actor, permissions, year.school_id).await?;
        let classes: HashMap<i64, class::Model> =
            class::Entity::find().filter(class::Column::SchoolYearId.eq(year.id)).all(conn).await?.into_iter().map(|c| (c.id, c)).collect();
        let backend = conn.get_database_backend();
        let placed = enrolment::Entity::find()
            .select_only()
            .columns([enrolment::Column::StudentId, enrolment::Column::ClassId])
            .filter(enrolment::Column::SchoolYearId.eq(year.id));
        let class_of: HashMap<i64, i64> = crate::sql::packed::<_, (i64, i64)>(conn, placed.build(backend), &["student_id", "class_id"]).await?.into_iter().collect();
        // The placed students (or the one), numbered in name order by the stored collation key
        // (the key itself is bytes, which the packed rows cannot carry).
        let mut text = String::from(
            "SELECT s.id, s.student_code, s.family_name, s.middle_name, s.given_name, s.date_of_birth, s.union_joined_on, \
             ROW_NUMBER() OVER (ORDER BY s.name_key, s.id) AS place FROM students s \
             WHERE s.school_id = ? AND s.id IN (SELECT e.student_id FROM enrolments e WHERE e.school_year_id = ?)",
        );
        let mut values: Vec<sea_orm::Value> = vec![year.school_id.into(), year.id.into()];
        if let Some(id) = only {
            text.push_str(" AND s.id = ?");
            values.push(id.into());
        }
        type Row = (i64, Option<String>, String, String, String, chrono::NaiveDate, Option<chrono::NaiveDate>, i64);
        let columns = ["id", "student_code", "family_name", "middle_name", "given_name", "date_of_birth", "union_joined_on", "place"];
        let mut rows: Vec<Row> = crate::sql::packed(conn, crate::sql::statement(backend, &text, values), &columns).await?;
        rows.sort_by_key(|r| r.7);
        let list: Vec<RollStudent> = rows
            .into_iter()
            .map(|(id, student_code, family_name, middle_name, given_name, date_of_birth, union_joined_on, _)| RollStudent {
                id,
                student_code,
                family_name,
                middle_name,
                given_name,
                date_of_birth,
                union_joined_on,
            })
            .collect();
        let name_order = list.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let students = list.into_iter().map(|s| (s.id, s)).collect();
        Ok(YearRoll { year, classes, class_of, students, name_order, partial: only.is_some() })
    }

    /// The class name of a placed student.
    pub fn class_name(&self, student_id: i64) -> String {
        self.class_of.get(&student_id).and_then(|c| self.classes.get(c)).map(|c| c.name.clone()).unwrap_or_default()
    }

    /// Loaded student ids of one class (or all), in class-list order.
    pub fn ordered(&self, class_id: Option<i64>) -> Vec<i64> {
        let mut ids: Vec<i64> =
            self.class_of.iter().filter(|(s, c)| class_id.is_none_or(|k| k == **c) && self.students.contains_key(s)).map(|(s, _)| *s).collect();
        // Each class's place computed once, not twice per comparison (a whole school is ~2,500 ids).
        let mut class_rank: Vec<(i16, (String, u32), i64)> =
            self.classes.values().map(|c| (c.grade, crate::school_years::class_order(&c.name), c.id)).collect();
        class_rank.sort();
        let class_place: HashMap<i64, usize> = class_rank.iter().enumerate().map(|(k, (_, _, id))| (*id, k)).collect();
        ids.sort_by_key(|id| (class_place[&self.class_of[id]], self.name_order[id]));
        ids
    }
}
