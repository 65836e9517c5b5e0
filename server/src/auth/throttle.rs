//! Slowing down password guessing: after five failed logins for one username within fifteen
//! minutes, further attempts for it are refused until the oldest of those failures is fifteen
//! minutes old. The count is per username, whether or not the account exists, so the answer never
//! tells which accounts exist. Failures live in the database, shared by all server instances.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use sha2::{Digest, Sha256};

use crate::entities::login_failures;

pub const MAX_FAILURES: usize = 5;
pub const WINDOW_MINUTES: i64 = 15;

/// The key failures are counted under: SHA-256 of the username as the login normalises it.
pub fn username_key(typed: &str) -> String {
    hex::encode(Sha256::digest(typed.trim().to_lowercase().as_bytes()))
}

/// `Some(seconds to wait)` when this username has failed too often.
pub async fn retry_after(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
) -> Result<Option<u64>, sea_orm::DbErr> {
    let window_start = now - Duration::minutes(WINDOW_MINUTES);
    let failures = login_failures::Entity::find()
        .filter(login_failures::Column::UsernameKey.eq(key))
        .filter(login_failures::Column::At.gt(window_start))
        .order_by_desc(login_failures::Column::At)
        .all(db)
        .await?;
    Ok(wait_seconds(failures.iter().map(|f| f.at).collect(), now))
}

/// With failure times newest first: how long until fewer than [`MAX_FAILURES`] remain in the window.
fn wait_seconds(newest_first: Vec<DateTime<Utc>>, now: DateTime<Utc>) -> Option<u64> {
    let decisive = newest_first.get(MAX_FAILURES - 1)?;
    let free_at = *decisive + Duration::minutes(WINDOW_MINUTES);
    Some((free_at - now).num_seconds().max(1) as u64)
}

pub async fn record_failure(db: &impl ConnectionTrait, key: &str, now: DateTime<Utc>) -> Result<(), sea_orm::DbErr> {
    login_failures::Entity::insert(login_failures::ActiveModel {
        username_key: Set(key.to_owned()),
        at: Set(now),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}

pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), sea_orm::DbErr> {
    login_failures::Entity::delete_many().filter(login_failures::Column::UsernameKey.eq(key)).exec(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_in_the_window_block_until_the_fifth_newest_ages_out() {
        let now = crate::clock::now();
        let ago = |minutes: i64| now - Duration::minutes(minutes);
        assert_eq!(wait_seconds(vec![ago(1), ago(2), ago(3), ago(4)], now), None);
        assert_eq!(wait_seconds(vec![ago(1), ago(2), ago(3), ago(4), ago(10)], now), Some(5 * 60));
        assert_eq!(wait_seconds(vec![ago(1), ago(1), ago(1), ago(1), ago(1), ago(14)], now), Some(14 * 60));
    }

    #[test]
    fn the_key_ignores_case_and_surrounding_space() {
        assert_eq!(username_key(" Admin "), username_key("admin"));
        assert_ne!(username_key("admin"), username_key("admin2"));
    }
}
