//! Pilots and their arms. An admin creates a pilot (name, period, threshold k, organisations,
//! evaluators; the seed of its random assignment is drawn once), assigns its vacancies to the pilot
//! or control arm at random within strata (organisation and salary-scale band), or one by hand with
//! a reason. Every assignment is a line in the log, which is evaluation data. Evaluators read the
//! pilots they evaluate; a pilot they do not evaluate does not exist for them.

use std::collections::HashSet;

use api::organisation::Organisation;
use api::pilot::{
    ArmAssignment, AssignmentDone, AssignmentMethod, ManualArmInput, Pilot, PilotInput, PilotSummary, PilotVacancy,
};
use api::problem::{ErrorCode, Problem};
use api::screening::StaffMember;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{Days, NaiveDate, NaiveTime};
use domain::access::{Permission, Role};
use domain::audit::AuditAction;
use domain::pilot::{
    DEFAULT_K, ScaleBand, Stratum, THRESHOLDS, assign_arms, parse_assignment_reason, parse_pilot_name,
};
use domain::vacancy::Arm;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Select, Set,
};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{
    arm_assignments, organisations, pilot_evaluators, pilot_organisations, pilots, users, vacancies,
};
use crate::error::{ApiError, ApiJson};
use crate::startup::AppState;

/// The pilots the user may see: all for an admin, the ones they evaluate for an evaluator.
#[utoipa::path(get, path = "/pilots", tag = "evaluation",
    responses((status = 200, body = Vec<PilotSummary>), (status = 403, body = Problem)))]
pub async fn list(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<PilotSummary>>, ApiError> {
    let mut select = pilots::Entity::find().order_by_desc(pilots::Column::StartsOn).order_by_asc(pilots::Column::Name);
    if !user.role.may(Permission::ManagePilots) {
        user.require(Permission::ReadEvaluation)?;
        let mine: Vec<Uuid> = pilot_evaluators::Entity::find()
            .filter(pilot_evaluators::Column::UserId.eq(user.id))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|row| row.pilot_id)
            .collect();
        select = select.filter(pilots::Column::Id.is_in(mine));
    }
    let rows = select.all(&state.db).await?;
    Ok(Json(
        rows.into_iter()
            .map(|p| PilotSummary { id: p.id, name: p.name, starts_on: p.starts_on, ends_on: p.ends_on })
            .collect(),
    ))
}

/// Creates a pilot and draws the seed of its random assignment. Audited.
#[utoipa::path(post, path = "/pilots", tag = "evaluation", request_body = PilotInput,
    responses((status = 201, body = Pilot), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(input): ApiJson<PilotInput>,
) -> Result<(StatusCode, Json<Pilot>), ApiError> {
    user.require(Permission::ManagePilots)?;
    let mut invalid = Vec::new();
    let name = parse_pilot_name(&input.name).map_err(|_| invalid.push(("name", ErrorCode::PilotNameInvalid))).ok();
    if input.ends_on <= input.starts_on {
        invalid.push(("ends_on", ErrorCode::PilotPeriodInvalid));
    }
    let k = input.k.unwrap_or(DEFAULT_K);
    if !THRESHOLDS.contains(&k) {
        invalid.push(("k", ErrorCode::PilotThresholdInvalid));
    }
    let organisations: HashSet<Uuid> = input.organisations.iter().copied().collect();
    let known = organisations::Entity::find().filter(organisations::Column::Id.is_in(organisations.iter().copied()));
    if organisations.is_empty() || known.count(&state.db).await? != organisations.len() as u64 {
        invalid.push(("organisations", ErrorCode::PilotOrganisationsInvalid));
    }
    let evaluators: HashSet<Uuid> = input.evaluators.iter().copied().collect();
    let allowed: HashSet<Uuid> = evaluator_candidates(&state.db).await?.iter().map(|e| e.user_id).collect();
    if !evaluators.is_subset(&allowed) {
        invalid.push(("evaluators", ErrorCode::PilotEvaluatorsInvalid));
    }
    let (Some(name), true) = (name, invalid.is_empty()) else {
        return Err(ApiError::invalid(invalid));
    };
    let id = Uuid::new_v4();
    let transaction = state.audit.begin(&state.db).await?;
    pilots::ActiveModel {
        id: Set(id),
        name: Set(name),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        k: Set(i16::try_from(k).unwrap_or(i16::MAX)),
        seed: Set(rand::random::<i64>()),
        created_by: Set(user.id),
        created_at: Set(clock::now()),
    }
    .insert(&*transaction)
    .await?;
    for &organisation_id in &organisations {
        pilot_organisations::ActiveModel { pilot_id: Set(id), organisation_id: Set(organisation_id) }
            .insert(&*transaction)
            .await?;
    }
    for &user_id in &evaluators {
        pilot_evaluators::ActiveModel { pilot_id: Set(id), user_id: Set(user_id) }.insert(&*transaction).await?;
    }
    transaction.record(AuditEntry::new(AuditAction::PilotCreated).actor(user.id).subject(id)).await?;
    transaction.commit().await?;
    let pilot = readable(&state, &user, id).await?;
    Ok((StatusCode::CREATED, Json(pilot_view(&state.db, &pilot).await?)))
}

/// A pilot with its organisations, evaluators and vacancies by arm.
#[utoipa::path(get, path = "/pilots/{id}", tag = "evaluation",
    responses((status = 200, body = Pilot), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Pilot>, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    Ok(Json(pilot_view(&state.db, &pilot).await?))
}

/// Assigns every vacancy of the pilot that has no arm yet: at random within strata, from the
/// pilot's seed (advanced by the number of earlier random rounds, and logged with each line).
/// Audited.
#[utoipa::path(post, path = "/pilots/{id}/assignment", tag = "evaluation",
    responses((status = 200, body = AssignmentDone), (status = 404, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, pilot = %id))]
pub async fn assign(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<AssignmentDone>, ApiError> {
    user.require(Permission::ManagePilots)?;
    let pilot = readable(&state, &user, id).await?;
    let unassigned: Vec<vacancies::Model> =
        vacancies_of(&state.db, &pilot).await?.into_iter().filter(|v| v.arm.is_none()).collect();
    let rounds = arm_assignments::Entity::find()
        .filter(arm_assignments::Column::PilotId.eq(pilot.id))
        .filter(arm_assignments::Column::Method.eq(AssignmentMethod::Random.as_str()))
        .all(&state.db)
        .await?
        .into_iter()
        .filter_map(|row| row.seed)
        .collect::<HashSet<_>>()
        .len();
    let seed = pilot.seed.wrapping_add(i64::try_from(rounds).unwrap_or_default());
    let strata: Vec<(Uuid, Stratum)> = unassigned.iter().map(|v| (v.id, stratum_of(v))).collect();
    let assigned = assign_arms(&strata, u64::from_ne_bytes(seed.to_ne_bytes()));
    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    for (vacancy, arm) in &assigned {
        let stratum = strata.iter().find(|(v, _)| v == vacancy).map(|(_, s)| *s);
        record(
            &*transaction,
            &pilot,
            *vacancy,
            *arm,
            (AssignmentMethod::Random, stratum, Some(seed), None),
            user.id,
            now,
        )
        .await?;
    }
    transaction
        .record(
            AuditEntry::new(AuditAction::ArmsAssigned)
                .actor(user.id)
                .subject(pilot.id)
                .details(serde_json::json!({ "vacancies": assigned.len(), "seed": seed })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(AssignmentDone { assigned: u32::try_from(assigned.len()).unwrap_or_default() }))
}

/// Puts one vacancy of the pilot in an arm by hand, with a reason. Audited; a line in the log.
#[utoipa::path(put, path = "/pilots/{id}/vacancies/{vacancy}/arm", tag = "evaluation", request_body = ManualArmInput,
    responses((status = 200, body = Pilot), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, pilot = %id))]
pub async fn set_arm(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, vacancy_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<ManualArmInput>,
) -> Result<Json<Pilot>, ApiError> {
    user.require(Permission::ManagePilots)?;
    let pilot = readable(&state, &user, id).await?;
    let vacancy =
        vacancies_of(&state.db, &pilot).await?.into_iter().find(|v| v.id == vacancy_id).ok_or(ApiError::NotFound)?;
    let reason =
        parse_assignment_reason(&input.reason).ok_or(ApiError::field("reason", ErrorCode::AssignmentReasonRequired))?;
    let transaction = state.audit.begin(&state.db).await?;
    let how = (AssignmentMethod::Manual, Some(stratum_of(&vacancy)), None, Some(reason));
    record(&*transaction, &pilot, vacancy.id, input.arm, how, user.id, clock::now()).await?;
    transaction
        .record(
            AuditEntry::new(AuditAction::ArmSetByHand)
                .actor(user.id)
                .subject(pilot.id)
                .details(serde_json::json!({ "vacancy": vacancy.id, "arm": input.arm.as_str() })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(pilot_view(&state.db, &pilot).await?))
}

/// The assignment log of a pilot, newest first: evaluation data.
#[utoipa::path(get, path = "/pilots/{id}/assignments", tag = "evaluation",
    responses((status = 200, body = Vec<ArmAssignment>), (status = 404, body = Problem)))]
pub async fn assignments(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<ArmAssignment>>, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    Ok(Json(assignment_log(&state, &pilot).await?))
}

/// The assignment log of `pilot`, newest first.
pub(crate) async fn assignment_log(state: &AppState, pilot: &pilots::Model) -> Result<Vec<ArmAssignment>, ApiError> {
    let rows = arm_assignments::Entity::find()
        .filter(arm_assignments::Column::PilotId.eq(pilot.id))
        .order_by_desc(arm_assignments::Column::AssignedAt)
        .order_by_asc(arm_assignments::Column::Id)
        .all(&state.db)
        .await?;
    let titles = vacancies_of(&state.db, pilot).await?;
    Ok(rows
        .into_iter()
        .map(|row| ArmAssignment {
            vacancy_title: titles.iter().find(|v| v.id == row.vacancy_id).map(|v| v.title.clone()).unwrap_or_default(),
            vacancy_id: row.vacancy_id,
            arm: Arm::parse(&row.arm).unwrap_or(Arm::Control),
            method: if row.method == "manual" { AssignmentMethod::Manual } else { AssignmentMethod::Random },
            stratum: row.stratum,
            seed: row.seed,
            reason: row.reason,
            assigned_at: row.assigned_at,
        })
        .collect())
}

/// The stratum of a vacancy: its organisation and salary-scale band.
fn stratum_of(vacancy: &vacancies::Model) -> Stratum {
    let scale = vacancy.salary_scale.and_then(|s| u8::try_from(s).ok());
    Stratum { organisation: vacancy.organisation_id, band: ScaleBand::of(scale) }
}

/// One line of the log, and the vacancy's current arm.
async fn record(
    db: &impl ConnectionTrait,
    pilot: &pilots::Model,
    vacancy: Uuid,
    arm: Arm,
    (method, stratum, seed, reason): (AssignmentMethod, Option<Stratum>, Option<i64>, Option<String>),
    by: Uuid,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    arm_assignments::ActiveModel {
        id: Set(Uuid::new_v4()),
        pilot_id: Set(pilot.id),
        vacancy_id: Set(vacancy),
        arm: Set(arm.as_str().to_owned()),
        method: Set(method.as_str().to_owned()),
        stratum: Set(stratum.map(|s| format!("{}/{}", s.organisation, s.band.as_str())).unwrap_or_default()),
        seed: Set(seed),
        reason: Set(reason),
        assigned_by: Set(by),
        assigned_at: Set(at),
    }
    .insert(db)
    .await?;
    vacancies::Entity::update_many()
        .col_expr(vacancies::Column::Arm, Expr::value(Some(arm.as_str())))
        .filter(vacancies::Column::Id.eq(vacancy))
        .exec(db)
        .await?;
    Ok(())
}

/// A pilot the user may read: any for an admin, their own for an evaluator; otherwise 404.
pub(crate) async fn readable(state: &AppState, user: &CurrentUser, id: Uuid) -> Result<pilots::Model, ApiError> {
    if !user.role.may(Permission::ManagePilots) {
        user.require(Permission::ReadEvaluation)?;
        pilot_evaluators::Entity::find_by_id((id, user.id)).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    }
    pilots::Entity::find_by_id(id).one(&state.db).await?.ok_or(ApiError::NotFound)
}

/// The vacancies of the pilot's organisations published in its period, by title.
pub(crate) async fn vacancies_of(
    db: &impl ConnectionTrait,
    pilot: &pilots::Model,
) -> Result<Vec<vacancies::Model>, ApiError> {
    Ok(in_pilot(db, pilot).await?.all(db).await?)
}

/// The query of the vacancies of the pilot's organisations published in its period, by title.
pub(crate) async fn in_pilot(
    db: &impl ConnectionTrait,
    pilot: &pilots::Model,
) -> Result<Select<vacancies::Entity>, ApiError> {
    in_period(db, pilot, (pilot.starts_on, pilot.ends_on)).await
}

/// The query of the vacancies of the pilot's organisations published from `first` to `last`, by
/// title.
pub(crate) async fn in_period(
    db: &impl ConnectionTrait,
    pilot: &pilots::Model,
    (first, last): (NaiveDate, NaiveDate),
) -> Result<Select<vacancies::Entity>, ApiError> {
    let organisations = organisations_of(db, pilot.id).await?;
    let start = first.and_time(NaiveTime::MIN).and_utc();
    let end = day_after(last).and_time(NaiveTime::MIN).and_utc();
    Ok(vacancies::Entity::find()
        .filter(vacancies::Column::OrganisationId.is_in(organisations))
        .filter(vacancies::Column::PublishedAt.gte(start))
        .filter(vacancies::Column::PublishedAt.lt(end))
        .order_by_asc(vacancies::Column::Title)
        .order_by_asc(vacancies::Column::Id))
}

async fn organisations_of(db: &impl ConnectionTrait, pilot: Uuid) -> Result<Vec<Uuid>, ApiError> {
    let rows =
        pilot_organisations::Entity::find().filter(pilot_organisations::Column::PilotId.eq(pilot)).all(db).await?;
    Ok(rows.into_iter().map(|row| row.organisation_id).collect())
}

fn day_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

async fn pilot_view(db: &impl ConnectionTrait, pilot: &pilots::Model) -> Result<Pilot, ApiError> {
    let organisations: Vec<Organisation> = organisations::Entity::find()
        .filter(organisations::Column::Id.is_in(organisations_of(db, pilot.id).await?))
        .order_by_asc(organisations::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|o| Organisation { id: o.id, name: o.name })
        .collect();
    let evaluator_ids: Vec<Uuid> = pilot_evaluators::Entity::find()
        .filter(pilot_evaluators::Column::PilotId.eq(pilot.id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    let candidates = evaluator_candidates(db).await?;
    let vacancies = vacancies_of(db, pilot)
        .await?
        .into_iter()
        .map(|v| PilotVacancy {
            id: v.id,
            organisation: organisations
                .iter()
                .find(|o| o.id == v.organisation_id)
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            band: stratum_of(&v).band,
            arm: v.arm.as_deref().and_then(Arm::parse),
            title: v.title,
        })
        .collect();
    Ok(Pilot {
        id: pilot.id,
        name: pilot.name.clone(),
        starts_on: pilot.starts_on,
        ends_on: pilot.ends_on,
        k: u16::try_from(pilot.k).unwrap_or(DEFAULT_K),
        organisations,
        evaluators: candidates.iter().filter(|c| evaluator_ids.contains(&c.user_id)).cloned().collect(),
        vacancies,
        evaluator_candidates: candidates,
    })
}

/// Staff with the evaluator role, by name.
async fn evaluator_candidates(db: &impl ConnectionTrait) -> Result<Vec<StaffMember>, ApiError> {
    let rows = users::Entity::find()
        .filter(users::Column::Role.eq(Role::Evaluator.as_str()))
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| StaffMember { user_id: u.id, display_name: u.display_name }).collect())
}
