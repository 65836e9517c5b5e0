//! The evaluation of a pilot, for its evaluators and admins: aggregates only. The funnel joins the
//! pseudonymous stage events of the pilot's vacancies with the voluntary monitoring answers under
//! the same pseudonym, and hands the people to `domain::evaluation::funnel`, which hides every count
//! of fewer than the pilot's k and computes nothing from a hidden count. No individual record, and
//! no pseudonym, leaves this module.

use std::collections::HashMap;

use api::evaluation::{Funnel, Variable};
use api::problem::Problem;
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::evaluation::{Background, Person, Stage, funnel, group_of};
use domain::monitoring::MonitoringAnswers;
use domain::vacancy::Arm;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::{application_events, monitoring_responses};
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
    let arms: HashMap<Uuid, Arm> = vacancies_of(&state.db, &pilot)
        .await?
        .into_iter()
        .filter_map(|v| Some((v.id, Arm::parse(v.arm.as_deref()?)?)))
        .collect();
    let events = application_events::Entity::find()
        .filter(application_events::Column::VacancyId.is_in(arms.keys().copied()))
        .all(&state.db)
        .await?;
    // Per pseudonymous applicant: their arm and the furthest stage they reached.
    let mut reached: HashMap<String, (Arm, Option<Stage>, bool)> = HashMap::new();
    for event in &events {
        let Some(&arm) = arms.get(&event.vacancy_id) else { continue };
        let entry = reached.entry(event.subject.clone()).or_insert((arm, None, false));
        if let Some(stage) = Stage::of_event(&event.kind) {
            entry.1 = entry.1.max(Some(stage));
            entry.2 |= stage == Stage::Applied;
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
    for (subject, (arm, stage, applied)) in reached {
        let (true, Some(stage)) = (applied, stage) else { continue };
        let row = monitoring.get(&subject);
        let answers: Option<MonitoringAnswers> = row.and_then(|r| serde_json::from_str(&r.answers).ok());
        let background = Background {
            answers: answers.as_ref(),
            born_in_netherlands: row.and_then(|r| r.born_in_netherlands),
            continent: row.and_then(|r| r.continent.as_deref()),
        };
        people.push(Person { arm, group: group_of(query.variable, &background), reached: stage });
    }
    let k = u16::try_from(pilot.k).unwrap_or(domain::pilot::DEFAULT_K);
    Ok(Json(Funnel { variable: query.variable, k, arms: funnel(&people, u64::from(k)) }))
}
