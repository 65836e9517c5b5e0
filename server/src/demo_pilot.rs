//! A pilot worth looking at: `breedwerf seed-demo --vacancies 200 --applications 20000` adds to the
//! demo pilot that many closed vacancies of four organisations, assigned to the arms by lot within
//! strata as an admin's "assign" would, and that many applicants with monitoring answers and the
//! stage events of their procedure.
//!
//! The model behind the numbers, drawn from a seed so the same command on the same demo pilot
//! (whose own seed decides the arms) gives the same data:
//! - every applicant has a latent suitability, standard normal;
//! - in the pilot arm three committee members of a pool of twelve score three questions each, in
//!   their own random order: the question's view of the suitability, plus the member's leniency
//!   (normal, sd 0.3) plus noise (sd 0.6), rounded to 1–5; the best fifth by mean score pass the sift;
//! - in the control arm the CV sift sees the suitability with more noise (sd 0.8) and marks down
//!   applicants of a migration background by 0.35 sd, the order of the gap the Dutch field
//!   experiments found; the pilot's blind scores know nothing of background;
//! - three in four who pass are interviewed (in the pilot arm by two of the committee, scores as in
//!   the sift), the best interviewed gets the offer, and five in six accept;
//! - a quarter as many vacancies (and applicants) again fall in as long a period before the pilot,
//!   in no arm and run like the control arm: the earlier period the pool is compared with;
//! - every applicant started 15 to 120 minutes before submitting and passed every page, and a
//!   quarter as many again started and stopped on a page (from a generator of their own, so the
//!   rest is the same with or without them).
//!
//! For the demo and the benchmark; never for real data.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use domain::application::{ApplicationStatus, Retention, Step};
use domain::interview::InterviewQuestion;
use domain::language::Language;
use domain::monitoring::{AgeBand, Disability, Education, Gender, MonitoringAnswers, herkomst};
use domain::pilot::{ScaleBand, Stratum, assign_arms};
use domain::questionnaire::{Question, bank};
use domain::survey::{SurveyAnswers, SurveyMoment};
use domain::vacancy::{Arm, VacancyStatus};
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use uuid::Uuid;

use crate::accounts::{self, DEMO_ORGANISATION, NewUser};
use crate::audit::AuditLog;
use crate::crypto::Keys;
use crate::demo::DEMO_PILOT;
use crate::entities::{
    application_events, applications, arm_assignments, committee_members, interview_kits, interview_scores,
    interview_submissions, interview_time, interviewers, monitoring_responses, pilot_organisations, pilots,
    question_seals, scores, scoring_time, screened_answers, survey_responses, users, vacancies,
};
use crate::routes::applications::subject_of;
use crate::routes::surveys;
use crate::routes::vacancies::{DEFAULT_TIME_ZONE, deadline};

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub vacancies: usize,
    pub applications: usize,
}

const ORGANISATIONS: [&str; 3] =
    ["Dienst Uitvoering Voorbeelden (demo)", "Inspectie Voorbeeldtoezicht (demo)", "Agentschap Registers (demo)"];

const ROLES: [&str; 8] = [
    "Beleidsadviseur",
    "Jurist",
    "Data-analist",
    "Projectleider",
    "Communicatieadviseur",
    "Inspecteur",
    "Financieel adviseur",
    "Informatiemanager",
];

/// Countries of birth and how often they are drawn: mostly the Netherlands.
const COUNTRIES: [(&str, u32); 12] = [
    ("NL", 780),
    ("MA", 30),
    ("TR", 30),
    ("SR", 25),
    ("DE", 20),
    ("PL", 20),
    ("ID", 15),
    ("GB", 15),
    ("NG", 10),
    ("CN", 10),
    ("US", 10),
    ("AU", 5),
];

const COMMITTEE_POOL: usize = 12;

/// Adds the vacancies and applicants of `size` to the demo pilot (which `demo::seed` creates), from
/// `seed`. Prints nothing; returns how many rows of each kind it wrote.
pub async fn seed(db: &DatabaseConnection, keys: &Keys, size: Size, seed: u64) -> anyhow::Result<Written> {
    let mut rng = StdRng::seed_from_u64(seed);
    // The drafts' timings and drop-outs, apart from the procedure's data.
    let mut timing = StdRng::seed_from_u64(seed.wrapping_add(1));
    let pilot = pilots::Entity::find()
        .filter(pilots::Column::Name.eq(DEMO_PILOT))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo pilot is missing: run seed-demo without sizes first"))?;
    let recruiter = user_id(db, "recruiter").await?;
    let admin = user_id(db, "admin").await?;
    let mut organisations = vec![accounts::ensure_organisation(db, DEMO_ORGANISATION).await?];
    for name in ORGANISATIONS {
        let id = accounts::ensure_organisation(db, name).await?;
        organisations.push(id);
        pilot_organisations::Entity::insert(pilot_organisations::ActiveModel {
            pilot_id: Set(pilot.id),
            organisation_id: Set(id),
        })
        .on_conflict_do_nothing()
        .exec_without_returning(db)
        .await?;
    }
    let committee = committee_pool(db, &mut rng).await?;
    let leniency: Vec<f64> = (0..committee.len()).map(|_| 0.3 * normal(&mut rng)).collect();

    let days = (pilot.ends_on - pilot.starts_on).num_days().max(60);
    let mut plan = Vec::with_capacity(size.vacancies);
    for number in 0..size.vacancies {
        plan.push(plan_vacancy(&mut rng, (pilot.starts_on, days), &organisations, number)?);
    }
    let strata: Vec<(Uuid, Stratum)> = plan.iter().map(|v| (v.id, v.stratum)).collect();
    let pilot_seed = u64::from_ne_bytes(pilot.seed.to_ne_bytes());
    let arms: std::collections::HashMap<Uuid, Arm> = assign_arms(&strata, pilot_seed).into_iter().collect();
    let mut written = Written::default();
    let per_vacancy = split(&mut rng, size.applications, size.vacancies);
    let transaction = db.begin().await?;
    let mut rows = Rows::default();
    for (vacancy, applicants) in plan.iter().zip(per_vacancy) {
        let arm = arms.get(&vacancy.id).copied().unwrap_or(Arm::Control);
        rows.vacancy(vacancy, Some(arm), recruiter);
        rows.assignment(&pilot, vacancy, arm, admin);
        let context = Context { vacancy, arm, committee: &committee, leniency: &leniency, keys };
        generate_procedure((&mut rng, &mut timing), &mut rows, &context, applicants);
        if rows.len() > 20_000 {
            written.add(&rows);
            rows.flush(&transaction).await?;
        }
    }
    // A quarter as many vacancies of the same organisations in as long a period before the pilot,
    // run the regular way (a CV sift) and in no arm: the earlier period the pool is compared with.
    let earlier = size.vacancies / 4;
    let before = pilot.starts_on - chrono::Duration::days(days);
    let mut plan = Vec::with_capacity(earlier);
    for number in 0..earlier {
        plan.push(plan_vacancy(&mut rng, (before, days), &organisations, size.vacancies + number)?);
    }
    let per_vacancy = split(&mut rng, size.applications / 4, earlier);
    for (vacancy, applicants) in plan.iter().zip(per_vacancy) {
        rows.vacancy(vacancy, None, recruiter);
        let context = Context { vacancy, arm: Arm::Control, committee: &committee, leniency: &leniency, keys };
        generate_procedure((&mut rng, &mut timing), &mut rows, &context, applicants);
    }
    written.add(&rows);
    rows.flush(&transaction).await?;
    transaction.commit().await?;
    Ok(written)
}

/// How many rows the generator wrote.
#[derive(Debug, Default)]
pub struct Written {
    pub vacancies: usize,
    pub applicants: usize,
    pub events: usize,
    pub scores: usize,
}

impl Written {
    fn add(&mut self, rows: &Rows) {
        self.vacancies += rows.vacancies.len();
        self.applicants += rows.monitoring.len() + rows.without_monitoring;
        self.events += rows.events.len();
        self.scores += rows.scores.len() + rows.interview_scores.len();
    }
}

async fn user_id(db: &DatabaseConnection, username: &str) -> anyhow::Result<Uuid> {
    Ok(users::Entity::find()
        .filter(users::Column::Username.eq(username))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo account {username} is missing"))?
        .id)
}

/// Twelve committee accounts (`demo-lid-01` …), created once with a random password nobody knows:
/// they exist to have scored.
async fn committee_pool(db: &DatabaseConnection, rng: &mut StdRng) -> anyhow::Result<Vec<Uuid>> {
    let mut pool = Vec::with_capacity(COMMITTEE_POOL);
    for n in 1..=COMMITTEE_POOL {
        let username = format!("demo-lid-{n:02}");
        if let Ok(id) = user_id(db, &username).await {
            pool.push(id);
            continue;
        }
        let password: String = (0..32).map(|_| rng.sample(rand::distr::Alphanumeric) as char).collect();
        let display_name = format!("Commissielid {n} (demo)");
        let new = NewUser {
            username: &username,
            display_name: &display_name,
            password: &password,
            role: domain::access::Role::Committee,
            organisation: None,
        };
        let user = accounts::create_user(db, &AuditLog::default(), None, new).await.map_err(anyhow::Error::from)?;
        pool.push(user.id);
    }
    Ok(pool)
}

/// A vacancy before it is written: its questions, kit and dates.
struct PlannedVacancy {
    id: Uuid,
    organisation: Uuid,
    title: String,
    scale: u8,
    stratum: Stratum,
    published: DateTime<Utc>,
    closing: NaiveDate,
    questions: Vec<Question>,
    kit: Vec<InterviewQuestion>,
}

/// A vacancy published in the `days` from `start`.
fn plan_vacancy(
    rng: &mut StdRng,
    (start, days): (NaiveDate, i64),
    organisations: &[Uuid],
    number: usize,
) -> anyhow::Result<PlannedVacancy> {
    let organisation = *organisations.choose(rng).ok_or_else(|| anyhow::anyhow!("no organisations"))?;
    let scale = rng.random_range(8..=13);
    let published_on = start + chrono::Duration::days(rng.random_range(0..days - 40));
    let closing = published_on.checked_add_days(Days::new(21)).unwrap_or(published_on);
    let scored: Vec<Question> = bank(Language::Nl)
        .iter()
        .filter(|entry| entry.kind.is_scored_by_committee())
        .take(3)
        .map(|entry| entry.to_question(new_id(rng)))
        .collect();
    let kit = domain::interview::bank(Language::Nl).iter().take(3).map(|e| e.to_question(new_id(rng))).collect();
    Ok(PlannedVacancy {
        id: new_id(rng),
        organisation,
        title: format!("{} {} (m/v/x)", ROLES[number % ROLES.len()], number + 1),
        scale,
        stratum: Stratum { organisation, band: ScaleBand::of(Some(scale)) },
        published: published_on.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()).and_utc(),
        closing,
        questions: scored,
        kit,
    })
}

/// `total` applications over `vacancies`, each between half and one and a half times the mean.
fn split(rng: &mut StdRng, total: usize, vacancies: usize) -> Vec<usize> {
    if vacancies == 0 {
        return Vec::new();
    }
    let weights: Vec<f64> = (0..vacancies).map(|_| rng.random_range(0.5..1.5)).collect();
    let sum: f64 = weights.iter().sum();
    let mut counts: Vec<usize> = weights.iter().map(|w| (w / sum * total as f64).floor() as usize).collect();
    let short = total - counts.iter().sum::<usize>();
    for count in counts.iter_mut().take(short) {
        *count += 1;
    }
    counts
}

/// A version 4 id from the generator, so the same seed gives the same ids (and arms).
fn new_id(rng: &mut StdRng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut StdRng) -> f64 {
    let (u, v): (f64, f64) = (rng.random_range(f64::EPSILON..1.0), rng.random());
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

fn score(value: f64) -> i16 {
    (3.0 + value).round().clamp(1.0, 5.0) as i16
}

struct Context<'a> {
    vacancy: &'a PlannedVacancy,
    arm: Arm,
    committee: &'a [Uuid],
    leniency: &'a [f64],
    keys: &'a Keys,
}

/// The applicants' way through the questionnaire: each started 15 to 120 minutes before submitting
/// and passed every page; a quarter as many again started and stopped on a page, never submitting.
/// From a generator of their own, so the procedure's data is the same with or without them.
fn generate_drafts(timing: &mut StdRng, rows: &mut Rows, context: &Context, applicants: &[Applicant]) {
    for applicant in applicants {
        let minutes = timing.random_range(15..120);
        let started = applicant.submitted - chrono::Duration::minutes(minutes);
        rows.draft(context, applicant.draft, (started, minutes), Step::Review);
    }
    for _ in 0..applicants.len() / 4 {
        let started = context.vacancy.published + chrono::Duration::hours(timing.random_range(1..21 * 24));
        let stopped = Step::ALL[timing.random_range(0..Step::ALL.len())];
        rows.draft(context, new_id(timing), (started, 30), stopped);
    }
}

/// One applicant being generated.
struct Applicant {
    draft: Uuid,
    application: Uuid,
    suitability: f64,
    /// Born abroad or a parent born abroad.
    migration_background: bool,
    submitted: DateTime<Utc>,
}

fn generate_procedure((rng, timing): (&mut StdRng, &mut StdRng), rows: &mut Rows, context: &Context, count: usize) {
    let vacancy = context.vacancy;
    let applicants: Vec<Applicant> = (0..count)
        .map(|_| {
            let answers = monitoring_answers(rng);
            let origin = herkomst(&answers);
            let applicant = Applicant {
                draft: new_id(rng),
                application: new_id(rng),
                suitability: normal(rng),
                migration_background: origin.continent.is_some_and(|c| c.as_str() != "netherlands"),
                submitted: vacancy.published + chrono::Duration::hours(rng.random_range(1..21 * 24)),
            };
            // One in ten leaves the monitoring questionnaire open.
            if rng.random_bool(0.9) {
                rows.monitoring.push(monitoring_responses::ActiveModel {
                    pseudonym: Set(subject_of(context.keys, applicant.draft)),
                    vacancy_id: Set(vacancy.id),
                    answers: Set(serde_json::to_string(&answers).unwrap_or_default()),
                    origin_group: Set(origin.group.map(|g| g.as_str().to_owned())),
                    continent: Set(origin.continent.map(|c| c.as_str().to_owned())),
                    born_in_netherlands: Set(origin.born_in_netherlands),
                    recorded_at: Set(applicant.submitted),
                });
            } else {
                rows.without_monitoring += 1;
            }
            applicant
        })
        .collect();
    generate_drafts(timing, rows, context, &applicants);
    // Both arms take their applications through Breedwerf; only the pilot arm's are scored in it.
    for (n, applicant) in applicants.iter().enumerate() {
        rows.applications.push(applications::ActiveModel {
            id: Set(applicant.application),
            vacancy_id: Set(vacancy.id),
            draft_id: Set(applicant.draft),
            // References are at most 20 characters: 64 random bits are enough to be unique.
            reference: Set(format!("BW-G{}", &applicant.application.simple().to_string()[..16])),
            label: Set(format!("{n:05}")),
            answers: Set("[]".to_owned()),
            digest: Set(String::new()),
            status: Set(ApplicationStatus::Submitted.as_str().to_owned()),
            retention: Set(Retention::FourWeeks.as_str().to_owned()),
            started_at: Set(applicant.submitted),
            submitted_at: Set(applicant.submitted),
            withdrawn_at: Set(None),
            screening: Set(None),
        });
    }
    let closed = vacancy.closing.and_time(NaiveTime::MIN).and_utc();
    let day = |n: u64| closed.checked_add_days(Days::new(n)).unwrap_or(closed);
    for applicant in &applicants {
        rows.event(context, applicant, "submitted", applicant.submitted);
    }
    // The sift: in the pilot arm by the committee's scores, in the control arm by a CV reading.
    let (sift, interviewers) = match context.arm {
        Arm::Pilot => score_the_sift(rng, rows, context, &applicants),
        Arm::Control => {
            let bias = |a: &Applicant| if a.migration_background { 0.35 } else { 0.0 };
            (applicants.iter().map(|a| a.suitability + 0.8 * normal(rng) - bias(a)).collect(), Vec::new())
        }
    };
    let passed = best(&sift, applicants.len().div_ceil(5).max(usize::from(!applicants.is_empty()) * 3));
    for (index, applicant) in applicants.iter().enumerate() {
        let kind = if passed.contains(&index) { "shortlisted" } else { "not_shortlisted" };
        rows.event(context, applicant, kind, day(7));
    }
    let interviewed: Vec<usize> = passed.iter().copied().filter(|_| rng.random_bool(0.75)).collect();
    let mut interview = Vec::new();
    for &index in &interviewed {
        let applicant = &applicants[index];
        rows.event(context, applicant, "interviewed", day(21));
        let value = match context.arm {
            Arm::Pilot => score_the_interview(rng, rows, context, (applicant, &interviewers), day(21)),
            Arm::Control => applicant.suitability + 0.7 * normal(rng),
        };
        interview.push((value, index));
    }
    interview.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut hired = None;
    if let Some(&(_, best)) = interview.first() {
        let applicant = &applicants[best];
        rows.event(context, applicant, "offered", day(28));
        if rng.random_bool(5.0 / 6.0) {
            rows.event(context, applicant, "offer_accepted", day(31));
            rows.event(context, applicant, "hired", day(60));
            hired = Some(best);
        } else {
            rows.event(context, applicant, "offer_declined", day(31));
        }
    }
    generate_experience(timing, rows, context, &applicants, (&passed, hired));
}

/// What applicants and members say and spend beside the procedure, from the drafts' generator:
/// two in five applicants answer the survey after submitting and one in four after the outcome
/// (those shortlisted or hired more kindly, the pilot arm's fairer and clearer but more effort);
/// each committee member spends one to three minutes an answer on the scoring screen and seven in
/// ten answer the committee survey; each interviewer spends 20 to 40 minutes on a scorecard.
fn generate_experience(
    timing: &mut StdRng,
    rows: &mut Rows,
    context: &Context,
    applicants: &[Applicant],
    (passed, hired): (&[usize], Option<usize>),
) {
    let pilot = context.arm == Arm::Pilot;
    let lift = |yes: bool, by: f64| if yes { by } else { 0.0 };
    let point = |timing: &mut StdRng, mean: f64| u8::try_from(score(mean - 3.0 + 0.9 * normal(timing))).ok();
    for (index, applicant) in applicants.iter().enumerate() {
        let respondent = subject_of(context.keys, applicant.draft);
        if timing.random_bool(0.4) {
            let answers = SurveyAnswers {
                fairness: point(timing, 3.3 + lift(pilot, 0.4)),
                clarity: point(timing, 3.6 + lift(pilot, 0.2)),
                effort: point(timing, 3.5 - lift(pilot, 0.3)),
            };
            rows.survey(context, (respondent.clone(), SurveyMoment::AfterApplying), answers, applicant.submitted);
        }
        if timing.random_bool(0.25) {
            let kind = lift(passed.contains(&index), 0.6) + lift(hired == Some(index), 0.6);
            let answers = SurveyAnswers {
                fairness: point(timing, 2.8 + kind + lift(pilot, 0.4)),
                clarity: point(timing, 3.2 + kind / 2.0 + lift(pilot, 0.3)),
                effort: point(timing, 3.3 - lift(pilot, 0.2)),
            };
            rows.survey(context, (respondent, SurveyMoment::AfterOutcome), answers, applicant.submitted);
        }
    }
    if !pilot || applicants.is_empty() {
        return;
    }
    let seals: Vec<(Uuid, Uuid)> = rows
        .seals
        .iter()
        .filter(|seal| seal.vacancy_id.as_ref() == &context.vacancy.id)
        .map(|seal| (*seal.question_id.as_ref(), *seal.member_id.as_ref()))
        .collect();
    let mut members: Vec<Uuid> = seals.iter().map(|(_, member)| *member).collect();
    members.sort();
    members.dedup();
    for (question, member) in seals {
        let seconds: usize = (0..applicants.len()).map(|_| timing.random_range(60..180)).sum();
        rows.scoring_time.push(scoring_time::ActiveModel {
            vacancy_id: Set(context.vacancy.id),
            question_id: Set(question),
            member_id: Set(member),
            seconds: Set(i32::try_from(seconds).unwrap_or(i32::MAX)),
        });
    }
    let scorecards: Vec<(Uuid, Uuid)> = rows
        .submissions
        .iter()
        .filter(|submission| submission.vacancy_id.as_ref() == &context.vacancy.id)
        .map(|submission| (*submission.application_id.as_ref(), *submission.interviewer_id.as_ref()))
        .collect();
    for (application, interviewer) in scorecards {
        rows.interview_time.push(interview_time::ActiveModel {
            vacancy_id: Set(context.vacancy.id),
            application_id: Set(application),
            interviewer_id: Set(interviewer),
            seconds: Set(timing.random_range(20 * 60..40 * 60)),
        });
    }
    for member in members {
        if timing.random_bool(0.7) {
            let respondent = surveys::member(context.keys, context.vacancy.id, member);
            let answers =
                SurveyAnswers { fairness: point(timing, 4.0), clarity: point(timing, 3.8), effort: point(timing, 3.0) };
            rows.survey(context, (respondent, SurveyMoment::Committee), answers, context.vacancy.published);
        }
    }
}

/// The indices of the `n` highest values.
fn best(values: &[f64], n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*b].total_cmp(&values[*a]));
    order.truncate(n.min(values.len()));
    order
}

/// Three members of the pool score every answer to the three questions in their own order; the
/// vacancy's applications, answers, committee and seals come with it, and the kit and two of the
/// members as its interviewers. Returns each applicant's total and the interviewers.
fn score_the_sift(
    rng: &mut StdRng,
    rows: &mut Rows,
    context: &Context,
    applicants: &[Applicant],
) -> (Vec<f64>, Vec<usize>) {
    let vacancy = context.vacancy;
    let members: Vec<usize> = rand::seq::index::sample(rng, context.committee.len(), 3).into_vec();
    for (seat, &member) in members.iter().enumerate() {
        rows.committee.push(committee_members::ActiveModel {
            vacancy_id: Set(vacancy.id),
            user_id: Set(context.committee[member]),
            chair: Set(seat == 0),
            added_at: Set(vacancy.published),
            order_seed: Set(Some(rng.random())),
            conduct_confirmed_at: Set(Some(vacancy.published)),
        });
    }
    let mut totals = vec![0.0; applicants.len()];
    let scored_at = vacancy.closing.and_time(NaiveTime::MIN).and_utc();
    for question in &vacancy.questions {
        let mut numbers: Vec<usize> = (1..=applicants.len()).collect();
        numbers.shuffle(rng);
        let answers: Vec<Uuid> = applicants.iter().map(|_| new_id(rng)).collect();
        for ((applicant, answer), number) in applicants.iter().zip(&answers).zip(&numbers) {
            rows.answers.push(screened_answers::ActiveModel {
                id: Set(*answer),
                vacancy_id: Set(vacancy.id),
                question_id: Set(question.id),
                application_id: Set(applicant.application),
                number: Set(i32::try_from(*number).unwrap_or_default()),
                masked: Set(None),
            });
        }
        let views: Vec<f64> = applicants.iter().map(|a| a.suitability + 0.5 * normal(rng)).collect();
        for &member in &members {
            let mut order: Vec<usize> = (0..applicants.len()).collect();
            order.shuffle(rng);
            for (position, &index) in order.iter().enumerate() {
                let given = score(views[index] + context.leniency[member] + 0.6 * normal(rng));
                totals[index] += f64::from(given);
                rows.scores.push(scores::ActiveModel {
                    id: Set(new_id(rng)),
                    vacancy_id: Set(vacancy.id),
                    question_id: Set(question.id),
                    answer_id: Set(answers[index]),
                    member_id: Set(context.committee[member]),
                    score: Set(given),
                    note: Set(None),
                    position: Set(i32::try_from(position + 1).unwrap_or_default()),
                    scored_at: Set(scored_at),
                    updated_at: Set(scored_at),
                });
            }
            rows.seals.push(question_seals::ActiveModel {
                vacancy_id: Set(vacancy.id),
                question_id: Set(question.id),
                member_id: Set(context.committee[member]),
                sealed_at: Set(scored_at),
            });
        }
    }
    for (seat, &member) in members.iter().take(2).enumerate() {
        rows.interviewers.push(interviewers::ActiveModel {
            vacancy_id: Set(vacancy.id),
            user_id: Set(context.committee[member]),
            added_at: Set(scored_at + chrono::Duration::minutes(i64::try_from(seat).unwrap_or_default())),
        });
    }
    rows.kits.push(interview_kits::ActiveModel {
        vacancy_id: Set(vacancy.id),
        questions: Set(serde_json::to_string(&vacancy.kit).unwrap_or_default()),
        updated_at: Set(scored_at),
        frozen_at: Set(Some(scored_at)),
    });
    (totals, members.into_iter().take(2).collect())
}

/// The two interviewers score the kit's questions and submit. Returns the mean score.
fn score_the_interview(
    rng: &mut StdRng,
    rows: &mut Rows,
    context: &Context,
    (applicant, interviewers): (&Applicant, &[usize]),
    at: DateTime<Utc>,
) -> f64 {
    let mut total = 0.0;
    for &member in interviewers {
        for question in &context.vacancy.kit {
            let view = applicant.suitability + 0.4 * normal(rng);
            let given = score(view + context.leniency[member] + 0.5 * normal(rng));
            total += f64::from(given);
            rows.interview_scores.push(interview_scores::ActiveModel {
                id: Set(new_id(rng)),
                vacancy_id: Set(context.vacancy.id),
                application_id: Set(applicant.application),
                interviewer_id: Set(context.committee[member]),
                question_id: Set(question.id),
                score: Set(Some(given)),
                note: Set(None),
                updated_at: Set(at),
            });
        }
        rows.submissions.push(interview_submissions::ActiveModel {
            application_id: Set(applicant.application),
            interviewer_id: Set(context.committee[member]),
            vacancy_id: Set(context.vacancy.id),
            submitted_at: Set(at),
        });
    }
    total
}

fn monitoring_answers(rng: &mut StdRng) -> MonitoringAnswers {
    let country = |rng: &mut StdRng| {
        COUNTRIES.choose_weighted(rng, |(_, weight)| *weight).map(|(code, _)| (*code).to_owned()).ok()
    };
    let born = country(rng);
    // Born here, a parent may still be born abroad (second generation).
    let parent =
        if born.as_deref() == Some("NL") && rng.random_bool(0.85) { Some("NL".to_owned()) } else { country(rng) };
    MonitoringAnswers {
        birth_country: born,
        mother_birth_country: parent.clone(),
        father_birth_country: parent,
        gender: Some(
            *[Gender::Woman, Gender::Man, Gender::Woman, Gender::Man, Gender::Other, Gender::PreferNotToSay]
                .choose_weighted(rng, |g| match g {
                    Gender::Woman | Gender::Man => 47,
                    Gender::Other => 2,
                    Gender::PreferNotToSay => 4,
                })
                .unwrap_or(&Gender::PreferNotToSay),
        ),
        age_band: [AgeBand::Under25, AgeBand::From25To34, AgeBand::From35To44, AgeBand::From45To54, AgeBand::From55]
            .choose(rng)
            .copied(),
        disability: Some(if rng.random_bool(0.12) { Disability::Yes } else { Disability::No }),
        education: [Education::Middle, Education::High, Education::High].choose(rng).copied(),
    }
}

/// The rows of a batch, written together.
#[derive(Default)]
struct Rows {
    vacancies: Vec<vacancies::ActiveModel>,
    assignments: Vec<arm_assignments::ActiveModel>,
    applications: Vec<applications::ActiveModel>,
    monitoring: Vec<monitoring_responses::ActiveModel>,
    without_monitoring: usize,
    events: Vec<application_events::ActiveModel>,
    committee: Vec<committee_members::ActiveModel>,
    answers: Vec<screened_answers::ActiveModel>,
    scores: Vec<scores::ActiveModel>,
    seals: Vec<question_seals::ActiveModel>,
    interviewers: Vec<interviewers::ActiveModel>,
    kits: Vec<interview_kits::ActiveModel>,
    interview_scores: Vec<interview_scores::ActiveModel>,
    submissions: Vec<interview_submissions::ActiveModel>,
    surveys: Vec<survey_responses::ActiveModel>,
    scoring_time: Vec<scoring_time::ActiveModel>,
    interview_time: Vec<interview_time::ActiveModel>,
}

impl Rows {
    fn len(&self) -> usize {
        self.events.len() + self.scores.len() + self.answers.len() + self.interview_scores.len()
    }

    fn vacancy(&mut self, vacancy: &PlannedVacancy, arm: Option<Arm>, recruiter: Uuid) {
        self.vacancies.push(vacancies::ActiveModel {
            id: Set(vacancy.id),
            organisation_id: Set(vacancy.organisation),
            title: Set(vacancy.title.clone()),
            salary_scale: Set(Some(i16::from(vacancy.scale))),
            hours_per_week: Set(Some(36)),
            location: Set("Den Haag".to_owned()),
            language: Set(Language::Nl.tag().to_owned()),
            text: Set("Een vacature van de gegenereerde demopilot.".to_owned()),
            requirements: Set("[]".to_owned()),
            allowances: Set("[]".to_owned()),
            status: Set(VacancyStatus::Closed.as_str().to_owned()),
            arm: Set(arm.map(|a| a.as_str().to_owned())),
            version: Set(2),
            created_by: Set(recruiter),
            created_at: Set(vacancy.published),
            updated_at: Set(vacancy.published),
            published_at: Set(Some(vacancy.published)),
            questions: Set(serde_json::to_string(&vacancy.questions).unwrap_or_default()),
            closing_date: Set(Some(vacancy.closing)),
            time_zone: Set(DEFAULT_TIME_ZONE.name().to_owned()),
            closes_at: Set(deadline(vacancy.closing, DEFAULT_TIME_ZONE)),
        });
    }

    fn assignment(&mut self, pilot: &pilots::Model, vacancy: &PlannedVacancy, arm: Arm, admin: Uuid) {
        let stratum = vacancy.stratum;
        self.assignments.push(arm_assignments::ActiveModel {
            id: Set(Uuid::new_v4()),
            pilot_id: Set(pilot.id),
            vacancy_id: Set(vacancy.id),
            arm: Set(arm.as_str().to_owned()),
            method: Set("random".to_owned()),
            stratum: Set(format!("{}/{}", stratum.organisation, stratum.band.as_str())),
            seed: Set(Some(pilot.seed)),
            reason: Set(None),
            assigned_by: Set(admin),
            assigned_at: Set(vacancy.published),
        });
    }

    /// A draft's start and every page up to `furthest`, over `minutes` from `started`.
    fn draft(&mut self, context: &Context, draft: Uuid, (started, minutes): (DateTime<Utc>, i64), furthest: Step) {
        let subject = subject_of(context.keys, draft);
        let mut event = |kind: &str, step: Step, at: DateTime<Utc>| {
            self.events.push(application_events::ActiveModel {
                id: Set(Uuid::new_v4()),
                vacancy_id: Set(context.vacancy.id),
                subject: Set(subject.clone()),
                kind: Set(kind.to_owned()),
                step: Set(Some(step.as_str().to_owned())),
                at: Set(at),
            });
        };
        event("started", Step::Privacy, started);
        for (i, step) in Step::ALL.into_iter().enumerate().skip(1).filter(|(_, s)| *s <= furthest) {
            event("step_reached", step, started + chrono::Duration::minutes(minutes * i as i64 / 6));
        }
    }

    fn survey(
        &mut self,
        context: &Context,
        (respondent, moment): (String, SurveyMoment),
        answers: SurveyAnswers,
        at: DateTime<Utc>,
    ) {
        self.surveys.push(survey_responses::ActiveModel {
            respondent: Set(respondent),
            moment: Set(moment.as_str().to_owned()),
            vacancy_id: Set(context.vacancy.id),
            fairness: Set(answers.fairness.map(i16::from)),
            clarity: Set(answers.clarity.map(i16::from)),
            effort: Set(answers.effort.map(i16::from)),
            answered_at: Set(at),
        });
    }

    fn event(&mut self, context: &Context, applicant: &Applicant, kind: &str, at: DateTime<Utc>) {
        self.events.push(application_events::ActiveModel {
            id: Set(Uuid::new_v4()),
            vacancy_id: Set(context.vacancy.id),
            subject: Set(subject_of(context.keys, applicant.draft)),
            kind: Set(kind.to_owned()),
            step: Set(None),
            at: Set(at),
        });
    }

    /// Writes everything in foreign-key order, a thousand rows a statement, and empties the batch.
    async fn flush(&mut self, db: &impl ConnectionTrait) -> anyhow::Result<()> {
        let batch = std::mem::take(self);
        insert_all(db, batch.vacancies).await?;
        insert_all(db, batch.assignments).await?;
        insert_all(db, batch.applications).await?;
        insert_all(db, batch.monitoring).await?;
        insert_all(db, batch.events).await?;
        insert_all(db, batch.committee).await?;
        insert_all(db, batch.answers).await?;
        insert_all(db, batch.scores).await?;
        insert_all(db, batch.seals).await?;
        insert_all(db, batch.interviewers).await?;
        insert_all(db, batch.kits).await?;
        insert_all(db, batch.interview_scores).await?;
        insert_all(db, batch.submissions).await?;
        insert_all(db, batch.surveys).await?;
        insert_all(db, batch.scoring_time).await?;
        insert_all(db, batch.interview_time).await?;
        Ok(())
    }
}

async fn insert_all<A>(db: &impl ConnectionTrait, rows: Vec<A>) -> anyhow::Result<()>
where
    A: ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(1000).collect();
        A::Entity::insert_many(chunk).exec_without_returning(db).await?;
    }
    Ok(())
}
