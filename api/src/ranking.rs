//! What the recruiter sees of the sift: how far each member is (never their scores), and once every
//! member sealed every question, the ranking of pseudonymous candidates.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `GET /api/vacancies/{id}/scoring`: progress per member and per question, without scores.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringProgress {
    pub members: Vec<MemberProgress>,
    pub questions: Vec<QuestionProgress>,
    /// Every member sealed every question: the ranking can be seen.
    pub complete: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberProgress {
    pub display_name: String,
    pub chair: bool,
    pub conduct_confirmed: bool,
    pub questions_sealed: u32,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionProgress {
    pub id: Uuid,
    pub prompt: String,
    pub members_sealed: u32,
}

/// `GET /api/vacancies/{id}/ranking`: candidates by sift score, known only by a random label.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    pub candidates: Vec<RankedCandidate>,
    /// Applications out on a knock-out question; not ranked.
    pub knocked_out: u32,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedCandidate {
    pub rank: u32,
    /// The application's random label, e.g. `K7Q2MX0R`: no name, no order of arrival.
    pub label: String,
    /// The weighted mean over questions of the mean over members, 1 to 5.
    pub score: f64,
    /// How far apart the members' own weighted means are.
    pub spread: f64,
}
