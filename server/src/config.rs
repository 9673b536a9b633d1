//! Configuration: defaults, then an optional TOML file, then `NGUON_*`
//! environment variables (and `DATABASE_URL`). Documented in the README.

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use nguon_domain::settings::AuthSettings;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::Path;

/// Every setting of the server, with its default.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Config {
    /// `sqlite://…` (default: a file under `data/`) or `postgres://…`.
    pub database_url: String,
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// Folder with the built site (`pkg/` with the wasm, JS and CSS).
    pub site_root: String,
    /// Set when served over HTTPS (behind a TLS proxy): cookies get `Secure`, and HSTS is sent.
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// Minutes of inactivity that end a session.
    pub session_idle_minutes: i64,
    /// Hours after login that end a session regardless of activity.
    pub session_absolute_hours: i64,
    /// Failed logins per account within the window before a lock.
    pub login_max_failures_per_account: u32,
    /// Failed logins per client address within the window before a lock.
    pub login_max_failures_per_addr: u32,
    /// Minutes of the throttling window.
    pub login_window_minutes: i64,
    /// `text` or `json` log lines.
    pub log_format: String,
}

impl Default for Config {
    fn default() -> Self {
        let auth = AuthSettings::default();
        Config {
            database_url: "sqlite://data/nguon.db?mode=rwc".into(),
            listen: "127.0.0.1:3000".parse().expect("valid address"),
            site_root: "target/site".into(),
            secure_cookies: false,
            trust_forwarded_for: false,
            session_idle_minutes: auth.idle_timeout.num_minutes(),
            session_absolute_hours: auth.absolute_lifetime.num_hours(),
            login_max_failures_per_account: auth.max_failures_per_account,
            login_max_failures_per_addr: auth.max_failures_per_addr,
            login_window_minutes: auth.throttle_window.num_minutes(),
            log_format: "text".into(),
        }
    }
}

impl Config {
    /// Loads the configuration: defaults < `file` (if it exists) < `NGUON_*` < `DATABASE_URL`.
    pub fn load(file: Option<&Path>) -> Result<Config, figment::Error> {
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        let file = file.map(Path::to_path_buf).unwrap_or_else(|| "nguon.toml".into());
        if file.exists() {
            fig = fig.merge(Toml::file(file));
        }
        // cargo-leptos passes the site folder and address this way.
        fig = fig
            .merge(Env::raw().only(&["LEPTOS_SITE_ROOT"]).map(|_| "site_root".into()))
            .merge(Env::raw().only(&["LEPTOS_SITE_ADDR"]).map(|_| "listen".into()))
            .merge(Env::prefixed("NGUON_"))
            .merge(Env::raw().only(&["DATABASE_URL"]).map(|_| "database_url".into()));
        fig.extract()
    }

    /// The account services' settings.
    pub fn auth_settings(&self) -> AuthSettings {
        AuthSettings {
            idle_timeout: chrono::Duration::minutes(self.session_idle_minutes),
            absolute_lifetime: chrono::Duration::hours(self.session_absolute_hours),
            max_failures_per_account: self.login_max_failures_per_account,
            max_failures_per_addr: self.login_max_failures_per_addr,
            throttle_window: chrono::Duration::minutes(self.login_window_minutes),
            ..AuthSettings::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_then_file_then_env() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("nguon.toml", "session_idle_minutes = 10\nlisten = \"0.0.0.0:8080\"")?;
            jail.set_env("NGUON_SESSION_IDLE_MINUTES", "5");
            jail.set_env("DATABASE_URL", "postgres://u@localhost/db");
            let c = Config::load(None).expect("loads");
            assert_eq!(c.session_idle_minutes, 5);
            assert_eq!(c.listen.port(), 8080);
            assert_eq!(c.database_url, "postgres://u@localhost/db");
            assert_eq!(c.login_max_failures_per_account, 5);
            assert_eq!(c.auth_settings().idle_timeout, chrono::Duration::minutes(5));
            Ok(())
        });
    }
}
