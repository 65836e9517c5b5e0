//! Structured logs with `tracing`. Spans carry ids only; see the crate rules.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber: `RUST_LOG` filters (default `info`), JSON lines when asked.
pub fn init(json: bool) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm_migration=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    // A second init (tests spawn many apps in one process) is harmless: keep the first.
    let _ = if json { builder.json().try_init() } else { builder.try_init() };
}
