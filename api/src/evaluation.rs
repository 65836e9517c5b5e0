//! The evaluation on the wire: aggregates only, with every count of fewer than the pilot's k hidden.

use serde::{Deserialize, Serialize};

pub use domain::evaluation::reliability::{Agreement, PositionEffect, ReliabilitySummary};
pub use domain::evaluation::{ArmFunnel, DidRow, FunnelCell, Stage, StageRow, Variable};
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
