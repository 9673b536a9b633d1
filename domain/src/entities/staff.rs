//! A staff member of a school, optionally linked to an account. Official Party members carry the date they became full members (who may mentor and introduce).

use sea_orm::entity::prelude::*;

/// A row of `staff`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school.
    pub school_id: i64,
    /// The account, if the person signs in.
    pub user_id: Option<i64>,
    /// Họ.
    pub family_name: String,
    /// Tên đệm.
    pub middle_name: String,
    /// Tên.
    pub given_name: String,
    /// Accent-free lower-case full name.
    pub search_key: String,
    /// Date of becoming an official (full) Party member.
    pub party_full_member_since: Option<Date>,
    /// Their Party cell (an org unit).
    pub party_cell_unit_id: Option<i64>,
    /// Creation time.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The staff member's name in its three parts.
    pub fn person_name(&self) -> crate::names::PersonName {
        crate::names::PersonName { family: self.family_name.clone(), middle: self.middle_name.clone(), given: self.given_name.clone() }
    }
}
