//! The views of the results, classification and outstanding-student pages.

use super::{name_matches, year_choice};
use crate::merit::{classification, outstanding, results};
use crate::policy::Actor;
use crate::students;
use chrono::NaiveDate;
use nguon_shared::views::merit::{ClassificationView, OutstandingLists, OutstandingPageView, ResultsView};
use nguon_shared::views::Slice;
use nguon_shared::AppError;
use sea_orm::ConnectionTrait;

/// A class's results for a period (0: the whole year, 1 or 2: a semester).
pub async fn results<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    year: Option<i64>,
    class: Option<i64>,
    period: i16,
    today: NaiveDate,
) -> Result<ResultsView, AppError> {
    let choice = year_choice(conn, actor, year, today).await?;
    let Some(y) = choice.year.clone() else { return Ok(ResultsView { choice, classes: Vec::new(), rows: Vec::new() }) };
    let classes = students::classes_in_year(conn, y.id).await?;
    let rows = match class.filter(|id| classes.iter().any(|c| c.id == *id)) {
        Some(c) => results::class_results(conn, actor, y.id, c, period).await?,
        None => Vec::new(),
    };
    Ok(ResultsView { choice, classes, rows })
}

/// The union classification of a class, and the year's thresholds.
pub async fn classification<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    year: Option<i64>,
    class: Option<i64>,
    today: NaiveDate,
) -> Result<ClassificationView, AppError> {
    let choice = year_choice(conn, actor, year, today).await?;
    let Some(y) = choice.year.clone() else {
        return Ok(ClassificationView { choice, classes: Vec::new(), rows: Vec::new(), thresholds: None });
    };
    let classes = students::classes_in_year(conn, y.id).await?;
    let rows = match class.filter(|id| classes.iter().any(|c| c.id == *id)) {
        Some(c) => classification::rows(conn, actor, y.id, Some(c)).await?,
        None => Vec::new(),
    };
    let thresholds = Some(classification::thresholds(conn, actor, y.id).await?);
    Ok(ClassificationView { choice, classes, rows, thresholds })
}

/// What the outstanding-student page is asked for.
#[derive(Clone, Debug, Default)]
pub struct OutstandingQuery {
    /// The year asked for (else the current one).
    pub year: Option<i64>,
    /// A name search (empty: everyone).
    pub search: String,
    /// How many qualifying students to show.
    pub qualifying: usize,
    /// How many students one criterion short to show.
    pub one_short: usize,
}

/// The outstanding-student lists of a year, searched by name and trimmed to what the page shows.
pub async fn outstanding<C: ConnectionTrait>(conn: &C, actor: &Actor, q: OutstandingQuery, today: NaiveDate) -> Result<OutstandingPageView, AppError> {
    let choice = year_choice(conn, actor, q.year, today).await?;
    let Some(y) = choice.year.clone() else { return Ok(OutstandingPageView { choice, lists: None }) };
    let all = outstanding::lists(conn, actor, y.id, today).await?;
    let found = |list: Vec<nguon_shared::merit::Evaluation>| list.into_iter().filter(|e| name_matches(&e.name, &q.search)).collect::<Vec<_>>();
    let lists = OutstandingLists {
        criteria: all.criteria,
        on: all.on,
        qualifying: Slice::first(found(all.qualifying), q.qualifying),
        one_short: Slice::first(found(all.one_short), q.one_short),
        others: all.others,
    };
    Ok(OutstandingPageView { choice, lists: Some(lists) })
}
