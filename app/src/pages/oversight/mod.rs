//! Oversight pages: the dashboard of progress against the plan, and the
//! plans with their targets.

mod dashboard;
mod plans;
pub mod sections;

pub use dashboard::DashboardPage;
pub use plans::PlansPage;
