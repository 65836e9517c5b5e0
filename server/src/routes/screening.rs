//! Screening: after the deadline the recruiter starts it; the server applies the knock-out questions,
//! numbers each answer in words at random per question, and runs the identity-cue detector over it.
//! The recruiter confirms or dismisses every finding and adds masks the detector missed; releasing
//! for scoring writes the committee's masked copies and the leak rate, and is audited. Until then no
//! committee member sees anything. The original answers stay as the applicant sent them.

use std::collections::HashMap;

use api::Language;
use api::problem::{ErrorCode, Problem};
use api::screening::{
    CommitteeMember, DecisionInput, Finding, MaskInput, ScreenedAnswer, ScreenedAnswerPage, Screening,
    ScreeningQuestion,
};
use api::vacancy::VacancyStatus;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use domain::application::{Answer, AnswerEntry, ApplicationStatus};
use domain::audit::AuditAction;
use domain::questionnaire::Question;
use domain::screening::{
    CueType, FindingDecision, FindingSource, LeakRate, Mask, failed_knock_outs, identity_cues, mask, mask_fits,
};
use rand::seq::SliceRandom;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, Set,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{applications, screened_answers, screening_findings, screenings, vacancies};
use crate::error::{ApiError, ApiJson};
use crate::routes::applications::record_event;
use crate::routes::committee::members_of;
use crate::routes::vacancies::{find, from_json, recruiter_organisation, status_of, transition};
use crate::startup::AppState;

/// Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters.
const CHUNK: usize = 500;

/// Where screening of a vacancy stands.
#[utoipa::path(get, path = "/vacancies/{id}/screening", tag = "screening",
    responses((status = 200, body = Screening), (status = 404, body = Problem)))]
pub async fn summary(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Screening>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    Ok(Json(screening_of(&state, &vacancy).await?))
}

/// Starts screening a closed vacancy: knock-outs applied, answers numbered, the detector run.
#[utoipa::path(post, path = "/vacancies/{id}/screening", tag = "screening",
    responses(
        (status = 200, body = Screening),
        (status = 409, body = Problem, description = "`vacancy_still_open` or `screening_already_started`"),
    ))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn start(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Screening>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let now = clock::now();
    match status_of(&vacancy)? {
        VacancyStatus::Published if vacancy.closes_at.is_some_and(|deadline| deadline <= now) => {}
        VacancyStatus::Draft | VacancyStatus::Published => return Err(ApiError::Conflict(ErrorCode::VacancyStillOpen)),
        _ => return Err(ApiError::Conflict(ErrorCode::ScreeningAlreadyStarted)),
    }
    let questions: Vec<Question> = from_json(&vacancy.questions)?;
    let submitted = applications::Entity::find()
        .filter(applications::Column::VacancyId.eq(vacancy.id))
        .filter(applications::Column::Status.eq(ApplicationStatus::Submitted.as_str()))
        .order_by_asc(applications::Column::Id)
        .all(&state.db)
        .await?;
    let mut passed = Vec::new();
    let mut knocked_out = Vec::new();
    for application in &submitted {
        let answers: Vec<AnswerEntry> = from_json(&application.answers)?;
        if failed_knock_outs(&questions, &answers).is_empty() {
            passed.push((application, answers));
        } else {
            knocked_out.push(application);
        }
    }
    let (answer_rows, finding_rows) = screen(&vacancy, &questions, &passed);

    let transaction = state.audit.begin(&state.db).await?;
    if !transition(&*transaction, vacancy.id, VacancyStatus::Published, VacancyStatus::Screening).await? {
        return Err(ApiError::Conflict(ErrorCode::ScreeningAlreadyStarted));
    }
    screenings::ActiveModel {
        vacancy_id: Set(vacancy.id),
        started_at: Set(now),
        started_by: Set(user.id),
        applications: Set(count(submitted.len())),
        knocked_out: Set(count(knocked_out.len())),
        released_at: Set(None),
        released_by: Set(None),
        leak_rate: Set(None),
    }
    .insert(&*transaction)
    .await?;
    let passed_ids: Vec<Uuid> = passed.iter().map(|(a, _)| a.id).collect();
    let knocked_out_ids: Vec<Uuid> = knocked_out.iter().map(|a| a.id).collect();
    for (ids, outcome) in [(&passed_ids, "passed"), (&knocked_out_ids, "knocked_out")] {
        for chunk in ids.chunks(CHUNK) {
            applications::Entity::update_many()
                .col_expr(applications::Column::Screening, Expr::value(outcome))
                .filter(applications::Column::Id.is_in(chunk.iter().copied()))
                .exec(&*transaction)
                .await?;
        }
    }
    for application in &knocked_out {
        record_event(&state.keys, &*transaction, vacancy.id, application.draft_id, "knocked_out", None).await?;
    }
    for chunk in answer_rows.chunks(CHUNK) {
        screened_answers::Entity::insert_many(chunk.iter().cloned().map(screened_answers::ActiveModel::from))
            .exec_without_returning(&*transaction)
            .await?;
    }
    for chunk in finding_rows.chunks(CHUNK) {
        screening_findings::Entity::insert_many(chunk.iter().cloned().map(screening_findings::ActiveModel::from))
            .exec_without_returning(&*transaction)
            .await?;
    }
    transaction
        .record(AuditEntry::new(AuditAction::ScreeningStarted).actor(user.id).subject(vacancy.id).details(
            serde_json::json!({
                "applications": submitted.len(),
                "knocked_out": knocked_out.len(),
                "answers": answer_rows.len(),
                "findings": finding_rows.len(),
            }),
        ))
        .await?;
    transaction.commit().await?;
    tracing::info!(answers = answer_rows.len(), findings = finding_rows.len(), "screening started");
    let vacancy = find(&state, organisation, id).await?;
    Ok(Json(screening_of(&state, &vacancy).await?))
}

/// The answers in words of the applications that passed, numbered at random per question, and the
/// detector's findings in them.
fn screen(
    vacancy: &vacancies::Model,
    questions: &[Question],
    passed: &[(&applications::Model, Vec<AnswerEntry>)],
) -> (Vec<screened_answers::Model>, Vec<screening_findings::Model>) {
    let mut answers = Vec::new();
    let mut findings = Vec::new();
    let mut rng = rand::rng();
    for question in questions.iter().filter(|q| q.kind.takes_text()) {
        let mut numbers: Vec<i32> = (1..=count(passed.len())).collect();
        numbers.shuffle(&mut rng);
        for ((application, entries), number) in passed.iter().zip(numbers) {
            let answer = screened_answers::Model {
                id: Uuid::new_v4(),
                vacancy_id: vacancy.id,
                question_id: question.id,
                application_id: application.id,
                number,
                masked: None,
            };
            for cue in identity_cues(&text_of(entries, question.id)) {
                findings.push(screening_findings::Model {
                    id: Uuid::new_v4(),
                    answer_id: answer.id,
                    kind: cue.kind.as_str().to_owned(),
                    span_start: count(cue.start),
                    span_end: count(cue.end),
                    confidence: cue.confidence,
                    source: FindingSource::Detector.as_str().to_owned(),
                    decision: FindingDecision::Pending.as_str().to_owned(),
                    decided_by: None,
                    decided_at: None,
                });
            }
            answers.push(answer);
        }
    }
    (answers, findings)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct AnswersQuery {
    /// 1-based page number.
    #[serde(default = "first_page")]
    page: u64,
    /// Items per page, 1 to 100.
    #[serde(default = "default_per_page")]
    per_page: u64,
    /// Only answers with at least one finding.
    #[serde(default)]
    flagged: bool,
}

fn first_page() -> u64 {
    1
}

fn default_per_page() -> u64 {
    10
}

/// The answers to one question with their findings, by number, a page at a time. No applicant is named.
#[utoipa::path(get, path = "/vacancies/{id}/screening/questions/{question_id}", tag = "screening",
    params(AnswersQuery), responses((status = 200, body = ScreenedAnswerPage), (status = 404, body = Problem)))]
pub async fn answers(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question_id)): Path<(Uuid, Uuid)>,
    Query(query): Query<AnswersQuery>,
) -> Result<Json<ScreenedAnswerPage>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let (page, per_page) = (query.page.max(1), query.per_page.clamp(1, 100));
    let mut select = screened_answers::Entity::find()
        .filter(screened_answers::Column::VacancyId.eq(vacancy.id))
        .filter(screened_answers::Column::QuestionId.eq(question_id));
    if query.flagged {
        let with_findings =
            screening_findings::Entity::find().select_only().column(screening_findings::Column::AnswerId).into_query();
        select = select.filter(screened_answers::Column::Id.in_subquery(with_findings));
    }
    let paginator = select.order_by_asc(screened_answers::Column::Number).paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    let originals = original_texts(&state.db, &rows).await?;
    let mut findings = findings_of(&state.db, rows.iter().map(|r| r.id)).await?;
    let items = rows
        .iter()
        .map(|row| ScreenedAnswer {
            id: row.id,
            number: u32::try_from(row.number).unwrap_or_default(),
            text: originals.get(&row.id).cloned().unwrap_or_default(),
            findings: findings.remove(&row.id).unwrap_or_default(),
        })
        .collect();
    Ok(Json(ScreenedAnswerPage { items, page, per_page, total }))
}

/// Confirms a finding (masked for the committee) or dismisses it (left as written).
#[utoipa::path(put, path = "/vacancies/{id}/screening/findings/{finding_id}", tag = "screening",
    request_body = DecisionInput,
    responses((status = 200, body = Finding), (status = 409, body = Problem, description = "`not_screening`"),
        (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, finding_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> Result<Json<Finding>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    if input.decision == FindingDecision::Pending {
        return Err(ApiError::field("decision", ErrorCode::DecisionInvalid));
    }
    let finding = screening_findings::Entity::find_by_id(finding_id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    answer_of(&state.db, vacancy.id, finding.answer_id).await?;
    require_screening(&vacancy)?;
    let mut decided = screening_findings::ActiveModel::from(finding);
    decided.decision = Set(input.decision.as_str().to_owned());
    decided.decided_by = Set(Some(user.id));
    decided.decided_at = Set(Some(clock::now()));
    finding_of(decided.update(&state.db).await?).map(Json)
}

/// Confirms every finding of one question that has no decision yet: after dismissing what should
/// stay, the recruiter masks the rest in one act.
#[utoipa::path(post, path = "/vacancies/{id}/screening/questions/{question_id}/confirm-pending", tag = "screening",
    responses((status = 200, body = Screening), (status = 409, body = Problem, description = "`not_screening`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn confirm_pending(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<Screening>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    require_screening(&vacancy)?;
    let of_question = screened_answers::Entity::find()
        .select_only()
        .column(screened_answers::Column::Id)
        .filter(screened_answers::Column::VacancyId.eq(vacancy.id))
        .filter(screened_answers::Column::QuestionId.eq(question_id))
        .into_query();
    screening_findings::Entity::update_many()
        .col_expr(screening_findings::Column::Decision, Expr::value(FindingDecision::Confirmed.as_str()))
        .col_expr(screening_findings::Column::DecidedBy, Expr::value(Some(user.id)))
        .col_expr(screening_findings::Column::DecidedAt, Expr::value(Some(clock::now())))
        .filter(screening_findings::Column::Decision.eq(FindingDecision::Pending.as_str()))
        .filter(screening_findings::Column::AnswerId.in_subquery(of_question))
        .exec(&state.db)
        .await?;
    Ok(Json(screening_of(&state, &vacancy).await?))
}

/// Masks a span the detector missed. It counts as confirmed.
#[utoipa::path(post, path = "/vacancies/{id}/screening/answers/{answer_id}/masks", tag = "screening",
    request_body = MaskInput,
    responses((status = 201, body = Finding), (status = 409, body = Problem, description = "`not_screening`"),
        (status = 422, body = Problem, description = "`mask_invalid`: not a span of the answer")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn add_mask(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, answer_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<MaskInput>,
) -> Result<(StatusCode, Json<Finding>), ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let answer = answer_of(&state.db, vacancy.id, answer_id).await?;
    require_screening(&vacancy)?;
    let text = original_texts(&state.db, std::slice::from_ref(&answer)).await?.remove(&answer.id).unwrap_or_default();
    let (start, end) = (input.start as usize, input.end as usize);
    if !mask_fits(&text, start, end) {
        return Err(ApiError::field("start", ErrorCode::MaskInvalid));
    }
    let finding = screening_findings::Model {
        id: Uuid::new_v4(),
        answer_id: answer.id,
        kind: input.kind.as_str().to_owned(),
        span_start: count(start),
        span_end: count(end),
        confidence: 1.0,
        source: FindingSource::Manual.as_str().to_owned(),
        decision: FindingDecision::Confirmed.as_str().to_owned(),
        decided_by: Some(user.id),
        decided_at: Some(clock::now()),
    };
    screening_findings::ActiveModel::from(finding.clone()).insert(&state.db).await?;
    Ok((StatusCode::CREATED, Json(finding_of(finding)?)))
}

/// Releases the answers for scoring: writes the committee's masked copies and the leak rate. Every
/// finding must be decided and the committee chosen. Audited; after this nothing in screening changes.
#[utoipa::path(post, path = "/vacancies/{id}/screening/release", tag = "screening",
    responses((status = 200, body = Screening),
        (status = 409, body = Problem, description = "`not_screening`, `findings_pending` or `committee_empty`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn release(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Screening>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    require_screening(&vacancy)?;
    let answers = screened_answers::Entity::find()
        .filter(screened_answers::Column::VacancyId.eq(vacancy.id))
        .all(&state.db)
        .await?;
    let findings = findings_of(&state.db, answers.iter().map(|a| a.id)).await?;
    if findings.values().flatten().any(|f| f.decision == FindingDecision::Pending) {
        return Err(ApiError::Conflict(ErrorCode::FindingsPending));
    }
    if members_of(&state.db, vacancy.id).await?.is_empty() {
        return Err(ApiError::Conflict(ErrorCode::CommitteeEmpty));
    }
    let language = Language::from_tag(&vacancy.language).unwrap_or_default();
    let applications = applications_of(&state.db, &answers).await?;
    let originals = texts_of(&applications, &answers)?;
    // The leak rate counts the answers of applications that are still in (not withdrawn since).
    let still_in = |application: Uuid| {
        applications.get(&application).is_some_and(|a| a.status == ApplicationStatus::Submitted.as_str())
    };
    let mut masked = Vec::with_capacity(answers.len());
    let mut confirmed_per_answer = Vec::new();
    for answer in &answers {
        let masks: Vec<Mask> = findings
            .get(&answer.id)
            .into_iter()
            .flatten()
            .filter(|f| f.decision == FindingDecision::Confirmed)
            .map(|f| Mask { kind: f.kind, start: f.start as usize, end: f.end as usize })
            .collect();
        let text = originals.get(&answer.id).map(String::as_str).unwrap_or_default();
        masked.push((answer.id, mask(text, &masks, language)));
        if still_in(answer.application_id) {
            confirmed_per_answer.push(masks);
        }
    }
    let leak_rate = LeakRate::of(confirmed_per_answer.iter().map(Vec::as_slice));
    let now = clock::now();

    let transaction = state.audit.begin(&state.db).await?;
    if !transition(&*transaction, vacancy.id, VacancyStatus::Screening, VacancyStatus::Scoring).await? {
        return Err(ApiError::Conflict(ErrorCode::NotScreening));
    }
    for (answer, text) in masked {
        screened_answers::Entity::update_many()
            .col_expr(screened_answers::Column::Masked, Expr::value(Some(text)))
            .filter(screened_answers::Column::Id.eq(answer))
            .exec(&*transaction)
            .await?;
    }
    let leak_json = serde_json::to_string(&leak_rate).map_err(anyhow::Error::from)?;
    screenings::Entity::update_many()
        .col_expr(screenings::Column::ReleasedAt, Expr::value(Some(now)))
        .col_expr(screenings::Column::ReleasedBy, Expr::value(Some(user.id)))
        .col_expr(screenings::Column::LeakRate, Expr::value(Some(leak_json)))
        .filter(screenings::Column::VacancyId.eq(vacancy.id))
        .exec(&*transaction)
        .await?;
    transaction
        .record(
            AuditEntry::new(AuditAction::ScreeningReleased)
                .actor(user.id)
                .subject(vacancy.id)
                .details(serde_json::to_value(&leak_rate).map_err(anyhow::Error::from)?),
        )
        .await?;
    transaction.commit().await?;
    tracing::info!(answers = leak_rate.answers, with_cue = leak_rate.answers_with_cue, "released for scoring");
    let vacancy = find(&state, organisation, id).await?;
    Ok(Json(screening_of(&state, &vacancy).await?))
}

/// 409 unless the vacancy is being screened (decisions and masks change nothing after the release).
fn require_screening(vacancy: &vacancies::Model) -> Result<(), ApiError> {
    if status_of(vacancy)? == VacancyStatus::Screening {
        Ok(())
    } else {
        Err(ApiError::Conflict(ErrorCode::NotScreening))
    }
}

/// A screened answer of `vacancy`; one of another vacancy does not exist here.
async fn answer_of(
    db: &impl ConnectionTrait,
    vacancy: Uuid,
    answer: Uuid,
) -> Result<screened_answers::Model, ApiError> {
    screened_answers::Entity::find_by_id(answer)
        .filter(screened_answers::Column::VacancyId.eq(vacancy))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

async fn screening_of(state: &AppState, vacancy: &vacancies::Model) -> Result<Screening, ApiError> {
    let status = status_of(vacancy)?;
    let screening = screenings::Entity::find_by_id(vacancy.id).one(&state.db).await?;
    let applications = match &screening {
        Some(s) => u32::try_from(s.applications).unwrap_or_default(),
        None => {
            let submitted = applications::Entity::find()
                .filter(applications::Column::VacancyId.eq(vacancy.id))
                .filter(applications::Column::Status.eq(ApplicationStatus::Submitted.as_str()))
                .count(&state.db)
                .await?;
            u32::try_from(submitted).unwrap_or(u32::MAX)
        }
    };
    let answers: Vec<(Uuid, Uuid)> = screened_answers::Entity::find()
        .select_only()
        .columns([screened_answers::Column::Id, screened_answers::Column::QuestionId])
        .filter(screened_answers::Column::VacancyId.eq(vacancy.id))
        .into_tuple()
        .all(&state.db)
        .await?;
    let findings = findings_of(&state.db, answers.iter().map(|(id, _)| *id)).await?;
    let questions: Vec<Question> = from_json(&vacancy.questions)?;
    let questions = questions
        .iter()
        .filter(|q| q.kind.takes_text())
        .map(|q| {
            let mut row = ScreeningQuestion {
                id: q.id,
                kind: q.kind,
                prompt: q.prompt.clone(),
                answers: 0,
                flagged: 0,
                pending: 0,
                confirmed: 0,
            };
            for (answer, _) in answers.iter().filter(|(_, question)| *question == q.id) {
                row.answers += 1;
                let of_answer = findings.get(answer).map(Vec::as_slice).unwrap_or_default();
                if !of_answer.is_empty() {
                    row.flagged += 1;
                }
                row.pending += count_u32(of_answer.iter().filter(|f| f.decision == FindingDecision::Pending).count());
                row.confirmed +=
                    count_u32(of_answer.iter().filter(|f| f.decision == FindingDecision::Confirmed).count());
            }
            row
        })
        .collect();
    let pending = findings.values().flatten().filter(|f| f.decision == FindingDecision::Pending).count();
    let leak_rate = match screening.as_ref().and_then(|s| s.leak_rate.as_deref()) {
        Some(json) => Some(from_json::<LeakRate>(json)?),
        None => None,
    };
    let committee: Vec<CommitteeMember> = members_of(&state.db, vacancy.id).await?;
    Ok(Screening {
        vacancy_id: vacancy.id,
        title: vacancy.title.clone(),
        language: Language::from_tag(&vacancy.language).unwrap_or_default(),
        status,
        closes_at: vacancy.closes_at,
        can_start: status == VacancyStatus::Published && vacancy.closes_at.is_some_and(|d| d <= clock::now()),
        started_at: screening.as_ref().map(|s| s.started_at),
        released_at: screening.as_ref().and_then(|s| s.released_at),
        applications,
        knocked_out: screening.as_ref().map(|s| u32::try_from(s.knocked_out).unwrap_or_default()).unwrap_or_default(),
        questions,
        pending: count_u32(pending),
        leak_rate,
        committee,
    })
}

/// The findings of the given answers, per answer, in order of position.
async fn findings_of(
    db: &impl ConnectionTrait,
    answers: impl Iterator<Item = Uuid>,
) -> Result<HashMap<Uuid, Vec<Finding>>, ApiError> {
    let ids: Vec<Uuid> = answers.collect();
    let mut found: HashMap<Uuid, Vec<Finding>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows = screening_findings::Entity::find()
            .filter(screening_findings::Column::AnswerId.is_in(chunk.iter().copied()))
            .order_by_asc(screening_findings::Column::SpanStart)
            .order_by_asc(screening_findings::Column::Id)
            .all(db)
            .await?;
        for row in rows {
            let answer = row.answer_id;
            found.entry(answer).or_default().push(finding_of(row)?);
        }
    }
    Ok(found)
}

fn finding_of(row: screening_findings::Model) -> Result<Finding, ApiError> {
    let unknown = || anyhow::anyhow!("finding {} has an unknown type, source or decision", row.id);
    Ok(Finding {
        id: row.id,
        kind: CueType::parse(&row.kind).ok_or_else(unknown)?,
        start: u32::try_from(row.span_start).unwrap_or_default(),
        end: u32::try_from(row.span_end).unwrap_or_default(),
        confidence: row.confidence,
        source: FindingSource::parse(&row.source).ok_or_else(unknown)?,
        decision: FindingDecision::parse(&row.decision).ok_or_else(unknown)?,
    })
}

/// The original text of each screened answer, from the application as the applicant sent it.
async fn original_texts(
    db: &impl ConnectionTrait,
    answers: &[screened_answers::Model],
) -> Result<HashMap<Uuid, String>, ApiError> {
    texts_of(&applications_of(db, answers).await?, answers)
}

/// The applications the answers belong to, by id, each read once.
async fn applications_of(
    db: &impl ConnectionTrait,
    answers: &[screened_answers::Model],
) -> Result<HashMap<Uuid, applications::Model>, ApiError> {
    let mut ids: Vec<Uuid> = answers.iter().map(|a| a.application_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut found = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows =
            applications::Entity::find().filter(applications::Column::Id.is_in(chunk.iter().copied())).all(db).await?;
        found.extend(rows.into_iter().map(|row| (row.id, row)));
    }
    Ok(found)
}

/// The original text of each answer, each application's answers document parsed once.
fn texts_of(
    applications: &HashMap<Uuid, applications::Model>,
    answers: &[screened_answers::Model],
) -> Result<HashMap<Uuid, String>, ApiError> {
    let mut documents: HashMap<Uuid, Vec<AnswerEntry>> = HashMap::new();
    for (id, application) in applications {
        documents.insert(*id, from_json(&application.answers)?);
    }
    Ok(answers
        .iter()
        .map(|a| {
            let entries = documents.get(&a.application_id).map(Vec::as_slice).unwrap_or_default();
            (a.id, text_of(entries, a.question_id))
        })
        .collect())
}

/// The answer in words to `question`, or empty.
fn text_of(entries: &[AnswerEntry], question: Uuid) -> String {
    entries
        .iter()
        .find_map(|entry| match &entry.answer {
            Answer::Text(text) if entry.question_id == question => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Counts and offsets as the database stores them. An answer has at most a few thousand characters,
/// and a vacancy far fewer than 2^31 applications.
fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
