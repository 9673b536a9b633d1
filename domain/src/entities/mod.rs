//! sea-orm entities. They never leave the server: services convert them into
//! the view types of `nguon_shared::views`.

pub mod app_meta;
pub mod audit_log;
pub mod login_attempt;
pub mod org_unit;
pub mod role_grant;
pub mod session;
pub mod user;
