//! Connecting to the database and bringing its schema up to date.
//!
//! SQLite (the embedded default) runs in WAL mode, so readers never wait for the writer and a
//! committed transaction survives a crash; PostgreSQL is chosen by URL.

use std::path::Path;
use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

use crate::config::Secret;

/// Opens a pool on `url`, creating the SQLite file (and its folder) if needed.
pub async fn connect(url: &Secret) -> Result<DatabaseConnection, DbErr> {
    let url = url.expose();
    if let Some(file) = sqlite_file(url)
        && let Some(folder) = Path::new(file).parent().filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder)
            .map_err(|e| DbErr::Custom(format!("cannot create the database folder {}: {e}", folder.display())))?;
    }
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| o.journal_mode(SqliteJournalMode::Wal).busy_timeout(Duration::from_secs(10)));
    Database::connect(options).await
}

/// Applies every migration that has not run yet.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// The file path in a `sqlite://path?…` URL; `None` for other databases and in-memory SQLite.
fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then_some(path)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn finds_the_file_in_sqlite_urls_only() {
        assert_eq!(sqlite_file("sqlite://data/breedwerf.db?mode=rwc"), Some("data/breedwerf.db"));
        assert_eq!(sqlite_file("sqlite:///tmp/x.db"), Some("/tmp/x.db"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://localhost/breedwerf"), None);
    }
}
