//! The reliability of a pilot's scoring, for its evaluators and admins: how much the committee
//! agreed in the sift, and the interviewers in the interview, per question and per vacancy; each
//! scorer's leniency without a name; and whether a score depends on where the answer came in the
//! scorer's order. Computed on the scores as they were given independently: only sealed sift scores
//! and submitted scorecards, and a score changed in the consensus with its first value. Nothing
//! from fewer than the pilot's k candidates.

use std::collections::{HashMap, HashSet};

use api::evaluation::{
    PositionEffect, Reliability, ReliabilityQuestion, ReliabilitySummary, ReliabilityVacancy, ScoreSource,
};
use api::problem::Problem;
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::evaluation::reliability::{Rating, position_effect, summary, vacancy_reliability};
use domain::interview::InterviewQuestion;
use domain::questionnaire::Question;
use sea_orm::sea_query::Query as SqlQuery;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::{
    interview_kits, interview_score_changes, interview_scores, interview_submissions, pilots, question_seals,
    score_changes, scores, screened_answers, vacancies,
};
use crate::error::ApiError;
use crate::routes::evaluation::k_of;
use crate::routes::pilots::{readable, vacancies_of};
use crate::routes::vacancies::from_json;
use crate::startup::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ReliabilityQuery {
    /// The sift's scores (the default) or the interview's.
    #[serde(default)]
    source: ScoreSource,
    /// 1-based page of vacancies.
    #[serde(default = "first_page")]
    page: u64,
    /// Vacancies per page, 1 to 50.
    #[serde(default = "default_per_page")]
    per_page: u64,
}

fn first_page() -> u64 {
    1
}

fn default_per_page() -> u64 {
    10
}

/// The reliability of the sift's or the interview's scores: the pilot's medians and the position
/// effect, and a page of vacancies, by title, with their questions' agreement and scorers' leniency.
#[utoipa::path(get, path = "/pilots/{id}/reliability", tag = "evaluation", params(ReliabilityQuery),
    responses((status = 200, body = Reliability), (status = 404, body = Problem)))]
pub async fn reliability_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<ReliabilityQuery>,
) -> Result<Json<Reliability>, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    let report = reliability_for(&state, &pilot, query.source).await?;
    let (page, per_page) = (query.page.max(1), query.per_page.clamp(1, 50));
    let total = report.vacancies.len() as u64;
    let skip = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
    let vacancies = report.vacancies.into_iter().skip(skip).take(usize::try_from(per_page).unwrap_or_default());
    Ok(Json(Reliability {
        source: query.source,
        k: k_of(&pilot),
        summary: report.summary,
        position: report.position,
        vacancies: vacancies.collect(),
        page,
        per_page,
        total,
    }))
}

/// The reliability of a pilot's sift or interview scores, every vacancy with scores.
pub(crate) struct ReliabilityReport {
    /// By title, each with its questions in their order.
    pub vacancies: Vec<ReliabilityVacancy>,
    pub summary: ReliabilitySummary,
    pub position: Option<PositionEffect>,
}

pub(crate) async fn reliability_for(
    state: &AppState,
    pilot: &pilots::Model,
    source: ScoreSource,
) -> Result<ReliabilityReport, ApiError> {
    let k = u64::from(k_of(pilot));
    let vacancies = vacancies_of(&state.db, pilot).await?;
    let (ratings, labels) = match source {
        ScoreSource::Sift => sift_ratings(state, &vacancies).await?,
        ScoreSource::Interview => interview_ratings(state, &vacancies).await?,
    };
    let reports = vacancy_reliability(&ratings, k);
    let summary = summary(&reports);
    let mut reports: HashMap<Uuid, _> = reports.into_iter().map(|r| (r.vacancy, r)).collect();
    let vacancies = vacancies
        .iter()
        .filter_map(|vacancy| {
            let report = reports.remove(&vacancy.id)?;
            let order = labels.get(&vacancy.id);
            let mut questions: Vec<(usize, ReliabilityQuestion)> = report
                .questions
                .into_iter()
                .map(|q| {
                    let (index, label) = order
                        .and_then(|o| o.iter().position(|(id, _)| *id == q.question).map(|i| (i, o[i].1.clone())))
                        .unwrap_or((usize::MAX, String::new()));
                    (index, ReliabilityQuestion { label, agreement: q.agreement })
                })
                .collect();
            questions.sort_by_key(|(index, _)| *index);
            Some(ReliabilityVacancy {
                vacancy_id: vacancy.id,
                title: vacancy.title.clone(),
                questions: questions.into_iter().map(|(_, q)| q).collect(),
                overall: report.overall,
                leniency: report.leniency,
            })
        })
        .collect();
    Ok(ReliabilityReport { vacancies, summary, position: position_effect(&ratings, k) })
}

/// Questions of each vacancy in their order: id and prompt.
type Labels = HashMap<Uuid, Vec<(Uuid, String)>>;

/// The committee's sift scores, each at its first value, with its position in the member's order
/// and the length of that order (the answers to the question).
async fn sift_ratings(state: &AppState, vacancies: &[vacancies::Model]) -> Result<(Vec<Rating>, Labels), ApiError> {
    let ids: Vec<Uuid> = vacancies.iter().map(|v| v.id).collect();
    // Only the columns needed: a large pilot has hundreds of thousands of scores.
    let answers: Vec<(Uuid, Uuid, Uuid)> = screened_answers::Entity::find()
        .select_only()
        .columns([
            screened_answers::Column::Id,
            screened_answers::Column::ApplicationId,
            screened_answers::Column::QuestionId,
        ])
        .filter(screened_answers::Column::VacancyId.is_in(ids.clone()))
        .into_tuple()
        .all(&state.db)
        .await?;
    let candidate_of: HashMap<Uuid, Uuid> = answers.iter().map(|(id, application, _)| (*id, *application)).collect();
    let mut answers_to: HashMap<Uuid, u32> = HashMap::new();
    for (_, _, question) in &answers {
        *answers_to.entry(*question).or_default() += 1;
    }
    let rows: Vec<(Uuid, Uuid, Uuid, Uuid, Uuid, i16, i32)> = scores::Entity::find()
        .select_only()
        .columns([
            scores::Column::Id,
            scores::Column::VacancyId,
            scores::Column::QuestionId,
            scores::Column::AnswerId,
            scores::Column::MemberId,
            scores::Column::Score,
            scores::Column::Position,
        ])
        .filter(scores::Column::VacancyId.is_in(ids.clone()))
        .into_tuple()
        .all(&state.db)
        .await?;
    let sealed: HashSet<(Uuid, Uuid)> = question_seals::Entity::find()
        .filter(question_seals::Column::VacancyId.is_in(ids.clone()))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|seal| (seal.question_id, seal.member_id))
        .collect();
    let first_values = first_values(
        score_changes::Entity::find()
            .filter(
                score_changes::Column::ScoreId.in_subquery(
                    SqlQuery::select()
                        .column(scores::Column::Id)
                        .from(scores::Entity)
                        .and_where(scores::Column::VacancyId.is_in(ids.clone()))
                        .to_owned(),
                ),
            )
            .order_by_asc(score_changes::Column::ChangedAt)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|c| (c.score_id, c.old_score)),
    );
    let ratings = rows
        .into_iter()
        .filter(|(_, _, question, _, member, _, _)| sealed.contains(&(*question, *member)))
        .filter_map(|(id, vacancy, question, answer, member, score, position)| {
            let length = answers_to.get(&question).copied().unwrap_or_default();
            Some(Rating {
                vacancy,
                question,
                candidate: *candidate_of.get(&answer)?,
                scorer: member,
                score: f64::from(first_values.get(&id).copied().unwrap_or(score)),
                position: u32::try_from(position - 1).ok().map(|p| (p, length)),
            })
        })
        .collect();
    let mut labels = Labels::new();
    for vacancy in vacancies {
        let questions: Vec<Question> = from_json(&vacancy.questions)?;
        labels.insert(vacancy.id, questions.into_iter().map(|q| (q.id, q.prompt)).collect());
    }
    Ok((ratings, labels))
}

/// The interviewers' scores, each at its first value; the interview has no order.
async fn interview_ratings(
    state: &AppState,
    vacancies: &[vacancies::Model],
) -> Result<(Vec<Rating>, Labels), ApiError> {
    let ids: Vec<Uuid> = vacancies.iter().map(|v| v.id).collect();
    let rows = interview_scores::Entity::find()
        .filter(interview_scores::Column::VacancyId.is_in(ids.clone()))
        .all(&state.db)
        .await?;
    let submitted: HashSet<(Uuid, Uuid)> = interview_submissions::Entity::find()
        .filter(interview_submissions::Column::VacancyId.is_in(ids.clone()))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|submission| (submission.application_id, submission.interviewer_id))
        .collect();
    let first_values = first_values(
        interview_score_changes::Entity::find()
            .filter(
                interview_score_changes::Column::ScoreId.in_subquery(
                    SqlQuery::select()
                        .column(interview_scores::Column::Id)
                        .from(interview_scores::Entity)
                        .and_where(interview_scores::Column::VacancyId.is_in(ids.clone()))
                        .to_owned(),
                ),
            )
            .order_by_asc(interview_score_changes::Column::ChangedAt)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|c| (c.score_id, c.old_score)),
    );
    let ratings = rows
        .into_iter()
        .filter(|row| submitted.contains(&(row.application_id, row.interviewer_id)))
        .filter_map(|row| {
            let score = first_values.get(&row.id).copied().or(row.score)?;
            Some(Rating {
                vacancy: row.vacancy_id,
                question: row.question_id,
                candidate: row.application_id,
                scorer: row.interviewer_id,
                score: f64::from(score),
                position: None,
            })
        })
        .collect();
    let mut labels = Labels::new();
    for kit in
        interview_kits::Entity::find().filter(interview_kits::Column::VacancyId.is_in(ids)).all(&state.db).await?
    {
        let questions: Vec<InterviewQuestion> = from_json(&kit.questions)?;
        labels.insert(kit.vacancy_id, questions.into_iter().map(|q| (q.id, q.prompt)).collect());
    }
    Ok((ratings, labels))
}

/// The value each changed score had before its first change, from changes oldest first.
fn first_values(changes: impl Iterator<Item = (Uuid, i16)>) -> HashMap<Uuid, i16> {
    let mut first = HashMap::new();
    for (score, old) in changes {
        first.entry(score).or_insert(old);
    }
    first
}
