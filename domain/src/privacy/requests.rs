//! The register of data-subject requests: recorded with their due day in
//! working days of the school's calendar, listed open first, answered once
//! (a withdrawal through the consent register's own code path), audited.

use super::rules::{self, RequestInput};
use super::load_student;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{data_request, student};
use crate::pipeline::candidacy::calendar_for;
use crate::pipeline::consent;
use crate::policy::{authorize_at, Actor, Permission};
use crate::rules_config::{self, PRIVACY};
use chrono::{NaiveDate, Utc};
use nguon_shared::privacy::RequestRow;
use nguon_shared::{AppError, ErrorCode};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// Records a request about `student_id`; returns its id.
pub async fn record(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, student_id: i64, input: RequestInput, today: NaiveDate) -> Result<i64, AppError> {
    let s = load_student(db, actor, student_id).await?;
    let input = RequestInput {
        requester_name: crate::names::nfc(&input.requester_name),
        details: crate::names::nfc_keep_lines(&input.details).trim().to_string(),
        ..input
    };
    let errors = rules::check_request(&input, s.date_of_birth, today);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let r = rules_config::value(db, &PRIVACY, s.school_id, input.received_on).await?;
    let cal = calendar_for(db, s.school_id, input.received_on).await?;
    let due = rules::due_on(&cal, input.received_on, r.answer_working_days);
    let txn = crate::db::begin_write(db).await?;
    let row = data_request::ActiveModel {
        school_id: Set(s.school_id),
        student_id: Set(s.id),
        requester: Set(input.requester.clone()),
        requester_name: Set(input.requester_name),
        kind: Set(input.kind.clone()),
        details: Set(input.details),
        received_on: Set(input.received_on),
        due_on: Set(due),
        recorded_by: Set(actor.user_id),
        recorded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry::created(
            "data_request",
            row.id,
            serde_json::json!({ "student_id": s.id, "kind": input.kind, "requester": input.requester, "received_on": input.received_on.to_string(), "due_on": due.to_string() }),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// An answer to a request.
#[derive(Clone, Debug)]
pub struct AnswerInput {
    /// The day it was answered.
    pub answered_on: NaiveDate,
    /// What was answered (and done).
    pub answer: String,
    /// For a withdrawal: the consent it ends.
    pub consent_id: Option<i64>,
}

/// Records the answer to a request; a withdrawal ends the chosen consent
/// (and any open candidacy) in the same transaction.
pub async fn answer(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, request_id: i64, input: AnswerInput, today: NaiveDate) -> Result<(), AppError> {
    let req = data_request::Entity::find_by_id(request_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::HandleDataRequests, req.school_id).await?;
    let text = crate::names::nfc_keep_lines(&input.answer).trim().to_string();
    let mut errors = Vec::new();
    if req.answered_on.is_some() {
        return Err(AppError::invalid("request", ErrorCode::AlreadyDone));
    }
    if text.is_empty() {
        errors.push(nguon_shared::FieldError::new("answer", ErrorCode::Required));
    } else if text.chars().count() > 2000 {
        errors.push(nguon_shared::FieldError::new("answer", ErrorCode::TooLong { max: 2000 }));
    }
    if input.answered_on < req.received_on || input.answered_on > today {
        errors.push(nguon_shared::FieldError::new("answered_on", ErrorCode::OutOfPeriod));
    }
    let withdrawal = req.kind == "withdrawal";
    if withdrawal && input.consent_id.is_none() {
        errors.push(nguon_shared::FieldError::new("consent", ErrorCode::Required));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    if let (true, Some(consent_id)) = (withdrawal, input.consent_id) {
        let c = crate::entities::consent::Entity::find_by_id(consent_id).one(&txn).await?.filter(|c| c.student_id == req.student_id);
        if c.is_none() {
            return Err(AppError::invalid("consent", ErrorCode::InvalidValue));
        }
        consent::withdraw_in(&txn, actor, ctx, consent_id, input.answered_on, &text).await?;
    }
    let mut a: data_request::ActiveModel = req.clone().into();
    a.answered_on = Set(Some(input.answered_on));
    a.answer = Set(Some(text));
    a.answered_by = Set(Some(actor.user_id));
    a.update(&txn).await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "answer",
            entity: "data_request",
            entity_id: Some(req.id.to_string()),
            before: None,
            after: Some(serde_json::json!({ "answered_on": input.answered_on.to_string(), "on_time": input.answered_on <= req.due_on, "consent_id": input.consent_id })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Rows of the register for `requests`, open ones first (soonest due), then answered ones (latest first).
pub(crate) async fn rows<C: ConnectionTrait>(conn: &C, mut requests: Vec<data_request::Model>, today: NaiveDate) -> Result<Vec<RequestRow>, AppError> {
    requests.sort_by(|a, b| {
        let key = |r: &data_request::Model| (r.answered_on.is_some(), if r.answered_on.is_some() { None } else { Some(r.due_on) });
        key(a).cmp(&key(b)).then_with(|| b.answered_on.cmp(&a.answered_on)).then(b.id.cmp(&a.id))
    });
    let ids: Vec<i64> = requests.iter().map(|r| r.student_id).collect();
    let names: HashMap<i64, String> =
        student::Entity::find().filter(student::Column::Id.is_in(ids)).all(conn).await?.into_iter().map(|s| (s.id, s.person_name().full())).collect();
    Ok(requests
        .into_iter()
        .map(|r| RequestRow {
            id: r.id,
            student_id: r.student_id,
            student_name: names.get(&r.student_id).cloned().unwrap_or_default(),
            overdue: rules::overdue(r.due_on, r.answered_on, today),
            requester: r.requester,
            requester_name: r.requester_name,
            kind: r.kind,
            details: r.details,
            received_on: r.received_on,
            due_on: r.due_on,
            answered_on: r.answered_on,
            answer: r.answer,
        })
        .collect())
}

/// The open requests of every school where the actor keeps the register (the tasks inbox).
pub async fn open_for<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<Vec<RequestRow>, AppError> {
    if !actor.grants.iter().any(|(role, _)| crate::policy::role_allows(*role, Permission::HandleDataRequests)) {
        return Ok(Vec::new());
    }
    let open = data_request::Entity::find().filter(data_request::Column::AnsweredOn.is_null()).all(conn).await?;
    let mut allowed: HashMap<i64, bool> = HashMap::new();
    let mut mine = Vec::new();
    for r in open {
        let ok = match allowed.get(&r.school_id) {
            Some(ok) => *ok,
            None => {
                let ok = super::may_handle(conn, actor, r.school_id).await;
                allowed.insert(r.school_id, ok);
                ok
            }
        };
        if ok {
            mine.push(r);
        }
    }
    rows(conn, mine, today).await
}

/// The requests about one student (after the caller authorised).
pub(crate) async fn of_student<C: ConnectionTrait>(conn: &C, s: &student::Model, today: NaiveDate) -> Result<Vec<RequestRow>, AppError> {
    let list = data_request::Entity::find().filter(data_request::Column::StudentId.eq(s.id)).all(conn).await?;
    rows(conn, list, today).await
}
