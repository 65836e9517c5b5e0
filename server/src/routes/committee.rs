//! The selection committee of a vacancy: the recruiter chooses its members (staff with the committee
//! role in the organisation) and its chair; a member lists the vacancies they sit on and, once the
//! answers are released, the questions to score (the sift itself is `routes::scoring`). Before the
//! release a member sees no answer at all; a vacancy they do not sit on does not exist for them.

use std::collections::HashSet;

use api::committee::{AssignedVacancy, CommitteeVacancy};
use api::problem::{ErrorCode, Problem};
use api::screening::{Committee, CommitteeInput, CommitteeMember, StaffMember};
use axum::Json;
use axum::extract::{Path, State};
use domain::access::{Permission, Role};
use domain::application::ApplicationStatus;
use domain::audit::AuditAction;
use domain::questionnaire::Question;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set,
};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{applications, committee_members, screened_answers, screenings, shortlists, users, vacancies};
use crate::error::{ApiError, ApiJson};
use crate::routes::scoring::committee_question;
use crate::routes::surveys::committee_survey_state;
use crate::routes::vacancies::{find, from_json, recruiter_organisation, status_of};
use crate::startup::AppState;

/// More members than this is not a committee but a crowd.
const MAX_MEMBERS: usize = 12;

/// The committee of a vacancy and the staff who could join it.
#[utoipa::path(get, path = "/vacancies/{id}/committee", tag = "committee",
    responses((status = 200, body = Committee), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Committee>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    Ok(Json(committee_of(&state.db, &vacancy).await?))
}

/// Sets the whole committee of a vacancy. Audited.
#[utoipa::path(put, path = "/vacancies/{id}/committee", tag = "committee", request_body = CommitteeInput,
    responses((status = 200, body = Committee), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn set(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<CommitteeInput>,
) -> Result<Json<Committee>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let candidates: HashSet<Uuid> = candidates(&state.db, organisation).await?.iter().map(|c| c.user_id).collect();
    let mut members = Vec::new();
    for member in input.members {
        if !members.contains(&member) {
            members.push(member);
        }
    }
    if members.len() > MAX_MEMBERS || members.iter().any(|m| !candidates.contains(m)) {
        return Err(ApiError::field("members", ErrorCode::CommitteeMemberInvalid));
    }
    if input.chair.is_some_and(|chair| !members.contains(&chair)) {
        return Err(ApiError::field("chair", ErrorCode::ChairNotMember));
    }
    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    // Members who stay keep their seat: their conduct statement, scoring order and scores.
    let seated: Vec<Uuid> = committee_members::Entity::find()
        .filter(committee_members::Column::VacancyId.eq(vacancy.id))
        .all(&*transaction)
        .await?
        .into_iter()
        .map(|seat| seat.user_id)
        .collect();
    committee_members::Entity::delete_many()
        .filter(committee_members::Column::VacancyId.eq(vacancy.id))
        .filter(committee_members::Column::UserId.is_not_in(members.iter().copied()))
        .exec(&*transaction)
        .await?;
    for &member in &members {
        let chair = input.chair == Some(member);
        if seated.contains(&member) {
            committee_members::Entity::update_many()
                .col_expr(committee_members::Column::Chair, Expr::value(chair))
                .filter(committee_members::Column::VacancyId.eq(vacancy.id))
                .filter(committee_members::Column::UserId.eq(member))
                .exec(&*transaction)
                .await?;
        } else {
            committee_members::ActiveModel {
                vacancy_id: Set(vacancy.id),
                user_id: Set(member),
                chair: Set(chair),
                added_at: Set(now),
                order_seed: Set(None),
                conduct_confirmed_at: Set(None),
            }
            .insert(&*transaction)
            .await?;
        }
    }
    transaction
        .record(
            AuditEntry::new(AuditAction::CommitteeChanged)
                .actor(user.id)
                .subject(vacancy.id)
                .details(serde_json::json!({ "members": members, "chair": input.chair })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(committee_of(&state.db, &vacancy).await?))
}

/// The vacancies the signed-in member sits on.
#[utoipa::path(get, path = "/committee/vacancies", tag = "committee",
    responses((status = 200, body = Vec<AssignedVacancy>), (status = 403, body = Problem)))]
pub async fn assigned(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<AssignedVacancy>>, ApiError> {
    user.require(Permission::ScoreAnswers)?;
    let seats =
        committee_members::Entity::find().filter(committee_members::Column::UserId.eq(user.id)).all(&state.db).await?;
    let mut assigned = Vec::new();
    for seat in seats {
        let Some(vacancy) = vacancies::Entity::find_by_id(seat.vacancy_id).one(&state.db).await? else { continue };
        assigned.push(AssignedVacancy {
            id: vacancy.id,
            title: vacancy.title.clone(),
            status: status_of(&vacancy)?,
            chair: seat.chair,
            released: released(&state.db, vacancy.id).await?,
        });
    }
    assigned.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
    Ok(Json(assigned))
}

/// A released vacancy the member sits on: the questions they score, with the scoring guides.
#[utoipa::path(get, path = "/committee/vacancies/{id}", tag = "committee",
    responses((status = 200, body = CommitteeVacancy), (status = 404, body = Problem)))]
pub async fn vacancy(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<CommitteeVacancy>, ApiError> {
    let (vacancy, seat) = released_to(&state, &user, id).await?;
    let questions: Vec<Question> = from_json(&vacancy.questions)?;
    let mut scored = Vec::new();
    for question in questions.into_iter().filter(|q| q.kind.is_scored_by_committee()) {
        scored.push(committee_question(&state.db, vacancy.id, question, user.id).await?);
    }
    let shortlist = shortlists::Entity::find_by_id(vacancy.id).one(&state.db).await?;
    let requested = shortlist.as_ref().is_some_and(|s| s.unblinding_requested_at.is_some());
    let confirmed = shortlist.as_ref().is_some_and(|s| s.unblinding_confirmed_at.is_some());
    let (survey_open, survey_answered) = committee_survey_state(&state, &vacancy, user.id).await?;
    Ok(Json(CommitteeVacancy {
        id: vacancy.id,
        title: vacancy.title,
        conduct_confirmed: seat.conduct_confirmed_at.is_some(),
        chair: seat.chair,
        unblinding_requested: seat.chair && requested && !confirmed,
        unblinding_confirmed: confirmed,
        questions: scored,
        survey_open,
        survey_answered,
    }))
}

/// The committee of `vacancy`, chair first, then by name.
pub async fn members_of(db: &impl ConnectionTrait, vacancy: Uuid) -> Result<Vec<CommitteeMember>, ApiError> {
    let seats =
        committee_members::Entity::find().filter(committee_members::Column::VacancyId.eq(vacancy)).all(db).await?;
    let mut members = Vec::new();
    for seat in seats {
        let Some(user) = users::Entity::find_by_id(seat.user_id).one(db).await? else { continue };
        members.push(CommitteeMember { user_id: user.id, display_name: user.display_name, chair: seat.chair });
    }
    members.sort_by(|a, b| b.chair.cmp(&a.chair).then(a.display_name.cmp(&b.display_name)));
    Ok(members)
}

async fn committee_of(db: &impl ConnectionTrait, vacancy: &vacancies::Model) -> Result<Committee, ApiError> {
    Ok(Committee {
        members: members_of(db, vacancy.id).await?,
        candidates: candidates(db, vacancy.organisation_id).await?,
    })
}

/// Staff of `organisation` with the committee role, by name.
async fn candidates(db: &impl ConnectionTrait, organisation: Uuid) -> Result<Vec<StaffMember>, ApiError> {
    let rows = users::Entity::find()
        .filter(users::Column::OrganisationId.eq(organisation))
        .filter(users::Column::Role.eq(Role::Committee.as_str()))
        .order_by_asc(users::Column::DisplayName)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| StaffMember { user_id: u.id, display_name: u.display_name }).collect())
}

/// A vacancy the user sits on whose answers have been released, with their seat; otherwise it does
/// not exist for them.
pub(crate) async fn released_to(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(vacancies::Model, committee_members::Model), ApiError> {
    user.require(Permission::ScoreAnswers)?;
    let seat = committee_members::Entity::find_by_id((id, user.id)).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    if !released(&state.db, id).await? {
        return Err(ApiError::NotFound);
    }
    let vacancy = vacancies::Entity::find_by_id(id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    Ok((vacancy, seat))
}

async fn released(db: &impl ConnectionTrait, vacancy: Uuid) -> Result<bool, ApiError> {
    let screening = screenings::Entity::find_by_id(vacancy).one(db).await?;
    Ok(screening.is_some_and(|s| s.released_at.is_some()))
}

/// The masked answers to a question that the committee reads: of applications still submitted.
pub(crate) fn readable(vacancy: Uuid, question: Uuid) -> sea_orm::Select<screened_answers::Entity> {
    let submitted = applications::Entity::find()
        .select_only()
        .column(applications::Column::Id)
        .filter(applications::Column::VacancyId.eq(vacancy))
        .filter(applications::Column::Status.eq(ApplicationStatus::Submitted.as_str()))
        .into_query();
    screened_answers::Entity::find()
        .filter(screened_answers::Column::VacancyId.eq(vacancy))
        .filter(screened_answers::Column::QuestionId.eq(question))
        .filter(screened_answers::Column::Masked.is_not_null())
        .filter(screened_answers::Column::ApplicationId.in_subquery(submitted))
}
