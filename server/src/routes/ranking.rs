//! The recruiter's view of the sift: how far the committee is (no scores), and once every member
//! sealed every question, the ranking of pseudonymous candidates, aggregated mechanically
//! (`domain::scoring::aggregate`; multiple-choice questions count by their key). Only now are answers
//! regrouped per candidate.

use std::collections::HashMap;

use api::problem::{ErrorCode, Problem};
use api::ranking::{MemberProgress, QuestionProgress, RankedCandidate, Ranking, ScoringProgress};
use axum::Json;
use axum::extract::{Path, State};
use domain::application::{Answer, AnswerEntry};
use domain::questionnaire::{Question, QuestionKind};
use domain::scoring::{CastScore, KeyedScore, aggregate, key_score};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::{
    applications, committee_members, question_seals, scores, screened_answers, screenings, users, vacancies,
};
use crate::error::ApiError;
use crate::routes::vacancies::{find, from_json, recruiter_organisation};
use crate::startup::AppState;

/// How far each member is, per question; never a score.
#[utoipa::path(get, path = "/vacancies/{id}/scoring", tag = "scoring",
    responses((status = 200, body = ScoringProgress), (status = 404, body = Problem)))]
pub async fn progress(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<ScoringProgress>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    Ok(Json(progress_of(&state, &vacancy).await?))
}

/// Candidates by sift score, once every member sealed every question (409 before).
#[utoipa::path(get, path = "/vacancies/{id}/ranking", tag = "scoring",
    responses((status = 200, body = Ranking), (status = 409, body = Problem, description = "`ranking_not_ready`")))]
pub async fn ranking(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Ranking>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let (ranked, knocked_out) = ranked_candidates(&state, &vacancy).await?;
    let mut knocked_out_labels: Vec<String> = applications::Entity::find()
        .filter(applications::Column::VacancyId.eq(vacancy.id))
        .filter(applications::Column::Screening.eq("knocked_out"))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|a| a.label)
        .collect();
    knocked_out_labels.sort();
    Ok(Json(Ranking {
        candidates: ranked.into_iter().map(|(_, candidate)| candidate).collect(),
        knocked_out,
        knocked_out_labels,
    }))
}

/// The ranking with each candidate's application id (which never leaves the server), and the number
/// of knock-outs; 409 until every member sealed every question.
pub(crate) async fn ranked_candidates(
    state: &AppState,
    vacancy: &vacancies::Model,
) -> Result<(Vec<(Uuid, RankedCandidate)>, u32), ApiError> {
    if !progress_of(state, vacancy).await?.complete {
        return Err(ApiError::Conflict(ErrorCode::RankingNotReady));
    }
    let SiftData { weights, cast, keyed, labels: submitted } = sift_data(state, vacancy).await?;
    let ranked = aggregate(&weights, &cast, &keyed)
        .into_iter()
        .enumerate()
        .map(|(index, ranked)| {
            let candidate = RankedCandidate {
                rank: u32::try_from(index + 1).unwrap_or(u32::MAX),
                label: submitted.get(&ranked.candidate).cloned().unwrap_or_default(),
                score: ranked.score,
                spread: ranked.spread,
            };
            (ranked.candidate, candidate)
        })
        .collect();
    let knocked_out = screenings::Entity::find_by_id(vacancy.id).one(&state.db).await?.map_or(0, |s| s.knocked_out);
    Ok((ranked, u32::try_from(knocked_out).unwrap_or_default()))
}

/// What the sift scores are computed from: each question's weight, the members' scores of the
/// submitted applications, the multiple-choice keys, and each application's label.
pub(crate) struct SiftData {
    pub weights: Vec<(Uuid, u8)>,
    pub cast: Vec<CastScore>,
    pub keyed: Vec<KeyedScore>,
    pub labels: HashMap<Uuid, String>,
}

pub(crate) async fn sift_data(state: &AppState, vacancy: &vacancies::Model) -> Result<SiftData, ApiError> {
    // Committee-scored questions, and multiple-choice questions scored by their key.
    let questions: Vec<Question> = from_json(&vacancy.questions)?;
    let keyed_questions: Vec<&Question> = questions.iter().filter(|q| q.kind == QuestionKind::MultipleChoice).collect();
    let weights: Vec<(Uuid, u8)> = questions
        .iter()
        .filter(|q| q.kind.is_scored_by_committee() || q.kind == QuestionKind::MultipleChoice)
        .map(|q| (q.id, q.weight))
        .collect();
    let answers = screened_answers::Entity::find()
        .filter(screened_answers::Column::VacancyId.eq(vacancy.id))
        .all(&state.db)
        .await?;
    let candidate_of: HashMap<Uuid, Uuid> = answers.iter().map(|a| (a.id, a.application_id)).collect();
    let submitted_rows = applications::Entity::find()
        .filter(applications::Column::VacancyId.eq(vacancy.id))
        .filter(applications::Column::Status.eq(domain::application::ApplicationStatus::Submitted.as_str()))
        .all(&state.db)
        .await?;
    let mut keyed = Vec::new();
    for application in &submitted_rows {
        let answers: Vec<AnswerEntry> = from_json(&application.answers)?;
        for question in &keyed_questions {
            let chosen = answers.iter().find_map(|a| match a.answer {
                Answer::Choice(option) if a.question_id == question.id => Some(option),
                _ => None,
            });
            let correct = chosen.is_some_and(|option| question.options.iter().any(|o| o.id == option && o.correct));
            keyed.push(KeyedScore { candidate: application.id, question: question.id, score: key_score(correct) });
        }
    }
    let submitted: HashMap<Uuid, String> = submitted_rows.into_iter().map(|a| (a.id, a.label)).collect();
    let cast: Vec<CastScore> = scores::Entity::find()
        .filter(scores::Column::VacancyId.eq(vacancy.id))
        .all(&state.db)
        .await?
        .into_iter()
        .filter_map(|s| {
            let candidate = *candidate_of.get(&s.answer_id)?;
            submitted.contains_key(&candidate).then_some(CastScore {
                candidate,
                question: s.question_id,
                member: s.member_id,
                score: u8::try_from(s.score).ok()?,
            })
        })
        .collect();
    Ok(SiftData { weights, cast, keyed, labels: submitted })
}

fn scored_questions(vacancy: &vacancies::Model) -> Result<Vec<Question>, ApiError> {
    let questions: Vec<Question> = from_json(&vacancy.questions)?;
    Ok(questions.into_iter().filter(|q| q.kind.is_scored_by_committee()).collect())
}

async fn progress_of(state: &AppState, vacancy: &vacancies::Model) -> Result<ScoringProgress, ApiError> {
    let questions = scored_questions(vacancy)?;
    let seats = committee_members::Entity::find()
        .filter(committee_members::Column::VacancyId.eq(vacancy.id))
        .all(&state.db)
        .await?;
    let seals =
        question_seals::Entity::find().filter(question_seals::Column::VacancyId.eq(vacancy.id)).all(&state.db).await?;
    let mut members = Vec::new();
    for seat in &seats {
        let name = users::Entity::find_by_id(seat.user_id).one(&state.db).await?.map(|u| u.display_name);
        let sealed = seals.iter().filter(|s| s.member_id == seat.user_id).count();
        members.push(MemberProgress {
            display_name: name.unwrap_or_default(),
            chair: seat.chair,
            conduct_confirmed: seat.conduct_confirmed_at.is_some(),
            questions_sealed: u32::try_from(sealed).unwrap_or_default(),
        });
    }
    members.sort_by(|a, b| b.chair.cmp(&a.chair).then(a.display_name.cmp(&b.display_name)));
    let questions: Vec<QuestionProgress> = questions
        .into_iter()
        .map(|q| QuestionProgress {
            id: q.id,
            members_sealed: u32::try_from(
                seals
                    .iter()
                    .filter(|s| s.question_id == q.id && seats.iter().any(|m| m.user_id == s.member_id))
                    .count(),
            )
            .unwrap_or_default(),
            prompt: q.prompt,
        })
        .collect();
    let complete = !seats.is_empty()
        && !questions.is_empty()
        && questions.iter().all(|q| q.members_sealed as usize == seats.len());
    Ok(ScoringProgress { members, questions, complete })
}
