//! The sift: a committee member confirms the conduct statement, which draws the seed of their own
//! random order; then scores each question's masked answers in that order (autosaved, position
//! kept), and seals the question when every answer has a score. Until every member sealed a
//! question nobody sees another's scores, the recruiter included; then the panel view shows them
//! side by side, with disagreements of two points or more flagged.

use std::collections::HashMap;

use api::committee::{
    CommitteeQuestion, CommitteeVacancy, Panel, PanelAnswer, PanelScore, ScoreChange, ScoreChangeInput, ScoreInput,
    Sift, SiftAnswer,
};
use api::problem::{ErrorCode, Problem};
use axum::Json;
use axum::extract::{Path, State};
use domain::audit::AuditAction;
use domain::questionnaire::Question;
use domain::scoring::{ScoreError, disagree, parse_change_reason, parse_note, parse_score, scoring_order};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{committee_members, question_seals, score_changes, scores, screened_answers, users, vacancies};
use crate::error::{ApiError, ApiJson};
use crate::routes::committee::{readable, released_to};
use crate::routes::vacancies::from_json;
use crate::startup::AppState;

/// Confirms the conduct statement: no looking candidates up elsewhere, scoring independently.
/// Draws the seed of the member's scoring order. Audited.
#[utoipa::path(post, path = "/committee/vacancies/{id}/conduct", tag = "committee",
    responses((status = 200, body = CommitteeVacancy), (status = 404, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn confirm_conduct(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<CommitteeVacancy>, ApiError> {
    let (vacancy, seat) = released_to(&state, &user, id).await?;
    if seat.conduct_confirmed_at.is_none() {
        let transaction = state.audit.begin(&state.db).await?;
        committee_members::Entity::update_many()
            .col_expr(committee_members::Column::ConductConfirmedAt, Expr::value(Some(clock::now())))
            .col_expr(committee_members::Column::OrderSeed, Expr::value(Some(rand::random::<i64>())))
            .filter(committee_members::Column::VacancyId.eq(vacancy.id))
            .filter(committee_members::Column::UserId.eq(user.id))
            .exec(&*transaction)
            .await?;
        transaction.record(AuditEntry::new(AuditAction::ConductConfirmed).actor(user.id).subject(vacancy.id)).await?;
        transaction.commit().await?;
    }
    super::committee::vacancy(State(state), user, Path(id)).await
}

/// The answers to one question in this member's order, with their own scores.
#[utoipa::path(get, path = "/committee/vacancies/{id}/questions/{question_id}/sift", tag = "committee",
    responses((status = 200, body = Sift), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`conduct_required`")))]
pub async fn sift(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<Sift>, ApiError> {
    let (vacancy, seat) = scoring_seat(&state, &user, id).await?;
    Ok(Json(sift_of(&state.db, &vacancy, &seat, question_id).await?))
}

/// Saves this member's score of one answer (by its number); as often as it changes, until sealed.
#[utoipa::path(put, path = "/committee/vacancies/{id}/questions/{question_id}/sift/{number}", tag = "committee",
    request_body = ScoreInput,
    responses((status = 200, body = SiftAnswer), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`conduct_required` or `question_sealed`"),
        (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn score(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question_id, number)): Path<(Uuid, Uuid, u32)>,
    ApiJson(input): ApiJson<ScoreInput>,
) -> Result<Json<SiftAnswer>, ApiError> {
    let (vacancy, seat) = scoring_seat(&state, &user, id).await?;
    let score = parse_score(input.score).map_err(|_| ApiError::field("score", ErrorCode::ScoreInvalid))?;
    let note = parse_note(input.note.as_deref()).map_err(|e| match e {
        ScoreError::NoteTooLong => ApiError::field("note", ErrorCode::NoteTooLong),
        ScoreError::OutOfRange => ApiError::field("score", ErrorCode::ScoreInvalid),
    })?;
    if sealed_by(&state.db, vacancy.id, question_id, user.id).await? {
        return Err(ApiError::Conflict(ErrorCode::QuestionSealed));
    }
    // Only ids and numbers: the order needs every answer, the save only this one.
    let numbered: Vec<(Uuid, i32)> = readable(vacancy.id, question_id)
        .select_only()
        .columns([screened_answers::Column::Id, screened_answers::Column::Number])
        .into_tuple()
        .all(&state.db)
        .await?;
    let wanted = i32::try_from(number).unwrap_or(-1);
    let (answer_id, _) = *numbered.iter().find(|(_, n)| *n == wanted).ok_or(ApiError::NotFound)?;
    let ids: Vec<Uuid> = numbered.iter().map(|(id, _)| *id).collect();
    let order = scoring_order(seed_of(&seat), question_id, &ids);
    let position = order.iter().position(|a| *a == answer_id).map_or(0, |p| p + 1);
    let answer = screened_answers::Entity::find_by_id(answer_id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let now = clock::now();
    let existing = scores::Entity::find()
        .filter(scores::Column::AnswerId.eq(answer.id))
        .filter(scores::Column::MemberId.eq(user.id))
        .one(&state.db)
        .await?;
    match existing {
        Some(row) => {
            let mut row = scores::ActiveModel::from(row);
            row.score = Set(i16::from(score));
            row.note = Set(note.clone());
            row.updated_at = Set(now);
            row.update(&state.db).await?;
        }
        None => {
            scores::ActiveModel {
                id: Set(Uuid::new_v4()),
                vacancy_id: Set(vacancy.id),
                question_id: Set(question_id),
                answer_id: Set(answer.id),
                member_id: Set(user.id),
                score: Set(i16::from(score)),
                note: Set(note.clone()),
                position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
                scored_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&state.db)
            .await?;
        }
    }
    Ok(Json(SiftAnswer {
        number,
        position: u32::try_from(position).unwrap_or_default(),
        text: answer.masked.clone().unwrap_or_default(),
        score: Some(score),
        note,
    }))
}

/// Seals this member's scores of a question; every answer must have one. Audited.
#[utoipa::path(post, path = "/committee/vacancies/{id}/questions/{question_id}/seal", tag = "committee",
    responses((status = 200, body = Sift),
        (status = 409, body = Problem, description = "`conduct_required` or `scores_missing`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn seal(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<Sift>, ApiError> {
    let (vacancy, seat) = scoring_seat(&state, &user, id).await?;
    let current = sift_of(&state.db, &vacancy, &seat, question_id).await?;
    if current.answers.is_empty() || current.answers.iter().any(|a| a.score.is_none()) {
        return Err(ApiError::Conflict(ErrorCode::ScoresMissing));
    }
    if !current.sealed {
        let transaction = state.audit.begin(&state.db).await?;
        question_seals::ActiveModel {
            vacancy_id: Set(vacancy.id),
            question_id: Set(question_id),
            member_id: Set(user.id),
            sealed_at: Set(clock::now()),
        }
        .insert(&*transaction)
        .await?;
        transaction
            .record(
                AuditEntry::new(AuditAction::QuestionSealed)
                    .actor(user.id)
                    .subject(vacancy.id)
                    .details(serde_json::json!({ "question": question_id, "scores": current.answers.len() })),
            )
            .await?;
        transaction.commit().await?;
    }
    Ok(Json(sift_of(&state.db, &vacancy, &seat, question_id).await?))
}

/// Once every member sealed a question: each answer's scores side by side, by number.
#[utoipa::path(get, path = "/committee/vacancies/{id}/questions/{question_id}/panel", tag = "committee",
    responses((status = 200, body = Panel), (status = 409, body = Problem, description = "`panel_not_open`")))]
pub async fn panel(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<Panel>, ApiError> {
    let (vacancy, _) = scoring_seat(&state, &user, id).await?;
    let question = question_of(&vacancy, question_id)?;
    let question = committee_question(&state.db, vacancy.id, question, user.id).await?;
    if !question.panel_open {
        return Err(ApiError::Conflict(ErrorCode::PanelNotOpen));
    }
    let answers =
        readable(vacancy.id, question_id).order_by_asc(screened_answers::Column::Number).all(&state.db).await?;
    let all_scores = scores::Entity::find()
        .filter(scores::Column::VacancyId.eq(vacancy.id))
        .filter(scores::Column::QuestionId.eq(question_id))
        .all(&state.db)
        .await?;
    let changes = score_changes::Entity::find()
        .filter(score_changes::Column::ScoreId.is_in(all_scores.iter().map(|s| s.id)))
        .order_by_asc(score_changes::Column::ChangedAt)
        .all(&state.db)
        .await?;
    let mut names: HashMap<Uuid, String> = HashMap::new();
    for member in all_scores.iter().map(|s| s.member_id) {
        if let std::collections::hash_map::Entry::Vacant(entry) = names.entry(member) {
            let name = users::Entity::find_by_id(member).one(&state.db).await?.map(|u| u.display_name);
            entry.insert(name.unwrap_or_default());
        }
    }
    let answers = answers
        .into_iter()
        .map(|answer| {
            let mut of_answer: Vec<PanelScore> = all_scores
                .iter()
                .filter(|s| s.answer_id == answer.id)
                .map(|s| PanelScore {
                    member: names.get(&s.member_id).cloned().unwrap_or_default(),
                    score: u8::try_from(s.score).unwrap_or_default(),
                    note: s.note.clone(),
                    own: s.member_id == user.id,
                    changes: changes
                        .iter()
                        .filter(|c| c.score_id == s.id)
                        .map(|c| ScoreChange {
                            old: u8::try_from(c.old_score).unwrap_or_default(),
                            new: u8::try_from(c.new_score).unwrap_or_default(),
                            reason: c.reason.clone(),
                            at: c.changed_at,
                        })
                        .collect(),
                })
                .collect();
            of_answer.sort_by(|a, b| a.member.cmp(&b.member));
            let values: Vec<u8> = of_answer.iter().map(|s| s.score).collect();
            let mean = if values.is_empty() {
                0.0
            } else {
                values.iter().map(|v| f64::from(*v)).sum::<f64>() / values.len() as f64
            };
            PanelAnswer {
                number: u32::try_from(answer.number).unwrap_or_default(),
                text: answer.masked.unwrap_or_default(),
                disagreement: disagree(&values),
                scores: of_answer,
                mean,
            }
        })
        .collect();
    Ok(Json(Panel { question, answers }))
}

/// In calibration, after every member sealed the question: changes this member's own sealed score,
/// with a reason. Kept as old → new, who, when and why; audited.
#[utoipa::path(put, path = "/committee/vacancies/{id}/questions/{question_id}/sift/{number}/change", tag = "committee",
    request_body = ScoreChangeInput,
    responses((status = 200, body = Panel), (status = 409, body = Problem, description = "`panel_not_open`"),
        (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn change_score(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question_id, number)): Path<(Uuid, Uuid, u32)>,
    ApiJson(input): ApiJson<ScoreChangeInput>,
) -> Result<Json<Panel>, ApiError> {
    let (vacancy, _) = scoring_seat(&state, &user, id).await?;
    let question = committee_question(&state.db, vacancy.id, question_of(&vacancy, question_id)?, user.id).await?;
    if !question.panel_open {
        return Err(ApiError::Conflict(ErrorCode::PanelNotOpen));
    }
    let reason = parse_score_change(input.score, &input.reason)?;
    let answer = readable(vacancy.id, question_id)
        .filter(screened_answers::Column::Number.eq(i32::try_from(number).unwrap_or(-1)))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let own = scores::Entity::find()
        .filter(scores::Column::AnswerId.eq(answer.id))
        .filter(scores::Column::MemberId.eq(user.id))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    score_changes::ActiveModel {
        id: Set(Uuid::new_v4()),
        score_id: Set(own.id),
        old_score: Set(own.score),
        new_score: Set(i16::from(input.score)),
        reason: Set(reason),
        changed_by: Set(user.id),
        changed_at: Set(now),
    }
    .insert(&*transaction)
    .await?;
    let old = own.score;
    let mut changed = scores::ActiveModel::from(own);
    changed.score = Set(i16::from(input.score));
    changed.updated_at = Set(now);
    changed.update(&*transaction).await?;
    transaction
        .record(
            AuditEntry::new(AuditAction::ScoreChanged).actor(user.id).subject(vacancy.id).details(
                serde_json::json!({ "question": question_id, "answer": number, "old": old, "new": input.score }),
            ),
        )
        .await?;
    transaction.commit().await?;
    panel(State(state), user, Path((id, question_id))).await
}

/// A question as the committee sees it, with this member's progress and whether the panel is open.
pub(crate) async fn committee_question(
    db: &impl ConnectionTrait,
    vacancy: Uuid,
    question: Question,
    member: Uuid,
) -> Result<CommitteeQuestion, ApiError> {
    let answers = readable(vacancy, question.id).count(db).await?;
    let scored = scores::Entity::find()
        .filter(scores::Column::VacancyId.eq(vacancy))
        .filter(scores::Column::QuestionId.eq(question.id))
        .filter(scores::Column::MemberId.eq(member))
        .count(db)
        .await?;
    let members =
        committee_members::Entity::find().filter(committee_members::Column::VacancyId.eq(vacancy)).count(db).await?;
    let seals = question_seals::Entity::find()
        .filter(question_seals::Column::VacancyId.eq(vacancy))
        .filter(question_seals::Column::QuestionId.eq(question.id))
        .all(db)
        .await?;
    Ok(CommitteeQuestion {
        id: question.id,
        kind: question.kind,
        prompt: question.prompt,
        scenario: question.scenario,
        guide: question.guide.unwrap_or_default(),
        weight: question.weight,
        answers: u32::try_from(answers).unwrap_or(u32::MAX),
        scored: u32::try_from(scored).unwrap_or(u32::MAX),
        sealed: seals.iter().any(|s| s.member_id == member),
        panel_open: members > 0 && seals.len() as u64 >= members,
    })
}

/// The member's seat on a released vacancy, with the conduct statement confirmed (409 otherwise).
async fn scoring_seat(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(vacancies::Model, committee_members::Model), ApiError> {
    let (vacancy, seat) = released_to(state, user, id).await?;
    if seat.conduct_confirmed_at.is_none() || seat.order_seed.is_none() {
        return Err(ApiError::Conflict(ErrorCode::ConductRequired));
    }
    Ok((vacancy, seat))
}

/// A question of `vacancy` that the committee scores; any other does not exist here.
pub(crate) fn question_of(vacancy: &vacancies::Model, question_id: Uuid) -> Result<Question, ApiError> {
    let questions: Vec<Question> = from_json(&vacancy.questions)?;
    questions.into_iter().find(|q| q.id == question_id && q.kind.is_scored_by_committee()).ok_or(ApiError::NotFound)
}

/// The member's order of the answers: their seed's permutation for this question.
fn order_of(seat: &committee_members::Model, question: Uuid, answers: &[screened_answers::Model]) -> Vec<Uuid> {
    let ids: Vec<Uuid> = answers.iter().map(|a| a.id).collect();
    scoring_order(seed_of(seat), question, &ids)
}

/// The seed is stored as a signed 64-bit number; its bits are the generator's seed.
fn seed_of(seat: &committee_members::Model) -> u64 {
    u64::from_ne_bytes(seat.order_seed.unwrap_or_default().to_ne_bytes())
}

async fn sealed_by(db: &impl ConnectionTrait, vacancy: Uuid, question: Uuid, member: Uuid) -> Result<bool, ApiError> {
    Ok(question_seals::Entity::find_by_id((vacancy, question, member)).one(db).await?.is_some())
}

async fn sift_of(
    db: &impl ConnectionTrait,
    vacancy: &vacancies::Model,
    seat: &committee_members::Model,
    question_id: Uuid,
) -> Result<Sift, ApiError> {
    let question = committee_question(db, vacancy.id, question_of(vacancy, question_id)?, seat.user_id).await?;
    let answers = readable(vacancy.id, question_id).all(db).await?;
    let mine: HashMap<Uuid, scores::Model> = scores::Entity::find()
        .filter(scores::Column::VacancyId.eq(vacancy.id))
        .filter(scores::Column::QuestionId.eq(question_id))
        .filter(scores::Column::MemberId.eq(seat.user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.answer_id, s))
        .collect();
    let by_id: HashMap<Uuid, &screened_answers::Model> = answers.iter().map(|a| (a.id, a)).collect();
    let ordered = order_of(seat, question_id, &answers)
        .into_iter()
        .enumerate()
        .filter_map(|(index, id)| {
            let answer = by_id.get(&id)?;
            let score = mine.get(&id);
            Some(SiftAnswer {
                number: u32::try_from(answer.number).unwrap_or_default(),
                position: u32::try_from(index + 1).unwrap_or_default(),
                text: answer.masked.clone().unwrap_or_default(),
                score: score.and_then(|s| u8::try_from(s.score).ok()),
                note: score.and_then(|s| s.note.clone()),
            })
        })
        .collect();
    let members =
        committee_members::Entity::find().filter(committee_members::Column::VacancyId.eq(vacancy.id)).count(db).await?;
    let members_sealed = question_seals::Entity::find()
        .filter(question_seals::Column::VacancyId.eq(vacancy.id))
        .filter(question_seals::Column::QuestionId.eq(question_id))
        .count(db)
        .await?;
    Ok(Sift {
        vacancy_id: vacancy.id,
        sealed: question.sealed,
        question,
        answers: ordered,
        members: u32::try_from(members).unwrap_or_default(),
        members_sealed: u32::try_from(members_sealed).unwrap_or_default(),
    })
}

/// A sealed score changed in discussion: the new score (1 to 5) and the reason (10 to 500
/// characters), both named when wrong. Returns the reason.
pub(crate) fn parse_score_change(score: u8, reason: &str) -> Result<String, ApiError> {
    let mut invalid = Vec::new();
    if parse_score(score).is_err() {
        invalid.push(("score", ErrorCode::ScoreInvalid));
    }
    let reason = parse_change_reason(reason);
    if reason.is_none() {
        invalid.push(("reason", ErrorCode::ChangeReasonRequired));
    }
    match (reason, invalid.is_empty()) {
        (Some(reason), true) => Ok(reason),
        _ => Err(ApiError::invalid(invalid)),
    }
}
