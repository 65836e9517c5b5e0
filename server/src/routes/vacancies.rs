//! Vacancies: the recruiter writes a draft, the server keeps the analyses that prove the inclusive
//! editor was used, and publication waits until every blocking finding is fixed or overridden with a
//! written reason. Applicants read published vacancies without an account.

use std::borrow::Cow;

use api::Language;
use api::problem::{ErrorCode, Problem};
use api::vacancy::{
    Allowance, OpenVacancy, OpenVacancyPage, Override, PublicVacancy, PublishRequest, Question, Requirement,
    RequirementInput, Vacancy, VacancyInput, VacancyPage, VacancyStatus, VacancySummary,
};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use domain::access::Permission;
use domain::analysis::rules::{ExtraRules, RuleSet};
use domain::audit::AuditAction;
use domain::questionnaire::{QuestionError, parse_questionnaire};
use domain::vacancy::{
    self as rules, RequirementKind, VacancyFieldError, VacancyForAnalysis, analyse_vacancy, blocking_without_override,
};
use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::Deserialize;
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{organisations, vacancies, vacancy_analyses};
use crate::error::{ApiError, ApiJson};
use crate::routes::organisations::extra_rules;
use crate::routes::users::PageQuery;
use crate::startup::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// 1-based page number.
    #[serde(default = "first_page")]
    page: u64,
    /// Items per page, 1 to 100.
    #[serde(default = "default_per_page")]
    per_page: u64,
    /// Words in the title.
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    status: Option<VacancyStatus>,
}

fn first_page() -> u64 {
    1
}

fn default_per_page() -> u64 {
    20
}

/// The organisation's vacancies, most recently changed first, with search and paging.
#[utoipa::path(get, path = "/vacancies", tag = "vacancies", params(ListQuery),
    responses((status = 200, body = VacancyPage), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(query): Query<ListQuery>,
) -> Result<Json<VacancyPage>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let per_page = query.per_page.clamp(1, 100);
    let page = query.page.max(1);
    let mut select = vacancies::Entity::find().filter(vacancies::Column::OrganisationId.eq(organisation));
    if let Some(words) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = format!("%{}%", escape_like(&words.to_lowercase()));
        let title = Expr::expr(Func::lower(Expr::col(vacancies::Column::Title)));
        // Fully qualified: the trait's blanket impl would otherwise shadow `Ord::max` and friends.
        select = select.filter(sea_orm::sea_query::ExprTrait::like(title, LikeExpr::new(pattern).escape('\\')));
    }
    if let Some(status) = query.status {
        select = select.filter(vacancies::Column::Status.eq(status.as_str()));
    }
    let paginator = select
        .order_by_desc(vacancies::Column::UpdatedAt)
        .order_by_asc(vacancies::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    let items = rows
        .into_iter()
        .filter_map(|row| {
            Some(VacancySummary {
                status: VacancyStatus::parse(&row.status)?,
                id: row.id,
                title: row.title,
                updated_at: row.updated_at,
                published_at: row.published_at,
                arm: row.arm.as_deref().and_then(api::vacancy::Arm::parse),
            })
        })
        .collect();
    Ok(Json(VacancyPage { items, page, per_page, total }))
}

/// Creates a draft. The analysis of this first saved draft is kept as the pilot's evidence.
#[utoipa::path(post, path = "/vacancies", tag = "vacancies", request_body = VacancyInput,
    responses((status = 201, body = Vacancy), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(input): ApiJson<VacancyInput>,
) -> Result<(StatusCode, Json<Vacancy>), ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let draft = parse_input(input, &[])?;
    let now = clock::now();
    let id = Uuid::new_v4();
    let transaction = state.audit.begin(&state.db).await?;
    vacancies::Entity::insert(vacancies::ActiveModel {
        id: Set(id),
        organisation_id: Set(organisation),
        title: Set(draft.title.clone()),
        salary_scale: Set(draft.salary_scale.map(i16::from)),
        hours_per_week: Set(draft.hours_per_week.map(i16::from)),
        location: Set(draft.location.clone()),
        language: Set(draft.language.tag().to_owned()),
        text: Set(draft.text.clone()),
        requirements: Set(to_json(&draft.requirements)?),
        allowances: Set(to_json(&draft.allowances)?),
        status: Set(VacancyStatus::Draft.as_str().to_owned()),
        arm: Set(None),
        version: Set(1),
        created_by: Set(user.id),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
        questions: Set(to_json(&draft.questions)?),
        closing_date: Set(draft.closing_date),
        time_zone: Set(draft.time_zone.name().to_owned()),
        closes_at: Set(draft.closes_at()),
    })
    .exec_without_returning(&*transaction)
    .await?;
    let extra = extra_rules(&*transaction, organisation, draft.language).await?;
    store_analysis(&*transaction, id, "first_draft", &analyse(&draft, &extra), &[]).await?;
    transaction.record(AuditEntry::new(AuditAction::VacancyCreated).actor(user.id).subject(id)).await?;
    transaction.commit().await?;
    tracing::info!(vacancy = %id, "vacancy created");
    Ok((StatusCode::CREATED, Json(load(&state, organisation, id).await?)))
}

/// One vacancy of the user's organisation.
#[utoipa::path(get, path = "/vacancies/{id}", tag = "vacancies",
    responses((status = 200, body = Vacancy), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Vacancy>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    Ok(Json(load(&state, organisation, id).await?))
}

/// Saves a draft. The input names the version it started from; if someone saved in between, 409.
#[utoipa::path(put, path = "/vacancies/{id}", tag = "vacancies", request_body = VacancyInput,
    responses(
        (status = 200, body = Vacancy),
        (status = 409, body = Problem, description = "`edit_conflict` or `vacancy_not_editable`"),
        (status = 422, body = Problem),
    ))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<VacancyInput>,
) -> Result<Json<Vacancy>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let current = find_draft(&state, organisation, id).await?;
    let version = input.version.ok_or(ApiError::field("version", ErrorCode::Required))?;
    let existing: Vec<Requirement> = from_json(&current.requirements)?;
    let draft = parse_input(input, &existing)?;
    let updated = vacancies::Entity::update_many()
        .col_expr(vacancies::Column::Title, Expr::value(draft.title.clone()))
        .col_expr(vacancies::Column::SalaryScale, Expr::value(draft.salary_scale.map(i16::from)))
        .col_expr(vacancies::Column::HoursPerWeek, Expr::value(draft.hours_per_week.map(i16::from)))
        .col_expr(vacancies::Column::Location, Expr::value(draft.location.clone()))
        .col_expr(vacancies::Column::Language, Expr::value(draft.language.tag()))
        .col_expr(vacancies::Column::Text, Expr::value(draft.text.clone()))
        .col_expr(vacancies::Column::Requirements, Expr::value(to_json(&draft.requirements)?))
        .col_expr(vacancies::Column::Allowances, Expr::value(to_json(&draft.allowances)?))
        .col_expr(vacancies::Column::Questions, Expr::value(to_json(&draft.questions)?))
        .col_expr(vacancies::Column::ClosingDate, Expr::value(draft.closing_date))
        .col_expr(vacancies::Column::TimeZone, Expr::value(draft.time_zone.name()))
        .col_expr(vacancies::Column::ClosesAt, Expr::value(draft.closes_at()))
        .col_expr(vacancies::Column::Version, Expr::value(version + 1))
        .col_expr(vacancies::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(vacancies::Column::Id.eq(id))
        .filter(vacancies::Column::Version.eq(version))
        .filter(vacancies::Column::Status.eq(VacancyStatus::Draft.as_str()))
        .exec(&state.db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(ApiError::Conflict(ErrorCode::EditConflict));
    }
    Ok(Json(load(&state, organisation, id).await?))
}

/// Publishes a draft. The server analyses the text again; every blocking finding must be fixed or
/// overridden with a written reason. The analysis of the published text and the overrides are kept,
/// and the publication is audited. From here on the text and requirements are frozen.
#[utoipa::path(post, path = "/vacancies/{id}/publish", tag = "vacancies", request_body = PublishRequest,
    responses(
        (status = 200, body = Vacancy),
        (status = 409, body = Problem, description = "`edit_conflict` or `vacancy_not_editable`"),
        (status = 422, body = Problem, description = "`blocking_findings`, `questionnaire_empty`, or a closing date that is missing or past"),
    ))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn publish(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(request): ApiJson<PublishRequest>,
) -> Result<Json<Vacancy>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let current = find_draft(&state, organisation, id).await?;
    if current.version != request.version {
        return Err(ApiError::Conflict(ErrorCode::EditConflict));
    }
    let draft = draft_of(&current)?;
    if draft.questions.is_empty() {
        return Err(ApiError::Unprocessable(ErrorCode::QuestionnaireEmpty));
    }
    match draft.closes_at() {
        None => return Err(ApiError::field("closing_date", ErrorCode::Required)),
        Some(closes_at) if closes_at <= clock::now() => {
            return Err(ApiError::field("closing_date", ErrorCode::ClosingDatePast));
        }
        Some(_) => {}
    }
    let extra = extra_rules(&state.db, organisation, draft.language).await?;
    let analysis = analyse(&draft, &extra);
    if !blocking_without_override(&analysis, &request.overrides).is_empty() {
        return Err(ApiError::Unprocessable(ErrorCode::BlockingFindings));
    }
    // Keep only the overrides that cover a finding of this text.
    let overrides: Vec<Override> =
        request.overrides.into_iter().filter(|o| analysis.blocking().any(|f| f.rule_id == o.rule_id)).collect();

    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    let published = vacancies::Entity::update_many()
        .col_expr(vacancies::Column::Status, Expr::value(VacancyStatus::Published.as_str()))
        .col_expr(vacancies::Column::PublishedAt, Expr::value(Some(now)))
        .col_expr(vacancies::Column::UpdatedAt, Expr::value(now))
        .col_expr(vacancies::Column::Version, Expr::value(request.version + 1))
        .filter(vacancies::Column::Id.eq(id))
        .filter(vacancies::Column::Version.eq(request.version))
        .exec(&*transaction)
        .await?;
    if published.rows_affected == 0 {
        return Err(ApiError::Conflict(ErrorCode::EditConflict));
    }
    store_analysis(&*transaction, id, "published", &analysis, &overrides).await?;
    let details = serde_json::json!({
        "rule_set_version": analysis.rule_set_version,
        "overrides": overrides.iter().map(|o| serde_json::json!({ "rule_id": o.rule_id, "reason": o.reason })).collect::<Vec<_>>(),
    });
    transaction
        .record(AuditEntry::new(AuditAction::VacancyPublished).actor(user.id).subject(id).details(details))
        .await?;
    transaction.commit().await?;
    tracing::info!(vacancy = %id, overrides = overrides.len(), "vacancy published");
    Ok(Json(load(&state, organisation, id).await?))
}

/// The vacancies that take applications now, closing soonest first.
#[utoipa::path(get, path = "/public/vacancies", tag = "vacancies", params(PageQuery),
    responses((status = 200, body = OpenVacancyPage)))]
pub async fn open(
    State(state): State<AppState>,
    Query(query): Query<PageQuery>,
) -> Result<Json<OpenVacancyPage>, ApiError> {
    let (page, per_page) = query.clamped();
    let paginator = vacancies::Entity::find()
        .filter(vacancies::Column::Status.eq(VacancyStatus::Published.as_str()))
        .filter(vacancies::Column::ClosesAt.gt(clock::now()))
        .order_by_asc(vacancies::Column::ClosesAt)
        .order_by_asc(vacancies::Column::Id)
        .paginate(&state.db, per_page);
    let total = paginator.num_items().await?;
    let mut items = Vec::new();
    for row in paginator.fetch_page(page - 1).await? {
        items.push(OpenVacancy {
            organisation_name: organisation_name(&state.db, row.organisation_id).await?,
            id: row.id,
            title: row.title,
            location: row.location,
            closing_date: row.closing_date,
        });
    }
    Ok(Json(OpenVacancyPage { items, page, per_page, total }))
}

/// A published vacancy, for applicants. Drafts do not exist for the public.
#[utoipa::path(get, path = "/public/vacancies/{id}", tag = "vacancies",
    responses((status = 200, body = PublicVacancy), (status = 404, body = Problem)))]
pub async fn public(State(state): State<AppState>, Path(id): Path<Uuid>) -> Result<Json<PublicVacancy>, ApiError> {
    let row = vacancies::Entity::find_by_id(id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let status = status_of(&row)?;
    if matches!(status, VacancyStatus::Draft | VacancyStatus::Purged) {
        return Err(ApiError::NotFound);
    }
    let draft = draft_of(&row)?;
    let closes_at = row.closes_at;
    Ok(Json(PublicVacancy {
        open_for_applications: is_open_for_applications(status, closes_at, clock::now()),
        questions: draft.questions.iter().map(Question::for_applicant).collect(),
        closing_date: draft.closing_date,
        time_zone: draft.time_zone.name().to_owned(),
        closes_at,
        id: row.id,
        organisation_name: organisation_name(&state.db, row.organisation_id).await?,
        title: draft.title,
        salary_scale: draft.salary_scale,
        hours_per_week: draft.hours_per_week,
        location: draft.location,
        language: draft.language,
        text: draft.text,
        requirements: draft.requirements,
        published_at: row.published_at.unwrap_or(row.updated_at),
    }))
}

/// A draft's fields, parsed.
#[derive(Debug, Clone)]
struct Draft {
    title: String,
    salary_scale: Option<u8>,
    hours_per_week: Option<u8>,
    location: String,
    language: Language,
    text: String,
    requirements: Vec<Requirement>,
    allowances: Vec<Allowance>,
    questions: Vec<Question>,
    closing_date: Option<NaiveDate>,
    time_zone: Tz,
}

impl Draft {
    /// The deadline: the end of the closing date in the vacancy's time zone.
    fn closes_at(&self) -> Option<DateTime<Utc>> {
        self.closing_date.and_then(|date| deadline(date, self.time_zone))
    }
}

/// The first moment after `date` in `zone`, in UTC: applications made before it are in time.
pub fn deadline(date: NaiveDate, zone: Tz) -> Option<DateTime<Utc>> {
    let next_day = date.succ_opt()?.and_hms_opt(0, 0, 0)?;
    // `earliest` also handles a zone whose clocks skip midnight.
    zone.from_local_datetime(&next_day).earliest().map(|local| local.with_timezone(&Utc))
}

/// Applications are accepted while a vacancy is published and its deadline has not passed.
pub fn is_open_for_applications(status: VacancyStatus, closes_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    status == VacancyStatus::Published && closes_at.is_some_and(|deadline| now < deadline)
}

/// Vacancies without a time zone of their own close in Dutch time.
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::Europe::Amsterdam;

const MAX_REQUIREMENTS: usize = 30;

/// Parses the editor's input; every field that is wrong is named. Requirements keep the ids they had.
fn parse_input(input: VacancyInput, existing: &[Requirement]) -> Result<Draft, ApiError> {
    let mut invalid: Vec<(Cow<'static, str>, ErrorCode)> = Vec::new();
    let mut check = |field: &'static str, error: VacancyFieldError| {
        let code = match error {
            VacancyFieldError::Title => ErrorCode::TitleInvalid,
            VacancyFieldError::SalaryScale => ErrorCode::SalaryScaleInvalid,
            VacancyFieldError::Hours => ErrorCode::HoursInvalid,
            VacancyFieldError::Location => ErrorCode::LocationInvalid,
            VacancyFieldError::TextTooLong => ErrorCode::TextTooLong,
            VacancyFieldError::Requirement => ErrorCode::RequirementInvalid,
            VacancyFieldError::TooManyRequirements => ErrorCode::TooManyRequirements,
            VacancyFieldError::AllowanceReason => ErrorCode::AllowanceReasonInvalid,
        };
        invalid.push((field.into(), code));
    };
    let title = rules::parse_title(&input.title).map_err(|e| check("title", e)).ok();
    let salary_scale = rules::parse_salary_scale(input.salary_scale).map_err(|e| check("salary_scale", e)).ok();
    let hours_per_week = rules::parse_hours(input.hours_per_week).map_err(|e| check("hours_per_week", e)).ok();
    let location = rules::parse_location(&input.location).map_err(|e| check("location", e)).ok();
    let text = rules::parse_text(&input.text).map_err(|e| check("text", e)).ok();
    if !input.allowances.iter().all(rules::is_valid_allowance) {
        check("allowances", VacancyFieldError::AllowanceReason);
    }
    if input.requirements.len() > MAX_REQUIREMENTS {
        check("requirements", VacancyFieldError::TooManyRequirements);
    }
    let mut requirements = Vec::new();
    for RequirementInput { id, text, kind } in input.requirements.into_iter().take(MAX_REQUIREMENTS) {
        match rules::parse_requirement(&text) {
            Ok(text) => {
                let kept = id.filter(|id| existing.iter().any(|r| r.id == *id));
                requirements.push(Requirement { id: kept.unwrap_or_else(Uuid::new_v4), text, kind });
            }
            Err(e) => {
                check("requirements", e);
                break;
            }
        }
    }
    let time_zone = match input.time_zone.as_deref().map(str::trim).filter(|zone| !zone.is_empty()) {
        None => Some(DEFAULT_TIME_ZONE),
        Some(name) => name.parse::<Tz>().ok(),
    };
    if time_zone.is_none() {
        invalid.push(("time_zone".into(), ErrorCode::TimeZoneInvalid));
    }
    let requirement_ids: Vec<Uuid> = requirements.iter().map(|r| r.id).collect();
    let questions = parse_questionnaire(input.questions, &requirement_ids)
        .map_err(|errors| {
            for (index, error) in errors {
                invalid.push((format!("questions.{index}").into(), question_error_code(error)));
            }
        })
        .unwrap_or_default();
    match (title, salary_scale, hours_per_week, location, text, time_zone) {
        (Some(title), Some(salary_scale), Some(hours_per_week), Some(location), Some(text), Some(time_zone))
            if invalid.is_empty() =>
        {
            Ok(Draft {
                title,
                salary_scale,
                hours_per_week,
                location,
                language: input.language,
                text,
                requirements,
                allowances: input.allowances,
                questions,
                closing_date: input.closing_date,
                time_zone,
            })
        }
        _ => Err(ApiError::invalid(invalid)),
    }
}

fn question_error_code(error: QuestionError) -> ErrorCode {
    match error {
        QuestionError::Prompt => ErrorCode::QuestionPromptInvalid,
        QuestionError::Scenario => ErrorCode::QuestionScenarioInvalid,
        QuestionError::WordLimit => ErrorCode::QuestionWordLimitInvalid,
        QuestionError::Options => ErrorCode::QuestionOptionsInvalid,
        QuestionError::KnockOutReason => ErrorCode::KnockOutReasonInvalid,
        QuestionError::Guide => ErrorCode::ScoringGuideIncomplete,
        QuestionError::Weight => ErrorCode::QuestionWeightInvalid,
        QuestionError::UnknownRequirement => ErrorCode::QuestionRequirementUnknown,
        QuestionError::TooMany => ErrorCode::TooManyQuestions,
        QuestionError::DuplicateId => ErrorCode::QuestionIdRepeated,
    }
}

/// The analysis of a draft with the built-in rules and the organisation's own.
fn analyse(draft: &Draft, extra: &ExtraRules) -> domain::analysis::Analysis {
    let must_haves = draft.requirements.iter().filter(|r| r.kind == RequirementKind::MustHave).count();
    let vacancy = VacancyForAnalysis { title: &draft.title, text: &draft.text, language: draft.language, must_haves };
    analyse_vacancy(vacancy, RuleSet::builtin(), extra, &draft.allowances)
}

async fn store_analysis(
    db: &impl ConnectionTrait,
    vacancy: Uuid,
    stage: &str,
    analysis: &domain::analysis::Analysis,
    overrides: &[Override],
) -> Result<(), ApiError> {
    vacancy_analyses::ActiveModel {
        id: Set(Uuid::new_v4()),
        vacancy_id: Set(vacancy),
        stage: Set(stage.to_owned()),
        rule_set_version: Set(analysis.rule_set_version.clone()),
        analysis: Set(to_json(analysis)?),
        overrides: Set(to_json(&overrides)?),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Moves a vacancy from one status to the next, only if it is still in `from`: of two concurrent
/// requests one moves it and the other gets `false`.
pub(crate) async fn transition(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: VacancyStatus,
    to: VacancyStatus,
) -> Result<bool, ApiError> {
    let moved = vacancies::Entity::update_many()
        .col_expr(vacancies::Column::Status, Expr::value(to.as_str()))
        .col_expr(vacancies::Column::UpdatedAt, Expr::value(clock::now()))
        .filter(vacancies::Column::Id.eq(id))
        .filter(vacancies::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(moved.rows_affected == 1)
}

/// The organisation a recruiter works for; others may not touch vacancies.
pub(crate) fn recruiter_organisation(user: &CurrentUser) -> Result<Uuid, ApiError> {
    user.require(Permission::ManageVacancies)?;
    user.organisation_id.ok_or(ApiError::ForbiddenBecause(ErrorCode::NoOrganisation))
}

/// A vacancy of `organisation`; one of another organisation does not exist for this user.
pub(crate) async fn find(state: &AppState, organisation: Uuid, id: Uuid) -> Result<vacancies::Model, ApiError> {
    vacancies::Entity::find_by_id(id)
        .filter(vacancies::Column::OrganisationId.eq(organisation))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// As [`find`], for a change that only a draft allows (409 otherwise).
async fn find_draft(state: &AppState, organisation: Uuid, id: Uuid) -> Result<vacancies::Model, ApiError> {
    let row = find(state, organisation, id).await?;
    if status_of(&row)?.is_editable() { Ok(row) } else { Err(ApiError::Conflict(ErrorCode::VacancyNotEditable)) }
}

async fn load(state: &AppState, organisation: Uuid, id: Uuid) -> Result<Vacancy, ApiError> {
    let row = find(state, organisation, id).await?;
    let draft = draft_of(&row)?;
    let closes_at = row.closes_at;
    Ok(Vacancy {
        id: row.id,
        organisation_id: row.organisation_id,
        organisation_name: organisation_name(&state.db, row.organisation_id).await?,
        title: draft.title,
        salary_scale: draft.salary_scale,
        hours_per_week: draft.hours_per_week,
        location: draft.location,
        language: draft.language,
        text: draft.text,
        requirements: draft.requirements,
        allowances: draft.allowances,
        closes_at,
        questions: draft.questions,
        closing_date: draft.closing_date,
        time_zone: draft.time_zone.name().to_owned(),
        status: status_of(&row)?,
        arm: row.arm.as_deref().and_then(api::vacancy::Arm::parse),
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
        published_at: row.published_at,
    })
}

async fn organisation_name(db: &impl ConnectionTrait, organisation: Uuid) -> Result<String, ApiError> {
    let found = organisations::Entity::find_by_id(organisation).one(db).await?;
    Ok(found.map(|o| o.name).unwrap_or_default())
}

/// The row's fields as the rules see them.
fn draft_of(row: &vacancies::Model) -> Result<Draft, ApiError> {
    Ok(Draft {
        title: row.title.clone(),
        salary_scale: row.salary_scale.and_then(|s| u8::try_from(s).ok()),
        hours_per_week: row.hours_per_week.and_then(|h| u8::try_from(h).ok()),
        location: row.location.clone(),
        language: Language::from_tag(&row.language).unwrap_or_default(),
        text: row.text.clone(),
        requirements: from_json(&row.requirements)?,
        allowances: from_json(&row.allowances)?,
        questions: from_json(&row.questions)?,
        closing_date: row.closing_date,
        time_zone: row.time_zone.parse().unwrap_or(DEFAULT_TIME_ZONE),
    })
}

pub(crate) fn status_of(row: &vacancies::Model) -> Result<VacancyStatus, ApiError> {
    VacancyStatus::parse(&row.status).ok_or_else(|| anyhow::anyhow!("vacancy {} has an unknown status", row.id).into())
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| anyhow::anyhow!("cannot serialise: {e}").into())
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, ApiError> {
    serde_json::from_str(json).map_err(|e| anyhow::anyhow!("stored JSON unreadable: {e}").into())
}

/// Escapes `%`, `_` and `\` so search words match literally in LIKE.
fn escape_like(words: &str) -> String {
    words.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn the_deadline_is_the_end_of_the_closing_date_in_the_vacancys_time_zone() {
        let cases = [
            ("2026-12-15", DEFAULT_TIME_ZONE, "2026-12-15T23:00:00Z"), // winter time, UTC+1
            ("2026-07-01", DEFAULT_TIME_ZONE, "2026-07-01T22:00:00Z"), // summer time, UTC+2
            ("2026-03-28", DEFAULT_TIME_ZONE, "2026-03-28T23:00:00Z"), // the clocks go forward at 02:00 after
            ("2026-12-15", chrono_tz::America::Kralendijk, "2026-12-16T04:00:00Z"), // Caribisch Nederland, UTC-4
        ];
        for (closing, zone, expected) in cases {
            let deadline = deadline(date(closing), zone).expect("a deadline");
            assert_eq!(deadline.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), expected, "{closing} {zone}");
        }
    }

    #[test]
    fn only_a_published_vacancy_before_its_deadline_takes_applications() {
        let deadline = deadline(date("2026-12-15"), DEFAULT_TIME_ZONE);
        let before = "2026-12-15T22:59:59Z".parse().expect("a time");
        let at = "2026-12-15T23:00:00Z".parse().expect("a time");
        assert!(is_open_for_applications(VacancyStatus::Published, deadline, before));
        assert!(!is_open_for_applications(VacancyStatus::Published, deadline, at));
        assert!(!is_open_for_applications(VacancyStatus::Draft, deadline, before));
        assert!(!is_open_for_applications(VacancyStatus::Published, None, before));
    }
}
