//! The interviewers' scorecard. Per shortlisted candidate (identified: the shortlist is unblinded),
//! per question of the kit: the question, its follow-ups and anchors, a score of 1 to 5 and notes,
//! autosaved. An interviewer's scores are sealed when they submit and stay hidden from everyone else,
//! the recruiter included, until every interviewer of the vacancy submitted for that candidate; then
//! the consensus view shows them side by side with disagreements flagged, and a sealed score changes
//! only with a reason, kept as old → new. The first score freezes the kit.

use std::collections::HashMap;

use api::committee::ScoreChange;
use api::interview::{
    Consensus, ConsensusQuestion, InterviewAssignment, InterviewCandidate, InterviewQuestion,
    InterviewScoreChangeInput, InterviewerScore, Scorecard, ScorecardEntry, ScorecardInput,
};
use api::problem::{ErrorCode, Problem};
use api::vacancy::VacancyStatus;
use axum::Json;
use axum::extract::{Path, State};
use domain::access::Permission;
use domain::application::Contact;
use domain::audit::AuditAction;
use domain::scoring::{CastScore, ScoreError, aggregate, disagree, parse_note, parse_score};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{
    applications, identity_envelopes, interview_kits, interview_score_changes, interview_scores, interview_submissions,
    interviewers, shortlisted, shortlists, vacancies,
};
use crate::error::{ApiError, ApiJson};
use crate::routes::applications::{IDENTITY, record_event};
use crate::routes::interview_kit::{interviewers_of, kit_of};
use crate::routes::scoring::parse_score_change;
use crate::routes::vacancies::{find, recruiter_organisation, transition};
use crate::startup::AppState;

/// The vacancies the signed-in staff member interviews for, with their candidates once open.
#[utoipa::path(get, path = "/interviews", tag = "interview",
    responses((status = 200, body = Vec<InterviewAssignment>), (status = 403, body = Problem)))]
pub async fn assigned(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<InterviewAssignment>>, ApiError> {
    user.require(Permission::ScoreInterviews)?;
    let seats = interviewers::Entity::find().filter(interviewers::Column::UserId.eq(user.id)).all(&state.db).await?;
    let mut assignments = Vec::new();
    let mut names_shown = 0;
    for seat in seats {
        let Some(vacancy) = vacancies::Entity::find_by_id(seat.vacancy_id).one(&state.db).await? else { continue };
        let open = is_open(&state.db, vacancy.id).await?;
        let mut candidates = Vec::new();
        if open {
            let progress = progress(&state.db, vacancy.id).await?;
            for application in candidates_of(&state.db, vacancy.id).await? {
                let submitted = progress.get(&application.id).cloned().unwrap_or_default();
                candidates.push(InterviewCandidate {
                    application_id: application.id,
                    label: application.label.clone(),
                    name: name_of(&state, &application).await?,
                    submitted: submitted.submitted_by.contains(&user.id),
                    consensus_open: submitted.all,
                });
            }
            names_shown += candidates.len();
        }
        assignments.push(InterviewAssignment { vacancy_id: vacancy.id, title: vacancy.title, open, candidates });
    }
    assignments.sort_by(|a, b| a.title.cmp(&b.title).then(a.vacancy_id.cmp(&b.vacancy_id)));
    if names_shown > 0 {
        identities_viewed(&state, &user, (None, INTERVIEW), names_shown).await?;
    }
    Ok(Json(assignments))
}

/// The interviewer's scorecard for one candidate: the kit and their own scores and notes.
#[utoipa::path(get, path = "/interviews/{vacancy}/{application}", tag = "interview",
    responses((status = 200, body = Scorecard), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`interview_not_open`")))]
pub async fn scorecard(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((vacancy_id, application_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<Scorecard>, ApiError> {
    let (vacancy, application, kit) = interview_seat(&state, &user, vacancy_id, application_id).await?;
    let scorecard = scorecard_of(&state, &user, &vacancy, &application, kit).await?;
    identities_viewed(&state, &user, (Some(vacancy.id), INTERVIEW), 1).await?;
    Ok(Json(scorecard))
}

/// Autosaves the interviewer's score and note on one question, until they submit. The first score
/// of the vacancy freezes the kit and starts the interviewing stage.
#[utoipa::path(put, path = "/interviews/{vacancy}/{application}/scores", tag = "interview",
    request_body = ScorecardInput,
    responses((status = 200, body = ScorecardEntry), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`interview_not_open` or `interview_submitted`"),
        (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %vacancy_id))]
pub async fn save_score(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((vacancy_id, application_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<ScorecardInput>,
) -> Result<Json<ScorecardEntry>, ApiError> {
    let (vacancy, application, kit) = interview_seat(&state, &user, vacancy_id, application_id).await?;
    if !kit.iter().any(|q| q.id == input.question_id) {
        return Err(ApiError::field("question_id", ErrorCode::NotFound));
    }
    let score =
        input.score.map(parse_score).transpose().map_err(|_| ApiError::field("score", ErrorCode::ScoreInvalid))?;
    let note = parse_note(input.note.as_deref()).map_err(|e| match e {
        ScoreError::NoteTooLong => ApiError::field("note", ErrorCode::NoteTooLong),
        ScoreError::OutOfRange => ApiError::field("score", ErrorCode::ScoreInvalid),
    })?;
    if submitted(&state.db, application.id, user.id).await? {
        return Err(ApiError::Conflict(ErrorCode::InterviewSubmitted));
    }
    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    let existing = interview_scores::Entity::find()
        .filter(interview_scores::Column::ApplicationId.eq(application.id))
        .filter(interview_scores::Column::InterviewerId.eq(user.id))
        .filter(interview_scores::Column::QuestionId.eq(input.question_id))
        .one(&*transaction)
        .await?;
    let row = interview_scores::ActiveModel {
        id: Set(existing.as_ref().map_or_else(Uuid::new_v4, |row| row.id)),
        vacancy_id: Set(vacancy.id),
        application_id: Set(application.id),
        interviewer_id: Set(user.id),
        question_id: Set(input.question_id),
        score: Set(score.map(i16::from)),
        note: Set(note.clone()),
        updated_at: Set(now),
    };
    if existing.is_some() {
        row.update(&*transaction).await?
    } else {
        row.insert(&*transaction).await?
    };
    if score.is_some() {
        interview_kits::Entity::update_many()
            .col_expr(interview_kits::Column::FrozenAt, Expr::value(Some(now)))
            .filter(interview_kits::Column::VacancyId.eq(vacancy.id))
            .filter(interview_kits::Column::FrozenAt.is_null())
            .exec(&*transaction)
            .await?;
        transition(&*transaction, vacancy.id, VacancyStatus::Shortlisted, VacancyStatus::Interviewing).await?;
    }
    transaction.commit().await?;
    Ok(Json(ScorecardEntry { question_id: input.question_id, score, note }))
}

/// Submits (seals) the interviewer's scores for one candidate: every question needs a score.
/// Audited. When the last interviewer submits, the candidate counts as interviewed.
#[utoipa::path(post, path = "/interviews/{vacancy}/{application}/submit", tag = "interview",
    responses((status = 200, body = Scorecard), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`interview_scores_missing` or `interview_not_open`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %vacancy_id))]
pub async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((vacancy_id, application_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<Scorecard>, ApiError> {
    let (vacancy, application, kit) = interview_seat(&state, &user, vacancy_id, application_id).await?;
    if !submitted(&state.db, application.id, user.id).await? {
        let own = own_scores(&state.db, application.id, user.id).await?;
        let complete = kit.iter().all(|q| own.iter().any(|s| s.question_id == q.id && s.score.is_some()));
        if !complete {
            return Err(ApiError::Conflict(ErrorCode::InterviewScoresMissing));
        }
        let transaction = state.audit.begin(&state.db).await?;
        interview_submissions::ActiveModel {
            application_id: Set(application.id),
            interviewer_id: Set(user.id),
            vacancy_id: Set(vacancy.id),
            submitted_at: Set(clock::now()),
        }
        .insert(&*transaction)
        .await?;
        if consensus_open(&*transaction, vacancy.id, application.id).await? {
            record_event(&state.keys, &*transaction, vacancy.id, application.draft_id, "interviewed", None).await?;
        }
        transaction
            .record(
                AuditEntry::new(AuditAction::InterviewSubmitted)
                    .actor(user.id)
                    .subject(vacancy.id)
                    .details(serde_json::json!({ "candidate": application.label })),
            )
            .await?;
        transaction.commit().await?;
    }
    Ok(Json(scorecard_of(&state, &user, &vacancy, &application, kit).await?))
}

/// Every interviewer's scores for one candidate side by side, once all of them submitted. For the
/// interviewers and the recruiter.
#[utoipa::path(get, path = "/interviews/{vacancy}/{application}/consensus", tag = "interview",
    responses((status = 200, body = Consensus), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`consensus_not_open`")))]
pub async fn consensus(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((vacancy_id, application_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<Consensus>, ApiError> {
    let (vacancy, application, kit) = consensus_reader(&state, &user, vacancy_id, application_id).await?;
    if !consensus_open(&state.db, vacancy.id, application.id).await? {
        return Err(ApiError::Conflict(ErrorCode::ConsensusNotOpen));
    }
    let panel = interviewers_of(&state.db, vacancy.id).await?;
    let rows = interview_scores::Entity::find()
        .filter(interview_scores::Column::ApplicationId.eq(application.id))
        .all(&state.db)
        .await?;
    let changes = interview_score_changes::Entity::find()
        .filter(interview_score_changes::Column::ScoreId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(interview_score_changes::Column::ChangedAt)
        .all(&state.db)
        .await?;
    let mut questions = Vec::new();
    for question in &kit {
        let mut scores = Vec::new();
        for interviewer in &panel {
            let Some(row) =
                rows.iter().find(|r| r.question_id == question.id && r.interviewer_id == interviewer.user_id)
            else {
                continue;
            };
            scores.push(InterviewerScore {
                interviewer: interviewer.display_name.clone(),
                own: interviewer.user_id == user.id,
                score: row.score.and_then(|s| u8::try_from(s).ok()).unwrap_or_default(),
                note: row.note.clone(),
                changes: changes
                    .iter()
                    .filter(|c| c.score_id == row.id)
                    .map(|c| ScoreChange {
                        old: u8::try_from(c.old_score).unwrap_or_default(),
                        new: u8::try_from(c.new_score).unwrap_or_default(),
                        reason: c.reason.clone(),
                        at: c.changed_at,
                    })
                    .collect(),
            });
        }
        let values: Vec<u8> = scores.iter().map(|s| s.score).collect();
        questions.push(ConsensusQuestion {
            question_id: question.id,
            prompt: question.prompt.clone(),
            anchors: question.anchors.clone(),
            disagreement: disagree(&values),
            scores,
        });
    }
    let interview_score = interview_scores_of(&state.db, vacancy.id, &kit).await?.get(&application.id).copied();
    identities_viewed(&state, &user, (Some(vacancy.id), INTERVIEW), 1).await?;
    Ok(Json(Consensus {
        label: application.label.clone(),
        name: name_of(&state, &application).await?,
        questions,
        interview_score: interview_score.unwrap_or_default(),
    }))
}

/// In the consensus discussion, an interviewer changes their own sealed score, with a reason; the
/// change is kept as old → new. Audited.
#[utoipa::path(post, path = "/interviews/{vacancy}/{application}/changes", tag = "interview",
    request_body = InterviewScoreChangeInput,
    responses((status = 200, body = Consensus), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`consensus_not_open`"), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %vacancy_id))]
pub async fn change_score(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((vacancy_id, application_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<InterviewScoreChangeInput>,
) -> Result<Json<Consensus>, ApiError> {
    let (vacancy, application, _) = interview_seat(&state, &user, vacancy_id, application_id).await?;
    if !consensus_open(&state.db, vacancy.id, application.id).await? {
        return Err(ApiError::Conflict(ErrorCode::ConsensusNotOpen));
    }
    let reason = parse_score_change(input.score, &input.reason)?;
    let own = interview_scores::Entity::find()
        .filter(interview_scores::Column::ApplicationId.eq(application.id))
        .filter(interview_scores::Column::InterviewerId.eq(user.id))
        .filter(interview_scores::Column::QuestionId.eq(input.question_id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let old = own.score.unwrap_or_default();
    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    interview_score_changes::ActiveModel {
        id: Set(Uuid::new_v4()),
        score_id: Set(own.id),
        old_score: Set(old),
        new_score: Set(i16::from(input.score)),
        reason: Set(reason),
        changed_by: Set(user.id),
        changed_at: Set(now),
    }
    .insert(&*transaction)
    .await?;
    let mut changed = interview_scores::ActiveModel::from(own);
    changed.score = Set(Some(i16::from(input.score)));
    changed.updated_at = Set(now);
    changed.update(&*transaction).await?;
    transaction
        .record(AuditEntry::new(AuditAction::InterviewScoreChanged).actor(user.id).subject(vacancy.id).details(
            serde_json::json!({ "candidate": application.label, "question": input.question_id, "old": old, "new": input.score }),
        ))
        .await?;
    transaction.commit().await?;
    consensus(State(state), user, Path((vacancy_id, application_id))).await
}

/// The interviews of a vacancy are open: the shortlist is unblinded and the kit has questions.
pub(crate) async fn is_open(db: &impl ConnectionTrait, vacancy: Uuid) -> Result<bool, ApiError> {
    let unblinded =
        shortlists::Entity::find_by_id(vacancy).one(db).await?.is_some_and(|s| s.unblinding_confirmed_at.is_some());
    Ok(unblinded && kit_of(db, vacancy).await?.is_some_and(|kit| !kit.is_empty()))
}

/// The shortlisted applications of `vacancy`, in sift order.
pub(crate) async fn candidates_of(
    db: &impl ConnectionTrait,
    vacancy: Uuid,
) -> Result<Vec<applications::Model>, ApiError> {
    let rows = shortlisted::Entity::find()
        .filter(shortlisted::Column::VacancyId.eq(vacancy))
        .order_by_asc(shortlisted::Column::Rank)
        .all(db)
        .await?;
    let mut candidates = Vec::new();
    for row in rows {
        if let Some(application) = applications::Entity::find_by_id(row.application_id).one(db).await? {
            candidates.push(application);
        }
    }
    Ok(candidates)
}

/// A candidate's name, from their sealed envelope. Only for the shortlisted, after unblinding.
pub(crate) async fn name_of(state: &AppState, application: &applications::Model) -> Result<String, ApiError> {
    let Some(envelope) = identity_envelopes::Entity::find_by_id(application.id).one(&state.db).await? else {
        return Ok(String::new());
    };
    let contact: Contact = state.keys.open_json(IDENTITY, application.id, &envelope.sealed)?;
    Ok(contact.name)
}

/// Who submitted for a candidate, and whether that is every current interviewer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Submissions {
    pub submitted_by: Vec<Uuid>,
    pub all: bool,
}

/// The submissions per candidate of `vacancy`, counting only its current interviewers.
pub(crate) async fn progress(db: &impl ConnectionTrait, vacancy: Uuid) -> Result<HashMap<Uuid, Submissions>, ApiError> {
    let panel = current_interviewers(db, vacancy).await?;
    let rows = interview_submissions::Entity::find()
        .filter(interview_submissions::Column::VacancyId.eq(vacancy))
        .all(db)
        .await?;
    let mut progress: HashMap<Uuid, Submissions> = HashMap::new();
    for row in rows.into_iter().filter(|row| panel.contains(&row.interviewer_id)) {
        progress.entry(row.application_id).or_default().submitted_by.push(row.interviewer_id);
    }
    for submissions in progress.values_mut() {
        submissions.all = !panel.is_empty() && panel.iter().all(|i| submissions.submitted_by.contains(i));
    }
    Ok(progress)
}

/// Every current interviewer of `vacancy` submitted for `application`.
async fn consensus_open(db: &impl ConnectionTrait, vacancy: Uuid, application: Uuid) -> Result<bool, ApiError> {
    Ok(progress(db, vacancy).await?.get(&application).is_some_and(|s| s.all))
}

async fn current_interviewers(db: &impl ConnectionTrait, vacancy: Uuid) -> Result<Vec<Uuid>, ApiError> {
    Ok(interviewers::Entity::find()
        .filter(interviewers::Column::VacancyId.eq(vacancy))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect())
}

/// The interview score of every candidate whose interviewers all submitted: the weighted mean over
/// the kit's questions of the mean over interviewers (`domain::scoring::aggregate`).
pub(crate) async fn interview_scores_of(
    db: &impl ConnectionTrait,
    vacancy: Uuid,
    kit: &[InterviewQuestion],
) -> Result<HashMap<Uuid, f64>, ApiError> {
    let progress = progress(db, vacancy).await?;
    let complete: Vec<Uuid> = progress.iter().filter(|(_, s)| s.all).map(|(a, _)| *a).collect();
    let panel = current_interviewers(db, vacancy).await?;
    let rows = interview_scores::Entity::find()
        .filter(interview_scores::Column::VacancyId.eq(vacancy))
        .filter(interview_scores::Column::ApplicationId.is_in(complete))
        .all(db)
        .await?;
    let cast: Vec<CastScore> = rows
        .iter()
        .filter(|row| panel.contains(&row.interviewer_id) && kit.iter().any(|q| q.id == row.question_id))
        .filter_map(|row| {
            Some(CastScore {
                candidate: row.application_id,
                question: row.question_id,
                member: row.interviewer_id,
                score: u8::try_from(row.score?).ok()?,
            })
        })
        .collect();
    let weights: Vec<(Uuid, u8)> = kit.iter().map(|q| (q.id, q.weight)).collect();
    Ok(aggregate(&weights, &cast, &[]).into_iter().map(|s| (s.candidate, s.score)).collect())
}

pub(crate) async fn submitted(
    db: &impl ConnectionTrait,
    application: Uuid,
    interviewer: Uuid,
) -> Result<bool, ApiError> {
    Ok(interview_submissions::Entity::find_by_id((application, interviewer)).one(db).await?.is_some())
}

async fn own_scores(
    db: &impl ConnectionTrait,
    application: Uuid,
    interviewer: Uuid,
) -> Result<Vec<ScorecardEntry>, ApiError> {
    let rows = interview_scores::Entity::find()
        .filter(interview_scores::Column::ApplicationId.eq(application))
        .filter(interview_scores::Column::InterviewerId.eq(interviewer))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| ScorecardEntry {
            question_id: row.question_id,
            score: row.score.and_then(|s| u8::try_from(s).ok()),
            note: row.note,
        })
        .collect())
}

async fn scorecard_of(
    state: &AppState,
    user: &CurrentUser,
    vacancy: &vacancies::Model,
    application: &applications::Model,
    questions: Vec<InterviewQuestion>,
) -> Result<Scorecard, ApiError> {
    Ok(Scorecard {
        vacancy_id: vacancy.id,
        vacancy_title: vacancy.title.clone(),
        application_id: application.id,
        label: application.label.clone(),
        name: name_of(state, application).await?,
        entries: own_scores(&state.db, application.id, user.id).await?,
        submitted: submitted(&state.db, application.id, user.id).await?,
        consensus_open: consensus_open(&state.db, vacancy.id, application.id).await?,
        questions,
    })
}

/// An open interview of a candidate the user interviews: the vacancy, the application and the kit.
/// A vacancy they do not interview for, or a candidate not on its shortlist, does not exist for them.
pub(crate) async fn interview_seat(
    state: &AppState,
    user: &CurrentUser,
    vacancy_id: Uuid,
    application_id: Uuid,
) -> Result<(vacancies::Model, applications::Model, Vec<InterviewQuestion>), ApiError> {
    user.require(Permission::ScoreInterviews)?;
    interviewers::Entity::find_by_id((vacancy_id, user.id)).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let vacancy = vacancies::Entity::find_by_id(vacancy_id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    candidate(state, vacancy, application_id).await
}

/// As [`interview_seat`], or the recruiter of the vacancy's organisation (the consensus view).
async fn consensus_reader(
    state: &AppState,
    user: &CurrentUser,
    vacancy_id: Uuid,
    application_id: Uuid,
) -> Result<(vacancies::Model, applications::Model, Vec<InterviewQuestion>), ApiError> {
    if user.role.may(Permission::ManageVacancies) {
        let vacancy = find(state, recruiter_organisation(user)?, vacancy_id).await?;
        return candidate(state, vacancy, application_id).await;
    }
    interview_seat(state, user, vacancy_id, application_id).await
}

async fn candidate(
    state: &AppState,
    vacancy: vacancies::Model,
    application_id: Uuid,
) -> Result<(vacancies::Model, applications::Model, Vec<InterviewQuestion>), ApiError> {
    if !is_open(&state.db, vacancy.id).await? {
        return Err(ApiError::Conflict(ErrorCode::InterviewNotOpen));
    }
    let on_list = shortlisted::Entity::find_by_id(application_id)
        .one(&state.db)
        .await?
        .is_some_and(|row| row.vacancy_id == vacancy.id);
    let application = applications::Entity::find_by_id(application_id).one(&state.db).await?;
    let (true, Some(application)) = (on_list, application) else { return Err(ApiError::NotFound) };
    let kit = kit_of(&state.db, vacancy.id).await?.unwrap_or_default();
    Ok((vacancy, application, kit))
}

/// Why names were shown: to interview.
pub(crate) const INTERVIEW: &str = "interview";

/// Names of candidates were shown to a staff member: who, how many, for which vacancy and what.
pub(crate) async fn identities_viewed(
    state: &AppState,
    user: &CurrentUser,
    (vacancy, purpose): (Option<Uuid>, &str),
    count: usize,
) -> Result<(), ApiError> {
    let mut entry = AuditEntry::new(AuditAction::IdentitiesViewed)
        .actor(user.id)
        .details(serde_json::json!({ "purpose": purpose, "count": count }));
    if let Some(vacancy) = vacancy {
        entry = entry.subject(vacancy);
    }
    let transaction = state.audit.begin(&state.db).await?;
    transaction.record(entry).await?;
    transaction.commit().await?;
    Ok(())
}
