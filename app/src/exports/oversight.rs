//! The dashboard's and the funnel's exports: each school's progress, the
//! months, the funnel, days in stage, exits, stalled cards and the
//! breakdowns (hidden counts stay hidden).

use super::{Cell, Report, Sheet};
use crate::api::queries;
use crate::i18n::Messages;
use chrono::NaiveDate;
use nguon_domain::audit::AuditContext;
use nguon_domain::policy::Actor;
use nguon_shared::oversight::Count;
use nguon_shared::AppError;
use nguon_domain::DatabaseConnection;

fn count(c: Count) -> Cell {
    match c {
        Count::Shown(n) => Cell::Int(i64::from(n)),
        Count::Few { below } => Cell::Text(format!("< {below}")),
    }
}

/// The dashboard (`funnel_only`: the funnel's sheets alone).
pub(super) async fn dashboard(
    db: &DatabaseConnection,
    actor: &Actor,
    ctx: &AuditContext,
    m: &'static Messages,
    p: &(dyn Fn(&str) -> String + Sync),
    today: NaiveDate,
    funnel_only: bool,
) -> Result<Report, AppError> {
    let (e, o) = (m.ex, m.ov);
    let query = queries::dashboard(&p("period"), &p("from"), &p("to"), &p("school"))?;
    let v = nguon_domain::views::oversight::dashboard(db, actor, ctx, query, today).await?;
    let mut sheets = Vec::new();
    if !funnel_only {
        let mut schools = Sheet::new(e.schools, &[e.school, o.col_target, o.col_admitted, o.col_expected, o.col_in_progress, o.col_status]);
        for r in &v.rows {
            let status = if r.behind { o.status_behind } else if r.admitted == 0 { o.status_none } else if r.target.is_none() { o.status_no_target } else { o.status_ok };
            schools.rows.push(vec![
                Cell::text(r.school.name.clone()),
                r.target.map_or(Cell::Empty, |t| Cell::Int(i64::from(t))),
                Cell::Int(i64::from(r.admitted)),
                r.expected_by_now.map_or(Cell::Empty, Cell::Num),
                Cell::Int(i64::from(r.in_progress)),
                Cell::text(status),
            ]);
        }
        sheets.push(schools);
        let mut months = Sheet::new(e.months, &[o.col_month, o.col_admitted, o.col_cumulative, o.col_pace]);
        for p in &v.months {
            months.rows.push(vec![
                Cell::Date(p.month),
                Cell::Int(i64::from(p.admitted)),
                if p.past { Cell::Int(i64::from(p.cumulative)) } else { Cell::Empty },
                p.pace.map_or(Cell::Empty, Cell::Num),
            ]);
        }
        sheets.push(months);
    }
    let mut steps = Sheet::new(e.funnel, &[o.col_step, o.col_count, o.col_conversion]);
    for s in &v.funnel.steps {
        steps.rows.push(vec![Cell::text(o.step(s.step)), Cell::Int(i64::from(s.count)), s.conversion_pct.map_or(Cell::Empty, |p| Cell::Num(f64::from(p) / 100.0))]);
    }
    sheets.push(steps);
    let mut durations = Sheet::new(e.durations, &[o.col_stage, o.col_stays, o.col_median, o.col_p90]);
    for d in &v.funnel.durations {
        durations.rows.push(vec![Cell::text(m.stage_label(d.stage)), Cell::Int(i64::from(d.stays)), Cell::Int(i64::from(d.median_days)), Cell::Int(i64::from(d.p90_days))]);
    }
    sheets.push(durations);
    let mut exits = Sheet::new(e.exits, &[o.col_stage, o.col_count]);
    for x in &v.funnel.exits {
        exits.rows.push(vec![Cell::text(m.stage_label(x.stage)), Cell::Int(i64::from(x.count))]);
    }
    sheets.push(exits);
    let mut stalled = Sheet::new(e.stalled, &[e.name, e.school, e.stage, e.since, e.days]);
    for c in &v.funnel.stalled {
        stalled.rows.push(vec![
            Cell::text(c.name.clone().unwrap_or_else(|| o.hidden_name.to_string())),
            Cell::text(c.school.clone()),
            Cell::text(m.stage_label(c.stage)),
            Cell::Date(c.since),
            Cell::Int(i64::from(c.days)),
        ]);
    }
    sheets.push(stalled);
    if !funnel_only {
        let mut b = Sheet::new(e.breakdowns, &[e.dimension, e.group, o.col_admitted, o.col_in_progress]);
        for g in &v.breakdowns.groups {
            for r in &g.rows {
                b.rows.push(vec![Cell::text(o.dim(g.dimension)), Cell::text(o.key(&r.key)), count(r.admitted), count(r.in_progress)]);
            }
        }
        sheets.push(b);
    }
    Ok(Report { file_name: if funnel_only { "cac-buoc-phat-trien-dang-vien" } else { "tien-do-phat-trien-dang-vien" }.into(), sheets })
}
