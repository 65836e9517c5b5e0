//! The surveys and scoring time of a pilot's vacancies with an arm: the surveys counted by vacancy,
//! moment and answers in SQL (no respondent is read); per committee member and vacancy the seconds
//! on the scoring screens of the questions they sealed and the answers they scored in them; and per
//! interviewer and vacancy the seconds on the scorecards they submitted and how many.

use std::collections::HashMap;

use domain::evaluation::Slices;
use domain::evaluation::experience::{ScoringSeat, SurveyResponse};
use domain::survey::{SurveyAnswers, SurveyMoment};
use domain::vacancy::Arm;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func, IntoIden, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::{PilotVacancy, VACANCIES_PER_READ};
use crate::entities::{interview_submissions, interview_time, question_seals, scores, scoring_time, survey_responses};
use crate::error::ApiError;

/// The surveys and the scoring time of a pilot.
pub(crate) struct Experience {
    pub responses: Vec<SurveyResponse>,
    /// Committee members on the sift's screens.
    pub seats: Vec<ScoringSeat>,
    /// Interviewers on the scorecards.
    pub interviews: Vec<ScoringSeat>,
}

/// Reads the surveys and scoring time of `vacancies` (those with an arm count).
pub(super) async fn load(db: &DatabaseConnection, vacancies: &[PilotVacancy]) -> Result<Experience, ApiError> {
    let arm_of: HashMap<Uuid, (Arm, Slices)> =
        vacancies.iter().filter_map(|v| Some((v.id, (v.arm?, v.slices)))).collect();
    let ids: Vec<Uuid> = arm_of.keys().copied().collect();
    let mut responses = Vec::new();
    let mut seats = Vec::new();
    let mut interviews = Vec::new();
    for chunk in ids.chunks(VACANCIES_PER_READ) {
        responses.extend(surveys(db, chunk, &arm_of).await?);
        seats.extend(scoring_seats(db, chunk, &arm_of).await?);
        interviews.extend(interview_seats(db, chunk, &arm_of).await?);
    }
    Ok(Experience { responses, seats, interviews })
}

async fn surveys(
    db: &DatabaseConnection,
    chunk: &[Uuid],
    arm_of: &HashMap<Uuid, (Arm, Slices)>,
) -> Result<Vec<SurveyResponse>, ApiError> {
    use survey_responses::Column as Survey;
    let columns = [Survey::VacancyId, Survey::Moment, Survey::Fairness, Survey::Clarity, Survey::Effort];
    let query = Query::select()
        .columns(columns)
        .expr_as(Func::count(Expr::col(Survey::Moment)), "n")
        .from(survey_responses::Entity)
        .and_where(Expr::col(Survey::VacancyId).is_in(chunk.iter().copied()))
        .group_by_columns(columns)
        .to_owned();
    let mut responses = Vec::new();
    for row in db.query_all(&query).await? {
        let vacancy: Uuid = row.try_get("", "vacancy_id")?;
        let moment: String = row.try_get("", "moment")?;
        let point = |name: &str| -> Result<Option<u8>, ApiError> {
            let value: Option<i16> = row.try_get("", name)?;
            Ok(value.and_then(|v| u8::try_from(v).ok()))
        };
        let answers =
            SurveyAnswers { fairness: point("fairness")?, clarity: point("clarity")?, effort: point("effort")? };
        let n: i64 = row.try_get("", "n")?;
        let (Some(&(arm, slices)), Some(moment)) = (arm_of.get(&vacancy), SurveyMoment::parse(&moment)) else {
            continue;
        };
        let response = SurveyResponse { arm, slices, moment, answers };
        responses.extend(std::iter::repeat_n(response, usize::try_from(n).unwrap_or_default()));
    }
    Ok(responses)
}

/// Per member and vacancy, over the questions they sealed: the seconds on the scoring screens and
/// the answers scored. A sealed question's scores no longer change in number.
async fn scoring_seats(
    db: &DatabaseConnection,
    chunk: &[Uuid],
    arm_of: &HashMap<Uuid, (Arm, Slices)>,
) -> Result<Vec<ScoringSeat>, ApiError> {
    use scoring_time::Column as Time;
    let time = Query::select()
        .column((scoring_time::Entity, Time::VacancyId))
        .column((scoring_time::Entity, Time::MemberId))
        .expr_as(Func::sum(Expr::col((scoring_time::Entity, Time::Seconds))), "seconds")
        .from(scoring_time::Entity)
        .inner_join(
            question_seals::Entity,
            sealed(scoring_time::Entity, [Time::VacancyId, Time::QuestionId, Time::MemberId]),
        )
        .and_where(Expr::col((scoring_time::Entity, Time::VacancyId)).is_in(chunk.iter().copied()))
        .group_by_columns([(scoring_time::Entity, Time::VacancyId), (scoring_time::Entity, Time::MemberId)])
        .to_owned();
    let mut seconds: HashMap<(Uuid, Uuid), i64> = HashMap::new();
    for row in db.query_all(&time).await? {
        let key = (row.try_get("", "vacancy_id")?, row.try_get("", "member_id")?);
        seconds.insert(key, row.try_get("", "seconds")?);
    }
    if seconds.is_empty() {
        return Ok(Vec::new());
    }
    use scores::Column as Score;
    let scored = Query::select()
        .column((scores::Entity, Score::VacancyId))
        .column((scores::Entity, Score::MemberId))
        .expr_as(Func::count(Expr::col((scores::Entity, Score::Id))), "answers")
        .from(scores::Entity)
        .inner_join(
            question_seals::Entity,
            sealed(scores::Entity, [Score::VacancyId, Score::QuestionId, Score::MemberId]),
        )
        .and_where(Expr::col((scores::Entity, Score::VacancyId)).is_in(chunk.iter().copied()))
        .group_by_columns([(scores::Entity, Score::VacancyId), (scores::Entity, Score::MemberId)])
        .to_owned();
    let mut seats = Vec::new();
    for row in db.query_all(&scored).await? {
        let key: (Uuid, Uuid) = (row.try_get("", "vacancy_id")?, row.try_get("", "member_id")?);
        let answers: i64 = row.try_get("", "answers")?;
        let (Some(&(arm, slices)), Some(&spent)) = (arm_of.get(&key.0), seconds.get(&key)) else { continue };
        seats.push(ScoringSeat {
            arm,
            slices,
            minutes: spent as f64 / 60.0,
            items: u64::try_from(answers).unwrap_or_default(),
        });
    }
    Ok(seats)
}

/// Per interviewer and vacancy, over the scorecards they submitted: the seconds on them and how
/// many there were.
async fn interview_seats(
    db: &DatabaseConnection,
    chunk: &[Uuid],
    arm_of: &HashMap<Uuid, (Arm, Slices)>,
) -> Result<Vec<ScoringSeat>, ApiError> {
    use interview_submissions::Column as Submission;
    use interview_time::Column as Time;
    let time = interview_time::Entity;
    let submitted = Condition::all()
        .add(Expr::col((interview_submissions::Entity, Submission::ApplicationId)).equals((time, Time::ApplicationId)))
        .add(Expr::col((interview_submissions::Entity, Submission::InterviewerId)).equals((time, Time::InterviewerId)));
    let query = Query::select()
        .column((time, Time::VacancyId))
        .column((time, Time::InterviewerId))
        .expr_as(Func::sum(Expr::col((time, Time::Seconds))), "seconds")
        .expr_as(Func::count(Expr::col((time, Time::ApplicationId))), "scorecards")
        .from(time)
        .inner_join(interview_submissions::Entity, submitted)
        .and_where(Expr::col((time, Time::VacancyId)).is_in(chunk.iter().copied()))
        .group_by_columns([(time, Time::VacancyId), (time, Time::InterviewerId)])
        .to_owned();
    let mut seats = Vec::new();
    for row in db.query_all(&query).await? {
        let vacancy: Uuid = row.try_get("", "vacancy_id")?;
        let seconds: i64 = row.try_get("", "seconds")?;
        let scorecards: i64 = row.try_get("", "scorecards")?;
        let Some(&(arm, slices)) = arm_of.get(&vacancy) else { continue };
        seats.push(ScoringSeat {
            arm,
            slices,
            minutes: seconds as f64 / 60.0,
            items: u64::try_from(scorecards).unwrap_or_default(),
        });
    }
    Ok(seats)
}

/// Joins a table's vacancy, question and member to a seal of that question by that member.
fn sealed<T, C>(table: T, [vacancy, question, member]: [C; 3]) -> Condition
where
    T: IntoIden + Copy,
    C: IntoIden + Copy,
{
    use question_seals::Column as Seal;
    let seal = question_seals::Entity;
    Condition::all()
        .add(Expr::col((seal, Seal::VacancyId)).equals((table, vacancy)))
        .add(Expr::col((seal, Seal::QuestionId)).equals((table, question)))
        .add(Expr::col((seal, Seal::MemberId)).equals((table, member)))
}
