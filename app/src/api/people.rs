//! Staff, role grants and the audit log (administrators).

use leptos::prelude::*;
use nguon_shared::views::organisation::StaffView;
use nguon_shared::views::AuditPage;
use nguon_shared::AppError;

/// `/admin/staff`: a school's staff (`show` rows), and with `staff` the one being changed.
#[server(name = LoadStaff, endpoint = "staff_view")]
pub async fn staff_view(school: String, staff: String, show: u32) -> Result<StaffView, AppError> {
    use super::context::*;
    use nguon_domain::views::organisation::{staff as build, StaffQuery};
    let actor = actor().await?;
    let q = StaffQuery { school: optional_number("school", &school)?, staff: optional_number("staff", &staff)?, limit: show as usize };
    build(&state()?.db, &actor, q).await
}

/// Parses an optional id field (empty: none).
#[cfg(feature = "ssr")]
fn optional_id(field: &str, text: &str) -> Result<Option<i64>, AppError> {
    match text.trim() {
        "" => Ok(None),
        t => t.parse().map(Some).map_err(|_| AppError::invalid(field, nguon_shared::ErrorCode::InvalidValue)),
    }
}

#[cfg(feature = "ssr")]
fn optional_role(text: &str) -> Result<Option<nguon_shared::Role>, AppError> {
    match text.trim() {
        "" => Ok(None),
        t => nguon_shared::Role::from_code(t).map(Some).ok_or_else(|| AppError::invalid("role", nguon_shared::ErrorCode::InvalidValue)),
    }
}

/// Adds a member of staff (with an account when a login name is given).
#[server(endpoint = "create_staff")]
pub async fn create_staff(
    school: i64,
    full_name: String,
    username: String,
    password: String,
    party_full_member_since: String,
    party_cell: String,
    role: String,
) -> Result<i64, AppError> {
    use super::context::*;
    use nguon_domain::people::{self, NewStaff};
    let result = async {
        let actor = actor().await?;
        let input = NewStaff {
            school_id: school,
            full_name,
            username,
            password,
            party_full_member_since: optional_date("party_full_member_since", &party_full_member_since)?,
            party_cell_unit_id: optional_id("party_cell", &party_cell)?,
            role: optional_role(&role)?,
        };
        people::create_staff(&state()?.db, &actor, &audit_context(Some(actor.user_id)), input, crate::format::today()).await
    }
    .await;
    let back = format!("/admin/staff?school={school}&added=1");
    finish_form(result, Some(&back))
}

/// Records a staff member's Party membership facts (empty clears them).
#[server(endpoint = "set_staff_party")]
pub async fn set_staff_party(staff: i64, party_full_member_since: String, party_cell: String) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let since = optional_date("party_full_member_since", &party_full_member_since)?;
        let cell = optional_id("party_cell", &party_cell)?;
        nguon_domain::people::set_party(&state()?.db, &actor, &audit_context(Some(actor.user_id)), staff, since, cell, crate::format::today())
            .await
    }
    .await;
    finish_form(result, None)
}

/// Grants a role at a unit to an account.
#[server(endpoint = "grant_role")]
pub async fn grant_role(user: i64, role: String, unit: i64) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        let role = optional_role(&role)?.ok_or_else(|| AppError::invalid("role", nguon_shared::ErrorCode::Required))?;
        nguon_domain::people::grant(&state()?.db, &actor, &audit_context(Some(actor.user_id)), user, role, unit).await
    }
    .await;
    finish_form(result, None)
}

/// Revokes a role grant (kept in the history).
#[server(endpoint = "revoke_grant")]
pub async fn revoke_grant(grant: i64, confirm: Option<String>) -> Result<(), AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        require_confirmation("confirm", confirm.as_deref())?;
        nguon_domain::people::revoke(&state()?.db, &actor, &audit_context(Some(actor.user_id)), grant).await
    }
    .await;
    finish_form(result, None)
}

/// Sets a new password for a member of staff's account (forgotten) and ends
/// its sessions; answers the login name. Password fields never travel back.
#[server(endpoint = "reset_staff_password")]
pub async fn reset_staff_password(staff: i64, new: String, confirm: String) -> Result<String, AppError> {
    use super::context::*;
    let result = async {
        let actor = actor().await?;
        nguon_domain::staff_accounts::reset_password(&state()?.db, &actor, &audit_context(Some(actor.user_id)), staff, &new, &confirm).await
    }
    .await;
    finish_form(result, None)
}

/// A page of the audit log; dates `dd/mm/yyyy`, `before` a cursor (empty: newest).
#[server(endpoint = "audit_log")]
pub async fn audit_log(from: String, to: String, actor_name: String, action: String, entity: String, before: String) -> Result<AuditPage, AppError> {
    use super::context::*;
    use nguon_domain::audit;
    let actor = actor().await?;
    let filter = super::queries::audit(&from, &to, &actor_name, &action, &entity, &before)?;
    audit::browse(&state()?.db, &actor, &filter).await
}
