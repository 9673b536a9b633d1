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
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// A school year's students as the features here need them: each placed
/// student with their class, after the actor was authorised at the school.
pub(crate) struct YearRoll {
    /// The year.
    pub year: school_year::Model,
    /// Classes by id.
    pub classes: HashMap<i64, class::Model>,
    /// Student id → class id.
    pub class_of: HashMap<i64, i64>,
    /// Students by id.
    pub students: HashMap<i64, student::Model>,
}

impl YearRoll {
    /// Loads the roll of `year_id` after authorising `permission` at its school.
    pub async fn load<C: ConnectionTrait>(conn: &C, actor: &Actor, permission: Permission, year_id: i64) -> Result<Self, AppError> {
        Self::load_any(conn, actor, &[permission], year_id).await
    }

    /// Loads the roll of `year_id` after authorising any of `permissions` at its school.
    pub async fn load_any<C: ConnectionTrait>(conn: &C, actor: &Actor, permissions: &[Permission], year_id: i64) -> Result<Self, AppError> {
        let year = school_year::Entity::find_by_id(year_id).one(conn).await?.ok_or(AppError::NotFound)?;
        authorize_any_at(conn, actor, permissions, year.school_id).await?;
        let classes: HashMap<i64, class::Model> =
            class::Entity::find().filter(class::Column::SchoolYearId.eq(year.id)).all(conn).await?.into_iter().map(|c| (c.id, c)).collect();
        let class_of: HashMap<i64, i64> = enrolment::Entity::find()
            .filter(enrolment::Column::SchoolYearId.eq(year.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|e| (e.student_id, e.class_id))
            .collect();
        let students = student::Entity::find()
            .filter(student::Column::SchoolId.eq(year.school_id))
            .all(conn)
            .await?
            .into_iter()
            .filter(|s| class_of.contains_key(&s.id))
            .map(|s| (s.id, s))
            .collect();
        Ok(YearRoll { year, classes, class_of, students })
    }

    /// The class name of a placed student.
    pub fn class_name(&self, student_id: i64) -> String {
        self.class_of.get(&student_id).and_then(|c| self.classes.get(c)).map(|c| c.name.clone()).unwrap_or_default()
    }

    /// Student ids of one class (or all), in class-list order.
    pub fn ordered(&self, class_id: Option<i64>) -> Vec<i64> {
        let mut ids: Vec<i64> =
            self.class_of.iter().filter(|(s, c)| class_id.is_none_or(|k| k == **c) && self.students.contains_key(s)).map(|(s, _)| *s).collect();
        ids.sort_by(|a, b| {
            let (ca, cb) = (&self.classes[&self.class_of[a]], &self.classes[&self.class_of[b]]);
            ca.grade
                .cmp(&cb.grade)
                .then_with(|| crate::school_years::class_order(&ca.name).cmp(&crate::school_years::class_order(&cb.name)))
                .then_with(|| crate::names::compare_names(&self.students[a].person_name(), &self.students[b].person_name()))
                .then(a.cmp(b))
        });
        ids
    }
}
