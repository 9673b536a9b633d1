//! The pure rules of the personal-data duties: when a request is due, who
//! the retention rule reaches, what an anonymised student looks like, and
//! how a request's fields are checked.

use crate::pipeline::calendar::Calendar;
use chrono::{Datelike, Months, NaiveDate};
use nguon_shared::privacy::{REQUESTERS, REQUEST_KINDS};
use nguon_shared::{ErrorCode, FieldError};

/// The day a request received on `received` must be answered by: the
/// `working_days`-th working day after it (a request received on a day off
/// counts from that day all the same).
pub fn due_on(cal: &Calendar, received: NaiveDate, working_days: u32) -> NaiveDate {
    cal.add_working_days(received, working_days)
}

/// Whether an unanswered request is late on `today`.
pub fn overdue(due: NaiveDate, answered: Option<NaiveDate>, today: NaiveDate) -> bool {
    answered.is_none() && due < today
}

/// Whether a student whose last school day was `last_day` left more than
/// `years` years before `today` (and so falls under the retention rule).
pub fn past_retention(last_day: NaiveDate, years: u32, today: NaiveDate) -> bool {
    last_day.checked_add_months(Months::new(12 * years)).is_some_and(|end| end < today)
}

/// The family name an anonymised student carries.
pub const ANONYMOUS_FAMILY: &str = "Ẩn danh";

/// An anonymised student's name and date of birth: the name says nothing
/// but the record's number, and only the year of birth is kept (age-based
/// figures by year stay right).
pub fn anonymous_identity(student_id: i64, dob: NaiveDate) -> (String, String, NaiveDate) {
    let given = format!("HS{student_id}");
    let kept = NaiveDate::from_ymd_opt(dob.year(), 1, 1).unwrap_or(dob);
    (ANONYMOUS_FAMILY.to_string(), given, kept)
}

/// A request as typed, before it is checked.
#[derive(Clone, Debug, Default)]
pub struct RequestInput {
    /// `student` or `guardian`.
    pub requester: String,
    /// Who asked.
    pub requester_name: String,
    /// The kind of request.
    pub kind: String,
    /// What was asked.
    pub details: String,
    /// Day received.
    pub received_on: NaiveDate,
}

/// Longest requester name and details accepted.
const NAME_MAX: usize = 120;
const DETAILS_MAX: usize = 2000;

/// Checks a request: every refused field at once.
pub fn check_request(input: &RequestInput, dob: NaiveDate, today: NaiveDate) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !REQUESTERS.contains(&input.requester.as_str()) {
        errors.push(FieldError::new("requester", ErrorCode::InvalidValue));
    }
    let name_len = input.requester_name.chars().count();
    if name_len == 0 {
        errors.push(FieldError::new("requester_name", ErrorCode::Required));
    } else if name_len > NAME_MAX {
        errors.push(FieldError::new("requester_name", ErrorCode::TooLong { max: NAME_MAX as u32 }));
    }
    if !REQUEST_KINDS.contains(&input.kind.as_str()) {
        errors.push(FieldError::new("kind", ErrorCode::InvalidValue));
    }
    if input.details.chars().count() > DETAILS_MAX {
        errors.push(FieldError::new("details", ErrorCode::TooLong { max: DETAILS_MAX as u32 }));
    }
    if input.received_on > today || input.received_on < dob {
        errors.push(FieldError::new("received_on", ErrorCode::OutOfPeriod));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn due_dates_skip_weekends_and_tet() {
        let cal = Calendar::with_defaults(2025..=2027);
        let cases = [
            // (received, working days, due, why)
            (d(2026, 11, 24), 2, d(2026, 11, 26), "Tuesday: Thursday"),
            (d(2026, 11, 26), 2, d(2026, 11, 30), "Thursday: over the weekend to Monday"),
            (d(2026, 11, 27), 2, d(2026, 12, 1), "Friday: Tuesday"),
            (d(2026, 11, 28), 2, d(2026, 12, 1), "received on a Saturday: Tuesday"),
            // Tết Bính Ngọ: 17/02/2026 is the first day; the default holiday runs around it.
            (d(2026, 2, 13), 2, cal.add_working_days(d(2026, 2, 13), 2), "before Tết"),
            (d(2025, 9, 1), 2, d(2025, 9, 4), "Monday 1/9, 2/9 National Day off: Thursday"),
        ];
        for (received, n, due, why) in cases {
            assert_eq!(due_on(&cal, received, n), due, "{why}");
        }
        let tet = due_on(&cal, d(2026, 2, 13), 2);
        assert!(tet > d(2026, 2, 20), "two working days from just before Tết end after the Tết holiday: {tet}");
        for day in d(2026, 2, 14).iter_days().take_while(|x| *x < tet) {
            let off = !cal.is_working_day(day);
            let counted = cal.working_days_between(d(2026, 2, 13), day);
            assert!(off || counted < 2, "{day} is a working day counted before the due day");
        }
    }

    #[test]
    fn late_only_when_unanswered_after_the_due_day() {
        let due = d(2026, 12, 1);
        assert!(!overdue(due, None, d(2026, 12, 1)));
        assert!(overdue(due, None, d(2026, 12, 2)));
        assert!(!overdue(due, Some(d(2026, 12, 3)), d(2026, 12, 9)));
    }

    #[test]
    fn retention_counts_whole_years_after_leaving() {
        let left = d(2020, 5, 31);
        assert!(!past_retention(left, 5, d(2025, 5, 31)));
        assert!(past_retention(left, 5, d(2025, 6, 1)));
        assert!(!past_retention(left, 10, d(2026, 11, 27)));
        assert!(past_retention(left, 0, d(2020, 6, 1)));
    }

    #[test]
    fn anonymous_identity_keeps_the_year_only() {
        let (family, given, dob) = anonymous_identity(42, d(2009, 7, 15));
        assert_eq!(family, ANONYMOUS_FAMILY);
        assert_eq!(given, "HS42");
        assert_eq!(dob, d(2009, 1, 1));
    }

    #[test]
    fn a_request_is_checked_field_by_field() {
        let ok = RequestInput {
            requester: "guardian".into(),
            requester_name: "Trần Thị Mai".into(),
            kind: "access".into(),
            details: "Xin bản sao toàn bộ dữ liệu".into(),
            received_on: d(2026, 11, 27),
        };
        let dob = d(2010, 3, 1);
        let today = d(2026, 11, 27);
        assert!(check_request(&ok, dob, today).is_empty());
        let cases: [(RequestInput, &str); 6] = [
            (RequestInput { requester: "teacher".into(), ..ok.clone() }, "requester"),
            (RequestInput { requester_name: String::new(), ..ok.clone() }, "requester_name"),
            (RequestInput { requester_name: "x".repeat(121), ..ok.clone() }, "requester_name"),
            (RequestInput { kind: "delete".into(), ..ok.clone() }, "kind"),
            (RequestInput { received_on: d(2026, 11, 28), ..ok.clone() }, "received_on"),
            (RequestInput { details: "x".repeat(2001), ..ok.clone() }, "details"),
        ];
        for (input, field) in cases {
            let errors = check_request(&input, dob, today);
            assert_eq!(errors.len(), 1, "{field}: {errors:?}");
            assert_eq!(errors[0].field, field);
        }
    }
}
