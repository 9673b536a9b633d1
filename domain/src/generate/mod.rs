//! Generated data at the scale the product is designed for (product.md):
//! `nguon-server generate --preset school|district|province [--seed N]`.
//!
//! Writes, into an empty database, an organisation tree after the 2025
//! reform (province → communes and wards → schools with their Party cell and
//! Youth Union), school years with semesters, classes, students moving up a
//! grade each year, staff (a third of them Party members), sign-in accounts
//! for every role at every school (one password), activity catalogues and
//! ledger entries — approved, pending, rejected and reversed — with the
//! per-student totals equal to the approved entries, and study results.
//! Deterministic for a seed. Rows go in bulk (many per statement, with
//! ids chosen here), since row by row a province would take hours.

mod bulk;
mod ledger;
pub(crate) mod pipeline;
mod school;

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::org_unit;
use chrono::{Datelike, NaiveDate};
use nguon_shared::AppError;
use rand::rngs::StdRng;
use rand::SeedableRng;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use std::time::{Duration, Instant};

pub use bulk::Ids;

/// How much to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Schools in the province.
    pub schools: usize,
    /// Communes and wards the schools are spread over.
    pub communes: usize,
    /// School years, the last one being the current one.
    pub years: usize,
    /// Classes in each of grades 10, 11 and 12 (35–45 students each).
    pub classes_per_grade: usize,
    /// Activities each school logs in a year (about 80 % of a class each).
    pub activities_per_year: usize,
}

impl Preset {
    /// One school of 60 classes (about 2,500 students): last year whole (about 80,000
    /// entries) and the current year up to today.
    pub const SCHOOL: Preset = Preset { schools: 1, communes: 1, years: 2, classes_per_grade: 20, activities_per_year: 40 };
    /// Seven schools over three years.
    pub const DISTRICT: Preset = Preset { schools: 7, communes: 4, years: 3, classes_per_grade: 12, activities_per_year: 30 };
    /// 150 schools, about 250,000 students a year, about 10 million entries over five years.
    pub const PROVINCE: Preset = Preset { schools: 150, communes: 60, years: 5, classes_per_grade: 13, activities_per_year: 10 };

    /// The preset called `name` (`school`, `district`, `province`).
    pub fn named(name: &str) -> Option<Preset> {
        match name {
            "school" => Some(Preset::SCHOOL),
            "district" => Some(Preset::DISTRICT),
            "province" => Some(Preset::PROVINCE),
            _ => None,
        }
    }
}

/// What was generated, for the command line to report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    /// Schools.
    pub schools: usize,
    /// Distinct students.
    pub students: usize,
    /// Staff.
    pub staff: usize,
    /// Accounts (every role at every school, the superior committees, the administrator).
    pub accounts: usize,
    /// Ledger entries (all statuses, reversals included).
    pub entries: usize,
    /// Study results (one per student and ended semester).
    pub results: usize,
    /// Union classifications (every union member, every ended year).
    pub classifications: usize,
    /// Candidacies (at every stage, some withdrawn).
    pub candidacies: usize,
    /// Awareness classes (one a year per school with candidates).
    pub awareness_classes: usize,
    /// Joint meetings of the cell and the union (one a year per school with candidates).
    pub meetings: usize,
    /// How long it took.
    pub elapsed: Duration,
}

/// Pure rule: the first year of the school year containing `today` (a
/// school year runs from September to May; June–August belong to the one
/// that just ended).
pub fn current_start_year(today: NaiveDate) -> i32 {
    if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    }
}

/// Generates `preset` into `db`, which must hold no organisation yet (a
/// fresh, migrated database). Every account's password is `password`.
pub async fn generate(db: &DatabaseConnection, preset: Preset, seed: u64, password: &str, today: NaiveDate) -> Result<Generated, AppError> {
    let started = Instant::now();
    if org_unit::Entity::find().count(db).await? > 0 {
        return Err(AppError::AlreadySetUp);
    }
    let password = crate::accounts::NewPassword::parse(password, password, "generated")?;
    // One hash for every account: hashing is deliberately slow, and the password is the same.
    let hash = crate::accounts::hash_password(password.expose()).await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let txn = crate::db::begin_write(db).await?;
    let mut ids = Ids::after_existing(&txn).await?;
    let mut out = Generated::default();
    let tree = school::organisation(&txn, &mut ids, preset, &hash, today, &mut out).await?;
    for (n, s) in tree.schools.iter().enumerate() {
        let people = school::people(&txn, &mut ids, s, preset, n, &hash, today, &mut rng, &mut out).await?;
        ledger::year_by_year(&txn, &mut ids, s, &people, preset, today, &mut rng, &mut out).await?;
        pipeline::candidates(&txn, &mut ids, s, tree.centre, &people, today, &mut rng, &mut out).await?;
    }
    bulk::fix_sequences(&txn).await?;
    out.elapsed = started.elapsed();
    audit::record(
        &txn,
        &AuditContext::default(),
        AuditEntry {
            action: "generate",
            entity: "org_unit",
            entity_id: Some(tree.province.to_string()),
            before: None,
            after: Some(serde_json::json!({
                "seed": seed, "schools": out.schools, "students": out.students, "staff": out.staff,
                "accounts": out.accounts, "entries": out.entries, "results": out.results, "classifications": out.classifications,
                "candidacies": out.candidacies, "awareness_classes": out.awareness_classes, "meetings": out.meetings,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    crate::db::fill_name_keys(db).await?;
    Ok(out)
}

/// Used by the generator's parts: a random generator.
pub(crate) type Rng = StdRng;
