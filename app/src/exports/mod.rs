//! Excel exports of the lists and reports (`GET /export/{name}?…`): each
//! takes the same filters as its page, reads the same view through the same
//! service (so the same permissions hold), and lays its rows out as sheets
//! of typed cells with headers in the reader's language. The server writes
//! the sheets as `.xlsx` and audits each export.

mod lists;
mod oversight;

use crate::i18n::Messages;
use chrono::{NaiveDate, NaiveDateTime};
use nguon_domain::audit::AuditContext;
use nguon_domain::policy::Actor;
use nguon_shared::AppError;
use nguon_domain::DatabaseConnection;

/// A cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number with decimals.
    Num(f64),
    /// A calendar day.
    Date(NaiveDate),
    /// A moment, in Vietnam's local time.
    Time(NaiveDateTime),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text, or nothing when empty.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() { Cell::Empty } else { Cell::Text(s) }
    }

    /// A day, or nothing.
    pub fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }
}

/// One sheet: its name, its column headers and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The tab's name.
    pub name: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, a cell per header.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// An empty sheet named `name` with `headers`.
    pub fn new(name: &str, headers: &[&str]) -> Sheet {
        Sheet { name: name.to_string(), headers: headers.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }
}

/// A report to download: its file name (without extension) and its sheets.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// File name, ASCII.
    pub file_name: String,
    /// The sheets.
    pub sheets: Vec<Sheet>,
}

/// The names of the exports, as in their addresses.
pub const NAMES: [&str; 8] = ["leaderboard", "outstanding", "students", "board", "tasks", "audit", "dashboard", "funnel"];

/// The report `name` with the page's filters (`param` reads one, empty when absent).
pub async fn report(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, m: &'static Messages, name: &str, param: &(dyn Fn(&str) -> String + Sync)) -> Result<Report, AppError> {
    let today = crate::format::today();
    match name {
        "leaderboard" => lists::leaderboard(db, actor, m, param, today).await,
        "outstanding" => lists::outstanding(db, actor, m, param, today).await,
        "students" => lists::students(db, actor, ctx, m, param, today).await,
        "board" => lists::board(db, actor, m, param, today).await,
        "tasks" => lists::tasks(db, actor, m, today).await,
        "audit" => lists::audit(db, actor, m, param).await,
        "dashboard" => oversight::dashboard(db, actor, ctx, m, param, today, false).await,
        "funnel" => oversight::dashboard(db, actor, ctx, m, param, today, true).await,
        _ => Err(AppError::NotFound),
    }
}
