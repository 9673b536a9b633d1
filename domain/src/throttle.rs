//! Login throttling: a pure rule plus the queries that feed it.
//!
//! Attempts are stored in the database, so every app instance sharing one
//! PostgreSQL sees the same counts.

use crate::entities::login_attempt;
use crate::settings::AuthSettings;
use chrono::{DateTime, Duration, Utc};
use nguon_shared::AppError;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

/// How long a key stays locked, given its recent failure times (any order).
///
/// The key is locked while `max` or more failures fall inside the last
/// `window`; the lock ends when the oldest of the latest `max` failures
/// leaves the window. `None` means not locked.
pub fn lockout_remaining(failures: &[DateTime<Utc>], max: u32, window: Duration, now: DateTime<Utc>) -> Option<Duration> {
    if max == 0 {
        return None;
    }
    let mut recent: Vec<_> = failures.iter().copied().filter(|t| *t > now - window && *t <= now).collect();
    if recent.len() < max as usize {
        return None;
    }
    recent.sort_unstable_by(|a, b| b.cmp(a));
    let oldest_counted = recent[max as usize - 1];
    let remaining = oldest_counted + window - now;
    (remaining > Duration::zero()).then_some(remaining)
}

/// Whole minutes to show the user, rounded up, at least 1.
pub fn minutes_to_show(d: Duration) -> u32 {
    let secs = d.num_seconds().max(1);
    (secs as u32).div_ceil(60)
}

/// Refuses with [`AppError::Throttled`] when the account or the address is locked.
pub async fn check<C: ConnectionTrait>(
    conn: &C,
    settings: &AuthSettings,
    username: &str,
    client_addr: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let since = now - settings.throttle_window;
    // Failures of the account since its last success: a good login clears the count.
    let recent_user: Vec<login_attempt::Model> = login_attempt::Entity::find()
        .filter(login_attempt::Column::Username.eq(username))
        .filter(login_attempt::Column::AttemptedAt.gt(since))
        .order_by_desc(login_attempt::Column::AttemptedAt)
        .limit(u64::from(settings.max_failures_per_account) + 1)
        .all(conn)
        .await?;
    let user_failures: Vec<_> =
        recent_user.iter().take_while(|a| !a.succeeded).map(|a| a.attempted_at).collect();
    let addr_failures: Vec<DateTime<Utc>> = login_attempt::Entity::find()
        .select_only()
        .column(login_attempt::Column::AttemptedAt)
        .filter(login_attempt::Column::ClientAddr.eq(client_addr))
        .filter(login_attempt::Column::Succeeded.eq(false))
        .filter(login_attempt::Column::AttemptedAt.gt(since))
        .order_by_desc(login_attempt::Column::AttemptedAt)
        .limit(u64::from(settings.max_failures_per_addr))
        .into_tuple()
        .all(conn)
        .await?;
    let locked = [
        lockout_remaining(&user_failures, settings.max_failures_per_account, settings.throttle_window, now),
        lockout_remaining(&addr_failures, settings.max_failures_per_addr, settings.throttle_window, now),
    ]
    .into_iter()
    .flatten()
    .max();
    match locked {
        Some(d) => Err(AppError::Throttled { retry_after_minutes: minutes_to_show(d) }),
        None => Ok(()),
    }
}

/// Records one attempt.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    username: &str,
    client_addr: &str,
    succeeded: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    login_attempt::ActiveModel {
        username: Set(username.to_string()),
        client_addr: Set(client_addr.to_string()),
        attempted_at: Set(now),
        succeeded: Set(succeeded),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Deletes attempts older than `cutoff` (they no longer count).
pub async fn purge_before<C: ConnectionTrait>(conn: &C, cutoff: DateTime<Utc>) -> Result<u64, AppError> {
    let res = login_attempt::Entity::delete_many().filter(login_attempt::Column::AttemptedAt.lt(cutoff)).exec(conn).await?;
    Ok(res.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(min: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(min)
    }

    #[test]
    fn lockout_table() {
        let w = Duration::minutes(15);
        let now = t(20);
        // (failures at minutes, max, expected remaining minutes)
        let cases: &[(&[i64], u32, Option<i64>)] = &[
            (&[], 5, None),
            (&[16, 17, 18, 19], 5, None),
            (&[16, 17, 18, 19, 20], 5, Some(11)),
            (&[1, 16, 17, 18, 19], 5, None), // the oldest left the window
            (&[10, 12, 14, 16, 18, 19], 5, Some(7)),
            (&[19, 20], 2, Some(14)),
            (&[19, 20], 0, None),
        ];
        for (fails, max, expected) in cases {
            let f: Vec<_> = fails.iter().map(|m| t(*m)).collect();
            assert_eq!(
                lockout_remaining(&f, *max, w, now).map(|d| d.num_minutes()),
                *expected,
                "failures {fails:?} max {max}"
            );
        }
    }

    #[test]
    fn minutes_round_up() {
        assert_eq!(minutes_to_show(Duration::seconds(1)), 1);
        assert_eq!(minutes_to_show(Duration::seconds(60)), 1);
        assert_eq!(minutes_to_show(Duration::seconds(61)), 2);
        assert_eq!(minutes_to_show(Duration::zero()), 1);
    }
}
