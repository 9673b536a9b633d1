//! Structured logging with `tracing`.

use tracing_subscriber::{fmt, EnvFilter};

/// Installs the global subscriber. The level comes from `NGUON_LOG`
/// (e.g. `debug`, `info,sqlx=warn`), default `info`.
pub fn init(format: &str) {
    let filter = EnvFilter::try_from_env("NGUON_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = fmt().with_env_filter(filter).with_target(true);
    let _ = if format == "json" { builder.json().try_init() } else { builder.try_init() };
}
