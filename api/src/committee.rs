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
    pub questions: Vec<CommitteeQuestion>,
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
}

/// An answer as the committee reads it: masked, with its number for this question only.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaskedAnswer {
    pub number: u32,
    pub text: String,
}

/// `GET /api/committee/vacancies/{id}/questions/{question_id}/answers`: a page, by number.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaskedAnswerPage {
    pub items: Vec<MaskedAnswer>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}
