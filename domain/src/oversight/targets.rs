//! The targets that apply to the schools shown: the plans in force during
//! the period's years that cover them, newest first, and their target rows.

use super::plans::{self, PlanRecord};
use super::tree::Tree;
use crate::entities::plan_target;
use chrono::Datelike;
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;
use std::collections::HashSet;

/// The plans' targets as lookups for the dashboard.
pub struct Targets {
    /// Plans in force during a year of the period that cover a school shown, newest first, with their schools.
    plans: Vec<(PlanRecord, Vec<i64>)>,
    rows: Vec<plan_target::Model>,
}

impl Targets {
    /// Reads the plans in force during `years` over any of `shown` (school ids), with their targets.
    pub async fn load<C: ConnectionTrait>(conn: &C, tree: &Tree, shown: &[i64], years: &[i32]) -> Result<Targets, AppError> {
        let all_plans = plans::all(conn).await?;
        let mut relevant: Vec<(PlanRecord, Vec<i64>)> = all_plans
            .iter()
            .filter(|r| years.iter().any(|y| plans::in_force_during(&r.plan, &all_plans, *y)))
            .map(|r| (r.clone(), plans::schools_of(tree, r).into_iter().map(|s| s.id).collect::<Vec<_>>()))
            .filter(|(_, covered)| covered.iter().any(|s| shown.contains(s)))
            .collect();
        relevant.sort_by_key(|(r, _)| std::cmp::Reverse((r.plan.in_force_from, r.plan.id)));
        let ids: Vec<i64> = relevant.iter().map(|(r, _)| r.plan.id).collect();
        Ok(Targets { rows: plans::targets(conn, &ids, years).await?, plans: relevant })
    }

    /// The plans, newest first.
    pub fn plans(&self) -> impl Iterator<Item = &PlanRecord> {
        self.plans.iter().map(|(r, _)| r)
    }

    fn pick(&self, unit: i64, year: i32, field: fn(&plan_target::Model) -> Option<i32>) -> Option<u32> {
        self.plans
            .iter()
            .filter(|(p, _)| p.plan.in_force_from.year() <= year)
            .find_map(|(p, _)| self.rows.iter().find(|t| t.plan_id == p.plan.id && t.unit_id == unit && t.year == year).and_then(field))
            .map(|v| v.max(0) as u32)
    }

    /// A school's students-to-admit target for a year.
    pub fn school(&self, school: i64, year: i32) -> Option<u32> {
        self.pick(school, year, |t| t.student_members)
    }

    /// The figure over the schools shown for a year: a plan's scope line when
    /// all its schools are shown, else the sum of its lines for the shown schools.
    pub fn over(&self, shown: &[i64], year: i32, field: fn(&plan_target::Model) -> Option<i32>) -> Option<u32> {
        let mut total: Option<u32> = None;
        let mut counted: HashSet<i64> = HashSet::new();
        for (p, covered) in &self.plans {
            if p.plan.in_force_from.year() > year {
                continue;
            }
            let whole = covered.iter().all(|s| shown.contains(s)) && !covered.is_empty();
            let scope_line = self.rows.iter().find(|t| t.plan_id == p.plan.id && t.unit_id == p.plan.scope_unit_id && t.year == year).and_then(field);
            let value = match (whole, scope_line) {
                (true, Some(v)) => {
                    counted.extend(covered.iter().copied());
                    Some(v.max(0) as u32)
                }
                _ => {
                    let lines: Vec<u32> = covered
                        .iter()
                        .filter(|s| shown.contains(s) && counted.insert(**s))
                        .filter_map(|s| self.rows.iter().find(|t| t.plan_id == p.plan.id && t.unit_id == *s && t.year == year).and_then(field))
                        .map(|v| v.max(0) as u32)
                        .collect();
                    (!lines.is_empty()).then(|| lines.iter().sum())
                }
            };
            if let Some(v) = value {
                total = Some(total.unwrap_or(0) + v);
            }
        }
        total
    }
}

