//! The applicant's way through: drafts, submission, the receipt and the status page. Applicants have no
//! account; their access code (in the `X-Applicant-Code` header, never in a URL) opens their draft and,
//! after submission, their application.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use domain::application::{Answer, AnswerEntry, ApplicationStatus, Contact, Retention, Step};
pub use domain::monitoring::{AgeBand, Country, Disability, Education, Gender, MonitoringAnswers};
pub use domain::survey::{Statement, SurveyAnswers, SurveyMoment};

/// The header that carries the applicant's access code.
pub const ACCESS_CODE_HEADER: &str = "x-applicant-code";

/// `POST /api/public/vacancies/{id}/drafts`: a new draft and the code that opens it again.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDraft {
    /// Shown once; only its SHA-256 is stored. It opens the draft, and after submission the status page.
    pub access_code: String,
    pub draft: Draft,
}

/// A draft application as the applicant left it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub vacancy_id: Uuid,
    /// The furthest step reached.
    pub step: Step,
    pub answers: Vec<AnswerEntry>,
    pub contact: Contact,
    pub retention: Retention,
    /// Whether the monitoring questionnaire was answered or skipped (its answers are stored apart).
    pub monitoring_done: bool,
    pub updated_at: DateTime<Utc>,
    /// Set once the draft has been submitted.
    pub receipt: Option<Receipt>,
}

/// `PUT /api/public/drafts/current`: what the applicant has so far. Answers may be incomplete, but
/// never over a word limit.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftInput {
    pub step: Step,
    #[serde(default)]
    pub answers: Vec<AnswerEntry>,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default)]
    pub retention: Retention,
}

/// What the applicant gets on submitting, and again on every retry of the same draft.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The application's reference, e.g. `BW-7K2QF-XM0RD`.
    pub reference: String,
    pub submitted_at: DateTime<Utc>,
    /// Lowercase hex SHA-256 of the submitted answers document (see [`ApplicationExport`]).
    pub digest: String,
}

/// `GET /api/public/applications/{reference}`: the status page.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub reference: String,
    pub vacancy_id: Uuid,
    pub vacancy_title: String,
    pub status: ApplicationStatus,
    pub submitted_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub digest: String,
    pub retention: Retention,
    /// The feedback report, once the recruiter sent it (candidates who were not selected).
    #[serde(default)]
    pub feedback: Option<crate::interview::FeedbackReport>,
    /// The procedure ended for this application: it was knocked out, or every candidate has a
    /// decision.
    #[serde(default)]
    pub procedure_ended: bool,
    /// The experience surveys the applicant may answer now, and those they answered.
    #[serde(default)]
    pub surveys: Surveys,
}

/// The applicant's experience surveys: after submitting, and once the procedure ended.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Surveys {
    /// May be answered now.
    pub open: Vec<SurveyMoment>,
    pub answered: Vec<SurveyMoment>,
}

/// `GET /api/public/applications/{reference}/export`: everything stored about the applicant (AVG
/// article 15 and 20).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationExport {
    pub application: ApplicationView,
    pub answers: Vec<AnswerEntry>,
    /// Exactly the bytes whose SHA-256 is the receipt's digest: save this text to a file without a
    /// final newline and run `sha256sum` on it.
    pub answers_document: String,
    pub contact: Contact,
    pub monitoring: Option<MonitoringAnswers>,
    pub started_at: DateTime<Utc>,
}

/// One message of the outbox (the admin sees it in demo mode, where no mail server is configured).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// `GET /api/outbox`: newest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxPage {
    pub items: Vec<OutboxMessage>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}
