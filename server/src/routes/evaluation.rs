//! The evaluation of a pilot, for its evaluators and admins: aggregates only. The funnel counts the
//! pilot's applicants (`crate::evaluation`: their furthest stage and their group, under the same
//! pseudonym) and hands them to `domain::evaluation::funnel`, which hides every count of fewer than
//! the pilot's k, and every count that a difference with another view would give back, and computes
//! nothing from a hidden count; the difference in differences likewise. Each can be filtered to the
//! vacancies of an organisation, a quarter, a salary band or any combination of them. No individual
//! record, and no pseudonym, leaves this module.

use std::collections::HashMap;

use api::evaluation::{Composition, DifferenceInDifferences, Effort, Experience, Funnel, Stage, Variable};
use api::pilot::ScaleBand;
use api::problem::Problem;
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::evaluation::effort::effort;
use domain::evaluation::experience::{scoring_workload, survey_summary};
use domain::evaluation::{Person, Quarter, View, composition, differences_in_differences, funnel};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::pilots;
use crate::error::ApiError;
use crate::evaluation::{Applicants, applicants, attempts, earlier_applicants, earlier_period, experience, k_of};
use crate::routes::pilots::readable;
use crate::startup::AppState;

/// The dashboard's filter: any of these, together; all the pilot's vacancies without.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ViewQuery {
    /// Only the vacancies of this organisation.
    #[serde(default)]
    organisation: Option<Uuid>,
    /// Only the vacancies published in this quarter, written as `2024-Q1`.
    #[serde(default)]
    #[param(value_type = Option<String>)]
    quarter: Option<Quarter>,
    /// Only the vacancies in this salary band.
    #[serde(default)]
    band: Option<ScaleBand>,
}

impl ViewQuery {
    /// The view asked for.
    pub(crate) fn view(&self) -> View {
        View { organisation: self.organisation, quarter: self.quarter, band: self.band }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct FunnelQuery {
    /// The monitoring variable to break down by; born in the Netherlands or not when left out.
    #[serde(default = "born_in_netherlands")]
    variable: Variable,
}

fn born_in_netherlands() -> Variable {
    Variable::BornInNetherlands
}

/// The funnel of a pilot per arm, group and stage, with rates, intervals, adverse-impact ratios and
/// Fisher's test; counts of fewer than k people hidden.
#[utoipa::path(get, path = "/pilots/{id}/funnel", tag = "evaluation", params(FunnelQuery, ViewQuery),
    responses((status = 200, body = Funnel), (status = 404, body = Problem)))]
pub async fn funnel_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<FunnelQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Json<Funnel>, ApiError> {
    let view = view.view();
    let pilot = readable(&state, &user, id).await?;
    Ok(Json(funnel_for(&pilot, &*applicants(&state, &pilot).await?, (query.variable, view))))
}

/// Who applied, by group: in the pilot arm and the control arm (as the funnel counts them) and to
/// the same organisations' vacancies in as long a period before the pilot, in the view. The earlier
/// period has quarters of its own: filtered to a quarter, it is the whole earlier period (of the
/// view's organisation and band).
#[utoipa::path(get, path = "/pilots/{id}/composition", tag = "evaluation", params(FunnelQuery, ViewQuery),
    responses((status = 200, body = Composition), (status = 404, body = Problem)))]
pub async fn composition_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<FunnelQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Json<Composition>, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    Ok(Json(composition_for(&state, &pilot, (query.variable, view.view())).await?))
}

/// The pool's composition by `variable` in `view`.
pub(crate) async fn composition_for(
    state: &AppState,
    pilot: &pilots::Model,
    (variable, view): (Variable, View),
) -> Result<Composition, ApiError> {
    let people = applicants(state, pilot).await?.people(variable);
    let earlier = earlier_applicants(state, pilot).await?.groups(variable);
    let k = k_of(pilot);
    let (groups, pools) = composition(&people, &earlier, view, u64::from(k));
    let (earlier_from, earlier_to) = earlier_period(pilot);
    Ok(Composition { variable, k, earlier_from, earlier_to, groups, pools })
}

/// Effort and drop-out per arm in the view: drafts started, how many reached each page and left
/// there, how many submitted and in how many minutes (median), and the days from closing to hire
/// (median).
#[utoipa::path(get, path = "/pilots/{id}/effort", tag = "evaluation", params(ViewQuery),
    responses((status = 200, body = Effort), (status = 404, body = Problem)))]
pub async fn effort_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(view): Query<ViewQuery>,
) -> Result<Json<Effort>, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    Ok(Json(effort_for(&state, &pilot, view.view()).await?))
}

pub(crate) async fn effort_for(state: &AppState, pilot: &pilots::Model, view: View) -> Result<Effort, ApiError> {
    let read = attempts(state, pilot).await?;
    let k = k_of(pilot);
    Ok(Effort { k, arms: effort(&read.attempts, &read.hires, view, u64::from(k)) })
}

/// Experience and workload per arm in the view: the applicants' surveys after submitting and after
/// the outcome, the committee's survey, statement by statement, and the minutes on the scoring
/// screens (the committee's on the sift, the interviewers' on the scorecards).
#[utoipa::path(get, path = "/pilots/{id}/experience", tag = "evaluation", params(ViewQuery),
    responses((status = 200, body = Experience), (status = 404, body = Problem)))]
pub async fn experience_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(view): Query<ViewQuery>,
) -> Result<Json<Experience>, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    Ok(Json(experience_for(&state, &pilot, view.view()).await?))
}

pub(crate) async fn experience_for(
    state: &AppState,
    pilot: &pilots::Model,
    view: View,
) -> Result<Experience, ApiError> {
    let read = experience(state, pilot).await?;
    let k = k_of(pilot);
    Ok(Experience {
        k,
        statements: survey_summary(&read.responses, view, u64::from(k)),
        scoring: scoring_workload(&read.seats, view, u64::from(k)),
        interviewing: scoring_workload(&read.interviews, view, u64::from(k)),
    })
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DidQuery {
    /// The monitoring variable; born in the Netherlands or not when left out.
    #[serde(default = "born_in_netherlands")]
    variable: Variable,
    /// The stage whose pass-through rate is compared; passing the sift when left out.
    #[serde(default = "passed_sift")]
    stage: Stage,
    /// The reference group; the largest group that said something when left out.
    #[serde(default)]
    reference: Option<String>,
}

fn passed_sift() -> Stage {
    Stage::PassedSift
}

/// The difference in differences of every group against the reference group at a stage: the gap in
/// the pilot arm minus the gap in the control arm, with a 95 % bootstrap interval over vacancies
/// (from the pilot's seed, so it can be reproduced). Nothing from fewer than k people.
#[utoipa::path(get, path = "/pilots/{id}/did", tag = "evaluation", params(DidQuery, ViewQuery),
    responses((status = 200, body = DifferenceInDifferences), (status = 404, body = Problem)))]
pub async fn did_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<DidQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Json<DifferenceInDifferences>, ApiError> {
    let view = view.view();
    let pilot = readable(&state, &user, id).await?;
    let applicants = applicants(&state, &pilot).await?;
    Ok(Json(did_for(&pilot, &applicants, (query.variable, view, query.stage), query.reference)))
}

/// The funnel of `applicants` by `variable` in `view`.
pub(crate) fn funnel_for(pilot: &pilots::Model, applicants: &Applicants, (variable, view): (Variable, View)) -> Funnel {
    let k = k_of(pilot);
    Funnel { variable, k, arms: funnel(&applicants.people(variable), view, u64::from(k)) }
}

/// The difference in differences of `applicants` by `variable` in `view` at `stage`, against
/// `reference` or else the largest group.
pub(crate) fn did_for(
    pilot: &pilots::Model,
    applicants: &Applicants,
    (variable, view, stage): (Variable, View, Stage),
    reference: Option<String>,
) -> DifferenceInDifferences {
    let people = applicants.people(variable);
    let reference = reference.unwrap_or_else(|| largest_group(&people));
    let seed = u64::from_ne_bytes(pilot.seed.to_ne_bytes());
    let k = u64::from(k_of(pilot));
    let rows = differences_in_differences(&people, (view, stage), &reference, k, (RESAMPLES, seed));
    DifferenceInDifferences { variable, stage, reference, resamples: RESAMPLES as u32, rows }
}

/// Bootstrap draws: enough for a stable 95 % percentile interval.
const RESAMPLES: usize = 2000;

/// The group with the most people that is not `unknown`.
fn largest_group(people: &[Person]) -> String {
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for person in people.iter().filter(|p| p.group != "unknown") {
        *sizes.entry(person.group.as_str()).or_default() += 1;
    }
    sizes
        .into_iter()
        .max_by_key(|(group, size)| (*size, std::cmp::Reverse(*group)))
        .map_or_else(String::new, |(g, _)| g.to_owned())
}
