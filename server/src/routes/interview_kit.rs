//! The recruiter's side of the structured interview before it starts: the kit (questions from the
//! bank or written anew, each linked to requirements, with follow-ups, a time, a weight and an
//! anchored scale), the traceability of requirements across questionnaire and kit, and the
//! interviewers. The kit is frozen by the first interview score (`routes::interviews`).

use std::collections::HashSet;

use api::interview::{
    InterviewBankEntry, InterviewKit, InterviewKitInput, InterviewQuestion, Interviewers, InterviewersInput,
    Traceability, TracedItem, TracedRequirement,
};
use api::problem::{ErrorCode, Problem};
use api::screening::StaffMember;
use api::vacancy::Requirement;
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::access::{Permission, Role};
use domain::audit::AuditAction;
use domain::interview::{KitError, parse_kit, trace};
use domain::questionnaire::Question;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{interview_kits, interviewers, users, vacancies};
use crate::error::{ApiError, ApiJson};
use crate::routes::questionnaires::LanguageQuery;
use crate::routes::vacancies::{find, from_json, recruiter_organisation, to_json};
use crate::startup::AppState;

/// More interviewers than this is a panel that overwhelms the candidate.
const MAX_INTERVIEWERS: usize = 6;

/// Ready interview questions with anchored scales per competency, to copy and adapt.
#[utoipa::path(get, path = "/interview/bank", tag = "interview", params(LanguageQuery),
    responses((status = 200, body = Vec<InterviewBankEntry>), (status = 403, body = Problem)))]
pub async fn bank(
    user: CurrentUser,
    Query(query): Query<LanguageQuery>,
) -> Result<Json<&'static [InterviewBankEntry]>, ApiError> {
    user.require(Permission::ManageVacancies)?;
    Ok(Json(domain::interview::bank(query.language)))
}

/// The interview kit of a vacancy (empty until saved). The recruiter and the vacancy's interviewers
/// may read it: the printable guide is this kit.
#[utoipa::path(get, path = "/vacancies/{id}/interview/kit", tag = "interview",
    responses((status = 200, body = InterviewKit), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<InterviewKit>, ApiError> {
    let vacancy = readable_by(&state, &user, id).await?;
    Ok(Json(kit_view(&state.db, &vacancy).await?))
}

/// Saves the whole kit, in interview order; refused once the first interview is scored. Audited.
#[utoipa::path(put, path = "/vacancies/{id}/interview/kit", tag = "interview", request_body = InterviewKitInput,
    responses((status = 200, body = InterviewKit), (status = 409, body = Problem, description = "`kit_frozen`"),
        (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<InterviewKitInput>,
) -> Result<Json<InterviewKit>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let requirements: Vec<Requirement> = from_json(&vacancy.requirements)?;
    let requirement_ids: Vec<Uuid> = requirements.iter().map(|r| r.id).collect();
    let questions = parse_kit(input.questions, &requirement_ids).map_err(|errors| {
        ApiError::invalid(
            errors.into_iter().map(|(index, error)| (format!("questions.{index}"), kit_error_code(error))),
        )
    })?;
    let transaction = state.audit.begin(&state.db).await?;
    let existing = interview_kits::Entity::find_by_id(vacancy.id).one(&*transaction).await?;
    if existing.as_ref().is_some_and(|kit| kit.frozen_at.is_some()) {
        return Err(ApiError::Conflict(ErrorCode::KitFrozen));
    }
    let row = interview_kits::ActiveModel {
        vacancy_id: Set(vacancy.id),
        questions: Set(to_json(&questions)?),
        updated_at: Set(clock::now()),
        frozen_at: Set(None),
    };
    if existing.is_some() {
        row.update(&*transaction).await?
    } else {
        row.insert(&*transaction).await?
    };
    transaction
        .record(
            AuditEntry::new(AuditAction::InterviewKitSaved)
                .actor(user.id)
                .subject(vacancy.id)
                .details(serde_json::json!({ "questions": questions.len() })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(kit_view(&state.db, &vacancy).await?))
}

/// The vacancy's requirements against the questionnaire items and interview questions that assess
/// them; must-haves that nothing assesses and questions that assess nothing are flagged.
#[utoipa::path(get, path = "/vacancies/{id}/traceability", tag = "interview",
    responses((status = 200, body = Traceability), (status = 404, body = Problem)))]
pub async fn traceability(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Traceability>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let requirements: Vec<Requirement> = from_json(&vacancy.requirements)?;
    let questionnaire: Vec<Question> = from_json(&vacancy.questions)?;
    let kit = kit_of(&state.db, vacancy.id).await?.unwrap_or_default();
    let kinds: Vec<(Uuid, api::interview::RequirementKind)> = requirements.iter().map(|r| (r.id, r.kind)).collect();
    let traced = trace(&kinds, &questionnaire, &kit);
    let written = |id: &Uuid| item(&questionnaire.iter().map(|q| (q.id, q.prompt.as_str())).collect::<Vec<_>>(), *id);
    let spoken = |id: &Uuid| item(&kit.iter().map(|q| (q.id, q.prompt.as_str())).collect::<Vec<_>>(), *id);
    Ok(Json(Traceability {
        complete: traced.is_complete(),
        requirements: traced
            .requirements
            .iter()
            .zip(&requirements)
            .map(|(row, requirement)| TracedRequirement {
                id: requirement.id,
                text: requirement.text.clone(),
                kind: requirement.kind,
                questions: row.questions.iter().filter_map(written).collect(),
                interview_questions: row.interview_questions.iter().filter_map(spoken).collect(),
                flagged: row.is_unassessed_must_have(),
            })
            .collect(),
        unlinked_questions: traced.unlinked_questions.iter().filter_map(written).collect(),
        unlinked_interview_questions: traced.unlinked_interview_questions.iter().filter_map(spoken).collect(),
    }))
}

fn item(questions: &[(Uuid, &str)], id: Uuid) -> Option<TracedItem> {
    let index = questions.iter().position(|(q, _)| *q == id)?;
    Some(TracedItem { id, number: u32::try_from(index + 1).unwrap_or_default(), prompt: questions[index].1.to_owned() })
}

/// The interviewers of a vacancy and the staff who could be.
#[utoipa::path(get, path = "/vacancies/{id}/interviewers", tag = "interview",
    responses((status = 200, body = Interviewers), (status = 404, body = Problem)))]
pub async fn get_interviewers(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Interviewers>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    Ok(Json(interviewers_view(&state.db, &vacancy).await?))
}

/// Sets the interviewers of a vacancy (staff with the committee or recruiter role). Audited. The app
/// warns below two; the rule is advice, not a block, so a procedure can go on when someone is ill.
#[utoipa::path(put, path = "/vacancies/{id}/interviewers", tag = "interview", request_body = InterviewersInput,
    responses((status = 200, body = Interviewers), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn set_interviewers(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<InterviewersInput>,
) -> Result<Json<Interviewers>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let staff: HashSet<Uuid> = staff_who_interview(&state.db, organisation).await?.iter().map(|s| s.user_id).collect();
    let mut chosen = Vec::new();
    for interviewer in input.interviewers {
        if !chosen.contains(&interviewer) {
            chosen.push(interviewer);
        }
    }
    if chosen.len() > MAX_INTERVIEWERS || chosen.iter().any(|i| !staff.contains(i)) {
        return Err(ApiError::field("interviewers", ErrorCode::InterviewerInvalid));
    }
    let transaction = state.audit.begin(&state.db).await?;
    let seated: Vec<Uuid> = interviewers::Entity::find()
        .filter(interviewers::Column::VacancyId.eq(vacancy.id))
        .all(&*transaction)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    interviewers::Entity::delete_many()
        .filter(interviewers::Column::VacancyId.eq(vacancy.id))
        .filter(interviewers::Column::UserId.is_not_in(chosen.iter().copied()))
        .exec(&*transaction)
        .await?;
    for &interviewer in chosen.iter().filter(|i| !seated.contains(i)) {
        interviewers::ActiveModel {
            vacancy_id: Set(vacancy.id),
            user_id: Set(interviewer),
            added_at: Set(clock::now()),
        }
        .insert(&*transaction)
        .await?;
    }
    transaction
        .record(
            AuditEntry::new(AuditAction::InterviewersChanged)
                .actor(user.id)
                .subject(vacancy.id)
                .details(serde_json::json!({ "interviewers": chosen })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(interviewers_view(&state.db, &vacancy).await?))
}

/// The kit's questions, if the recruiter saved one.
pub(crate) async fn kit_of(
    db: &impl ConnectionTrait,
    vacancy: Uuid,
) -> Result<Option<Vec<InterviewQuestion>>, ApiError> {
    match interview_kits::Entity::find_by_id(vacancy).one(db).await? {
        Some(kit) => Ok(Some(from_json(&kit.questions)?)),
        None => Ok(None),
    }
}

/// The interviewers of `vacancy`, by name.
pub(crate) async fn interviewers_of(db: &impl ConnectionTrait, vacancy: Uuid) -> Result<Vec<StaffMember>, ApiError> {
    let ids: Vec<Uuid> = interviewers::Entity::find()
        .filter(interviewers::Column::VacancyId.eq(vacancy))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    let rows = users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| StaffMember { user_id: u.id, display_name: u.display_name }).collect())
}

/// A vacancy the user may read the kit of: the recruiter's own, or one they interview for.
async fn readable_by(state: &AppState, user: &CurrentUser, id: Uuid) -> Result<vacancies::Model, ApiError> {
    if user.role.may(Permission::ManageVacancies)
        && let Ok(vacancy) = find(state, recruiter_organisation(user)?, id).await
    {
        return Ok(vacancy);
    }
    user.require(Permission::ScoreInterviews)?;
    interviewers::Entity::find_by_id((id, user.id)).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    vacancies::Entity::find_by_id(id).one(&state.db).await?.ok_or(ApiError::NotFound)
}

async fn kit_view(db: &impl ConnectionTrait, vacancy: &vacancies::Model) -> Result<InterviewKit, ApiError> {
    let row = interview_kits::Entity::find_by_id(vacancy.id).one(db).await?;
    Ok(InterviewKit {
        vacancy_id: vacancy.id,
        vacancy_title: vacancy.title.clone(),
        questions: match &row {
            Some(kit) => from_json(&kit.questions)?,
            None => Vec::new(),
        },
        frozen: row.as_ref().is_some_and(|kit| kit.frozen_at.is_some()),
        updated_at: row.map(|kit| kit.updated_at),
    })
}

async fn interviewers_view(db: &impl ConnectionTrait, vacancy: &vacancies::Model) -> Result<Interviewers, ApiError> {
    Ok(Interviewers {
        interviewers: interviewers_of(db, vacancy.id).await?,
        candidates: staff_who_interview(db, vacancy.organisation_id).await?,
    })
}

/// Staff of `organisation` who may interview: committee members and recruiters, by name.
async fn staff_who_interview(db: &impl ConnectionTrait, organisation: Uuid) -> Result<Vec<StaffMember>, ApiError> {
    let rows = users::Entity::find()
        .filter(users::Column::OrganisationId.eq(organisation))
        .filter(users::Column::Role.is_in([Role::Committee.as_str(), Role::Recruiter.as_str()]))
        .order_by_asc(users::Column::DisplayName)
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| StaffMember { user_id: u.id, display_name: u.display_name }).collect())
}

fn kit_error_code(error: KitError) -> ErrorCode {
    match error {
        KitError::Prompt => ErrorCode::InterviewPromptInvalid,
        KitError::FollowUps => ErrorCode::FollowUpsInvalid,
        KitError::Minutes => ErrorCode::InterviewMinutesInvalid,
        KitError::Anchors => ErrorCode::AnchorsIncomplete,
        KitError::Weight => ErrorCode::QuestionWeightInvalid,
        KitError::Requirements => ErrorCode::InterviewRequirementsInvalid,
        KitError::TooMany => ErrorCode::TooManyInterviewQuestions,
        KitError::DuplicateId => ErrorCode::QuestionIdRepeated,
    }
}
