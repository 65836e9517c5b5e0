//! What a committee member reads: the vacancies they sit on, once released for scoring, and their
//! answers question by question, masked as screening left them. Nothing here can identify anyone.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use domain::questionnaire::{QuestionKind, ScoringGuide};

use crate::vacancy::VacancyStatus;

/// `GET /api/committee/vacancies`: one vacancy the member sits on.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedVacancy {
    pub id: Uuid,
    pub title: String,
    pub status: VacancyStatus,
    pub chair: bool,
    /// Whether the answers have been released for scoring.
    pub released: bool,
}

/// `GET /api/committee/vacancies/{id}`: the questions the committee scores, with their guides.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeVacancy {
    pub id: Uuid,
    pub title: String,
    /// Whether this member confirmed the conduct statement; scoring waits for it.
    pub conduct_confirmed: bool,
    /// Whether this member chairs the committee.
    #[serde(default)]
    pub chair: bool,
    /// For the chair: the recruiter asked to unblind the shortlist and waits for the confirmation.
    #[serde(default)]
    pub unblinding_requested: bool,
    /// The shortlist has been unblinded (the recruiter sees its contact details; members never do).
    #[serde(default)]
    pub unblinding_confirmed: bool,
    pub questions: Vec<CommitteeQuestion>,
    /// The committee survey can be answered: this member sealed every question and has not
    /// answered it yet.
    #[serde(default)]
    pub survey_open: bool,
    #[serde(default)]
    pub survey_answered: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeQuestion {
    pub id: Uuid,
    pub kind: QuestionKind,
    pub prompt: String,
    pub scenario: Option<String>,
    pub guide: ScoringGuide,
    pub weight: u8,
    pub answers: u32,
    /// Answers this member has scored.
    #[serde(default)]
    pub scored: u32,
    /// Whether this member sealed the question.
    #[serde(default)]
    pub sealed: bool,
    /// Whether every member sealed it, so the panel's scores can be seen.
    #[serde(default)]
    pub panel_open: bool,
}

/// `GET /api/committee/vacancies/{id}/questions/{question_id}/sift`: the answers to one question in
/// this member's own order, with their own scores so far.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sift {
    pub vacancy_id: Uuid,
    pub question: CommitteeQuestion,
    pub answers: Vec<SiftAnswer>,
    pub sealed: bool,
    pub members: u32,
    pub members_sealed: u32,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiftAnswer {
    /// The answer's number for this question ("Antwoord 7").
    pub number: u32,
    /// Where it stands in this member's order (1-based).
    pub position: u32,
    pub text: String,
    pub score: Option<u8>,
    pub note: Option<String>,
}

/// `POST …/questions/{question_id}/time`: what the scoring screen measured since its last report.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringTimeInput {
    /// Seconds the scoring screen was in use since its last report, 1 to 600.
    pub seconds: u32,
}

/// `PUT …/sift/{number}`: a score of 1 to 5 and an optional note; saved as often as it changes.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreInput {
    pub score: u8,
    #[serde(default)]
    pub note: Option<String>,
}

/// `GET …/panel`: once every member sealed the question, each answer's scores side by side.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Panel {
    pub question: CommitteeQuestion,
    pub answers: Vec<PanelAnswer>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PanelAnswer {
    pub number: u32,
    pub text: String,
    pub scores: Vec<PanelScore>,
    pub mean: f64,
    /// The scores differ by 2 or more: a point for the calibration discussion.
    pub disagreement: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelScore {
    pub member: String,
    pub score: u8,
    pub note: Option<String>,
    /// Whether it is the signed-in member's own score (which they may change, with a reason).
    #[serde(default)]
    pub own: bool,
    /// Changes made in calibration, oldest first.
    #[serde(default)]
    pub changes: Vec<ScoreChange>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreChange {
    pub old: u8,
    pub new: u8,
    pub reason: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// `PUT …/sift/{number}/change`: in calibration, a sealed score changed with a reason.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreChangeInput {
    pub score: u8,
    pub reason: String,
}
