//! Logging in and out, and the current session.

use api::account::{LoginRequest, SessionInfo};
use api::problem::{ErrorCode, Problem};
use axum::Json;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse};
use domain::audit::AuditAction;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::audit::AuditEntry;
use crate::auth::csrf::{self, CSRF_COOKIE};
use crate::auth::session::{self, SESSION_COOKIE};
use crate::auth::{CurrentUser, password, throttle};
use crate::clock;
use crate::entities::users;
use crate::error::{ApiError, ApiJson};
use crate::startup::AppState;

/// Who is logged in (if anyone), and the CSRF token for requests that change something. Sets the
/// CSRF cookie when the browser has none.
#[utoipa::path(get, path = "/session", tag = "session", responses((status = 200, body = SessionInfo)))]
pub async fn current(State(state): State<AppState>, headers: HeaderMap) -> Result<impl IntoResponse, ApiError> {
    let user = match session::token_from_headers(&headers) {
        Some(token) => session::user_for_token(&state.db, &token).await?,
        None => None,
    };
    let (csrf_token, set_cookie) = match csrf::token_from_cookie(&headers) {
        Some(token) => (token, None),
        None => {
            let token = session::new_token();
            let cookie = session::set_cookie(CSRF_COOKIE, &token, 60 * 60 * 24, false, state.config.secure_cookies);
            (token, Some(cookie))
        }
    };
    let body = SessionInfo { user: user.as_ref().map(CurrentUser::to_api), csrf_token };
    Ok((AppendHeaders(set_cookie.map(|c| (SET_COOKIE, c))), Json(body)))
}

/// Logs in. A wrong username and a wrong password get the same answer; after five failures for one
/// username within fifteen minutes, attempts are refused for a while (429 with `Retry-After`).
#[utoipa::path(post, path = "/session", tag = "session", request_body = LoginRequest,
    responses(
        (status = 200, body = SessionInfo, description = "Logged in; sets the session cookie"),
        (status = 401, body = Problem, description = "`invalid_credentials`"),
        (status = 422, body = Problem, description = "`validation_failed`: a field is empty"),
        (status = 429, body = Problem, description = "`too_many_attempts`"),
    ))]
#[tracing::instrument(skip_all)]
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let mut missing = Vec::new();
    if request.username.trim().is_empty() {
        missing.push(("username", ErrorCode::Required));
    }
    if request.password.is_empty() {
        missing.push(("password", ErrorCode::Required));
    }
    if !missing.is_empty() {
        return Err(ApiError::invalid(missing));
    }

    let key = throttle::username_key(&request.username);
    if let Some(retry_after_seconds) = throttle::retry_after(&state.db, &key, clock::now()).await? {
        return Err(ApiError::TooManyAttempts { retry_after_seconds });
    }

    let username = request.username.trim().to_lowercase();
    let user = users::Entity::find().filter(users::Column::Username.eq(username)).one(&state.db).await?;
    let stored_hash = user.as_ref().map(|u| u.password_hash.clone());
    let verified = password::verify(request.password, stored_hash).await?;

    let transaction = state.audit.begin(&state.db).await?;
    let (Some(user), true) = (user, verified) else {
        throttle::record_failure(&*transaction, &key, clock::now()).await?;
        transaction.record(AuditEntry::new(AuditAction::LoginFailed)).await?;
        transaction.commit().await?;
        tracing::info!("login failed");
        return Err(ApiError::InvalidCredentials);
    };
    throttle::clear(&*transaction, &key).await?;
    let token = session::create(&*transaction, user.id, state.config.session_hours).await?;
    transaction.record(AuditEntry::new(AuditAction::LoginSucceeded).actor(user.id)).await?;
    transaction.commit().await?;
    tracing::info!(user_id = %user.id, "logged in");

    let user = session::current_user(user).ok_or_else(|| anyhow::anyhow!("user has an unknown role"))?;
    let max_age = state.config.session_hours * 3600;
    let cookie = session::set_cookie(SESSION_COOKIE, &token, max_age, true, state.config.secure_cookies);
    let csrf_token = csrf::token_from_cookie(&headers).unwrap_or_default();
    Ok(([(SET_COOKIE, cookie)], Json(SessionInfo { user: Some(user.to_api()), csrf_token })))
}

/// Logs out: ends the session and removes its cookie.
#[utoipa::path(delete, path = "/session", tag = "session",
    responses((status = 204, description = "Logged out"), (status = 401, body = Problem)))]
pub async fn logout(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let transaction = state.audit.begin(&state.db).await?;
    if let Some(token) = session::token_from_headers(&headers) {
        session::delete(&*transaction, &token).await?;
    }
    transaction.record(AuditEntry::new(AuditAction::LoggedOut).actor(user.id)).await?;
    transaction.commit().await?;
    let cookie = session::set_cookie(SESSION_COOKIE, "", 0, true, state.config.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]))
}
