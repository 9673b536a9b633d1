//! The views of the personal-data pages: a school's register with the
//! search for a student, and one student's requests, identity and erasure.

use super::{name_matches, pick_school};
use crate::entities::{consent, data_request, org_unit, student};
use crate::policy::{authorize_at, Actor, Permission};
use crate::privacy::{erasure, identity, load_student, may_export, requests};
use crate::rules_config::{self, PRIVACY};
use chrono::NaiveDate;
use nguon_shared::privacy::{ConsentChoice, StudentMatch};
use nguon_shared::views::privacy::{PrivacyStudentView, PrivacyView};
use nguon_shared::views::{SchoolChoice, Slice};
use nguon_shared::{AppError, ErrorCode};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// Requests shown on the register page, and students found by a search.
const REQUESTS_SHOWN: usize = 100;
const MATCHES_SHOWN: usize = 20;

/// `/privacy`: the register of a school the actor keeps (`school`: the one
/// asked for, else the first), and the students matching `q` (a name or a code).
pub async fn register<C: ConnectionTrait>(conn: &C, actor: &Actor, school: Option<i64>, q: &str, today: NaiveDate) -> Result<PrivacyView, AppError> {
    crate::policy::require_any(actor, Permission::HandleDataRequests)?;
    if q.chars().count() > 100 {
        return Err(AppError::invalid("q", ErrorCode::TooLong { max: 100 }));
    }
    let schools = crate::org::schools_in_scope(conn, actor, Permission::HandleDataRequests).await?;
    let chosen = pick_school(&schools, school)?;
    let choice = SchoolChoice { schools, school: chosen };
    let Some(school) = chosen else {
        return Ok(PrivacyView { choice, requests: Slice::empty(), q: q.to_string(), matches: Slice::empty(), rules: Default::default(), can_configure: false });
    };
    let list = data_request::Entity::find().filter(data_request::Column::SchoolId.eq(school)).all(conn).await?;
    let rows = requests::rows(conn, list, today).await?;
    let matches = if q.trim().is_empty() { Slice::empty() } else { Slice::first(search(conn, school, q).await?, MATCHES_SHOWN) };
    Ok(PrivacyView {
        choice,
        requests: Slice::first(rows, REQUESTS_SHOWN),
        q: q.to_string(),
        matches,
        rules: rules_config::value(conn, &PRIVACY, school, today).await?,
        can_configure: authorize_at(conn, actor, Permission::ConfigureRules, school).await.is_ok(),
    })
}

/// Students of a school whose name matches `q` or whose code is `q`, in class-list order.
async fn search<C: ConnectionTrait>(conn: &C, school: i64, q: &str) -> Result<Vec<StudentMatch>, AppError> {
    let code = crate::names::nfc(q);
    let all = student::Entity::find().filter(student::Column::SchoolId.eq(school)).order_by_asc(student::Column::Id).all(conn).await?;
    let mut found: Vec<(crate::names::PersonName, StudentMatch)> = all
        .into_iter()
        .filter(|s| s.student_code.as_deref() == Some(code.as_str()) || name_matches(&s.person_name().full(), q))
        .map(|s| (s.person_name(), StudentMatch { id: s.id, name: s.person_name().full(), code: s.student_code.clone(), date_of_birth: s.date_of_birth }))
        .collect();
    found.sort_by(|(a, ra), (b, rb)| crate::names::compare_names(a, b).then(ra.id.cmp(&rb.id)));
    Ok(found.into_iter().map(|(_, m)| m).collect())
}

/// `/privacy/student/:id`: one student's requests, identity, consents in force and erasure.
pub async fn student<C: ConnectionTrait>(conn: &C, actor: &Actor, student_id: i64, today: NaiveDate) -> Result<PrivacyStudentView, AppError> {
    let s = load_student(conn, actor, student_id).await?;
    let sensitive = authorize_at(conn, actor, Permission::ViewSensitive, s.school_id).await.is_ok();
    let consents = consent::Entity::find()
        .filter(consent::Column::StudentId.eq(s.id))
        .filter(consent::Column::WithdrawnOn.is_null())
        .order_by_asc(consent::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|c| ConsentChoice { id: c.id, subject: c.subject, person_name: c.person_name, given_on: c.given_on })
        .collect();
    Ok(PrivacyStudentView {
        identity: identity::identity_of(&s, sensitive),
        name: s.person_name().full(),
        school: org_unit::Entity::find_by_id(s.school_id).one(conn).await?.map(|u| u.name).unwrap_or_default(),
        sensitive,
        can_export: may_export(conn, actor, s.school_id).await,
        requests: requests::of_student(conn, &s, today).await?,
        consents,
        erasure: erasure::state(conn, actor, &s).await?,
        today,
    })
}
