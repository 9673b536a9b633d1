//! Schema migrations, run at start-up and by `nguon-server migrate`.
//!
//! Every migration is written once with sea-query so that it runs unchanged
//! on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod helpers;
mod m20261125_000001_foundation;
mod m20261125_000002_organisation_people;
mod m20261126_000003_roster_uploads;
mod m20261126_000004_emulation_ledger;
mod m20261126_000005_results_outstanding;
mod m20261126_000006_pipeline;
mod m20261126_000007_mentoring_meetings;
mod m20261127_000008_personal_data;
mod m20261127_000009_name_keys;
mod m20261128_000010_plans;
mod m20261207_000011_scale_indexes;

/// The ordered list of migrations.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_foundation::Migration),
            Box::new(m20261125_000002_organisation_people::Migration),
            Box::new(m20261126_000003_roster_uploads::Migration),
            Box::new(m20261126_000004_emulation_ledger::Migration),
            Box::new(m20261126_000005_results_outstanding::Migration),
            Box::new(m20261126_000006_pipeline::Migration),
            Box::new(m20261126_000007_mentoring_meetings::Migration),
            Box::new(m20261127_000008_personal_data::Migration),
            Box::new(m20261127_000009_name_keys::Migration),
            Box::new(m20261128_000010_plans::Migration),
            Box::new(m20261207_000011_scale_indexes::Migration),
        ]
    }
}
