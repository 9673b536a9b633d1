//! Correction of a student's identity fields (a data subject's right): the
//! old and new values of each changed field go to the audit log (sensitive
//! ones as a marker, as everywhere in the log).

use super::load_student;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::student;
use crate::policy::{authorize_at, Actor, Permission};
use chrono::{NaiveDate, Utc};
use nguon_shared::privacy::StudentIdentity;
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

/// The identity of `s` as the correction form shows it (sensitive fields only when `sensitive`).
pub fn identity_of(s: &student::Model, sensitive: bool) -> StudentIdentity {
    let t = |v: &Option<String>| v.clone().unwrap_or_default();
    StudentIdentity {
        id: s.id,
        code: t(&s.student_code),
        family_name: s.family_name.clone(),
        middle_name: s.middle_name.clone(),
        given_name: s.given_name.clone(),
        date_of_birth: Some(s.date_of_birth),
        gender: t(&s.gender),
        ethnicity: if sensitive { t(&s.ethnicity) } else { String::new() },
        religion: if sensitive { t(&s.religion) } else { String::new() },
        hometown_commune: t(&s.hometown_commune),
        hometown_province: t(&s.hometown_province),
        residence_commune: t(&s.residence_commune),
        residence_province: t(&s.residence_province),
        guardian_name: t(&s.guardian_name),
        guardian_phone: t(&s.guardian_phone),
    }
}

/// One field compared: its name, old and new value, and whether it is sensitive.
struct Change {
    field: &'static str,
    before: Option<String>,
    after: Option<String>,
    sensitive: bool,
}

fn opt(s: &str) -> Option<String> {
    let v = crate::names::nfc(s);
    Some(v).filter(|v| !v.is_empty())
}

fn check_len(errors: &mut Vec<FieldError>, field: &str, v: &Option<String>, max: usize) {
    if v.as_ref().is_some_and(|v| v.chars().count() > max) {
        errors.push(FieldError::new(field, ErrorCode::TooLong { max: max as u32 }));
    }
}

/// Corrects the identity of student `input.id`; returns how many fields changed.
/// Ethnicity and religion are changed only by a reader who may see them.
pub async fn correct(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, input: StudentIdentity, today: NaiveDate) -> Result<u32, AppError> {
    let s = load_student(db, actor, input.id).await?;
    if s.anonymised_at.is_some() {
        return Err(AppError::invalid("student", ErrorCode::AlreadyDone));
    }
    let sensitive = authorize_at(db, actor, Permission::ViewSensitive, s.school_id).await.is_ok();
    let mut errors = Vec::new();
    let family = crate::names::nfc(&input.family_name);
    let middle = crate::names::nfc(&input.middle_name);
    let given = crate::names::nfc(&input.given_name);
    for (field, v) in [("family_name", &family), ("given_name", &given)] {
        if v.is_empty() {
            errors.push(FieldError::new(field, ErrorCode::Required));
        }
    }
    for (field, v) in [("family_name", &family), ("middle_name", &middle), ("given_name", &given)] {
        if v.chars().count() > 50 {
            errors.push(FieldError::new(field, ErrorCode::TooLong { max: 50 }));
        }
    }
    let dob = match input.date_of_birth {
        None => {
            errors.push(FieldError::new("date_of_birth", ErrorCode::Required));
            s.date_of_birth
        }
        Some(d) if d > today || d < NaiveDate::from_ymd_opt(1950, 1, 1).expect("valid") => {
            errors.push(FieldError::new("date_of_birth", ErrorCode::OutOfPeriod));
            d
        }
        Some(d) => d,
    };
    let gender = opt(&input.gender);
    if gender.as_deref().is_some_and(|g| !matches!(g, "male" | "female" | "other")) {
        errors.push(FieldError::new("gender", ErrorCode::InvalidValue));
    }
    let code = opt(&input.code);
    check_len(&mut errors, "code", &code, 30);
    let texts = [
        ("hometown_commune", opt(&input.hometown_commune)),
        ("hometown_province", opt(&input.hometown_province)),
        ("residence_commune", opt(&input.residence_commune)),
        ("residence_province", opt(&input.residence_province)),
        ("guardian_name", opt(&input.guardian_name)),
        ("ethnicity", opt(&input.ethnicity)),
        ("religion", opt(&input.religion)),
    ];
    for (field, v) in &texts {
        check_len(&mut errors, field, v, 120);
    }
    let phone = opt(&input.guardian_phone);
    if phone.as_ref().is_some_and(|p| p.chars().count() > 20 || !p.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '.' | '-'))) {
        errors.push(FieldError::new("guardian_phone", ErrorCode::InvalidValue));
    }
    if let Some(c) = &code {
        if code_taken(db, s.school_id, s.id, c).await? {
            errors.push(FieldError::new("code", ErrorCode::AlreadyDone));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let [hc, hp, rc, rp, gn, eth, rel] = texts.map(|(_, v)| v);
    let (eth, rel) = if sensitive { (eth, rel) } else { (s.ethnicity.clone(), s.religion.clone()) };
    let changes: Vec<Change> = [
        ("code", s.student_code.clone(), code.clone(), false),
        ("family_name", Some(s.family_name.clone()), Some(family.clone()), false),
        ("middle_name", Some(s.middle_name.clone()), Some(middle.clone()), false),
        ("given_name", Some(s.given_name.clone()), Some(given.clone()), false),
        ("date_of_birth", Some(s.date_of_birth.to_string()), Some(dob.to_string()), false),
        ("gender", s.gender.clone(), gender.clone(), false),
        ("ethnicity", s.ethnicity.clone(), eth.clone(), true),
        ("religion", s.religion.clone(), rel.clone(), true),
        ("hometown_commune", s.hometown_commune.clone(), hc.clone(), false),
        ("hometown_province", s.hometown_province.clone(), hp.clone(), false),
        ("residence_commune", s.residence_commune.clone(), rc.clone(), false),
        ("residence_province", s.residence_province.clone(), rp.clone(), false),
        ("guardian_name", s.guardian_name.clone(), gn.clone(), false),
        ("guardian_phone", s.guardian_phone.clone(), phone.clone(), false),
    ]
    .into_iter()
    .filter(|(_, before, after, _)| before != after)
    .map(|(field, before, after, sensitive)| Change { field, before, after, sensitive })
    .collect();
    if changes.is_empty() {
        return Ok(0);
    }
    let txn = crate::db::begin_write(db).await?;
    let mut a: student::ActiveModel = s.clone().into();
    a.student_code = Set(code);
    a.set_name(&crate::names::PersonName { family, middle, given });
    a.date_of_birth = Set(dob);
    a.gender = Set(gender);
    a.ethnicity = Set(eth);
    a.religion = Set(rel);
    a.hometown_commune = Set(hc);
    a.hometown_province = Set(hp);
    a.residence_commune = Set(rc);
    a.residence_province = Set(rp);
    a.guardian_name = Set(gn);
    a.guardian_phone = Set(phone);
    a.updated_at = Set(Utc::now());
    a.update(&txn).await?;
    let shown = |c: &Change, v: &Option<String>| if c.sensitive { serde_json::json!(v.as_ref().map(|_| "•••")) } else { serde_json::json!(v) };
    let before: serde_json::Map<String, serde_json::Value> = changes.iter().map(|c| (c.field.to_string(), shown(c, &c.before))).collect();
    let after: serde_json::Map<String, serde_json::Value> = changes.iter().map(|c| (c.field.to_string(), shown(c, &c.after))).collect();
    audit::record(
        &txn,
        ctx,
        AuditEntry { action: "correct", entity: "student", entity_id: Some(s.id.to_string()), before: Some(before.into()), after: Some(after.into()) },
    )
    .await?;
    txn.commit().await?;
    Ok(changes.len() as u32)
}

/// Whether another student of the school has `code`.
async fn code_taken<C: ConnectionTrait>(conn: &C, school_id: i64, student_id: i64, code: &str) -> Result<bool, AppError> {
    Ok(student::Entity::find()
        .filter(student::Column::SchoolId.eq(school_id))
        .filter(student::Column::StudentCode.eq(code))
        .filter(student::Column::Id.ne(student_id))
        .one(conn)
        .await?
        .is_some())
}
