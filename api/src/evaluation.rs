//! The evaluation on the wire: aggregates only, with every count of fewer than the pilot's k hidden.

use serde::{Deserialize, Serialize};

pub use domain::evaluation::{ArmFunnel, DidRow, FunnelCell, Stage, StageRow, Variable};

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
