//! Tunable security settings of the account services, with their defaults.

use chrono::Duration;

/// Session and login-throttling settings. The server reads them from its
/// configuration; tests shorten them.
#[derive(Clone, Debug)]
pub struct AuthSettings {
    /// A session unused for this long ends.
    pub idle_timeout: Duration,
    /// A session ends this long after login, however active.
    pub absolute_lifetime: Duration,
    /// Failed logins for one account within `throttle_window` before it is locked for the rest of the window.
    pub max_failures_per_account: u32,
    /// Failed logins from one client address within `throttle_window` before it is locked.
    pub max_failures_per_addr: u32,
    /// The sliding window over which failures are counted.
    pub throttle_window: Duration,
    /// `last_seen_at` is written at most this often, to spare the database.
    pub touch_interval: Duration,
}

impl Default for AuthSettings {
    fn default() -> Self {
        AuthSettings {
            idle_timeout: Duration::minutes(30),
            absolute_lifetime: Duration::hours(12),
            max_failures_per_account: 5,
            max_failures_per_addr: 20,
            throttle_window: Duration::minutes(15),
            touch_interval: Duration::seconds(60),
        }
    }
}
