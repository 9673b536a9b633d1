//! One module per page.

pub mod account;
pub mod audit;
pub mod home;
pub mod import;
pub mod ledger;
pub mod login;
pub mod merit;
pub mod org;
pub mod mentoring;
pub mod pipeline;
pub mod privacy;
pub mod profile;
pub mod setup;
pub mod staff;
pub mod students;
pub mod users;
pub mod years;
