//! Reading a page's filters from the text fields of its address, shared by
//! the page's server function and its Excel export, so both show the same rows.

use super::context::{invalid_value, optional_date, optional_number, required_number, search_text};
use nguon_domain::audit::AuditFilter;
use nguon_domain::ledger::standing::Scope;
use nguon_domain::students::StudentFilter;
use nguon_domain::views::ledger::LeaderboardQuery;
use nguon_domain::views::oversight::DashboardQuery;
use nguon_shared::{AppError, ErrorCode};

/// The leaderboard's filters: `scope` is `school`, `grade:N` or `class:ID`;
/// `semester` empty, 1 or 2; `limit` how many ranks.
pub fn leaderboard(year: &str, scope: &str, semester: &str, category: &str, q: &str, limit: usize) -> Result<LeaderboardQuery, AppError> {
    let scope = match scope.split_once(':') {
        None if scope.is_empty() || scope == "school" => Scope::School,
        Some(("grade", g)) => Scope::Grade(required_number("scope", g)?),
        Some(("class", c)) => Scope::Class(required_number("scope", c)?),
        _ => return Err(invalid_value("scope")),
    };
    let semester = match semester.trim() {
        "" => None,
        "1" => Some(1),
        "2" => Some(2),
        _ => return Err(invalid_value("semester")),
    };
    Ok(LeaderboardQuery { year: optional_number("year", year)?, scope, semester, category: optional_number("category", category)?, search: search_text(q)?, limit })
}

/// The student list's filters: `grade` empty or 10–12, `class` empty or an
/// id, `adult_on` empty or a date, `q` an accent-free search.
pub fn students(q: &str, grade: &str, class: &str, union_only: bool, adult_on: &str) -> Result<StudentFilter, AppError> {
    let grade = match grade.trim() {
        "" => None,
        g => Some(g.parse::<i16>().ok().filter(|g| (10..=12).contains(g)).ok_or_else(|| AppError::invalid("grade", ErrorCode::InvalidValue))?),
    };
    let adult_on = match adult_on.trim() {
        "" => None,
        d => Some(crate::format::parse_date(d).ok_or_else(|| AppError::invalid("adult_on", ErrorCode::InvalidValue))?),
    };
    Ok(StudentFilter {
        grade,
        class_id: optional_number("class", class)?,
        union_members_only: union_only,
        adult_on,
        query: Some(search_text(q)?),
        ..Default::default()
    })
}

/// The audit log's filters; dates `dd/mm/yyyy`, `before` a cursor.
pub fn audit(from: &str, to: &str, actor_name: &str, action: &str, entity: &str, before: &str) -> Result<AuditFilter, AppError> {
    let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(AuditFilter {
        from: optional_date("from", from)?,
        to: optional_date("to", to)?,
        actor: text(actor_name),
        action: text(action),
        entity: text(entity),
        before_id: optional_number("before", before)?,
    })
}

/// The dashboard's filters: `period` `year`, `last_year`, `ytd` or `custom`
/// (with `from` and `to`); `school` drills into one.
pub fn dashboard(period: &str, from: &str, to: &str, school: &str) -> Result<DashboardQuery, AppError> {
    let kind = match period.trim() {
        "" => None,
        code => Some(nguon_shared::oversight::PeriodKind::from_code(code).ok_or_else(|| invalid_value("period"))?),
    };
    Ok(DashboardQuery { period: kind, from: optional_date("from", from)?, to: optional_date("to", to)?, school: optional_number("school", school)?, summary: false })
}
