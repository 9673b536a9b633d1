//! Working days and Vietnam's public holidays (domain.md §3): Monday to
//! Friday minus holidays. The default holidays of a year follow the Labour
//! Code 2019 (art. 112): 1/1; Tết, five days (the last day of the lunar year
//! and the first four of the new one); Hùng Kings day (10th day of the 3rd
//! lunar month); 30/4; 1/5; 2/9 and an adjacent day; a holiday falling on a
//! weekend is made up on the next working day. The government's yearly
//! schedule can replace them: holidays are data, these are only defaults.
//!
//! Lunar dates are computed astronomically for the UTC+7 meridian (after Hồ
//! Ngọc Đức's published method), which is what makes Vietnam's Tết differ
//! from China's in some years (e.g. 1985, 2007).

use nguon_shared::mentoring::HolidayKind;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;
use std::f64::consts::PI;

/// Vietnam's time zone, in hours east of UTC.
const TZ: f64 = 7.0;

fn jd_from_date(d: NaiveDate) -> i64 {
    // chrono counts 0001-01-01 (proleptic Gregorian) as day 1; its Julian day number is 1721426.
    d.num_days_from_ce() as i64 + 1_721_425
}

fn date_from_jd(jd: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt((jd - 1_721_425) as i32).expect("a date in range")
}

/// Julian day of the `k`-th new moon after 1/1/1900.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin();
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    jd1 + c1 - delta_t
}

/// Local day (Julian day number) of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TZ / 24.0).floor() as i64
}

/// The sun's longitude at local midnight starting day `jdn`, in one of 12 sectors.
fn sun_sector(jdn: i64) -> i64 {
    let t = (jdn as f64 - 0.5 - TZ / 24.0 - 2451545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let mut dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin();
    dl += (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin() + 0.000290 * (dr * 3.0 * m).sin();
    let mut l = (l0 + dl) * dr;
    l -= PI * 2.0 * (l / (PI * 2.0)).floor();
    (l / PI * 6.0).floor() as i64
}

/// The day the 11th lunar month (the one holding the winter solstice) of year `y` begins.
fn lunar_month_11(y: i32) -> i64 {
    let off = jd_from_date(NaiveDate::from_ymd_opt(y, 12, 31).expect("31/12")) - 2415021;
    let k = (off as f64 / 29.530588853).floor() as i64;
    let nm = new_moon_day(k);
    if sun_sector(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// Offset of the leap month after the 11th month starting on `a11`.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - 2415021.076998695) / 29.530588853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The solar date of a lunar date (not in a leap month) of lunar year `year`.
pub fn lunar_to_solar(day: u32, month: u32, year: i32) -> NaiveDate {
    let (a11, b11) =
        if month < 11 { (lunar_month_11(year - 1), lunar_month_11(year)) } else { (lunar_month_11(year), lunar_month_11(year + 1)) };
    let k = (0.5 + (a11 as f64 - 2415021.076998695) / 29.530588853).floor() as i64;
    let mut off = month as i64 - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 && off >= leap_month_offset(a11) {
        off += 1;
    }
    date_from_jd(new_moon_day(k + off) + day as i64 - 1)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The default public holidays of Gregorian year `y`, make-up days included.
pub fn default_holidays(y: i32) -> BTreeSet<NaiveDate> {
    named_default_holidays(y).into_keys().collect()
}

/// [`default_holidays`], each with which holiday it is.
pub fn named_default_holidays(y: i32) -> std::collections::BTreeMap<NaiveDate, HolidayKind> {
    let mut days = std::collections::BTreeMap::new();
    days.insert(ymd(y, 1, 1), HolidayKind::NewYear);
    let tet = lunar_to_solar(1, 1, y);
    for i in 0..5 {
        // From the eve (last day of the lunar year) to the 4th day.
        days.insert(tet - Days::new(1) + Days::new(i), HolidayKind::LunarNewYear);
    }
    days.insert(lunar_to_solar(10, 3, y), HolidayKind::HungKings);
    days.insert(ymd(y, 4, 30), HolidayKind::Reunification);
    days.insert(ymd(y, 5, 1), HolidayKind::Labour);
    let national = ymd(y, 9, 2);
    days.insert(national, HolidayKind::National);
    // The adjacent day: the Monday before a Tuesday 2/9, else the day after.
    days.insert(if national.weekday() == Weekday::Tue { ymd(y, 9, 1) } else { ymd(y, 9, 3) }, HolidayKind::National);
    let mut made_up = BTreeSet::new();
    for d in days.keys().filter(|d| is_weekend(**d)) {
        let mut next = *d + Days::new(1);
        while is_weekend(next) || days.contains_key(&next) || made_up.contains(&next) {
            next = next + Days::new(1);
        }
        made_up.insert(next);
    }
    days.extend(made_up.into_iter().map(|d| (d, HolidayKind::InLieu)));
    days
}

/// A working-day calendar: weekends and the given holidays are off.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Days off besides weekends.
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days made working days (the government's make-up Saturdays).
    pub working_weekends: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// The default calendar for some years.
    pub fn with_defaults(years: impl IntoIterator<Item = i32>) -> Self {
        Calendar { holidays: years.into_iter().flat_map(default_holidays).collect(), working_weekends: BTreeSet::new() }
    }

    /// Applies a recorded change: `d` becomes a day off, or a working day
    /// (a default holiday cancelled, or a weekend day worked to make up for one).
    pub fn set(&mut self, d: NaiveDate, off: bool) {
        if off {
            self.holidays.insert(d);
            self.working_weekends.remove(&d);
        } else {
            self.holidays.remove(&d);
            if is_weekend(d) {
                self.working_weekends.insert(d);
            }
        }
    }

    /// Whether `d` is a working day.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !self.holidays.contains(&d) && (!is_weekend(d) || self.working_weekends.contains(&d))
    }

    /// The `n`-th working day after `from` (a deadline "within n working days of `from`").
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> NaiveDate {
        let mut d = from;
        let mut left = n;
        while left > 0 {
            d = d + Days::new(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days after `from` up to and including `to` (0 when `to` ≤ `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days().skip(1).take_while(|d| *d <= to).filter(|d| self.is_working_day(*d)).count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tet_and_hung_kings_days() {
        // Tết (1/1 lunar), Vietnam's calendar: 1985 and 2007 differ from China's (20/2/1985, 18/2/2007).
        let tet = [(1985, ymd(1985, 1, 21)), (2007, ymd(2007, 2, 17)), (2023, ymd(2023, 1, 22)), (2024, ymd(2024, 2, 10)), (2025, ymd(2025, 1, 29)), (2026, ymd(2026, 2, 17)), (2027, ymd(2027, 2, 6))];
        for (y, want) in tet {
            assert_eq!(lunar_to_solar(1, 1, y), want, "Tết {y}");
        }
        // Giỗ Tổ Hùng Vương, 10/3 lunar (2023 has a leap 2nd month before it).
        for (y, want) in [(2023, ymd(2023, 4, 29)), (2024, ymd(2024, 4, 18)), (2025, ymd(2025, 4, 7))] {
            assert_eq!(lunar_to_solar(10, 3, y), want, "Hùng Kings {y}");
        }
    }

    #[test]
    fn holidays_of_2025() {
        let h = default_holidays(2025);
        for d in [ymd(2025, 1, 1), ymd(2025, 1, 28), ymd(2025, 1, 29), ymd(2025, 2, 1), ymd(2025, 4, 7), ymd(2025, 4, 30), ymd(2025, 5, 1), ymd(2025, 9, 1), ymd(2025, 9, 2)] {
            assert!(h.contains(&d), "{d} is a holiday");
        }
        // 1/2/2025 (4th day of Tết) is a Saturday: made up on Monday 3/2.
        assert!(h.contains(&ymd(2025, 2, 3)));
        assert!(!h.contains(&ymd(2025, 2, 4)));
        assert!(!h.contains(&ymd(2025, 9, 3)), "2/9/2025 is a Tuesday: the adjacent day is Monday 1/9");
        // 2026: 30/4 Thursday, 1/5 Friday, 2/9 Wednesday → 3/9.
        let h = default_holidays(2026);
        assert!(h.contains(&ymd(2026, 9, 3)) && !h.contains(&ymd(2026, 9, 1)));
        // Tết 2026: 16/2 (eve) to 20/2; Hùng Kings 26/4/2026 is a Sunday, made up on Monday 27/4.
        assert!((16..=20).all(|d| h.contains(&ymd(2026, 2, d))));
        assert_eq!(lunar_to_solar(10, 3, 2026), ymd(2026, 4, 26));
        assert!(h.contains(&ymd(2026, 4, 27)));
    }

    #[test]
    fn working_days() {
        let cal = Calendar::with_defaults([2025, 2026]);
        // Friday 25/4/2025 + 1 working day: Monday 28/4 (weekend), + 3: Friday 2/5 (30/4 and 1/5 off).
        assert_eq!(cal.add_working_days(ymd(2025, 4, 25), 1), ymd(2025, 4, 28));
        assert_eq!(cal.add_working_days(ymd(2025, 4, 25), 3), ymd(2025, 5, 2));
        assert_eq!(cal.add_working_days(ymd(2025, 4, 25), 0), ymd(2025, 4, 25));
        // A deadline spanning Tết 2026: 30 working days from Monday 2/2/2026.
        // February: 3–6 (4), 9–13 (5), 23–27 (5), March 2–6 (5), 9–13 (5), 16–20 (5) = 29; then 23/3.
        assert_eq!(cal.add_working_days(ymd(2026, 2, 2), 30), ymd(2026, 3, 23));
        assert_eq!(cal.working_days_between(ymd(2026, 2, 2), ymd(2026, 3, 23)), 30);
        assert_eq!(cal.working_days_between(ymd(2026, 3, 23), ymd(2026, 2, 2)), 0);
        assert!(!cal.is_working_day(ymd(2026, 2, 18)));
        assert!(cal.is_working_day(ymd(2026, 2, 23)));
    }

    #[test]
    fn recorded_changes_move_working_days() {
        let mut cal = Calendar::with_defaults([2025]);
        // The government's 2025 schedule: Friday 2/5 off, made up on Saturday 26/4.
        cal.set(ymd(2025, 5, 2), true);
        cal.set(ymd(2025, 4, 26), false);
        assert!(!cal.is_working_day(ymd(2025, 5, 2)));
        assert!(cal.is_working_day(ymd(2025, 4, 26)));
        // Friday 25/4 + 1: the make-up Saturday; + 3: Tuesday 29/4; + 4: Monday 5/5 (30/4, 1/5, 2/5 and the weekend off).
        assert_eq!(cal.add_working_days(ymd(2025, 4, 25), 1), ymd(2025, 4, 26));
        assert_eq!(cal.add_working_days(ymd(2025, 4, 25), 3), ymd(2025, 4, 29));
        assert_eq!(cal.add_working_days(ymd(2025, 4, 25), 4), ymd(2025, 5, 5));
        assert_eq!(cal.working_days_between(ymd(2025, 4, 25), ymd(2025, 5, 5)), 4);
        // A default holiday cancelled is an ordinary weekday again; a weekend made off again is off.
        cal.set(ymd(2025, 9, 1), false);
        assert!(cal.is_working_day(ymd(2025, 9, 1)));
        cal.set(ymd(2025, 4, 26), true);
        assert!(!cal.is_working_day(ymd(2025, 4, 26)));
    }
}
