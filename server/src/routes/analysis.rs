//! The vacancy-text analyser as an API, for integrations and bulk checks. The editor itself runs the
//! same analyser in the browser, without a round trip.

use api::analysis::{AnalyseTextRequest, Analysis, MAX_TEXT_CHARS};
use api::problem::{ErrorCode, Problem};
use axum::Json;
use axum::extract::State;
use domain::analysis::rules::{ExtraRules, RuleSet};
use domain::analysis::{analyse, analyse_with};

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiJson};
use crate::routes::organisations::extra_rules;
use crate::startup::AppState;

/// Analyses a vacancy text: findings with spans (character offsets), explanations in Dutch and
/// English, suggestions and sources; gender tone and readability scores; the rule-set version.
#[utoipa::path(post, path = "/analysis/vacancy-text", tag = "analysis", request_body = AnalyseTextRequest,
    responses(
        (status = 200, body = Analysis),
        (status = 401, body = Problem),
        (status = 422, body = Problem, description = "`validation_failed`: the text is empty or too long"),
    ))]
#[tracing::instrument(skip_all, fields(user = %user.id))]
pub async fn vacancy_text(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(request): ApiJson<AnalyseTextRequest>,
) -> Result<Json<Analysis>, ApiError> {
    if request.text.trim().is_empty() {
        return Err(ApiError::field("text", ErrorCode::Required));
    }
    if request.text.chars().count() > MAX_TEXT_CHARS {
        return Err(ApiError::field("text", ErrorCode::TextTooLong));
    }
    // The organisation's own rules take part when the language is known (given, or detected first).
    let language = request.language.unwrap_or_else(|| analyse(&request.text, None, RuleSet::builtin(), &[]).language);
    let extra = match user.organisation_id {
        Some(organisation) => extra_rules(&state.db, organisation, language).await?,
        None => ExtraRules::default(),
    };
    let mut analysis = analyse_with(&request.text, Some(language), RuleSet::builtin(), &extra, &[]);
    analysis.language_detected = request.language.is_none();
    Ok(Json(analysis))
}
