//! The scores of a pilot as they were given independently: in the sift only those of questions a
//! member sealed, in the interview only those of submitted scorecards, and a score changed later
//! (in the consensus) at its first value. Each comes with the question's prompt for the tables.
//! Their reliability is worked out once per view and kept with them.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use api::evaluation::{PositionEffect, ReliabilityQuestion, ReliabilitySummary, ReliabilityVacancy};
use domain::evaluation::View;
use domain::evaluation::reliability::{Rating, position_effect, summary, vacancy_reliability};
use domain::interview::InterviewQuestion;
use domain::questionnaire::Question;
use sea_orm::sea_query::{Expr, ExprTrait, Func, Order, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Statement,
};
use uuid::Uuid;

use super::{PilotVacancy, VACANCIES_PER_READ, in_view};
use crate::entities::{
    interview_kits, interview_score_changes, interview_scores, interview_submissions, question_seals, score_changes,
    scores, screened_answers, vacancies,
};
use crate::error::ApiError;
use crate::routes::vacancies::from_json;

/// The scores of a pilot's sift or interview.
pub(crate) struct Ratings {
    vacancies: Vec<PilotVacancy>,
    ratings: Vec<Rating>,
    /// Per vacancy, its questions in their order: id and prompt.
    labels: HashMap<Uuid, Vec<(Uuid, String)>>,
    /// Reports worked out so far, by view and k.
    reports: Mutex<HashMap<ReportKey, Arc<ReliabilityReport>>>,
}

/// A view of the pilot and its k.
type ReportKey = (View, u64);

/// The reliability of a pilot's sift or interview scores, every vacancy with scores.
#[derive(Debug)]
pub(crate) struct ReliabilityReport {
    /// By title, each with its questions in their order.
    pub vacancies: Vec<ReliabilityVacancy>,
    pub summary: ReliabilitySummary,
    pub position: Option<PositionEffect>,
}

impl Ratings {
    fn new(vacancies: Vec<PilotVacancy>, ratings: Vec<Rating>, labels: HashMap<Uuid, Vec<(Uuid, String)>>) -> Ratings {
        Ratings { vacancies, ratings, labels, reports: Mutex::default() }
    }

    /// The reliability of the vacancies in `view`, nothing from fewer than `k` candidates.
    pub fn report(&self, view: View, k: u64) -> Arc<ReliabilityReport> {
        // Held while working out: a second request for the same report waits for the first.
        let mut reports = match self.reports.lock() {
            Ok(reports) => reports,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(report) = reports.get(&(view, k)) {
            return report.clone();
        }
        let started = Instant::now();
        let report = Arc::new(self.work_out(view, k));
        tracing::info!(elapsed_ms = started.elapsed().as_millis(), "worked out the reliability");
        reports.insert((view, k), report.clone());
        report
    }

    fn work_out(&self, view: View, k: u64) -> ReliabilityReport {
        let vacancies = in_view(&self.vacancies, view);
        let shown: HashSet<Uuid> = vacancies.iter().map(|v| v.id).collect();
        let in_view: Vec<Rating>;
        let ratings: &[Rating] = if view == View::default() {
            &self.ratings
        } else {
            in_view = self.ratings.iter().filter(|r| shown.contains(&r.vacancy)).cloned().collect();
            &in_view
        };
        let reports = vacancy_reliability(ratings, k);
        let summary = summary(&reports);
        let mut reports: HashMap<Uuid, _> = reports.into_iter().map(|r| (r.vacancy, r)).collect();
        let vacancies = vacancies
            .iter()
            .filter_map(|vacancy| {
                let report = reports.remove(&vacancy.id)?;
                let order = self.labels.get(&vacancy.id);
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
        ReliabilityReport { vacancies, summary, position: position_effect(ratings, k) }
    }
}

/// The committee's sealed sift scores, each with its position in the member's order and the length
/// of that order (the answers to the question).
pub(super) async fn sift(
    db: &DatabaseConnection,
    vacancies: Vec<PilotVacancy>,
    expected: usize,
) -> Result<Ratings, ApiError> {
    use scores::Column as Score;
    let ids: Vec<Uuid> = vacancies.iter().map(|v| v.id).collect();
    let lengths: HashMap<Uuid, i64> = screened_answers::Entity::find()
        .select_only()
        .column(screened_answers::Column::QuestionId)
        .expr_as(Func::count(Expr::col(screened_answers::Column::Id)), "answers")
        .filter(screened_answers::Column::VacancyId.is_in(ids.clone()))
        .group_by(screened_answers::Column::QuestionId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    // A changed score by its answer and member (one score each), at its value before the first change.
    let changes = Query::select()
        .columns([(scores::Entity, Score::AnswerId), (scores::Entity, Score::MemberId)])
        .column((score_changes::Entity, score_changes::Column::OldScore))
        .from(score_changes::Entity)
        .inner_join(
            scores::Entity,
            Expr::col((scores::Entity, Score::Id)).equals((score_changes::Entity, score_changes::Column::ScoreId)),
        )
        .and_where(Expr::col((scores::Entity, Score::VacancyId)).is_in(ids.clone()))
        .order_by((score_changes::Entity, score_changes::Column::ChangedAt), Order::Asc)
        .to_owned();
    let mut first: HashMap<(Uuid, Uuid), i16> = HashMap::new();
    for row in db.query_all(&changes).await? {
        let key = (row.try_get("", "answer_id")?, row.try_get("", "member_id")?);
        let old: i16 = row.try_get("", "old_score")?;
        first.entry(key).or_insert(old);
    }
    let mut ratings = Vec::with_capacity(expected);
    // A few vacancies at a time: the rows as read weigh far more than the ratings they become. Three
    // plain reads joined here, and only the columns needed: a join in SQL looks every score's
    // answer up one by one, and every value read costs.
    for chunk in ids.chunks(VACANCIES_PER_READ) {
        let chunk = chunk.iter().copied();
        let answers: HashMap<Uuid, (Uuid, Uuid)> = screened_answers::Entity::find()
            .select_only()
            .columns([
                screened_answers::Column::Id,
                screened_answers::Column::ApplicationId,
                screened_answers::Column::VacancyId,
            ])
            .filter(screened_answers::Column::VacancyId.is_in(chunk.clone()))
            .into_tuple::<(Uuid, Uuid, Uuid)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(answer, application, vacancy)| (answer, (application, vacancy)))
            .collect();
        let sealed: HashSet<(Uuid, Uuid)> = question_seals::Entity::find()
            .select_only()
            .columns([question_seals::Column::QuestionId, question_seals::Column::MemberId])
            .filter(question_seals::Column::VacancyId.is_in(chunk.clone()))
            .into_tuple::<(Uuid, Uuid)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let rows: Vec<(Uuid, Uuid, Uuid, i16, i32)> = scores::Entity::find()
            .select_only()
            .columns([Score::AnswerId, Score::MemberId, Score::QuestionId, Score::Score, Score::Position])
            .filter(Score::VacancyId.is_in(chunk))
            .into_tuple()
            .all(db)
            .await?;
        ratings.extend(rows.into_iter().filter(|row| sealed.contains(&(row.2, row.1))).filter_map(
            |(answer, member, question, score, position)| {
                let (candidate, vacancy) = *answers.get(&answer)?;
                let length = lengths.get(&question).and_then(|n| u32::try_from(*n).ok()).unwrap_or_default();
                Some(Rating {
                    vacancy,
                    question,
                    candidate,
                    scorer: member,
                    score: f64::from(first.get(&(answer, member)).copied().unwrap_or(score)),
                    position: u32::try_from(position - 1).ok().map(|p| (p, length)),
                })
            },
        ));
    }
    let mut labels = HashMap::new();
    let questionnaires: Vec<(Uuid, String)> = vacancies::Entity::find()
        .select_only()
        .columns([vacancies::Column::Id, vacancies::Column::Questions])
        .filter(vacancies::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    for (vacancy, questions) in questionnaires {
        let questions: Vec<Question> = from_json(&questions)?;
        labels.insert(vacancy, questions.into_iter().map(|q| (q.id, q.prompt)).collect());
    }
    Ok(Ratings::new(vacancies, ratings, labels))
}

#[derive(FromQueryResult)]
struct InterviewScore {
    id: Uuid,
    vacancy_id: Uuid,
    question_id: Uuid,
    application_id: Uuid,
    interviewer_id: Uuid,
    score: Option<i16>,
}

/// The interviewers' scores on submitted scorecards; the interview has no order.
pub(super) async fn interview(
    db: &DatabaseConnection,
    vacancies: Vec<PilotVacancy>,
    expected: usize,
) -> Result<Ratings, ApiError> {
    use interview_scores::Column as Score;
    use interview_submissions::Column as Submission;
    let ids: Vec<Uuid> = vacancies.iter().map(|v| v.id).collect();
    let changed = interview_score_changes::Entity::find()
        .select_only()
        .columns([interview_score_changes::Column::ScoreId, interview_score_changes::Column::OldScore])
        .filter(
            interview_score_changes::Column::ScoreId.in_subquery(
                Query::select()
                    .column(Score::Id)
                    .from(interview_scores::Entity)
                    .and_where(Score::VacancyId.is_in(ids.clone()))
                    .to_owned(),
            ),
        )
        .order_by_asc(interview_score_changes::Column::ChangedAt)
        .into_tuple::<(Uuid, i16)>()
        .all(db)
        .await?;
    let first = first_values(changed);
    let mut ratings = Vec::with_capacity(expected);
    for chunk in ids.chunks(VACANCIES_PER_READ) {
        let submitted = Query::select()
            .columns(
                [
                    Score::Id,
                    Score::VacancyId,
                    Score::QuestionId,
                    Score::ApplicationId,
                    Score::InterviewerId,
                    Score::Score,
                ]
                .map(|column| (interview_scores::Entity, column)),
            )
            .from(interview_scores::Entity)
            .inner_join(
                interview_submissions::Entity,
                Expr::col((interview_submissions::Entity, Submission::ApplicationId))
                    .equals((interview_scores::Entity, Score::ApplicationId))
                    .and(
                        Expr::col((interview_submissions::Entity, Submission::InterviewerId))
                            .equals((interview_scores::Entity, Score::InterviewerId)),
                    ),
            )
            .and_where(Expr::col((interview_scores::Entity, Score::VacancyId)).is_in(chunk.iter().copied()))
            .to_owned();
        let rows = InterviewScore::find_by_statement(statement(db, &submitted)).all(db).await?;
        ratings.extend(rows.into_iter().filter_map(|row| {
            let score = first.get(&row.id).copied().or(row.score)?;
            Some(Rating {
                vacancy: row.vacancy_id,
                question: row.question_id,
                candidate: row.application_id,
                scorer: row.interviewer_id,
                score: f64::from(score),
                position: None,
            })
        }));
    }
    let mut labels = HashMap::new();
    for kit in interview_kits::Entity::find().filter(interview_kits::Column::VacancyId.is_in(ids)).all(db).await? {
        let questions: Vec<InterviewQuestion> = from_json(&kit.questions)?;
        labels.insert(kit.vacancy_id, questions.into_iter().map(|q| (q.id, q.prompt)).collect());
    }
    Ok(Ratings::new(vacancies, ratings, labels))
}

fn statement(db: &DatabaseConnection, query: &SelectStatement) -> Statement {
    db.get_database_backend().build(query)
}

/// The value each changed score had before its first change, from changes oldest first.
fn first_values(changes: Vec<(Uuid, i16)>) -> HashMap<Uuid, i16> {
    let mut first = HashMap::new();
    for (score, old) in changes {
        first.entry(score).or_insert(old);
    }
    first
}
