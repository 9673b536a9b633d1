//! Study and conduct results, the annual union classification, the
//! outstanding-student criteria and proposals, and a student's profile
//! timeline (domain.md §4): what the union judges outstanding students on.

pub mod classification;
pub mod outstanding;
pub mod profile;
pub mod results;
pub mod rules;

use crate::entities::{class, enrolment, school_year, student};
use crate::policy::{authorize_any_at, Actor, Permission};
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
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
#[derive(Clone, Debug, sea_orm::FromQueryResult)]
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
        let class_of: HashMap<i64, i64> = enrolment::Entity::find()
            .select_only()
            .columns([enrolment::Column::StudentId, enrolment::Column::ClassId])
            .filter(enrolment::Column::SchoolYearId.eq(year.id))
            .into_tuple::<(i64, i64)>()
            .all(conn)
            .await?
            .into_iter()
            .collect();
        // The placed students (or the one), in name order by the stored collation key.
        let mut q = student::Entity::find()
            .select_only()
            .columns([
                student::Column::Id,
                student::Column::StudentCode,
                student::Column::FamilyName,
                student::Column::MiddleName,
                student::Column::GivenName,
                student::Column::DateOfBirth,
                student::Column::UnionJoinedOn,
            ])
            .filter(student::Column::SchoolId.eq(year.school_id))
            .filter(
                student::Column::Id.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(enrolment::Column::StudentId)
                        .from(enrolment::Entity)
                        .and_where(enrolment::Column::SchoolYearId.eq(year.id))
                        .to_owned(),
                ),
            )
            .order_by_asc(student::Column::NameKey)
            .order_by_asc(student::Column::Id);
        if let Some(id) = only {
            q = q.filter(student::Column::Id.eq(id));
        }
        let list = q.into_model::<RollStudent>().all(conn).await?;
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
        ids.sort_by(|a, b| {
            let (ca, cb) = (&self.classes[&self.class_of[a]], &self.classes[&self.class_of[b]]);
            ca.grade
                .cmp(&cb.grade)
                .then_with(|| crate::school_years::class_order(&ca.name).cmp(&crate::school_years::class_order(&cb.name)))
                .then_with(|| self.name_order[a].cmp(&self.name_order[b]))
        });
        ids
    }
}
