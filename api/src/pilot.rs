//! Pilots on the wire: a pilot with its organisations, evaluators and vacancies by arm, the
//! assignment log, and the outcomes a recruiter records for a control vacancy.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use domain::control::ControlOutcome;
pub use domain::pilot::{DEFAULT_K, ScaleBand};
pub use domain::vacancy::Arm;

use crate::organisation::Organisation;
use crate::screening::StaffMember;

/// `POST /api/pilots`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PilotInput {
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The suppression threshold: 5 when left out.
    #[serde(default)]
    pub k: Option<u16>,
    pub organisations: Vec<Uuid>,
    #[serde(default)]
    pub evaluators: Vec<Uuid>,
}

/// `GET /api/pilots`: one line per pilot.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PilotSummary {
    pub id: Uuid,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// `GET /api/pilots/{id}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pilot {
    pub id: Uuid,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub k: u16,
    pub organisations: Vec<Organisation>,
    pub evaluators: Vec<StaffMember>,
    /// The vacancies of its organisations published in its period, with their arm.
    pub vacancies: Vec<PilotVacancy>,
    /// Candidates for evaluators: staff with the evaluator role.
    pub evaluator_candidates: Vec<StaffMember>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PilotVacancy {
    pub id: Uuid,
    pub title: String,
    pub organisation: String,
    pub band: ScaleBand,
    pub arm: Option<Arm>,
}

/// `GET /api/pilots/{id}/assignments`: the assignment log, newest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArmAssignment {
    pub vacancy_id: Uuid,
    pub vacancy_title: String,
    pub arm: Arm,
    pub method: AssignmentMethod,
    pub stratum: String,
    pub seed: Option<i64>,
    pub reason: Option<String>,
    pub assigned_at: DateTime<Utc>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentMethod {
    Random,
    Manual,
}

impl AssignmentMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            AssignmentMethod::Random => "random",
            AssignmentMethod::Manual => "manual",
        }
    }
}

/// `PUT /api/pilots/{id}/vacancies/{vacancy}/arm`: an arm chosen by hand, with the reason.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualArmInput {
    pub arm: Arm,
    pub reason: String,
}

/// `POST /api/pilots/{id}/assignment`: how many vacancies were assigned now.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentDone {
    pub assigned: u32,
}

/// `GET /api/vacancies/{id}/control-outcomes?page=…`: the applicants of a control vacancy, a page
/// at a time by name, each with the furthest outcome recorded.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlOutcomes {
    pub vacancy_id: Uuid,
    pub title: String,
    pub items: Vec<ControlApplicant>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

/// One applicant of a control vacancy. The regular procedure selects on CVs, by name.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlApplicant {
    pub application_id: Uuid,
    pub reference: String,
    pub name: String,
    /// None until an outcome is recorded.
    pub outcome: Option<ControlOutcome>,
}

/// `PUT /api/vacancies/{id}/control-outcomes/{application}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlOutcomeInput {
    pub outcome: ControlOutcome,
}
