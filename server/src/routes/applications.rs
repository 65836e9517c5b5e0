//! The applicant's way through, without an account: start a draft, save it at every step, answer the
//! monitoring questionnaire (stored apart), submit once, and later check the status, withdraw,
//! download or delete everything.
//!
//! The applicant's access code (header `X-Applicant-Code`) is the only key: only its SHA-256 is
//! stored. It opens the draft, and after submission the application. The draft is also the
//! idempotency key of a submission: `applications.draft_id` is unique, so a second submit of the same
//! draft (a double click, a retry after a timeout) returns the first receipt and creates nothing.

use api::application::{
    ACCESS_CODE_HEADER, AnswerEntry, ApplicationExport, ApplicationStatus, ApplicationView, Contact, Draft, DraftInput,
    MonitoringAnswers, NewDraft, Receipt, Retention, Step,
};
use api::problem::{ErrorCode, Problem};
use api::vacancy::{Question, VacancyStatus};
use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use domain::application::{
    AnswerError, Completeness, ContactError, canonical_answers, check_answers, digest, format_code, normalise_code,
    parse_contact,
};
use domain::audit::AuditAction;
use domain::monitoring::{self, herkomst};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::clock;
use crate::crypto::Keys;
use crate::entities::{
    application_drafts, application_events, applications, identity_envelopes, monitoring_responses, outbox,
    survey_responses, vacancies,
};
use crate::error::{ApiError, ApiJson};
use crate::routes::surveys;
use crate::routes::vacancies::is_open_for_applications;
use crate::startup::AppState;

/// What sealed values are for; part of their associated data.
const DRAFT: &str = "draft";
pub(crate) const IDENTITY: &str = "identity";
const OUTBOX: &str = "outbox";
/// The pseudonym of a draft in monitoring answers and events: the evaluation can link the two, nothing
/// else can link either to the draft.
pub(crate) const SUBJECT: &str = "subject";
/// The pseudonym of an e-mail address within one vacancy.
pub(crate) const EMAIL: &str = "email";

/// What a draft holds while the applicant works on it; sealed at rest.
#[derive(Debug, Default, Serialize, Deserialize)]
struct DraftPayload {
    answers: Vec<AnswerEntry>,
    contact: Contact,
    retention: Retention,
}

/// The applicant's access code from the `X-Applicant-Code` header, normalised.
pub struct AccessCode(String);

impl AccessCode {
    fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

/// What is stored of an access code as typed: the SHA-256 of its normal form (`None` if it cannot
/// be a code). For the demo's applicants, whose codes are published with the demo.
pub(crate) fn access_code_hash(code: &str) -> Option<String> {
    normalise_code(code).map(|normal| AccessCode(normal).hash())
}

impl<S: Send + Sync> FromRequestParts<S> for AccessCode {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<AccessCode, ApiError> {
        let header = parts.headers.get(ACCESS_CODE_HEADER).and_then(|value| value.to_str().ok());
        header.and_then(normalise_code).map(AccessCode).ok_or(ApiError::ForbiddenBecause(ErrorCode::AccessCodeInvalid))
    }
}

/// Starts an application: a new draft and the access code that opens it.
#[utoipa::path(post, path = "/public/vacancies/{id}/drafts", tag = "applications",
    responses(
        (status = 201, body = NewDraft),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`vacancy_closed`"),
    ))]
#[tracing::instrument(skip_all, fields(vacancy = %vacancy_id))]
pub async fn start(
    State(state): State<AppState>,
    Path(vacancy_id): Path<Uuid>,
) -> Result<(StatusCode, Json<NewDraft>), ApiError> {
    open_vacancy(&state.db, vacancy_id).await?;
    let code = format_code(&rand::random::<[u8; 20]>());
    let access = AccessCode(code.clone());
    let now = clock::now();
    let id = Uuid::new_v4();
    let payload = state.keys.seal_json(DRAFT, id, &DraftPayload::default())?;
    let draft = application_drafts::Model {
        id,
        vacancy_id,
        code_hash: access.hash(),
        payload: Some(payload),
        step: Step::Privacy.as_str().to_owned(),
        monitoring_done: false,
        started_at: now,
        updated_at: now,
    };
    application_drafts::ActiveModel::from(draft.clone()).insert(&state.db).await?;
    record_event(&state.keys, &state.db, vacancy_id, id, "started", Some(Step::Privacy)).await?;
    tracing::info!(draft = %id, "application started");
    let draft = draft_view(&state, &draft, None)?;
    Ok((StatusCode::CREATED, Json(NewDraft { access_code: code, draft })))
}

/// The draft the access code opens, with its receipt once it has been submitted.
#[utoipa::path(get, path = "/public/drafts/current", tag = "applications",
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses((status = 200, body = Draft), (status = 403, body = Problem, description = "`access_code_invalid`")))]
pub async fn current(State(state): State<AppState>, code: AccessCode) -> Result<Json<Draft>, ApiError> {
    let draft = find_draft(&state, &code).await?;
    let application = application_of(&state.db, draft.id).await?;
    Ok(Json(draft_view(&state, &draft, application.as_ref())?))
}

/// Saves the draft. Answers may be incomplete, but never over a word limit; the step only moves on.
#[utoipa::path(put, path = "/public/drafts/current", tag = "applications", request_body = DraftInput,
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses(
        (status = 200, body = Draft),
        (status = 409, body = Problem, description = "`vacancy_closed` or `application_already_submitted`"),
        (status = 422, body = Problem),
    ))]
#[tracing::instrument(skip_all)]
pub async fn save(
    State(state): State<AppState>,
    code: AccessCode,
    ApiJson(input): ApiJson<DraftInput>,
) -> Result<Json<Draft>, ApiError> {
    let draft = find_draft(&state, &code).await?;
    let questions = editable(&state, &draft).await?;
    let mut invalid = answer_errors(&questions, &input.answers, Completeness::Draft);
    invalid.extend(contact_length_errors(&input.contact));
    if !invalid.is_empty() {
        return Err(ApiError::invalid(invalid));
    }
    let reached = Step::parse(&draft.step).unwrap_or(Step::Privacy);
    let step = reached.max(input.step);
    let payload = DraftPayload { answers: input.answers, contact: input.contact, retention: input.retention };
    let sealed = state.keys.seal_json(DRAFT, draft.id, &payload)?;
    let now = clock::now();
    application_drafts::Entity::update_many()
        .col_expr(application_drafts::Column::Payload, Expr::value(Some(sealed)))
        .col_expr(application_drafts::Column::Step, Expr::value(step.as_str()))
        .col_expr(application_drafts::Column::UpdatedAt, Expr::value(now))
        .filter(application_drafts::Column::Id.eq(draft.id))
        .exec(&state.db)
        .await?;
    if step > reached {
        record_event(&state.keys, &state.db, draft.vacancy_id, draft.id, "step_reached", Some(step)).await?;
    }
    let saved = application_drafts::Model { step: step.as_str().to_owned(), updated_at: now, ..draft };
    Ok(Json(draft_view(&state, &saved, None)?))
}

/// Stores the voluntary monitoring answers apart from the draft, under a keyed pseudonym. Sending no
/// answers at all skips the questionnaire.
#[utoipa::path(put, path = "/public/drafts/current/monitoring", tag = "applications", request_body = MonitoringAnswers,
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses((status = 204), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn monitoring(
    State(state): State<AppState>,
    code: AccessCode,
    ApiJson(answers): ApiJson<MonitoringAnswers>,
) -> Result<StatusCode, ApiError> {
    let draft = find_draft(&state, &code).await?;
    editable(&state, &draft).await?;
    monitoring::check(&answers).map_err(|unknown| ApiError::field(unknown.0, ErrorCode::CountryUnknown))?;
    let origin = herkomst(&answers);
    let row = monitoring_responses::ActiveModel {
        pseudonym: Set(subject_of(&state.keys, draft.id)),
        vacancy_id: Set(draft.vacancy_id),
        answers: Set(serde_json::to_string(&answers).map_err(anyhow::Error::from)?),
        origin_group: Set(origin.group.map(|g| g.as_str().to_owned())),
        continent: Set(origin.continent.map(|c| c.as_str().to_owned())),
        born_in_netherlands: Set(origin.born_in_netherlands),
        recorded_at: Set(clock::now()),
    };
    let columns = [
        monitoring_responses::Column::Answers,
        monitoring_responses::Column::OriginGroup,
        monitoring_responses::Column::Continent,
        monitoring_responses::Column::BornInNetherlands,
        monitoring_responses::Column::RecordedAt,
    ];
    monitoring_responses::Entity::insert(row)
        .on_conflict(OnConflict::column(monitoring_responses::Column::Pseudonym).update_columns(columns).to_owned())
        .exec_without_returning(&state.db)
        .await?;
    application_drafts::Entity::update_many()
        .col_expr(application_drafts::Column::MonitoringDone, Expr::value(true))
        .filter(application_drafts::Column::Id.eq(draft.id))
        .exec(&state.db)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Submits the draft: answers go to `applications` (no identity), contact details into the sealed
/// identity envelope, a confirmation into the outbox. Submitting the same draft again returns the
/// first receipt.
#[utoipa::path(post, path = "/public/drafts/current/submit", tag = "applications",
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses(
        (status = 201, body = Receipt, description = "Submitted now"),
        (status = 200, body = Receipt, description = "Submitted before: the same receipt"),
        (status = 409, body = Problem, description = "`vacancy_closed` or `duplicate_application`"),
        (status = 422, body = Problem),
    ))]
#[tracing::instrument(skip_all)]
pub async fn submit(State(state): State<AppState>, code: AccessCode) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    let draft = find_draft(&state, &code).await?;
    if let Some(application) = application_of(&state.db, draft.id).await? {
        return Ok((StatusCode::OK, Json(receipt(&application))));
    }
    let (vacancy, questions) = open_vacancy(&state.db, draft.vacancy_id).await?;
    let payload = open_payload(&state, &draft)?;
    let mut invalid = answer_errors(&questions, &payload.answers, Completeness::Submission);
    let contact = parse_contact(&payload.contact).map_err(|errors| {
        invalid.extend(errors.into_iter().map(|error| match error {
            ContactError::Name => ("contact.name".to_owned(), ErrorCode::ContactNameInvalid),
            ContactError::Email => ("contact.email".to_owned(), ErrorCode::EmailInvalid),
            ContactError::Phone => ("contact.phone".to_owned(), ErrorCode::PhoneInvalid),
        }));
    });
    let (Ok(contact), true) = (contact, invalid.is_empty()) else {
        return Err(ApiError::invalid(invalid));
    };
    let email_key = email_key(&state.keys, vacancy.id, &contact.email);
    if email_taken(&state, vacancy.id, &email_key).await? {
        return first_receipt_or(&state, draft.id, ApiError::Conflict(ErrorCode::DuplicateApplication)).await;
    }

    let document = canonical_answers(&questions, &payload.answers);
    let now = clock::now();
    let application = applications::Model {
        id: Uuid::new_v4(),
        vacancy_id: vacancy.id,
        draft_id: draft.id,
        reference: format!("BW-{}", format_code(&rand::random::<[u8; 10]>())),
        label: format_code(&rand::random::<[u8; 8]>()).replace('-', ""),
        digest: digest(&document),
        answers: document,
        status: ApplicationStatus::Submitted.as_str().to_owned(),
        retention: payload.retention.as_str().to_owned(),
        started_at: draft.started_at,
        submitted_at: now,
        withdrawn_at: None,
        screening: None,
    };
    match store_submission(&state, &draft, &application, &contact, &email_key, &vacancy).await {
        Ok(()) => {
            state.outbox.nudge();
            tracing::info!(application = %application.id, vacancy = %vacancy.id, "application submitted");
            Ok((StatusCode::CREATED, Json(receipt(&application))))
        }
        Err(error) => {
            // A concurrent submit of the same draft won the race (the unique draft id stopped this
            // one), or another draft with the same address did.
            let error = if email_taken(&state, vacancy.id, &email_key).await? {
                ApiError::Conflict(ErrorCode::DuplicateApplication)
            } else {
                error
            };
            first_receipt_or(&state, draft.id, error).await
        }
    }
}

/// Whether an application of this vacancy has this e-mail address (by its keyed hash).
async fn email_taken(state: &AppState, vacancy: Uuid, email_key: &str) -> Result<bool, ApiError> {
    let found = identity_envelopes::Entity::find()
        .filter(identity_envelopes::Column::VacancyId.eq(vacancy))
        .filter(identity_envelopes::Column::EmailKey.eq(email_key))
        .one(&state.db)
        .await?;
    Ok(found.is_some())
}

/// The receipt of the draft's application if a concurrent submit of the same draft made one (then
/// this submit is a repeat, answered with 200), else `error`.
async fn first_receipt_or(
    state: &AppState,
    draft: Uuid,
    error: ApiError,
) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    match application_of(&state.db, draft).await? {
        Some(first) => Ok((StatusCode::OK, Json(receipt(&first)))),
        None => Err(error),
    }
}

/// Writes a submission in one transaction: application, identity envelope, the emptied draft, the
/// event, the confirmation e-mail and the audit entry. An acknowledged submission is committed.
async fn store_submission(
    state: &AppState,
    draft: &application_drafts::Model,
    application: &applications::Model,
    contact: &Contact,
    email_key: &str,
    vacancy: &vacancies::Model,
) -> Result<(), ApiError> {
    let transaction = state.audit.begin(&state.db).await?;
    applications::ActiveModel::from(application.clone()).insert(&*transaction).await?;
    identity_envelopes::ActiveModel {
        application_id: Set(application.id),
        vacancy_id: Set(vacancy.id),
        email_key: Set(email_key.to_owned()),
        sealed: Set(state.keys.seal_json(IDENTITY, application.id, contact)?),
    }
    .insert(&*transaction)
    .await?;
    application_drafts::Entity::update_many()
        .col_expr(application_drafts::Column::Payload, Expr::value(Option::<Vec<u8>>::None))
        .col_expr(application_drafts::Column::Step, Expr::value(Step::Review.as_str()))
        .col_expr(application_drafts::Column::UpdatedAt, Expr::value(application.submitted_at))
        .filter(application_drafts::Column::Id.eq(draft.id))
        .exec(&*transaction)
        .await?;
    record_event(&state.keys, &*transaction, vacancy.id, draft.id, "submitted", None).await?;
    let message = confirmation(state, vacancy, application, contact);
    let message_id = Uuid::new_v4();
    outbox::ActiveModel {
        id: Set(message_id),
        application_id: Set(Some(application.id)),
        sealed: Set(message.seal(&state.keys, message_id)?),
        created_at: Set(application.submitted_at),
        sent_at: Set(None),
    }
    .insert(&*transaction)
    .await?;
    transaction
        .record(
            AuditEntry::new(AuditAction::ApplicationSubmitted)
                .subject(application.id)
                .details(serde_json::json!({ "vacancy": vacancy.id, "digest": application.digest })),
        )
        .await?;
    transaction.commit().await?;
    Ok(())
}

/// An e-mail as the outbox keeps it: recipient, subject and body sealed together.
#[derive(Debug, Serialize, Deserialize)]
pub struct Message {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Message {
    pub fn seal(&self, keys: &Keys, row: Uuid) -> anyhow::Result<Vec<u8>> {
        keys.seal_json(OUTBOX, row, self)
    }

    pub fn open(keys: &Keys, row: &outbox::Model) -> anyhow::Result<Message> {
        keys.open_json(OUTBOX, row.id, &row.sealed)
    }
}

/// The confirmation e-mail, in the vacancy's language, with the link to the status page. The access
/// code goes in the link's fragment, which browsers never send to a server.
fn confirmation(
    state: &AppState,
    vacancy: &vacancies::Model,
    application: &applications::Model,
    contact: &Contact,
) -> Message {
    let link = format!("{}/sollicitatie/status#{}", state.config.public_url, application.reference);
    let at = application.submitted_at.format("%Y-%m-%d %H:%M UTC");
    let (subject, body) = if vacancy.language == "en" {
        (
            format!("Your application for {}", vacancy.title),
            format!(
                "Dear applicant,\n\nWe received your application for “{title}” on {at}.\n\nReference: {reference}\nDigest of your answers (SHA-256): {digest}\n\nSee its status, withdraw it, download or delete your data: {link}\nYou need your access code from the receipt.\n\nThe committee reads your answers without your name.\n",
                title = vacancy.title,
                reference = application.reference,
                digest = application.digest,
            ),
        )
    } else {
        (
            format!("Uw sollicitatie op {}", vacancy.title),
            format!(
                "Beste sollicitant,\n\nWe hebben uw sollicitatie op “{title}” ontvangen op {at}.\n\nKenmerk: {reference}\nControlegetal van uw antwoorden (SHA-256): {digest}\n\nBekijk de status, trek uw sollicitatie in, download of verwijder uw gegevens: {link}\nU hebt daarvoor de toegangscode van uw bewijs van inzending nodig.\n\nDe commissie leest uw antwoorden zonder uw naam.\n",
                title = vacancy.title,
                reference = application.reference,
                digest = application.digest,
            ),
        )
    };
    Message { to: contact.email.clone(), subject, body }
}

/// The status page of a submitted application.
#[utoipa::path(get, path = "/public/applications/{reference}", tag = "applications",
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses((status = 200, body = ApplicationView), (status = 403, body = Problem, description = "`access_code_invalid`")))]
pub async fn status(
    State(state): State<AppState>,
    code: AccessCode,
    Path(reference): Path<String>,
) -> Result<Json<ApplicationView>, ApiError> {
    let application = find_application(&state, &code, &reference).await?;
    Ok(Json(view(&state, &application).await?))
}

/// Withdraws a submitted application. It stays stored until the retention period ends.
#[utoipa::path(post, path = "/public/applications/{reference}/withdraw", tag = "applications",
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses((status = 200, body = ApplicationView), (status = 409, body = Problem, description = "`application_not_active`")))]
#[tracing::instrument(skip_all)]
pub async fn withdraw(
    State(state): State<AppState>,
    code: AccessCode,
    Path(reference): Path<String>,
) -> Result<Json<ApplicationView>, ApiError> {
    let application = find_application(&state, &code, &reference).await?;
    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    let withdrawn = applications::Entity::update_many()
        .col_expr(applications::Column::Status, Expr::value(ApplicationStatus::Withdrawn.as_str()))
        .col_expr(applications::Column::WithdrawnAt, Expr::value(Some(now)))
        .filter(applications::Column::Id.eq(application.id))
        .filter(applications::Column::Status.eq(ApplicationStatus::Submitted.as_str()))
        .exec(&*transaction)
        .await?;
    if withdrawn.rows_affected == 0 {
        return Err(ApiError::Conflict(ErrorCode::ApplicationNotActive));
    }
    record_event(&state.keys, &*transaction, application.vacancy_id, application.draft_id, "withdrawn", None).await?;
    transaction.record(AuditEntry::new(AuditAction::ApplicationWithdrawn).subject(application.id)).await?;
    transaction.commit().await?;
    let application = applications::Model {
        status: ApplicationStatus::Withdrawn.as_str().to_owned(),
        withdrawn_at: Some(now),
        ..application
    };
    Ok(Json(view(&state, &application).await?))
}

/// Everything stored about the applicant, as JSON (AVG articles 15 and 20).
#[utoipa::path(get, path = "/public/applications/{reference}/export", tag = "applications",
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses((status = 200, body = ApplicationExport), (status = 403, body = Problem)))]
pub async fn export(
    State(state): State<AppState>,
    code: AccessCode,
    Path(reference): Path<String>,
) -> Result<Json<ApplicationExport>, ApiError> {
    let application = find_application(&state, &code, &reference).await?;
    let envelope = identity_envelopes::Entity::find_by_id(application.id).one(&state.db).await?;
    let contact = match envelope {
        Some(envelope) => state.keys.open_json(IDENTITY, application.id, &envelope.sealed)?,
        None => Contact::default(),
    };
    let pseudonym = subject_of(&state.keys, application.draft_id);
    let monitoring = match monitoring_responses::Entity::find_by_id(pseudonym).one(&state.db).await? {
        Some(row) => Some(serde_json::from_str(&row.answers).map_err(anyhow::Error::from)?),
        None => None,
    };
    let answers: Vec<AnswerEntry> = serde_json::from_str(&application.answers).map_err(anyhow::Error::from)?;
    Ok(Json(ApplicationExport {
        answers,
        answers_document: application.answers.clone(),
        contact,
        monitoring,
        started_at: application.started_at,
        application: view(&state, &application).await?,
    }))
}

/// Deletes everything of the applicant: answers, identity envelope, monitoring answers, survey
/// answers, the draft and the confirmation e-mail. Only the pseudonymous events stay, and the audit entry of the deletion.
#[utoipa::path(delete, path = "/public/applications/{reference}", tag = "applications",
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses((status = 204), (status = 403, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn delete(
    State(state): State<AppState>,
    code: AccessCode,
    Path(reference): Path<String>,
) -> Result<StatusCode, ApiError> {
    let application = find_application(&state, &code, &reference).await?;
    let transaction = state.audit.begin(&state.db).await?;
    outbox::Entity::delete_many().filter(outbox::Column::ApplicationId.eq(application.id)).exec(&*transaction).await?;
    identity_envelopes::Entity::delete_by_id(application.id).exec(&*transaction).await?;
    applications::Entity::delete_by_id(application.id).exec(&*transaction).await?;
    delete_draft_data(&state, &*transaction, application.draft_id).await?;
    record_event(&state.keys, &*transaction, application.vacancy_id, application.draft_id, "deleted", None).await?;
    transaction.record(AuditEntry::new(AuditAction::ApplicationDeleted).subject(application.id)).await?;
    transaction.commit().await?;
    tracing::info!(application = %application.id, "application deleted on the applicant's request");
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a draft that was never submitted, with its monitoring answers.
#[utoipa::path(delete, path = "/public/drafts/current", tag = "applications",
    params(("x-applicant-code" = String, Header, description = "The applicant's access code")),
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem)))]
#[tracing::instrument(skip_all)]
pub async fn discard(State(state): State<AppState>, code: AccessCode) -> Result<StatusCode, ApiError> {
    let draft = find_draft(&state, &code).await?;
    if application_of(&state.db, draft.id).await?.is_some() {
        return Err(ApiError::Conflict(ErrorCode::ApplicationAlreadySubmitted));
    }
    delete_draft_data(&state, &state.db, draft.id).await?;
    record_event(&state.keys, &state.db, draft.vacancy_id, draft.id, "deleted", None).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_draft_data(state: &AppState, db: &impl ConnectionTrait, draft: Uuid) -> Result<(), ApiError> {
    let pseudonym = subject_of(&state.keys, draft);
    survey_responses::Entity::delete_many()
        .filter(survey_responses::Column::Respondent.eq(pseudonym.clone()))
        .exec(db)
        .await?;
    monitoring_responses::Entity::delete_by_id(pseudonym).exec(db).await?;
    application_drafts::Entity::delete_by_id(draft).exec(db).await?;
    Ok(())
}

/// A published vacancy that takes applications now, with its questionnaire.
async fn open_vacancy(db: &impl ConnectionTrait, id: Uuid) -> Result<(vacancies::Model, Vec<Question>), ApiError> {
    let vacancy = vacancies::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let status = VacancyStatus::parse(&vacancy.status).unwrap_or(VacancyStatus::Draft);
    if matches!(status, VacancyStatus::Draft | VacancyStatus::Purged) {
        return Err(ApiError::NotFound);
    }
    if !is_open_for_applications(status, vacancy.closes_at, clock::now()) {
        return Err(ApiError::Conflict(ErrorCode::VacancyClosed));
    }
    let questions = serde_json::from_str(&vacancy.questions).map_err(anyhow::Error::from)?;
    Ok((vacancy, questions))
}

/// The questionnaire, if the draft may still change: not submitted, and the vacancy still open.
async fn editable(state: &AppState, draft: &application_drafts::Model) -> Result<Vec<Question>, ApiError> {
    if application_of(&state.db, draft.id).await?.is_some() {
        return Err(ApiError::Conflict(ErrorCode::ApplicationAlreadySubmitted));
    }
    Ok(open_vacancy(&state.db, draft.vacancy_id).await?.1)
}

async fn find_draft(state: &AppState, code: &AccessCode) -> Result<application_drafts::Model, ApiError> {
    application_drafts::Entity::find()
        .filter(application_drafts::Column::CodeHash.eq(code.hash()))
        .one(&state.db)
        .await?
        .ok_or(ApiError::ForbiddenBecause(ErrorCode::AccessCodeInvalid))
}

/// The application with this reference, if the access code is the one of its draft. An unknown
/// reference and a wrong code get the same answer, so neither can be guessed one at a time.
pub(crate) async fn find_application(
    state: &AppState,
    code: &AccessCode,
    reference: &str,
) -> Result<applications::Model, ApiError> {
    let draft = find_draft(state, code).await?;
    match application_of(&state.db, draft.id).await? {
        Some(application) if application.reference.eq_ignore_ascii_case(reference.trim()) => Ok(application),
        _ => Err(ApiError::ForbiddenBecause(ErrorCode::AccessCodeInvalid)),
    }
}

async fn application_of(db: &impl ConnectionTrait, draft: Uuid) -> Result<Option<applications::Model>, ApiError> {
    Ok(applications::Entity::find().filter(applications::Column::DraftId.eq(draft)).one(db).await?)
}

fn open_payload(state: &AppState, draft: &application_drafts::Model) -> Result<DraftPayload, ApiError> {
    match &draft.payload {
        Some(sealed) => Ok(state.keys.open_json(DRAFT, draft.id, sealed)?),
        None => Ok(DraftPayload::default()),
    }
}

fn draft_view(
    state: &AppState,
    draft: &application_drafts::Model,
    application: Option<&applications::Model>,
) -> Result<Draft, ApiError> {
    let payload = open_payload(state, draft)?;
    Ok(Draft {
        vacancy_id: draft.vacancy_id,
        step: Step::parse(&draft.step).unwrap_or(Step::Privacy),
        answers: payload.answers,
        contact: payload.contact,
        retention: payload.retention,
        monitoring_done: draft.monitoring_done,
        updated_at: draft.updated_at,
        receipt: application.map(receipt),
    })
}

fn receipt(application: &applications::Model) -> Receipt {
    Receipt {
        reference: application.reference.clone(),
        submitted_at: application.submitted_at,
        digest: application.digest.clone(),
    }
}

/// What the status page shows of an application.
pub(crate) async fn view(state: &AppState, application: &applications::Model) -> Result<ApplicationView, ApiError> {
    let db = &state.db;
    let vacancy = vacancies::Entity::find_by_id(application.vacancy_id).one(db).await?;
    let ended = surveys::procedure_ended(application, vacancy.as_ref());
    Ok(ApplicationView {
        reference: application.reference.clone(),
        vacancy_id: application.vacancy_id,
        vacancy_title: vacancy.map(|v| v.title).unwrap_or_default(),
        status: ApplicationStatus::parse(&application.status).unwrap_or(ApplicationStatus::Submitted),
        submitted_at: application.submitted_at,
        withdrawn_at: application.withdrawn_at,
        digest: application.digest.clone(),
        retention: Retention::parse(&application.retention).unwrap_or_default(),
        feedback: crate::routes::feedback::report_of(db, application.id).await?,
        procedure_ended: ended,
        surveys: surveys::surveys_of(db, &state.keys, (application, ended)).await?,
    })
}

/// Field errors of answers, named `answers.<question id>`.
fn answer_errors(
    questions: &[Question],
    answers: &[AnswerEntry],
    completeness: Completeness,
) -> Vec<(String, ErrorCode)> {
    check_answers(questions, answers, completeness)
        .into_iter()
        .map(|(question, error)| {
            let code = match error {
                AnswerError::Missing => ErrorCode::AnswerMissing,
                AnswerError::OverWordLimit { .. } => ErrorCode::AnswerTooLong,
                AnswerError::WrongKind | AnswerError::Unknown => ErrorCode::AnswerInvalid,
            };
            (format!("answers.{question}"), code)
        })
        .collect()
}

/// A draft's contact fields may be unfinished, but not unbounded.
fn contact_length_errors(contact: &Contact) -> Vec<(String, ErrorCode)> {
    let mut errors = Vec::new();
    if contact.name.chars().count() > 200 {
        errors.push(("contact.name".to_owned(), ErrorCode::ContactNameInvalid));
    }
    if contact.email.chars().count() > 254 {
        errors.push(("contact.email".to_owned(), ErrorCode::EmailInvalid));
    }
    if contact.phone.as_deref().is_some_and(|p| p.chars().count() > 30) {
        errors.push(("contact.phone".to_owned(), ErrorCode::PhoneInvalid));
    }
    errors
}

pub(crate) fn email_key(keys: &Keys, vacancy: Uuid, email: &str) -> String {
    let mut value = vacancy.as_bytes().to_vec();
    value.extend_from_slice(email.trim().to_lowercase().as_bytes());
    keys.pseudonym(EMAIL, &value)
}

/// The pseudonym of a draft in its events, monitoring answers and surveys.
pub(crate) fn subject_of(keys: &Keys, draft: Uuid) -> String {
    keys.pseudonym(SUBJECT, draft.as_bytes())
}

pub(crate) async fn record_event(
    keys: &Keys,
    db: &impl ConnectionTrait,
    vacancy: Uuid,
    draft: Uuid,
    kind: &str,
    step: Option<Step>,
) -> Result<(), ApiError> {
    application_events::ActiveModel {
        id: Set(Uuid::new_v4()),
        vacancy_id: Set(vacancy),
        subject: Set(subject_of(keys, draft)),
        kind: Set(kind.to_owned()),
        step: Set(step.map(|s| s.as_str().to_owned())),
        at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}
