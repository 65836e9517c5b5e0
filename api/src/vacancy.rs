//! Vacancies: what the recruiter's editor sends and gets, and what applicants see.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use domain::analysis::Allowance;
pub use domain::questionnaire::{ApplicantQuestion, BankEntry, Question};
pub use domain::vacancy::{Arm, Override, RequirementKind, VacancyStatus};

use crate::Language;

/// A requirement as the editor sends it; `id` is left out for a new one and kept for an existing one,
/// so questions that assess it keep pointing at it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementInput {
    #[serde(default)]
    pub id: Option<Uuid>,
    pub text: String,
    pub kind: RequirementKind,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub id: Uuid,
    pub text: String,
    pub kind: RequirementKind,
}

/// `POST /api/vacancies` (a new draft) and `PUT /api/vacancies/{id}` (with `version`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyInput {
    pub title: String,
    /// Rijksoverheid salary scale, 1–18.
    #[serde(default)]
    pub salary_scale: Option<u8>,
    #[serde(default)]
    pub hours_per_week: Option<u8>,
    pub location: String,
    pub language: Language,
    pub text: String,
    #[serde(default)]
    pub requirements: Vec<RequirementInput>,
    /// Rules the recruiter silenced for this vacancy, each with a reason.
    #[serde(default)]
    pub allowances: Vec<Allowance>,
    /// The questionnaire, in order. Question and option ids are chosen by the editor.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// The last day applicants can apply, in the vacancy's time zone; needed to publish.
    #[serde(default)]
    pub closing_date: Option<NaiveDate>,
    /// An IANA time zone; `Europe/Amsterdam` when left out (`America/Kralendijk` for Caribisch Nederland).
    #[serde(default)]
    pub time_zone: Option<String>,
    /// For an update: the version the editor started from. A stale version gets 409.
    #[serde(default)]
    pub version: Option<i64>,
}

/// A vacancy as the back office sees it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vacancy {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub title: String,
    pub salary_scale: Option<u8>,
    pub hours_per_week: Option<u8>,
    pub location: String,
    pub language: Language,
    pub text: String,
    pub requirements: Vec<Requirement>,
    pub allowances: Vec<Allowance>,
    pub questions: Vec<Question>,
    pub closing_date: Option<NaiveDate>,
    pub time_zone: String,
    /// The end of the closing date in the vacancy's time zone: applications are refused from then on.
    pub closes_at: Option<DateTime<Utc>>,
    pub status: VacancyStatus,
    pub arm: Option<Arm>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
}

/// One line of the recruiter's list.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancySummary {
    pub id: Uuid,
    pub title: String,
    pub status: VacancyStatus,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// The pilot arm, once the vacancy is in a pilot.
    #[serde(default)]
    pub arm: Option<Arm>,
}

/// `GET /api/vacancies`: the organisation's vacancies, newest change first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VacancyPage {
    pub items: Vec<VacancySummary>,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// `POST /api/vacancies/{id}/publish`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishRequest {
    pub version: i64,
    /// A written reason for every blocking finding that is not fixed.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

/// `GET /api/public/vacancies/{id}`: a published vacancy, for applicants.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicVacancy {
    pub id: Uuid,
    pub organisation_name: String,
    pub title: String,
    pub salary_scale: Option<u8>,
    pub hours_per_week: Option<u8>,
    pub location: String,
    pub language: Language,
    pub text: String,
    pub requirements: Vec<Requirement>,
    pub published_at: DateTime<Utc>,
    pub closing_date: Option<NaiveDate>,
    pub time_zone: String,
    pub closes_at: Option<DateTime<Utc>>,
    /// Whether applications are accepted now (published and before the deadline).
    pub open_for_applications: bool,
    /// The questionnaire as the applicant sees it: no scoring guides, no keys, no weights.
    pub questions: Vec<ApplicantQuestion>,
}

/// One open vacancy in the public list.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenVacancy {
    pub id: Uuid,
    pub title: String,
    pub organisation_name: String,
    pub location: String,
    pub closing_date: Option<NaiveDate>,
}

/// `GET /api/public/vacancies`: the vacancies open for applications, closing soonest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenVacancyPage {
    pub items: Vec<OpenVacancy>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}
