//! Staff sessions: a random token in an HttpOnly cookie, its SHA-256 in the database.
//! Sessions live in the database so several server instances can share them.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;
use chrono::Duration;
use domain::access::Role;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::CurrentUser;
use crate::clock;
use crate::entities::{sessions, users};

pub const SESSION_COOKIE: &str = "bw_session";

/// A new random token: 256 bits from the operating system's generator, as hex.
pub fn new_token() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The value of cookie `name` in a request, if present.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(key, value)| (key == name).then_some(value))
}

pub fn token_from_headers(headers: &HeaderMap) -> Option<String> {
    cookie(headers, SESSION_COOKIE).filter(|t| t.len() == 64).map(str::to_owned)
}

/// A `Set-Cookie` value. `max_age_seconds` 0 removes the cookie.
pub fn set_cookie(name: &str, value: &str, max_age_seconds: i64, http_only: bool, secure: bool) -> String {
    let mut cookie = format!("{name}={value}; Path=/; SameSite=Strict; Max-Age={max_age_seconds}");
    if http_only {
        cookie.push_str("; HttpOnly");
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// Starts a session for `user_id`; returns the token for the cookie.
pub async fn create(db: &impl ConnectionTrait, user_id: Uuid, hours: i64) -> Result<String, sea_orm::DbErr> {
    let token = new_token();
    let now = clock::now();
    sessions::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(hours)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Ends the session of `token`, if it exists.
pub async fn delete(db: &impl ConnectionTrait, token: &str) -> Result<(), sea_orm::DbErr> {
    sessions::Entity::delete_by_id(token_hash(token)).exec(db).await?;
    Ok(())
}

/// The user of a live session. Expired sessions count as none.
pub async fn user_for_token(db: &impl ConnectionTrait, token: &str) -> Result<Option<CurrentUser>, sea_orm::DbErr> {
    let found = sessions::Entity::find_by_id(token_hash(token))
        .filter(sessions::Column::ExpiresAt.gt(clock::now()))
        .one(db)
        .await?;
    let Some(session) = found else {
        return Ok(None);
    };
    let user = users::Entity::find_by_id(session.user_id).one(db).await?;
    Ok(user.and_then(current_user))
}

/// A user row as the request's [`CurrentUser`]; a row with an unknown role grants nothing.
pub fn current_user(row: users::Model) -> Option<CurrentUser> {
    let role = Role::parse(&row.role)?;
    Some(CurrentUser {
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        role,
        created_at: row.created_at,
        organisation_id: row.organisation_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cookies_are_found_by_exact_name() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_static("x_bw_session=evil; bw_session=abc; bw_csrf=def"));
        assert_eq!(cookie(&headers, "bw_session"), Some("abc"));
        assert_eq!(cookie(&headers, "bw_csrf"), Some("def"));
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn session_cookies_are_http_only_and_same_site_strict() {
        let value = set_cookie(SESSION_COOKIE, "t", 60, true, true);
        assert_eq!(value, "bw_session=t; Path=/; SameSite=Strict; Max-Age=60; HttpOnly; Secure");
    }
}
