//! The candidate pipeline (domain.md §3): from the source pool to full
//! Party membership, with every rule checked against configurable values.

pub mod calendar;
pub mod rules;
