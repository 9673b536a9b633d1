//! The home page's view.

use leptos::prelude::*;
use nguon_shared::views::home::HomeView;
use nguon_shared::AppError;

/// `/`: what waits today for each role the user holds.
#[server(name = LoadHome, endpoint = "home_view")]
pub async fn home_view() -> Result<HomeView, AppError> {
    use super::context::*;
    let actor = actor().await?;
    nguon_domain::views::home::home(&state()?.db, &actor, crate::format::today()).await
}
