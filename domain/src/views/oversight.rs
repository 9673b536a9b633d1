//! The oversight pages' views: the dashboard (`/oversight`) and the plans
//! with their targets (`/oversight/plans`).

use super::pick_offered;
use crate::audit::{self, AuditContext, AuditEntry};
use crate::oversight::dashboard::{self as dash, OtherSteps, ADMITTED};
use crate::oversight::history::{self, is_under_way};
use crate::oversight::plans::{self, PlanRecord, EDIT};
use crate::oversight::targets::Targets;
pub use crate::oversight::schools_overseen;
use crate::oversight::tree::Tree;
use crate::oversight::{figures, rules};
use crate::policy::{require_any, Actor, Permission, UnitKind};
use crate::rules_config::{self, OVERSIGHT};
use chrono::{Datelike, NaiveDate};
use nguon_shared::oversight::PeriodKind;
use nguon_shared::views::oversight::{
    AdoptionLine, DashboardView, Funnel, PlanLine, PlanRow, PlanTargets, PlansView, StalledCard, TargetFigures, TargetRow, UnitChoice,
};
use nguon_shared::views::SchoolOption;
use nguon_shared::{AppError, ErrorCode, FieldError, Role};
use sea_orm::ConnectionTrait;
use std::collections::HashSet;

/// How many stalled cards the dashboard lists.
const STALLED_LISTED: usize = 20;

/// What the dashboard was asked for.
#[derive(Clone, Debug, Default)]
pub struct DashboardQuery {
    /// The period's kind (default: this year).
    pub period: Option<PeriodKind>,
    /// A custom period's first day.
    pub from: Option<NaiveDate>,
    /// A custom period's last day.
    pub to: Option<NaiveDate>,
    /// The school drilled into.
    pub school: Option<i64>,
    /// Only what a home page shows: no candidate's name is read.
    pub summary: bool,
}

fn plan_line(tree: &Tree, r: &PlanRecord, today: NaiveDate) -> PlanLine {
    PlanLine {
        id: r.plan.id,
        number: r.plan.number.clone(),
        title: r.plan.title.clone(),
        issuer: tree.name(r.plan.issuer_unit_id),
        issued_on: r.plan.issued_on,
        carried_by: tree.name(r.carried_by(today)),
    }
}

/// The dashboard of the schools in the actor's scope (or the one drilled into).
pub async fn dashboard<C: ConnectionTrait>(conn: &C, actor: &Actor, ctx: &AuditContext, q: DashboardQuery, today: NaiveDate) -> Result<DashboardView, AppError> {
    let schools = schools_overseen(conn, actor).await?;
    if schools.is_empty() {
        require_any(actor, Permission::Oversee)?;
    }
    let chosen = pick_offered(schools.iter().map(|s| s.id), q.school)?;
    let school = chosen.and_then(|id| schools.iter().find(|s| s.id == id).cloned());
    let shown: Vec<SchoolOption> = match &school {
        Some(s) => vec![s.clone()],
        None => schools.clone(),
    };
    let shown_ids: Vec<i64> = shown.iter().map(|s| s.id).collect();
    let kind = q.period.unwrap_or(PeriodKind::ThisYear);
    let period = rules::resolve_period(kind, today, q.from, q.to).ok_or_else(|| {
        let field = if q.from.is_none() { "from" } else { "to" };
        AppError::Invalid(vec![FieldError::new(field, ErrorCode::InvalidValue)])
    })?;
    if (period.to - period.from).num_days() > 366 * 5 {
        return Err(AppError::invalid("to", ErrorCode::TooLarge { max: 5 }));
    }
    let months = rules::months_of(period.from, period.to);
    let mut years: Vec<i32> = months.iter().map(|m| m.year()).collect();
    years.dedup();

    let tree = Tree::load(conn).await?;
    let targets = Targets::load(conn, &tree, &shown_ids, &years).await?;

    let ways = history::load(conn, &shown_ids).await?;
    let rows = dash::school_rows(&shown, &ways, &period, today, |s, y| targets.school(s, y));
    let month_points = dash::month_points(&rows, &period, today, |y| targets.over(&shown_ids, y, |t| t.student_members));
    let sum_years = |field: fn(&crate::entities::plan_target::Model) -> Option<i32>| {
        let set: Vec<u32> = years.iter().filter_map(|y| targets.over(&shown_ids, *y, field)).collect();
        (!set.is_empty()).then(|| set.iter().sum())
    };
    let target = TargetFigures { new_members: sum_years(|t| t.new_members), student_members: sum_years(|t| t.student_members), trainees: sum_years(|t| t.trainees) };

    let rule_unit = shown_ids.first().copied().unwrap_or_default();
    let rule = if rule_unit == 0 { Default::default() } else { rules_config::value(conn, &OVERSIGHT, rule_unit, today).await? };
    let other = OtherSteps {
        union_members: figures::union_members(conn, &shown_ids, period.from, period.to).await?,
        proposed: figures::proposed(conn, &shown_ids, period.from, period.to).await?,
        class_completed: figures::certificates(conn, &shown_ids, period.from, period.to).await?,
    };
    let stalled_all = dash::stalled(&ways, today, rule.stalled_after_days);
    let named: HashSet<i64> = if q.summary {
        HashSet::new()
    } else {
        crate::org::schools_in_scope(conn, actor, Permission::ManagePipeline).await?.into_iter().map(|s| s.id).collect()
    };
    let listed: Vec<_> = stalled_all.iter().take(STALLED_LISTED).collect();
    let name_ids: Vec<i64> = listed.iter().filter(|(w, _)| named.contains(&w.school_id)).map(|(w, _)| w.student_id).collect();
    let names = figures::student_names(conn, &name_ids).await?;
    let stalled: Vec<StalledCard> = listed
        .iter()
        .map(|(w, days)| StalledCard {
            candidacy_id: w.candidacy_id,
            school: shown.iter().find(|s| s.id == w.school_id).map(|s| s.name.clone()).unwrap_or_default(),
            name: names.get(&w.student_id).cloned(),
            stage: w.current().map_or(ADMITTED, |c| c.stage),
            since: w.current().map_or(today, |c| c.on),
            days: *days,
        })
        .collect();
    log_names_read(conn, actor, ctx, &stalled, &listed.iter().map(|(w, _)| (w.candidacy_id, w.school_id)).collect::<Vec<_>>()).await?;

    let end = dash::as_of(&period, today);
    let admitted_ways: Vec<(i64, NaiveDate)> = ways.iter().filter_map(|w| w.entered(ADMITTED, period.from, period.to).map(|d| (w.student_id, d))).collect();
    let under_way: Vec<i64> = ways.iter().filter(|w| w.stage_on(end).is_some_and(is_under_way)).map(|w| w.student_id).collect();
    let mut wanted: Vec<i64> = admitted_ways.iter().map(|(s, _)| *s).chain(under_way.iter().copied()).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let facts = figures::facts(conn, &wanted).await?;
    let fact = |id: i64| facts.iter().find(|f| f.id == id).cloned();
    let admitted_facts: Vec<_> = admitted_ways.iter().filter_map(|(s, d)| fact(*s).map(|f| (f, *d))).collect();
    let under_way_facts: Vec<_> = under_way.iter().filter_map(|s| fact(*s)).collect();

    Ok(DashboardView {
        period,
        today,
        schools,
        school,
        plans: targets.plans().map(|r| plan_line(&tree, r, today)).collect(),
        target,
        months: month_points,
        funnel: Funnel {
            steps: dash::funnel_steps(&ways, &period, other),
            durations: dash::durations(&ways, &period),
            stalled_total: stalled_all.len() as u32,
            stalled,
            stalled_after_days: rule.stalled_after_days,
            exits: dash::exits(&ways, &period),
        },
        awareness: figures::awareness(conn, &shown_ids, period.from, period.to).await?,
        breakdowns: dash::breakdowns(&admitted_facts, &under_way_facts, end, rule.smallest_shown),
        rows,
        may_edit_plans: require_any(actor, Permission::Oversee).is_ok() || require_any(actor, Permission::ManageOrganisation).is_ok(),
    })
}

/// Names of candidates shown to someone outside their school's own officers are a sensitive read: logged.
async fn log_names_read<C: ConnectionTrait>(conn: &C, actor: &Actor, ctx: &AuditContext, cards: &[StalledCard], schools: &[(i64, i64)]) -> Result<(), AppError> {
    let outside: Vec<i64> = cards
        .iter()
        .filter(|c| c.name.is_some())
        .filter_map(|c| schools.iter().find(|(id, _)| *id == c.candidacy_id))
        .filter(|(_, school)| !actor.grants.iter().any(|(r, u)| *r == Role::PartyCellOfficer && u == school))
        .map(|(id, _)| *id)
        .collect();
    if outside.is_empty() {
        return Ok(());
    }
    let entry = AuditEntry { action: "read_sensitive", entity: "stalled_candidacies", entity_id: None, before: None, after: Some(serde_json::json!({ "candidacies": outside })) };
    audit::record(conn, ctx, entry).await
}

/// The plans page: plans over the actor's scope, and with `plan` its targets for `year`.
pub async fn plans_page<C: ConnectionTrait>(conn: &C, actor: &Actor, plan: Option<i64>, year: Option<i32>, today: NaiveDate) -> Result<PlansView, AppError> {
    let overseen: Vec<i64> = schools_overseen(conn, actor).await?.into_iter().map(|s| s.id).collect();
    let may_edit = require_any(actor, Permission::Oversee).is_ok() || require_any(actor, Permission::ManageOrganisation).is_ok();
    if overseen.is_empty() && !may_edit {
        return Err(AppError::Forbidden);
    }
    let tree = Tree::load(conn).await?;
    let all = plans::all(conn).await?;
    let mut rows = Vec::new();
    let mut editable = Vec::new();
    for r in &all {
        let covered = plans::schools_of(&tree, r);
        let edit = plans::may_edit(conn, actor, r).await?;
        if !edit && !covered.iter().any(|s| overseen.contains(&s.id)) {
            continue;
        }
        if edit {
            editable.push(r.plan.id);
        }
        let replaced_by = all.iter().find(|o| o.plan.replaces_plan_id == Some(r.plan.id)).map(|o| (o.plan.number.clone(), o.plan.in_force_from));
        rows.push(PlanRow {
            plan: plan_line(&tree, r, today),
            scope: tree.name(r.plan.scope_unit_id),
            in_force_from: r.plan.in_force_from,
            replaces: r.plan.replaces_plan_id.and_then(|id| all.iter().find(|o| o.plan.id == id)).map(|o| o.plan.number.clone()),
            replaced_by,
            adoptions: r.adoptions.iter().map(|a| AdoptionLine { body: tree.name(a.body_unit_id), from: a.from_date }).collect(),
        });
    }
    rows.sort_by_key(|r| std::cmp::Reverse((r.plan.issued_on, r.plan.id)));
    let body_kinds = [UnitKind::Province.code(), UnitKind::Commune.code(), UnitKind::PartyCommittee.code()];
    let choice = |u: &crate::entities::org_unit::Model| UnitChoice { id: u.id, name: u.name.clone(), kind: u.kind.clone(), valid_to: u.valid_to };
    let mut bodies = Vec::new();
    let mut issuers = Vec::new();
    for u in tree.all().filter(|u| body_kinds.contains(&u.kind.as_str())) {
        issuers.push(choice(u));
        let reach = actor.grants.iter().any(|(role, g)| EDIT.iter().any(|p| crate::policy::role_allows(*role, *p)) && tree.is_under(u.id, *g));
        if reach {
            bodies.push(choice(u));
        }
    }
    let by_name = |a: &UnitChoice, b: &UnitChoice| crate::names::compare_text(&a.name, &b.name);
    bodies.sort_by(by_name);
    issuers.sort_by(by_name);
    let editing = match plan {
        None => None,
        Some(id) => {
            let r = all.iter().find(|r| r.plan.id == id && editable.contains(&id)).ok_or(AppError::NotFound)?;
            let year = year.unwrap_or_else(|| today.year());
            let saved = plans::targets(conn, &[id], &[year]).await?;
            let figures_of = |unit: i64| {
                saved.iter().find(|t| t.unit_id == unit).map_or_else(TargetFigures::default, |t| TargetFigures {
                    new_members: t.new_members.map(|v| v.max(0) as u32),
                    student_members: t.student_members.map(|v| v.max(0) as u32),
                    trainees: t.trainees.map(|v| v.max(0) as u32),
                })
            };
            let mut lines = vec![TargetRow { unit_id: r.plan.scope_unit_id, unit_name: tree.name(r.plan.scope_unit_id), is_scope: true, figures: figures_of(r.plan.scope_unit_id) }];
            lines.extend(plans::schools_of(&tree, r).into_iter().map(|s| TargetRow { unit_id: s.id, unit_name: s.name, is_scope: false, figures: figures_of(s.id) }));
            Some(PlanTargets {
                plan_id: id,
                number: r.plan.number.clone(),
                title: r.plan.title.clone(),
                issued_on: r.plan.issued_on,
                in_force_from: r.plan.in_force_from,
                year,
                rows: lines,
            })
        }
    };
    let rules = match bodies.first() {
        Some(b) => Some(crate::rules_config::value(conn, &OVERSIGHT, b.id, today).await?),
        None => None,
    };
    Ok(PlansView { plans: rows, bodies, issuers, editing, may_edit, rules })
}
