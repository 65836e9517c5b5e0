//! The one typed client of the JSON API. Every call sends the chosen language, so errors come back
//! in it; calls that change something send the CSRF token.

use api::Language;
use api::account::{LoginRequest, SessionInfo, UserPage};
use api::organisation::{NewOrganisationRule, Organisation, OrganisationRule};
use api::problem::{ErrorCode, Problem};
use api::vacancy::{PublicVacancy, PublishRequest, Vacancy, VacancyInput, VacancyPage};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::i18n::{Text, text};

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// The server answered with a problem.
    Problem(Problem),
    /// The server could not be reached, or answered something unreadable.
    Network,
}

impl ApiFailure {
    /// What to tell the user, in `language`.
    pub fn message(&self, language: Language) -> &'static str {
        match self {
            ApiFailure::Problem(problem) => problem.code.message(language),
            ApiFailure::Network => text(language, Text::NetworkError),
        }
    }

    /// The error code of one form field, if the problem names it.
    pub fn field(&self, name: &str) -> Option<ErrorCode> {
        match self {
            ApiFailure::Problem(problem) => problem.fields.iter().find(|f| f.field == name).map(|f| f.code),
            ApiFailure::Network => None,
        }
    }
}

pub async fn session(language: Language) -> Result<SessionInfo, ApiFailure> {
    send(Request::get("/api/session"), language).await
}

pub async fn login(request: &LoginRequest, csrf_token: &str, language: Language) -> Result<SessionInfo, ApiFailure> {
    send_json(Request::post("/api/session"), request, csrf_token, language).await
}

pub async fn logout(csrf_token: &str, language: Language) -> Result<(), ApiFailure> {
    send_delete(Request::delete("/api/session"), csrf_token, language).await
}

pub async fn users(page: u64, language: Language) -> Result<UserPage, ApiFailure> {
    send(Request::get(&format!("/api/users?page={page}&per_page=20")), language).await
}

/// A page of the organisation's vacancies; `query` searches titles.
pub async fn vacancies(page: u64, query: &str, language: Language) -> Result<VacancyPage, ApiFailure> {
    let builder = Request::get("/api/vacancies").query([
        ("page", page.to_string()),
        ("per_page", "20".into()),
        ("q", query.into()),
    ]);
    send(builder, language).await
}

pub async fn vacancy(id: Uuid, language: Language) -> Result<Vacancy, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{id}")), language).await
}

pub async fn create_vacancy(input: &VacancyInput, csrf_token: &str, language: Language) -> Result<Vacancy, ApiFailure> {
    send_json(Request::post("/api/vacancies"), input, csrf_token, language).await
}

pub async fn update_vacancy(
    id: Uuid,
    input: &VacancyInput,
    csrf_token: &str,
    language: Language,
) -> Result<Vacancy, ApiFailure> {
    send_json(Request::put(&format!("/api/vacancies/{id}")), input, csrf_token, language).await
}

pub async fn publish_vacancy(
    id: Uuid,
    request: &PublishRequest,
    csrf_token: &str,
    language: Language,
) -> Result<Vacancy, ApiFailure> {
    send_json(Request::post(&format!("/api/vacancies/{id}/publish")), request, csrf_token, language).await
}

pub async fn public_vacancy(id: Uuid, language: Language) -> Result<PublicVacancy, ApiFailure> {
    send(Request::get(&format!("/api/public/vacancies/{id}")), language).await
}

pub async fn organisations(language: Language) -> Result<Vec<Organisation>, ApiFailure> {
    send(Request::get("/api/organisations"), language).await
}

pub async fn organisation_rules(organisation: Uuid, language: Language) -> Result<Vec<OrganisationRule>, ApiFailure> {
    send(Request::get(&format!("/api/organisations/{organisation}/rules")), language).await
}

pub async fn add_rule(
    organisation: Uuid,
    rule: &NewOrganisationRule,
    csrf_token: &str,
    language: Language,
) -> Result<OrganisationRule, ApiFailure> {
    send_json(Request::post(&format!("/api/organisations/{organisation}/rules")), rule, csrf_token, language).await
}

pub async fn remove_rule(
    organisation: Uuid,
    rule: Uuid,
    csrf_token: &str,
    language: Language,
) -> Result<(), ApiFailure> {
    send_delete(Request::delete(&format!("/api/organisations/{organisation}/rules/{rule}")), csrf_token, language).await
}

/// A request that changes something and answers without a body.
async fn send_delete(builder: RequestBuilder, csrf_token: &str, language: Language) -> Result<(), ApiFailure> {
    let builder = with_language(builder.header("X-CSRF-Token", csrf_token), language);
    let response = builder.send().await.map_err(|_| ApiFailure::Network)?;
    if response.ok() { Ok(()) } else { Err(problem(response).await) }
}

async fn send_json<B: Serialize, T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &B,
    csrf_token: &str,
    language: Language,
) -> Result<T, ApiFailure> {
    let builder = with_language(builder.header("X-CSRF-Token", csrf_token), language);
    read(builder.json(body).map_err(|_| ApiFailure::Network)?.send().await).await
}

fn with_language(builder: RequestBuilder, language: Language) -> RequestBuilder {
    builder.header("Accept-Language", language.tag())
}

async fn send<T: DeserializeOwned>(builder: RequestBuilder, language: Language) -> Result<T, ApiFailure> {
    read(with_language(builder, language).send().await).await
}

async fn read<T: DeserializeOwned>(response: Result<Response, gloo_net::Error>) -> Result<T, ApiFailure> {
    let response = response.map_err(|_| ApiFailure::Network)?;
    if response.ok() { response.json().await.map_err(|_| ApiFailure::Network) } else { Err(problem(response).await) }
}

async fn problem(response: Response) -> ApiFailure {
    response.json::<Problem>().await.map(ApiFailure::Problem).unwrap_or(ApiFailure::Network)
}
