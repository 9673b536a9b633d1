//! Display formats: Vietnamese dates (dd/mm/yyyy) in Vietnam's time zone.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Vietnam's offset, UTC+7 (no daylight saving).
fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("valid offset")
}

/// Today's date in Vietnam.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&vietnam()).date_naive()
}

/// `dd/mm/yyyy` for a calendar date.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// `dd/mm/yyyy HH:MM` in Vietnam time for an instant.
pub fn date_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&vietnam()).format("%d/%m/%Y %H:%M").to_string()
}

/// Parses a date typed as `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`,
/// `dd.mm.yyyy`, `dd mm yyyy`, `ddmmyyyy`) or sent by a date picker as `yyyy-mm-dd`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    // A phone's numeric keypad often has no "/": eight digits in a row
    // (05102025) and any of its separators (. , - space) are read too.
    let digits_only = s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit());
    let normalised = if digits_only { format!("{}/{}/{}", &s[..2], &s[2..4], &s[4..]) } else { s.replace(['-', '.', ',', ' '], "/") };
    let parts: Vec<&str> = normalised.split('/').filter(|p| !p.is_empty()).collect();
    // A two-digit year would silently mean the first century.
    let [day, month, year] = parts.as_slice() else { return None };
    (year.len() == 4).then(|| NaiveDate::parse_from_str(&format!("{day}/{month}/{year}"), "%d/%m/%Y").ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_vietnamese_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
        for s in ["31/05/2026", "31/5/2026", " 31-05-2026 ", "31.05.2026", "2026-05-31", "31052026", "31 05 2026", "31,05,2026", "31. 05. 2026"] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        for s in ["05/31/2026", "31/05/26", "", "hôm nay", "29/02/2026", "3105202", "310520266", "31/05/2026/1", "2026/05/31"] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn formats_in_vietnam_time() {
        assert_eq!(date(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()), "05/03/2026");
        // 31/12 at 18:30 UTC is already 01/01 in Vietnam.
        let t = DateTime::parse_from_rfc3339("2025-12-31T18:30:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(date_time(t), "01/01/2026 01:30");
    }
}
