//! sea-orm entities. They never leave the server: services convert them into
//! the view types of `nguon_shared::views`.

pub mod activity;
pub mod activity_category;
pub mod activity_level;
pub mod app_meta;
pub mod audit_log;
pub mod class;
pub mod enrolment;
pub mod ledger_batch;
pub mod ledger_entry;
pub mod login_attempt;
pub mod org_unit;
pub mod pool_proposal;
pub mod role_grant;
pub mod roster_upload;
pub mod rule_value;
pub mod school_year;
pub mod semester;
pub mod session;
pub mod staff;
pub mod student;
pub mod student_total;
pub mod study_result;
pub mod union_classification;
pub mod unit_link;
pub mod user;
