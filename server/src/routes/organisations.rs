//! Organisations and their own text rules. An admin adds and removes rules; the organisation's
//! recruiters' editors fetch them and run them beside the built-in rules, and so does the server
//! when it stores an analysis.

use api::Language;
use api::organisation::{NewOrganisationRule, Organisation, OrganisationRule, PhraseRule};
use api::problem::{ErrorCode, Problem};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::access::Permission;
use domain::analysis::rules::{ExtraRules, OrganisationRuleError, parse_organisation_rule};
use domain::audit::AuditAction;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{organisation_rules, organisations};
use crate::error::{ApiError, ApiJson};
use crate::startup::AppState;

/// The organisations the user may see: all for an admin, their own for others.
#[utoipa::path(get, path = "/organisations", tag = "organisations", responses((status = 200, body = Vec<Organisation>)))]
pub async fn list(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Vec<Organisation>>, ApiError> {
    let mut select = organisations::Entity::find().order_by_asc(organisations::Column::Name);
    if !user.role.may(Permission::ManageRules) {
        select = select.filter(organisations::Column::Id.eq(user.organisation_id.unwrap_or_default()));
    }
    let rows = select.all(&state.db).await?;
    Ok(Json(rows.into_iter().map(|o| Organisation { id: o.id, name: o.name }).collect()))
}

/// The organisation's own rules, oldest first. For its members and for admins.
#[utoipa::path(get, path = "/organisations/{id}/rules", tag = "organisations",
    responses((status = 200, body = Vec<OrganisationRule>), (status = 404, body = Problem)))]
pub async fn rules(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<OrganisationRule>>, ApiError> {
    if !user.role.may(Permission::ManageRules) && user.organisation_id != Some(id) {
        return Err(ApiError::NotFound);
    }
    let rows = organisation_rules::Entity::find()
        .filter(organisation_rules::Column::OrganisationId.eq(id))
        .order_by_asc(organisation_rules::Column::CreatedAt)
        .all(&state.db)
        .await?;
    let rules = rows.into_iter().map(to_api).collect::<Result<_, _>>()?;
    Ok(Json(rules))
}

/// Adds a rule (admins only). Audited.
#[utoipa::path(post, path = "/organisations/{id}/rules", tag = "organisations", request_body = NewOrganisationRule,
    responses((status = 201, body = OrganisationRule), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, organisation = %id))]
pub async fn add_rule(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<NewOrganisationRule>,
) -> Result<(StatusCode, Json<OrganisationRule>), ApiError> {
    user.require(Permission::ManageRules)?;
    organisations::Entity::find_by_id(id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let rule_id = Uuid::new_v4();
    let draft = PhraseRule {
        id: String::new(),
        category: input.category,
        severity: input.severity,
        pattern: input.pattern,
        explanation: input.explanation,
        suggestions: input.suggestions,
        source: input.source,
    };
    let rule = parse_organisation_rule(format!("org.{}", rule_id.simple()), draft).map_err(|errors| {
        ApiError::invalid(
            errors
                .into_iter()
                .map(|(field, error)| {
                    let code = match error {
                        OrganisationRuleError::Pattern => ErrorCode::RulePatternInvalid,
                        OrganisationRuleError::Explanation => ErrorCode::RuleExplanationInvalid,
                        OrganisationRuleError::Source => ErrorCode::RuleSourceInvalid,
                        OrganisationRuleError::Suggestions => ErrorCode::RuleSuggestionsInvalid,
                    };
                    (field, code)
                })
                .collect::<Vec<_>>(),
        )
    })?;
    let row = organisation_rules::Model {
        id: rule_id,
        organisation_id: id,
        language: input.language.tag().to_owned(),
        rule: serde_json::to_string(&rule).map_err(|e| anyhow::anyhow!("cannot serialise a rule: {e}"))?,
        created_by: user.id,
        created_at: clock::now(),
    };
    let transaction = state.audit.begin(&state.db).await?;
    organisation_rules::Entity::insert(organisation_rules::ActiveModel {
        id: Set(row.id),
        organisation_id: Set(row.organisation_id),
        language: Set(row.language.clone()),
        rule: Set(row.rule.clone()),
        created_by: Set(row.created_by),
        created_at: Set(row.created_at),
    })
    .exec_without_returning(&*transaction)
    .await?;
    let details = serde_json::json!({ "organisation": id, "pattern": rule.pattern, "severity": rule.severity });
    transaction
        .record(AuditEntry::new(AuditAction::RuleAdded).actor(user.id).subject(rule_id).details(details))
        .await?;
    transaction.commit().await?;
    Ok((StatusCode::CREATED, Json(to_api(row)?)))
}

/// Removes a rule (admins only). Audited. Analyses stored before keep the rule-set version they had.
#[utoipa::path(delete, path = "/organisations/{id}/rules/{rule_id}", tag = "organisations",
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, organisation = %id))]
pub async fn remove_rule(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, rule_id)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, ApiError> {
    user.require(Permission::ManageRules)?;
    let transaction = state.audit.begin(&state.db).await?;
    let deleted = organisation_rules::Entity::delete_many()
        .filter(organisation_rules::Column::Id.eq(rule_id))
        .filter(organisation_rules::Column::OrganisationId.eq(id))
        .exec(&*transaction)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(ApiError::NotFound);
    }
    let details = serde_json::json!({ "organisation": id });
    transaction
        .record(AuditEntry::new(AuditAction::RuleRemoved).actor(user.id).subject(rule_id).details(details))
        .await?;
    transaction.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The organisation's own rules for texts in `language`, compiled for the analyser.
pub async fn extra_rules(
    db: &impl ConnectionTrait,
    organisation: Uuid,
    language: Language,
) -> Result<ExtraRules, ApiError> {
    let rows = organisation_rules::Entity::find()
        .filter(organisation_rules::Column::OrganisationId.eq(organisation))
        .filter(organisation_rules::Column::Language.eq(language.tag()))
        .order_by_asc(organisation_rules::Column::CreatedAt)
        .all(db)
        .await?;
    let rules = rows.into_iter().map(|row| to_api(row).map(|r| r.rule)).collect::<Result<Vec<_>, _>>()?;
    Ok(ExtraRules::new(rules))
}

fn to_api(row: organisation_rules::Model) -> Result<OrganisationRule, ApiError> {
    let rule: PhraseRule =
        serde_json::from_str(&row.rule).map_err(|e| anyhow::anyhow!("stored rule {} unreadable: {e}", row.id))?;
    Ok(OrganisationRule {
        id: row.id,
        language: Language::from_tag(&row.language).unwrap_or_default(),
        rule,
        created_at: row.created_at,
    })
}
