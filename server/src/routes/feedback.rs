//! Feedback for candidates who were not selected, at the sift or after the interview. The report
//! gives, per assessed criterion, the candidate's band (lower, middle or upper third of everyone
//! scored on it) and what the scoring guide looked for; it is computed from the pool once, stored,
//! announced by e-mail through the outbox and read on the status page. It holds no one else's data
//! and no rank: a band is given only for pools of at least six (`domain::decision::band`).

use std::collections::{HashMap, HashSet};

use api::interview::{FeedbackCriterion, FeedbackReport, FeedbackSent, FeedbackStage, InterviewQuestion, Outcome};
use api::problem::{ErrorCode, Problem};
use api::vacancy::Requirement;
use axum::Json;
use axum::extract::{Path, State};
use domain::application::{ApplicationStatus, Contact};
use domain::audit::AuditAction;
use domain::decision::{MIN_POOL_FOR_BANDS, band};
use domain::questionnaire::Question;
use domain::scoring::{CastScore, aggregate};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::audit::AuditEntry;
use crate::auth::CurrentUser;
use crate::clock;
use crate::entities::{
    applications, decisions, feedback_reports, identity_envelopes, interview_scores, outbox, shortlisted, shortlists,
    vacancies,
};
use crate::error::ApiError;
use crate::routes::applications::{IDENTITY, Message};
use crate::routes::interview_kit::kit_of;
use crate::routes::interviews::interview_scores_of;
use crate::routes::ranking::{SiftData, ranked_candidates, sift_data};
use crate::routes::vacancies::{find, from_json, recruiter_organisation, to_json};
use crate::startup::AppState;

/// Sends a feedback report to every candidate not selected who has none yet: those not on the
/// shortlist, and those with the decision "not selected". Audited.
#[utoipa::path(post, path = "/vacancies/{id}/feedback", tag = "interview",
    responses((status = 200, body = FeedbackSent), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "`shortlist_missing`")))]
#[tracing::instrument(skip_all, fields(user = %user.id, vacancy = %id))]
pub async fn send(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<FeedbackSent>, ApiError> {
    let organisation = recruiter_organisation(&user)?;
    let vacancy = find(&state, organisation, id).await?;
    if shortlists::Entity::find_by_id(vacancy.id).one(&state.db).await?.is_none() {
        return Err(ApiError::Conflict(ErrorCode::ShortlistMissing));
    }
    let sent = reports_of(&state.db, vacancy.id).await?;
    let recipients: Vec<applications::Model> =
        eligible_for_feedback(&state, &vacancy).await?.into_iter().filter(|a| !sent.contains(&a.id)).collect();
    let pools = Pools::of(&state, &vacancy).await?;
    let now = clock::now();
    let transaction = state.audit.begin(&state.db).await?;
    for application in &recipients {
        let report = pools.report_for(&vacancy, application.id, now);
        feedback_reports::ActiveModel {
            application_id: Set(application.id),
            vacancy_id: Set(vacancy.id),
            report: Set(to_json(&report)?),
            created_at: Set(now),
        }
        .insert(&*transaction)
        .await?;
        let Some(envelope) = identity_envelopes::Entity::find_by_id(application.id).one(&*transaction).await? else {
            continue;
        };
        let contact: Contact = state.keys.open_json(IDENTITY, application.id, &envelope.sealed)?;
        let message = feedback_message(&state, &vacancy, application, &contact);
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
    transaction
        .record(
            AuditEntry::new(AuditAction::FeedbackReportsSent)
                .actor(user.id)
                .subject(vacancy.id)
                .details(serde_json::json!({ "reports": recipients.len() })),
        )
        .await?;
    transaction.commit().await?;
    state.outbox.nudge();
    Ok(Json(FeedbackSent { sent: u32::try_from(recipients.len()).unwrap_or_default() }))
}

/// The stored report of an application, if one was sent.
pub(crate) async fn report_of(
    db: &impl ConnectionTrait,
    application: Uuid,
) -> Result<Option<FeedbackReport>, ApiError> {
    match feedback_reports::Entity::find_by_id(application).one(db).await? {
        Some(row) => Ok(Some(from_json(&row.report)?)),
        None => Ok(None),
    }
}

/// The applications of `vacancy` that have a report.
pub(crate) async fn reports_of(db: &impl ConnectionTrait, vacancy: Uuid) -> Result<HashSet<Uuid>, ApiError> {
    let rows = feedback_reports::Entity::find().filter(feedback_reports::Column::VacancyId.eq(vacancy)).all(db).await?;
    Ok(rows.into_iter().map(|r| r.application_id).collect())
}

/// Candidates not selected, still submitted: ranked in the sift but not shortlisted, or shortlisted
/// with the decision "not selected". Knock-outs are not scored and get no bands. Empty until the
/// shortlist is fixed.
pub(crate) async fn eligible_for_feedback(
    state: &AppState,
    vacancy: &vacancies::Model,
) -> Result<Vec<applications::Model>, ApiError> {
    if shortlists::Entity::find_by_id(vacancy.id).one(&state.db).await?.is_none() {
        return Ok(Vec::new());
    }
    let ranked: HashSet<Uuid> = ranked_candidates(state, vacancy).await?.0.into_iter().map(|(id, _)| id).collect();
    let on_list: HashSet<Uuid> = shortlisted::Entity::find()
        .filter(shortlisted::Column::VacancyId.eq(vacancy.id))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|s| s.application_id)
        .collect();
    let not_selected: HashSet<Uuid> = decisions::Entity::find()
        .filter(decisions::Column::VacancyId.eq(vacancy.id))
        .filter(decisions::Column::Outcome.eq(Outcome::NotSelected.as_str()))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|d| d.application_id)
        .collect();
    let applications = applications::Entity::find()
        .filter(applications::Column::VacancyId.eq(vacancy.id))
        .filter(applications::Column::Status.eq(ApplicationStatus::Submitted.as_str()))
        .all(&state.db)
        .await?;
    Ok(applications
        .into_iter()
        .filter(|a| (ranked.contains(&a.id) && !on_list.contains(&a.id)) || not_selected.contains(&a.id))
        .collect())
}

/// Every candidate's score per criterion, from which the bands are drawn.
struct Pools {
    questions: Vec<Question>,
    requirements: Vec<Requirement>,
    /// Per sift question: each ranked candidate's mean over members.
    sift: HashMap<Uuid, HashMap<Uuid, f64>>,
    kit: Vec<InterviewQuestion>,
    /// Per interview question: each fully interviewed candidate's mean over interviewers.
    interview: HashMap<Uuid, HashMap<Uuid, f64>>,
    interviewed: usize,
}

impl Pools {
    async fn of(state: &AppState, vacancy: &vacancies::Model) -> Result<Pools, ApiError> {
        let questions: Vec<Question> = from_json(&vacancy.questions)?;
        let requirements: Vec<Requirement> = from_json(&vacancy.requirements)?;
        let SiftData { cast, labels, .. } = sift_data(state, vacancy).await?;
        let mut sift = HashMap::new();
        for question in questions.iter().filter(|q| q.kind.is_scored_by_committee()) {
            let scores: Vec<CastScore> = cast.iter().filter(|s| s.question == question.id).copied().collect();
            let means = aggregate(&[(question.id, 1)], &scores, &[])
                .into_iter()
                .filter(|m| labels.contains_key(&m.candidate))
                .map(|m| (m.candidate, m.score))
                .collect();
            sift.insert(question.id, means);
        }
        let kit = kit_of(&state.db, vacancy.id).await?.unwrap_or_default();
        let complete: Vec<Uuid> = interview_scores_of(&state.db, vacancy.id, &kit).await?.into_keys().collect();
        let rows = interview_scores::Entity::find()
            .filter(interview_scores::Column::VacancyId.eq(vacancy.id))
            .filter(interview_scores::Column::ApplicationId.is_in(complete.iter().copied()))
            .all(&state.db)
            .await?;
        let mut interview = HashMap::new();
        for question in &kit {
            let scores: Vec<CastScore> = rows
                .iter()
                .filter(|r| r.question_id == question.id)
                .filter_map(|r| {
                    Some(CastScore {
                        candidate: r.application_id,
                        question: question.id,
                        member: r.interviewer_id,
                        score: u8::try_from(r.score?).ok()?,
                    })
                })
                .collect();
            let means = aggregate(&[(question.id, 1)], &scores, &[]).into_iter().map(|m| (m.candidate, m.score));
            interview.insert(question.id, means.collect());
        }
        Ok(Pools { questions, requirements, sift, kit, interview, interviewed: complete.len() })
    }

    /// The report of one candidate: their own band per criterion, nothing of anyone else.
    fn report_for(
        &self,
        vacancy: &vacancies::Model,
        application: Uuid,
        now: chrono::DateTime<chrono::Utc>,
    ) -> FeedbackReport {
        let requirement_texts = |ids: &[Uuid]| -> Vec<String> {
            self.requirements.iter().filter(|r| ids.contains(&r.id)).map(|r| r.text.clone()).collect()
        };
        let band_in = |pool: Option<&HashMap<Uuid, f64>>| {
            let pool = pool?;
            let own = *pool.get(&application)?;
            band(&pool.values().copied().collect::<Vec<_>>(), own)
        };
        let mut criteria = Vec::new();
        for question in self.questions.iter().filter(|q| q.kind.is_scored_by_committee()) {
            criteria.push(FeedbackCriterion {
                stage: FeedbackStage::Sift,
                question: question.prompt.clone(),
                requirements: requirement_texts(&question.requirement_ids),
                looked_for: question.guide.as_ref().map(|g| g.anchor_5.clone()).unwrap_or_default(),
                band: band_in(self.sift.get(&question.id)),
            });
        }
        let interviewed = self.interview.values().any(|pool| pool.contains_key(&application));
        if interviewed {
            for question in &self.kit {
                criteria.push(FeedbackCriterion {
                    stage: FeedbackStage::Interview,
                    question: question.prompt.clone(),
                    requirements: requirement_texts(&question.requirement_ids),
                    looked_for: question.anchors.anchor_5.clone(),
                    band: band_in(self.interview.get(&question.id)),
                });
            }
        }
        FeedbackReport {
            vacancy_title: vacancy.title.clone(),
            criteria,
            interview_pool_too_small: interviewed && self.interviewed < MIN_POOL_FOR_BANDS,
            created_at: now,
        }
    }
}

/// The e-mail that tells a candidate their feedback report is ready, in the vacancy's language. The
/// report itself stays on the status page, behind the access code.
fn feedback_message(
    state: &AppState,
    vacancy: &vacancies::Model,
    application: &applications::Model,
    contact: &Contact,
) -> Message {
    let link = format!("{}/sollicitatie/status#{}", state.config.public_url, application.reference);
    let (subject, body) = if vacancy.language == "en" {
        (
            format!("Feedback on your application for {}", vacancy.title),
            format!(
                "Dear applicant,\n\nYour feedback report for “{title}” (reference {reference}) is ready. For each question it shows whether your answer was in the lower, middle or upper third of all candidates, and what the committee looked for.\n\nRead it on your status page: {link}\nYou need your access code from the receipt.\n",
                title = vacancy.title,
                reference = application.reference,
            ),
        )
    } else {
        (
            format!("Toelichting op uw sollicitatie op {}", vacancy.title),
            format!(
                "Beste sollicitant,\n\nUw toelichting voor “{title}” (kenmerk {reference}) staat klaar. Per vraag ziet u of uw antwoord bij het laagste, middelste of hoogste derde van alle kandidaten hoorde, en waar de commissie op lette.\n\nLees de toelichting op uw statuspagina: {link}\nU hebt daarvoor de toegangscode van uw bewijs van inzending nodig.\n",
                title = vacancy.title,
                reference = application.reference,
            ),
        )
    };
    Message { to: contact.email.clone(), subject, body }
}
