//! The dashboard's pieces computed from the replayed ways: each school's
//! progress against its target, admissions by month against the even pace,
//! the funnel's stage counts, time in stage, stalled cards, exits and the
//! suppressed breakdowns. Pure: the view builder reads, these count.

use super::figures::Facts;
use super::history::{is_under_way, Way};
use super::rules;
use chrono::NaiveDate;
use nguon_shared::oversight::{FunnelStep, Period};
use nguon_shared::pipeline::Stage;
use nguon_shared::views::oversight::{BreakdownGroup, BreakdownRow, Breakdowns, Dimension, ExitCount, FunnelCount, MonthPoint, SchoolProgress, StageTime};
use nguon_shared::views::SchoolOption;
use std::collections::HashMap;

/// The stage that counts as admitted: the ceremony held, the probation begun.
pub const ADMITTED: Stage = Stage::Probation;

/// The day figures are counted up to: the period's end, or today if sooner.
pub fn as_of(period: &Period, today: NaiveDate) -> NaiveDate {
    period.to.min(today)
}

/// Days the ways of one school entered the admitted stage in the period.
fn admissions(ways: &[&Way], period: &Period) -> Vec<NaiveDate> {
    ways.iter().filter_map(|w| w.entered(ADMITTED, period.from, period.to)).collect()
}

/// One row per school: target, admitted, under way, by month, pace.
pub fn school_rows(
    schools: &[SchoolOption],
    ways: &[Way],
    period: &Period,
    today: NaiveDate,
    target_of: impl Fn(i64, i32) -> Option<u32>,
) -> Vec<SchoolProgress> {
    let months = rules::months_of(period.from, period.to);
    let end = as_of(period, today);
    let mut by_school: HashMap<i64, Vec<&Way>> = HashMap::new();
    for w in ways {
        by_school.entry(w.school_id).or_default().push(w);
    }
    schools
        .iter()
        .map(|s| {
            let mine = by_school.get(&s.id).map(Vec::as_slice).unwrap_or(&[]);
            let days = admissions(mine, period);
            let pace = rules::pace(&months, |y| target_of(s.id, y));
            let expected = pace.as_ref().map(|p| rules::expected_by(&months, p, end));
            SchoolProgress {
                school: s.clone(),
                target: target_total(&months, |y| target_of(s.id, y)),
                admitted: days.len() as u32,
                in_progress: mine.iter().filter(|w| w.stage_on(end).is_some_and(is_under_way)).count() as u32,
                by_month: rules::per_month(&days, &months),
                expected_by_now: expected,
                behind: expected.is_some_and(|e| rules::behind(days.len() as u32, e)),
            }
        })
        .collect()
}

/// The sum of the yearly targets of the years the months touch (none when none is set).
pub fn target_total(months: &[NaiveDate], target_of: impl Fn(i32) -> Option<u32>) -> Option<u32> {
    let mut years: Vec<i32> = months.iter().map(chrono::Datelike::year).collect();
    years.dedup();
    let set: Vec<u32> = years.into_iter().filter_map(&target_of).collect();
    (!set.is_empty()).then(|| set.iter().sum())
}

/// Admissions by month over all schools, with the running total and the pace of the summed targets.
pub fn month_points(rows: &[SchoolProgress], period: &Period, today: NaiveDate, target_of_year: impl Fn(i32) -> Option<u32>) -> Vec<MonthPoint> {
    let months = rules::months_of(period.from, period.to);
    let per_month: Vec<u32> = (0..months.len()).map(|i| rows.iter().map(|r| r.by_month.get(i).copied().unwrap_or(0)).sum()).collect();
    let running = rules::cumulative(&per_month);
    let pace = rules::pace(&months, target_of_year);
    months
        .iter()
        .enumerate()
        .map(|(i, m)| MonthPoint {
            month: *m,
            admitted: per_month[i],
            cumulative: running[i],
            pace: pace.as_ref().map(|p| p[i]),
            past: *m <= today,
        })
        .collect()
}

/// The counts of the funnel's steps that do not come from stage events.
#[derive(Clone, Copy, Debug, Default)]
pub struct OtherSteps {
    /// Union members on the rolls.
    pub union_members: u32,
    /// Proposed by the union.
    pub proposed: u32,
    /// Certificates issued.
    pub class_completed: u32,
}

/// The funnel's steps with the conversion from each step to the next.
pub fn funnel_steps(ways: &[Way], period: &Period, other: OtherSteps) -> Vec<FunnelCount> {
    let reached = |stage: Stage| ways.iter().filter(|w| w.entered(stage, period.from, period.to).is_some()).count() as u32;
    let counts: Vec<(FunnelStep, u32)> = FunnelStep::ALL
        .into_iter()
        .map(|step| {
            let n = match step {
                FunnelStep::UnionMembers => other.union_members,
                FunnelStep::Proposed => other.proposed,
                FunnelStep::Pool => reached(Stage::Pool),
                FunnelStep::ClassCompleted => other.class_completed,
                FunnelStep::Candidates => reached(Stage::Candidate),
                FunnelStep::CellVoted => reached(Stage::CellVote),
                FunnelStep::Admitted => reached(ADMITTED),
                FunnelStep::FullMembers => reached(Stage::FullMember),
            };
            (step, n)
        })
        .collect();
    counts
        .iter()
        .enumerate()
        .map(|(i, (step, n))| FunnelCount { step: *step, count: *n, conversion_pct: if i == 0 { None } else { rules::percent(*n, counts[i - 1].1) } })
        .collect()
}

/// Median and 90th-percentile days in each stage, over the stays that ended in the period.
pub fn durations(ways: &[Way], period: &Period) -> Vec<StageTime> {
    let mut days: HashMap<Stage, Vec<u32>> = HashMap::new();
    for w in ways {
        for (stage, d) in w.stays_ended(period.from, period.to) {
            days.entry(stage).or_default().push(d);
        }
    }
    Stage::ALL
        .into_iter()
        .filter(|s| !s.is_final())
        .filter_map(|stage| {
            let mut list = days.remove(&stage)?;
            list.sort_unstable();
            Some(StageTime { stage, stays: list.len() as u32, median_days: rules::percentile(&list, 50), p90_days: rules::percentile(&list, 90) })
        })
        .collect()
}

/// Exits in the period by kind (kinds with none left out).
pub fn exits(ways: &[Way], period: &Period) -> Vec<ExitCount> {
    Stage::ALL
        .into_iter()
        .filter(|s| s.is_exit())
        .map(|stage| ExitCount { stage, count: ways.iter().filter(|w| w.entered(stage, period.from, period.to).is_some()).count() as u32 })
        .filter(|e| e.count > 0)
        .collect()
}

/// The ways stuck in their stage today longer than `after_days`, longest first.
pub fn stalled<'a>(ways: &'a [Way], today: NaiveDate, after_days: u32) -> Vec<(&'a Way, u32)> {
    let mut out: Vec<(&Way, u32)> = ways
        .iter()
        .filter_map(|w| {
            let now = w.current()?;
            let days = (today - now.on).num_days().max(0) as u32;
            (is_under_way(now.stage) && days > after_days).then_some((w, days))
        })
        .collect();
    out.sort_by_key(|(w, days)| (std::cmp::Reverse(*days), w.candidacy_id));
    out
}

/// The minority/Kinh reading of a recorded ethnicity.
fn ethnic_key(e: Option<&str>) -> &'static str {
    match e.map(crate::names::fold) {
        None => "unknown",
        Some(f) if f.is_empty() => "unknown",
        Some(f) if f == "kinh" => "kinh",
        Some(_) => "minority",
    }
}

/// Counts of admitted and under-way students by each dimension, hidden below `smallest`.
pub fn breakdowns(admitted: &[(Facts, NaiveDate)], in_progress: &[Facts], as_of: NaiveDate, smallest: u32) -> Breakdowns {
    let dims: [(Dimension, &[&str], fn(&Facts) -> String); 4] = [
        (Dimension::Gender, &["female", "male", "other", "unknown"], |f| f.gender.clone().filter(|g| ["female", "male", "other"].contains(&g.as_str())).unwrap_or_else(|| "unknown".into())),
        (Dimension::Grade, &["10", "11", "12", "unknown"], |f| f.grade.filter(|g| (10..=12).contains(g)).map_or_else(|| "unknown".into(), |g| g.to_string())),
        (Dimension::Ethnicity, &["minority", "kinh", "unknown"], |f| ethnic_key(f.ethnicity.as_deref()).into()),
        (Dimension::UnionMember, &["yes", "no"], |f| if f.union_joined_on.is_some() { "yes" } else { "no" }.into()),
    ];
    let groups = dims
        .into_iter()
        .map(|(dimension, keys, key_of)| {
            let count = |list: &mut dyn Iterator<Item = &Facts>| {
                let mut c = vec![0u32; keys.len()];
                for f in list {
                    let k = key_of(f);
                    if let Some(i) = keys.iter().position(|x| *x == k) {
                        c[i] += 1;
                    }
                }
                c
            };
            let a = rules::suppress(&count(&mut admitted.iter().map(|(f, _)| f)), smallest);
            let p = rules::suppress(&count(&mut in_progress.iter()), smallest);
            let rows = keys.iter().enumerate().map(|(i, k)| BreakdownRow { key: (*k).to_string(), admitted: a[i], in_progress: p[i] }).collect();
            BreakdownGroup { dimension, rows }
        })
        .collect();
    let average = |ages: Vec<u32>| (ages.len() as u32 >= smallest).then(|| f64::from(ages.iter().sum::<u32>()) / ages.len() as f64);
    Breakdowns {
        groups,
        average_age_admitted: average(admitted.iter().map(|(f, on)| rules::age_on(f.date_of_birth, *on)).collect()),
        average_age_in_progress: average(in_progress.iter().map(|f| rules::age_on(f.date_of_birth, as_of)).collect()),
        smallest_shown: smallest,
    }
}
