//! The candidate pipeline (domain.md §3): from the source pool to full
//! Party membership, with every rule checked against configurable values.

pub mod board;
pub mod calendar;
pub mod candidacy;
pub mod classes;
pub mod consent;
pub mod forecast;
pub(crate) mod gathered;
pub mod meetings;
pub mod mentoring;
pub mod pool;
pub mod records;
pub mod rules;
pub mod settings;
pub mod tasks;

use crate::policy::Permission;

/// Who keeps the consent register: the school's Party roles, or its union
/// officers (who gather consents and propose).
pub(crate) const CONSENT_KEEPERS: [Permission; 2] = [Permission::ManagePipeline, Permission::LogEmulation];
