//! Long lists on a phone: a first page of rows, then "show more" as a plain
//! link (`?show=100`, or another parameter per list), so a page's HTML stays small at a school's scale and
//! paging works without JavaScript.

use crate::i18n::{fill, Messages};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// How many rows a long list shows at first, and how many more each step adds.
pub const PAGE_ROWS: usize = 50;

/// The same for lists of cards (a student's criteria, one sentence each), which weigh more per row.
pub const PAGE_CARDS: usize = 20;

/// The most rows a "show more" address may ask for.
const MAX_ROWS: usize = 5000;

/// The number of rows to show for a `show` parameter: whole steps of
/// `step` ([`PAGE_ROWS`], [`PAGE_CARDS`]), never fewer than one step.
pub fn rows_to_show(show: &str, step: usize) -> usize {
    let asked = show.trim().parse::<usize>().unwrap_or(step).clamp(step, MAX_ROWS);
    asked.div_ceil(step) * step
}

/// The current address with `param` set to `n` and a fragment to scroll to.
fn address_showing(path: &str, query: &str, param: &str, n: usize, anchor: &str) -> String {
    let prefix = format!("{param}=");
    let kept: Vec<&str> = query.trim_start_matches('?').split('&').filter(|p| !p.is_empty() && !p.starts_with(&prefix)).collect();
    let mut q = kept.join("&");
    if !q.is_empty() {
        q.push('&');
    }
    format!("{path}?{q}{param}={n}#{anchor}")
}

/// "Showing 50 of 1234 · Show 50 more": shown under a list when rows remain
/// hidden; the link raises the address's `param` by `step` and scrolls to
/// the first new row (`{id_prefix}-{index}`).
pub fn show_more(m: &'static Messages, total: usize, shown: usize, step: usize, param: &str, id_prefix: &str) -> AnyView {
    if shown >= total {
        return ().into_any();
    }
    let location = use_location();
    let path = location.pathname.get_untracked();
    let query = location.search.get_untracked();
    let next = (shown + step).min(MAX_ROWS);
    let href = address_showing(&path, &query, param, next, &format!("{id_prefix}-{shown}"));
    let more = (next.min(total) - shown).to_string();
    view! {
        <p class="show-more">
            <span class="muted">{fill(m.shown_of, &[("shown", &shown.to_string()), ("total", &total.to_string())])}" "</span>
            <a href=href rel="nofollow">{fill(m.show_more, &[("n", &more)])}</a>
        </p>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_and_addresses() {
        assert_eq!(rows_to_show("", PAGE_ROWS), 50);
        assert_eq!(rows_to_show("x", PAGE_ROWS), 50);
        assert_eq!(rows_to_show("10", PAGE_ROWS), 50);
        assert_eq!(rows_to_show("100", PAGE_ROWS), 100);
        assert_eq!(rows_to_show("101", PAGE_ROWS), 150);
        assert_eq!(rows_to_show("999999", PAGE_ROWS), 5000);
        assert_eq!(rows_to_show("41", PAGE_CARDS), 60);
        assert_eq!(address_showing("/ledger", "?year=3&show=50&scope=school", "show", 100, "rank-50"), "/ledger?year=3&scope=school&show=100#rank-50");
        assert_eq!(address_showing("/ledger", "", "show", 100, "rank-50"), "/ledger?show=100#rank-50");
        assert_eq!(address_showing("/x", "?show_q=100&showx=1", "show_q", 150, "q-100"), "/x?showx=1&show_q=150#q-100");
    }
}
