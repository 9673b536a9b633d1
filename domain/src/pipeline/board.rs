//! The board of a school's candidates by stage, with days in stage and risk
//! flags, and one candidacy's page. Party roles of the school see every
//! candidate; a mentor sees only the candidates they mentor.

use super::forecast::{self, ForecastInput};
use super::gathered::{Gathered, SchoolRules};
use super::rules::{self, check_move, move_exists};
use crate::entities::{
    biography_return, candidacy, candidacy_event, certificate, class, consent, enrolment, mentor_assignment, staff, user,
};
use crate::policy::{authorize_at, Actor, Permission};
use chrono::NaiveDate;
use nguon_shared::mentoring::{ForecastStep, MentoringView};
use nguon_shared::pipeline::{CandidacyView, CandidateCard, CheckFailure, ConsentView, DossierItemView, RiskFlag, Stage, StageEventView};
use nguon_shared::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Whom the actor may see at a school: everyone (Party roles), or only the
/// candidacies they mentor (`Some(staff ids)`).
async fn scope<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64) -> Result<Option<Vec<i64>>, AppError> {
    if authorize_at(conn, actor, Permission::ManagePipeline, school_id).await.is_ok() {
        return Ok(None);
    }
    authorize_at(conn, actor, Permission::AssessCandidates, school_id).await?;
    let mine: Vec<i64> = staff::Entity::find().filter(staff::Column::UserId.eq(actor.user_id)).all(conn).await?.into_iter().map(|s| s.id).collect();
    Ok(Some(mine))
}

/// The next step a board card can take in one click: forward, needing nothing but a day.
fn quick_move(stage: Stage, has_committee: bool) -> Option<Stage> {
    forecast::remaining_steps(stage, has_committee)
        .first()
        .copied()
        .filter(|s| matches!(s, Stage::AwarenessClass | Stage::Candidate | Stage::Dossier | Stage::Ceremony | Stage::Probation | Stage::FullMember))
}

/// What the board and the page read about a candidacy today, gathered once.
struct Reading {
    facts: super::rules::MoveFacts,
    forecast: Vec<ForecastStep>,
}

fn reading(g: &Gathered, c: &candidacy::Model, stage: Stage, sr: &SchoolRules, today: NaiveDate) -> Result<Reading, AppError> {
    let facts = g.facts(c, today, sr.has_committee, None)?;
    let input = ForecastInput { stage, class_ends: g.open_class_end(c.id), cell_vote_on: g.cell_vote_on(c.id) };
    let forecast = forecast::forecast(&input, &facts, &sr.pipeline, &sr.calendar);
    Ok(Reading { facts, forecast })
}

/// Risk flags of a candidacy on `today`.
fn risks(g: &Gathered, c: &candidacy::Model, stage: Stage, reading: &Reading, sr: &SchoolRules, today: NaiveDate) -> Vec<RiskFlag> {
    let (r, w, cal) = (&sr.pipeline, &sr.watch, &sr.calendar);
    let mut out = Vec::new();
    if stage.is_final() {
        return out;
    }
    let f = &reading.facts;
    let before_vote = stage < Stage::CellVote;
    if before_vote {
        let from = rules::eligible_from(f.date_of_birth, r.min_age, r.age_by_month);
        if g.last_school_day(c.student_id).is_some_and(|end| from > end) {
            out.push(RiskFlag::AgeAfterSchool { eligible_from: from });
        }
        if let Some(issued) = f.certificate {
            let until = rules::certificate_valid_until(issued, r);
            if until < today + chrono::Days::new(u64::from(w.certificate_warning_days)) {
                out.push(RiskFlag::CertificateLapsing { valid_until: until });
            } else if let Some(vote) = reading.forecast.iter().find(|st| st.stage == Stage::CellVote) {
                if let Some(earliest_vote) = vote.earliest.filter(|d| *d > until) {
                    out.push(RiskFlag::CertificateBeforeVote { valid_until: until, earliest_vote });
                }
            }
        }
    }
    let mentor = g.current_mentor(c.id);
    if stage >= Stage::Candidate && mentor.is_none() {
        out.push(RiskFlag::NoMentor);
    }
    if let (Some(m), true) = (mentor, super::mentoring::mentored(stage)) {
        if let Some(days) = super::mentoring::silence(g.last_assessment(c.id), m.from_date, today, w) {
            out.push(RiskFlag::NoAssessment { days });
        }
    }
    if matches!(stage, Stage::CellVote | Stage::CommitteeReview) {
        if let Some(due) = reading.forecast.iter().find(|st| st.stage == Stage::Decision).and_then(|st| st.due) {
            if today > due {
                out.push(RiskFlag::DecisionOverdue { due });
            }
        }
    }
    if stage == Stage::Decision {
        if let Some(received) = f.decision_received {
            let due = rules::ceremony_due(received, cal, r);
            if today > due && !f.superior_agreement {
                out.push(RiskFlag::CeremonyOverdue { due });
            }
        }
    }
    if let (Stage::Probation, Some(ceremony)) = (stage, f.ceremony) {
        if let Some(school_ends) = g.last_school_day(c.student_id).filter(|end| *end < rules::probation_ends(ceremony, r)) {
            out.push(RiskFlag::GraduatesOnProbation { school_ends });
        }
    }
    let returns = g.biography_returns(c.id);
    if returns >= w.biography_rewrites {
        out.push(RiskFlag::BiographyRewritten { times: returns });
    }
    out
}

/// The class a student was last placed in.
pub(crate) async fn latest_class<C: ConnectionTrait>(conn: &C, student_id: i64) -> Result<Option<String>, AppError> {
    let latest = enrolment::Entity::find().filter(enrolment::Column::StudentId.eq(student_id)).order_by_desc(enrolment::Column::SchoolYearId).one(conn).await?;
    Ok(match latest {
        Some(e) => class::Entity::find_by_id(e.class_id).one(conn).await?.map(|c| c.name),
        None => None,
    })
}

/// An open candidacy's card, with what was read to make it.
fn card(g: &Gathered, c: &candidacy::Model, sr: &SchoolRules, today: NaiveDate) -> Result<(CandidateCard, Reading), AppError> {
    let s = g.student(c.student_id)?;
    let stage = Stage::from_code(&c.stage).ok_or_else(|| AppError::internal("unknown stage"))?;
    let reading = reading(g, c, stage, sr, today)?;
    let risks = risks(g, c, stage, &reading, sr, today);
    let card = CandidateCard {
        id: c.id,
        student_id: s.id,
        name: s.person_name().full(),
        class_name: g.latest_class(s.id),
        stage,
        days_in_stage: (today - c.stage_since).num_days(),
        mentor: g.current_mentor(c.id).and_then(|m| g.staff_name(m.staff_id)),
        risks,
        quick_move: quick_move(stage, reading.facts.has_committee),
    };
    Ok((card, reading))
}

/// The card of an ended candidacy (a full member, or an exit): who, where
/// they were, their last mentor — no facts, forecast or warnings, which
/// concern only open candidacies.
fn ended_card(g: &Gathered, c: &candidacy::Model, today: NaiveDate) -> Result<CandidateCard, AppError> {
    let s = g.student(c.student_id)?;
    let stage = Stage::from_code(&c.stage).ok_or_else(|| AppError::internal("unknown stage"))?;
    Ok(CandidateCard {
        id: c.id,
        student_id: s.id,
        name: s.person_name().full(),
        class_name: g.latest_class(s.id),
        stage,
        days_in_stage: (today - c.stage_since).num_days(),
        mentor: g.last_mentor(c.id).and_then(|m| g.staff_name(m.staff_id)),
        risks: Vec::new(),
        quick_move: None,
    })
}

/// The candidates of a school the actor may see, by stage order then name.
pub async fn board<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64, today: NaiveDate) -> Result<Vec<CandidateCard>, AppError> {
    let only = scope(conn, actor, school_id).await?;
    let sr = SchoolRules::load(conn, school_id, today).await?;
    let mut rows = candidacy::Entity::find().filter(candidacy::Column::SchoolId.eq(school_id)).all(conn).await?;
    if let Some(mine) = &only {
        let assigned: Vec<i64> = mentor_assignment::Entity::find()
            .filter(mentor_assignment::Column::StaffId.is_in(mine.clone()))
            .filter(mentor_assignment::Column::ToDate.is_null())
            .all(conn)
            .await?
            .into_iter()
            .map(|m| m.candidacy_id)
            .collect();
        rows.retain(|c| assigned.contains(&c.id));
    }
    let g = Gathered::load(conn, &rows).await?;
    let mut cards = Vec::with_capacity(rows.len());
    for c in &rows {
        let ended = Stage::from_code(&c.stage).is_some_and(Stage::is_final);
        cards.push(if ended { ended_card(&g, c, today)? } else { card(&g, c, &sr, today)?.0 });
    }
    cards.sort_by(|a, b| a.stage.cmp(&b.stage).then_with(|| crate::names::fold(&a.name).cmp(&crate::names::fold(&b.name))));
    Ok(cards)
}

/// One candidacy's page.
pub async fn detail<C: ConnectionTrait>(conn: &C, actor: &Actor, candidacy_id: i64, today: NaiveDate) -> Result<CandidacyView, AppError> {
    let c = candidacy::Entity::find_by_id(candidacy_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let only = scope(conn, actor, c.school_id).await?;
    let assignments = mentor_assignment::Entity::find().filter(mentor_assignment::Column::CandidacyId.eq(c.id)).order_by_asc(mentor_assignment::Column::Id).all(conn).await?;
    if let Some(mine) = &only {
        if !assignments.iter().any(|m| m.to_date.is_none() && mine.contains(&m.staff_id)) {
            return Err(AppError::NotFound);
        }
    }
    let sr = SchoolRules::load(conn, c.school_id, today).await?;
    let (r, w, cal) = (&sr.pipeline, &sr.watch, &sr.calendar);
    let g = Gathered::load(conn, std::slice::from_ref(&c)).await?;
    let (card, reading) = card(&g, &c, &sr, today)?;
    let s = g.student(c.student_id)?;
    let mut mentors = Vec::new();
    for m in &assignments {
        if let Some(name) = g.staff_name(m.staff_id) {
            mentors.push((name, m.from_date, m.to_date, m.replacement));
        }
    }
    let certificate = certificate::Entity::find().filter(certificate::Column::CandidacyId.eq(c.id)).order_by_desc(certificate::Column::IssuedOn).one(conn).await?.map(|c| (c.number, c.issued_on));
    let f = &reading.facts;
    let next: Vec<Stage> = Stage::ALL.into_iter().filter(|to| move_exists(card.stage, *to, f.has_committee)).collect();
    let forward = next.iter().copied().find(|s| !s.is_exit());
    // A vote's numbers come with the move itself: leave that check to the form.
    let next_checks = match forward {
        Some(to) => check_move(card.stage, to, f, r, cal).into_iter().filter(|f| !matches!(f, CheckFailure::Missing { .. })).collect(),
        None => Vec::new(),
    };
    let mut events = Vec::new();
    let rows = candidacy_event::Entity::find().filter(candidacy_event::Column::CandidacyId.eq(c.id)).order_by_asc(candidacy_event::Column::Id).all(conn).await?;
    let logins: HashMap<i64, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|e| e.recorded_by).collect::<Vec<_>>()))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.username))
        .collect();
    for e in rows {
        events.push(StageEventView {
            from: e.from_stage.as_deref().and_then(Stage::from_code),
            to: Stage::from_code(&e.to_stage).unwrap_or(Stage::Pool),
            on: e.happened_on,
            reason: e.reason,
            overridden: e.overridden_checks.as_deref().and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default(),
            recorded_by: logins.get(&e.recorded_by).cloned().unwrap_or_default(),
        });
    }
    let mut introducers = Vec::new();
    for i in g.introducers(c.id) {
        if let Some(name) = g.staff_name(i.staff_id) {
            introducers.push((name, i.together_since, i.replacement));
        }
    }
    let dossier = g
        .dossier(c.id)
        .iter()
        .cloned()
        .map(|i| DossierItemView {
            id: i.id,
            kind: i.kind,
            subject: i.subject,
            place: i.place,
            status: i.status,
            requested_on: i.requested_on,
            received_on: i.received_on,
            valid_until: i.valid_until,
            holder: i.holder,
        })
        .collect();
    let biography_returns = biography_return::Entity::find()
        .filter(biography_return::Column::CandidacyId.eq(c.id))
        .order_by_asc(biography_return::Column::ReturnedOn)
        .all(conn)
        .await?
        .into_iter()
        .map(|b| (b.returned_on, b.reason))
        .collect();
    let consents = g.consents(s.id).iter().cloned().map(consent_view).collect();
    let current = assignments.iter().rev().find(|m| m.to_date.is_none());
    let assessments = super::mentoring::list(conn, c.id).await?;
    let next_due = match current {
        Some(m) if super::mentoring::mentored(card.stage) => Some(super::mentoring::assessment_due(assessments.first().map(|a| a.written_on), m.from_date, w)),
        _ => None,
    };
    let mentoring = MentoringView {
        assessments,
        next_due,
        can_write: next_due.is_some() && super::mentoring::is_current_mentor(conn, actor, c.id).await?,
        classes: super::classes::of_candidacy(conn, c.id, r).await?,
        forecast: reading.forecast,
        meetings: super::meetings::of_student(conn, c.school_id, s.id).await?,
    };
    Ok(CandidacyView { card, school_id: c.school_id, date_of_birth: s.date_of_birth, certificate, mentors, next, next_checks, events, introducers, dossier, biography_returns, consents, mentoring })
}

/// A consent as shown.
pub fn consent_view(c: consent::Model) -> ConsentView {
    ConsentView {
        id: c.id,
        subject: c.subject,
        person_name: c.person_name,
        relation: c.relation,
        given_on: c.given_on,
        method: c.method,
        scope: c.scope,
        withdrawn_on: c.withdrawn_on,
        withdrawn_reason: c.withdrawn_reason,
    }
}

/// The school's staff who are full Party members on `on` (mentors, introducers).
pub async fn members<C: ConnectionTrait>(conn: &C, actor: &Actor, school_id: i64, on: NaiveDate) -> Result<Vec<nguon_shared::pipeline::MemberOption>, AppError> {
    authorize_at(conn, actor, Permission::ManagePipeline, school_id).await?;
    let mut out: Vec<nguon_shared::pipeline::MemberOption> = staff::Entity::find()
        .filter(staff::Column::SchoolId.eq(school_id))
        .filter(staff::Column::PartyFullMemberSince.lte(on))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| nguon_shared::pipeline::MemberOption { id: s.id, name: s.person_name().full(), since: s.party_full_member_since.unwrap_or(on) })
        .collect();
    out.sort_by(|a, b| crate::names::fold(&a.name).cmp(&crate::names::fold(&b.name)));
    Ok(out)
}
