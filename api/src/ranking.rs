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
    /// Their labels, listed apart.
    #[serde(default)]
    pub knocked_out_labels: Vec<String>,
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

/// How the recruiter chose the shortlist.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShortlistMethod {
    /// The first N of the ranking.
    Top,
    /// Everyone with a sift score of at least the threshold.
    Threshold,
    /// Chosen by hand, by label; the rationale says why it departs from the ranking.
    HandPicked,
}

impl ShortlistMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            ShortlistMethod::Top => "top",
            ShortlistMethod::Threshold => "threshold",
            ShortlistMethod::HandPicked => "hand_picked",
        }
    }

    pub fn parse(name: &str) -> Option<ShortlistMethod> {
        [ShortlistMethod::Top, ShortlistMethod::Threshold, ShortlistMethod::HandPicked]
            .into_iter()
            .find(|m| m.as_str() == name)
    }
}

/// `POST /api/vacancies/{id}/shortlist`: fixed once, with a rationale, before anyone is unblinded.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortlistInput {
    pub method: ShortlistMethod,
    #[serde(default)]
    pub top: Option<u32>,
    #[serde(default)]
    pub threshold: Option<f64>,
    #[serde(default)]
    pub labels: Vec<String>,
    pub rationale: String,
}

/// The fixed shortlist and where unblinding stands.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shortlist {
    pub method: ShortlistMethod,
    pub rationale: String,
    pub decided_at: chrono::DateTime<chrono::Utc>,
    pub candidates: Vec<RankedCandidate>,
    /// Candidates not on the shortlist; they were told by e-mail, and are never unblinded.
    pub not_shortlisted: u32,
    pub unblinding: Unblinding,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unblinding {
    NotRequested,
    /// The recruiter asked; the committee chair has not confirmed yet.
    Requested,
    Confirmed,
}

/// `GET /api/vacancies/{id}/shortlist/identities`: the contact details of the shortlisted only.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortlistedIdentity {
    pub rank: u32,
    pub label: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
}
