//! The numbers of the personal-data duties, set by a school's (or a higher
//! unit's) administrator from a day, audited like every rule.

use crate::audit::AuditContext;
use crate::policy::{authorize_at, Actor, Permission};
use crate::rules_config::{self, PRIVACY};
use chrono::NaiveDate;
use nguon_shared::privacy::PrivacyRules;
use nguon_shared::{AppError, ErrorCode, FieldError};
use sea_orm::DatabaseConnection;

/// Checks the numbers: an answer within 1–30 working days, retention of 1–50 years.
pub fn check(r: &PrivacyRules) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !(1..=30).contains(&r.answer_working_days) {
        errors.push(FieldError::new("answer_working_days", ErrorCode::InvalidValue));
    }
    if !(1..=50).contains(&r.retention_years) {
        errors.push(FieldError::new("retention_years", ErrorCode::InvalidValue));
    }
    errors
}

/// Sets the numbers at `unit_id` from `valid_from`.
pub async fn set(db: &DatabaseConnection, actor: &Actor, ctx: &AuditContext, unit_id: i64, r: PrivacyRules, valid_from: NaiveDate) -> Result<(), AppError> {
    authorize_at(db, actor, Permission::ConfigureRules, unit_id).await?;
    let errors = check(&r);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = crate::db::begin_write(db).await?;
    rules_config::set(&txn, ctx, &PRIVACY, unit_id, &r, valid_from).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_range() {
        let ok = PrivacyRules::default();
        assert!(check(&ok).is_empty());
        for (r, field) in [
            (PrivacyRules { answer_working_days: 0, ..ok }, "answer_working_days"),
            (PrivacyRules { answer_working_days: 31, ..ok }, "answer_working_days"),
            (PrivacyRules { retention_years: 0, ..ok }, "retention_years"),
            (PrivacyRules { retention_years: 51, ..ok }, "retention_years"),
        ] {
            assert_eq!(check(&r).iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), vec![field]);
        }
    }
}
