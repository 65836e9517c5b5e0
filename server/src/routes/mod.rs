//! The JSON API under `/api`, one module per part of the domain, described by OpenAPI.
//!
//! Deny by default: a route is reachable without a session only if it is in [`public`]; everything
//! in [`protected`] passes [`require_session`] first, and each handler then asks for a permission.

mod analysis;
pub(crate) mod applications;
pub(crate) mod committee;
mod control;
mod decisions;
mod evaluation;
mod export;
pub(crate) mod feedback;
pub(crate) mod fidelity;
mod health;
pub(crate) mod interview_kit;
pub(crate) mod interviews;
mod organisations;
mod outbox;
pub(crate) mod pilots;
pub(crate) mod questionnaires;
pub(crate) mod ranking;
mod reliability;
pub(crate) mod scoring;
mod screening;
mod session;
mod shortlist;
pub(crate) mod surveys;
mod users;
pub(crate) mod vacancies;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::Method;
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{csrf, require_session};
use crate::error::{ApiError, panic_response, render_problems};
use crate::startup::AppState;

/// The largest JSON body the API reads. Larger bodies get 413.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Breedwerf API",
        description = "The JSON API of Breedwerf. Errors are `application/problem+json` with a stable `code`. \
                       Requests that change something need the `X-CSRF-Token` header (see `GET /api/session`).",
        license(name = "EUPL-1.2")
    ),
    components(schemas(api::problem::Problem, api::problem::ErrorCode, api::problem::FieldError))
)]
struct ApiDoc;

/// Routes anyone may call.
fn public() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(health::health))
        .routes(routes!(session::current, session::login))
        .routes(routes!(vacancies::open))
        .routes(routes!(vacancies::public))
        .routes(routes!(applications::start))
        .routes(routes!(applications::current, applications::save, applications::discard))
        .routes(routes!(applications::monitoring))
        .routes(routes!(applications::submit))
        .routes(routes!(applications::status, applications::delete))
        .routes(routes!(applications::withdraw))
        .routes(routes!(applications::export))
        .routes(routes!(surveys::answer_applicant_survey))
        .routes(routes!(questionnaires::countries))
}

/// Routes that need a session.
fn protected(state: &AppState) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(session::logout))
        .routes(routes!(users::list, users::create))
        .routes(routes!(analysis::vacancy_text))
        .routes(routes!(vacancies::list, vacancies::create))
        .routes(routes!(vacancies::get, vacancies::update))
        .routes(routes!(vacancies::publish))
        .routes(routes!(organisations::list))
        .routes(routes!(organisations::rules, organisations::add_rule))
        .routes(routes!(organisations::remove_rule))
        .routes(routes!(questionnaires::bank))
        .routes(routes!(outbox::list))
        .routes(routes!(screening::summary, screening::start))
        .routes(routes!(screening::answers))
        .routes(routes!(screening::decide))
        .routes(routes!(screening::confirm_pending))
        .routes(routes!(screening::add_mask))
        .routes(routes!(screening::release))
        .routes(routes!(committee::get, committee::set))
        .routes(routes!(committee::assigned))
        .routes(routes!(committee::vacancy))
        .routes(routes!(scoring::confirm_conduct))
        .routes(routes!(scoring::sift))
        .routes(routes!(scoring::score))
        .routes(routes!(scoring::seal))
        .routes(routes!(scoring::panel))
        .routes(routes!(scoring::change_score))
        .routes(routes!(surveys::add_scoring_time))
        .routes(routes!(surveys::answer_committee_survey))
        .routes(routes!(ranking::progress))
        .routes(routes!(ranking::ranking))
        .routes(routes!(shortlist::get, shortlist::fix))
        .routes(routes!(shortlist::request))
        .routes(routes!(shortlist::confirm))
        .routes(routes!(shortlist::identities))
        .routes(routes!(interview_kit::bank))
        .routes(routes!(interview_kit::get, interview_kit::save))
        .routes(routes!(interview_kit::traceability))
        .routes(routes!(interview_kit::get_interviewers, interview_kit::set_interviewers))
        .routes(routes!(interviews::assigned))
        .routes(routes!(interviews::scorecard))
        .routes(routes!(interviews::save_score))
        .routes(routes!(interviews::submit))
        .routes(routes!(surveys::add_interview_time))
        .routes(routes!(interviews::consensus))
        .routes(routes!(interviews::change_score))
        .routes(routes!(decisions::overview))
        .routes(routes!(decisions::decide))
        .routes(routes!(decisions::respond))
        .routes(routes!(decisions::hire))
        .routes(routes!(feedback::send))
        .routes(routes!(control::list))
        .routes(routes!(control::record))
        .routes(routes!(pilots::list, pilots::create))
        .routes(routes!(pilots::get))
        .routes(routes!(pilots::assign))
        .routes(routes!(pilots::set_arm))
        .routes(routes!(pilots::assignments))
        .routes(routes!(evaluation::funnel_of))
        .routes(routes!(evaluation::did_of))
        .routes(routes!(evaluation::composition_of))
        .routes(routes!(evaluation::effort_of))
        .routes(routes!(evaluation::experience_of))
        .routes(routes!(fidelity::fidelity_of))
        .routes(routes!(export::fidelity_csv))
        .routes(routes!(export::effort_csv))
        .routes(routes!(export::experience_csv))
        .routes(routes!(reliability::reliability_of))
        .routes(routes!(export::funnel_csv))
        .routes(routes!(export::composition_csv))
        .routes(routes!(export::did_csv))
        .routes(routes!(export::reliability_csv))
        .routes(routes!(export::assignments_csv))
        .routes(routes!(export::bundle))
        .route_layer(from_fn_with_state(state.clone(), require_session))
}

/// After every request that may change something, tells the evaluation's cache to count again
/// (`crate::evaluation`): the dashboard trusts its counts for a few seconds only while nothing
/// changed here.
async fn note_changes(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let reads_only = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let response = next.run(request).await;
    if !reads_only {
        state.evaluation.changed();
    }
    response
}

/// The whole API, with its OpenAPI document at `/api/openapi.json`.
pub fn api(state: AppState) -> Router {
    let (router, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api", public().merge(protected(&state)))
        .split_for_parts();
    let document = openapi.clone();
    router
        .route("/api/openapi.json", get(move || async move { Json(document) }))
        .route("/api/{*rest}", axum::routing::any(|| async { ApiError::NotFound }))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(from_fn_with_state(state.clone(), note_changes))
        .layer(from_fn(csrf::check))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(from_fn(render_problems))
        // JSON compresses well (the country list by 80 %); responses that carry a secret (the CSRF
        // token, an access code) reflect no attacker-chosen text, so compression reveals nothing.
        .layer(CompressionLayer::new())
        .with_state(state)
}
