//! Typed configuration: defaults, overridden by `BREEDWERF_*` environment variables, parsed once.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://data/breedwerf.db?mode=rwc` by default; `postgres://…` for production.
    pub database_url: Secret,
    /// Where to listen; port 0 picks a free port (tests).
    pub bind: SocketAddr,
    /// The built browser app (Trunk's `dist/`).
    pub assets_dir: PathBuf,
    /// Mark cookies `Secure`. On by default; the local demo on plain http turns it off.
    pub secure_cookies: bool,
    /// How long a staff session lasts.
    pub session_hours: i64,
    /// Log lines as JSON (for log collectors) instead of for people.
    pub log_json: bool,
    /// The AES-256 key that seals personal data at rest, as 64 hex characters.
    pub data_key: Option<Secret>,
    /// The HMAC key of pseudonyms, as 64 hex characters.
    pub pseudonym_key: Option<Secret>,
    /// Without the two keys above: where generated keys are kept (demo and development only).
    pub key_file: PathBuf,
    /// Where applicants reach Breedwerf; links in e-mails start with it.
    pub public_url: String,
    /// Demo mode: the admin can read the e-mail outbox in the app.
    pub demo: bool,
    /// The SMTP relay that delivers the outbox; without one, messages stay in the outbox.
    pub smtp_host: Option<String>,
    pub smtp_port: u16,
    /// The sender of Breedwerf's e-mails.
    pub mail_from: String,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            database_url: Secret::new("sqlite://data/breedwerf.db?mode=rwc"),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            assets_dir: PathBuf::from("dist"),
            secure_cookies: false,
            session_hours: 8,
            log_json: false,
            data_key: None,
            pseudonym_key: None,
            key_file: PathBuf::from("data/breedwerf.keys"),
            public_url: "http://127.0.0.1:8080".into(),
            demo: false,
            smtp_host: None,
            smtp_port: 25,
            mail_from: "Breedwerf <noreply@breedwerf.invalid>".into(),
        }
    }
}

/// A configuration value that is not valid.
#[derive(Debug, thiserror::Error)]
#[error("{variable} is not valid: {reason}")]
pub struct ConfigError {
    variable: &'static str,
    reason: String,
}

impl Config {
    /// The defaults, overridden by environment variables:
    /// `BREEDWERF_DATABASE_URL`, `BREEDWERF_BIND`, `BREEDWERF_ASSETS_DIR`, `BREEDWERF_SECURE_COOKIES`,
    /// `BREEDWERF_SESSION_HOURS`, `BREEDWERF_LOG_JSON`, `BREEDWERF_DATA_KEY`, `BREEDWERF_PSEUDONYM_KEY`,
    /// `BREEDWERF_KEY_FILE`, `BREEDWERF_PUBLIC_URL`, `BREEDWERF_DEMO`, `BREEDWERF_SMTP_HOST`,
    /// `BREEDWERF_SMTP_PORT`, `BREEDWERF_MAIL_FROM`.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// As [`Config::from_env`], reading variables through `lookup` (so tests need not touch the
    /// process environment).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        if let Some(url) = lookup("BREEDWERF_DATABASE_URL") {
            config.database_url = Secret::new(url);
        }
        if let Some(bind) = lookup("BREEDWERF_BIND") {
            config.bind = parse("BREEDWERF_BIND", &bind)?;
        }
        if let Some(dir) = lookup("BREEDWERF_ASSETS_DIR") {
            config.assets_dir = PathBuf::from(dir);
        }
        if let Some(secure) = lookup("BREEDWERF_SECURE_COOKIES") {
            config.secure_cookies = parse("BREEDWERF_SECURE_COOKIES", &secure)?;
        }
        if let Some(hours) = lookup("BREEDWERF_SESSION_HOURS") {
            config.session_hours = parse("BREEDWERF_SESSION_HOURS", &hours)?;
            if !(1..=24).contains(&config.session_hours) {
                return Err(ConfigError { variable: "BREEDWERF_SESSION_HOURS", reason: "must be 1 to 24".into() });
            }
        }
        if let Some(json) = lookup("BREEDWERF_LOG_JSON") {
            config.log_json = parse("BREEDWERF_LOG_JSON", &json)?;
        }
        config.data_key = lookup("BREEDWERF_DATA_KEY").map(Secret::new);
        config.pseudonym_key = lookup("BREEDWERF_PSEUDONYM_KEY").map(Secret::new);
        if config.data_key.is_some() != config.pseudonym_key.is_some() {
            return Err(ConfigError {
                variable: "BREEDWERF_DATA_KEY",
                reason: "set BREEDWERF_DATA_KEY and BREEDWERF_PSEUDONYM_KEY together".into(),
            });
        }
        if let Some(path) = lookup("BREEDWERF_KEY_FILE") {
            config.key_file = PathBuf::from(path);
        }
        if let Some(url) = lookup("BREEDWERF_PUBLIC_URL") {
            config.public_url = url.trim().trim_end_matches('/').to_owned();
        }
        if let Some(demo) = lookup("BREEDWERF_DEMO") {
            config.demo = parse("BREEDWERF_DEMO", &demo)?;
        }
        config.smtp_host = lookup("BREEDWERF_SMTP_HOST").map(|h| h.trim().to_owned()).filter(|h| !h.is_empty());
        if let Some(port) = lookup("BREEDWERF_SMTP_PORT") {
            config.smtp_port = parse("BREEDWERF_SMTP_PORT", &port)?;
        }
        if let Some(from) = lookup("BREEDWERF_MAIL_FROM") {
            config.mail_from = from;
        }
        Ok(config)
    }
}

fn parse<T: std::str::FromStr>(variable: &'static str, value: &str) -> Result<T, ConfigError>
where
    T::Err: fmt::Display,
{
    value.trim().parse().map_err(|e: T::Err| ConfigError { variable, reason: e.to_string() })
}

/// A value that must not end up in logs: `Debug` and `Display` print a placeholder.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_run_the_demo_on_embedded_sqlite_at_port_8080() {
        let config = from(&[]).expect("defaults are valid");
        assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
        assert!(config.database_url.expose().starts_with("sqlite://data/"));
    }

    #[test]
    fn environment_overrides_defaults_and_bad_values_name_the_variable() {
        let config = from(&[("BREEDWERF_BIND", "0.0.0.0:9000"), ("BREEDWERF_SECURE_COOKIES", "true")]).expect("valid");
        assert_eq!(config.bind.port(), 9000);
        assert!(config.secure_cookies);
        let error = from(&[("BREEDWERF_BIND", "not-an-address")]).expect_err("invalid");
        assert!(error.to_string().contains("BREEDWERF_BIND"));
        let error = from(&[("BREEDWERF_SESSION_HOURS", "100")]).expect_err("out of range");
        assert!(error.to_string().contains("1 to 24"));
    }

    #[test]
    fn data_keys_come_in_pairs_and_a_relay_is_optional() {
        let error = from(&[("BREEDWERF_DATA_KEY", "00")]).expect_err("one key alone");
        assert!(error.to_string().contains("BREEDWERF_PSEUDONYM_KEY"));
        let config =
            from(&[("BREEDWERF_SMTP_HOST", " relay.intern "), ("BREEDWERF_SMTP_PORT", "2525")]).expect("valid");
        assert_eq!((config.smtp_host.as_deref(), config.smtp_port), (Some("relay.intern"), 2525));
        assert_eq!(from(&[]).expect("defaults").smtp_host, None);
    }

    #[test]
    fn secrets_do_not_show_in_debug_output() {
        let config = from(&[("BREEDWERF_DATABASE_URL", "postgres://u:hunter2@db/breedwerf")]).expect("valid");
        assert!(!format!("{config:?}").contains("hunter2"));
    }
}
