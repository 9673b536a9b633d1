//! Server-side sessions. The cookie carries a random token; the database
//! keeps only its SHA-256, so a leaked database cannot be replayed as cookies.

use crate::audit::{self, AuditContext, AuditEntry};
use crate::entities::session;
use crate::settings::AuthSettings;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use nguon_shared::views::SessionView;
use nguon_shared::AppError;
use rand::RngCore as _;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use sha2::{Digest, Sha256};

/// Why a presented session is no longer valid, or that it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    /// Still valid.
    Valid,
    /// Unused for longer than the idle timeout.
    IdleExpired,
    /// Past its absolute lifetime.
    Expired,
}

/// Pure rule: is a session with these times still valid at `now`?
pub fn validity(last_seen: DateTime<Utc>, expires_at: DateTime<Utc>, now: DateTime<Utc>, settings: &AuthSettings) -> Validity {
    if now >= expires_at {
        Validity::Expired
    } else if now - last_seen >= settings.idle_timeout {
        Validity::IdleExpired
    } else {
        Validity::Valid
    }
}

/// The stored id of a cookie token.
pub fn token_id(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Opens a new session and returns its cookie token. Called at every login,
/// so the session id always changes when privileges do.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    settings: &AuthSettings,
    user_id: i64,
    client_addr: &str,
    user_agent: &str,
) -> Result<String, AppError> {
    let token = new_token();
    let now = Utc::now();
    session::ActiveModel {
        id: Set(token_id(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + settings.absolute_lifetime),
        client_addr: Set(client_addr.chars().take(64).collect()),
        user_agent: Set(user_agent.chars().take(300).collect()),
    }
    .insert(conn)
    .await?;
    Ok(token)
}

/// Looks a token up. An expired session is deleted and gives `None`; a valid
/// one has its `last_seen_at` refreshed (at most once per touch interval).
pub async fn resolve<C: ConnectionTrait>(
    conn: &C,
    settings: &AuthSettings,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<session::Model>, AppError> {
    let Some(found) = session::Entity::find_by_id(token_id(token)).one(conn).await? else {
        return Ok(None);
    };
    match validity(found.last_seen_at, found.expires_at, now, settings) {
        Validity::Valid => {
            if now - found.last_seen_at >= settings.touch_interval {
                let mut active: session::ActiveModel = found.clone().into();
                active.last_seen_at = Set(now);
                return Ok(Some(active.update(conn).await?));
            }
            Ok(Some(found))
        }
        Validity::IdleExpired | Validity::Expired => {
            session::Entity::delete_by_id(found.id).exec(conn).await?;
            Ok(None)
        }
    }
}

/// Ends one session (logout).
pub async fn revoke<C: ConnectionTrait>(conn: &C, token: &str) -> Result<(), AppError> {
    session::Entity::delete_by_id(token_id(token)).exec(conn).await?;
    Ok(())
}

/// Ends every session of a user, except `keep` (a session id) if given.
pub async fn revoke_all_for_user<C: ConnectionTrait>(conn: &C, user_id: i64, keep: Option<&str>) -> Result<u64, AppError> {
    let mut q = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        q = q.filter(session::Column::Id.ne(keep));
    }
    Ok(q.exec(conn).await?.rows_affected)
}

/// Signs a user in: in one audited transaction, ends the browser's previous
/// session (if it presented one) and opens a new one, so the session id
/// always changes at login. Returns the new cookie token.
pub async fn sign_in(
    db: &DatabaseConnection,
    settings: &AuthSettings,
    ctx: &AuditContext,
    user_id: i64,
    previous_token: Option<&str>,
    user_agent: &str,
) -> Result<String, AppError> {
    let txn = crate::db::begin_write(db).await?;
    if let Some(old) = previous_token {
        revoke(&txn, old).await?;
    }
    let client_addr = ctx.client_addr.as_deref().unwrap_or("unknown");
    let token = create(&txn, settings, user_id, client_addr, user_agent).await?;
    audit::record(&txn, ctx, AuditEntry { action: "login", entity: "user", entity_id: Some(user_id.to_string()), before: None, after: None })
        .await?;
    txn.commit().await?;
    Ok(token)
}

/// Signs out: deletes the session on the server, audited.
pub async fn sign_out(db: &DatabaseConnection, ctx: &AuditContext, token: &str) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    if let Some(found) = session::Entity::find_by_id(token_id(token)).one(&txn).await? {
        session::Entity::delete_by_id(found.id).exec(&txn).await?;
        let entry = AuditEntry { action: "logout", entity: "user", entity_id: Some(found.user_id.to_string()), before: None, after: None };
        audit::record(&txn, ctx, entry).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Ends every session of the user except `keep` (a session id), in one
/// audited transaction; returns how many ended. With `keep` it is "log out
/// all other devices"; without, an administrator's revocation.
pub async fn end_sessions(db: &DatabaseConnection, ctx: &AuditContext, user_id: i64, keep: Option<&str>) -> Result<u64, AppError> {
    let txn = crate::db::begin_write(db).await?;
    let n = revoke_all_for_user(&txn, user_id, keep).await?;
    audit::record(
        &txn,
        ctx,
        AuditEntry {
            action: "revoke_sessions",
            entity: "user",
            entity_id: Some(user_id.to_string()),
            before: None,
            after: Some(serde_json::json!({ "ended": n })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(n)
}

/// The user's open sessions, newest first.
pub async fn list_for_user<C: ConnectionTrait>(conn: &C, user_id: i64, current_id: &str) -> Result<Vec<SessionView>, AppError> {
    let rows = session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .order_by_desc(session::Column::CreatedAt)
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| SessionView {
            current: s.id == current_id,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            client_addr: s.client_addr,
        })
        .collect())
}

/// Deletes sessions past their absolute lifetime or idle timeout.
pub async fn purge_expired<C: ConnectionTrait>(conn: &C, settings: &AuthSettings, now: DateTime<Utc>) -> Result<u64, AppError> {
    let res = session::Entity::delete_many()
        .filter(
            Condition::any()
                .add(session::Column::ExpiresAt.lte(now))
                .add(session::Column::LastSeenAt.lte(now - settings.idle_timeout)),
        )
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn validity_table() {
        let s = AuthSettings::default(); // idle 30 min, absolute 12 h
        let login = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let exp = login + s.absolute_lifetime;
        let cases = [
            (login, login + Duration::minutes(29), Validity::Valid),
            (login, login + Duration::minutes(30), Validity::IdleExpired),
            (exp - Duration::minutes(1), exp - Duration::seconds(1), Validity::Valid),
            (exp - Duration::minutes(1), exp, Validity::Expired),
        ];
        for (last_seen, now, expected) in cases {
            assert_eq!(validity(last_seen, exp, now, &s), expected, "now {now}");
        }
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_id(&a).len(), 64);
        assert_ne!(token_id(&a), a);
    }
}
