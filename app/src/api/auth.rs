//! Sign-in, sign-out, first-run set-up, language, and the shell's facts.

use leptos::prelude::*;
use nguon_shared::views::ShellInfo;
use nguon_shared::AppError;

/// What every page's shell needs: user, language, whether set-up is pending.
#[server(endpoint = "shell_info")]
pub async fn get_shell_info() -> Result<ShellInfo, AppError> {
    use super::context::*;
    use nguon_domain::policy::{require_any, Actor, Permission};
    use nguon_domain::{accounts, setup};
    use nguon_shared::views::NavPermissions;
    let st = state()?;
    let auth = request_auth()?;
    let (user, nav) = match current_user().await {
        Ok((account, _)) => {
            let view = accounts::current_user_view(&st.db, &account).await?;
            let actor = Actor { user_id: account.id, grants: view.roles.iter().map(|g| (g.role, g.unit_id)).collect() };
            let mut nav = NavPermissions {
                students: require_any(&actor, Permission::ViewStudents).is_ok(),
                accounts: require_any(&actor, Permission::ManageAccounts).is_ok(),
                organisation: require_any(&actor, Permission::ManageOrganisation).is_ok(),
                audit: require_any(&actor, Permission::ViewAuditLog).is_ok(),
                pipeline: require_any(&actor, Permission::ManagePipeline).is_ok() || require_any(&actor, Permission::AssessCandidates).is_ok(),
                privacy: require_any(&actor, Permission::HandleDataRequests).is_ok(),
                manage_pipeline: require_any(&actor, Permission::ManagePipeline).is_ok(),
                log_emulation: require_any(&actor, Permission::LogEmulation).is_ok(),
                oversight: require_any(&actor, Permission::Oversee).is_ok() || require_any(&actor, Permission::ManagePipeline).is_ok(),
                plans: require_any(&actor, Permission::Oversee).is_ok() || require_any(&actor, Permission::ManageOrganisation).is_ok(),
                tasks: 0,
            };
            if nav.pipeline || nav.privacy {
                nav.tasks = nguon_domain::pipeline::tasks::count(&st.db, &actor, crate::format::today()).await?;
            }
            (Some(view), nav)
        }
        Err(AppError::Unauthenticated) => (None, NavPermissions::default()),
        Err(e) => return Err(e),
    };
    let locale = user.as_ref().map(|u| u.locale).or(auth.locale_hint).unwrap_or_default();
    let needs_setup = user.is_none() && setup::needs_setup(&st.db).await?;
    Ok(ShellInfo { user, locale, needs_setup, nav })
}

/// Signs in with a username and password; on success the session id is new
/// (any previous session of this browser ends) and the browser goes home.
#[server(endpoint = "login")]
pub async fn login(username: String, password: String) -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::{accounts, sessions};
    let result = async {
        let st = state()?;
        let req = request_auth()?;
        let account = accounts::authenticate(&st.db, &st.auth, &username, &password, &req.client_addr).await?;
        let ctx = audit_context(Some(account.id));
        let token = sessions::sign_in(&st.db, &st.auth, &ctx, account.id, req.token.as_deref(), &req.user_agent).await?;
        set_session_cookie(&st, &token);
        Ok(())
    }
    .await;
    finish_form(result, Some("/"))
}

/// Signs out: the session is deleted on the server, not just forgotten by the browser.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::sessions;
    let result = async {
        let st = state()?;
        let req = request_auth()?;
        if let (Some(token), Some(session)) = (req.token, req.session) {
            sessions::sign_out(&st.db, &audit_context(Some(session.user_id)), &token).await?;
        }
        clear_session_cookie(&st);
        Ok(())
    }
    .await;
    finish_form(result, Some("/login"))
}

/// Creates the top organisation unit and the first administrator, then
/// signs them in. Refused once any account exists. With `demo` ticked, the
/// generated demo school is loaded too; its demo accounts get the same password.
#[server(endpoint = "setup")]
pub async fn setup_first_admin(
    organisation: String,
    full_name: String,
    username: String,
    password: String,
    confirm: String,
    demo: Option<String>,
) -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::{sessions, setup};
    let result = async {
        let st = state()?;
        let req = request_auth()?;
        let demo_password = demo.is_some().then(|| password.clone());
        let input = setup::FirstRunInput {
            organisation,
            full_name,
            username,
            password,
            confirm,
            locale: req.locale_hint.unwrap_or_default(),
        };
        let admin = setup::create_first_admin(&st.db, &audit_context(None), input).await?;
        let ctx = audit_context(Some(admin.id));
        if let Some(pw) = demo_password {
            nguon_domain::demo::load(&st.db, &ctx, &pw, 2025).await?;
        }
        let token = sessions::sign_in(&st.db, &st.auth, &ctx, admin.id, None, &req.user_agent).await?;
        set_session_cookie(&st, &token);
        Ok(())
    }
    .await;
    finish_form(result, Some("/"))
}

/// Switches the interface language: stored on the account when signed in,
/// and in a cookie either way.
#[server(endpoint = "set_locale")]
pub async fn set_locale(locale: String) -> Result<(), AppError> {
    use super::context::*;
    use nguon_domain::accounts;
    use nguon_shared::{ErrorCode, Locale};
    let result = async {
        let st = state()?;
        let locale = Locale::from_code(&locale).ok_or_else(|| AppError::invalid("locale", ErrorCode::InvalidValue))?;
        match current_user().await {
            Ok((account, _)) => accounts::set_locale(&st.db, &audit_context(Some(account.id)), account.id, locale).await?,
            Err(AppError::Unauthenticated) => {}
            Err(e) => return Err(e),
        }
        set_lang_cookie(&st, locale);
        Ok(())
    }
    .await;
    finish_form(result, None)
}
