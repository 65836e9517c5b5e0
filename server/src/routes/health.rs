//! Liveness and readiness.

use api::system::{Health, HealthStatus};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use crate::startup::AppState;

/// Whether the server is up and can reach its database. 503 when the database is unreachable.
#[utoipa::path(get, path = "/health", tag = "system",
    responses((status = 200, body = Health), (status = 503, body = Health)))]
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database = match state.db.ping().await {
        Ok(()) => HealthStatus::Ok,
        Err(error) => {
            tracing::warn!(%error, "health check: database unreachable");
            HealthStatus::Unavailable
        }
    };
    let status = if database == HealthStatus::Ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = Health { status: HealthStatus::Ok, database, version: env!("CARGO_PKG_VERSION").to_owned() };
    (status, Json(body))
}
