//! Oversight (issue "oversight and documents"): plans and their targets,
//! and the dashboard that measures every school in scope against them —
//! admissions by month against an even pace, the funnel and time in stage
//! computed from the append-only events, and breakdowns that hide small
//! counts. Superior officers see their subtree; a school's Party roles
//! see their school.

pub mod dashboard;
pub mod figures;
pub mod history;
pub mod plans;
pub mod rules;
pub mod tree;
