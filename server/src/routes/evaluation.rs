//! The evaluation of a pilot, for its evaluators and admins: aggregates only. The funnel joins the
//! pseudonymous stage events of the pilot's vacancies with the voluntary monitoring answers under
//! the same pseudonym, and hands the people to `domain::evaluation::funnel`, which hides every count
//! of fewer than the pilot's k and computes nothing from a hidden count; the difference in
//! differences likewise. No individual record, and no pseudonym, leaves this module except to
//! `export`, which pseudonymises them again for the bundle's event log.

use std::collections::HashMap;

use api::evaluation::{DifferenceInDifferences, Funnel, Stage, Variable};
use api::problem::Problem;
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::evaluation::{Background, Person, differences_in_differences, funnel, group_of};
use domain::monitoring::MonitoringAnswers;
use domain::vacancy::Arm;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
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
    Ok(Json(funnel_for(&pilot, &applicants_of(&state, &pilot).await?, query.variable)))
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
    let applicants = applicants_of(&state, &pilot).await?;
    Ok(Json(did_for(&pilot, &applicants, (query.variable, query.stage), query.reference)))
}

/// The funnel of `applicants` by `variable`.
pub(crate) fn funnel_for(pilot: &pilots::Model, applicants: &[Applicant], variable: Variable) -> Funnel {
    let k = k_of(pilot);
    Funnel { variable, k, arms: funnel(&people(applicants, variable), u64::from(k)) }
}

/// The difference in differences of `applicants` by `variable` at `stage`, against `reference` or
/// else the largest group.
pub(crate) fn did_for(
    pilot: &pilots::Model,
    applicants: &[Applicant],
    (variable, stage): (Variable, Stage),
    reference: Option<String>,
) -> DifferenceInDifferences {
    let people = people(applicants, variable);
    let reference = reference.unwrap_or_else(|| largest_group(&people));
    let seed = u64::from_ne_bytes(pilot.seed.to_ne_bytes());
    let rows = differences_in_differences(&people, stage, &reference, u64::from(k_of(pilot)), (RESAMPLES, seed));
    DifferenceInDifferences { variable, stage, reference, resamples: RESAMPLES as u32, rows }
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

/// One applicant to a vacancy of the pilot with an arm, as the evaluation knows them: their
/// pseudonym, vacancy, arm, every event of their procedure and their monitoring answers. It never
/// leaves the server: the funnel counts them, the bundle's event log pseudonymises them again.
pub(crate) struct Applicant {
    pub subject: String,
    pub vacancy: Uuid,
    pub arm: Arm,
    /// Oldest first.
    pub events: Vec<application_events::Model>,
    answers: Option<MonitoringAnswers>,
    born_in_netherlands: Option<bool>,
    continent: Option<String>,
}

impl Applicant {
    /// The furthest stage reached, for those who submitted an application.
    pub fn reached(&self) -> Option<Stage> {
        let stages = || self.events.iter().filter_map(|e| Stage::of_event(&e.kind));
        stages().any(|s| s == Stage::Applied).then(|| stages().max()).flatten()
    }

    /// Their group for `variable`; `unknown` where they did not say.
    pub fn group(&self, variable: Variable) -> String {
        let background = Background {
            answers: self.answers.as_ref(),
            born_in_netherlands: self.born_in_netherlands,
            continent: self.continent.as_deref(),
        };
        group_of(variable, &background)
    }
}

/// The people the funnel counts for `variable`: every applicant who submitted.
pub(crate) fn people(applicants: &[Applicant], variable: Variable) -> Vec<Person> {
    applicants
        .iter()
        .filter_map(|a| {
            Some(Person { vacancy: a.vacancy, arm: a.arm, group: a.group(variable), reached: a.reached()? })
        })
        .collect()
}

/// Every applicant to a vacancy of the pilot with an arm, from the pseudonymous events and the
/// monitoring answers under the same pseudonym.
pub(crate) async fn applicants_of(state: &AppState, pilot: &pilots::Model) -> Result<Vec<Applicant>, ApiError> {
    let arms: HashMap<Uuid, Arm> = vacancies_of(&state.db, pilot)
        .await?
        .into_iter()
        .filter_map(|v| Some((v.id, Arm::parse(v.arm.as_deref()?)?)))
        .collect();
    let events = application_events::Entity::find()
        .filter(application_events::Column::VacancyId.is_in(arms.keys().copied()))
        .order_by_asc(application_events::Column::At)
        .order_by_asc(application_events::Column::Id)
        .all(&state.db)
        .await?;
    let mut monitoring: HashMap<String, monitoring_responses::Model> = monitoring_responses::Entity::find()
        .filter(monitoring_responses::Column::VacancyId.is_in(arms.keys().copied()))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|row| (row.pseudonym.clone(), row))
        .collect();
    let mut applicants: HashMap<String, Applicant> = HashMap::new();
    for event in events {
        let Some(&arm) = arms.get(&event.vacancy_id) else { continue };
        let subject = event.subject.clone();
        let applicant = applicants.entry(subject.clone()).or_insert_with(|| {
            let row = monitoring.remove(&subject);
            Applicant {
                vacancy: event.vacancy_id,
                arm,
                events: Vec::new(),
                answers: row.as_ref().and_then(|r| serde_json::from_str(&r.answers).ok()),
                born_in_netherlands: row.as_ref().and_then(|r| r.born_in_netherlands),
                continent: row.and_then(|r| r.continent),
                subject,
            }
        });
        applicant.events.push(event);
    }
    let mut applicants: Vec<Applicant> = applicants.into_values().collect();
    applicants.sort_by(|a, b| a.subject.cmp(&b.subject));
    Ok(applicants)
}
