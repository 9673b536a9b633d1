//! Personal-data duties (domain.md §5, Law 91/2025/QH15 and Decree
//! 356/2025/NĐ-CP): a register of data-subject requests answered within
//! working days, the export of everything held about a student, correction
//! of identity fields, erasure by anonymisation confirmed by a second
//! person, and a retention rule applied by a command.
//!
//! A school's administrators and Party cell officers keep the register
//! ([`Permission::HandleDataRequests`]); the export, which shows sensitive
//! data, needs [`Permission::ViewSensitive`] as well.

pub mod erasure;
pub mod export;
pub mod identity;
pub mod requests;
pub mod retention;
pub mod rules;
pub mod settings;

use crate::entities::student;
use crate::policy::{authorize_at, Actor, Permission};
use nguon_shared::AppError;
use sea_orm::{ConnectionTrait, EntityTrait};

/// A student whose school's register the actor keeps.
pub(crate) async fn load_student<C: ConnectionTrait>(conn: &C, actor: &Actor, student_id: i64) -> Result<student::Model, AppError> {
    let s = student::Entity::find_by_id(student_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_at(conn, actor, Permission::HandleDataRequests, s.school_id).await?;
    Ok(s)
}

/// Whether the actor keeps the register of `school_id`.
pub(crate) async fn may_handle<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> bool {
    authorize_at(conn, actor, Permission::HandleDataRequests, school_id).await.is_ok()
}

/// Whether the actor may see everything about a student of `school_id` (the export).
pub(crate) async fn may_export<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> bool {
    may_handle(conn, actor, school_id).await && authorize_at(conn, actor, Permission::ViewSensitive, school_id).await.is_ok()
}

pub(crate) use crate::local_time::day_of as local_day;
