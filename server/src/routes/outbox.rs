//! The e-mail outbox. Messages are written in the same transaction as what they confirm, so none is
//! lost; in demo mode, where no mail server is configured, the admin reads them here.

use api::application::{OutboxMessage, OutboxPage};
use api::problem::Problem;
use axum::Json;
use axum::extract::{Query, State};
use domain::access::Permission;
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};

use crate::auth::CurrentUser;
use crate::entities::outbox;
use crate::error::ApiError;
use crate::routes::applications::Message;
use crate::routes::users::PageQuery;
use crate::startup::AppState;

/// The outbox, newest first. Only in demo mode: elsewhere messages go to the mail server and this
/// does not exist.
#[utoipa::path(get, path = "/outbox", tag = "outbox", params(PageQuery),
    responses((status = 200, body = OutboxPage), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(query): Query<PageQuery>,
) -> Result<Json<OutboxPage>, ApiError> {
    user.require(Permission::ReadOutbox)?;
    if !state.config.demo {
        return Err(ApiError::NotFound);
    }
    let (page, per_page) = query.clamped();
    let paginator = outbox::Entity::find()
        .order_by_desc(outbox::Column::CreatedAt)
        .order_by_asc(outbox::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let mut items = Vec::new();
    for row in paginator.fetch_page(page - 1).await? {
        let message = Message::open(&state.keys, &row)?;
        items.push(OutboxMessage {
            id: row.id,
            to: message.to,
            subject: message.subject,
            body: message.body,
            created_at: row.created_at,
        });
    }
    Ok(Json(OutboxPage { items, page, per_page, total }))
}
