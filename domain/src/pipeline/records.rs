//! What the cell records along the way: mentors (official members only;
//! replacement keeps the history), introducers, awareness certificates, the
//! dossier checklist (status and dates only) and the biography's returns.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{biography_return, candidacy, certificate, dossier_item, introducer, mentor_assignment, staff};
use crate::policy::{authorize_at, Actor, Permission};
use chrono::{Days, NaiveDate, Utc};
use nguon_shared::pipeline::{CheckFailure, DOCUMENT_KINDS, ITEM_STATUSES, VERIFICATION_PLACES, VERIFICATION_SUBJECTS};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

async fn load(db: &DatabaseConnection, actor: &Actor, candidacy_id: i64) -> Result<candidacy::Model, AppError> {
    let c = candidacy::Entity::find_by_id(candidacy_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ManagePipeline, c.school_id).await?;
    Ok(c)
}

async fn school_member(db: &DatabaseConnection, school_id: i64, staff_id: i64, on: NaiveDate) -> Result<staff::Model, AppError> {
    let s = staff::Entity::find_by_id(staff_id).one(db).await?.filter(|s| s.school_id == school_id).ok_or_else(|| AppError::invalid("staff", ErrorCode::InvalidValue))?;
    if s.party_full_member_since.is_none_or(|d| d > on) {
        return Err(super::candidacy::refused(vec![CheckFailure::NotFullMember { name: s.person_name().full() }]));
    }
    Ok(s)
}

/// Assigns a mentor from a day: an official member of the school on that
/// day. A current mentor's assignment ends the day before and the new one is
/// marked a replacement (with the reason).
pub async fn assign_mentor(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, candidacy_id: i64, staff_id: i64, from: NaiveDate, reason: &str) -> Result<i64, AppError> {
    let c = load(db, actor, candidacy_id).await?;
    school_member(db, c.school_id, staff_id, from).await?;
    let reason = crate::names::nfc(reason);
    let txn = crate::db::begin_write(db).await?;
    let current = mentor_assignment::Entity::find()
        .filter(mentor_assignment::Column::CandidacyId.eq(c.id))
        .filter(mentor_assignment::Column::ToDate.is_null())
        .order_by_desc(mentor_assignment::Column::Id)
        .one(&txn)
        .await?;
    if let Some(cur) = &current {
        if cur.staff_id == staff_id {
            return Err(AppError::invalid("staff", ErrorCode::AlreadyDone));
        }
        if reason.is_empty() {
            return Err(AppError::invalid("reason", ErrorCode::Required));
        }
        if from <= cur.from_date {
            return Err(AppError::invalid("from", ErrorCode::OutOfPeriod));
        }
        let mut a: mentor_assignment::ActiveModel = cur.clone().into();
        a.to_date = Set(Some(from - Days::new(1)));
        a.update(&txn).await?;
    }
    let m = mentor_assignment::ActiveModel {
        candidacy_id: Set(c.id),
        staff_id: Set(staff_id),
        from_date: Set(from),
        replacement: Set(current.is_some()),
        reason: Set(Some(reason).filter(|r| !r.is_empty())),
        decided_by: Set(actor.user_id),
        decided_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "assign_mentor",
            entity: "candidacy",
            entity_id: Some(c.id.to_string()),
            before: current.map(|cur| serde_json::json!({ "staff_id": cur.staff_id })),
            after: Some(serde_json::json!({ "staff_id": staff_id, "from": from.to_string(), "replacement": m.replacement })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(m.id)
}

/// Adds an introducer: an official member of the school, with the day they
/// began working or studying with the candidate.
pub async fn add_introducer(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    candidacy_id: i64,
    staff_id: i64,
    together_since: NaiveDate,
    replacement: bool,
    today: NaiveDate,
) -> Result<i64, AppError> {
    let c = load(db, actor, candidacy_id).await?;
    school_member(db, c.school_id, staff_id, today).await?;
    if together_since > today {
        return Err(AppError::invalid("together_since", ErrorCode::OutOfPeriod));
    }
    let txn = crate::db::begin_write(db).await?;
    let dup = introducer::Entity::find()
        .filter(introducer::Column::CandidacyId.eq(c.id))
        .filter(introducer::Column::StaffId.eq(staff_id))
        .filter(introducer::Column::RemovedAt.is_null())
        .one(&txn)
        .await?;
    if dup.is_some() {
        return Err(AppError::invalid("staff", ErrorCode::AlreadyDone));
    }
    let i = introducer::ActiveModel {
        candidacy_id: Set(c.id),
        staff_id: Set(staff_id),
        together_since: Set(together_since),
        replacement: Set(replacement),
        added_by: Set(actor.user_id),
        added_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry { action: "add_introducer", entity: "candidacy", entity_id: Some(c.id.to_string()), before: None, after: Some(serde_json::json!({ "staff_id": staff_id, "replacement": replacement })) },
    )
    .await?;
    txn.commit().await?;
    Ok(i.id)
}

/// Records an awareness-class certificate.
pub async fn record_certificate(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, candidacy_id: i64, number: &str, issued_on: NaiveDate, issuer: &str, today: NaiveDate) -> Result<i64, AppError> {
    let c = load(db, actor, candidacy_id).await?;
    let txn = crate::db::begin_write(db).await?;
    let id = insert_certificate(&txn, actor, ctx, c.id, number, issued_on, issuer, today).await?;
    txn.commit().await?;
    Ok(id)
}

/// Validates and inserts a certificate in the caller's transaction (after
/// authorising), audited; shared by the candidacy page and class completion.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_certificate<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ctx: &AuditContext,
    candidacy_id: i64,
    number: &str,
    issued_on: NaiveDate,
    issuer: &str,
    today: NaiveDate,
) -> Result<i64, AppError> {
    let number = crate::names::nfc(number);
    let mut errors = Vec::new();
    if number.is_empty() {
        errors.push(FieldError::new("number", ErrorCode::Required));
    } else if number.chars().count() > 40 {
        errors.push(FieldError::new("number", ErrorCode::TooLong { max: 40 }));
    }
    if issued_on > today {
        errors.push(FieldError::new("issued_on", ErrorCode::OutOfPeriod));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let row = certificate::ActiveModel {
        candidacy_id: Set(candidacy_id),
        number: Set(number.clone()),
        issued_on: Set(issued_on),
        issuer: Set(Some(crate::names::nfc(issuer)).filter(|i| !i.is_empty())),
        recorded_by: Set(actor.user_id),
        recorded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(conn, ctx, AuditEntry::created("certificate", row.id, serde_json::json!({ "candidacy_id": candidacy_id, "number": number, "issued_on": issued_on.to_string() })))
        .await?;
    Ok(row.id)
}

/// A dossier checklist line as the form gives it.
#[derive(Clone, Debug, Default)]
pub struct ItemInput {
    /// Kind code.
    pub kind: String,
    /// For verifications: `student`, `father`, `mother`, `guardian`.
    pub subject: Option<String>,
    /// For verifications: `hometown`, `residence`, `other`.
    pub place: Option<String>,
    /// `requested`, `received`, `concluded`, `needs_correction`.
    pub status: String,
    /// Requested.
    pub requested_on: Option<NaiveDate>,
    /// Received.
    pub received_on: Option<NaiveDate>,
    /// Valid until.
    pub valid_until: Option<NaiveDate>,
    /// Who holds the paper.
    pub holder: String,
}

/// Adds a checklist line (status and dates; never the document's content).
pub async fn add_item(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, candidacy_id: i64, input: ItemInput) -> Result<i64, AppError> {
    let c = load(db, actor, candidacy_id).await?;
    let mut errors = Vec::new();
    if !DOCUMENT_KINDS.contains(&input.kind.as_str()) {
        errors.push(FieldError::new("kind", ErrorCode::InvalidValue));
    }
    if !ITEM_STATUSES.contains(&input.status.as_str()) {
        errors.push(FieldError::new("status", ErrorCode::InvalidValue));
    }
    let verification = input.kind == "verification";
    if verification && !input.subject.as_deref().is_some_and(|s| VERIFICATION_SUBJECTS.contains(&s)) {
        errors.push(FieldError::new("subject", ErrorCode::Required));
    }
    if verification && !input.place.as_deref().is_some_and(|p| VERIFICATION_PLACES.contains(&p)) {
        errors.push(FieldError::new("place", ErrorCode::Required));
    }
    if input.status != "requested" && input.received_on.is_none() {
        errors.push(FieldError::new("received_on", ErrorCode::Required));
    }
    if let (Some(r), Some(g)) = (input.requested_on, input.received_on) {
        if g < r {
            errors.push(FieldError::new("received_on", ErrorCode::OutOfPeriod));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let row = dossier_item::ActiveModel {
        candidacy_id: Set(c.id),
        kind: Set(input.kind.clone()),
        subject: Set(input.subject.filter(|_| verification)),
        place: Set(input.place.filter(|_| verification)),
        status: Set(input.status.clone()),
        requested_on: Set(input.requested_on),
        received_on: Set(input.received_on),
        valid_until: Set(input.valid_until),
        holder: Set(Some(crate::names::nfc(&input.holder)).filter(|h| !h.is_empty())),
        updated_by: Set(actor.user_id),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, ctx, AuditEntry::created("dossier_item", row.id, serde_json::json!({ "candidacy_id": c.id, "kind": input.kind, "status": input.status })))
        .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Records that the biography went back to the candidate for rewriting, and why.
pub async fn return_biography(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, candidacy_id: i64, on: NaiveDate, reason: &str, today: NaiveDate) -> Result<u32, AppError> {
    let c = load(db, actor, candidacy_id).await?;
    let reason = crate::names::nfc(reason);
    if reason.is_empty() {
        return Err(AppError::invalid("reason", ErrorCode::Required));
    }
    if on > today {
        return Err(AppError::invalid("on", ErrorCode::OutOfPeriod));
    }
    let txn = crate::db::begin_write(db).await?;
    let row = biography_return::ActiveModel { candidacy_id: Set(c.id), returned_on: Set(on), reason: Set(reason), recorded_by: Set(actor.user_id), recorded_at: Set(Utc::now()), ..Default::default() }
        .insert(&txn)
        .await?;
    audit::record(&txn, ctx, AuditEntry::created("biography_return", row.id, serde_json::json!({ "candidacy_id": c.id, "on": on.to_string() })))
        .await?;
    let n = super::candidacy::biography_returns(&txn, c.id).await?;
    txn.commit().await?;
    Ok(n)
}

/// Updates a checklist line's status, dates and holder (audited before/after).
pub async fn update_item(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    item_id: i64,
    status: &str,
    received_on: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    holder: &str,
) -> Result<(), AppError> {
    let item = dossier_item::Entity::find_by_id(item_id).one(db).await?.ok_or(AppError::NotFound)?;
    load(db, actor, item.candidacy_id).await?;
    if !ITEM_STATUSES.contains(&status) {
        return Err(AppError::invalid("status", ErrorCode::InvalidValue));
    }
    if status != "requested" && received_on.is_none() {
        return Err(AppError::invalid("received_on", ErrorCode::Required));
    }
    let txn = crate::db::begin_write(db).await?;
    let before = serde_json::json!({ "status": item.status, "received_on": item.received_on.map(|d| d.to_string()), "valid_until": item.valid_until.map(|d| d.to_string()) });
    let mut a: dossier_item::ActiveModel = item.clone().into();
    a.status = Set(status.to_string());
    a.received_on = Set(received_on);
    a.valid_until = Set(valid_until);
    a.holder = Set(Some(crate::names::nfc(holder)).filter(|h| !h.is_empty()));
    a.updated_by = Set(actor.user_id);
    a.updated_at = Set(Utc::now());
    a.update(&txn).await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "update",
            entity: "dossier_item",
            entity_id: Some(item.id.to_string()),
            before: Some(before),
            after: Some(serde_json::json!({ "status": status, "received_on": received_on.map(|d| d.to_string()), "valid_until": valid_until.map(|d| d.to_string()) })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
