//! The evaluation as files, for the pilot's evaluators and admins: each table of the dashboard as
//! CSV (the same figures, hidden counts left empty), and the evaluation bundle, a zip with every
//! table for every variable and stage, the assignment log, a pseudonymised event log and a codebook,
//! so an outside researcher can reproduce every figure.
//!
//! The event log is the only file with a row per person. Its pseudonyms are new (a hash of the
//! platform's pseudonym with the pilot's seed, so they cannot be joined with anything else), its
//! dates are months, and its monitoring variables are k-anonymous per vacancy
//! (`domain::evaluation::microdata`).

use std::collections::HashMap;
use std::fmt::Display;
use std::io::Write;

use api::evaluation::{
    Composition, DifferenceInDifferences, Effort, Experience, Funnel, Pool, PoolCell, ScoreSource, Stage,
    VacancyFidelity, Variable,
};
use api::pilot::ArmAssignment;
use api::problem::Problem;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use domain::evaluation::microdata::k_anonymous;
use domain::evaluation::{Background, View, group_of};
use domain::monitoring::MonitoringAnswers;
use domain::vacancy::Arm;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zip::write::SimpleFileOptions;

use crate::auth::CurrentUser;
use crate::entities::{application_events, monitoring_responses, pilots};
use crate::error::ApiError;
use crate::evaluation::{PilotVacancy, ReliabilityReport, VACANCIES_PER_READ, applicants, in_view, k_of, vacancies};
use crate::routes::evaluation::{ViewQuery, composition_for, did_for, effort_for, experience_for, funnel_for};
use crate::routes::fidelity::fidelity_for;
use crate::routes::pilots::{assignment_log, readable};
use crate::routes::reliability::reliability_for;
use crate::startup::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct FunnelCsvQuery {
    /// The monitoring variable; born in the Netherlands or not when left out.
    #[serde(default = "born_in_netherlands")]
    variable: Variable,
}

fn born_in_netherlands() -> Variable {
    Variable::BornInNetherlands
}

/// The funnel by one variable as CSV.
#[utoipa::path(get, path = "/pilots/{id}/funnel.csv", tag = "evaluation", params(FunnelCsvQuery, ViewQuery),
    responses((status = 200, content_type = "text/csv"), (status = 404, body = Problem)))]
pub async fn funnel_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<FunnelCsvQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let view = view.view();
    let pilot = readable(&state, &user, id).await?;
    let funnel = funnel_for(&pilot, &*applicants(&state, &pilot).await?, (query.variable, view));
    Ok(csv_file(&format!("funnel-{}.csv", query.variable.as_str()), funnel_table(&funnel)?))
}

/// The pool's composition by one variable as CSV.
#[utoipa::path(get, path = "/pilots/{id}/composition.csv", tag = "evaluation", params(FunnelCsvQuery, ViewQuery),
    responses((status = 200, content_type = "text/csv"), (status = 404, body = Problem)))]
pub async fn composition_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<FunnelCsvQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    let composition = composition_for(&state, &pilot, (query.variable, view.view())).await?;
    Ok(csv_file(&format!("composition-{}.csv", query.variable.as_str()), composition_table(&composition)?))
}

/// Effort and drop-out per arm as CSV.
#[utoipa::path(get, path = "/pilots/{id}/effort.csv", tag = "evaluation", params(ViewQuery),
    responses((status = 200, content_type = "text/csv"), (status = 404, body = Problem)))]
pub async fn effort_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(view): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    Ok(csv_file("effort.csv", effort_table(&effort_for(&state, &pilot, view.view()).await?)?))
}

/// Experience and workload per arm as CSV.
#[utoipa::path(get, path = "/pilots/{id}/experience.csv", tag = "evaluation", params(ViewQuery),
    responses((status = 200, content_type = "text/csv"), (status = 404, body = Problem)))]
pub async fn experience_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(view): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    Ok(csv_file("experience.csv", experience_table(&experience_for(&state, &pilot, view.view()).await?)?))
}

/// The fidelity of every vacancy in the view as CSV.
#[utoipa::path(get, path = "/pilots/{id}/fidelity.csv", tag = "evaluation", params(ViewQuery),
    responses((status = 200, content_type = "text/csv"), (status = 404, body = Problem)))]
pub async fn fidelity_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(view): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let view = view.view();
    let pilot = readable(&state, &user, id).await?;
    let (vacancies, _) = vacancies(&state, &pilot).await?;
    let rows = fidelity_for(&state, &in_view(&vacancies, view), u32::from(k_of(&pilot))).await?;
    Ok(csv_file("fidelity.csv", fidelity_table(&rows)?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DidCsvQuery {
    #[serde(default = "born_in_netherlands")]
    variable: Variable,
    #[serde(default = "passed_sift")]
    stage: Stage,
}

fn passed_sift() -> Stage {
    Stage::PassedSift
}

/// The difference in differences by one variable at one stage as CSV.
#[utoipa::path(get, path = "/pilots/{id}/did.csv", tag = "evaluation", params(DidCsvQuery, ViewQuery),
    responses((status = 200, content_type = "text/csv"), (status = 404, body = Problem)))]
pub async fn did_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<DidCsvQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let view = view.view();
    let pilot = readable(&state, &user, id).await?;
    let applicants = applicants(&state, &pilot).await?;
    let did = did_for(&pilot, &applicants, (query.variable, view, query.stage), None);
    let name = format!("did-{}-{}.csv", query.variable.as_str(), query.stage.as_str());
    Ok(csv_file(&name, did_table(&did)?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ReliabilityCsvQuery {
    #[serde(default)]
    source: ScoreSource,
}

/// The reliability of every vacancy's sift or interview scores as CSV, one row per question and one
/// for all questions together.
#[utoipa::path(get, path = "/pilots/{id}/reliability.csv", tag = "evaluation", params(ReliabilityCsvQuery, ViewQuery),
    responses((status = 200, content_type = "text/csv"), (status = 404, body = Problem)))]
pub async fn reliability_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<ReliabilityCsvQuery>,
    Query(view): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let view = view.view();
    let pilot = readable(&state, &user, id).await?;
    let report = reliability_for(&state, &pilot, (query.source, view)).await?;
    Ok(csv_file(&format!("reliability-{}.csv", query.source.as_str()), reliability_table(&report)?))
}

/// The assignment log as CSV.
#[utoipa::path(get, path = "/pilots/{id}/assignments.csv", tag = "evaluation",
    responses((status = 200, content_type = "text/csv"), (status = 404, body = Problem)))]
pub async fn assignments_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    Ok(csv_file("assignments.csv", assignment_table(&assignment_log(&state, &pilot).await?)?))
}

/// The evaluation bundle: every table for every variable and stage, the assignment log, the
/// pseudonymised event log and the codebook, in one zip.
#[utoipa::path(get, path = "/pilots/{id}/bundle.zip", tag = "evaluation",
    responses((status = 200, content_type = "application/zip"), (status = 404, body = Problem)))]
pub async fn bundle(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, ApiError> {
    let pilot = readable(&state, &user, id).await?;
    let applicants = applicants(&state, &pilot).await?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for variable in Variable::ALL {
        let name = variable.as_str();
        files.push((
            format!("funnel/{name}.csv"),
            funnel_table(&funnel_for(&pilot, &applicants, (variable, View::default())))?,
        ));
        let composition = composition_for(&state, &pilot, (variable, View::default())).await?;
        files.push((format!("composition/{name}.csv"), composition_table(&composition)?));
        for stage in Stage::ALL.into_iter().skip(1) {
            let did = did_for(&pilot, &applicants, (variable, View::default(), stage), None);
            files.push((format!("did/{name}-{}.csv", stage.as_str()), did_table(&did)?));
        }
    }
    for source in [ScoreSource::Sift, ScoreSource::Interview] {
        let report = reliability_for(&state, &pilot, (source, View::default())).await?;
        let name = source.as_str();
        files.push((format!("reliability/{name}.csv"), reliability_table(&report)?));
        files.push((format!("reliability/{name}-leniency.csv"), leniency_table(&report)?));
        files.push((format!("reliability/{name}-summary.csv"), summary_table(&report)?));
    }
    let (vacancies, _) = vacancies(&state, &pilot).await?;
    let fidelity = fidelity_for(&state, &in_view(&vacancies, View::default()), u32::from(k_of(&pilot))).await?;
    files.push(("fidelity.csv".to_owned(), fidelity_table(&fidelity)?));
    files.push(("effort.csv".to_owned(), effort_table(&effort_for(&state, &pilot, View::default()).await?)?));
    files.push((
        "experience.csv".to_owned(),
        experience_table(&experience_for(&state, &pilot, View::default()).await?)?,
    ));
    files.push(("assignments.csv".to_owned(), assignment_table(&assignment_log(&state, &pilot).await?)?));
    files.push(("codebook.md".to_owned(), codebook(&pilot).into_bytes()));
    let mut archive = zipped(files)?;
    // The event log, by far the largest file, goes into the zip as it is written.
    archive
        .start_file("events.csv", SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated))
        .map_err(anyhow::Error::from)?;
    event_log(&state, &pilot, &applicants.vacancies, &mut archive).await?;
    let zipped = archive.finish().map_err(anyhow::Error::from)?.into_inner();
    let name = format!("evaluatie-{}.zip", pilot.starts_on);
    Ok((
        [(header::CONTENT_TYPE, "application/zip".to_owned()), (header::CONTENT_DISPOSITION, attachment(&name))],
        zipped,
    )
        .into_response())
}

fn attachment(name: &str) -> String {
    format!("attachment; filename=\"{name}\"")
}

fn csv_file(name: &str, body: Vec<u8>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, attachment(name))],
        body,
    )
        .into_response()
}

/// A zip, still open, with `files` in it.
fn zipped(files: Vec<(String, Vec<u8>)>) -> Result<zip::ZipWriter<std::io::Cursor<Vec<u8>>>, ApiError> {
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in files {
        archive.start_file(name, options).map_err(anyhow::Error::from)?;
        archive.write_all(&body).map_err(anyhow::Error::from)?;
    }
    Ok(archive)
}

/// A CSV table from a header and rows of cells.
fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(anyhow::Error::from)?;
    for row in rows {
        writer.write_record(&row).map_err(anyhow::Error::from)?;
    }
    Ok(writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)
}

/// A cell: the value, or empty for none.
fn cell<T: Display>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn effort_table(effort: &Effort) -> Result<Vec<u8>, ApiError> {
    let mut rows = Vec::new();
    for arm in &effort.arms {
        let mut row = |measure: &str, step: &str, value: String| {
            rows.push(vec![arm.arm.as_str().to_owned(), measure.to_owned(), step.to_owned(), value]);
        };
        row("started", "", cell(arm.started));
        for page in &arm.pages {
            row("reached", page.step.as_str(), cell(page.reached));
            row("left", page.step.as_str(), cell(page.left));
        }
        row("submitted", "", cell(arm.submitted));
        row("median_minutes_to_submit", "", cell(arm.median_minutes_to_submit));
        row("hires", "", cell(arm.hires));
        row("median_days_to_hire", "", cell(arm.median_days_to_hire));
    }
    table(&["arm", "measure", "step", "value"], rows)
}

fn experience_table(experience: &Experience) -> Result<Vec<u8>, ApiError> {
    let header = ["arm", "moment", "statement", "measure", "value"];
    let mut rows = Vec::new();
    for line in &experience.statements {
        let mut row = |measure: String, value: String| {
            let (arm, moment, statement) = (line.arm.as_str(), line.moment.as_str(), line.statement.as_str());
            rows.push(vec![arm.to_owned(), moment.to_owned(), statement.to_owned(), measure, value]);
        };
        row("answered".to_owned(), cell(line.answered));
        for (point, count) in (1..).zip(&line.points) {
            row(format!("point_{point}"), cell(*count));
        }
        row("mean".to_owned(), cell(line.mean));
        row("agree".to_owned(), cell(line.agree));
        row("agree_low".to_owned(), cell(line.agree_interval.map(|(low, _)| low)));
        row("agree_high".to_owned(), cell(line.agree_interval.map(|(_, high)| high)));
    }
    let screens = [
        ("scoring", "median_minutes_per_answer", &experience.scoring),
        ("interview", "median_minutes_per_candidate", &experience.interviewing),
    ];
    for (moment, per_item, workload) in screens {
        for arm in workload {
            let mut row = |measure: &str, value: String| {
                rows.push(vec![
                    arm.arm.as_str().to_owned(),
                    moment.to_owned(),
                    String::new(),
                    measure.to_owned(),
                    value,
                ]);
            };
            row("seats", cell(arm.seats));
            row("median_minutes", cell(arm.median_minutes));
            row(per_item, cell(arm.median_minutes_per_item));
        }
    }
    table(&header, rows)
}

fn fidelity_table(rows: &[VacancyFidelity]) -> Result<Vec<u8>, ApiError> {
    let header = [
        "vacancy_id",
        "title",
        "arm",
        "findings_first_draft",
        "findings_published",
        "leak_rate",
        "independent_scorers",
        "sealed_share",
        "interview_scorecards",
        "traceable",
    ];
    let rows = rows.iter().map(|v| {
        vec![
            v.vacancy_id.to_string(),
            v.title.clone(),
            v.arm.map(Arm::as_str).unwrap_or_default().to_owned(),
            cell(v.findings_first_draft),
            cell(v.findings_published),
            cell(v.leak_rate),
            v.independent_scorers.to_string(),
            cell(v.sealed_share),
            v.interview_scorecards.to_string(),
            v.traceable.to_string(),
        ]
    });
    table(&header, rows)
}

fn composition_table(composition: &Composition) -> Result<Vec<u8>, ApiError> {
    let header =
        ["variable", "pool", "group", "count", "share", "interval_low", "interval_high", "earlier_from", "earlier_to"];
    let mut rows = Vec::new();
    for pool in &composition.pools {
        let name = match pool.pool {
            Pool::PilotArm => "pilot_arm",
            Pool::ControlArm => "control_arm",
            Pool::Earlier => "earlier",
        };
        let groups = composition.groups.iter().map(String::as_str).chain(["everyone"]);
        let everyone = PoolCell { count: pool.total, share: None, interval: None };
        for (group, c) in groups.zip(pool.cells.iter().chain([&everyone])) {
            rows.push(vec![
                composition.variable.as_str().to_owned(),
                name.to_owned(),
                group.to_owned(),
                cell(c.count),
                cell(c.share),
                cell(c.interval.map(|i| i.0)),
                cell(c.interval.map(|i| i.1)),
                composition.earlier_from.to_string(),
                composition.earlier_to.to_string(),
            ]);
        }
    }
    table(&header, rows)
}

fn funnel_table(funnel: &Funnel) -> Result<Vec<u8>, ApiError> {
    let header = [
        "variable",
        "arm",
        "stage",
        "group",
        "count",
        "rate",
        "interval_low",
        "interval_high",
        "impact_ratio",
        "below_four_fifths",
        "fisher_p",
        "not_enough_data",
    ];
    let mut rows = Vec::new();
    for arm in &funnel.arms {
        for stage in &arm.stages {
            for c in &stage.cells {
                rows.push(vec![
                    funnel.variable.as_str().to_owned(),
                    arm.arm.as_str().to_owned(),
                    stage.stage.as_str().to_owned(),
                    c.group.clone(),
                    cell(c.count),
                    cell(c.rate),
                    cell(c.interval.map(|i| i.0)),
                    cell(c.interval.map(|i| i.1)),
                    cell(c.impact_ratio),
                    c.adverse_impact.to_string(),
                    cell(c.fisher_p),
                    c.not_enough_data.to_string(),
                ]);
            }
            let mut total = vec![
                funnel.variable.as_str().to_owned(),
                arm.arm.as_str().to_owned(),
                stage.stage.as_str().to_owned(),
                "everyone".to_owned(),
                cell(stage.total),
            ];
            total.resize(header.len(), String::new());
            rows.push(total);
        }
    }
    table(&header, rows)
}

fn did_table(did: &DifferenceInDifferences) -> Result<Vec<u8>, ApiError> {
    let header = [
        "variable",
        "stage",
        "reference",
        "group",
        "pilot_gap",
        "control_gap",
        "estimate",
        "interval_low",
        "interval_high",
        "resamples",
        "not_enough_data",
    ];
    let rows = did.rows.iter().map(|row| {
        vec![
            did.variable.as_str().to_owned(),
            did.stage.as_str().to_owned(),
            did.reference.clone(),
            row.group.clone(),
            cell(row.pilot_gap),
            cell(row.control_gap),
            cell(row.estimate),
            cell(row.interval.map(|i| i.0)),
            cell(row.interval.map(|i| i.1)),
            did.resamples.to_string(),
            row.not_enough_data.to_string(),
        ]
    });
    table(&header, rows)
}

fn reliability_table(report: &ReliabilityReport) -> Result<Vec<u8>, ApiError> {
    let header = [
        "vacancy_id",
        "vacancy",
        "question",
        "candidates",
        "scorers",
        "icc_2_1",
        "icc_2_k",
        "alpha_interval",
        "alpha_ordinal",
        "not_enough_data",
    ];
    let mut rows = Vec::new();
    for vacancy in &report.vacancies {
        let all = ("all questions".to_owned(), &vacancy.overall);
        for (question, a) in vacancy.questions.iter().map(|q| (q.label.clone(), &q.agreement)).chain([all]) {
            rows.push(vec![
                vacancy.vacancy_id.to_string(),
                vacancy.title.clone(),
                question,
                cell(a.candidates),
                a.scorers.to_string(),
                cell(a.icc_single),
                cell(a.icc_average),
                cell(a.alpha_interval),
                cell(a.alpha_ordinal),
                a.not_enough_data.to_string(),
            ]);
        }
    }
    table(&header, rows)
}

fn leniency_table(report: &ReliabilityReport) -> Result<Vec<u8>, ApiError> {
    let rows = report.vacancies.iter().flat_map(|vacancy| {
        vacancy.leniency.iter().enumerate().map(|(rank, points)| {
            vec![vacancy.vacancy_id.to_string(), vacancy.title.clone(), (rank + 1).to_string(), points.to_string()]
        })
    });
    table(&["vacancy_id", "vacancy", "scorer_rank", "leniency"], rows)
}

fn summary_table(report: &ReliabilityReport) -> Result<Vec<u8>, ApiError> {
    let s = &report.summary;
    let p = report.position;
    let row = vec![
        s.questions.to_string(),
        cell(s.median_icc_single),
        cell(s.median_icc_average),
        cell(s.median_alpha_interval),
        cell(p.map(|p| p.slope)),
        cell(p.map(|p| p.low)),
        cell(p.map(|p| p.high)),
    ];
    let header = [
        "questions",
        "median_icc_2_1",
        "median_icc_2_k",
        "median_alpha_interval",
        "position_slope",
        "position_low",
        "position_high",
    ];
    table(&header, [row])
}

fn assignment_table(log: &[ArmAssignment]) -> Result<Vec<u8>, ApiError> {
    let rows = log.iter().map(|a| {
        vec![
            a.vacancy_id.to_string(),
            a.vacancy_title.clone(),
            a.arm.as_str().to_owned(),
            a.method.as_str().to_owned(),
            a.stratum.clone(),
            cell(a.seed),
            a.reason.clone().unwrap_or_default(),
            a.assigned_at.to_rfc3339(),
        ]
    });
    table(&["vacancy_id", "vacancy", "arm", "method", "stratum", "seed", "reason", "assigned_at"], rows)
}

/// The monitoring variables in the event log, in its columns' order.
const EVENT_LOG_VARIABLES: [Variable; 6] = [
    Variable::BornInNetherlands,
    Variable::Continent,
    Variable::Gender,
    Variable::AgeBand,
    Variable::Disability,
    Variable::Education,
];

/// One row per event of every applicant: a new pseudonym, the vacancy and its arm, the event, the
/// questionnaire step where there is one, the month, and the k-anonymous monitoring variables.
/// One person's procedure as the event log shows it.
struct History<'a> {
    subject: String,
    vacancy: &'a PilotVacancy,
    /// Oldest first: kind, step, month.
    events: Vec<(String, String, String)>,
    groups: Vec<String>,
}

/// The event log: a row per stage event of every person at the pilot's vacancies with an arm, with
/// their monitoring variables where k-anonymous within the vacancy, written into `out`. Read and
/// written a few vacancies at a time (k-anonymity is per vacancy), so a large pilot's log is never
/// in memory as a whole.
/// Vacancies whose events are read at once for the event log: every event of them comes as a row,
/// ordered by person, which weighs far more than a slice of the other tables.
const EVENT_LOG_VACANCIES_PER_READ: usize = VACANCIES_PER_READ / 4;

async fn event_log(
    state: &AppState,
    pilot: &pilots::Model,
    vacancies: &[PilotVacancy],
    out: impl Write,
) -> Result<(), ApiError> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header = vec!["person", "vacancy_id", "arm", "event", "step", "month"];
    header.extend(EVENT_LOG_VARIABLES.iter().map(|v| v.as_str()));
    writer.write_record(&header).map_err(anyhow::Error::from)?;
    for chunk in vacancies.chunks(EVENT_LOG_VACANCIES_PER_READ) {
        let histories = histories(state, chunk).await?;
        let values: Vec<(Uuid, Vec<String>)> = histories.iter().map(|h| (h.vacancy.id, h.groups.clone())).collect();
        let shown = k_anonymous(&values, u64::from(k_of(pilot)));
        for (history, monitoring) in histories.iter().zip(shown) {
            let person = bundle_pseudonym(pilot, &history.subject);
            let vacancy = history.vacancy.id.to_string();
            let arm = history.vacancy.arm.map(Arm::as_str).unwrap_or_default();
            for (kind, step, month) in &history.events {
                let mut row = vec![person.as_str(), vacancy.as_str(), arm, kind, step, month];
                row.extend(monitoring.iter().map(|value| value.as_deref().unwrap_or_default()));
                writer.write_record(&row).map_err(anyhow::Error::from)?;
            }
        }
    }
    writer.flush().map_err(anyhow::Error::from)?;
    Ok(())
}

/// An event as the log reads it: subject, vacancy, kind, step, when.
type EventRow = (String, Uuid, String, Option<String>, DateTime<Utc>);

/// The procedure of every person who left an event at one of `vacancies`, with their groups for
/// the event log's variables.
async fn histories<'a>(state: &AppState, vacancies: &'a [PilotVacancy]) -> Result<Vec<History<'a>>, ApiError> {
    use application_events::Column as Event;
    let by_id: HashMap<Uuid, &PilotVacancy> = vacancies.iter().map(|v| (v.id, v)).collect();
    let events: Vec<EventRow> = application_events::Entity::find()
        .select_only()
        .columns([Event::Subject, Event::VacancyId, Event::Kind, Event::Step, Event::At])
        .filter(Event::VacancyId.is_in(by_id.keys().copied()))
        .order_by_asc(Event::Subject)
        .order_by_asc(Event::At)
        .order_by_asc(Event::Id)
        .into_tuple()
        .all(&state.db)
        .await?;
    let monitoring: Vec<(String, String, Option<bool>, Option<String>)> = monitoring_responses::Entity::find()
        .select_only()
        .columns([
            monitoring_responses::Column::Pseudonym,
            monitoring_responses::Column::Answers,
            monitoring_responses::Column::BornInNetherlands,
            monitoring_responses::Column::Continent,
        ])
        .filter(monitoring_responses::Column::VacancyId.is_in(by_id.keys().copied()))
        .into_tuple()
        .all(&state.db)
        .await?;
    let mut monitoring: HashMap<String, (String, Option<bool>, Option<String>)> = monitoring
        .into_iter()
        .map(|(pseudonym, answers, born, continent)| (pseudonym, (answers, born, continent)))
        .collect();
    let mut histories: Vec<History> = Vec::new();
    for (subject, vacancy, kind, step, at) in events {
        let Some(&vacancy) = by_id.get(&vacancy) else { continue };
        let event = (kind, step.unwrap_or_default(), at.format("%Y-%m").to_string());
        if let Some(last) = histories.last_mut().filter(|h| h.subject == subject) {
            last.events.push(event);
            continue;
        }
        let row = monitoring.remove(&subject);
        let answers: Option<MonitoringAnswers> = row.as_ref().and_then(|(a, _, _)| serde_json::from_str(a).ok());
        let background = Background {
            answers: answers.as_ref(),
            born_in_netherlands: row.as_ref().and_then(|(_, born, _)| *born),
            continent: row.as_ref().and_then(|(_, _, continent)| continent.as_deref()),
        };
        let groups = EVENT_LOG_VARIABLES.iter().map(|v| group_of(*v, &background)).collect();
        histories.push(History { subject, vacancy, events: vec![event], groups });
    }
    Ok(histories)
}

/// A pseudonym for the bundle only: the platform's pseudonym (never exported) hashed with the
/// pilot's seed. The same in every download of the pilot's bundle, and of no use without the
/// platform's database.
fn bundle_pseudonym(pilot: &pilots::Model, subject: &str) -> String {
    let digest = Sha256::new().chain_update(pilot.seed.to_le_bytes()).chain_update(subject.as_bytes()).finalize();
    hex::encode(&digest[..8])
}

fn codebook(pilot: &pilots::Model) -> String {
    format!(
        include_str!("../export_codebook.md"),
        name = pilot.name,
        starts_on = pilot.starts_on,
        ends_on = pilot.ends_on,
        k = pilot.k,
        seed = pilot.seed,
    )
}
