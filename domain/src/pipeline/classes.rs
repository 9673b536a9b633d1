//! Party-awareness classes run by training centres (organisation units):
//! dates and capacity, the school's candidates enrolled, completion with the
//! certificate. A school sees the classes of the training centre it is
//! linked to on the day; places taken count every school, but names are
//! only ever shown of the school's own candidates.

use super::records::insert_certificate;
use super::rules::{certificate_valid_until, PipelineRules};
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{awareness_class, awareness_enrolment, candidacy, certificate, org_unit, student};
use crate::org::{effective_target, Relation};
use crate::policy::{authorize_at, Actor, Permission};
use crate::rules_config::{self, PIPELINE};
use chrono::{NaiveDate, Utc};
use nguon_shared::mentoring::{AwarenessClassView, EnrolmentView};
use nguon_shared::pipeline::Stage;
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};

/// The training centre a school is linked to on a day.
async fn centre_of<C: ConnectionTrait>(conn: &C, school_id: i64, on: NaiveDate) -> Result<Option<i64>, AppError> {
    effective_target(conn, school_id, Relation::TrainingCentre, on).await
}

/// One enrolment as shown (the caller has checked that it is the school's).
async fn enrolment_view<C: ConnectionTrait>(conn: &C, e: &awareness_enrolment::Model, class: &awareness_class::Model, r: &PipelineRules) -> Result<EnrolmentView, AppError> {
    let c = candidacy::Entity::find_by_id(e.candidacy_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let name = student::Entity::find_by_id(c.student_id).one(conn).await?.map(|s| s.person_name().full()).unwrap_or_default();
    let certificate = match e.certificate_id {
        Some(id) => certificate::Entity::find_by_id(id).one(conn).await?.map(|c| {
            let until = certificate_valid_until(c.issued_on, r);
            (c.number, c.issued_on, until)
        }),
        None => None,
    };
    Ok(EnrolmentView { id: e.id, candidacy_id: c.id, name, class_name: class.name.clone(), ends_on: class.ends_on, certificate })
}

/// The classes of the school's training centre, newest first, with the school's enrolments.
pub async fn list<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64, today: NaiveDate) -> Result<Vec<AwarenessClassView>, AppError> {
    authorize_at(conn, actor, Permission::ManagePipeline, school_id).await?;
    let Some(centre) = centre_of(conn, school_id, today).await? else { return Ok(Vec::new()) };
    let centre_name = org_unit::Entity::find_by_id(centre).one(conn).await?.map(|u| u.name).unwrap_or_default();
    let r: PipelineRules = rules_config::value(conn, &PIPELINE, school_id, today).await?;
    let mut out = Vec::new();
    for class in awareness_class::Entity::find().filter(awareness_class::Column::CentreId.eq(centre)).order_by_desc(awareness_class::Column::StartsOn).all(conn).await? {
        let all = awareness_enrolment::Entity::find().filter(awareness_enrolment::Column::ClassId.eq(class.id)).all(conn).await?;
        let mut enrolments = Vec::new();
        for e in &all {
            let ours = candidacy::Entity::find_by_id(e.candidacy_id).one(conn).await?.is_some_and(|c| c.school_id == school_id);
            if ours {
                enrolments.push(enrolment_view(conn, e, &class, &r).await?);
            }
        }
        enrolments.sort_by(|a, b| crate::names::compare_full_names(&a.name, &b.name));
        out.push(AwarenessClassView {
            id: class.id,
            centre: centre_name.clone(),
            name: class.name.clone(),
            starts_on: class.starts_on,
            ends_on: class.ends_on,
            capacity: class.capacity.max(0) as u32,
            taken: all.len() as u32,
            enrolments,
        });
    }
    Ok(out)
}

/// The classes a candidacy is enrolled in (for its page; the caller has checked the reader).
pub async fn of_candidacy<C: ConnectionTrait>(conn: &C, candidacy_id: i64, r: &PipelineRules) -> Result<Vec<EnrolmentView>, AppError> {
    let mut out = Vec::new();
    for e in awareness_enrolment::Entity::find().filter(awareness_enrolment::Column::CandidacyId.eq(candidacy_id)).order_by_asc(awareness_enrolment::Column::Id).all(conn).await? {
        if let Some(class) = awareness_class::Entity::find_by_id(e.class_id).one(conn).await? {
            out.push(enrolment_view(conn, &e, &class, r).await?);
        }
    }
    Ok(out)
}

/// A new class as the form gives it.
#[derive(Clone, Debug)]
pub struct NewClass {
    /// Name.
    pub name: String,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Places.
    pub capacity: u32,
}

/// Records a class of the school's training centre (as its Party cell learns of it).
pub async fn create(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, school_id: i64, input: NewClass, today: NaiveDate) -> Result<i64, AppError> {
    authorize_at(db, actor, Permission::ManagePipeline, school_id).await?;
    let name = crate::names::nfc(&input.name);
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(FieldError::new("name", ErrorCode::Required));
    } else if name.chars().count() > 120 {
        errors.push(FieldError::new("name", ErrorCode::TooLong { max: 120 }));
    }
    if input.ends_on < input.starts_on {
        errors.push(FieldError::new("ends_on", ErrorCode::OutOfPeriod));
    }
    if !(1..=500).contains(&input.capacity) {
        errors.push(FieldError::new("capacity", ErrorCode::InvalidValue));
    }
    let centre = centre_of(db, school_id, today).await?;
    if centre.is_none() {
        errors.push(FieldError::new("centre", ErrorCode::Required));
    }
    let (Some(centre), true) = (centre, errors.is_empty()) else { return Err(AppError::Invalid(errors)) };
    let txn = crate::db::begin_write(db).await?;
    let row = awareness_class::ActiveModel {
        centre_id: Set(centre),
        name: Set(name.clone()),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        capacity: Set(input.capacity as i32),
        created_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry::created("awareness_class", row.id, serde_json::json!({ "centre_id": centre, "name": name, "starts_on": input.starts_on.to_string(), "ends_on": input.ends_on.to_string(), "capacity": input.capacity })),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Enrols a candidate (in the pool or the class stage) in a class of the
/// school's centre that has a place left and has not ended.
pub async fn enrol(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, class_id: i64, candidacy_id: i64, today: NaiveDate) -> Result<i64, AppError> {
    let c = candidacy::Entity::find_by_id(candidacy_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ManagePipeline, c.school_id).await?;
    let class = awareness_class::Entity::find_by_id(class_id).one(db).await?.ok_or(AppError::NotFound)?;
    if centre_of(db, c.school_id, today).await? != Some(class.centre_id) {
        return Err(AppError::NotFound);
    }
    let stage = Stage::from_code(&c.stage).ok_or_else(|| AppError::internal("unknown stage"))?;
    if !matches!(stage, Stage::Pool | Stage::AwarenessClass) {
        return Err(AppError::invalid("candidacy", ErrorCode::OutOfPeriod));
    }
    if class.ends_on < today {
        return Err(AppError::invalid("class", ErrorCode::OutOfPeriod));
    }
    let txn = crate::db::begin_write(db).await?;
    let mine = awareness_enrolment::Entity::find().filter(awareness_enrolment::Column::CandidacyId.eq(c.id)).all(&txn).await?;
    if mine.iter().any(|e| e.class_id == class.id || e.certificate_id.is_none()) {
        return Err(AppError::invalid("candidacy", ErrorCode::AlreadyDone));
    }
    let taken = awareness_enrolment::Entity::find().filter(awareness_enrolment::Column::ClassId.eq(class.id)).count(&txn).await?;
    if taken >= class.capacity.max(0) as u64 {
        return Err(AppError::invalid("class", ErrorCode::Full));
    }
    let row = awareness_enrolment::ActiveModel {
        class_id: Set(class.id),
        candidacy_id: Set(c.id),
        enrolled_on: Set(today),
        certificate_id: Set(None),
        enrolled_by: Set(actor.user_id),
        enrolled_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, ctx, AuditEntry { action: "enrol", entity: "awareness_class", entity_id: Some(class.id.to_string()), before: None, after: Some(serde_json::json!({ "candidacy_id": c.id })) }).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Records that an enrolled candidate completed the class: the certificate
/// (number, day of issue, issued by the centre) in the same transaction.
pub async fn complete(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, enrolment_id: i64, number: &str, issued_on: NaiveDate, today: NaiveDate) -> Result<i64, AppError> {
    let e = awareness_enrolment::Entity::find_by_id(enrolment_id).one(db).await?.ok_or(AppError::NotFound)?;
    let c = candidacy::Entity::find_by_id(e.candidacy_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ManagePipeline, c.school_id).await?;
    if e.certificate_id.is_some() {
        return Err(AppError::invalid("enrolment", ErrorCode::AlreadyDone));
    }
    let class = awareness_class::Entity::find_by_id(e.class_id).one(db).await?.ok_or(AppError::NotFound)?;
    if issued_on < class.starts_on {
        return Err(AppError::invalid("issued_on", ErrorCode::OutOfPeriod));
    }
    let centre = org_unit::Entity::find_by_id(class.centre_id).one(db).await?.map(|u| u.name).unwrap_or_default();
    let txn = crate::db::begin_write(db).await?;
    let certificate_id = insert_certificate(&txn, actor, ctx, c.id, number, issued_on, &centre, today).await?;
    let mut a: awareness_enrolment::ActiveModel = e.into();
    a.certificate_id = Set(Some(certificate_id));
    a.update(&txn).await?;
    txn.commit().await?;
    Ok(certificate_id)
}
