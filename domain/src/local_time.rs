//! Vietnam's clock (UTC+7, no daylight saving): the day of a stored moment,
//! today, and the moment a local day begins.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

/// UTC+7.
pub fn offset() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("a valid offset")
}

/// The day of a moment in Vietnam.
pub fn day_of(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&offset()).date_naive()
}

/// Today in Vietnam.
pub fn today() -> NaiveDate {
    day_of(Utc::now())
}

/// The moment `day` begins in Vietnam, as UTC.
pub fn midnight(day: NaiveDate) -> DateTime<Utc> {
    offset().from_local_datetime(&day.and_time(NaiveTime::MIN)).single().map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vietnamese_day_starts_at_17_utc_the_day_before() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(midnight(day), Utc.with_ymd_and_hms(2025, 12, 31, 17, 0, 0).unwrap());
        assert_eq!(day_of(Utc.with_ymd_and_hms(2025, 12, 31, 17, 0, 0).unwrap()), day);
        assert_eq!(day_of(Utc.with_ymd_and_hms(2025, 12, 31, 16, 59, 59).unwrap()), day.pred_opt().unwrap());
    }
}
