//! Erasure by anonymisation (domain.md §5): one person proposes it with a
//! reason, a second confirms it, and it cannot be undone. The student's
//! name, date of birth (the year is kept), codes, sensitive fields, places
//! and guardian are replaced, so are the free texts that may name them; the
//! ledger, totals, results and classifications stay, so every figure of the
//! school stays right. A student who entered the admission procedure keeps
//! their record, as the rules require.

use super::rules::{anonymous_identity, ANONYMOUS_FAMILY};
use super::load_student;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{audit_log, candidacy, consent, data_request, erasure, joint_meeting_student, pool_proposal, student, user};
use crate::policy::Actor;
use chrono::Utc;
use nguon_shared::privacy::ErasureState;
use nguon_shared::{AppError, ErrorCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

/// Why a student is anonymised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// A confirmed erasure (its id).
    Erasure(i64),
    /// The retention rule.
    Retention,
}

async fn has_candidacy<C: ConnectionTrait>(conn: &C, student_id: i64) -> Result<bool, AppError> {
    Ok(candidacy::Entity::find().filter(candidacy::Column::StudentId.eq(student_id)).one(conn).await?.is_some())
}

async fn pending<C: ConnectionTrait>(conn: &C, student_id: i64) -> Result<Option<erasure::Model>, AppError> {
    Ok(erasure::Entity::find()
        .filter(erasure::Column::StudentId.eq(student_id))
        .filter(erasure::Column::ConfirmedBy.is_null())
        .filter(erasure::Column::CancelledBy.is_null())
        .one(conn)
        .await?)
}

/// Where the erasure of `s` stands, as `actor` sees it.
pub(crate) async fn state<C: ConnectionTrait>(conn: &C, actor: &Actor, s: &student::Model) -> Result<ErasureState, AppError> {
    if let Some(at) = s.anonymised_at {
        return Ok(ErasureState::Done { on: super::local_day(at) });
    }
    if has_candidacy(conn, s.id).await? {
        return Ok(ErasureState::Kept);
    }
    Ok(match pending(conn, s.id).await? {
        Some(e) => {
            let by = user::Entity::find_by_id(e.proposed_by).one(conn).await?.map(|u| u.full_name).unwrap_or_default();
            ErasureState::Proposed { id: e.id, by, reason: e.reason, by_me: e.proposed_by == actor.user_id }
        }
        None => ErasureState::Open,
    })
}

/// Proposes the erasure of a student, with a reason; returns the proposal's id.
pub async fn propose(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, student_id: i64, reason: &str) -> Result<i64, AppError> {
    let s = load_student(db, actor, student_id).await?;
    let reason = crate::names::nfc(reason);
    if reason.is_empty() {
        return Err(AppError::invalid("reason", ErrorCode::Required));
    }
    if reason.chars().count() > 500 {
        return Err(AppError::invalid("reason", ErrorCode::TooLong { max: 500 }));
    }
    if s.anonymised_at.is_some() || pending(db, s.id).await?.is_some() {
        return Err(AppError::invalid("student", ErrorCode::AlreadyDone));
    }
    if has_candidacy(db, s.id).await? {
        return Err(AppError::invalid("student", ErrorCode::KeptByRule));
    }
    let txn = crate::db::begin_write(db).await?;
    let row = erasure::ActiveModel {
        school_id: Set(s.school_id),
        student_id: Set(s.id),
        reason: Set(reason),
        proposed_by: Set(actor.user_id),
        proposed_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, ctx, AuditEntry::created("erasure", row.id, serde_json::json!({ "student_id": s.id }))).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Cancels a proposed erasure (either person may).
pub async fn cancel(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, erasure_id: i64) -> Result<(), AppError> {
    let e = erasure::Entity::find_by_id(erasure_id).one(db).await?.ok_or(AppError::NotFound)?;
    load_student(db, actor, e.student_id).await?;
    if e.confirmed_by.is_some() || e.cancelled_by.is_some() {
        return Err(AppError::invalid("erasure", ErrorCode::AlreadyDone));
    }
    let txn = crate::db::begin_write(db).await?;
    let mut a: erasure::ActiveModel = e.clone().into();
    a.cancelled_by = Set(Some(actor.user_id));
    a.update(&txn).await?;
    audit::record(&txn, ctx, AuditEntry { action: "cancel", entity: "erasure", entity_id: Some(e.id.to_string()), before: None, after: None }).await?;
    txn.commit().await?;
    Ok(())
}

/// A second person confirms a proposed erasure (`understood`: the "cannot be
/// undone" box was ticked); the student is anonymised in the same transaction.
pub async fn confirm(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, erasure_id: i64, understood: bool) -> Result<(), AppError> {
    let e = erasure::Entity::find_by_id(erasure_id).one(db).await?.ok_or(AppError::NotFound)?;
    let s = load_student(db, actor, e.student_id).await?;
    if e.confirmed_by.is_some() || e.cancelled_by.is_some() || s.anonymised_at.is_some() {
        return Err(AppError::invalid("erasure", ErrorCode::AlreadyDone));
    }
    if e.proposed_by == actor.user_id {
        return Err(AppError::invalid("erasure", ErrorCode::SecondPerson));
    }
    if !understood {
        return Err(AppError::invalid("understood", ErrorCode::Required));
    }
    let txn = crate::db::begin_write(db).await?;
    // Checked again inside the transaction: a candidacy opened since the proposal keeps the record.
    if has_candidacy(&txn, s.id).await? {
        return Err(AppError::invalid("student", ErrorCode::KeptByRule));
    }
    let mut a: erasure::ActiveModel = e.clone().into();
    a.confirmed_by = Set(Some(actor.user_id));
    a.confirmed_at = Set(Some(Utc::now()));
    a.update(&txn).await?;
    anonymise_in(&txn, ctx, &s, Cause::Erasure(e.id)).await?;
    txn.commit().await?;
    Ok(())
}

/// Anonymises `s` inside the caller's transaction (after the caller checked
/// that no candidacy exists), and leaves an audit record without the erased data.
pub(crate) async fn anonymise_in<C: ConnectionTrait>(conn: &C, ctx: &AuditContext, s: &student::Model, cause: Cause) -> Result<(), AppError> {
    let (family, given, dob) = anonymous_identity(s.id, s.date_of_birth);
    let mut a: student::ActiveModel = s.clone().into();
    a.set_name(&crate::names::PersonName { family, middle: String::new(), given });
    a.student_code = Set(None);
    a.date_of_birth = Set(dob);
    a.ethnicity = Set(None);
    a.religion = Set(None);
    a.hometown_commune = Set(None);
    a.hometown_province = Set(None);
    a.residence_commune = Set(None);
    a.residence_province = Set(None);
    a.guardian_name = Set(None);
    a.guardian_phone = Set(None);
    a.updated_at = Set(Utc::now());
    a.anonymised_at = Set(Some(Utc::now()));
    a.update(conn).await?;
    // Free texts that may name the student or their family.
    consent::Entity::update_many()
        .col_expr(consent::Column::PersonName, Expr::value(ANONYMOUS_FAMILY))
        .filter(consent::Column::StudentId.eq(s.id))
        .exec(conn)
        .await?;
    pool_proposal::Entity::update_many()
        .col_expr(pool_proposal::Column::Reason, Expr::value(ANONYMOUS_FAMILY))
        .col_expr(pool_proposal::Column::DecisionReason, Expr::value(Option::<String>::None))
        .filter(pool_proposal::Column::StudentId.eq(s.id))
        .exec(conn)
        .await?;
    joint_meeting_student::Entity::update_many()
        .col_expr(joint_meeting_student::Column::Note, Expr::value(Option::<String>::None))
        .filter(joint_meeting_student::Column::StudentId.eq(s.id))
        .exec(conn)
        .await?;
    data_request::Entity::update_many()
        .col_expr(data_request::Column::RequesterName, Expr::value(ANONYMOUS_FAMILY))
        .col_expr(data_request::Column::Details, Expr::value(""))
        .filter(data_request::Column::StudentId.eq(s.id))
        .exec(conn)
        .await?;
    // The log's snapshots of the student held the erased values.
    audit_log::Entity::update_many()
        .col_expr(audit_log::Column::Before, Expr::value(Option::<String>::None))
        .col_expr(audit_log::Column::After, Expr::value(Option::<String>::None))
        .filter(audit_log::Column::Entity.eq("student"))
        .filter(audit_log::Column::EntityId.eq(s.id.to_string()))
        .exec(conn)
        .await?;
    let after = match cause {
        Cause::Erasure(id) => serde_json::json!({ "cause": "erasure", "erasure_id": id }),
        Cause::Retention => serde_json::json!({ "cause": "retention" }),
    };
    audit::record(conn, ctx, AuditEntry { action: "anonymise", entity: "student", entity_id: Some(s.id.to_string()), before: None, after: Some(after) }).await?;
    Ok(())
}

/// Whether a student can be anonymised at all (no candidacy, not done yet).
pub(crate) async fn may_anonymise<C: ConnectionTrait>(conn: &C, s: &student::Model) -> Result<bool, AppError> {
    Ok(s.anonymised_at.is_none() && !has_candidacy(conn, s.id).await?)
}
