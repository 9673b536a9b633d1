//! A category of emulation activities (study, volunteering, prizes …), per school.

use sea_orm::entity::prelude::*;

/// A row of `activity_categories`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_categories")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school.
    pub school_id: i64,
    /// Name, e.g. "Học tập".
    pub name: String,
    /// Position in lists.
    pub sort_order: i32,
    /// Creation time.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
