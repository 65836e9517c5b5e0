//! Who is calling: staff sessions, passwords, login throttling and CSRF protection.
//!
//! Routes under `/api` are protected by [`require_session`] unless they are listed as public in
//! `routes`; a protected handler takes [`CurrentUser`] and asks it for a [`Permission`].

pub mod csrf;
pub mod password;
pub mod session;
pub mod throttle;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, Utc};
use domain::access::{Permission, Role};
use uuid::Uuid;

use crate::error::ApiError;
use crate::startup::AppState;

/// The staff member behind the request's session.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub organisation_id: Option<Uuid>,
}

impl CurrentUser {
    /// Refuses with 403 unless the user's role grants `permission`.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.role.may(permission) { Ok(()) } else { Err(ApiError::Forbidden) }
    }

    pub fn to_api(&self) -> api::account::StaffUser {
        api::account::StaffUser {
            id: self.id,
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            created_at: self.created_at,
            organisation_id: self.organisation_id,
        }
    }
}

/// Middleware: lets the request through only with a valid session, and hands the handler its user.
pub async fn require_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let token = session::token_from_headers(request.headers()).ok_or(ApiError::Unauthenticated)?;
    let user = session::user_for_token(&state.db, &token).await?.ok_or(ApiError::Unauthenticated)?;
    request.extensions_mut().insert(user);
    Ok(next.run(request).await)
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<CurrentUser>().cloned().ok_or(ApiError::Unauthenticated)
    }
}
