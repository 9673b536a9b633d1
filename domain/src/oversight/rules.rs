//! Pure rules of oversight: periods, months, the even pace, percentiles and
//! the suppression of small counts. Table-tested below.

use chrono::{Datelike, Months, NaiveDate};
use nguon_shared::oversight::{Count, Period, PeriodKind};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// The period of `kind` as of `today`; a custom period takes `from` and
/// `to` (both required, in order), else `None`.
pub fn resolve_period(kind: PeriodKind, today: NaiveDate, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Option<Period> {
    let y = today.year();
    let (from, to) = match kind {
        PeriodKind::ThisYear => (ymd(y, 1, 1), ymd(y, 12, 31)),
        PeriodKind::LastYear => (ymd(y - 1, 1, 1), ymd(y - 1, 12, 31)),
        PeriodKind::YearToDate => (ymd(y, 1, 1), today),
        PeriodKind::Custom => match (from, to) {
            (Some(f), Some(t)) if f <= t => (f, t),
            _ => return None,
        },
    };
    Some(Period { kind, from, to })
}

/// The first day of every month the period touches.
pub fn months_of(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut m = ymd(from.year(), from.month(), 1);
    while m <= to {
        out.push(m);
        m = m.checked_add_months(Months::new(1)).expect("a valid month");
    }
    out
}

/// The last day of the month of `day`.
pub fn month_end(day: NaiveDate) -> NaiveDate {
    ymd(day.year(), day.month(), 1).checked_add_months(Months::new(1)).expect("a valid month").pred_opt().expect("a valid day")
}

/// How many of `days` fall in each of `months` (first days, ascending).
pub fn per_month(days: &[NaiveDate], months: &[NaiveDate]) -> Vec<u32> {
    let mut counts = vec![0u32; months.len()];
    for d in days {
        if let Some(i) = months.iter().position(|m| m.year() == d.year() && m.month() == d.month()) {
            counts[i] += 1;
        }
    }
    counts
}

/// Running sums.
pub fn cumulative(counts: &[u32]) -> Vec<u32> {
    counts
        .iter()
        .scan(0u32, |sum, c| {
            *sum += c;
            Some(*sum)
        })
        .collect()
}

/// The even pace over `months` (first days, ascending): at each month's
/// end, the sum of a twelfth of its year's target (`target_of`) for every
/// month of the period so far. `None` when no year of the period has a target.
pub fn pace(months: &[NaiveDate], target_of: impl Fn(i32) -> Option<u32>) -> Option<Vec<f64>> {
    if months.iter().all(|m| target_of(m.year()).is_none()) {
        return None;
    }
    let mut sum = 0.0;
    Some(
        months
            .iter()
            .map(|m| {
                sum += f64::from(target_of(m.year()).unwrap_or(0)) / 12.0;
                sum
            })
            .collect(),
    )
}

/// What the pace expects by `day`: its value at the last month already over
/// (the current month is not yet due); 0 before the first month ends.
pub fn expected_by(months: &[NaiveDate], pace: &[f64], day: NaiveDate) -> f64 {
    months.iter().zip(pace).filter(|(m, _)| month_end(**m) <= day).map(|(_, p)| *p).last().unwrap_or(0.0)
}

/// Behind pace: fewer admitted than the whole people an even pace expects by now.
pub fn behind(admitted: u32, expected: f64) -> bool {
    f64::from(admitted) < expected.floor()
}

/// The last day of the last quarter already over on `today` (today itself on a quarter's last day).
pub fn last_quarter_end(today: NaiveDate) -> NaiveDate {
    let end_of = |y: i32, q: u32| month_end(ymd(y, q * 3, 1));
    let q = (today.month() - 1) / 3 + 1;
    if today == end_of(today.year(), q) {
        today
    } else if q == 1 {
        ymd(today.year() - 1, 12, 31)
    } else {
        end_of(today.year(), q - 1)
    }
}

/// The nearest-rank percentile `p` (0–100) of `sorted` (ascending); 0 for none.
pub fn percentile(sorted: &[u32], p: u32) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (u64::from(p) * sorted.len() as u64).div_ceil(100).max(1) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

/// Hides every count below `smallest`; when exactly one of a group's
/// non-zero counts is hidden, the next smallest is hidden too, so that the
/// group's total (shown elsewhere) cannot reveal it.
pub fn suppress(counts: &[u32], smallest: u32) -> Vec<Count> {
    let mut out: Vec<Count> = counts.iter().map(|&c| if c < smallest { Count::Few { below: smallest } } else { Count::Shown(c) }).collect();
    let hidden_nonzero = counts.iter().filter(|&&c| c > 0 && c < smallest).count();
    if hidden_nonzero == 1 {
        let next = counts.iter().enumerate().filter(|(_, &c)| c >= smallest).min_by_key(|(_, &c)| c).map(|(i, _)| i);
        if let Some(i) = next {
            out[i] = Count::Few { below: smallest };
        }
    }
    out
}

/// The percentage `part` is of `whole`, rounded (none when `whole` is 0).
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| ((f64::from(part) * 100.0 / f64::from(whole)).round()) as u32)
}

/// Age in whole years on `on`.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let today = ymd(2026, 11, 27);
        let p = |k, f, t| resolve_period(k, today, f, t).map(|p| (p.from, p.to));
        let cases = [
            (PeriodKind::ThisYear, None, None, Some((ymd(2026, 1, 1), ymd(2026, 12, 31)))),
            (PeriodKind::LastYear, None, None, Some((ymd(2025, 1, 1), ymd(2025, 12, 31)))),
            (PeriodKind::YearToDate, None, None, Some((ymd(2026, 1, 1), today))),
            (PeriodKind::Custom, Some(ymd(2025, 9, 1)), Some(ymd(2026, 5, 31)), Some((ymd(2025, 9, 1), ymd(2026, 5, 31)))),
            (PeriodKind::Custom, Some(ymd(2026, 5, 31)), Some(ymd(2025, 9, 1)), None),
            (PeriodKind::Custom, None, Some(ymd(2025, 9, 1)), None),
        ];
        for (kind, from, to, want) in cases {
            assert_eq!(p(kind, from, to), want, "{kind:?}");
        }
    }

    #[test]
    fn months_counts_and_running_sums() {
        let months = months_of(ymd(2025, 11, 15), ymd(2026, 2, 1));
        assert_eq!(months, vec![ymd(2025, 11, 1), ymd(2025, 12, 1), ymd(2026, 1, 1), ymd(2026, 2, 1)]);
        let days = [ymd(2025, 11, 30), ymd(2026, 1, 2), ymd(2026, 1, 31), ymd(2026, 3, 1)];
        assert_eq!(per_month(&days, &months), vec![1, 0, 2, 0]);
        assert_eq!(cumulative(&[1, 0, 2, 0]), vec![1, 1, 3, 3]);
        assert_eq!(month_end(ymd(2024, 2, 10)), ymd(2024, 2, 29));
        assert_eq!(month_end(ymd(2025, 12, 1)), ymd(2025, 12, 31));
    }

    #[test]
    fn pace_and_behind() {
        let year = months_of(ymd(2026, 1, 1), ymd(2026, 12, 31));
        let twelve = pace(&year, |_| Some(12)).unwrap();
        assert_eq!(twelve[2], 3.0);
        assert_eq!(expected_by(&year, &twelve, ymd(2026, 3, 5)), 2.0);
        assert_eq!(expected_by(&year, &twelve, ymd(2026, 3, 31)), 3.0);
        assert_eq!(pace(&year, |_| None), None);
        // A school year across two calendar years takes each year's target.
        let school_year = months_of(ymd(2025, 9, 1), ymd(2026, 5, 31));
        let mixed = pace(&school_year, |y| Some(if y == 2025 { 12 } else { 24 })).unwrap();
        assert_eq!(mixed[3], 4.0); // Sep–Dec 2025: 4 × 1
        assert_eq!(mixed[4], 6.0); // January 2026: + 2
        let three = pace(&year, |_| Some(3)).unwrap();
        let cases = [
            // (admitted, day, behind)
            (0, ymd(2026, 1, 20), false), // nothing due yet
            (0, ymd(2026, 4, 1), false),  // 0.75 expected: nobody is due yet
            (0, ymd(2026, 5, 2), true),   // 1.0 expected
            (1, ymd(2026, 8, 15), false), // 1.75
            (1, ymd(2026, 9, 1), true),   // 2.0
            (3, ymd(2026, 12, 31), false),
        ];
        for (admitted, day, want) in cases {
            assert_eq!(behind(admitted, expected_by(&year, &three, day)), want, "{admitted} on {day}");
        }
    }

    #[test]
    fn quarters() {
        for (today, end) in [
            (ymd(2026, 11, 27), ymd(2026, 9, 30)),
            (ymd(2026, 9, 30), ymd(2026, 9, 30)),
            (ymd(2026, 1, 5), ymd(2025, 12, 31)),
            (ymd(2026, 4, 1), ymd(2026, 3, 31)),
            (ymd(2026, 6, 30), ymd(2026, 6, 30)),
        ] {
            assert_eq!(last_quarter_end(today), end, "{today}");
        }
    }

    #[test]
    fn percentiles() {
        assert_eq!(percentile(&[], 50), 0);
        assert_eq!(percentile(&[7], 90), 7);
        let days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        assert_eq!(percentile(&days, 50), 5);
        assert_eq!(percentile(&days, 90), 9);
        assert_eq!(percentile(&days, 100), 10);
        assert_eq!(percentile(&[3, 30, 300], 50), 30);
    }

    #[test]
    fn small_counts_are_hidden_and_cannot_be_worked_out() {
        let few = Count::Few { below: 5 };
        let s = Count::Shown;
        let cases: [(&[u32], Vec<Count>); 5] = [
            (&[12, 9], vec![s(12), s(9)]),
            // One hidden cell: the next smallest goes too, or the total would give it away.
            (&[12, 3], vec![few, few]),
            (&[12, 9, 3], vec![s(12), few, few]),
            // Two hidden cells already protect each other.
            (&[12, 3, 2], vec![s(12), few, few]),
            // Nobody: nothing to protect, but still below the threshold.
            (&[12, 0], vec![s(12), few]),
        ];
        for (counts, want) in cases {
            assert_eq!(suppress(counts, 5), want, "{counts:?}");
        }
    }

    #[test]
    fn percents_and_ages() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 0), None);
        assert_eq!(age_on(ymd(2008, 6, 15), ymd(2026, 6, 14)), 17);
        assert_eq!(age_on(ymd(2008, 6, 15), ymd(2026, 6, 15)), 18);
    }
}
