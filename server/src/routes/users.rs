//! Staff accounts, for the admin.

use api::account::{CreateUserRequest, StaffUser, UserPage};
use api::problem::{ErrorCode, Problem};
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use domain::access::Permission;
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
use serde::Deserialize;

use crate::accounts::{self, CreateUserError, NewUser};
use crate::auth::{CurrentUser, session};
use crate::entities::users;
use crate::error::{ApiError, ApiJson};
use crate::startup::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PageQuery {
    /// 1-based page number.
    #[serde(default = "first_page")]
    page: u64,
    /// Items per page, 1 to 100.
    #[serde(default = "default_per_page")]
    per_page: u64,
}

impl PageQuery {
    /// The page (from 1) and the page size (1 to 100).
    pub fn clamped(&self) -> (u64, u64) {
        (self.page.max(1), self.per_page.clamp(1, 100))
    }
}

fn first_page() -> u64 {
    1
}

fn default_per_page() -> u64 {
    25
}

/// Staff accounts, ordered by username, a page at a time.
#[utoipa::path(get, path = "/users", tag = "users", params(PageQuery),
    responses((status = 200, body = UserPage), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(query): Query<PageQuery>,
) -> Result<Json<UserPage>, ApiError> {
    user.require(Permission::ManageUsers)?;
    let (page, per_page) = query.clamped();
    let paginator = users::Entity::find().order_by_asc(users::Column::Username).paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    let items = rows.into_iter().filter_map(session::current_user).map(|u| u.to_api()).collect();
    Ok(Json(UserPage { items, page, per_page, total }))
}

/// Creates a staff account.
#[utoipa::path(post, path = "/users", tag = "users", request_body = CreateUserRequest,
    responses(
        (status = 201, body = StaffUser),
        (status = 403, body = Problem),
        (status = 422, body = Problem, description = "`validation_failed`, with the fields"),
    ))]
#[tracing::instrument(skip_all, fields(actor = %user.id))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(request): ApiJson<CreateUserRequest>,
) -> Result<(StatusCode, Json<StaffUser>), ApiError> {
    user.require(Permission::ManageUsers)?;
    let new = NewUser {
        username: &request.username,
        display_name: &request.display_name,
        password: &request.password,
        role: request.role,
        organisation: request.organisation_id,
    };
    let row = accounts::create_user(&state.db, &state.audit, Some(user.id), new).await.map_err(|e| match e {
        CreateUserError::Invalid(fields) => ApiError::invalid(fields),
        CreateUserError::UsernameTaken => ApiError::field("username", ErrorCode::UsernameTaken),
        CreateUserError::Unexpected(cause) => ApiError::Internal(cause),
    })?;
    let created = session::current_user(row)
        .map(|u| u.to_api())
        .ok_or_else(|| anyhow::anyhow!("created user has an unknown role"))?;
    Ok((StatusCode::CREATED, Json(created)))
}
