//! The shortlist and unblinding. The recruiter fixes the shortlist on the pseudonymous ranking with a
//! rationale (audited, once); the candidates who are not on it are told by e-mail through the outbox
//! (their envelope is opened by the server only, to address the message) and are never unblinded.
//! Unblinding takes two people: the recruiter asks, the committee chair confirms; only then does the
//! recruiter see the shortlisted candidates' contact details. Every step is audited.

use std::collections::HashSet;

use api::problem::{ErrorCode, Problem};
use api::ranking::{RankedCandidate, Shortlist, ShortlistInput, ShortlistMethod, ShortlistedIdentity, Unblinding};
use api::vacancy::VacancyStatus;
use axum::Json;
use axum::extract::{Path, State};
use domain::application::Contact;
use domain::audit::AuditAction;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{applications, identity_envelopes, outbox, shortlisted, shortlists, vacancies};
use crate::error::{ApiError, ApiJson};
use crate::routes::applications::{IDENTITY, Message, record_event};
use crate::routes::committee::released_to;
use crate::routes::ranking::ranked_candidates;
use crate::routes::vacancies::{find, recruiter_organisation, transition};
use crate::startup::AppState;

/// The fixed shortlist of a vacancy (404 while none is fixed).
#[utoipa::path(get, path = "/vacancies/{id}/shortlist", tag = "scoring",
    responses((status = 200, body = Shortlist), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Shortlist>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    Ok(Json(shortlist_of(&state, &vacancy).await?))
}

/// Fixes the shortlist: the first N, everyone above a threshold, or chosen by hand; with a
/// rationale; once. Tells the others by e-mail. Audited.
#[utoipa::path(post, path = "/vacancies/{id}/shortlist", tag = "scoring", request_body = ShortlistInput,
    responses((status = 201, body = Shortlist),
        (status = 409, body = Problem, description = "`ranking_not_ready` or `shortlist_fixed`"),
        (status = 422, body = Problem)))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn fix(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<ShortlistInput>,
) -> Result<(axum::http::StatusCode, Json<Shortlist>), ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    if shortlists::Entity::find_by_id(vacancy.id).one(&state.db).await?.is_some() {
        return Err(ApiError::Conflict(ErrorCode::ShortlistFixed));
    }
    let (ranked, _) = ranked_candidates(&state, &vacancy).await?;
    let mut invalid = Vec::new();
    let rationale = input.rationale.trim().to_owned();
    if !(10..=1000).contains(&rationale.chars().count()) {
        invalid.push(("rationale", ErrorCode::ShortlistRationaleRequired));
    }
    let chosen: Vec<&(Uuid, RankedCandidate)> = match input.method {
        ShortlistMethod::Top => {
            let n = input.top.unwrap_or(0) as usize;
            ranked.iter().take(n).collect()
        }
        ShortlistMethod::Threshold => {
            let threshold = input.threshold.unwrap_or(f64::INFINITY);
            ranked.iter().filter(|(_, c)| c.score >= threshold).collect()
        }
        ShortlistMethod::HandPicked => {
            let labels: HashSet<&str> = input.labels.iter().map(String::as_str).collect();
            let known = labels.iter().all(|l| ranked.iter().any(|(_, c)| c.label == *l));
            if known { ranked.iter().filter(|(_, c)| labels.contains(c.label.as_str())).collect() } else { Vec::new() }
        }
    };
    if chosen.is_empty() {
        invalid.push(("method", ErrorCode::ShortlistChoiceInvalid));
    }
    if !invalid.is_empty() {
        return Err(ApiError::invalid(invalid));
    }
    // A hand-picked set departs from the ranking when it is not the top of it.
    let departs = chosen.iter().enumerate().any(|(index, (_, c))| c.rank as usize != index + 1);
    let on_list: HashSet<Uuid> = chosen.iter().map(|(application, _)| *application).collect();
    let others: HashSet<Uuid> = ranked.iter().map(|(a, _)| *a).filter(|a| !on_list.contains(a)).collect();

    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    if !transition(&*transaction, vacancy.id, VacancyStatus::Scoring, VacancyStatus::Shortlisted).await? {
        return Err(ApiError::Conflict(ErrorCode::ShortlistFixed));
    }
    shortlists::ActiveModel {
        vacancy_id: Set(vacancy.id),
        method: Set(input.method.as_str().to_owned()),
        rationale: Set(rationale),
        decided_by: Set(user.id),
        decided_at: Set(now),
        unblinding_requested_by: Set(None),
        unblinding_requested_at: Set(None),
        unblinding_confirmed_by: Set(None),
        unblinding_confirmed_at: Set(None),
    }
    .insert(&*transaction)
    .await?;
    for (application, candidate) in &chosen {
        shortlisted::ActiveModel {
            application_id: Set(*application),
            vacancy_id: Set(vacancy.id),
            rank: Set(i32::try_from(candidate.rank).unwrap_or(i32::MAX)),
        }
        .insert(&*transaction)
        .await?;
    }
    let applications =
        applications::Entity::find().filter(applications::Column::VacancyId.eq(vacancy.id)).all(&*transaction).await?;
    for application in &applications {
        let kind = if on_list.contains(&application.id) {
            "shortlisted"
        } else if others.contains(&application.id) {
            "not_shortlisted"
        } else {
            continue;
        };
        record_event(&state.keys, &*transaction, vacancy.id, application.draft_id, kind, None).await?;
        if kind == "not_shortlisted" {
            let Some(envelope) = identity_envelopes::Entity::find_by_id(application.id).one(&*transaction).await?
            else {
                continue;
            };
            let contact: Contact = state.keys.open_json(IDENTITY, application.id, &envelope.sealed)?;
            let message = not_shortlisted_message(&vacancy, application, &contact);
            let message_id = Uuid::new_v4();
            outbox::ActiveModel {
                id: Set(message_id),
                application_id: Set(Some(application.id)),
                sealed: Set(message.seal(&state.keys, message_id)?),
                created_at: Set(now),
                sent_at: Set(None),
            }
            .insert(&*transaction)
            .await?;
        }
    }
    transaction
        .record(AuditEntry::new(AuditAction::ShortlistFixed).actor(user.id).subject(vacancy.id).details(
            serde_json::json!({
                "method": input.method.as_str(),
                "shortlisted": chosen.len(),
                "not_shortlisted": others.len(),
                "departs_from_ranking": departs,
            }),
        ))
        .await?;
    transaction.commit().await?;
    state.outbox.nudge();
    Ok((axum::http::StatusCode::CREATED, Json(shortlist_of(&state, &vacancy).await?)))
}

/// The recruiter asks to unblind the shortlist; the chair must confirm. Audited.
#[utoipa::path(post, path = "/vacancies/{id}/unblinding", tag = "scoring",
    responses((status = 200, body = Shortlist), (status = 409, body = Problem, description = "`shortlist_missing`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn request(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Shortlist>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let shortlist = shortlists::Entity::find_by_id(vacancy.id)
        .one(&state.db)
        .await?
        .ok_or(ApiError::Conflict(ErrorCode::ShortlistMissing))?;
    if shortlist.unblinding_requested_at.is_none() {
        let (by, at) = (shortlists::Column::UnblindingRequestedBy, shortlists::Column::UnblindingRequestedAt);
        unblinding_step(&state, vacancy.id, user.id, (by, at), AuditAction::UnblindingRequested).await?;
    }
    Ok(Json(shortlist_of(&state, &vacancy).await?))
}

/// The committee chair confirms the recruiter's request to unblind the shortlist. Audited. The chair
/// sees no identity either.
#[utoipa::path(post, path = "/committee/vacancies/{id}/unblinding", tag = "committee",
    responses((status = 204), (status = 403, body = Problem, description = "`chair_only`"),
        (status = 409, body = Problem, description = "`unblinding_not_requested`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn confirm(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<axum::http::StatusCode, ApiError> {
    let (vacancy, seat) = released_to(&state, &user, id).await?;
    if !seat.chair {
        return Err(ApiError::ForbiddenBecause(ErrorCode::ChairOnly));
    }
    let shortlist = shortlists::Entity::find_by_id(vacancy.id).one(&state.db).await?;
    let Some(shortlist) = shortlist.filter(|s| s.unblinding_requested_at.is_some()) else {
        return Err(ApiError::Conflict(ErrorCode::UnblindingNotRequested));
    };
    if shortlist.unblinding_confirmed_at.is_none() {
        let (by, at) = (shortlists::Column::UnblindingConfirmedBy, shortlists::Column::UnblindingConfirmedAt);
        unblinding_step(&state, vacancy.id, user.id, (by, at), AuditAction::UnblindingConfirmed).await?;
    }
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// The contact details of the shortlisted candidates, for the recruiter, after the chair confirmed.
/// Audited: who looked, when.
#[utoipa::path(get, path = "/vacancies/{id}/shortlist/identities", tag = "scoring",
    responses((status = 200, body = Vec<ShortlistedIdentity>),
        (status = 409, body = Problem, description = "`unblinding_not_confirmed`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn identities(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<ShortlistedIdentity>>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    let confirmed = shortlists::Entity::find_by_id(vacancy.id)
        .one(&state.db)
        .await?
        .is_some_and(|s| s.unblinding_confirmed_at.is_some());
    if !confirmed {
        return Err(ApiError::Conflict(ErrorCode::UnblindingNotConfirmed));
    }
    let rows = shortlisted::Entity::find()
        .filter(shortlisted::Column::VacancyId.eq(vacancy.id))
        .order_by_asc(shortlisted::Column::Rank)
        .all(&state.db)
        .await?;
    let mut identities = Vec::new();
    for row in &rows {
        let (Some(application), Some(envelope)) = (
            applications::Entity::find_by_id(row.application_id).one(&state.db).await?,
            identity_envelopes::Entity::find_by_id(row.application_id).one(&state.db).await?,
        ) else {
            continue;
        };
        let contact: Contact = state.keys.open_json(IDENTITY, application.id, &envelope.sealed)?;
        identities.push(ShortlistedIdentity {
            rank: u32::try_from(row.rank).unwrap_or_default(),
            label: application.label,
            name: contact.name,
            email: contact.email,
            phone: contact.phone,
        });
    }
    let transaction = state.audit.begin(&state.db).await?;
    transaction
        .record(
            AuditEntry::new(AuditAction::IdentitiesViewed)
                .actor(user.id)
                .subject(vacancy.id)
                .details(serde_json::json!({ "count": identities.len() })),
        )
        .await?;
    transaction.commit().await?;
    Ok(Json(identities))
}

/// One of the two steps of unblinding: who and when, with its audit entry, both or neither.
async fn unblinding_step(
    state: &AppState,
    vacancy: Uuid,
    actor: Uuid,
    (by, at): (shortlists::Column, shortlists::Column),
    action: AuditAction,
) -> Result<(), ApiError> {
    let transaction = state.audit.begin(&state.db).await?;
    shortlists::Entity::update_many()
        .col_expr(by, Expr::value(Some(actor)))
        .col_expr(at, Expr::value(Some(clock::now())))
        .filter(shortlists::Column::VacancyId.eq(vacancy))
        .exec(&*transaction)
        .await?;
    transaction.record(AuditEntry::new(action).actor(actor).subject(vacancy)).await?;
    transaction.commit().await?;
    Ok(())
}

async fn shortlist_of(state: &AppState, vacancy: &vacancies::Model) -> Result<Shortlist, ApiError> {
    let shortlist = shortlists::Entity::find_by_id(vacancy.id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let (ranked, _) = ranked_candidates(state, vacancy).await?;
    let on_list: HashSet<Uuid> = shortlisted::Entity::find()
        .filter(shortlisted::Column::VacancyId.eq(vacancy.id))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|s| s.application_id)
        .collect();
    let candidates: Vec<RankedCandidate> =
        ranked.iter().filter(|(a, _)| on_list.contains(a)).map(|(_, c)| c.clone()).collect();
    let unblinding = match (shortlist.unblinding_requested_at, shortlist.unblinding_confirmed_at) {
        (_, Some(_)) => Unblinding::Confirmed,
        (Some(_), None) => Unblinding::Requested,
        (None, None) => Unblinding::NotRequested,
    };
    Ok(Shortlist {
        method: ShortlistMethod::parse(&shortlist.method).unwrap_or(ShortlistMethod::HandPicked),
        rationale: shortlist.rationale,
        decided_at: shortlist.decided_at,
        not_shortlisted: u32::try_from(ranked.len() - candidates.len()).unwrap_or_default(),
        candidates,
        unblinding,
    })
}

/// The e-mail to a candidate who is not on the shortlist, in the vacancy's language.
fn not_shortlisted_message(
    vacancy: &vacancies::Model,
    application: &applications::Model,
    contact: &Contact,
) -> Message {
    let (subject, body) = if vacancy.language == "en" {
        (
            format!("Your application for {}", vacancy.title),
            format!(
                "Dear applicant,\n\nThank you for applying for “{title}” (reference {reference}). The selection committee has scored all answers without knowing whose they were. Your answers are not among those invited to an interview this time.\n\nYou can ask for feedback on your answers through your status page; you need your access code from the receipt.\n",
                title = vacancy.title,
                reference = application.reference,
            ),
        )
    } else {
        (
            format!("Uw sollicitatie op {}", vacancy.title),
            format!(
                "Beste sollicitant,\n\nDank u voor uw sollicitatie op “{title}” (kenmerk {reference}). De selectiecommissie heeft alle antwoorden beoordeeld zonder te weten van wie ze waren. Uw antwoorden horen deze keer niet bij de kandidaten die we uitnodigen voor een gesprek.\n\nU kunt via uw statuspagina vragen om toelichting op uw antwoorden; u hebt daarvoor de toegangscode van uw bewijs van inzending nodig.\n",
                title = vacancy.title,
                reference = application.reference,
            ),
        )
    };
    Message { to: contact.email.clone(), subject, body }
}
