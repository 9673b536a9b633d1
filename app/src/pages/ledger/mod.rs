//! The emulation ledger's pages: leaderboard, logging for a class,
//! review by a second officer, the activity catalogue, and a student's lines.
//! Choices (year, class, activity, scope) are GET parameters, so every page
//! can be bookmarked and works before the wasm loads.


mod catalogue;
mod leaderboard;
mod log;
mod review;
mod student;

pub use catalogue::ActivitiesPage;
pub use leaderboard::LedgerPage;
pub use log::LogPage;
pub use review::ReviewPage;
pub use student::StudentLedgerPage;

use crate::api::{
    catalogue_view, leaderboard_view, log_view, review_view, student_ledger_view, CopyCatalogue, CreateActivity, CreateCategory, LogActivity,
    ReverseEntry, ReviewEntries,
};
use crate::components::form::{field_messages, form_error, ErrorBanner, SuccessLine};
use crate::components::inputs::FormInputs;
use crate::components::paging::{rows_to_show, show_more, PAGE_ROWS};
use crate::components::layout::{PageCtx, WithUser};
use crate::format;
use crate::i18n::{fill, Messages};
use crate::islands::TickAll;
use crate::outcome::{form_action, typed_value, typed_values};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use nguon_shared::ledger::EntryRow;
use nguon_shared::views::ledger::{CatalogueView, CategoryOption, LeaderboardView, LogView, ReviewView, StudentLedgerView};
use nguon_shared::views::{CurrentUserView, SchoolYearView, Slice, YearChoice};

type Res<T> = Resource<Result<T, nguon_shared::AppError>>;

/// How many rows of a long list the address asks for (`?show=`).
fn shown_rows() -> u32 {
    rows_to_show(&param("show")(), PAGE_ROWS) as u32
}


/// A logging page opened by a role that does not log (a mentor, a cell
/// officer): says so and where to go, instead of a form that would be refused.
fn not_a_logger(m: &'static Messages, page: &PageCtx, title: &'static str) -> AnyView {
    view! {
        <h1>{title}</h1>
        {subnav(m, &page.info.nav)}
        <div class="alert" id="not-a-logger"><p>{m.not_a_logger}" "<a href="/">{m.lost_go_home}</a></p></div>
    }
    .into_any()
}

/// The ledger pages' navigation.
pub(crate) fn subnav(m: &'static Messages, nav: &nguon_shared::views::NavPermissions) -> AnyView {
    // Logging and review only for those who log: no form whose submit is refused.
    let logs = nav.log_emulation;
    view! {
        <nav class="subnav" aria-label=m.nav_ledger>
            <a href="/ledger">{m.ledger_ranking}</a>
            {logs.then(|| view! {
                <a href="/ledger/log">{m.ledger_log}</a>
                <a href="/ledger/review">{m.ledger_review}</a>
            })}
            <a href="/ledger/activities">{m.ledger_catalogue}</a>
            <a href="/ledger/results">{m.ledger_results}</a>
            <a href="/ledger/classification">{m.ledger_classification}</a>
            <a href="/ledger/outstanding">{m.ledger_outstanding}</a>
        </nav>
    }
    .into_any()
}

/// The query parameter `k` of the current address.
pub(crate) fn param(k: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get(k).unwrap_or_default())
}

/// The school-year picker of the ledger's filter forms.
pub(crate) fn year_select(m: &'static Messages, years: &[SchoolYearView], chosen: i64) -> AnyView {
    view! {
        <div class="field">
            <label for="f-year">{m.school_year}</label>
            <select id="f-year" name="year">
                {years.iter().map(|y| view! {
                    <option value=y.id.to_string() selected=y.id == chosen>{format!("{} — {}", y.school_name, y.name)}</option>
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// The entries as a table, a first page of them (`?show=` for more); with
/// `tick`, each row has a box (ticked, or as sent when the review form was refused).
fn entries_table(m: &'static Messages, entries: &Slice<EntryRow>) -> AnyView {
    let (rows, total, shown) = (&entries.rows, entries.total as usize, entries.rows.len());
    view! {
        <div class="table-wrap">
            <table id="entries">
                <thead><tr>
                    <th scope="col">{m.occurred_on}</th>
                    <th scope="col">{m.full_name}</th>
                    <th scope="col">{m.activity}</th>
                    <th scope="col">{m.col_points}</th>
                    <th scope="col">{m.logged_by}</th>
                    <th scope="col">{m.status}</th>
                </tr></thead>
                <tbody>
                    {rows.iter().enumerate().map(|(i, e)| view! {
                        <tr id=format!("entry-{i}")>
                            <td>{format::date(e.occurred_on)}</td>
                            <td>{e.student_name.clone()}</td>
                            <td>
                                {e.activity.clone()}{e.level.clone().map(|l| format!(" — {l}"))}
                                <br/><small class="muted">{e.category.clone()}{e.evidence.clone().map(|v| format!(" · {v}"))}</small>
                                {e.reverses_id.map(|_| view! { <br/><small>{m.reverses}{e.reason.clone().map(|r| format!(": {r}"))}</small> })}
                            </td>
                            <td>{format!("{:+}", e.points)}</td>
                            <td>{e.logged_by.clone()}</td>
                            <td>
                                {m.entry_status(&e.status)}{e.reviewed_by.clone().map(|r| format!(" ({r})"))}
                                // A refusal says why, to the officer who logged it and to anyone reading the student's lines.
                                {(e.status == "rejected").then(|| e.reason.clone()).flatten().map(|r| view! { <br/><small class="reason">{fill(m.rejected_because, &[("reason", &r)])}</small> })}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {show_more(m, total, shown, PAGE_ROWS, "show", "entry")}
    }
    .into_any()
}

