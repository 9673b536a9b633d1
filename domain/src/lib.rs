//! The server-side domain of Nguồn: entities, the database connection,
//! services that server functions and the CLI call, pure rule functions,
//! and the access policy.
//!
//! Services take a connection (or transaction) and plain arguments and return
//! `Result<_, AppError>`; they know nothing of HTTP or Leptos.

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod db;
pub mod ledger;
pub mod local_time;
pub mod merit;
pub mod demo;
pub mod entities;
pub mod generate;
pub mod names;
pub mod org;
pub mod org_admin;
pub mod oversight;
pub mod pipeline;
pub mod people;
pub mod policy;
pub mod readiness;
pub mod privacy;
pub mod roster;
pub mod rules_config;
pub mod school_years;
pub mod sessions;
pub mod staff_accounts;
pub mod students;
pub mod settings;
pub mod sql;
pub mod setup;
pub mod throttle;
pub mod views;

pub use nguon_shared::{AppError, ErrorCode, FieldError, Locale, Role};
pub use sea_orm::DatabaseConnection;
