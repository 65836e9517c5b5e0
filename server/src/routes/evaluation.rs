//! The evaluation of a pilot, for its evaluators and admins: aggregates only. The funnel joins the
//! pseudonymous stage events of the pilot's vacancies with the voluntary monitoring answers under
//! the same pseudonym, and hands the people to `domain::evaluation::funnel`, which hides every count
//! of fewer than the pilot's k and computes nothing from a hidden count; the difference in
//! differences likewise. No individual record, and no pseudonym, leaves this module.

use std::collections::HashMap;

use api::evaluation::{DifferenceInDifferences, Funnel, Stage, Variable};
use api::problem::Problem;
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::evaluation::{Background, Person, differences_in_differences, funnel, group_of};
use domain::monitoring::MonitoringAnswers;
use domain::vacancy::Arm;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::{application_events, monitoring_responses, pilots};
use crate::error::ApiError;
use crate::routes::pilots::{readable, vacancies_of};
use crate::startup::AppState;

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
#[utoipa::path(get, path = "/pilots/{id}/funnel", tag = "evaluation", params(FunnelQuery),
    responses((status = 200, body = Funnel), (status = 404, body = Problem)))]
pub async fn funnel_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<FunnelQuery>,
) -> Result<Json<Funnel>, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    let people = people_of(&state, &pilot, query.variable).await?;
    let k = k_of(&pilot);
    Ok(Json(Funnel { variable: query.variable, k, arms: funnel(&people, u64::from(k)) }))
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
#[utoipa::path(get, path = "/pilots/{id}/did", tag = "evaluation", params(DidQuery),
    responses((status = 200, body = DifferenceInDifferences), (status = 404, body = Problem)))]
pub async fn did_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<DidQuery>,
) -> Result<Json<DifferenceInDifferences>, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    let people = people_of(&state, &pilot, query.variable).await?;
    let reference = query.reference.unwrap_or_else(|| largest_group(&people));
    let seed = u64::from_ne_bytes(pilot.seed.to_ne_bytes());
    let rows = differences_in_differences(&people, query.stage, &reference, u64::from(k_of(&pilot)), (RESAMPLES, seed));
    Ok(Json(DifferenceInDifferences {
        variable: query.variable,
        stage: query.stage,
        reference,
        resamples: RESAMPLES as u32,
        rows,
    }))
}

/// Bootstrap draws: enough for a stable 95 % percentile interval.
const RESAMPLES: usize = 2000;

pub(crate) fn k_of(pilot: &pilots::Model) -> u16 {
    u16::try_from(pilot.k).unwrap_or(domain::pilot::DEFAULT_K)
}

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

/// Every applicant to a vacancy of the pilot with an arm: their vacancy, arm, group for
/// `variable` and furthest stage. Built from the pseudonymous events and monitoring answers; it
/// never leaves the server.
async fn people_of(state: &AppState, pilot: &pilots::Model, variable: Variable) -> Result<Vec<Person>, ApiError> {
    let arms: HashMap<Uuid, Arm> = vacancies_of(&state.db, pilot)
        .await?
        .into_iter()
        .filter_map(|v| Some((v.id, Arm::parse(v.arm.as_deref()?)?)))
        .collect();
    let events = application_events::Entity::find()
        .filter(application_events::Column::VacancyId.is_in(arms.keys().copied()))
        .all(&state.db)
        .await?;
    // Per pseudonymous applicant: their vacancy and arm, the furthest stage, and whether they applied.
    let mut reached: HashMap<String, (Uuid, Arm, Option<Stage>, bool)> = HashMap::new();
    for event in &events {
        let Some(&arm) = arms.get(&event.vacancy_id) else { continue };
        let entry = reached.entry(event.subject.clone()).or_insert((event.vacancy_id, arm, None, false));
        if let Some(stage) = Stage::of_event(&event.kind) {
            entry.2 = entry.2.max(Some(stage));
            entry.3 |= stage == Stage::Applied;
        }
    }
    let monitoring: HashMap<String, monitoring_responses::Model> = monitoring_responses::Entity::find()
        .filter(monitoring_responses::Column::VacancyId.is_in(arms.keys().copied()))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|row| (row.pseudonym.clone(), row))
        .collect();
    let mut people = Vec::new();
    for (subject, (vacancy, arm, stage, applied)) in reached {
        let (true, Some(stage)) = (applied, stage) else { continue };
        let row = monitoring.get(&subject);
        let answers: Option<MonitoringAnswers> = row.and_then(|r| serde_json::from_str(&r.answers).ok());
        let background = Background {
            answers: answers.as_ref(),
            born_in_netherlands: row.and_then(|r| r.born_in_netherlands),
            continent: row.and_then(|r| r.continent.as_deref()),
        };
        people.push(Person { vacancy, arm, group: group_of(variable, &background), reached: stage });
    }
    Ok(people)
}
