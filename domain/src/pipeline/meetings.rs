//! Joint meetings of the school's Party cell and Youth Union, held
//! periodically to discuss the source pool: day, attendees, the students
//! discussed (proposed, in the pool or candidates of the school) and the
//! decisions. Both the Party roles and the union officers record and read them.

use super::CONSENT_KEEPERS;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{candidacy, joint_meeting, joint_meeting_student, pool_proposal, student};
use crate::merit::outstanding::status;
use crate::policy::{authorize_any_at, Actor};
use chrono::{NaiveDate, Utc};
use nguon_shared::mentoring::{DiscussedStudent, JointMeetingView, MeetingStudentOption};
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::{BTreeMap, BTreeSet};

/// The students a meeting may discuss: proposed and waiting, or with an open candidacy.
async fn discussable<C: ConnectionTrait>(conn: &C, school_id: i64) -> Result<BTreeSet<i64>, AppError> {
    let mut ids: BTreeSet<i64> = pool_proposal::Entity::find()
        .filter(pool_proposal::Column::SchoolId.eq(school_id))
        .filter(pool_proposal::Column::Status.eq(status::PROPOSED))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.student_id)
        .collect();
    for c in candidacy::Entity::find().filter(candidacy::Column::SchoolId.eq(school_id)).all(conn).await? {
        if nguon_shared::pipeline::Stage::from_code(&c.stage).is_some_and(|s| !s.is_final()) {
            ids.insert(c.student_id);
        }
    }
    Ok(ids)
}

async fn names<C: ConnectionTrait>(conn: &C, ids: impl IntoIterator<Item = i64>) -> Result<Vec<(i64, String)>, AppError> {
    let ids: Vec<i64> = ids.into_iter().collect();
    let mut out: Vec<(i64, String)> = student::Entity::find().filter(student::Column::Id.is_in(ids)).all(conn).await?.into_iter().map(|s| (s.id, s.person_name().full())).collect();
    out.sort_by(|a, b| crate::names::compare_full_names(&a.1, &b.1));
    Ok(out)
}

/// The students the meeting form offers, in name order.
pub async fn options<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Vec<MeetingStudentOption>, AppError> {
    authorize_any_at(conn, actor, &CONSENT_KEEPERS, school_id).await?;
    Ok(names(conn, discussable(conn, school_id).await?).await?.into_iter().map(|(id, name)| MeetingStudentOption { id, name }).collect())
}

/// The school's joint meetings, newest first.
pub async fn list<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Vec<JointMeetingView>, AppError> {
    authorize_any_at(conn, actor, &CONSENT_KEEPERS, school_id).await?;
    let mut out = Vec::new();
    for m in joint_meeting::Entity::find()
        .filter(joint_meeting::Column::SchoolId.eq(school_id))
        .order_by_desc(joint_meeting::Column::HeldOn)
        .order_by_desc(joint_meeting::Column::Id)
        .all(conn)
        .await?
    {
        let mut notes: BTreeMap<i64, Option<String>> =
            joint_meeting_student::Entity::find().filter(joint_meeting_student::Column::MeetingId.eq(m.id)).all(conn).await?.into_iter().map(|s| (s.student_id, s.note)).collect();
        let students = names(conn, notes.keys().copied().collect::<Vec<_>>())
            .await?
            .into_iter()
            .map(|(id, name)| DiscussedStudent { id, name, note: notes.remove(&id).flatten() })
            .collect();
        out.push(JointMeetingView { id: m.id, held_on: m.held_on, attendees: m.attendees, decisions: m.decisions, students });
    }
    Ok(out)
}

/// A meeting as the form gives it.
#[derive(Clone, Debug)]
pub struct NewMeeting {
    /// Day held.
    pub held_on: NaiveDate,
    /// Who attended.
    pub attendees: String,
    /// What was decided.
    pub decisions: String,
    /// Students discussed, each with what was said of them (may be empty).
    pub students: Vec<(i64, String)>,
}

/// The longest note on one student.
const NOTE_MAX: usize = 500;

/// The joint meetings that discussed a student at a school, newest first:
/// day and what was said of the student.
pub async fn of_student<C: ConnectionTrait>(conn: &C, school_id: i64, student_id: i64) -> Result<Vec<(NaiveDate, Option<String>)>, AppError> {
    let notes: BTreeMap<i64, Option<String>> =
        joint_meeting_student::Entity::find().filter(joint_meeting_student::Column::StudentId.eq(student_id)).all(conn).await?.into_iter().map(|s| (s.meeting_id, s.note)).collect();
    let mut out: Vec<(NaiveDate, Option<String>)> = joint_meeting::Entity::find()
        .filter(joint_meeting::Column::Id.is_in(notes.keys().copied()))
        .filter(joint_meeting::Column::SchoolId.eq(school_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| (m.held_on, notes.get(&m.id).cloned().flatten()))
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0));
    Ok(out)
}

/// Records a joint meeting held on or before today.
pub async fn record(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, school_id: i64, input: NewMeeting, today: NaiveDate) -> Result<i64, AppError> {
    authorize_any_at(db, actor, &CONSENT_KEEPERS, school_id).await?;
    let attendees = crate::names::nfc_keep_lines(input.attendees.trim());
    let decisions = crate::names::nfc_keep_lines(input.decisions.trim());
    let mut errors = Vec::new();
    if input.held_on > today {
        errors.push(FieldError::new("held_on", ErrorCode::OutOfPeriod));
    }
    for (field, value) in [("attendees", &attendees), ("decisions", &decisions)] {
        if value.is_empty() {
            errors.push(FieldError::new(field, ErrorCode::Required));
        } else if value.chars().count() > 4000 {
            errors.push(FieldError::new(field, ErrorCode::TooLong { max: 4000 }));
        }
    }
    let allowed = discussable(db, school_id).await?;
    let students: BTreeMap<i64, Option<String>> =
        input.students.iter().map(|(id, note)| (*id, Some(crate::names::nfc(note)).filter(|n| !n.is_empty()))).collect();
    if students.keys().any(|s| !allowed.contains(s)) {
        errors.push(FieldError::new("students", ErrorCode::UnknownStudent));
    }
    if students.values().flatten().any(|n| n.chars().count() > NOTE_MAX) {
        errors.push(FieldError::new("notes", ErrorCode::TooLong { max: NOTE_MAX as u32 }));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    let m = joint_meeting::ActiveModel {
        school_id: Set(school_id),
        held_on: Set(input.held_on),
        attendees: Set(attendees),
        decisions: Set(decisions),
        recorded_by: Set(actor.user_id),
        recorded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (s, note) in &students {
        joint_meeting_student::ActiveModel { meeting_id: Set(m.id), student_id: Set(*s), note: Set(note.clone()), ..Default::default() }.insert(&txn).await?;
    }
    audit::record(
        &txn,
        ctx,
        AuditEntry::created("joint_meeting", m.id, serde_json::json!({ "school_id": school_id, "held_on": input.held_on.to_string(), "students": students.keys().collect::<Vec<_>>() })),
    )
    .await?;
    txn.commit().await?;
    Ok(m.id)
}
