//! One module per page.

pub mod account;
pub mod audit;
pub mod documents;
pub mod home;
pub mod import;
pub mod ledger;
pub mod login;
pub mod merit;
pub mod org;
pub mod oversight;
pub mod mentoring;
pub mod pipeline;
pub mod privacy;
pub mod profile;
pub mod setup;
pub mod staff;
pub mod students;
pub mod users;
pub mod years;

/// The page's `:id` path parameter as a number (0 when it is not one: the
/// server then answers "not found").
pub(crate) fn id_param() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || leptos::prelude::With::with(&params, |p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0))
}
