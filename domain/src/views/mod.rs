//! Page views: each page's one answer (`nguon_shared::views::*View`), built
//! from the feature services, which authorise every read themselves. A view
//! builder chooses what the page shows (a year, a school), asks the services
//! for it, and trims long lists to the slice the page shows.

pub mod documents;
pub mod home;
pub mod ledger;
pub mod merit;
pub mod organisation;
pub mod oversight;
pub mod pipeline;
pub mod privacy;
pub mod students;

use crate::policy::{Actor, Permission};
use chrono::NaiveDate;
use nguon_shared::views::{SchoolChoice, SchoolOption, SchoolYearView, YearChoice};
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;

/// Pure rule: the year to show among `years` (newest first): the one asked
/// for, else the one containing `today`, else the newest. A year asked for
/// that is not offered is not found.
pub fn pick_year(years: &[SchoolYearView], wanted: Option<i64>, today: NaiveDate) -> Result<Option<SchoolYearView>, AppError> {
    if let Some(id) = wanted {
        return years.iter().find(|y| y.id == id).cloned().map(Some).ok_or(AppError::NotFound);
    }
    Ok(years.iter().find(|y| y.starts_on <= today && today <= y.ends_on).or_else(|| years.first()).cloned())
}

/// Pure rule: the id asked for, when it is among those `offered`; one that
/// is not offered is not found; none asked for, none chosen.
pub fn pick_offered(offered: impl IntoIterator<Item = i64>, wanted: Option<i64>) -> Result<Option<i64>, AppError> {
    match wanted {
        Some(id) if offered.into_iter().any(|o| o == id) => Ok(Some(id)),
        Some(_) => Err(AppError::NotFound),
        None => Ok(None),
    }
}

/// Pure rule: the school to show: the one asked for (not found unless
/// offered), else the first offered.
pub fn pick_school(schools: &[SchoolOption], wanted: Option<i64>) -> Result<Option<i64>, AppError> {
    Ok(pick_offered(schools.iter().map(|s| s.id), wanted)?.or(schools.first().map(|s| s.id)))
}

/// The years of the schools whose students the actor may see, and the one to show.
pub async fn year_choice<C: ConnectionTrait>(conn: &C, actor: &Actor, wanted: Option<i64>, today: NaiveDate) -> Result<YearChoice, AppError> {
    let years = crate::school_years::list_for(conn, actor, Permission::ViewStudents).await?;
    let year = pick_year(&years, wanted, today)?;
    Ok(YearChoice { years, year })
}

/// The schools whose students the actor may see, and the one to show.
pub async fn school_choice<C: ConnectionTrait>(conn: &C, actor: &Actor, wanted: Option<i64>) -> Result<SchoolChoice, AppError> {
    let schools = crate::org::schools_in_scope(conn, actor, Permission::ViewStudents).await?;
    let school = pick_school(&schools, wanted)?;
    Ok(SchoolChoice { schools, school })
}

/// A part of a page that only some roles get: `None` when the service
/// refuses the actor (not found or forbidden), any other failure kept.
pub(crate) fn if_allowed<T>(result: Result<T, AppError>) -> Result<Option<T>, AppError> {
    match result {
        Ok(v) => Ok(Some(v)),
        Err(AppError::NotFound | AppError::Forbidden) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether `name` matches a search typed by the user (every word starts a
/// word of the name, accents and case ignored); an empty search matches all.
pub(crate) fn name_matches(name: &str, search: &str) -> bool {
    search.trim().is_empty() || crate::names::matches(name, search)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn year(id: i64, start: i32) -> SchoolYearView {
        SchoolYearView {
            id,
            school_id: 1,
            school_name: "THPT Tân Hà".into(),
            name: format!("{start}-{}", start + 1),
            starts_on: d(start, 9, 5),
            ends_on: d(start + 1, 5, 31),
            semesters: Vec::new(),
            classes: 0,
            students: 0,
        }
    }

    #[test]
    fn year_shown() {
        let years = [year(3, 2026), year(2, 2025), year(1, 2024)];
        let cases: [(Option<i64>, NaiveDate, Result<Option<i64>, AppError>); 6] = [
            (None, d(2025, 10, 1), Ok(Some(2))),
            (None, d(2026, 7, 1), Ok(Some(3))),
            (None, d(2030, 1, 1), Ok(Some(3))),
            (Some(1), d(2025, 10, 1), Ok(Some(1))),
            (Some(9), d(2025, 10, 1), Err(AppError::NotFound)),
            (None, d(2020, 1, 1), Ok(Some(3))),
        ];
        for (wanted, today, expected) in cases {
            assert_eq!(pick_year(&years, wanted, today).map(|y| y.map(|y| y.id)), expected, "{wanted:?} on {today}");
        }
        assert_eq!(pick_year(&[], None, d(2025, 10, 1)), Ok(None));
    }

    #[test]
    fn school_shown() {
        let schools = [SchoolOption { id: 4, name: "THPT Lâm Hà".into() }, SchoolOption { id: 7, name: "THPT Tân Hà".into() }];
        assert_eq!(pick_school(&schools, None), Ok(Some(4)));
        assert_eq!(pick_school(&schools, Some(7)), Ok(Some(7)));
        assert_eq!(pick_school(&schools, Some(5)), Err(AppError::NotFound));
        assert_eq!(pick_school(&[], None), Ok(None));
    }

    #[test]
    fn offered_ids() {
        assert_eq!(pick_offered([3, 5], Some(5)), Ok(Some(5)));
        assert_eq!(pick_offered([3, 5], Some(4)), Err(AppError::NotFound));
        assert_eq!(pick_offered([3, 5], None), Ok(None));
        assert_eq!(pick_offered([], Some(1)), Err(AppError::NotFound));
    }

    #[test]
    fn searches() {
        assert!(name_matches("Nguyễn Văn An", ""));
        assert!(name_matches("Nguyễn Văn An", "an"));
        assert!(name_matches("Nguyễn Văn An", "nguyen an"));
        assert!(!name_matches("Nguyễn Văn An", "binh"));
    }
}
