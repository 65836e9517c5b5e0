//! The recruiter's side after the interviews: the overview of every shortlisted candidate with their
//! sift score and, once all interviewers submitted, their interview score; the decision per
//! candidate (offer, reserve, not selected) with a rationale that must name the scores when it
//! departs from the ranking; the answer to an offer; the hire. Each is audited and recorded as a
//! stage event (pseudonymous) for the evaluation.

use api::interview::{
    Decision, DecisionInput, InterviewOverview, InterviewResult, OfferResponse, OfferResponseInput, Outcome,
};
use api::problem::{ErrorCode, Problem};
use api::vacancy::VacancyStatus;
use axum::Json;
use axum::extract::{Path, State};
use domain::audit::AuditAction;
use domain::decision::{RationaleError, departs_from_ranking, parse_rationale};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{applications, decisions, shortlists, vacancies};
use crate::error::{ApiError, ApiJson};
use crate::routes::applications::record_event;
use crate::routes::feedback::{eligible_for_feedback, reports_of};
use crate::routes::interview_kit::{interviewers_of, kit_of};
use crate::routes::interviews::{INTERVIEW, candidates_of, identities_viewed, interview_scores_of, name_of, progress};
use crate::routes::ranking::ranked_candidates;
use crate::routes::vacancies::{find, recruiter_organisation, transition};
use crate::startup::AppState;

/// The interviews of a vacancy for the recruiter: per shortlisted candidate the sift score, how many
/// interviewers submitted, and the interview score and rank once all did (never single scores before
/// that), with the decision.
#[utoipa::path(get, path = "/vacancies/{id}/interviews", tag = "interview",
    responses((status = 200, body = InterviewOverview), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`shortlist_missing`")))]
pub async fn overview(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<InterviewOverview>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let overview = overview_of(&state, &vacancy).await?;
    let named = overview.candidates.iter().filter(|c| !c.name.is_empty()).count();
    if named > 0 {
        identities_viewed(&state, &user, (Some(vacancy.id), INTERVIEW), named).await?;
    }
    Ok(Json(overview))
}

/// Records the decision on one shortlisted candidate. Offer and reserve need a complete interview;
/// a decision that departs from the order of the interview scores must name the scores in its
/// rationale. Audited; a stage event.
#[utoipa::path(put, path = "/vacancies/{id}/interviews/{application}/decision", tag = "interview",
    request_body = DecisionInput,
    responses((status = 200, body = InterviewOverview), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`interview_not_complete` or `decision_final`"),
        (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, application_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> Result<Json<InterviewOverview>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let application = shortlisted_candidate(&state, &vacancy, application_id).await?;
    let kit = kit_of(&state.db, vacancy.id).await?.unwrap_or_default();
    let scores = interview_scores_of(&state.db, vacancy.id, &kit).await?;
    let own_score = scores.get(&application.id).copied();
    if own_score.is_none() && input.outcome != Outcome::NotSelected {
        return Err(ApiError::Conflict(ErrorCode::InterviewNotComplete));
    }
    let decided = decisions::Entity::find().filter(decisions::Column::VacancyId.eq(vacancy.id)).all(&state.db).await?;
    let existing = decided.iter().find(|d| d.application_id == application.id);
    if existing.is_some_and(|d| d.response.is_some()) {
        return Err(ApiError::Conflict(ErrorCode::DecisionFinal));
    }
    let others: Vec<(f64, Outcome)> = decided
        .iter()
        .filter(|d| d.application_id != application.id)
        .filter_map(|d| Some((*scores.get(&d.application_id)?, Outcome::parse(&d.outcome)?)))
        .collect();
    let departs = own_score.is_some_and(|score| departs_from_ranking((score, input.outcome), &others));
    let rationale = parse_rationale(&input.rationale, departs).map_err(|error| match error {
        RationaleError::Length => ApiError::field("rationale", ErrorCode::RationaleInvalid),
        RationaleError::ScoresNotReferenced => ApiError::field("rationale", ErrorCode::RationaleScoresMissing),
    })?;
    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    let row = decisions::ActiveModel {
        application_id: Set(application.id),
        vacancy_id: Set(vacancy.id),
        outcome: Set(input.outcome.as_str().to_owned()),
        rationale: Set(rationale),
        departs_from_ranking: Set(departs),
        decided_by: Set(user.id),
        decided_at: Set(now),
        response: Set(None),
        responded_at: Set(None),
        hired_at: Set(None),
    };
    if existing.is_some() {
        row.update(&*transaction).await?
    } else {
        row.insert(&*transaction).await?
    };
    let event = match input.outcome {
        Outcome::Offer => "offered",
        Outcome::Reserve => "reserve",
        Outcome::NotSelected => "not_selected",
    };
    record_event(&state.keys, &*transaction, vacancy.id, application.draft_id, event, None).await?;
    let shortlist = candidates_of(&*transaction, vacancy.id).await?;
    let all_decided =
        shortlist.iter().all(|c| c.id == application.id || decided.iter().any(|d| d.application_id == c.id));
    if all_decided {
        transition(&*transaction, vacancy.id, VacancyStatus::Interviewing, VacancyStatus::Decided).await?;
    }
    transaction
        .record(AuditEntry::new(AuditAction::OutcomeRecorded).actor(user.id).subject(vacancy.id).details(
            serde_json::json!({ "candidate": application.label, "outcome": input.outcome.as_str(), "departs_from_ranking": departs }),
        ))
        .await?;
    transaction.commit().await?;
    Ok(Json(overview_of(&state, &vacancy).await?))
}

/// Records the candidate's answer to an offer. Audited; a stage event.
#[utoipa::path(post, path = "/vacancies/{id}/interviews/{application}/response", tag = "interview",
    request_body = OfferResponseInput,
    responses((status = 200, body = InterviewOverview), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`no_offer`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn respond(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, application_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<OfferResponseInput>,
) -> Result<Json<InterviewOverview>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let application = shortlisted_candidate(&state, &vacancy, application_id).await?;
    let transaction = state.audit.begin(&state.db).await?;
    let answered = decisions::Entity::update_many()
        .col_expr(decisions::Column::Response, Expr::value(Some(input.response.as_str())))
        .col_expr(decisions::Column::RespondedAt, Expr::value(Some(clock::now())))
        .filter(decisions::Column::ApplicationId.eq(application.id))
        .filter(decisions::Column::Outcome.eq(Outcome::Offer.as_str()))
        .filter(decisions::Column::Response.is_null())
        .exec(&*transaction)
        .await?;
    if answered.rows_affected == 0 {
        return Err(ApiError::Conflict(ErrorCode::NoOffer));
    }
    let event = match input.response {
        OfferResponse::Accepted => "offer_accepted",
        OfferResponse::Declined => "offer_declined",
    };
    record_event(&state.keys, &*transaction, vacancy.id, application.draft_id, event, None).await?;
    transaction
        .record(
            AuditEntry::new(AuditAction::OfferResponseRecorded)
                .actor(user.id)
                .subject(vacancy.id)
                .details(serde_json::json!({ "candidate": application.label, "response": input.response.as_str() })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(overview_of(&state, &vacancy).await?))
}

/// Records the hire of a candidate who accepted the offer. Audited; a stage event.
#[utoipa::path(post, path = "/vacancies/{id}/interviews/{application}/hire", tag = "interview",
    responses((status = 200, body = InterviewOverview), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`no_offer`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn hire(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, application_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<InterviewOverview>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let application = shortlisted_candidate(&state, &vacancy, application_id).await?;
    let transaction = state.audit.begin(&state.db).await?;
    let hired = decisions::Entity::update_many()
        .col_expr(decisions::Column::HiredAt, Expr::value(Some(clock::now())))
        .filter(decisions::Column::ApplicationId.eq(application.id))
        .filter(decisions::Column::Response.eq(OfferResponse::Accepted.as_str()))
        .filter(decisions::Column::HiredAt.is_null())
        .exec(&*transaction)
        .await?;
    if hired.rows_affected == 0 {
        return Err(ApiError::Conflict(ErrorCode::NoOffer));
    }
    record_event(&state.keys, &*transaction, vacancy.id, application.draft_id, "hired", None).await?;
    transaction
        .record(
            AuditEntry::new(AuditAction::HireRecorded)
                .actor(user.id)
                .subject(vacancy.id)
                .details(serde_json::json!({ "candidate": application.label })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(overview_of(&state, &vacancy).await?))
}

/// A candidate on the vacancy's shortlist; anyone else does not exist here.
async fn shortlisted_candidate(
    state: &AppState,
    vacancy: &vacancies::Model,
    application_id: Uuid,
) -> Result<applications::Model, ApiError> {
    candidates_of(&state.db, vacancy.id).await?.into_iter().find(|a| a.id == application_id).ok_or(ApiError::NotFound)
}

async fn overview_of(state: &AppState, vacancy: &vacancies::Model) -> Result<InterviewOverview, ApiError> {
    let shortlist = shortlists::Entity::find_by_id(vacancy.id)
        .one(&state.db)
        .await?
        .ok_or(ApiError::Conflict(ErrorCode::ShortlistMissing))?;
    let unblinded = shortlist.unblinding_confirmed_at.is_some();
    let kit = kit_of(&state.db, vacancy.id).await?;
    let kit_questions = kit.as_ref().map_or(0, Vec::len);
    let kit_frozen = crate::entities::interview_kits::Entity::find_by_id(vacancy.id)
        .one(&state.db)
        .await?
        .is_some_and(|k| k.frozen_at.is_some());
    let kit = kit.unwrap_or_default();
    let (ranked, _) = ranked_candidates(state, vacancy).await?;
    let progress = progress(&state.db, vacancy.id).await?;
    let scores = interview_scores_of(&state.db, vacancy.id, &kit).await?;
    let mut by_score: Vec<(Uuid, f64)> = scores.iter().map(|(a, s)| (*a, *s)).collect();
    by_score.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let decided = decisions::Entity::find().filter(decisions::Column::VacancyId.eq(vacancy.id)).all(&state.db).await?;
    let mut candidates = Vec::new();
    for application in candidates_of(&state.db, vacancy.id).await? {
        let sift = ranked.iter().find(|(a, _)| *a == application.id).map(|(_, c)| c.clone());
        let decision = decided.iter().find(|d| d.application_id == application.id).map(|d| Decision {
            outcome: Outcome::parse(&d.outcome).unwrap_or(Outcome::NotSelected),
            rationale: d.rationale.clone(),
            departs_from_ranking: d.departs_from_ranking,
            decided_at: d.decided_at,
            response: d.response.as_deref().and_then(OfferResponse::parse),
            hired: d.hired_at.is_some(),
        });
        candidates.push(InterviewResult {
            application_id: application.id,
            label: application.label.clone(),
            name: if unblinded { name_of(state, &application).await? } else { String::new() },
            sift_rank: sift.as_ref().map_or(0, |c| c.rank),
            sift_score: sift.as_ref().map_or(0.0, |c| c.score),
            submitted: progress
                .get(&application.id)
                .map_or(0, |p| u32::try_from(p.submitted_by.len()).unwrap_or_default()),
            interview_score: scores.get(&application.id).copied(),
            interview_rank: by_score
                .iter()
                .position(|(a, _)| *a == application.id)
                .map(|p| u32::try_from(p + 1).unwrap_or_default()),
            decision,
        });
    }
    let eligible = eligible_for_feedback(state, vacancy).await?;
    let sent = reports_of(&state.db, vacancy.id).await?;
    let pending = eligible.iter().filter(|a| !sent.contains(&a.id)).count();
    Ok(InterviewOverview {
        interviewers: interviewers_of(&state.db, vacancy.id).await?,
        kit_questions: u32::try_from(kit_questions).unwrap_or_default(),
        kit_frozen,
        candidates,
        reports_sent: u32::try_from(sent.len()).unwrap_or_default(),
        reports_pending: u32::try_from(pending).unwrap_or_default(),
    })
}
