//! Account administration.

use leptos::prelude::*;
use nguon_shared::views::UserRow;
use nguon_shared::AppError;

/// Accounts the signed-in administrator may manage.
#[server(endpoint = "list_users")]
pub async fn list_users() -> Result<Vec<UserRow>, AppError> {
    use super::context::*;
    use nguon_domain::accounts;
    let actor = actor().await?;
    accounts::list_manageable(&state()?.db, &actor).await
}
