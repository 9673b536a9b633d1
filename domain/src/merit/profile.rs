//! A student's profile: who they are, how they stand against the school's
//! outstanding criteria, and a timeline of ledger entries, results,
//! classifications and proposals (the pipeline adds its events later).

use super::outstanding::{evaluate_roll, evaluation_day, LIST_READERS};
use super::YearRoll;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{
    activity, activity_level, class, enrolment, ledger_entry, pool_proposal, school_year, semester, student, study_result,
    union_classification,
};
use crate::policy::{authorize_any_at, authorize_at, Actor, Permission};
use crate::rules_config::{self, OUTSTANDING_CRITERIA};
use chrono::NaiveDate;
use nguon_shared::merit::{PeriodLabel, ProfileView, TimelineEvent, TimelineItem};
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::HashMap;

use crate::local_time::day_of as local_day;

/// A student's profile as `actor` may see it. Proposals to the source pool
/// (candidacy, sensitive) appear only to the school's union officers and
/// Party roles, and a Party role's reading of them is logged.
pub async fn profile(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, student_id: i64, today: NaiveDate) -> Result<ProfileView, AppError> {
    let s = student::Entity::find_by_id(student_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ViewStudents, s.school_id).await?;
    let sensitive = authorize_any_at(db, actor, &LIST_READERS, s.school_id).await.is_ok();
    let years: HashMap<i64, school_year::Model> = school_year::Entity::find()
        .filter(school_year::Column::SchoolId.eq(s.school_id))
        .all(db)
        .await?
        .into_iter()
        .map(|y| (y.id, y))
        .collect();
    let placements = enrolment::Entity::find().filter(enrolment::Column::StudentId.eq(student_id)).all(db).await?;
    let latest = placements.iter().filter(|e| years.contains_key(&e.school_year_id)).max_by_key(|e| years[&e.school_year_id].starts_on);
    let class_name = match latest {
        Some(e) => class::Entity::find_by_id(e.class_id).one(db).await?.map(|c| c.name),
        None => None,
    };
    let evaluation = match latest {
        Some(e) => {
            let roll = YearRoll::load_one(db, actor, Permission::ViewStudents, e.school_year_id, student_id).await?;
            let year = &years[&e.school_year_id];
            let criteria = rules_config::value(db, &OUTSTANDING_CRITERIA, s.school_id, year.starts_on).await?;
            evaluate_roll(db, &roll, &criteria, evaluation_day(year, today), sensitive).await?.into_iter().find(|ev| ev.student_id == student_id)
        }
        None => None,
    };

    let mut timeline = Vec::new();
    let entries = ledger_entry::Entity::find().filter(ledger_entry::Column::StudentId.eq(student_id)).all(db).await?;
    let activities: HashMap<i64, String> = activity::Entity::find()
        .filter(activity::Column::Id.is_in(entries.iter().map(|e| e.activity_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let levels: HashMap<i64, String> = activity_level::Entity::find()
        .filter(activity_level::Column::Id.is_in(entries.iter().filter_map(|e| e.level_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|l| (l.id, l.label))
        .collect();
    for e in &entries {
        timeline.push(TimelineItem {
            date: e.occurred_on,
            event: TimelineEvent::Entry {
                activity: activities.get(&e.activity_id).cloned().unwrap_or_default(),
                level: e.level_id.and_then(|l| levels.get(&l).cloned()),
                points: e.points,
                status: e.status.clone(),
                reversal: e.reverses_id.is_some(),
                reason: e.reason.clone(),
            },
        });
    }
    let ends: HashMap<(i64, i16), NaiveDate> = semester::Entity::find()
        .filter(semester::Column::SchoolYearId.is_in(years.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| ((s.school_year_id, s.number), s.ends_on))
        .collect();
    for r in study_result::Entity::find().filter(study_result::Column::StudentId.eq(student_id)).all(db).await? {
        let Some(y) = years.get(&r.school_year_id) else { continue };
        timeline.push(TimelineItem {
            date: ends.get(&(y.id, r.period)).copied().unwrap_or(y.ends_on),
            event: TimelineEvent::Result { period: PeriodLabel { year: y.name.clone(), period: r.period }, study: r.study, conduct: r.conduct },
        });
    }
    for c in union_classification::Entity::find().filter(union_classification::Column::StudentId.eq(student_id)).all(db).await? {
        let year = years.get(&c.school_year_id).map(|y| y.name.clone()).unwrap_or_default();
        timeline.push(TimelineItem { date: local_day(c.confirmed_at), event: TimelineEvent::Classification { year, level: c.level } });
    }
    if sensitive {
        let proposals = pool_proposal::Entity::find().filter(pool_proposal::Column::StudentId.eq(student_id)).all(db).await?;
        let party_reader = authorize_at(db, actor, Permission::LogEmulation, s.school_id).await.is_err();
        if party_reader && !proposals.is_empty() {
            audit::record(
                db,
                ctx,
                AuditEntry { action: "read_sensitive", entity: "student", entity_id: Some(student_id.to_string()), before: None, after: Some(serde_json::json!({ "view": "profile", "proposals": proposals.len() })) },
            )
            .await?;
        }
        for p in proposals {
            timeline.push(TimelineItem { date: local_day(p.proposed_at), event: TimelineEvent::Proposal { status: p.status, reason: p.reason } });
        }
        let candidacies: Vec<i64> = crate::entities::candidacy::Entity::find()
            .filter(crate::entities::candidacy::Column::StudentId.eq(student_id))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        for e in crate::entities::candidacy_event::Entity::find().filter(crate::entities::candidacy_event::Column::CandidacyId.is_in(candidacies)).all(db).await? {
            if let Some(stage) = nguon_shared::pipeline::Stage::from_code(&e.to_stage) {
                timeline.push(TimelineItem { date: e.happened_on, event: TimelineEvent::Stage { stage, reason: e.reason } });
            }
        }
    }
    // Newest first; on one day, the order things were recorded in.
    timeline.reverse();
    timeline.sort_by(|a, b| b.date.cmp(&a.date));
    Ok(ProfileView {
        id: s.id,
        name: s.person_name().full(),
        code: s.student_code,
        date_of_birth: s.date_of_birth,
        class_name,
        union_joined_on: s.union_joined_on,
        year_id: latest.map(|e| e.school_year_id),
        evaluation,
        timeline,
    })
}
