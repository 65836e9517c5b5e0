//! The evaluation on the wire: aggregates only, with every count of fewer than the pilot's k hidden.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use domain::evaluation::effort::{ArmEffort, PageReach};
pub use domain::evaluation::experience::{ScoringWorkload, StatementSummary};
pub use domain::evaluation::reliability::{Agreement, PositionEffect, ReliabilitySummary};
pub use domain::evaluation::{ArmFunnel, DidRow, FunnelCell, Pool, PoolCell, PoolColumn, Stage, StageRow, Variable};
pub use domain::survey::{Statement, SurveyMoment};
use uuid::Uuid;

/// `GET /api/pilots/{id}/funnel?variable=…`: the funnel per arm, group and stage.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    pub variable: Variable,
    /// No number shown comes from fewer than k people.
    pub k: u16,
    pub arms: Vec<ArmFunnel>,
}

/// `GET /api/pilots/{id}/composition?variable=…`: who applied, by group, in the pilot arm, the
/// control arm and the same organisations' vacancies in the period before the pilot.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Composition {
    pub variable: Variable,
    pub k: u16,
    /// The earlier period: as long as the pilot's, up to the day before it starts.
    pub earlier_from: NaiveDate,
    pub earlier_to: NaiveDate,
    /// The groups, in the order of each pool's cells.
    pub groups: Vec<String>,
    pub pools: Vec<PoolColumn>,
}

/// `GET /api/pilots/{id}/effort`: per arm, drop-out per page of the questionnaire, the time to
/// submit and the time to hire.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Effort {
    pub k: u16,
    pub arms: Vec<ArmEffort>,
}

/// `GET /api/pilots/{id}/experience`: per arm, the surveys statement by statement and the
/// committee's time on the scoring screens.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Experience {
    pub k: u16,
    /// Both arms, every moment, every statement, in that order.
    pub statements: Vec<StatementSummary>,
    /// The committee's time on the sift's screens, per answer.
    pub scoring: Vec<ScoringWorkload>,
    /// The interviewers' time on the scorecards, per candidate.
    #[serde(default)]
    pub interviewing: Vec<ScoringWorkload>,
}

/// `GET /api/pilots/{id}/fidelity?page=…`: how far each vacancy of the pilot ran the interventions,
/// a page of vacancies by title.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fidelity {
    pub k: u16,
    pub vacancies: Vec<VacancyFidelity>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// One vacancy's fidelity to the interventions. Nothing here is about a person; the leak rate is
/// left out below k screened applications.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VacancyFidelity {
    pub vacancy_id: Uuid,
    pub title: String,
    pub arm: Option<crate::vacancy::Arm>,
    /// Findings of the inclusive-language check on the first draft and on the published text;
    /// none where the text was not checked at that point.
    pub findings_first_draft: Option<u32>,
    pub findings_published: Option<u32>,
    /// The share of screened answers in which an identity cue was found and masked.
    pub leak_rate: Option<f64>,
    /// Committee members who sealed their scores before seeing anyone else's.
    pub independent_scorers: u32,
    /// The share of the committee's scores given sealed, before any discussion; none without scores.
    pub sealed_share: Option<f64>,
    /// Scorecards submitted with the structured interview kit.
    pub interview_scorecards: u32,
    /// Every must-have requirement assessed, and every question and interview question linked to a
    /// requirement.
    pub traceable: bool,
}

/// `GET /api/pilots/{id}/did?variable=…&stage=…&reference=…`: each group's gap to the reference
/// group in the pilot arm minus that gap in the control arm.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DifferenceInDifferences {
    pub variable: Variable,
    pub stage: Stage,
    pub reference: String,
    /// Bootstrap draws behind each interval.
    pub resamples: u32,
    pub rows: Vec<DidRow>,
}

/// Whose scores the reliability is about.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreSource {
    /// The committee's scores of the answers.
    #[default]
    Sift,
    /// The interviewers' scores.
    Interview,
}

impl ScoreSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ScoreSource::Sift => "sift",
            ScoreSource::Interview => "interview",
        }
    }
}

/// A question's agreement, with its prompt.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReliabilityQuestion {
    pub label: String,
    pub agreement: Agreement,
}

/// A vacancy's reliability: its questions in order, all questions together, and its scorers'
/// leniency without names.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReliabilityVacancy {
    pub vacancy_id: Uuid,
    pub title: String,
    pub questions: Vec<ReliabilityQuestion>,
    pub overall: Agreement,
    /// Points against the panel, most lenient first; empty below k candidates.
    pub leniency: Vec<f64>,
}

/// `GET /api/pilots/{id}/reliability?source=…&page=…`: the pilot's medians and position effect, and
/// a page of its vacancies with scores, by title.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reliability {
    pub source: ScoreSource,
    pub k: u16,
    pub summary: ReliabilitySummary,
    /// The sift only: none in the interview, or below k candidates.
    pub position: Option<PositionEffect>,
    pub vacancies: Vec<ReliabilityVacancy>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}
