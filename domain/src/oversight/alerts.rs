//! Alerts for the task inbox of superior officers and Party cells: a school
//! that admitted fewer than an even pace expected by the end of the last
//! quarter, and, per school, the candidacies stalled in one stage.

use super::dashboard::{school_rows, stalled};
use super::history;
use super::rules::last_quarter_end;
use super::targets::Targets;
use super::tree::Tree;
use crate::policy::Actor;
use crate::rules_config::{self, OVERSIGHT};
use chrono::{Datelike, NaiveDate};
use nguon_shared::mentoring::{TaskKind, TaskView};
use nguon_shared::oversight::{Period, PeriodKind};
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;
use std::collections::BTreeMap;

/// The alerts of the schools the actor oversees (none for other roles).
pub async fn alerts<C: ConnectionTrait>(conn: &C, actor: &Actor, today: NaiveDate) -> Result<Vec<TaskView>, AppError> {
    let schools = super::schools_overseen(conn, actor).await?;
    let Some(first) = schools.first() else { return Ok(Vec::new()) };
    let ids: Vec<i64> = schools.iter().map(|s| s.id).collect();
    let quarter_end = last_quarter_end(today);
    let year = quarter_end.year();
    let period = Period { kind: PeriodKind::Custom, from: NaiveDate::from_ymd_opt(year, 1, 1).expect("a valid date"), to: quarter_end };
    let tree = Tree::load(conn).await?;
    let targets = Targets::load(conn, &tree, &ids, &[year]).await?;
    let ways = history::load(conn, &ids).await?;
    let mut out = Vec::new();
    for r in school_rows(&schools, &ways, &period, quarter_end, |s, y| targets.school(s, y)).into_iter().filter(|r| r.behind) {
        let kind = TaskKind::BehindPace { school_id: r.school.id, admitted: r.admitted, expected: r.expected_by_now.unwrap_or(0.0).floor() as u32, quarter_end };
        out.push(TaskView { kind, candidacy_id: None, name: r.school.name, due: None });
    }
    let rule = rules_config::value(conn, &OVERSIGHT, first.id, today).await?;
    let mut per_school: BTreeMap<i64, u32> = BTreeMap::new();
    for (w, _) in stalled(&ways, today, rule.stalled_after_days) {
        *per_school.entry(w.school_id).or_default() += 1;
    }
    for s in &schools {
        if let Some(count) = per_school.get(&s.id) {
            let kind = TaskKind::Stalled { school_id: s.id, count: *count, after_days: rule.stalled_after_days };
            out.push(TaskView { kind, candidacy_id: None, name: s.name.clone(), due: None });
        }
    }
    Ok(out)
}
