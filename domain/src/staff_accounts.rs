//! An administrator's care of a member of staff's account: a new password
//! when theirs is forgotten (a school has no e-mail reset: the person asks
//! their administrator), which also ends every session of the account.

use crate::accounts::{self, NewPassword};
use crate::audit::AuditContext;
use crate::entities::{staff, user};
use crate::policy::{authorize_at, Actor, Permission};
use nguon_shared::{AppError, ErrorCode};
use sea_orm::{DatabaseConnection, EntityTrait};

/// Sets a new password for the account of member of staff `staff_id` and
/// ends all its sessions; returns the account's login name. The actor must
/// manage accounts at the staff member's school and at every unit where the
/// account holds a role (a school's administrator cannot take over a
/// province officer's account); their own account is changed on the account
/// page, with the current password.
pub async fn reset_password(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, staff_id: i64, new: &str, confirm: &str) -> Result<String, AppError> {
    let member = staff::Entity::find_by_id(staff_id).one(db).await?.ok_or(AppError::NotFound)?;
    authorize_at(db, actor, Permission::ManageAccounts, member.school_id).await?;
    let account_id = member.user_id.ok_or_else(|| AppError::invalid("staff", ErrorCode::InvalidValue))?;
    if account_id == actor.user_id {
        return Err(AppError::invalid("staff", ErrorCode::InvalidValue));
    }
    for (_, unit) in accounts::active_grants(db, account_id).await? {
        authorize_at(db, actor, Permission::ManageAccounts, unit).await.map_err(|_| AppError::Forbidden)?;
    }
    let account = user::Entity::find_by_id(account_id).one(db).await?.ok_or(AppError::NotFound)?;
    let new = NewPassword::parse(new, confirm, &account.username)?;
    let login = account.username.clone();
    accounts::set_password_ending_sessions(db, ctx, account, new).await?;
    Ok(login)
}
