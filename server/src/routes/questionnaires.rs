//! Reference data for questionnaires: the question bank recruiters copy from, and the country list of
//! the monitoring questionnaire.

use api::Language;
use api::application::Country;
use api::problem::Problem;
use api::vacancy::BankEntry;
use axum::Json;
use axum::extract::Query;
use domain::access::Permission;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::ApiError;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LanguageQuery {
    /// `nl` or `en`; Dutch when left out.
    #[serde(default)]
    pub language: Language,
}

/// Ready questions with scoring guides for common competencies, to copy and adapt.
#[utoipa::path(get, path = "/questionnaire/bank", tag = "vacancies", params(LanguageQuery),
    responses((status = 200, body = Vec<BankEntry>), (status = 403, body = Problem)))]
pub async fn bank(
    user: CurrentUser,
    Query(query): Query<LanguageQuery>,
) -> Result<Json<&'static [BankEntry]>, ApiError> {
    user.require(Permission::ManageVacancies)?;
    Ok(Json(domain::questionnaire::bank(query.language)))
}

/// The birth countries of the monitoring questionnaire, with their CBS continent.
#[utoipa::path(get, path = "/public/countries", tag = "applications",
    responses((status = 200, body = Vec<Country>)))]
pub async fn countries() -> Json<&'static [Country]> {
    Json(domain::monitoring::countries())
}
