//! An uploaded roster file: kept until imported (or for a day), then erased.

use sea_orm::entity::prelude::*;

/// A row of `roster_uploads`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roster_uploads")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The school imported into.
    pub school_id: i64,
    /// The school year whose classes the rows fill.
    pub school_year_id: i64,
    /// The account that uploaded it (only they see it).
    pub uploaded_by: i64,
    /// Original file name.
    pub file_name: String,
    /// The file; `None` once imported or expired.
    pub content: Option<Vec<u8>>,
    /// Size of the file in bytes.
    pub size_bytes: i64,
    /// Upload time.
    pub uploaded_at: DateTimeUtc,
    /// Import time.
    pub committed_at: Option<DateTimeUtc>,
    /// What the import did, as JSON (`ImportCounts`).
    pub summary: Option<String>,
}

/// No relations are navigated through sea-orm yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
