//! "My tasks": what a user has to do in the pipeline, from today's records.
//! A school's Party roles see the union's proposals waiting, verifications
//! outstanding, candidates ready for the cell's vote, decisions, ceremonies
//! and recognitions due within the rule's horizon, and mentors' overdue
//! assessments; a mentor sees the assessments due of their own candidates.

use super::gathered::{Gathered, SchoolRules};
use super::mentoring::{assessment_due, mentored};
use super::rules::{self, check_move};
use crate::entities::candidacy;
use crate::policy::{authorize_at, Actor, Permission};
use chrono::{Days, NaiveDate};
use nguon_shared::mentoring::{TaskKind, TaskView};
use nguon_shared::pipeline::{CheckFailure, Stage};
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeSet;

/// The cell's tasks about one open candidacy.
fn candidacy_tasks(g: &Gathered, c: &candidacy::Model, sr: &SchoolRules, today: NaiveDate) -> Result<Vec<TaskView>, AppError> {
    let Some(stage) = Stage::from_code(&c.stage).filter(|s| !s.is_final()) else { return Ok(Vec::new()) };
    let (r, w, cal) = (&sr.pipeline, &sr.watch, &sr.calendar);
    let horizon = today + Days::new(u64::from(w.task_horizon_days));
    let mut kinds: Vec<(TaskKind, Option<NaiveDate>)> = Vec::new();
    if stage == Stage::Dossier {
        let f = g.facts(c, today, sr.has_committee, None)?;
        if f.open_verifications > 0 {
            kinds.push((TaskKind::Verification { open: f.open_verifications }, None));
        }
        let blocking = check_move(Stage::Dossier, Stage::CellVote, &f, r, cal).into_iter().filter(|x| !matches!(x, CheckFailure::Missing { .. })).count();
        if blocking == 0 {
            kinds.push((TaskKind::VoteToRecord, None));
        }
    }
    if matches!(stage, Stage::CellVote | Stage::CommitteeReview) {
        if let Some(due) = g.cell_vote_on(c.id).map(|v| rules::decision_due(v, cal, r)).filter(|d| *d <= horizon) {
            kinds.push((TaskKind::Decision, Some(due)));
        }
    }
    if stage == Stage::Decision {
        let f = g.facts(c, today, sr.has_committee, None)?;
        if let (Some(received), false) = (f.decision_received, f.superior_agreement) {
            let due = rules::ceremony_due(received, cal, r);
            if due <= horizon {
                kinds.push((TaskKind::Ceremony, Some(due)));
            }
        }
    }
    if let (Stage::Probation, Some(ceremony)) = (stage, c.ceremony_on) {
        let ends = rules::probation_ends(ceremony, r);
        if ends <= horizon {
            kinds.push((TaskKind::Recognition, Some(rules::recognition_due(ceremony, cal, r))));
        }
        // Leaving school before probation ends: the transfer is due by the last day of school.
        if let Some(school_ends) = g.last_school_day(c.student_id).filter(|end| *end < ends && *end <= horizon) {
            kinds.push((TaskKind::Transfer, Some(school_ends)));
        }
    }
    if mentored(stage) {
        if let Some(m) = g.current_mentor(c.id) {
            let due = assessment_due(g.last_assessment(c.id), m.from_date, w);
            if due < today {
                let mentor = g.staff_name(m.staff_id).unwrap_or_default();
                kinds.push((TaskKind::AssessmentDue { mentor }, Some(due)));
            }
        }
    }
    if kinds.is_empty() {
        return Ok(Vec::new());
    }
    let name = g.student(c.student_id)?.person_name().full();
    Ok(kinds.into_iter().map(|(kind, due)| TaskView { kind, candidacy_id: Some(c.id), name: name.clone(), due }).collect())
}

/// The actor's tasks, soonest due first (undated ones after), then by name.
pub async fn my_tasks<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<Vec<TaskView>, AppError> {
    let mut out = Vec::new();
    let mut cell_schools = BTreeSet::new();
    for (_, unit) in &actor.grants {
        if authorize_at(conn, actor, Permission::ManagePipeline, *unit).await.is_ok() {
            cell_schools.insert(*unit);
        }
    }
    for school in &cell_schools {
        let sr = SchoolRules::load(conn, *school, today).await?;
        for p in super::pool::pending(conn, actor, *school).await? {
            out.push(TaskView { kind: TaskKind::ProposalWaiting, candidacy_id: None, name: p.student.person_name().full(), due: None });
        }
        // Open candidacies only: an ended one has no task.
        let open: Vec<candidacy::Model> = candidacy::Entity::find()
            .filter(candidacy::Column::SchoolId.eq(*school))
            .filter(candidacy::Column::Stage.is_not_in(Stage::ALL.into_iter().filter(|s| s.is_final()).map(|s| s.code())))
            .all(conn)
            .await?;
        let g = Gathered::load(conn, &open).await?;
        for c in &open {
            out.extend(candidacy_tasks(&g, c, &sr, today)?);
        }
    }
    // A mentor's own candidates, wherever the cell's tasks did not already list them.
    for m in super::mentoring::mentorships(conn, actor, today).await? {
        let listed = out.iter().any(|t| t.candidacy_id == Some(m.candidacy_id) && matches!(t.kind, TaskKind::AssessmentDue { .. }));
        if m.next_due <= today + Days::new(u64::from(m.watch.task_horizon_days)) && !listed {
            out.push(TaskView { kind: TaskKind::AssessmentDue { mentor: m.mentor_name }, candidacy_id: Some(m.candidacy_id), name: m.student_name, due: Some(m.next_due) });
        }
    }
    out.extend(crate::oversight::alerts::alerts(conn, actor, today).await?);
    for r in crate::privacy::requests::open_for(conn, actor, today).await? {
        out.push(TaskView { kind: TaskKind::DataRequest { student_id: r.student_id, kind: r.kind }, candidacy_id: None, name: r.student_name, due: Some(r.due_on) });
    }
    out.sort_by(|a, b| {
        let key = |t: &TaskView| (t.due.is_none(), t.due);
        key(a).cmp(&key(b)).then_with(|| crate::names::compare_full_names(&a.name, &b.name))
    });
    Ok(out)
}

/// How many tasks the actor has (the navigation's badge).
pub async fn count<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<u32, AppError> {
    Ok(my_tasks(conn, actor, today).await?.len() as u32)
}
