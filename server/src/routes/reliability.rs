//! The reliability of a pilot's scoring, for its evaluators and admins: how much the committee
//! agreed in the sift, and the interviewers in the interview, per question and per vacancy; each
//! scorer's leniency without a name; and whether a score depends on where the answer came in the
//! scorer's order. Computed on the scores as they were given independently: only sealed sift scores
//! and submitted scorecards, and a score changed in the consensus with its first value. Nothing
//! from fewer than the pilot's k candidates.

use std::sync::Arc;

use api::evaluation::{Reliability, ScoreSource};
use api::problem::Problem;
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::evaluation::View;
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::pilots;
use crate::error::ApiError;
use crate::evaluation::{ReliabilityReport, k_of, ratings};
use crate::routes::evaluation::ViewQuery;
use crate::routes::pilots::readable;
use crate::startup::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ReliabilityQuery {
    /// The sift's scores (the default) or the interview's.
    #[serde(default)]
    source: ScoreSource,
    /// 1-based page of vacancies.
    #[serde(default = "first_page")]
    page: u64,
    /// Vacancies per page, 1 to 50.
    #[serde(default = "default_per_page")]
    per_page: u64,
}

fn first_page() -> u64 {
    1
}

fn default_per_page() -> u64 {
    10
}

/// The reliability of the sift's or the interview's scores: the pilot's medians and the position
/// effect, and a page of vacancies, by title, with their questions' agreement and scorers' leniency.
#[utoipa::path(get, path = "/pilots/{id}/reliability", tag = "evaluation", params(ReliabilityQuery, ViewQuery),
    responses((status = 200, body = Reliability), (status = 404, body = Problem)))]
pub async fn reliability_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<ReliabilityQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Json<Reliability>, ApiError> {
    let view = view.view();
    let pilot = readable(&state, &user, id).await?;
    let report = reliability_for(&state, &pilot, (query.source, view)).await?;
    let (page, per_page) = (query.page.max(1), query.per_page.clamp(1, 50));
    let total = report.vacancies.len() as u64;
    let skip = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
    let vacancies = report.vacancies.iter().skip(skip).take(usize::try_from(per_page).unwrap_or_default()).cloned();
    Ok(Json(Reliability {
        source: query.source,
        k: k_of(&pilot),
        summary: report.summary.clone(),
        position: report.position,
        vacancies: vacancies.collect(),
        page,
        per_page,
        total,
    }))
}

/// The reliability of the sift's or the interview's scores of the vacancies in `view`, worked out
/// once for as long as the scores do not change.
pub(crate) async fn reliability_for(
    state: &AppState,
    pilot: &pilots::Model,
    (source, view): (ScoreSource, View),
) -> Result<Arc<ReliabilityReport>, ApiError> {
    let (ratings, k) = (ratings(state, pilot, source).await?, u64::from(k_of(pilot)));
    // Working a report out takes a while on a large pilot: off the threads that serve requests.
    Ok(tokio::task::spawn_blocking(move || ratings.report(view, k)).await.map_err(anyhow::Error::from)?)
}
