//! The consent register (domain.md §5): no candidacy without the student's
//! consent and, under 16, a parent's or guardian's. Who, when, how and for
//! what is recorded; a withdrawal stops processing (the candidacy exits as
//! withdrawn) and is recorded too.

use super::{candidacy, CONSENT_KEEPERS};
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{candidacy as candidacy_entity, consent, student};
use crate::policy::{authorize_any_at, Actor};
use chrono::{NaiveDate, Utc};
use nguon_shared::pipeline::Stage;
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

/// Age under which a guardian's consent is needed too.
pub const GUARDIAN_UNDER: u32 = 16;

pub use nguon_shared::pipeline::CONSENT_METHODS as METHODS;

/// A consent to record.
#[derive(Clone, Debug)]
pub struct NewConsent {
    /// The student.
    pub student_id: i64,
    /// `student` or `guardian`.
    pub subject: String,
    /// Who gave it.
    pub person_name: String,
    /// A guardian's relation ("Mẹ", "Bố", "Người giám hộ").
    pub relation: String,
    /// The day.
    pub given_on: NaiveDate,
    /// `paper`, `in_person`, `electronic`.
    pub method: String,
    /// What it covers.
    pub scope: String,
}

/// Records a consent; returns its id.
pub async fn record(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: NewConsent, today: NaiveDate) -> Result<i64, AppError> {
    let s = student::Entity::find_by_id(input.student_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_any_at(db, actor, &CONSENT_KEEPERS, s.school_id).await?;
    let mut errors = Vec::new();
    let name = crate::names::nfc(&input.person_name);
    let scope = crate::names::nfc(&input.scope);
    let relation = crate::names::nfc(&input.relation);
    if !matches!(input.subject.as_str(), "student" | "guardian") {
        errors.push(FieldError::new("subject", ErrorCode::InvalidValue));
    }
    if name.is_empty() {
        errors.push(FieldError::new("person_name", ErrorCode::Required));
    }
    if input.subject == "guardian" && relation.is_empty() {
        errors.push(FieldError::new("relation", ErrorCode::Required));
    }
    if scope.is_empty() {
        errors.push(FieldError::new("scope", ErrorCode::Required));
    }
    if !METHODS.contains(&input.method.as_str()) {
        errors.push(FieldError::new("method", ErrorCode::InvalidValue));
    }
    if input.given_on > today || input.given_on < s.date_of_birth {
        errors.push(FieldError::new("given_on", ErrorCode::OutOfPeriod));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let row = consent::ActiveModel {
        student_id: Set(s.id),
        subject: Set(input.subject.clone()),
        person_name: Set(name),
        relation: Set(Some(relation).filter(|r| !r.is_empty())),
        given_on: Set(input.given_on),
        method: Set(input.method.clone()),
        scope: Set(scope),
        recorded_by: Set(actor.user_id),
        recorded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry::created("consent", row.id, serde_json::json!({ "student_id": s.id, "subject": input.subject, "given_on": input.given_on.to_string(), "method": input.method })),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Withdraws a consent on a day, with a reason; an open candidacy of the
/// student exits as withdrawn in the same transaction.
pub async fn withdraw(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, consent_id: i64, on: NaiveDate, reason: &str) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    withdraw_in(&txn, actor, ctx, consent_id, on, reason).await?;
    txn.commit().await?;
    Ok(())
}

/// [`withdraw`] inside the caller's transaction: the one code path of a
/// withdrawal, whether from the consent register or a data-subject request.
pub(crate) async fn withdraw_in<C: ConnectionTrait>(conn: &C, actor: &Actor, ctx: &AuditContext, consent_id: i64, on: NaiveDate, reason: &str) -> Result<(), AppError> {
    let c = consent::Entity::find_by_id(consent_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let s = student::Entity::find_by_id(c.student_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_any_at(conn, actor, &CONSENT_KEEPERS, s.school_id).await?;
    let reason = crate::names::nfc(reason);
    if reason.is_empty() {
        return Err(AppError::invalid("reason", ErrorCode::Required));
    }
    if c.withdrawn_on.is_some() {
        return Err(AppError::invalid("consent", ErrorCode::AlreadyDone));
    }
    if on < c.given_on {
        return Err(AppError::invalid("withdrawn_on", ErrorCode::OutOfPeriod));
    }
    let mut a: consent::ActiveModel = c.clone().into();
    a.withdrawn_on = Set(Some(on));
    a.withdrawn_reason = Set(Some(reason.clone()));
    a.withdrawn_by = Set(Some(actor.user_id));
    a.update(conn).await?;
    audit::record(
        conn,
        ctx,
        AuditEntry { action: "withdraw", entity: "consent", entity_id: Some(c.id.to_string()), before: None, after: Some(serde_json::json!({ "withdrawn_on": on.to_string() })) },
    )
    .await?;
    let open = candidacy_entity::Entity::find().filter(candidacy_entity::Column::StudentId.eq(s.id)).all(conn).await?;
    for cand in open.into_iter().filter(|c| Stage::from_code(&c.stage).is_some_and(|s| !s.is_final())) {
        candidacy::record_move(conn, actor, ctx, &cand, Stage::Withdrawn, on, Some(format!("consent: {reason}")), None, None).await?;
    }
    Ok(())
}

/// Whether processing is consented on `on`: the student's consent, and a
/// guardian's while the student is under 16, each given by then and not withdrawn.
pub async fn valid_on<C: ConnectionTrait>(conn: &C, student: &student::Model, on: NaiveDate) -> Result<bool, AppError> {
    let rows = consent::Entity::find().filter(consent::Column::StudentId.eq(student.id)).order_by_asc(consent::Column::Id).all(conn).await?;
    Ok(consented(&rows, student.date_of_birth, on))
}

/// The rule of [`valid_on`] over a student's consents (any days; those given
/// after `on` do not count).
pub(crate) fn consented(rows: &[consent::Model], date_of_birth: NaiveDate, on: NaiveDate) -> bool {
    let live = |subject: &str| rows.iter().any(|c| c.subject == subject && c.given_on <= on && c.withdrawn_on.is_none_or(|w| w > on));
    let minor = crate::merit::rules::age_on(date_of_birth, on) < GUARDIAN_UNDER;
    live("student") && (!minor || live("guardian"))
}

/// A student's consents, oldest first.
pub async fn list<C: ConnectionTrait>(conn: &C, actor: &Actor, student_id: i64) -> Result<Vec<consent::Model>, AppError> {
    let s = student::Entity::find_by_id(student_id).one(conn).await?.ok_or(AppError::NotFound)?;
    authorize_any_at(conn, actor, &CONSENT_KEEPERS, s.school_id).await?;
    Ok(consent::Entity::find().filter(consent::Column::StudentId.eq(student_id)).order_by_asc(consent::Column::Id).all(conn).await?)
}
