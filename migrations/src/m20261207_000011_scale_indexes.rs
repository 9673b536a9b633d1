//! Indexes that a province needs and a school did not show: with 150
//! schools the planner scanned every school's rows where a page asks for one
//! school year's (1.2 million placements scanned for one leaderboard on the
//! generated province, `EXPLAIN ANALYZE` on PostgreSQL), and the candidacy
//! records read by candidacy had no index on it; a school's pending entries
//! were found by reading every entry of the province.

use crate::helpers::index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index name, table, columns).
const INDEXES: [(&str, &str, &[&str]); 9] = [
    // A year's roll (placements by class), the ranking's join: read from the index alone.
    ("ix_enrolments_year_class", "enrolments", &["school_year_id", "class_id", "student_id"]),
    // A school's entries waiting for review (the review queue, the union officer's home page)
    // or refused: found among the province's millions without reading them all.
    ("ix_ledger_entries_school_status", "ledger_entries", &["school_id", "status", "logged_by"]),
    // The outstanding list's classifications of this and earlier years.
    ("ix_union_classifications_year", "union_classifications", &["school_year_id", "student_id", "level"]),
    // The union's proposals of a year.
    ("ix_pool_proposals_year", "pool_proposals", &["school_year_id", "student_id"]),
    // A set of candidacies' records (the board, the inbox, a move's checks).
    ("ix_certificates_candidacy", "certificates", &["candidacy_id"]),
    ("ix_introducers_candidacy", "introducers", &["candidacy_id"]),
    ("ix_votes_candidacy", "votes", &["candidacy_id"]),
    ("ix_decisions_candidacy", "decisions", &["candidacy_id"]),
    ("ix_biography_returns_candidacy", "biography_returns", &["candidacy_id"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in INDEXES {
            m.create_index(index(name, Alias::new(table), columns)).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES {
            m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned()).await?;
        }
        Ok(())
    }
}
