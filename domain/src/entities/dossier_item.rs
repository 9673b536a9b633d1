//! A line of a candidate's dossier checklist: status and dates, never content.

use sea_orm::entity::prelude::*;

/// A row of `dossier_items`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_items")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The candidacy.
    pub candidacy_id: i64,
    /// Document kind code.
    pub kind: String,
    /// For verifications: whose.
    pub subject: Option<String>,
    /// For verifications: where.
    pub place: Option<String>,
    /// `requested`, `received`, `concluded`, `needs_correction`.
    pub status: String,
    /// Requested.
    pub requested_on: Option<Date>,
    /// Received.
    pub received_on: Option<Date>,
    /// Valid until.
    pub valid_until: Option<Date>,
    /// Who holds the paper.
    pub holder: Option<String>,
    /// Who changed it last.
    pub updated_by: i64,
    /// When.
    pub updated_at: DateTimeUtc,
}

/// No relations are navigated through sea-orm.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
