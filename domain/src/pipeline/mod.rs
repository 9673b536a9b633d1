//! The candidate pipeline (domain.md §3): from the source pool to full
//! Party membership, with every rule checked against configurable values.

pub mod board;
pub mod calendar;
pub mod candidacy;
pub mod consent;
pub mod pool;
pub mod records;
pub mod rules;

use crate::policy::{authorize_at, Actor, Permission};
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;

/// The school's Party roles, or its union officers (who gather consents and propose).
pub(crate) async fn authorize_pipeline_or_union<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<(), AppError> {
    match authorize_at(conn, actor, Permission::ManagePipeline, school_id).await {
        Ok(()) => Ok(()),
        Err(_) => authorize_at(conn, actor, Permission::LogEmulation, school_id).await,
    }
}
