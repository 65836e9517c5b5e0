//! Screening (recruiters): after the deadline the server looks for identity cues in every answer in
//! words; the recruiter confirms or dismisses each finding, adds masks the detector missed, chooses the
//! committee and releases the masked answers for scoring. Nothing here names an applicant: answers
//! carry a number that is random per question.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use domain::questionnaire::QuestionKind;
pub use domain::screening::{CueType, FindingDecision, FindingSource, LeakRate};

use crate::Language;
use crate::vacancy::VacancyStatus;

/// `GET /api/vacancies/{id}/screening`: where screening stands.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Screening {
    pub vacancy_id: Uuid,
    pub title: String,
    /// The vacancy's language: placeholders are in it (`[naam]` or `[name]`).
    pub language: Language,
    pub status: VacancyStatus,
    pub closes_at: Option<DateTime<Utc>>,
    /// Whether the recruiter can start screening now: published and past the deadline.
    pub can_start: bool,
    pub started_at: Option<DateTime<Utc>>,
    pub released_at: Option<DateTime<Utc>>,
    /// Submitted applications (when screening started: those screened).
    pub applications: u32,
    /// Applications that answered "no" to a knock-out question; their answers are not scored.
    pub knocked_out: u32,
    pub questions: Vec<ScreeningQuestion>,
    /// Findings without a decision; release waits until this is 0.
    pub pending: u32,
    /// From the release on: the share of answers with a confirmed cue, by type.
    pub leak_rate: Option<LeakRate>,
    pub committee: Vec<CommitteeMember>,
}

/// One question in words and its findings.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningQuestion {
    pub id: Uuid,
    pub kind: QuestionKind,
    pub prompt: String,
    pub answers: u32,
    /// Answers with at least one finding.
    pub flagged: u32,
    pub pending: u32,
    pub confirmed: u32,
}

/// One answer with its findings. `text` is the original; offsets count characters.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreenedAnswer {
    pub id: Uuid,
    /// "Antwoord 7": random per question, the same number the committee sees.
    pub number: u32,
    pub text: String,
    pub findings: Vec<Finding>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: Uuid,
    #[serde(rename = "type")]
    pub kind: CueType,
    pub start: u32,
    pub end: u32,
    pub confidence: f32,
    pub source: FindingSource,
    pub decision: FindingDecision,
}

/// `GET /api/vacancies/{id}/screening/questions/{question_id}`: a page of answers, by number.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreenedAnswerPage {
    pub items: Vec<ScreenedAnswer>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// `PUT /api/vacancies/{id}/screening/findings/{finding_id}`: mask it (`confirmed`) or leave it (`dismissed`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionInput {
    pub decision: FindingDecision,
}

/// `POST /api/vacancies/{id}/screening/answers/{answer_id}/masks`: a span the detector missed.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaskInput {
    #[serde(rename = "type")]
    pub kind: CueType,
    pub start: u32,
    pub end: u32,
}

/// A member of a vacancy's selection committee.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeMember {
    pub user_id: Uuid,
    pub display_name: String,
    pub chair: bool,
}

/// `GET /api/vacancies/{id}/committee`: the members and who else could sit on it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Committee {
    pub members: Vec<CommitteeMember>,
    /// Committee staff of the organisation, members included.
    pub candidates: Vec<StaffMember>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub user_id: Uuid,
    pub display_name: String,
}

/// `PUT /api/vacancies/{id}/committee`: the whole committee; the chair must be one of the members.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeInput {
    pub members: Vec<Uuid>,
    pub chair: Option<Uuid>,
}

/// At least this many independent scorers are advised; fewer than [`MIN_SCORERS`] gets a warning.
pub const ADVISED_SCORERS: usize = 3;
pub const MIN_SCORERS: usize = 2;
