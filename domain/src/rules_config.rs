//! Configurable rules (domain.md: "every numbered rule is configurable
//! data with a default"): a value set at a unit applies to its subtree from
//! its date; the nearest unit up the tree with a value in force wins, else
//! the default written next to the rule's key.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::rule_value;
use crate::policy::unit_chain;
use chrono::NaiveDate;
use nguon_shared::AppError;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{de::DeserializeOwned, Serialize};

/// A rule: its key and its default.
pub struct Rule<T: 'static> {
    /// Stored key.
    pub key: &'static str,
    /// Value when nobody set one.
    pub default: fn() -> T,
}

/// Whether ledger entries count only after a second officer approves them.
pub const LEDGER_APPROVAL_REQUIRED: Rule<bool> = Rule { key: "ledger.approval_required", default: || true };

/// Older-scale result words (folded) and the current code each maps to.
pub const RESULT_OLD_SCALE: Rule<Vec<(String, String)>> =
    Rule { key: "results.old_scale", default: crate::merit::rules::default_old_scale };

/// Thresholds of the annual union classification.
pub const UNION_CLASSIFICATION: Rule<nguon_shared::merit::ClassificationThresholds> =
    Rule { key: "union.classification", default: crate::merit::rules::default_thresholds };

/// A school's outstanding-student criteria.
pub const OUTSTANDING_CRITERIA: Rule<nguon_shared::merit::OutstandingCriteria> =
    Rule { key: "union.outstanding_criteria", default: crate::merit::rules::default_criteria };

/// The personal-data duties' numbers (answer within working days, retention in years).
pub const PRIVACY: Rule<nguon_shared::privacy::PrivacyRules> = Rule { key: "privacy.rules", default: Default::default };

/// The numbers of the oversight dashboards (stalled after, smallest count shown).
pub const OVERSIGHT: Rule<nguon_shared::oversight::OversightRules> = Rule { key: "oversight.rules", default: Default::default };

/// The value of `rule` at `unit_id` on `on`.
pub async fn value<C: ConnectionTrait, T: DeserializeOwned>(
    conn: &C,
    rule: &Rule<T>,
    unit_id: i64,
    on: NaiveDate,
) -> Result<T, AppError> {
    let chain = unit_chain(conn, unit_id).await?;
    let rows = rule_value::Entity::find()
        .filter(rule_value::Column::Key.eq(rule.key))
        .filter(rule_value::Column::UnitId.is_in(chain.clone()))
        .filter(rule_value::Column::ValidFrom.lte(on))
        .all(conn)
        .await?;
    for unit in chain {
        let best = rows.iter().filter(|r| r.unit_id == unit).max_by_key(|r| (r.valid_from, r.id));
        if let Some(r) = best {
            return serde_json::from_str(&r.value).map_err(AppError::internal);
        }
    }
    Ok((rule.default)())
}

/// Sets `rule` at `unit_id` from `valid_from`, in `conn` (the caller's
/// transaction, after authorising), audited.
pub async fn set<C: ConnectionTrait, T: Serialize>(
    conn: &C,
    ctx: &AuditContext,
    rule: &Rule<T>,
    unit_id: i64,
    value: &T,
    valid_from: NaiveDate,
) -> Result<(), AppError> {
    let json = serde_json::to_string(value).map_err(AppError::internal)?;
    let row = rule_value::ActiveModel {
        unit_id: Set(unit_id),
        key: Set(rule.key.to_string()),
        value: Set(json.clone()),
        valid_from: Set(valid_from),
        set_by: Set(ctx.actor_user_id),
        set_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        ctx,
        AuditEntry {
            action: "set_rule",
            entity: "rule_value",
            entity_id: Some(row.id.to_string()),
            before: None,
            after: Some(serde_json::json!({ "unit_id": unit_id, "key": rule.key, "value": json, "valid_from": valid_from.to_string() })),
        },
    )
    .await
}

/// The numbers of the admission procedure (age, validity periods, votes, deadlines).
pub const PIPELINE: Rule<crate::pipeline::rules::PipelineRules> = Rule { key: "pipeline.rules", default: Default::default };

/// Whether a school's Party organisation has a grassroots committee that
/// reviews candidates between the cell's vote and the decision.
pub const GRASSROOTS_COMMITTEE: Rule<bool> = Rule { key: "pipeline.grassroots_committee", default: || false };

/// The cell's follow-up numbers: how often mentors assess, when the board
/// and the inbox raise flags.
pub const WATCH: Rule<nguon_shared::mentoring::WatchRules> = Rule { key: "pipeline.watch", default: Default::default };
