//! The source pool: the Party cell accepts or declines each student the
//! union proposed (with a reason); an accepted student with consent on
//! record enters the pool.

use super::candidacy;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{pool_proposal, student};
use crate::merit::outstanding::status;
use crate::policy::{authorize_at, Actor, Permission};
use chrono::{NaiveDate, Utc};
use nguon_shared::{AppError, ErrorCode};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

/// A proposal waiting for the cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingProposal {
    /// The proposal.
    pub proposal: pool_proposal::Model,
    /// The student.
    pub student: student::Model,
}

/// The union's proposals of a school still waiting for the cell, oldest first.
pub async fn pending<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Vec<PendingProposal>, AppError> {
    authorize_at(conn, actor, Permission::ManagePipeline, school_id).await?;
    let rows = pool_proposal::Entity::find()
        .filter(pool_proposal::Column::SchoolId.eq(school_id))
        .filter(pool_proposal::Column::Status.eq(status::PROPOSED))
        .order_by_asc(pool_proposal::Column::Id)
        .all(conn)
        .await?;
    let mut out = Vec::new();
    for p in rows {
        if let Some(s) = student::Entity::find_by_id(p.student_id).one(conn).await? {
            out.push(PendingProposal { proposal: p, student: s });
        }
    }
    Ok(out)
}

/// The cell's decision on a proposal, on a day, with a reason. Accepting
/// opens the candidacy in the pool (consent required); returns its id.
pub async fn decide(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    proposal_id: i64,
    accept: bool,
    reason: &str,
    on: NaiveDate,
) -> Result<Option<i64>, AppError> {
    let p = pool_proposal::Entity::find_by_id(proposal_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ManagePipeline, p.school_id).await?;
    let reason = crate::names::nfc(reason);
    if reason.is_empty() {
        return Err(AppError::invalid("reason", ErrorCode::Required));
    }
    if p.status != status::PROPOSED {
        return Err(AppError::invalid("proposal", ErrorCode::AlreadyDone));
    }
    let s = student::Entity::find_by_id(p.student_id).one(db).await?.ok_or(AppError::NotFound)?;
    let txn = crate::db::begin_write(db).await?;
    let mut a: pool_proposal::ActiveModel = p.clone().into();
    a.status = Set(if accept { status::ACCEPTED } else { status::DECLINED }.to_string());
    a.decided_by = Set(Some(actor.user_id));
    a.decided_at = Set(Some(Utc::now()));
    a.decision_reason = Set(Some(reason.clone()));
    a.update(&txn).await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: if accept { "accept" } else { "decline" },
            entity: "pool_proposal",
            entity_id: Some(p.id.to_string()),
            before: Some(serde_json::json!({ "status": p.status })),
            after: Some(serde_json::json!({ "reason": reason })),
        },
    )
    .await?;
    let id = if accept { Some(candidacy::enter_pool(&txn, actor, ctx, &s, Some(p.id), on, &reason).await?) } else { None };
    txn.commit().await?;
    Ok(id)
}

/// The pending proposals as shown to the cell, with each student's consents.
pub async fn pending_views<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Vec<nguon_shared::pipeline::ProposalView>, AppError> {
    use crate::entities::consent;
    let mut out = Vec::new();
    for p in pending(conn, actor, school_id).await? {
        let consents = consent::Entity::find()
            .filter(consent::Column::StudentId.eq(p.student.id))
            .order_by_asc(consent::Column::Id)
            .all(conn)
            .await?
            .into_iter()
            .map(super::board::consent_view)
            .collect();
        out.push(nguon_shared::pipeline::ProposalView {
            id: p.proposal.id,
            student_id: p.student.id,
            name: p.student.person_name().full(),
            date_of_birth: p.student.date_of_birth,
            reason: p.proposal.reason,
            consents,
        });
    }
    Ok(out)
}
