//! The fidelity of a pilot's vacancies to the interventions, for its evaluators and admins: per
//! vacancy the inclusive-language check's findings on the first draft and on the published text,
//! the share of screened answers in which an identity cue was caught, how many committee members
//! scored independently and which share of the scores was sealed before any discussion, the
//! structured interview's scorecards, and whether every requirement is traced to a question. A page
//! of vacancies at a time, in the dashboard's filter. About vacancies, never about a person: the
//! leak rate is left out below k screened applications.

use std::collections::{HashMap, HashSet};

use api::evaluation::{Fidelity, VacancyFidelity};
use api::problem::Problem;
use api::vacancy::Requirement;
use axum::Json;
use axum::extract::{Path, Query, State};
use domain::analysis::Analysis;
use domain::interview::{InterviewQuestion, trace};
use domain::questionnaire::Question;
use domain::screening::LeakRate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::entities::{
    interview_kits, interview_submissions, question_seals, scores, screenings, vacancies, vacancy_analyses,
};
use crate::error::ApiError;
use crate::evaluation::{PilotVacancy, VACANCIES_PER_READ, in_view, k_of, vacancies as pilot_vacancies};
use crate::routes::evaluation::ViewQuery;
use crate::routes::pilots::readable;
use crate::routes::users::PageQuery;
use crate::routes::vacancies::from_json;
use crate::startup::AppState;

/// A page of the pilot's vacancies, by title, each with its fidelity to the interventions.
#[utoipa::path(get, path = "/pilots/{id}/fidelity", tag = "evaluation", params(PageQuery, ViewQuery),
    responses((status = 200, body = Fidelity), (status = 404, body = Problem)))]
pub async fn fidelity_of(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<PageQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Json<Fidelity>, ApiError> {
    let view = view.view();
    let pilot = readable(&state, &user, id).await?;
    let (all, _) = pilot_vacancies(&state, &pilot).await?;
    let shown = in_view(&all, view);
    let (page, per_page) = query.clamped();
    let skip = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
    let on_page: Vec<&PilotVacancy> =
        shown.iter().skip(skip).take(usize::try_from(per_page).unwrap_or_default()).copied().collect();
    let k = k_of(&pilot);
    let vacancies = fidelity_for(&state, &on_page, u32::from(k)).await?;
    Ok(Json(Fidelity { k, vacancies, page, per_page, total: shown.len() as u64 }))
}

/// The fidelity of each of `vacancies`, in their order, read a slice of vacancies at a time.
pub(crate) async fn fidelity_for(
    state: &AppState,
    vacancies: &[&PilotVacancy],
    k: u32,
) -> Result<Vec<VacancyFidelity>, ApiError> {
    let mut all = Vec::with_capacity(vacancies.len());
    for chunk in vacancies.chunks(VACANCIES_PER_READ) {
        let ids: Vec<Uuid> = chunk.iter().map(|v| v.id).collect();
        let facts = Facts::read(state, &ids, k).await?;
        all.extend(chunk.iter().map(|vacancy| {
            let id = vacancy.id;
            let findings = |stage: &str| facts.findings.get(&(id, stage.to_owned())).copied();
            let (scored, sealed) = facts.scores.get(&id).copied().unwrap_or_default();
            VacancyFidelity {
                vacancy_id: id,
                title: vacancy.title.clone(),
                arm: vacancy.arm,
                findings_first_draft: findings("first_draft"),
                findings_published: findings("published"),
                leak_rate: facts.leak_rates.get(&id).copied(),
                independent_scorers: facts.scorers.get(&id).map_or(0, |s| s.len() as u32),
                sealed_share: (scored > 0).then(|| f64::from(sealed) / f64::from(scored)),
                interview_scorecards: facts.scorecards.get(&id).copied().unwrap_or_default(),
                traceable: facts.traceable.contains(&id),
            }
        }));
    }
    Ok(all)
}

/// What the page's vacancies left in the tables of each intervention.
#[derive(Default)]
struct Facts {
    /// Per vacancy and analysis stage, the number of findings.
    findings: HashMap<(Uuid, String), u32>,
    leak_rates: HashMap<Uuid, f64>,
    /// Members who sealed at least one question.
    scorers: HashMap<Uuid, HashSet<Uuid>>,
    /// Scores given, and of them sealed.
    scores: HashMap<Uuid, (u32, u32)>,
    scorecards: HashMap<Uuid, u32>,
    traceable: HashSet<Uuid>,
}

impl Facts {
    async fn read(state: &AppState, ids: &[Uuid], k: u32) -> Result<Facts, ApiError> {
        let db = &state.db;
        let mut facts = Facts::default();
        let analyses: Vec<(Uuid, String, String)> = vacancy_analyses::Entity::find()
            .select_only()
            .columns([
                vacancy_analyses::Column::VacancyId,
                vacancy_analyses::Column::Stage,
                vacancy_analyses::Column::Analysis,
            ])
            .filter(vacancy_analyses::Column::VacancyId.is_in(ids.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (vacancy, stage, analysis) in analyses {
            let analysis: Analysis = from_json(&analysis)?;
            facts.findings.insert((vacancy, stage), analysis.findings.len() as u32);
        }
        for screening in
            screenings::Entity::find().filter(screenings::Column::VacancyId.is_in(ids.iter().copied())).all(db).await?
        {
            let Some(rate) = screening.leak_rate.as_deref() else { continue };
            let rate: LeakRate = from_json(rate)?;
            if u32::try_from(screening.applications).unwrap_or_default() >= k && rate.answers > 0 {
                facts
                    .leak_rates
                    .insert(screening.vacancy_id, f64::from(rate.answers_with_cue) / f64::from(rate.answers));
            }
        }
        let seals: Vec<(Uuid, Uuid, Uuid)> = question_seals::Entity::find()
            .select_only()
            .columns([
                question_seals::Column::VacancyId,
                question_seals::Column::QuestionId,
                question_seals::Column::MemberId,
            ])
            .filter(question_seals::Column::VacancyId.is_in(ids.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        let sealed: HashSet<(Uuid, Uuid)> = seals.iter().map(|(_, question, member)| (*question, *member)).collect();
        for (vacancy, _, member) in seals {
            facts.scorers.entry(vacancy).or_default().insert(member);
        }
        let given: Vec<(Uuid, Uuid, Uuid)> = scores::Entity::find()
            .select_only()
            .columns([scores::Column::VacancyId, scores::Column::QuestionId, scores::Column::MemberId])
            .filter(scores::Column::VacancyId.is_in(ids.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (vacancy, question, member) in given {
            let count = facts.scores.entry(vacancy).or_default();
            *count = (count.0 + 1, count.1 + u32::from(sealed.contains(&(question, member))));
        }
        let submitted: Vec<Uuid> = interview_submissions::Entity::find()
            .select_only()
            .column(interview_submissions::Column::VacancyId)
            .filter(interview_submissions::Column::VacancyId.is_in(ids.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for vacancy in submitted {
            *facts.scorecards.entry(vacancy).or_default() += 1;
        }
        let kits: HashMap<Uuid, String> = interview_kits::Entity::find()
            .filter(interview_kits::Column::VacancyId.is_in(ids.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|kit| (kit.vacancy_id, kit.questions))
            .collect();
        let texts: Vec<(Uuid, String, String)> = vacancies::Entity::find()
            .select_only()
            .columns([vacancies::Column::Id, vacancies::Column::Requirements, vacancies::Column::Questions])
            .filter(vacancies::Column::Id.is_in(ids.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (vacancy, requirements, questions) in texts {
            let requirements: Vec<Requirement> = from_json(&requirements)?;
            let questionnaire: Vec<Question> = from_json(&questions)?;
            let kit: Vec<InterviewQuestion> = kits.get(&vacancy).map(|k| from_json(k)).transpose()?.unwrap_or_default();
            let kinds: Vec<_> = requirements.iter().map(|r| (r.id, r.kind)).collect();
            if !requirements.is_empty() && trace(&kinds, &questionnaire, &kit).is_complete() {
                facts.traceable.insert(vacancy);
            }
        }
        Ok(facts)
    }
}
