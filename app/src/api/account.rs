//! The signed-in user's own account: password and sessions.

use leptos::prelude::*;
use nguon_shared::views::SessionView;
use nguon_shared::AppError;

/// Changes the user's password; other sessions end, this one stays.
#[server(endpoint = "change_password")]
pub async fn change_password(current: String, new: String, confirm: String) -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::accounts;
    let result = async {
        let (account, session) = current_user().await?;
        let st = state()?;
        let ctx = audit_context(Some(account.id));
        accounts::change_password(&st.db, &ctx, account.id, Some(&session.id), &current, &new, &confirm).await
    }
    .await;
    finish_form(result, Some("/account?changed=1"))
}

/// The user's open sessions.
#[server(endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    use super::context::*;
    use nguon_domain::sessions;
    let (account, session) = current_user().await?;
    sessions::list_for_user(&state()?.db, account.id, &session.id).await
}

/// Ends every other session of the user; returns how many ended.
#[server(endpoint = "revoke_other_sessions")]
pub async fn revoke_other_sessions() -> Result<u64, AppError> {
    use super::context::*;
    use nguon_domain::sessions;
    let result = async {
        let (account, session) = current_user().await?;
        let ctx = audit_context(Some(account.id));
        sessions::end_sessions(&state()?.db, &ctx, account.id, Some(&session.id)).await
    }
    .await;
    finish_form(result, None)
}
