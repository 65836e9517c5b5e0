//! The experience surveys and the scoring time, which the evaluation's experience panel reads.
//!
//! An applicant answers the survey after submitting and again once the procedure ended for them,
//! with their access code; a committee member once per vacancy, after sealing every question. A
//! survey is stored under a pseudonym, never under a draft, an application or an account: the
//! applicant's is the pseudonym their events carry, the member's one of member and vacancy, so
//! nobody reading the table sees whose opinion it is. Each survey is answered once; nothing in it
//! is shown to a recruiter or a committee member. The sift's scoring screen and the interview's
//! scorecard report the seconds they were in use, a minute at a time, until the member seals the
//! question or the interviewer submits the scorecard.

use api::application::{SurveyAnswers, SurveyMoment, Surveys};
use api::committee::ScoringTimeInput;
use api::problem::{ErrorCode, Problem};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::survey::{Statement, SurveyError, check_survey};
use domain::vacancy::VacancyStatus;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::clock;
use crate::crypto::Keys;
use crate::entities::{applications, interview_time, question_seals, scoring_time, survey_responses, vacancies};
use crate::error::{ApiError, ApiJson};
use crate::routes::applications::{AccessCode, find_application, subject_of, view};
use crate::routes::committee::released_to;
use crate::routes::interviews::{interview_seat, submitted};
use crate::routes::scoring::question_of;
use crate::startup::AppState;

/// The pseudonym of a committee member's survey of one vacancy.
const COMMITTEE_SURVEY: &str = "committee-survey";

/// The most seconds one report may add: the screen reports every minute, so more means a bug or
/// a forgery.
const MOST_SECONDS_PER_REPORT: u32 = 600;

/// Answers one of the applicant's surveys: after submitting, or once the procedure ended.
#[utoipa::path(put, path = "/public/applications/{reference}/surveys/{moment}", tag = "applications",
    request_body = SurveyAnswers,
    params(("x-applicant-code" = String, Header, description = "The applicant's access code"),
        ("moment" = SurveyMoment, Path, description = "`after_applying` or `after_outcome`")),
    responses((status = 200, body = api::application::ApplicationView),
        (status = 409, body = Problem, description = "`survey_already_answered` or `survey_not_open`"),
        (status = 422, body = Problem, description = "`survey_empty` or `survey_answer_invalid`")))]
#[tracing::instrument(skip_all)]
pub async fn answer_applicant_survey(
    State(state): State<AppState>,
    code: AccessCode,
    Path((reference, moment)): Path<(String, SurveyMoment)>,
    ApiJson(answers): ApiJson<SurveyAnswers>,
) -> Result<Json<api::application::ApplicationView>, ApiError> {
    let application = find_application(&state, &code, &reference).await?;
    checked(&answers)?;
    let vacancy = vacancies::Entity::find_by_id(application.vacancy_id).one(&state.db).await?;
    let ended = procedure_ended(&application, vacancy.as_ref());
    let surveys = surveys_of(&state.db, &state.keys, (&application, ended)).await?;
    if surveys.answered.contains(&moment) {
        return Err(ApiError::Conflict(ErrorCode::SurveyAlreadyAnswered));
    }
    if !surveys.open.contains(&moment) {
        return Err(ApiError::Conflict(ErrorCode::SurveyNotOpen));
    }
    let respondent = subject_of(&state.keys, application.draft_id);
    store(&state.db, (respondent, moment, application.vacancy_id), answers).await?;
    Ok(Json(view(&state, &application).await?))
}

/// The applicant's surveys: after submitting while the application stands; after the outcome once
/// the procedure `ended` for it. Each once.
pub(crate) async fn surveys_of(
    db: &impl ConnectionTrait,
    keys: &Keys,
    (application, ended): (&applications::Model, bool),
) -> Result<Surveys, ApiError> {
    let answered: Vec<SurveyMoment> = survey_responses::Entity::find()
        .filter(survey_responses::Column::Respondent.eq(subject_of(keys, application.draft_id)))
        .all(db)
        .await?
        .iter()
        .filter_map(|row| SurveyMoment::parse(&row.moment))
        .collect();
    let withdrawn = application.withdrawn_at.is_some();
    let open = [(SurveyMoment::AfterApplying, !withdrawn), (SurveyMoment::AfterOutcome, !withdrawn && ended)]
        .into_iter()
        .filter(|(moment, may)| *may && !answered.contains(moment))
        .map(|(moment, _)| moment)
        .collect();
    Ok(Surveys { open, answered })
}

/// The procedure ended for this application: it was knocked out at screening, or its vacancy
/// reached its decisions.
pub(crate) fn procedure_ended(application: &applications::Model, vacancy: Option<&vacancies::Model>) -> bool {
    let status = vacancy.and_then(|v| VacancyStatus::parse(&v.status));
    application.screening.as_deref() == Some("knocked_out")
        || matches!(status, Some(VacancyStatus::Decided | VacancyStatus::Archived | VacancyStatus::Purged))
}

/// Answers the committee survey of a vacancy, once, after sealing every question.
#[utoipa::path(put, path = "/committee/vacancies/{id}/survey", tag = "committee", request_body = SurveyAnswers,
    responses((status = 204),
        (status = 409, body = Problem, description = "`survey_already_answered` or `survey_not_open`"),
        (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn answer_committee_survey(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(answers): ApiJson<SurveyAnswers>,
) -> Result<StatusCode, ApiError> {
    let (vacancy, _seat) = released_to(&state, &user, id).await?;
    checked(&answers)?;
    let (open, answered) = committee_survey_state(&state, &vacancy, user.id).await?;
    if answered {
        return Err(ApiError::Conflict(ErrorCode::SurveyAlreadyAnswered));
    }
    if !open {
        return Err(ApiError::Conflict(ErrorCode::SurveyNotOpen));
    }
    let respondent = member(&state.keys, vacancy.id, user.id);
    store(&state.db, (respondent, SurveyMoment::Committee, vacancy.id), answers).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether the member may answer the committee survey of `vacancy` (every question scored by the
/// committee sealed by them), and whether they did.
pub(crate) async fn committee_survey_state(
    state: &AppState,
    vacancy: &vacancies::Model,
    member_id: Uuid,
) -> Result<(bool, bool), ApiError> {
    let questions: Vec<domain::questionnaire::Question> = crate::routes::vacancies::from_json(&vacancy.questions)?;
    let scored: Vec<Uuid> = questions.iter().filter(|q| q.kind.is_scored_by_committee()).map(|q| q.id).collect();
    let seals = question_seals::Entity::find()
        .filter(question_seals::Column::VacancyId.eq(vacancy.id))
        .filter(question_seals::Column::MemberId.eq(member_id))
        .all(&state.db)
        .await?;
    let all_sealed = !scored.is_empty() && scored.iter().all(|q| seals.iter().any(|s| s.question_id == *q));
    let answered = survey_responses::Entity::find_by_id((
        member(&state.keys, vacancy.id, member_id),
        SurveyMoment::Committee.as_str().to_owned(),
    ))
    .one(&state.db)
    .await?
    .is_some();
    Ok((all_sealed && !answered, answered))
}

/// Adds the seconds the scoring screen of a question was in use; refused once the member sealed
/// it, since the time after is not scoring.
#[utoipa::path(post, path = "/committee/vacancies/{id}/questions/{question_id}/time", tag = "committee",
    request_body = ScoringTimeInput,
    responses((status = 204), (status = 409, body = Problem, description = "`question_sealed`"),
        (status = 422, body = Problem, description = "`scoring_time_invalid`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn add_scoring_time(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, question_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<ScoringTimeInput>,
) -> Result<StatusCode, ApiError> {
    let (vacancy, _seat) = released_to(&state, &user, id).await?;
    let seconds = reported_seconds(&input)?;
    question_of(&vacancy, question_id)?;
    let sealed = question_seals::Entity::find_by_id((vacancy.id, question_id, user.id)).one(&state.db).await?;
    if sealed.is_some() {
        return Err(ApiError::Conflict(ErrorCode::QuestionSealed));
    }
    let row = scoring_time::ActiveModel {
        vacancy_id: Set(vacancy.id),
        question_id: Set(question_id),
        member_id: Set(user.id),
        seconds: Set(seconds),
    };
    use scoring_time::Column as Time;
    let key = [Time::VacancyId, Time::QuestionId, Time::MemberId];
    add_seconds(&state.db, row, (key, Time::Seconds), seconds).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds the seconds an interviewer's scorecard of a candidate was in use; refused once they
/// submitted it.
#[utoipa::path(post, path = "/interviews/{vacancy}/{application}/time", tag = "interview",
    request_body = ScoringTimeInput,
    responses((status = 204), (status = 409, body = Problem, description = "`interview_submitted`"),
        (status = 422, body = Problem, description = "`scoring_time_invalid`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %vacancy_id))]
pub async fn add_interview_time(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((vacancy_id, application_id)): Path<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<ScoringTimeInput>,
) -> Result<StatusCode, ApiError> {
    let (vacancy, application, _kit) = interview_seat(&state, &user, vacancy_id, application_id).await?;
    let seconds = reported_seconds(&input)?;
    if submitted(&state.db, application.id, user.id).await? {
        return Err(ApiError::Conflict(ErrorCode::InterviewSubmitted));
    }
    let row = interview_time::ActiveModel {
        vacancy_id: Set(vacancy.id),
        application_id: Set(application.id),
        interviewer_id: Set(user.id),
        seconds: Set(seconds),
    };
    use interview_time::Column as Time;
    let key = [Time::VacancyId, Time::ApplicationId, Time::InterviewerId];
    add_seconds(&state.db, row, (key, Time::Seconds), seconds).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Inserts `row` of a table of seconds, or adds its `seconds` to the row with the same `key`.
async fn add_seconds<A>(
    db: &impl ConnectionTrait,
    row: A,
    (key, column): ([<A::Entity as EntityTrait>::Column; 3], <A::Entity as EntityTrait>::Column),
    seconds: i32,
) -> Result<(), ApiError>
where
    A: ActiveModelTrait + Send,
{
    let added = Expr::col((A::Entity::default(), column)).add(seconds);
    <A::Entity as EntityTrait>::insert(row)
        .on_conflict(OnConflict::columns(key).value(column, added).to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The seconds of one report, 1 to [`MOST_SECONDS_PER_REPORT`].
fn reported_seconds(input: &ScoringTimeInput) -> Result<i32, ApiError> {
    match i32::try_from(input.seconds) {
        Ok(seconds) if (1..=MOST_SECONDS_PER_REPORT).contains(&input.seconds) => Ok(seconds),
        _ => Err(ApiError::field("seconds", ErrorCode::ScoringTimeInvalid)),
    }
}

/// The pseudonym of a committee member's survey of one vacancy.
pub(crate) fn member(keys: &Keys, vacancy: Uuid, member: Uuid) -> String {
    let mut value = vacancy.as_bytes().to_vec();
    value.extend_from_slice(member.as_bytes());
    keys.pseudonym(COMMITTEE_SURVEY, &value)
}

fn checked(answers: &SurveyAnswers) -> Result<(), ApiError> {
    check_survey(answers).map_err(|error| match error {
        SurveyError::Empty => ApiError::Unprocessable(ErrorCode::SurveyEmpty),
        SurveyError::OffScale(Statement::Fairness) => ApiError::field("fairness", ErrorCode::SurveyAnswerInvalid),
        SurveyError::OffScale(Statement::Clarity) => ApiError::field("clarity", ErrorCode::SurveyAnswerInvalid),
        SurveyError::OffScale(Statement::Effort) => ApiError::field("effort", ErrorCode::SurveyAnswerInvalid),
    })
}

async fn store(
    db: &impl ConnectionTrait,
    (respondent, moment, vacancy): (String, SurveyMoment, Uuid),
    answers: SurveyAnswers,
) -> Result<(), ApiError> {
    let row = survey_responses::ActiveModel {
        respondent: Set(respondent),
        moment: Set(moment.as_str().to_owned()),
        vacancy_id: Set(vacancy),
        fairness: Set(answers.fairness.map(i16::from)),
        clarity: Set(answers.clarity.map(i16::from)),
        effort: Set(answers.effort.map(i16::from)),
        answered_at: Set(clock::now()),
    };
    // A second answer racing the first stores nothing and says so.
    let inserted = survey_responses::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([survey_responses::Column::Respondent, survey_responses::Column::Moment])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    if inserted == 0 {
        return Err(ApiError::Conflict(ErrorCode::SurveyAlreadyAnswered));
    }
    Ok(())
}
