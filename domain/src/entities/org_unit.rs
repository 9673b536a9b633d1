//! An organisation unit (province, commune, Party committee, school, …) with
//! effective dates. The organisation issue extends its kinds and screens.

use sea_orm::entity::prelude::*;

/// A row of `org_units`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "org_units")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Kind code, see [`crate::policy::UnitKind`].
    pub kind: String,
    /// Display name, e.g. "THPT Tân Hà".
    pub name: String,
    /// Official code, if any (e.g. a school's code in the ministry's system).
    pub code: Option<String>,
    /// The unit above, if any.
    pub parent_id: Option<i64>,
    /// First day the unit exists in this form.
    pub valid_from: Option<Date>,
    /// Last day the unit exists in this form.
    pub valid_to: Option<Date>,
    /// Row creation time.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
