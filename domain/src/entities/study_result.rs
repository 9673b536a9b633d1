//! A student's study and conduct results for a semester or a school year.

use sea_orm::entity::prelude::*;

/// A row of `study_results`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "study_results")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student.
    pub student_id: i64,
    /// The school year.
    pub school_year_id: i64,
    /// 1 or 2 for a semester, 0 for the whole year.
    pub period: i16,
    /// Kết quả học tập on the current scale (`tot`, `kha`, `dat`, `chua_dat`).
    pub study: Option<String>,
    /// Kết quả rèn luyện on the current scale.
    pub conduct: Option<String>,
    /// The older scale's word, when the study result was mapped from it.
    pub study_original: Option<String>,
    /// The older scale's word, when the conduct result was mapped from it.
    pub conduct_original: Option<String>,
    /// `entry` or `import`.
    pub source: String,
    /// Who recorded it last.
    pub recorded_by: i64,
    /// When.
    pub recorded_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
