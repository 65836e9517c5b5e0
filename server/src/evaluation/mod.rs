//! What the evaluation reads of a pilot, held in memory while it does not change: its vacancies with
//! their arm and slices, its applicants as the funnel counts them (their vacancy, furthest stage and
//! group for every monitoring variable, aggregated in SQL to one row each), their drafts and hires,
//! the surveys and the committee's scoring time, and the sift's and the interview's scores as they
//! were given independently.
//!
//! A pilot of 100,000 applications is read from the database once; every later request of the
//! dashboard computes from memory until the pilot's data changes. Whether it changed is a handful of
//! counts (events; scores, seals and changed scores) and a hash of the vacancies, read on every
//! request: a new event, score or seal, or an arm assigned, makes the part it touches read again.
//! After a start the server reads the newest pilots' data in the background (`warm`).
//!
//! No individual record leaves the server from here: the routes aggregate what these hold.

mod applicants;
mod attempts;
mod experience;
mod ratings;

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration as Elapsed, Instant};

use api::evaluation::ScoreSource;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use domain::evaluation::{Quarter, Slices, View};
use domain::pilot::ScaleBand;
use domain::vacancy::Arm;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use uuid::Uuid;

pub(crate) use self::applicants::Applicants;
pub(crate) use self::attempts::Attempts;
pub(crate) use self::experience::Experience;
pub(crate) use self::ratings::{Ratings, ReliabilityReport};
use crate::entities::{
    application_events, interview_score_changes, interview_scores, interview_submissions, interview_time, pilots,
    question_seals, score_changes, scores, scoring_time, survey_responses, vacancies,
};
use crate::error::ApiError;
use crate::routes::pilots::{in_period, in_pilot};
use crate::startup::AppState;

/// A vacancy of the pilot as the evaluation knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PilotVacancy {
    pub id: Uuid,
    pub title: String,
    /// None while it is not assigned: the funnel leaves it out, the reliability does not.
    pub arm: Option<Arm>,
    pub slices: Slices,
}

/// The pilots' data in memory, a few pilots at a time.
#[derive(Clone, Default)]
pub struct EvaluationCache {
    applicants: Store<Applicants>,
    earlier: Store<Applicants>,
    attempts: Store<Attempts>,
    experience: Store<Experience>,
    sift: Store<Ratings>,
    interview: Store<Ratings>,
    counts: Arc<Mutex<HashMap<CountKey, Counted>>>,
    /// Raised by every request that may change something ([`EvaluationCache::changed`]).
    generation: Arc<AtomicU64>,
}

/// How long the counts that say whether a pilot's data changed are trusted without counting again,
/// while this server changed nothing: long enough for the one page of the dashboard, whose requests
/// would otherwise count the same million events one after another; short enough that a change by
/// another process (a second server, the command line) shows within seconds.
const COUNTS_TRUSTED_FOR: Elapsed = Elapsed::from_secs(3);

/// Which counts: of a pilot, for vacancies with this hash.
type CountKey = (Uuid, u64, Counting);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Counting {
    Events,
    Experience,
    Sift,
    Interview,
}

/// Counts as read, when, and at which generation of this server's changes.
struct Counted {
    at: Instant,
    generation: u64,
    counts: Vec<u64>,
}

impl EvaluationCache {
    /// Something the evaluation reads may have changed: every count is read again.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The counts of `key`: as read within [`COUNTS_TRUSTED_FOR`] with nothing changed here since,
    /// or read now by `count`.
    async fn counts(
        &self,
        key: CountKey,
        count: impl Future<Output = Result<Vec<u64>, ApiError>>,
    ) -> Result<Vec<u64>, ApiError> {
        let generation = self.generation.load(Ordering::SeqCst);
        if let Ok(counted) = self.counts.lock()
            && let Some(kept) = counted.get(&key)
            && kept.generation == generation
            && kept.at.elapsed() < COUNTS_TRUSTED_FOR
        {
            return Ok(kept.counts.clone());
        }
        let counts = count.await?;
        if let Ok(mut counted) = self.counts.lock() {
            counted.retain(|_, kept| kept.at.elapsed() < COUNTS_TRUSTED_FOR);
            counted.insert(key, Counted { at: Instant::now(), generation, counts: counts.clone() });
        }
        Ok(counts)
    }
}

/// Pilots kept per part: more than are evaluated at once; the one used longest ago goes first.
const PILOTS_KEPT: usize = 8;

/// Vacancies whose rows are read at once: a pilot's rows as read weigh far more than what they
/// become, so they are read a slice at a time.
pub(crate) const VACANCIES_PER_READ: usize = 100;

/// What the data was read at: a hash of the vacancies and counts of the rows that can change.
type Version = Vec<u64>;

struct Store<T> {
    /// Used longest ago first.
    entries: Arc<Mutex<Vec<Entry<T>>>>,
    /// Held while reading: a second request for the same data waits for the first read instead of
    /// reading it again beside it.
    reading: Arc<tokio::sync::Mutex<()>>,
}

/// A pilot, what its data was read at, and the data.
type Entry<T> = (Uuid, Version, Arc<T>);

impl<T> Default for Store<T> {
    fn default() -> Store<T> {
        Store { entries: Arc::default(), reading: Arc::default() }
    }
}

impl<T> Clone for Store<T> {
    fn clone(&self) -> Store<T> {
        Store { entries: self.entries.clone(), reading: self.reading.clone() }
    }
}

impl<T> Store<T> {
    fn get(&self, pilot: Uuid, version: &Version) -> Option<Arc<T>> {
        let mut entries = self.entries.lock().ok()?;
        let at = entries.iter().position(|(p, v, _)| *p == pilot && v == version)?;
        let entry = entries.remove(at);
        let value = entry.2.clone();
        entries.push(entry);
        Some(value)
    }

    /// The pilot's data at `version`: kept, or else read by `read` (one read at a time, so a second
    /// request waits for the first instead of reading beside it) and kept.
    async fn get_or_read(
        &self,
        pilot: Uuid,
        version: Version,
        read: impl Future<Output = Result<T, ApiError>>,
    ) -> Result<Arc<T>, ApiError> {
        if let Some(kept) = self.get(pilot, &version) {
            return Ok(kept);
        }
        let _reading = self.reading.lock().await;
        if let Some(kept) = self.get(pilot, &version) {
            return Ok(kept);
        }
        let value = Arc::new(read.await?);
        self.put(pilot, version, value.clone());
        Ok(value)
    }

    fn put(&self, pilot: Uuid, version: Version, value: Arc<T>) {
        let Ok(mut entries) = self.entries.lock() else { return };
        entries.retain(|(p, _, _)| *p != pilot);
        if entries.len() >= PILOTS_KEPT {
            entries.remove(0);
        }
        entries.push((pilot, version, value));
    }
}

/// The pilot's vacancies, by title, and a hash of everything about them that the
/// evaluation reads (their version is raised on every change).
pub(crate) async fn vacancies(state: &AppState, pilot: &pilots::Model) -> Result<(Vec<PilotVacancy>, u64), ApiError> {
    read_vacancies(state, in_pilot(&state.db, pilot).await?).await
}

/// The period before the pilot, as long as the pilot's: first and last day.
pub(crate) fn earlier_period(pilot: &pilots::Model) -> (NaiveDate, NaiveDate) {
    let length = (pilot.ends_on - pilot.starts_on).num_days() + 1;
    (pilot.starts_on - Duration::days(length), pilot.starts_on - Duration::days(1))
}

async fn read_vacancies(
    state: &AppState,
    query: Select<vacancies::Entity>,
) -> Result<(Vec<PilotVacancy>, u64), ApiError> {
    let rows: Vec<VacancyRow> = lean(query).into_tuple().all(&state.db).await?;
    let mut hasher = DefaultHasher::new();
    let mut vacancies = Vec::with_capacity(rows.len());
    for (id, title, organisation, scale, arm, published, version) in rows {
        (id, version, &arm).hash(&mut hasher);
        let arm = arm.as_deref().and_then(Arm::parse);
        let band = ScaleBand::of(scale.and_then(|s| u8::try_from(s).ok()));
        let quarter = published.map(|at| Quarter::of(at.year(), at.month())).unwrap_or_default();
        vacancies.push(PilotVacancy { id, title, arm, slices: Slices { organisation, quarter, band } });
    }
    Ok((vacancies, hasher.finish()))
}

type VacancyRow = (Uuid, String, Uuid, Option<i16>, Option<String>, Option<DateTime<Utc>>, i64);

fn lean(query: Select<vacancies::Entity>) -> Select<vacancies::Entity> {
    query.select_only().columns([
        vacancies::Column::Id,
        vacancies::Column::Title,
        vacancies::Column::OrganisationId,
        vacancies::Column::SalaryScale,
        vacancies::Column::Arm,
        vacancies::Column::PublishedAt,
        vacancies::Column::Version,
    ])
}

/// The vacancies in `view`: all when there is none.
pub(crate) fn in_view(vacancies: &[PilotVacancy], view: View) -> Vec<&PilotVacancy> {
    vacancies.iter().filter(|v| view.contains(&v.slices)).collect()
}

/// The applicants of the pilot's vacancies with an arm, read again only when an event of one of
/// its vacancies was recorded or its vacancies changed.
pub(crate) async fn applicants(state: &AppState, pilot: &pilots::Model) -> Result<Arc<Applicants>, ApiError> {
    let (mut vacancies, hash) = vacancies(state, pilot).await?;
    vacancies.retain(|v| v.arm.is_some());
    applicants_of(state, (pilot, &state.evaluation.applicants), vacancies, hash).await
}

/// The applicants of the same organisations' vacancies in the period before the pilot
/// (`earlier_period`), likewise.
pub(crate) async fn earlier_applicants(state: &AppState, pilot: &pilots::Model) -> Result<Arc<Applicants>, ApiError> {
    let (vacancies, hash) = read_vacancies(state, in_period(&state.db, pilot, earlier_period(pilot)).await?).await?;
    applicants_of(state, (pilot, &state.evaluation.earlier), vacancies, hash).await
}

async fn applicants_of(
    state: &AppState,
    (pilot, store): (&pilots::Model, &Store<Applicants>),
    vacancies: Vec<PilotVacancy>,
    hash: u64,
) -> Result<Arc<Applicants>, ApiError> {
    let version = versioned(state, (pilot.id, hash), events_counted(state, &vacancies)).await?;
    let read = async {
        let started = Instant::now();
        let applicants = applicants::load(&state.db, vacancies).await?;
        tracing::info!(pilot = %pilot.id, elapsed_ms = started.elapsed().as_millis(), "read the pilot's applicants");
        Ok(applicants)
    };
    store.get_or_read(pilot.id, version, read).await
}

/// The drafts and hires of the pilot's vacancies with an arm, read again only when an event of one
/// of its vacancies was recorded or its vacancies changed.
pub(crate) async fn attempts(state: &AppState, pilot: &pilots::Model) -> Result<Arc<Attempts>, ApiError> {
    let (mut vacancies, hash) = vacancies(state, pilot).await?;
    vacancies.retain(|v| v.arm.is_some());
    let version = versioned(state, (pilot.id, hash), events_counted(state, &vacancies)).await?;
    state.evaluation.attempts.get_or_read(pilot.id, version, attempts::load(&state.db, &vacancies)).await
}

/// The surveys and scoring time of the pilot's vacancies with an arm, read again only when a survey
/// was answered, a question sealed, a scorecard submitted or time reported, or its vacancies
/// changed.
pub(crate) async fn experience(state: &AppState, pilot: &pilots::Model) -> Result<Arc<Experience>, ApiError> {
    let (mut vacancies, hash) = vacancies(state, pilot).await?;
    vacancies.retain(|v| v.arm.is_some());
    let ids = ids(&vacancies);
    let db = &state.db;
    let count = async {
        let surveys = survey_responses::Entity::find().filter(survey_responses::Column::VacancyId.is_in(ids.clone()));
        let seals = question_seals::Entity::find().filter(question_seals::Column::VacancyId.is_in(ids.clone()));
        let interviews =
            interview_submissions::Entity::find().filter(interview_submissions::Column::VacancyId.is_in(ids.clone()));
        Ok(vec![
            surveys.count(db).await?,
            seals.count(db).await?,
            total_seconds::<scoring_time::Entity>(
                db,
                (scoring_time::Column::Seconds, scoring_time::Column::VacancyId),
                &ids,
            )
            .await?,
            interviews.count(db).await?,
            total_seconds::<interview_time::Entity>(
                db,
                (interview_time::Column::Seconds, interview_time::Column::VacancyId),
                &ids,
            )
            .await?,
        ])
    };
    let version = versioned(state, (pilot.id, hash), (Counting::Experience, count)).await?;
    state.evaluation.experience.get_or_read(pilot.id, version, experience::load(db, &vacancies)).await
}

/// The seconds reported on the scoring screens of `vacancies`, in a table of scoring time.
async fn total_seconds<E: EntityTrait>(
    db: &DatabaseConnection,
    (seconds, vacancy): (E::Column, E::Column),
    vacancies: &[Uuid],
) -> Result<u64, ApiError> {
    let total: Option<i64> = E::find()
        .select_only()
        .expr(Func::sum(Expr::col(seconds)))
        .filter(vacancy.is_in(vacancies.iter().copied()))
        .into_tuple()
        .one(db)
        .await?
        .flatten();
    Ok(u64::try_from(total.unwrap_or_default()).unwrap_or_default())
}

/// The pilot's sift or interview scores as given independently, read again only when a score, a
/// seal or a submitted scorecard was added or a score changed, or its vacancies changed.
pub(crate) async fn ratings(
    state: &AppState,
    pilot: &pilots::Model,
    source: ScoreSource,
) -> Result<Arc<Ratings>, ApiError> {
    let (vacancies, hash) = vacancies(state, pilot).await?;
    let ids = ids(&vacancies);
    let db = &state.db;
    let count = async {
        Ok(match source {
            ScoreSource::Sift => vec![
                scores::Entity::find().filter(scores::Column::VacancyId.is_in(ids.clone())).count(db).await?,
                question_seals::Entity::find()
                    .filter(question_seals::Column::VacancyId.is_in(ids.clone()))
                    .count(db)
                    .await?,
                // All of them: a change names its score only, and there are few.
                score_changes::Entity::find().count(db).await?,
            ],
            ScoreSource::Interview => vec![
                interview_scores::Entity::find()
                    .filter(interview_scores::Column::VacancyId.is_in(ids.clone()))
                    .count(db)
                    .await?,
                interview_submissions::Entity::find()
                    .filter(interview_submissions::Column::VacancyId.is_in(ids.clone()))
                    .count(db)
                    .await?,
                interview_score_changes::Entity::find().count(db).await?,
            ],
        })
    };
    let counting = match source {
        ScoreSource::Sift => Counting::Sift,
        ScoreSource::Interview => Counting::Interview,
    };
    let version = versioned(state, (pilot.id, hash), (counting, count)).await?;
    let store = match source {
        ScoreSource::Sift => &state.evaluation.sift,
        ScoreSource::Interview => &state.evaluation.interview,
    };
    // At most as many as there are scores: room for them all at once.
    let expected = usize::try_from(version[1]).unwrap_or_default();
    let read = async {
        let started = Instant::now();
        let ratings = match source {
            ScoreSource::Sift => ratings::sift(db, vacancies, expected).await?,
            ScoreSource::Interview => ratings::interview(db, vacancies, expected).await?,
        };
        let elapsed_ms = started.elapsed().as_millis();
        tracing::info!(pilot = %pilot.id, source = source.as_str(), elapsed_ms, "read the pilot's scores");
        Ok(ratings)
    };
    store.get_or_read(pilot.id, version, read).await
}

/// Reads the newest pilots' data in the background after the server starts, so the first dashboard
/// after a restart is as quick as the next. A pilot that fails is left to its first request.
pub async fn warm(state: AppState) {
    let newest =
        pilots::Entity::find().order_by_desc(pilots::Column::CreatedAt).limit(PILOTS_KEPT as u64).all(&state.db).await;
    let pilots = match newest {
        Ok(pilots) => pilots,
        Err(error) => {
            tracing::warn!(%error, "could not list the pilots to read their evaluation data");
            return;
        }
    };
    let started = Instant::now();
    for pilot in &pilots {
        let k = u64::from(k_of(pilot));
        let read = async {
            applicants(&state, pilot).await?;
            for source in [ScoreSource::Sift, ScoreSource::Interview] {
                let ratings = ratings(&state, pilot, source).await?;
                tokio::task::spawn_blocking(move || ratings.report(View::default(), k))
                    .await
                    .map_err(anyhow::Error::from)?;
            }
            Ok::<(), ApiError>(())
        };
        if let Err(error) = read.await {
            tracing::warn!(pilot = %pilot.id, %error, "could not read the pilot's evaluation data ahead");
        }
    }
    let elapsed_ms = started.elapsed().as_millis();
    tracing::info!(pilots = pilots.len(), elapsed_ms, "read the pilots' evaluation data ahead");
}

/// The pilot's suppression threshold.
pub(crate) fn k_of(pilot: &pilots::Model) -> u16 {
    u16::try_from(pilot.k).unwrap_or(domain::pilot::DEFAULT_K)
}

/// What the data of `pilot` with vacancies of `hash` is read at: the hash and the counts.
async fn versioned(
    state: &AppState,
    (pilot, hash): (Uuid, u64),
    (counting, count): (Counting, impl Future<Output = Result<Vec<u64>, ApiError>>),
) -> Result<Version, ApiError> {
    let mut version = vec![hash];
    version.extend(state.evaluation.counts((pilot, hash, counting), count).await?);
    Ok(version)
}

/// The events of `vacancies`, counted: a new stage event, draft page or submission raises it.
fn events_counted<'a>(
    state: &'a AppState,
    vacancies: &[PilotVacancy],
) -> (Counting, impl Future<Output = Result<Vec<u64>, ApiError>> + 'a) {
    let events = application_events::Entity::find().filter(application_events::Column::VacancyId.is_in(ids(vacancies)));
    (Counting::Events, async move { Ok(vec![events.count(&state.db).await?]) })
}

fn ids(vacancies: &[PilotVacancy]) -> Vec<Uuid> {
    vacancies.iter().map(|v| v.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dashboard's requests share one count, until this server changes something.
    #[tokio::test]
    async fn counts_are_kept_briefly_and_read_again_after_a_change_here() {
        let cache = EvaluationCache::default();
        let key = (Uuid::nil(), 7, Counting::Events);
        let count = |n: u64| async move { Ok::<_, ApiError>(vec![n]) };
        assert_eq!(cache.counts(key, count(1)).await.ok(), Some(vec![1]));
        assert_eq!(cache.counts(key, count(2)).await.ok(), Some(vec![1]), "kept: not counted again");
        let other = (Uuid::nil(), 8, Counting::Events);
        assert_eq!(cache.counts(other, count(5)).await.ok(), Some(vec![5]), "other vacancies, other counts");
        cache.changed();
        assert_eq!(cache.counts(key, count(3)).await.ok(), Some(vec![3]), "counted again after a change");
    }
}
