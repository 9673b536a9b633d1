//! Oversight (issue "oversight and documents"): plans and their targets,
//! and the dashboard that measures every school in scope against them —
//! admissions by month against an even pace, the funnel and time in stage
//! computed from the append-only events, and breakdowns that hide small
//! counts. Superior officers see their subtree; a school's Party roles
//! see their school.

pub mod alerts;
pub mod dashboard;
pub mod figures;
pub mod history;
pub mod plans;
pub mod rules;
pub mod targets;
pub mod tree;

use crate::policy::{Actor, Permission};
use nguon_shared::views::SchoolOption;
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;

/// The schools whose progress the actor may see: a superior officer's
/// subtree, a school's Party roles their school.
pub async fn schools_overseen<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<SchoolOption>, AppError> {
    let mut schools = crate::org::schools_in_scope(conn, actor, Permission::Oversee).await?;
    for s in crate::org::schools_in_scope(conn, actor, Permission::ManagePipeline).await? {
        if !schools.iter().any(|x| x.id == s.id) {
            schools.push(s);
        }
    }
    schools.sort_by(|a, b| crate::names::compare_text(&a.name, &b.name));
    Ok(schools)
}

