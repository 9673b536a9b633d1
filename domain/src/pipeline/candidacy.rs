//! Candidacies and their stage moves: entering the pool, every move checked
//! against the procedure's rules with its facts gathered from the records,
//! overrides by a Party cell officer only (with a recorded reason), and the
//! append-only history.

use super::calendar::Calendar;
use super::rules::{check_move, MoveFacts, PipelineRules, Vote};
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{
    biography_return, candidacy, candidacy_event, decision, student, vote,
};
use crate::policy::{authorize_at, unit_chain, Actor, Permission};
use crate::rules_config::{self, GRASSROOTS_COMMITTEE, PIPELINE};
use chrono::{NaiveDate, Utc};
use nguon_shared::pipeline::{CheckFailure, Stage};
use nguon_shared::{AppError, ErrorCode, FieldError, Role};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

/// Refusal of a move: one field error per failed check.
pub fn refused(failures: Vec<CheckFailure>) -> AppError {
    AppError::Invalid(failures.into_iter().map(|f| FieldError::new("checks", ErrorCode::Rule { failure: f })).collect())
}

/// Writes a move: the candidacy's stage, and an event (in the caller's transaction).
#[allow(clippy::too_many_arguments)]
pub async fn record_move<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ctx: &AuditContext,
    cand: &candidacy::Model,
    to: Stage,
    on: NaiveDate,
    reason: Option<String>,
    overridden: Option<&[CheckFailure]>,
    details: Option<serde_json::Value>,
) -> Result<(), AppError> {
    // Moved only from the stage it was read in: two people moving the same
    // candidate at the same moment record one move, and the other is told.
    let moved = candidacy::Entity::update_many()
        .col_expr(candidacy::Column::Stage, Expr::value(to.code()))
        .col_expr(candidacy::Column::StageSince, Expr::value(on))
        .filter(candidacy::Column::Id.eq(cand.id))
        .filter(candidacy::Column::Stage.eq(cand.stage.as_str()))
        .exec(conn)
        .await?
        .rows_affected;
    if moved != 1 {
        return Err(AppError::Conflict);
    }
    let overridden = match overridden {
        Some(f) if !f.is_empty() => Some(serde_json::to_string(f).map_err(AppError::internal)?),
        _ => None,
    };
    let e = candidacy_event::ActiveModel {
        candidacy_id: Set(cand.id),
        from_stage: Set(Some(cand.stage.clone())),
        to_stage: Set(to.code().to_string()),
        happened_on: Set(on),
        reason: Set(reason.clone()),
        overridden_checks: Set(overridden.clone()),
        details: Set(details.as_ref().map(|d| d.to_string())),
        recorded_by: Set(actor.user_id),
        recorded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        ctx,
        AuditEntry {
            action: "move",
            entity: "candidacy",
            entity_id: Some(cand.id.to_string()),
            before: Some(serde_json::json!({ "stage": cand.stage })),
            after: Some(serde_json::json!({ "stage": to.code(), "on": on.to_string(), "event": e.id, "overridden": overridden.is_some() })),
        },
    )
    .await
}

/// Opens a candidacy in the source pool (in the caller's transaction). The
/// student must have a valid consent and no open candidacy.
pub async fn enter_pool<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    ctx: &AuditContext,
    s: &student::Model,
    proposal_id: Option<i64>,
    on: NaiveDate,
    reason: &str,
) -> Result<i64, AppError> {
    if !super::consent::valid_on(conn, s, on).await? {
        return Err(refused(vec![CheckFailure::NoConsent]));
    }
    let open = candidacy::Entity::find().filter(candidacy::Column::StudentId.eq(s.id)).all(conn).await?;
    if open.iter().any(|c| Stage::from_code(&c.stage).is_some_and(|st| !st.is_final())) {
        return Err(AppError::invalid("student", ErrorCode::AlreadyDone));
    }
    let c = candidacy::ActiveModel {
        student_id: Set(s.id),
        school_id: Set(s.school_id),
        proposal_id: Set(proposal_id),
        stage: Set(Stage::Pool.code().to_string()),
        stage_since: Set(on),
        created_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    candidacy_event::ActiveModel {
        candidacy_id: Set(c.id),
        from_stage: Set(None),
        to_stage: Set(Stage::Pool.code().to_string()),
        happened_on: Set(on),
        reason: Set(Some(reason.to_string()).filter(|r| !r.is_empty())),
        recorded_by: Set(actor.user_id),
        recorded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        ctx,
        AuditEntry { action: "enter_pool", entity: "candidacy", entity_id: Some(c.id.to_string()), before: None, after: Some(serde_json::json!({ "student_id": s.id, "proposal_id": proposal_id, "on": on.to_string() })) },
    )
    .await?;
    Ok(c.id)
}

/// The working-day calendar of a school: default holidays for the years
/// around `on`, with the changes recorded for its units.
pub async fn calendar_for<C: ConnectionTrait>(conn: &C, school_id: i64, on: NaiveDate) -> Result<Calendar, AppError> {
    use chrono::Datelike;
    let mut cal = Calendar::with_defaults(on.year() - 1..=on.year() + 2);
    for h in super::settings::holiday_changes(conn, school_id).await? {
        cal.set(h.day, h.off);
    }
    Ok(cal)
}


/// What a move records besides its day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoveExtras {
    /// A vote (into `CellVote` or `CommitteeReview`): members, present, for, against, abstain.
    pub vote: Option<[u32; 5]>,
    /// A decision (into `Decision`): number, decided on, received on, deciding body.
    pub decision: Option<(String, NaiveDate, NaiveDate, Option<i64>)>,
    /// The superior committee's agreement to a late ceremony (its reference).
    pub superior_agreement: Option<String>,
}

/// Gathers the facts the checks of a move look at.
pub async fn facts<C: ConnectionTrait>(conn: &C, cand: &candidacy::Model, on: NaiveDate, extras: &MoveExtras) -> Result<MoveFacts, AppError> {
    let gathered = super::gathered::Gathered::load(conn, std::slice::from_ref(cand)).await?;
    let has_committee = rules_config::value(conn, &GRASSROOTS_COMMITTEE, cand.school_id, on).await?;
    let mut f = gathered.facts(cand, on, has_committee, extras.decision.as_ref().map(|(_, _, received, _)| *received))?;
    let to_vote = |v: [u32; 5]| Vote { members: v[0], for_votes: v[2] };
    f.vote = extras.vote.map(to_vote);
    f.committee_vote = extras.vote.map(to_vote);
    f.superior_agreement |= extras.superior_agreement.is_some();
    Ok(f)
}

/// A move asked for.
#[derive(Clone, Debug)]
pub struct MoveInput {
    /// The candidacy.
    pub candidacy_id: i64,
    /// The stage to move to.
    pub to: Stage,
    /// The day it happened (a ceremony's may be planned ahead).
    pub on: NaiveDate,
    /// Reason (required for exits).
    pub reason: String,
    /// An officer's reason to override failed checks (Party cell officers only).
    pub override_reason: String,
    /// The officer saw the checks being overridden and confirmed (a second
    /// step: the first answer lists them and asks).
    pub override_confirmed: bool,
    /// What the move records.
    pub extras: MoveExtras,
}

fn is_cell_officer(actor: &Actor, chain: &[i64]) -> bool {
    actor.grants.iter().any(|(role, unit)| *role == Role::PartyCellOfficer && chain.contains(unit))
}

/// Moves a candidacy, after its checks. Failed checks refuse the move (each
/// explained), unless a Party cell officer of the school overrides them with
/// a reason, which is kept with the move. A move that the procedure does
/// not have is never overridden.
pub async fn move_candidate(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: MoveInput, today: NaiveDate) -> Result<(), AppError> {
    let cand = candidacy::Entity::find_by_id(input.candidacy_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ManagePipeline, cand.school_id).await?;
    let chain = unit_chain(db, cand.school_id).await?;
    let from = Stage::from_code(&cand.stage).ok_or_else(|| AppError::internal(format!("unknown stage {}", cand.stage)))?;
    let reason = crate::names::nfc(&input.reason);
    let override_reason = crate::names::nfc(&input.override_reason);
    let mut errors = Vec::new();
    if input.to.is_exit() && reason.is_empty() {
        errors.push(FieldError::new("reason", ErrorCode::Required));
    }
    let planned = input.to == Stage::Ceremony;
    if input.on < cand.stage_since || (!planned && input.on > today) {
        errors.push(FieldError::new("on", ErrorCode::OutOfPeriod));
    }
    if let Some([members, present, for_votes, against, abstain]) = input.extras.vote {
        if present > members || for_votes + against + abstain > present {
            errors.push(FieldError::new("vote", ErrorCode::InvalidValue));
        }
    }
    if let Some((number, decided, received, _)) = &input.extras.decision {
        if number.trim().is_empty() {
            errors.push(FieldError::new("decision_number", ErrorCode::Required));
        }
        if received < decided {
            errors.push(FieldError::new("decision_received", ErrorCode::OutOfPeriod));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let rules_now: PipelineRules = rules_config::value(db, &PIPELINE, cand.school_id, input.on).await?;
    let cal = calendar_for(db, cand.school_id, input.on).await?;
    let f = facts(db, &cand, input.on, &input.extras).await?;
    let failures = check_move(from, input.to, &f, &rules_now, &cal);
    let overriding = !failures.is_empty();
    if overriding {
        let impossible = failures.iter().any(|f| matches!(f, CheckFailure::NotAllowed { .. }));
        if impossible || override_reason.is_empty() || !is_cell_officer(actor, &chain) {
            return Err(refused(failures));
        }
        if !input.override_confirmed {
            let mut ask: Vec<FieldError> = failures.into_iter().map(|f| FieldError::new("checks", ErrorCode::Rule { failure: f })).collect();
            ask.push(FieldError::new("confirm_override", ErrorCode::NeedsConfirmation));
            return Err(AppError::Invalid(ask));
        }
    }
    let txn = crate::db::begin_write(db).await?;
    let mut details = serde_json::Map::new();
    if let Some([members, present, for_votes, against, abstain]) = input.extras.vote {
        let body = if input.to == Stage::CommitteeReview { "committee" } else { "cell" };
        vote::ActiveModel {
            candidacy_id: Set(cand.id),
            body: Set(body.into()),
            meeting_on: Set(input.on),
            members: Set(members as i32),
            present: Set(present as i32),
            for_votes: Set(for_votes as i32),
            against: Set(against as i32),
            abstain: Set(abstain as i32),
            recorded_by: Set(actor.user_id),
            recorded_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        details.insert("vote".into(), serde_json::json!([members, present, for_votes, against, abstain]));
    }
    if let Some((number, decided, received, body)) = &input.extras.decision {
        // The deciding committee in force on the decision's day (domain.md §6), unless given.
        let body = match body {
            Some(b) => Some(*b),
            None => crate::org::effective_target(&txn, cand.school_id, crate::org::Relation::DecidingCommittee, *decided).await?,
        };
        decision::ActiveModel {
            candidacy_id: Set(cand.id),
            deciding_body_id: Set(body),
            number: Set(number.trim().to_string()),
            decided_on: Set(*decided),
            received_on: Set(*received),
            recorded_by: Set(actor.user_id),
            recorded_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        details.insert("decision".into(), serde_json::json!({ "number": number.trim(), "decided_on": decided.to_string(), "received_on": received.to_string() }));
    }
    let mut cand = cand;
    if matches!(input.to, Stage::Ceremony | Stage::Probation) || input.extras.superior_agreement.is_some() {
        let mut a: candidacy::ActiveModel = cand.clone().into();
        if matches!(input.to, Stage::Ceremony | Stage::Probation) {
            a.ceremony_on = Set(Some(input.on));
        }
        if let Some(agreement) = &input.extras.superior_agreement {
            a.superior_agreement = Set(Some(agreement.clone()));
        }
        cand = a.update(&txn).await?;
    }
    let event_reason = match (reason.is_empty(), overriding) {
        (_, true) => Some(if reason.is_empty() { override_reason.clone() } else { format!("{reason} — {override_reason}") }),
        (false, false) => Some(reason),
        (true, false) => None,
    };
    let details = (!details.is_empty()).then_some(serde_json::Value::Object(details));
    record_move(&txn, actor, ctx, &cand, input.to, input.on, event_reason, overriding.then_some(failures.as_slice()), details).await?;
    txn.commit().await?;
    Ok(())
}

/// How many times a candidacy's biography went back for rewriting.
pub async fn biography_returns<C: ConnectionTrait>(conn: &C, candidacy_id: i64) -> Result<u32, AppError> {
    Ok(biography_return::Entity::find().filter(biography_return::Column::CandidacyId.eq(candidacy_id)).all(conn).await?.len() as u32)
}
