//! The control arm's outcomes. A control vacancy takes applications through Breedwerf (with the
//! monitoring questionnaire), but selects the regular way, on CVs, outside Breedwerf. After the
//! closing date its recruiter records how far each applicant came; each outcome becomes the same
//! pseudonymous stage events the pilot arm's procedure writes (`domain::control::events_for`), so
//! the evaluation measures both arms alike. Recording is audited; so is every page of names.

use std::collections::HashMap;

use api::pilot::{ControlApplicant, ControlOutcome, ControlOutcomeInput, ControlOutcomes};
use api::problem::{ErrorCode, Problem};
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::application::ApplicationStatus;
use domain::audit::AuditAction;
use domain::control::{ControlError, events_for};
use domain::vacancy::Arm;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{application_events, applications, vacancies};
use crate::error::{ApiError, ApiJson};
use crate::routes::applications::{record_event, subject_of};
use crate::routes::interviews::{identities_viewed, name_of};
use crate::routes::users::PageQuery;
use crate::routes::vacancies::{find, recruiter_organisation};
use crate::startup::AppState;

/// The applicants of a closed control vacancy, a page at a time in the order they applied, each
/// with the furthest outcome recorded. Their names are shown, as in the regular procedure; each
/// page shown is audited.
#[utoipa::path(get, path = "/vacancies/{id}/control-outcomes", tag = "evaluation", params(PageQuery),
    responses((status = 200, body = ControlOutcomes), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`not_control_arm` or `vacancy_still_open`")))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(paging): Query<PageQuery>,
) -> Result<Json<ControlOutcomes>, ApiError> {
    let vacancy = control_vacancy(&state, &user, id).await?;
    let (page, per_page) = paging.clamped();
    let query = current_applications(vacancy.id)
        .order_by_asc(applications::Column::SubmittedAt)
        .order_by_asc(applications::Column::Id);
    let total = query.clone().count(&state.db).await?;
    let rows = query.paginate(&state.db, per_page).fetch_page(page - 1).await?;
    let recorded = recorded_events(&state, &state.db, &rows).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        items.push(ControlApplicant {
            application_id: row.id,
            reference: row.reference.clone(),
            name: name_of(&state, row).await?,
            outcome: ControlOutcome::furthest(&kinds(&recorded, row.id)),
        });
    }
    if !items.is_empty() {
        identities_viewed(&state, &user, (Some(vacancy.id), "control_outcomes"), items.len()).await?;
    }
    Ok(Json(ControlOutcomes { vacancy_id: vacancy.id, title: vacancy.title, items, page, per_page, total }))
}

/// Records how far one applicant came: every stage up to the outcome that is not recorded yet, as
/// stage events. Never back. Audited.
#[utoipa::path(put, path = "/vacancies/{id}/control-outcomes/{application}", tag = "evaluation",
    request_body = ControlOutcomeInput,
    responses((status = 200, body = ControlApplicant), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`not_control_arm`, `vacancy_still_open` or `outcome_already_further`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn record(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, application_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<ControlOutcomeInput>,
) -> Result<Json<ControlApplicant>, ApiError> {
    let vacancy = control_vacancy(&state, &user, id).await?;
    let application = current_applications(vacancy.id)
        .filter(applications::Column::Id.eq(application_id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let transaction = state.audit.begin(&state.db).await?;
    let recorded = recorded_events(&state, &*transaction, std::slice::from_ref(&application)).await?;
    let events = events_for(&kinds(&recorded, application.id), input.outcome)
        .map_err(|ControlError::AlreadyFurther(_)| ApiError::Conflict(ErrorCode::OutcomeAlreadyFurther))?;
    for event in &events {
        record_event(&state.keys, &*transaction, vacancy.id, application.draft_id, event, None).await?;
    }
    transaction
        .record(
            AuditEntry::new(AuditAction::ControlOutcomeRecorded)
                .actor(user.id)
                .subject(application.id)
                .details(serde_json::json!({ "vacancy": vacancy.id, "outcome": input.outcome, "events": events })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(ControlApplicant {
        application_id: application.id,
        reference: application.reference.clone(),
        name: name_of(&state, &application).await?,
        outcome: Some(input.outcome),
    }))
}

/// A vacancy of the recruiter's organisation in the control arm whose closing date has passed.
async fn control_vacancy(state: &AppState, user: &CurrentUser, id: Uuid) -> Result<vacancies::Model, ApiError> {
    let organisation = recruiter_organisation(user)?;
    let vacancy = find(state, organisation, id).await?;
    if vacancy.arm.as_deref().and_then(Arm::parse) != Some(Arm::Control) {
        return Err(ApiError::Conflict(ErrorCode::NotControlArm));
    }
    if vacancy.published_at.is_none() || vacancy.closes_at.is_none_or(|deadline| deadline > clock::now()) {
        return Err(ApiError::Conflict(ErrorCode::VacancyStillOpen));
    }
    Ok(vacancy)
}

/// The vacancy's applications that were not withdrawn.
fn current_applications(vacancy: Uuid) -> sea_orm::Select<applications::Entity> {
    applications::Entity::find()
        .filter(applications::Column::VacancyId.eq(vacancy))
        .filter(applications::Column::Status.eq(ApplicationStatus::Submitted.as_str()))
}

/// The stage events of the outcomes recorded under each application's pseudonym.
async fn recorded_events(
    state: &AppState,
    db: &impl ConnectionTrait,
    rows: &[applications::Model],
) -> Result<HashMap<Uuid, Vec<String>>, ApiError> {
    let by_subject: HashMap<String, Uuid> =
        rows.iter().map(|row| (subject_of(&state.keys, row.draft_id), row.id)).collect();
    let events = application_events::Entity::find()
        .filter(application_events::Column::Subject.is_in(by_subject.keys().cloned()))
        .filter(application_events::Column::Kind.is_in(ControlOutcome::ALL.map(ControlOutcome::event)))
        .all(db)
        .await?;
    let mut recorded: HashMap<Uuid, Vec<String>> = HashMap::new();
    for event in events {
        if let Some(&application) = by_subject.get(&event.subject) {
            recorded.entry(application).or_default().push(event.kind);
        }
    }
    Ok(recorded)
}

/// The kinds of event recorded for `application`.
fn kinds(recorded: &HashMap<Uuid, Vec<String>>, application: Uuid) -> Vec<&str> {
    recorded.get(&application).map(|k| k.iter().map(String::as_str).collect()).unwrap_or_default()
}
