//! First-run set-up: the first organisation unit and its administrator.

use crate::accounts::{self, FullName, NewPassword, NewUser, Username};
use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::{app_meta, org_unit, user};
use crate::policy::UnitKind;
use nguon_shared::{AppError, FieldError, Locale, Role};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

/// What the first-run form (or `nguon-server create-admin`) provides.
#[derive(Clone, Debug)]
pub struct FirstRunInput {
    /// Name of the top organisation unit, e.g. "Tỉnh Lâm Đồng".
    pub organisation: String,
    /// The administrator's full name.
    pub full_name: String,
    /// The administrator's login name.
    pub username: String,
    /// Password.
    pub password: String,
    /// Password again.
    pub confirm: String,
    /// Interface language of the administrator.
    pub locale: Locale,
}

/// True while the installation has no account yet.
pub async fn needs_setup<C: ConnectionTrait>(conn: &C) -> Result<bool, AppError> {
    Ok(user::Entity::find().count(conn).await? == 0)
}

/// Validates every field, collecting all errors at once.
fn validate(input: &FirstRunInput) -> Result<(FullName, NewUser), AppError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let org = FullName::parse("organisation", &input.organisation).map_err(|e| errors.push(e)).ok();
    let name = FullName::parse("full_name", &input.full_name).map_err(|e| errors.push(e)).ok();
    let username = Username::parse(&input.username).map_err(|e| errors.push(e)).ok();
    let password = match NewPassword::parse(&input.password, &input.confirm, &input.username) {
        Ok(p) => Some(p),
        Err(AppError::Invalid(list)) => {
            // The set-up form calls the new password field `password`.
            errors.extend(list.into_iter().map(|mut e| {
                if e.field == "new" {
                    e.field = "password".into();
                }
                e
            }));
            None
        }
        Err(other) => return Err(other),
    };
    match (org, name, username, password) {
        (Some(org), Some(full_name), Some(username), Some(password)) if errors.is_empty() => {
            Ok((org, NewUser { username, full_name, password, locale: input.locale }))
        }
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Creates the top unit and the first administrator, once. A second call (or
/// a concurrent one) gets [`AppError::AlreadySetUp`] and changes nothing.
pub async fn create_first_admin(db: &DatabaseConnection, ctx: &AuditContext, input: FirstRunInput) -> Result<user::Model, AppError> {
    let (org, new_user) = validate(&input)?;
    if !needs_setup(db).await? {
        return Err(AppError::AlreadySetUp);
    }
    let txn = crate::db::begin_write(db).await?;
    // The primary key on `app_meta.key` lets only one set-up commit.
    let marker = app_meta::ActiveModel { key: Set("setup_done".into()), value: Set(chrono::Utc::now().to_rfc3339()) }
        .insert(&txn)
        .await;
    if marker.is_err() {
        return Err(AppError::AlreadySetUp);
    }
    let unit = org_unit::ActiveModel {
        kind: Set(UnitKind::Province.code().to_string()),
        name: Set(org.as_str().to_string()),
        parent_id: Set(None),
        valid_from: Set(None),
        valid_to: Set(None),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry::created("org_unit", unit.id, serde_json::json!({ "kind": unit.kind, "name": unit.name })),
    )
    .await?;
    let admin = accounts::create_user(&txn, ctx, new_user).await?;
    accounts::grant_role(&txn, ctx, admin.id, Role::Administrator, unit.id).await?;
    txn.commit().await?;
    Ok(admin)
}
