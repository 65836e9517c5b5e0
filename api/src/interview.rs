//! The structured interview on the wire: the kit and its question bank, the traceability of
//! requirements, the interviewers, the scorecard and the consensus view, the recruiter's overview and
//! decisions, and the feedback report a candidate reads on their status page.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use domain::decision::{Band, OfferResponse, Outcome};
pub use domain::interview::{Anchors, InterviewBankEntry, InterviewQuestion, InterviewQuestionKind};
pub use domain::vacancy::RequirementKind;

use crate::committee::ScoreChange;
use crate::screening::StaffMember;

/// Fewer interviewers than this cannot give independent ratings to combine.
pub const ADVISED_INTERVIEWERS: usize = 2;

/// `GET/PUT /api/vacancies/{id}/interview/kit`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewKit {
    pub vacancy_id: Uuid,
    pub vacancy_title: String,
    /// In interview order.
    pub questions: Vec<InterviewQuestion>,
    /// Frozen since the first interview was scored: every candidate gets the same questions.
    pub frozen: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewKitInput {
    pub questions: Vec<InterviewQuestion>,
}

/// `GET /api/vacancies/{id}/traceability`: the vacancy's requirements against what assesses them.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Traceability {
    pub requirements: Vec<TracedRequirement>,
    /// Questionnaire items that assess no requirement of the vacancy.
    pub unlinked_questions: Vec<TracedItem>,
    /// Interview questions that assess no requirement of the vacancy.
    pub unlinked_interview_questions: Vec<TracedItem>,
    /// Nothing flagged.
    pub complete: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TracedRequirement {
    pub id: Uuid,
    pub text: String,
    pub kind: RequirementKind,
    pub questions: Vec<TracedItem>,
    pub interview_questions: Vec<TracedItem>,
    /// A must-have requirement that nothing assesses.
    pub flagged: bool,
}

/// A questionnaire item or interview question, by its place (1-based) and text.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TracedItem {
    pub id: Uuid,
    pub number: u32,
    pub prompt: String,
}

/// `GET/PUT /api/vacancies/{id}/interviewers`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interviewers {
    pub interviewers: Vec<StaffMember>,
    /// Staff who could interview: committee members and recruiters of the organisation.
    pub candidates: Vec<StaffMember>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewersInput {
    pub interviewers: Vec<Uuid>,
}

/// `GET /api/interviews`: a vacancy the signed-in staff member interviews for.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewAssignment {
    pub vacancy_id: Uuid,
    pub title: String,
    /// The shortlist is unblinded and the kit exists: the interviews can be scored.
    pub open: bool,
    pub candidates: Vec<InterviewCandidate>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewCandidate {
    pub application_id: Uuid,
    pub label: String,
    pub name: String,
    /// The signed-in interviewer submitted their scores for this candidate.
    pub submitted: bool,
    /// Every interviewer submitted: the consensus view is open.
    pub consensus_open: bool,
}

/// `GET /api/interviews/{vacancy}/{application}`: the interviewer's scorecard for one candidate.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorecard {
    pub vacancy_id: Uuid,
    pub vacancy_title: String,
    pub application_id: Uuid,
    pub label: String,
    pub name: String,
    /// The kit, in interview order.
    pub questions: Vec<InterviewQuestion>,
    /// The interviewer's own scores and notes, one per question answered so far.
    pub entries: Vec<ScorecardEntry>,
    pub submitted: bool,
    pub consensus_open: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScorecardEntry {
    pub question_id: Uuid,
    pub score: Option<u8>,
    pub note: Option<String>,
}

/// `PUT /api/interviews/{vacancy}/{application}/scores`: autosave of one question.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScorecardInput {
    pub question_id: Uuid,
    pub score: Option<u8>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `GET /api/interviews/{vacancy}/{application}/consensus`: every interviewer's scores side by side,
/// once all of them submitted.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consensus {
    pub label: String,
    pub name: String,
    pub questions: Vec<ConsensusQuestion>,
    /// The weighted mean over questions of the mean over interviewers, 1 to 5.
    pub interview_score: f64,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsensusQuestion {
    pub question_id: Uuid,
    pub prompt: String,
    pub anchors: Anchors,
    pub scores: Vec<InterviewerScore>,
    /// Scores two or more points apart: talk about this one.
    pub disagreement: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewerScore {
    pub interviewer: String,
    /// The signed-in interviewer's own score: the one they may change.
    pub own: bool,
    pub score: u8,
    pub note: Option<String>,
    pub changes: Vec<ScoreChange>,
}

/// `POST /api/interviews/{vacancy}/{application}/changes`: a sealed score changed with a reason.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewScoreChangeInput {
    pub question_id: Uuid,
    pub score: u8,
    pub reason: String,
}

/// `GET /api/vacancies/{id}/interviews`: the recruiter's overview of the interviews and decisions.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewOverview {
    pub interviewers: Vec<StaffMember>,
    pub kit_questions: u32,
    pub kit_frozen: bool,
    /// The shortlist, in sift order.
    pub candidates: Vec<InterviewResult>,
    /// Candidates not selected (at the sift or after the interview) who have a feedback report.
    pub reports_sent: u32,
    /// Candidates not selected who could get a report and have none yet.
    pub reports_pending: u32,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewResult {
    pub application_id: Uuid,
    pub label: String,
    pub name: String,
    pub sift_rank: u32,
    pub sift_score: f64,
    /// Interviewers who submitted, of all interviewers; scores stay hidden until all did.
    pub submitted: u32,
    pub interview_score: Option<f64>,
    /// By interview score, once every interviewer submitted.
    pub interview_rank: Option<u32>,
    pub decision: Option<Decision>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    pub rationale: String,
    pub departs_from_ranking: bool,
    pub decided_at: DateTime<Utc>,
    pub response: Option<OfferResponse>,
    pub hired: bool,
}

/// `PUT /api/vacancies/{id}/interviews/{application}/decision`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionInput {
    pub outcome: Outcome,
    pub rationale: String,
}

/// `POST /api/vacancies/{id}/interviews/{application}/response`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferResponseInput {
    pub response: OfferResponse,
}

/// `POST /api/vacancies/{id}/feedback`: how many reports went out.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackSent {
    pub sent: u32,
}

/// A candidate's feedback report: their band per assessed criterion against the pool, and what the
/// scoring guide looked for. Never a rank, never anyone else's data.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackReport {
    pub vacancy_title: String,
    pub criteria: Vec<FeedbackCriterion>,
    /// Fewer than six candidates were interviewed: bands would give away a rank, so the interview
    /// questions are listed without one.
    pub interview_pool_too_small: bool,
    pub created_at: DateTime<Utc>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackStage {
    /// The written questionnaire, scored blind.
    Sift,
    /// The structured interview.
    Interview,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackCriterion {
    pub stage: FeedbackStage,
    pub question: String,
    /// The requirements of the vacancy this question assessed.
    pub requirements: Vec<String>,
    /// What the scoring guide described as a strong answer (its anchor at 5).
    pub looked_for: String,
    /// `None` where the pool is too small to compare without giving away a rank.
    pub band: Option<Band>,
}
