//! The one typed client of the JSON API. Every call sends the chosen language, so errors come back
//! in it; calls that change something send the CSRF token.

use api::Language;
use api::account::{LoginRequest, SessionInfo, UserPage};
use api::application::{
    ACCESS_CODE_HEADER, ApplicationView, Country, Draft, DraftInput, MonitoringAnswers, NewDraft, OutboxPage, Receipt,
    SurveyAnswers, SurveyMoment,
};
use api::committee::{
    AssignedVacancy, CommitteeVacancy, Panel, ScoreChangeInput, ScoreInput, ScoringTimeInput, Sift, SiftAnswer,
};
use api::evaluation::{
    Composition, DifferenceInDifferences, Effort, Experience, Fidelity, Funnel, Reliability, ScoreSource, Stage,
    Variable,
};
use api::interview::{
    Consensus, DecisionInput as OutcomeInput, FeedbackSent, InterviewAssignment, InterviewBankEntry, InterviewKit,
    InterviewKitInput, InterviewOverview, InterviewScoreChangeInput, Interviewers, InterviewersInput,
    OfferResponseInput, Scorecard, ScorecardEntry, ScorecardInput, Traceability,
};
use api::organisation::{NewOrganisationRule, Organisation, OrganisationRule};
use api::pilot::{
    ArmAssignment, AssignmentDone, ControlApplicant, ControlOutcome, ControlOutcomeInput, ControlOutcomes,
    ManualArmInput, Pilot, PilotInput, PilotSummary,
};
use api::problem::{ErrorCode, Problem};
use api::ranking::{Ranking, ScoringProgress, Shortlist, ShortlistInput, ShortlistedIdentity};
use api::screening::{
    Committee, CommitteeInput, DecisionInput, Finding, FindingDecision, MaskInput, ScreenedAnswerPage, Screening,
};
use api::vacancy::{BankEntry, OpenVacancyPage, PublicVacancy, PublishRequest, Vacancy, VacancyInput, VacancyPage};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::i18n::{Text, text};

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// The server answered with a problem.
    Problem(Problem),
    /// The server could not be reached, or answered something unreadable.
    Network,
}

impl ApiFailure {
    /// What to tell the user, in `language`.
    pub fn message(&self, language: Language) -> &'static str {
        match self {
            ApiFailure::Problem(problem) => problem.code.message(language),
            ApiFailure::Network => text(language, Text::NetworkError),
        }
    }

    /// For a form with no place to show field errors: the first field's message when the problem
    /// names fields ("Geef een score van 1 tot en met 5."), else the problem's own.
    pub fn first_field_message(&self, language: Language) -> &'static str {
        match self {
            ApiFailure::Problem(problem) => problem.fields.first().map_or(problem.code, |f| f.code).message(language),
            ApiFailure::Network => self.message(language),
        }
    }

    /// The error code of one form field, if the problem names it.
    pub fn field(&self, name: &str) -> Option<ErrorCode> {
        match self {
            ApiFailure::Problem(problem) => problem.fields.iter().find(|f| f.field == name).map(|f| f.code),
            ApiFailure::Network => None,
        }
    }
}

pub async fn session(language: Language) -> Result<SessionInfo, ApiFailure> {
    send(Request::get("/api/session"), language).await
}

pub async fn login(request: &LoginRequest, csrf_token: &str, language: Language) -> Result<SessionInfo, ApiFailure> {
    send_json(Request::post("/api/session"), request, csrf_token, language).await
}

pub async fn logout(csrf_token: &str, language: Language) -> Result<(), ApiFailure> {
    send_delete(Request::delete("/api/session"), csrf_token, language).await
}

pub async fn users(page: u64, language: Language) -> Result<UserPage, ApiFailure> {
    send(Request::get(&format!("/api/users?page={page}&per_page=20")), language).await
}

/// A page of the organisation's vacancies; `query` searches titles.
pub async fn vacancies(page: u64, query: &str, language: Language) -> Result<VacancyPage, ApiFailure> {
    let builder = Request::get("/api/vacancies").query([
        ("page", page.to_string()),
        ("per_page", "20".into()),
        ("q", query.into()),
    ]);
    send(builder, language).await
}

pub async fn vacancy(id: Uuid, language: Language) -> Result<Vacancy, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{id}")), language).await
}

pub async fn create_vacancy(input: &VacancyInput, csrf_token: &str, language: Language) -> Result<Vacancy, ApiFailure> {
    send_json(Request::post("/api/vacancies"), input, csrf_token, language).await
}

pub async fn update_vacancy(
    id: Uuid,
    input: &VacancyInput,
    csrf_token: &str,
    language: Language,
) -> Result<Vacancy, ApiFailure> {
    send_json(Request::put(&format!("/api/vacancies/{id}")), input, csrf_token, language).await
}

pub async fn publish_vacancy(
    id: Uuid,
    request: &PublishRequest,
    csrf_token: &str,
    language: Language,
) -> Result<Vacancy, ApiFailure> {
    send_json(Request::post(&format!("/api/vacancies/{id}/publish")), request, csrf_token, language).await
}

pub async fn open_vacancies(page: u64, language: Language) -> Result<OpenVacancyPage, ApiFailure> {
    send(Request::get(&format!("/api/public/vacancies?page={page}&per_page=20")), language).await
}

pub async fn public_vacancy(id: Uuid, language: Language) -> Result<PublicVacancy, ApiFailure> {
    send(Request::get(&format!("/api/public/vacancies/{id}")), language).await
}

pub async fn organisations(language: Language) -> Result<Vec<Organisation>, ApiFailure> {
    send(Request::get("/api/organisations"), language).await
}

pub async fn organisation_rules(organisation: Uuid, language: Language) -> Result<Vec<OrganisationRule>, ApiFailure> {
    send(Request::get(&format!("/api/organisations/{organisation}/rules")), language).await
}

pub async fn add_rule(
    organisation: Uuid,
    rule: &NewOrganisationRule,
    csrf_token: &str,
    language: Language,
) -> Result<OrganisationRule, ApiFailure> {
    send_json(Request::post(&format!("/api/organisations/{organisation}/rules")), rule, csrf_token, language).await
}

pub async fn remove_rule(
    organisation: Uuid,
    rule: Uuid,
    csrf_token: &str,
    language: Language,
) -> Result<(), ApiFailure> {
    send_delete(Request::delete(&format!("/api/organisations/{organisation}/rules/{rule}")), csrf_token, language).await
}

pub async fn question_bank(vacancy_language: Language, language: Language) -> Result<Vec<BankEntry>, ApiFailure> {
    send(Request::get("/api/questionnaire/bank").query([("language", vacancy_language.tag())]), language).await
}

pub async fn outbox(page: u64, language: Language) -> Result<OutboxPage, ApiFailure> {
    send(Request::get(&format!("/api/outbox?page={page}&per_page=20")), language).await
}

// The applicant's calls. Their access code goes in a header, never in the address.

pub async fn countries(language: Language) -> Result<Vec<Country>, ApiFailure> {
    send(Request::get("/api/public/countries"), language).await
}

pub async fn start_application(vacancy: Uuid, csrf_token: &str, language: Language) -> Result<NewDraft, ApiFailure> {
    send_json(Request::post(&format!("/api/public/vacancies/{vacancy}/drafts")), &(), csrf_token, language).await
}

pub async fn draft(code: &str, language: Language) -> Result<Draft, ApiFailure> {
    send(Request::get("/api/public/drafts/current").header(ACCESS_CODE_HEADER, code), language).await
}

pub async fn save_draft(
    code: &str,
    input: &DraftInput,
    csrf_token: &str,
    language: Language,
) -> Result<Draft, ApiFailure> {
    let builder = Request::put("/api/public/drafts/current").header(ACCESS_CODE_HEADER, code);
    send_json(builder, input, csrf_token, language).await
}

pub async fn save_monitoring(
    code: &str,
    answers: &MonitoringAnswers,
    csrf_token: &str,
    language: Language,
) -> Result<(), ApiFailure> {
    let builder = Request::put("/api/public/drafts/current/monitoring").header(ACCESS_CODE_HEADER, code);
    let builder = with_language(builder.header("X-CSRF-Token", csrf_token), language);
    no_content(builder.json(answers).map_err(|_| ApiFailure::Network)?.send().await).await
}

pub async fn submit_application(code: &str, csrf_token: &str, language: Language) -> Result<Receipt, ApiFailure> {
    let builder = Request::post("/api/public/drafts/current/submit").header(ACCESS_CODE_HEADER, code);
    send_json(builder, &(), csrf_token, language).await
}

pub async fn application(reference: &str, code: &str, language: Language) -> Result<ApplicationView, ApiFailure> {
    send(Request::get(&format!("/api/public/applications/{reference}")).header(ACCESS_CODE_HEADER, code), language)
        .await
}

pub async fn withdraw_application(
    reference: &str,
    code: &str,
    csrf_token: &str,
    language: Language,
) -> Result<ApplicationView, ApiFailure> {
    let builder =
        Request::post(&format!("/api/public/applications/{reference}/withdraw")).header(ACCESS_CODE_HEADER, code);
    send_json(builder, &(), csrf_token, language).await
}

/// Answers one of the applicant's experience surveys.
pub async fn answer_survey(
    (reference, code): (&str, &str),
    moment: SurveyMoment,
    answers: &SurveyAnswers,
    csrf_token: &str,
    language: Language,
) -> Result<ApplicationView, ApiFailure> {
    let path = format!("/api/public/applications/{reference}/surveys/{}", moment.as_str());
    send_json(Request::put(&path).header(ACCESS_CODE_HEADER, code), answers, csrf_token, language).await
}

/// Everything stored about the applicant, as the JSON text the server sends (to save as a file).
pub async fn export_application(reference: &str, code: &str, language: Language) -> Result<String, ApiFailure> {
    let builder =
        Request::get(&format!("/api/public/applications/{reference}/export")).header(ACCESS_CODE_HEADER, code);
    let response = with_language(builder, language).send().await.map_err(|_| ApiFailure::Network)?;
    if response.ok() { response.text().await.map_err(|_| ApiFailure::Network) } else { Err(problem(response).await) }
}

pub async fn delete_application(
    reference: &str,
    code: &str,
    csrf_token: &str,
    language: Language,
) -> Result<(), ApiFailure> {
    let builder = Request::delete(&format!("/api/public/applications/{reference}")).header(ACCESS_CODE_HEADER, code);
    send_delete(builder, csrf_token, language).await
}

/// A request that changes something and answers without a body.
pub async fn screening(vacancy: Uuid, language: Language) -> Result<Screening, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/screening")), language).await
}

pub async fn start_screening(vacancy: Uuid, csrf_token: &str, language: Language) -> Result<Screening, ApiFailure> {
    send_json(Request::post(&format!("/api/vacancies/{vacancy}/screening")), &(), csrf_token, language).await
}

/// A page of the answers to one question; `flagged` keeps only those with findings.
pub async fn screened_answers(
    vacancy: Uuid,
    question: Uuid,
    page: u64,
    flagged: bool,
    language: Language,
) -> Result<ScreenedAnswerPage, ApiFailure> {
    let builder = Request::get(&format!("/api/vacancies/{vacancy}/screening/questions/{question}")).query([
        ("page", page.to_string()),
        ("per_page", "10".into()),
        ("flagged", flagged.to_string()),
    ]);
    send(builder, language).await
}

pub async fn decide_finding(
    vacancy: Uuid,
    finding: Uuid,
    decision: FindingDecision,
    csrf_token: &str,
    language: Language,
) -> Result<Finding, ApiFailure> {
    let builder = Request::put(&format!("/api/vacancies/{vacancy}/screening/findings/{finding}"));
    send_json(builder, &DecisionInput { decision }, csrf_token, language).await
}

pub async fn confirm_pending(
    vacancy: Uuid,
    question: Uuid,
    csrf_token: &str,
    language: Language,
) -> Result<Screening, ApiFailure> {
    let builder = Request::post(&format!("/api/vacancies/{vacancy}/screening/questions/{question}/confirm-pending"));
    send_json(builder, &(), csrf_token, language).await
}

pub async fn add_mask(
    vacancy: Uuid,
    answer: Uuid,
    mask: &MaskInput,
    csrf_token: &str,
    language: Language,
) -> Result<Finding, ApiFailure> {
    let builder = Request::post(&format!("/api/vacancies/{vacancy}/screening/answers/{answer}/masks"));
    send_json(builder, mask, csrf_token, language).await
}

pub async fn release_for_scoring(vacancy: Uuid, csrf_token: &str, language: Language) -> Result<Screening, ApiFailure> {
    send_json(Request::post(&format!("/api/vacancies/{vacancy}/screening/release")), &(), csrf_token, language).await
}

pub async fn committee(vacancy: Uuid, language: Language) -> Result<Committee, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/committee")), language).await
}

pub async fn set_committee(
    vacancy: Uuid,
    input: &CommitteeInput,
    csrf_token: &str,
    language: Language,
) -> Result<Committee, ApiFailure> {
    send_json(Request::put(&format!("/api/vacancies/{vacancy}/committee")), input, csrf_token, language).await
}

pub async fn assigned_vacancies(language: Language) -> Result<Vec<AssignedVacancy>, ApiFailure> {
    send(Request::get("/api/committee/vacancies"), language).await
}

pub async fn committee_vacancy(vacancy: Uuid, language: Language) -> Result<CommitteeVacancy, ApiFailure> {
    send(Request::get(&format!("/api/committee/vacancies/{vacancy}")), language).await
}

pub async fn confirm_conduct(
    vacancy: Uuid,
    csrf_token: &str,
    language: Language,
) -> Result<CommitteeVacancy, ApiFailure> {
    send_json(Request::post(&format!("/api/committee/vacancies/{vacancy}/conduct")), &(), csrf_token, language).await
}

pub async fn sift(vacancy: Uuid, question: Uuid, language: Language) -> Result<Sift, ApiFailure> {
    send(Request::get(&format!("/api/committee/vacancies/{vacancy}/questions/{question}/sift")), language).await
}

pub async fn save_score(
    vacancy: Uuid,
    question: Uuid,
    number: u32,
    input: &ScoreInput,
    csrf_token: &str,
    language: Language,
) -> Result<SiftAnswer, ApiFailure> {
    let builder = Request::put(&format!("/api/committee/vacancies/{vacancy}/questions/{question}/sift/{number}"));
    send_json(builder, input, csrf_token, language).await
}

pub async fn seal_question(
    vacancy: Uuid,
    question: Uuid,
    csrf_token: &str,
    language: Language,
) -> Result<Sift, ApiFailure> {
    let builder = Request::post(&format!("/api/committee/vacancies/{vacancy}/questions/{question}/seal"));
    send_json(builder, &(), csrf_token, language).await
}

/// Adds the seconds the scoring screen of a question was in use.
pub async fn report_scoring_time(
    (vacancy, question): (Uuid, Uuid),
    seconds: u32,
    csrf_token: &str,
    language: Language,
) -> Result<(), ApiFailure> {
    let path = format!("/api/committee/vacancies/{vacancy}/questions/{question}/time");
    report_time(&path, seconds, csrf_token, language).await
}

/// Adds the seconds an interviewer's scorecard of a candidate was in use.
pub async fn report_interview_time(
    (vacancy, application): (Uuid, Uuid),
    seconds: u32,
    csrf_token: &str,
    language: Language,
) -> Result<(), ApiFailure> {
    let path = format!("/api/interviews/{vacancy}/{application}/time");
    report_time(&path, seconds, csrf_token, language).await
}

/// Posts the seconds a scoring screen was in use to `path`.
async fn report_time(path: &str, seconds: u32, csrf_token: &str, language: Language) -> Result<(), ApiFailure> {
    let builder = with_language(Request::post(path).header("X-CSRF-Token", csrf_token), language);
    let builder = builder.json(&ScoringTimeInput { seconds }).map_err(|_| ApiFailure::Network)?;
    no_content(builder.send().await).await
}

pub async fn answer_committee_survey(
    vacancy: Uuid,
    answers: &SurveyAnswers,
    csrf_token: &str,
    language: Language,
) -> Result<(), ApiFailure> {
    let path = format!("/api/committee/vacancies/{vacancy}/survey");
    let builder = with_language(Request::put(&path).header("X-CSRF-Token", csrf_token), language);
    no_content(builder.json(answers).map_err(|_| ApiFailure::Network)?.send().await).await
}

pub async fn panel(vacancy: Uuid, question: Uuid, language: Language) -> Result<Panel, ApiFailure> {
    send(Request::get(&format!("/api/committee/vacancies/{vacancy}/questions/{question}/panel")), language).await
}

pub async fn change_score(
    vacancy: Uuid,
    question: Uuid,
    number: u32,
    input: &ScoreChangeInput,
    csrf_token: &str,
    language: Language,
) -> Result<Panel, ApiFailure> {
    let builder =
        Request::put(&format!("/api/committee/vacancies/{vacancy}/questions/{question}/sift/{number}/change"));
    send_json(builder, input, csrf_token, language).await
}

pub async fn scoring_progress(vacancy: Uuid, language: Language) -> Result<ScoringProgress, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/scoring")), language).await
}

pub async fn ranking(vacancy: Uuid, language: Language) -> Result<Ranking, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/ranking")), language).await
}

/// The fixed shortlist, or `None` while there is none.
pub async fn shortlist(vacancy: Uuid, language: Language) -> Result<Option<Shortlist>, ApiFailure> {
    match send(Request::get(&format!("/api/vacancies/{vacancy}/shortlist")), language).await {
        Ok(shortlist) => Ok(Some(shortlist)),
        Err(ApiFailure::Problem(problem)) if problem.status == 404 => Ok(None),
        Err(error) => Err(error),
    }
}

pub async fn fix_shortlist(
    vacancy: Uuid,
    input: &ShortlistInput,
    csrf_token: &str,
    language: Language,
) -> Result<Shortlist, ApiFailure> {
    send_json(Request::post(&format!("/api/vacancies/{vacancy}/shortlist")), input, csrf_token, language).await
}

pub async fn request_unblinding(vacancy: Uuid, csrf_token: &str, language: Language) -> Result<Shortlist, ApiFailure> {
    send_json(Request::post(&format!("/api/vacancies/{vacancy}/unblinding")), &(), csrf_token, language).await
}

pub async fn confirm_unblinding(vacancy: Uuid, csrf_token: &str, language: Language) -> Result<(), ApiFailure> {
    let builder = with_language(
        Request::post(&format!("/api/committee/vacancies/{vacancy}/unblinding")).header("X-CSRF-Token", csrf_token),
        language,
    );
    no_content(builder.send().await).await
}

pub async fn shortlist_identities(vacancy: Uuid, language: Language) -> Result<Vec<ShortlistedIdentity>, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/shortlist/identities")), language).await
}

pub async fn interview_bank(language: Language) -> Result<Vec<InterviewBankEntry>, ApiFailure> {
    send(Request::get(&format!("/api/interview/bank?language={}", language.tag())), language).await
}

pub async fn interview_kit(vacancy: Uuid, language: Language) -> Result<InterviewKit, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/interview/kit")), language).await
}

pub async fn save_interview_kit(
    vacancy: Uuid,
    input: &InterviewKitInput,
    csrf_token: &str,
    language: Language,
) -> Result<InterviewKit, ApiFailure> {
    send_json(Request::put(&format!("/api/vacancies/{vacancy}/interview/kit")), input, csrf_token, language).await
}

pub async fn traceability(vacancy: Uuid, language: Language) -> Result<Traceability, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/traceability")), language).await
}

pub async fn interviewers(vacancy: Uuid, language: Language) -> Result<Interviewers, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/interviewers")), language).await
}

pub async fn set_interviewers(
    vacancy: Uuid,
    input: &InterviewersInput,
    csrf_token: &str,
    language: Language,
) -> Result<Interviewers, ApiFailure> {
    send_json(Request::put(&format!("/api/vacancies/{vacancy}/interviewers")), input, csrf_token, language).await
}

pub async fn interview_assignments(language: Language) -> Result<Vec<InterviewAssignment>, ApiFailure> {
    send(Request::get("/api/interviews"), language).await
}

pub async fn scorecard(vacancy: Uuid, application: Uuid, language: Language) -> Result<Scorecard, ApiFailure> {
    send(Request::get(&format!("/api/interviews/{vacancy}/{application}")), language).await
}

pub async fn save_interview_score(
    vacancy: Uuid,
    application: Uuid,
    input: &ScorecardInput,
    csrf_token: &str,
    language: Language,
) -> Result<ScorecardEntry, ApiFailure> {
    send_json(Request::put(&format!("/api/interviews/{vacancy}/{application}/scores")), input, csrf_token, language)
        .await
}

pub async fn submit_interview(
    vacancy: Uuid,
    application: Uuid,
    csrf_token: &str,
    language: Language,
) -> Result<Scorecard, ApiFailure> {
    send_json(Request::post(&format!("/api/interviews/{vacancy}/{application}/submit")), &(), csrf_token, language)
        .await
}

pub async fn consensus(vacancy: Uuid, application: Uuid, language: Language) -> Result<Consensus, ApiFailure> {
    send(Request::get(&format!("/api/interviews/{vacancy}/{application}/consensus")), language).await
}

pub async fn change_interview_score(
    vacancy: Uuid,
    application: Uuid,
    input: &InterviewScoreChangeInput,
    csrf_token: &str,
    language: Language,
) -> Result<Consensus, ApiFailure> {
    let builder = Request::post(&format!("/api/interviews/{vacancy}/{application}/changes"));
    send_json(builder, input, csrf_token, language).await
}

pub async fn interview_overview(vacancy: Uuid, language: Language) -> Result<InterviewOverview, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/interviews")), language).await
}

pub async fn record_outcome(
    vacancy: Uuid,
    application: Uuid,
    input: &OutcomeInput,
    csrf_token: &str,
    language: Language,
) -> Result<InterviewOverview, ApiFailure> {
    let builder = Request::put(&format!("/api/vacancies/{vacancy}/interviews/{application}/decision"));
    send_json(builder, input, csrf_token, language).await
}

pub async fn record_offer_response(
    vacancy: Uuid,
    application: Uuid,
    input: &OfferResponseInput,
    csrf_token: &str,
    language: Language,
) -> Result<InterviewOverview, ApiFailure> {
    let builder = Request::post(&format!("/api/vacancies/{vacancy}/interviews/{application}/response"));
    send_json(builder, input, csrf_token, language).await
}

pub async fn record_hire(
    vacancy: Uuid,
    application: Uuid,
    csrf_token: &str,
    language: Language,
) -> Result<InterviewOverview, ApiFailure> {
    let builder = Request::post(&format!("/api/vacancies/{vacancy}/interviews/{application}/hire"));
    send_json(builder, &(), csrf_token, language).await
}

pub async fn send_feedback_reports(
    vacancy: Uuid,
    csrf_token: &str,
    language: Language,
) -> Result<FeedbackSent, ApiFailure> {
    send_json(Request::post(&format!("/api/vacancies/{vacancy}/feedback")), &(), csrf_token, language).await
}

pub async fn pilots(language: Language) -> Result<Vec<PilotSummary>, ApiFailure> {
    send(Request::get("/api/pilots"), language).await
}

pub async fn create_pilot(input: &PilotInput, csrf_token: &str, language: Language) -> Result<Pilot, ApiFailure> {
    send_json(Request::post("/api/pilots"), input, csrf_token, language).await
}

pub async fn pilot(id: Uuid, language: Language) -> Result<Pilot, ApiFailure> {
    send(Request::get(&format!("/api/pilots/{id}")), language).await
}

pub async fn assign_arms(pilot: Uuid, csrf_token: &str, language: Language) -> Result<AssignmentDone, ApiFailure> {
    send_json(Request::post(&format!("/api/pilots/{pilot}/assignment")), &(), csrf_token, language).await
}

pub async fn set_arm(
    pilot: Uuid,
    vacancy: Uuid,
    input: &ManualArmInput,
    csrf_token: &str,
    language: Language,
) -> Result<Pilot, ApiFailure> {
    send_json(Request::put(&format!("/api/pilots/{pilot}/vacancies/{vacancy}/arm")), input, csrf_token, language).await
}

pub async fn arm_assignments(pilot: Uuid, language: Language) -> Result<Vec<ArmAssignment>, ApiFailure> {
    send(Request::get(&format!("/api/pilots/{pilot}/assignments")), language).await
}

/// `view` is the dashboard's filter as a query (`band=up_to_7`), or empty for all vacancies.
pub async fn funnel(pilot: Uuid, variable: Variable, view: &str, language: Language) -> Result<Funnel, ApiFailure> {
    let variable = variable.as_str();
    send(Request::get(&format!("/api/pilots/{pilot}/funnel?variable={variable}&{view}")), language).await
}

pub async fn effort(pilot: Uuid, view: &str, language: Language) -> Result<Effort, ApiFailure> {
    send(Request::get(&format!("/api/pilots/{pilot}/effort?{view}")), language).await
}

pub async fn control_outcomes(
    vacancy: Uuid,
    page: u64,
    per_page: u64,
    language: Language,
) -> Result<ControlOutcomes, ApiFailure> {
    send(Request::get(&format!("/api/vacancies/{vacancy}/control-outcomes?page={page}&per_page={per_page}")), language)
        .await
}

pub async fn record_control_outcome(
    vacancy: Uuid,
    application: Uuid,
    outcome: ControlOutcome,
    csrf_token: &str,
    language: Language,
) -> Result<ControlApplicant, ApiFailure> {
    let path = format!("/api/vacancies/{vacancy}/control-outcomes/{application}");
    send_json(Request::put(&path), &ControlOutcomeInput { outcome }, csrf_token, language).await
}

pub async fn experience(pilot: Uuid, view: &str, language: Language) -> Result<Experience, ApiFailure> {
    send(Request::get(&format!("/api/pilots/{pilot}/experience?{view}")), language).await
}

pub async fn fidelity(pilot: Uuid, page: u64, view: &str, language: Language) -> Result<Fidelity, ApiFailure> {
    send(Request::get(&format!("/api/pilots/{pilot}/fidelity?page={page}&{view}")), language).await
}

pub async fn composition(
    pilot: Uuid,
    variable: Variable,
    view: &str,
    language: Language,
) -> Result<Composition, ApiFailure> {
    let variable = variable.as_str();
    send(Request::get(&format!("/api/pilots/{pilot}/composition?variable={variable}&{view}")), language).await
}

pub async fn difference_in_differences(
    pilot: Uuid,
    (variable, stage): (Variable, Stage),
    view: &str,
    language: Language,
) -> Result<DifferenceInDifferences, ApiFailure> {
    let (variable, stage) = (variable.as_str(), stage.as_str());
    send(Request::get(&format!("/api/pilots/{pilot}/did?variable={variable}&stage={stage}&{view}")), language).await
}

pub async fn reliability(
    pilot: Uuid,
    (source, page): (ScoreSource, u64),
    view: &str,
    language: Language,
) -> Result<Reliability, ApiFailure> {
    let source = source.as_str();
    send(Request::get(&format!("/api/pilots/{pilot}/reliability?source={source}&page={page}&{view}")), language).await
}

async fn send_delete(builder: RequestBuilder, csrf_token: &str, language: Language) -> Result<(), ApiFailure> {
    let builder = with_language(builder.header("X-CSRF-Token", csrf_token), language);
    no_content(builder.send().await).await
}

/// The answer to a request that answers without a body.
async fn no_content(response: Result<Response, gloo_net::Error>) -> Result<(), ApiFailure> {
    let response = response.map_err(|_| ApiFailure::Network)?;
    if response.ok() { Ok(()) } else { Err(problem(response).await) }
}

async fn send_json<B: Serialize, T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &B,
    csrf_token: &str,
    language: Language,
) -> Result<T, ApiFailure> {
    let builder = with_language(builder.header("X-CSRF-Token", csrf_token), language);
    read(builder.json(body).map_err(|_| ApiFailure::Network)?.send().await).await
}

fn with_language(builder: RequestBuilder, language: Language) -> RequestBuilder {
    builder.header("Accept-Language", language.tag())
}

async fn send<T: DeserializeOwned>(builder: RequestBuilder, language: Language) -> Result<T, ApiFailure> {
    read(with_language(builder, language).send().await).await
}

async fn read<T: DeserializeOwned>(response: Result<Response, gloo_net::Error>) -> Result<T, ApiFailure> {
    let response = response.map_err(|_| ApiFailure::Network)?;
    if response.ok() { response.json().await.map_err(|_| ApiFailure::Network) } else { Err(problem(response).await) }
}

async fn problem(response: Response) -> ApiFailure {
    response.json::<Problem>().await.map(ApiFailure::Problem).unwrap_or(ApiFailure::Network)
}
