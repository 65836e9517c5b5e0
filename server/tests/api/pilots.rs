//! Pilots and arms: an admin creates a pilot and assigns its vacancies at random within strata (or
//! one by hand, with a reason); every assignment is logged; evaluators read only their own pilots.

use std::collections::HashMap;

use api::pilot::{ArmAssignment, AssignmentDone, AssignmentMethod, Pilot, PilotSummary};
use api::problem::ErrorCode;
use api::vacancy::{Arm, Vacancy};
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{TestApp, field_codes, in_days, open_question, problem, spawn_app};
use crate::scoring::login;

const ORGANISATION: &str = "Ministerie van Pilotzaken";

/// A published vacancy of [`ORGANISATION`] at `scale`; the recruiter `werver` is logged in.
async fn published(app: &TestApp, title: &str, scale: u8) -> Vacancy {
    let input = json!({
        "title": title, "location": "Utrecht", "language": "nl", "salary_scale": scale,
        "text": "Wij zoeken een collega die helder schrijft.",
        "questions": [open_question()], "closing_date": in_days(10),
    });
    let created: Vacancy = app.post("/api/vacancies", &input).await.json().await.expect("created");
    let response =
        app.post(&format!("/api/vacancies/{}/publish", created.id), &json!({ "version": created.version })).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("published")
}

async fn user_id(app: &TestApp, username: &str) -> Uuid {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    server::entities::users::Entity::find()
        .filter(server::entities::users::Column::Username.eq(username))
        .one(&app.state.db)
        .await
        .expect("users")
        .expect("user")
        .id
}

#[tokio::test]
async fn a_pilot_assigns_its_vacancies_at_random_within_strata_and_logs_every_assignment() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("werver", ORGANISATION).await;
    let mut vacancies = Vec::new();
    for (n, scale) in [10, 10, 10, 10, 12, 12, 12].into_iter().enumerate() {
        vacancies.push(published(&app, &format!("Adviseur {n} (m/v/x)"), scale).await);
    }
    let organisation = app.organisation(ORGANISATION).await;
    app.create_user("eval1", api::Role::Evaluator).await;
    app.create_user("eval2", api::Role::Evaluator).await;
    let evaluator = user_id(&app, "eval1").await;
    app.login_as_new("beheer", api::Role::Admin).await;

    // Every field is checked, and named.
    let bad = json!({
        "name": " ", "starts_on": in_days(10), "ends_on": in_days(-10), "k": 3,
        "organisations": [], "evaluators": [user_id(&app, "werver").await],
    });
    let refused = app.post("/api/pilots", &bad).await;
    assert_eq!(
        field_codes(&problem(refused).await),
        [
            ("name", ErrorCode::PilotNameInvalid),
            ("ends_on", ErrorCode::PilotPeriodInvalid),
            ("k", ErrorCode::PilotThresholdInvalid),
            ("organisations", ErrorCode::PilotOrganisationsInvalid),
            ("evaluators", ErrorCode::PilotEvaluatorsInvalid),
        ]
    );
    let input = json!({
        "name": "Breed werven, tweede ronde", "starts_on": in_days(-1), "ends_on": in_days(30),
        "organisations": [organisation], "evaluators": [evaluator],
    });
    let response = app.post("/api/pilots", &input).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let pilot: Pilot = response.json().await.expect("pilot");
    assert_eq!((pilot.k, pilot.vacancies.len(), pilot.evaluators.len()), (5, 7, 1));
    assert!(pilot.vacancies.iter().all(|v| v.arm.is_none()));

    // At random within strata: the four at scale 10 two and two, the three at scale 12 two and one.
    let done: AssignmentDone =
        app.post(&format!("/api/pilots/{}/assignment", pilot.id), &json!({})).await.json().await.expect("done");
    assert_eq!(done.assigned, 7);
    let assigned: Pilot = app.get(&format!("/api/pilots/{}", pilot.id)).await.json().await.expect("pilot");
    for (band, size) in [(api::pilot::ScaleBand::From8To10, 4), (api::pilot::ScaleBand::From11To13, 3)] {
        let arms: Vec<Arm> = assigned.vacancies.iter().filter(|v| v.band == band).filter_map(|v| v.arm).collect();
        assert_eq!(arms.len(), size);
        let pilots = arms.iter().filter(|a| **a == Arm::Pilot).count();
        assert!(pilots.abs_diff(size - pilots) <= 1, "{band:?}: {pilots} of {size}");
    }
    let again: AssignmentDone =
        app.post(&format!("/api/pilots/{}/assignment", pilot.id), &json!({})).await.json().await.expect("done");
    assert_eq!(again.assigned, 0, "an assigned vacancy keeps its arm");

    // By hand only with a reason; the log keeps both kinds, with the seed of the random round.
    let first = &assigned.vacancies[0];
    let other = if first.arm == Some(Arm::Pilot) { Arm::Control } else { Arm::Pilot };
    let path = format!("/api/pilots/{}/vacancies/{}/arm", pilot.id, first.id);
    let bare = app.put(&path, &json!({ "arm": other, "reason": "" })).await;
    assert_eq!(field_codes(&problem(bare).await), [("reason", ErrorCode::AssignmentReasonRequired)]);
    let reason = "Deze afdeling werkte al met een gestructureerd interview.";
    let changed: Pilot = app.put(&path, &json!({ "arm": other, "reason": reason })).await.json().await.expect("pilot");
    assert_eq!(changed.vacancies.iter().find(|v| v.id == first.id).and_then(|v| v.arm), Some(other));
    let log: Vec<ArmAssignment> =
        app.get(&format!("/api/pilots/{}/assignments", pilot.id)).await.json().await.expect("log");
    assert_eq!(log.len(), 8);
    assert_eq!((log[0].method, log[0].reason.as_deref()), (AssignmentMethod::Manual, Some(reason)));
    let random: Vec<&ArmAssignment> = log.iter().filter(|l| l.method == AssignmentMethod::Random).collect();
    assert!(random.iter().all(|l| l.seed.is_some() && l.stratum.starts_with(&organisation.to_string())));

    // The recruiter sees the vacancy's arm.
    login(&app, "werver").await;
    let vacancy: Vacancy = app.get(&format!("/api/vacancies/{}", first.id)).await.json().await.expect("vacancy");
    assert_eq!(vacancy.arm, Some(other));
    assert_eq!(app.get("/api/pilots").await.status(), StatusCode::FORBIDDEN);

    // Its evaluator reads it; another evaluator finds nothing.
    login(&app, "eval1").await;
    let mine: Vec<PilotSummary> = app.get("/api/pilots").await.json().await.expect("pilots");
    assert_eq!(mine.len(), 1);
    assert_eq!(app.get(&format!("/api/pilots/{}", pilot.id)).await.status(), StatusCode::OK);
    assert_eq!(
        app.post(&format!("/api/pilots/{}/assignment", pilot.id), &json!({})).await.status(),
        StatusCode::FORBIDDEN
    );
    login(&app, "eval2").await;
    let none: Vec<PilotSummary> = app.get("/api/pilots").await.json().await.expect("pilots");
    assert!(none.is_empty());
    assert_eq!(app.get(&format!("/api/pilots/{}", pilot.id)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/pilots/{}/assignments", pilot.id)).await.status(), StatusCode::NOT_FOUND);
}

/// Stage events and monitoring answers of `n` made-up applicants to `vacancy`, straight into the
/// database: `born` in the Netherlands or not, the first `passed` of them shortlisted. Returns their
/// pseudonyms.
async fn applicants(app: &TestApp, vacancy: Uuid, n: usize, born: Option<bool>, passed: usize) -> Vec<String> {
    use sea_orm::{ActiveModelTrait, Set};
    use server::entities::{application_events, monitoring_responses};
    let mut subjects = Vec::new();
    for i in 0..n {
        let subject = format!("{:064x}", rand::random::<u128>());
        let kinds: &[&str] = if i < passed { &["submitted", "shortlisted"] } else { &["submitted"] };
        for kind in kinds {
            application_events::ActiveModel {
                id: Set(Uuid::new_v4()),
                vacancy_id: Set(vacancy),
                subject: Set(subject.clone()),
                kind: Set((*kind).to_owned()),
                step: Set(None),
                at: Set(chrono::Utc::now()),
            }
            .insert(&app.state.db)
            .await
            .expect("event");
        }
        if let Some(born) = born {
            monitoring_responses::ActiveModel {
                pseudonym: Set(subject.clone()),
                vacancy_id: Set(vacancy),
                answers: Set("{}".to_owned()),
                origin_group: Set(None),
                continent: Set(Some(if born { "netherlands" } else { "asia" }.to_owned())),
                born_in_netherlands: Set(Some(born)),
                recorded_at: Set(chrono::Utc::now()),
            }
            .insert(&app.state.db)
            .await
            .expect("monitoring");
        }
        subjects.push(subject);
    }
    // Written past the server, as applying through it would have: it counts again at once.
    app.state.evaluation.changed();
    subjects
}

/// A pilot (`eval1` its evaluator, `eval2` another) with one vacancy in each arm, set by hand, and
/// the Uniform Guidelines' example in the pilot arm: 48 of 80 born here pass the sift against 12 of
/// 40 born abroad. In the control arm ten born here and two born abroad applied (fewer than k).
/// Returns the app, the pilot, both vacancies and every applicant's pseudonym.
pub(crate) async fn two_arm_pilot(name: &str) -> (TestApp, Pilot, (Vacancy, Vacancy), Vec<String>) {
    let app = spawn_app().await;
    app.login_as_recruiter_of("werver", ORGANISATION).await;
    let (pilot_vacancy, control_vacancy) =
        (published(&app, "Adviseur A", 10).await, published(&app, "Adviseur B", 10).await);
    let organisation = app.organisation(ORGANISATION).await;
    app.create_user("eval1", api::Role::Evaluator).await;
    app.create_user("eval2", api::Role::Evaluator).await;
    let evaluator = user_id(&app, "eval1").await;
    app.login_as_new("beheer", api::Role::Admin).await;
    let input = json!({
        "name": name, "starts_on": in_days(-1), "ends_on": in_days(30),
        "organisations": [organisation], "evaluators": [evaluator],
    });
    let pilot: Pilot = app.post("/api/pilots", &input).await.json().await.expect("pilot");
    for (vacancy, arm) in [(&pilot_vacancy, "pilot"), (&control_vacancy, "control")] {
        let path = format!("/api/pilots/{}/vacancies/{}/arm", pilot.id, vacancy.id);
        let reason = "Vastgelegd voor deze test van de evaluatie.";
        assert_eq!(app.put(&path, &json!({ "arm": arm, "reason": reason })).await.status(), StatusCode::OK);
    }
    let mut subjects = applicants(&app, pilot_vacancy.id, 80, Some(true), 48).await;
    subjects.extend(applicants(&app, pilot_vacancy.id, 40, Some(false), 12).await);
    subjects.extend(applicants(&app, control_vacancy.id, 10, Some(true), 0).await);
    subjects.extend(applicants(&app, control_vacancy.id, 2, Some(false), 0).await);
    (app, pilot, (pilot_vacancy, control_vacancy), subjects)
}

#[tokio::test]
async fn the_funnel_gives_rates_and_adverse_impact_per_arm_and_hides_small_cells() {
    use api::evaluation::{DifferenceInDifferences, Funnel, Stage};
    let (app, pilot, (_, control_vacancy), subjects) = two_arm_pilot("Pilot met trechter").await;
    login(&app, "eval1").await;
    let response = app.get(&format!("/api/pilots/{}/funnel?variable=born_in_netherlands", pilot.id)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.expect("body");
    for subject in &subjects {
        assert!(!body.contains(subject.as_str()), "no pseudonym leaves the server");
    }
    let funnel: Funnel = serde_json::from_str(&body).expect("funnel");
    assert_eq!(funnel.k, 5);
    let pilot_arm = &funnel.arms[0];
    assert_eq!(pilot_arm.groups, ["abroad", "netherlands"]);
    let sift = pilot_arm.stages.iter().find(|s| s.stage == Stage::PassedSift).expect("sift");
    let (abroad, dutch) = (&sift.cells[0], &sift.cells[1]);
    assert_eq!((abroad.count, abroad.rate, abroad.impact_ratio), (Some(12), Some(0.3), Some(0.5)));
    assert!(abroad.adverse_impact && !dutch.adverse_impact);
    // The two people born abroad in the control arm are hidden, with the ten as their partner.
    let control_applied = &funnel.arms[1].stages[0];
    assert_eq!(control_applied.total, Some(12));
    assert!(control_applied.cells.iter().all(|c| c.count.is_none()));

    // Too few in the control arm for a difference in differences; then enough.
    let did_path = format!("/api/pilots/{}/did?variable=born_in_netherlands&stage=passed_sift", pilot.id);
    let early: DifferenceInDifferences = app.get(&did_path).await.json().await.expect("did");
    assert_eq!((early.reference.as_str(), early.rows.len()), ("netherlands", 1));
    assert!(early.rows[0].not_enough_data && early.rows[0].estimate.is_none());
    applicants(&app, control_vacancy.id, 20, Some(false), 5).await;
    applicants(&app, control_vacancy.id, 20, Some(true), 10).await;
    let did: DifferenceInDifferences = app.get(&did_path).await.json().await.expect("did");
    // Pilot: 12/40 − 48/80 = −0.3. Control: 5/22 − 10/30. The pilot widened the gap.
    let expected = (0.3 - 0.6) - (5.0 / 22.0 - 10.0 / 30.0);
    let abroad = &did.rows[0];
    assert!((abroad.estimate.expect("estimate") - expected).abs() < 1e-12);
    assert_eq!(abroad.interval, None, "one vacancy per arm: no spread between vacancies to resample");

    // Another evaluator finds no such pilot; a recruiter may not ask.
    login(&app, "eval2").await;
    assert_eq!(app.get(&format!("/api/pilots/{}/funnel", pilot.id)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&did_path).await.status(), StatusCode::NOT_FOUND);
    login(&app, "werver").await;
    assert_eq!(app.get(&format!("/api/pilots/{}/funnel", pilot.id)).await.status(), StatusCode::FORBIDDEN);
}

/// The rows of a CSV file, header first.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes);
    reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect()).collect()
}

#[tokio::test]
async fn the_bundle_holds_the_dashboards_figures_and_no_one_who_stands_out() {
    use std::io::Read;
    let (app, pilot, (pilot_vacancy, control_vacancy), subjects) = two_arm_pilot("Pilot met bundel").await;
    login(&app, "eval1").await;
    let funnel_path = format!("/api/pilots/{}/funnel.csv?variable=born_in_netherlands", pilot.id);
    let response = app.get(&funnel_path).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().expect("type").starts_with("text/csv"));
    assert!(
        response.headers()["content-disposition"].to_str().expect("name").contains("funnel-born_in_netherlands.csv")
    );
    let funnel_csv = response.bytes().await.expect("csv").to_vec();
    let rows = csv_rows(&funnel_csv);
    assert_eq!(rows[0][..5], ["variable", "arm", "stage", "group", "count"]);
    let find = |arm: &str, stage: &str, group: &str| {
        rows.iter().find(|r| r[1] == arm && r[2] == stage && r[3] == group).expect("row").clone()
    };
    // The Uniform Guidelines' example, as on the dashboard: 12 of 40 against 48 of 80.
    let abroad = find("pilot", "passed_sift", "abroad");
    assert_eq!(
        (abroad[4].as_str(), abroad[5].as_str(), abroad[8].as_str(), abroad[9].as_str()),
        ("12", "0.3", "0.5", "true")
    );
    // The two born abroad in the control arm are hidden, and so is their partner; the total shows.
    assert_eq!(find("control", "applied", "abroad")[4], "");
    assert_eq!(find("control", "applied", "netherlands")[4], "");
    assert_eq!(find("control", "applied", "everyone")[4], "12");

    let response = app.get(&format!("/api/pilots/{}/bundle.zip", pilot.id)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let bytes = response.bytes().await.expect("zip").to_vec();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut file = |name: &str| {
        let mut body = Vec::new();
        archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the bundle")).read_to_end(&mut body).expect("read");
        body
    };
    assert_eq!(file("funnel/born_in_netherlands.csv"), funnel_csv, "the bundle reproduces the table");
    let fidelity = String::from_utf8(file("fidelity.csv")).expect("text");
    assert_eq!(fidelity.lines().count(), 1 + 2, "both vacancies");
    let composition = String::from_utf8(file("composition/gender.csv")).expect("text");
    assert!(composition.starts_with("variable,pool,group,count,share,"), "{composition}");
    let codebook = String::from_utf8(file("codebook.md")).expect("text");
    assert!(codebook.contains("Pilot met bundel") && codebook.contains("k = 5"));
    let did = csv_rows(&file("did/born_in_netherlands-passed_sift.csv"));
    assert_eq!(did[1][3], "abroad");
    let assignments = csv_rows(&file("assignments.csv"));
    assert_eq!(assignments.len(), 3);
    assert!(
        assignments.iter().skip(1).all(|r| r[3] == "manual" && r[6] == "Vastgelegd voor deze test van de evaluatie.")
    );
    let headed = [
        ("funnel/gender.csv", "variable"),
        ("did/education-hired.csv", "variable"),
        ("reliability/sift.csv", "vacancy_id"),
        ("reliability/interview-leniency.csv", "vacancy_id"),
        ("reliability/interview-summary.csv", "questions"),
    ];
    for (name, first_column) in headed {
        assert_eq!(csv_rows(&file(name))[0][0], first_column, "{name}");
    }

    // The event log: one row per event, under new pseudonyms, with backgrounds only where k share them.
    let events = String::from_utf8(file("events.csv")).expect("text");
    for subject in &subjects {
        assert!(!events.contains(subject.as_str()), "no platform pseudonym leaves the server");
    }
    let events = csv_rows(events.as_bytes());
    assert_eq!(events[0][..7], ["person", "vacancy_id", "arm", "event", "step", "month", "born_in_netherlands"]);
    assert_eq!(events.len() - 1, 132 + 48 + 12, "every submission and every shortlisting");
    let control = |born: &str| events.iter().filter(|r| r[1] == control_vacancy.id.to_string() && r[6] == born).count();
    assert_eq!((control("netherlands"), control("abroad"), control("")), (10, 0, 2));
    assert_eq!(events.iter().filter(|r| r[1] == pilot_vacancy.id.to_string() && r[6] == "abroad").count(), 52);

    login(&app, "eval2").await;
    assert_eq!(app.get(&format!("/api/pilots/{}/bundle.zip", pilot.id)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&funnel_path).await.status(), StatusCode::NOT_FOUND);
    login(&app, "werver").await;
    assert_eq!(app.get(&format!("/api/pilots/{}/bundle.zip", pilot.id)).await.status(), StatusCode::FORBIDDEN);
}

/// The demo with a generated pilot of 40 vacancies and 4,000 applications; the demo evaluator is
/// logged in. Returns the app and the demo pilot.
async fn generated_demo() -> (TestApp, Uuid) {
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel};
    use server::demo_pilot::{Size, seed};
    use server::entities::pilots;
    let app = spawn_app().await;
    server::demo::seed(&app.state.db, &app.state.audit, &app.state.keys).await.expect("the demo");
    // The demo draws its pilot's seed, and so the arms; fixed here, so every run sees the same pilot.
    let demo = pilots::Entity::find().one(&app.state.db).await.expect("query").expect("the demo pilot");
    let mut fixed = demo.into_active_model();
    fixed.seed = sea_orm::Set(20_240_930);
    fixed.update(&app.state.db).await.expect("seed fixed");
    let size = Size { vacancies: 40, applications: 4000 };
    let written = seed(&app.state.db, &app.state.keys, size, 7).await.expect("generated");
    assert_eq!((written.vacancies, written.applicants), (40 + 10, 4000 + 1000), "and a quarter before the pilot");
    assert!(written.scores > 4000 * 3, "every answer in the pilot arm scored by three members");
    assert_eq!(app.login("evaluator", server::accounts::DEMO_PASSWORD).await.status(), StatusCode::OK);
    let pilots: Vec<PilotSummary> = app.get("/api/pilots").await.json().await.expect("pilots");
    let pilot = pilots.iter().find(|p| p.name == server::demo::DEMO_PILOT).expect("the demo pilot").id;
    (app, pilot)
}

/// `seed-demo --vacancies … --applications …`: a pilot with both arms whose dashboard shows what
/// the generator put in: every applicant counted once, scorers who agree as far as their noise
/// allows, and a CV sift in the control arm that passes people born abroad less often.
#[tokio::test]
async fn the_generated_demo_pilot_gives_the_dashboard_something_to_show() {
    use api::evaluation::{
        Composition, DifferenceInDifferences, Effort, Experience, Fidelity, Funnel, Reliability, Stage, Statement,
        SurveyMoment,
    };
    let (app, pilot) = generated_demo().await;

    let funnel: Funnel = app.get(&format!("/api/pilots/{pilot}/funnel")).await.json().await.expect("funnel");
    let applied: u64 = funnel.arms.iter().map(|arm| arm.stages[0].total.expect("shown")).sum();
    assert_eq!(applied, 4000, "the pilot's applicants only");

    // Who applied: the arms as the funnel counts them, and the thousand of the period before.
    let path = format!("/api/pilots/{pilot}/composition?variable=born_in_netherlands");
    let composition: Composition = app.get(&path).await.json().await.expect("composition");
    let totals: Vec<Option<u64>> = composition.pools.iter().map(|p| p.total).collect();
    assert_eq!(totals, [funnel.arms[0].stages[0].total, funnel.arms[1].stages[0].total, Some(1000)]);
    assert_eq!(
        (composition.earlier_from.to_string(), composition.earlier_to.to_string()),
        ("2021-04-02".to_owned(), "2022-12-31".to_owned())
    );
    for pool in &composition.pools {
        let shares: f64 = pool.cells.iter().filter_map(|c| c.share).sum();
        assert!((shares - 1.0).abs() < 1e-9, "{pool:?}: every group shown, the shares add up");
    }
    let csv = app.get(&format!("/api/pilots/{pilot}/composition.csv?variable=born_in_netherlands")).await;
    assert_eq!(csv.status(), StatusCode::OK);

    // Fidelity: the pilot arm's committees sealed every score; the control arm's CV sift has none.
    let fidelity: Fidelity =
        app.get(&format!("/api/pilots/{pilot}/fidelity?per_page=100")).await.json().await.expect("fidelity");
    assert_eq!((fidelity.total, fidelity.vacancies.len()), (40, 40), "the pilot's vacancies, not the earlier ones");
    for vacancy in &fidelity.vacancies {
        match vacancy.arm {
            Some(Arm::Pilot) => assert_eq!((vacancy.independent_scorers, vacancy.sealed_share), (3, Some(1.0))),
            _ => assert_eq!((vacancy.independent_scorers, vacancy.sealed_share), (0, None)),
        }
    }
    let csv = app.get(&format!("/api/pilots/{pilot}/fidelity.csv")).await.text().await.expect("csv");
    assert_eq!(csv.lines().count(), 1 + 40);

    // Effort: everyone who applied started first; a fifth of the starters stopped on a page; the
    // generator hires 60 days after the closing date.
    let effort: Effort = app.get(&format!("/api/pilots/{pilot}/effort")).await.json().await.expect("effort");
    for arm in &effort.arms {
        let (started, submitted) = (arm.started.expect("shown"), arm.submitted.expect("shown"));
        assert!(submitted < started && started <= submitted + submitted / 4 + 40, "{arm:?}");
        let reached: Vec<u64> = arm.pages.iter().map(|p| p.reached.expect("shown")).collect();
        assert!(reached.windows(2).all(|w| w[0] >= w[1]) && reached[0] == started, "{reached:?}");
        assert!((15.0..120.0).contains(&arm.median_minutes_to_submit.expect("a median")));
        assert!((58.0..=61.0).contains(&arm.median_days_to_hire.expect("a median")), "{arm:?}");
    }
    assert!(funnel.arms.iter().all(|arm| arm.stages.iter().all(|s| s.total.is_some_and(|n| n > 0))));

    // Experience: two in five applicants answered after submitting, the pilot arm fairer; every
    // committee member of the pilot arm timed at one to three minutes an answer.
    let experience: Experience =
        app.get(&format!("/api/pilots/{pilot}/experience")).await.json().await.expect("experience");
    let line = |arm: Arm, moment: SurveyMoment, statement: Statement| {
        experience
            .statements
            .iter()
            .find(|s| s.arm == arm && s.moment == moment && s.statement == statement)
            .expect("every line")
    };
    let fairness = |arm| line(arm, SurveyMoment::AfterApplying, Statement::Fairness);
    let answered = fairness(Arm::Pilot).answered.expect("shown") + fairness(Arm::Control).answered.expect("shown");
    assert!((1400..2200).contains(&answered), "about 1,600 of 4,000: {answered}");
    // The share agreeing (a few who answered 1 may hide the mean: it would split them).
    assert!(fairness(Arm::Pilot).agree.expect("a share") > fairness(Arm::Control).agree.expect("a share"));
    let committee = line(Arm::Pilot, SurveyMoment::Committee, Statement::Clarity);
    assert!(committee.answered.is_some_and(|n| n >= 20), "{committee:?}");
    // A mean beside a hidden count would split it from the others: none is given.
    for statement in &experience.statements {
        assert!(statement.mean.is_none() || statement.points.iter().all(Option::is_some), "{statement:?}");
    }
    assert_eq!(line(Arm::Control, SurveyMoment::Committee, Statement::Clarity).answered, Some(0), "no committee");
    let pilot_vacancies = fidelity.vacancies.iter().filter(|v| v.arm == Some(Arm::Pilot)).count() as u64;
    let scoring = &experience.scoring[0];
    assert_eq!(scoring.seats, Some(pilot_vacancies * 3));
    assert!((1.0..3.0).contains(&scoring.median_minutes_per_item.expect("a median")), "{scoring:?}");
    assert_eq!(experience.scoring[1].seats, Some(0));
    // Two interviewers a vacancy, 20 to 40 minutes a scorecard.
    let interviewing = &experience.interviewing[0];
    assert_eq!(interviewing.seats, Some(pilot_vacancies * 2));
    assert!((20.0..40.0).contains(&interviewing.median_minutes_per_item.expect("a median")), "{interviewing:?}");
    let csv = app.get(&format!("/api/pilots/{pilot}/experience.csv")).await.text().await.expect("csv");
    assert_eq!(csv.lines().count(), 1 + 2 * 3 * 3 * 10 + 2 * 2 * 3, "ten measures a statement, three a screen");

    let reliability: Reliability =
        app.get(&format!("/api/pilots/{pilot}/reliability?source=sift")).await.json().await.expect("reliability");
    assert!(reliability.summary.questions >= 20, "{:?}", reliability.summary);
    // Scores are the suitability plus noise: the members agree, but far from perfectly.
    let single = reliability.summary.median_icc_single.expect("a median");
    assert!((0.2..0.9).contains(&single), "{single}");
    assert!(reliability.summary.median_icc_average.expect("a median") > single);
    let interview: Reliability =
        app.get(&format!("/api/pilots/{pilot}/reliability?source=interview")).await.json().await.expect("reliability");
    assert!(interview.summary.questions > 0);

    let path = format!("/api/pilots/{pilot}/did?variable=born_in_netherlands&stage=passed_sift&reference=netherlands");
    let did: DifferenceInDifferences = app.get(&path).await.json().await.expect("did");
    let abroad = did.rows.iter().find(|r| r.group == "abroad").expect("born abroad");
    // The control arm's CV sift marks them down; the pilot's scores do not: the gap narrows.
    assert!(abroad.control_gap.expect("a gap") < 0.0, "{abroad:?}");
    assert!(abroad.estimate.expect("an estimate") > 0.0, "{abroad:?}");
    assert!(did.stage == Stage::PassedSift && abroad.interval.is_some());
}

/// A view of the dashboard as a query: organisation, quarter and band, each open (`None`) or set.
type ViewOf = [Option<String>; 3];

/// Every view of the generated pilot: each filter open or set to one of its values, combined.
fn views_of(details: &Pilot) -> ([Vec<Option<String>>; 3], Vec<ViewOf>) {
    use chrono::Datelike;
    use domain::evaluation::Quarter;
    let mut quarters = vec![Quarter::of(details.starts_on.year(), details.starts_on.month())];
    while *quarters.last().expect("one") < Quarter::of(details.ends_on.year(), details.ends_on.month()) {
        quarters.push(quarters.last().expect("one").next());
    }
    let mut bands: Vec<_> = details.vacancies.iter().map(|v| v.band).collect();
    bands.sort();
    bands.dedup();
    let filters: [Vec<Option<String>>; 3] = [
        details.organisations.iter().map(|o| format!("organisation={}", o.id)).collect(),
        quarters.iter().map(|q| format!("quarter={q}")).collect(),
        bands.iter().map(|b| format!("band={}", b.as_str())).collect(),
    ]
    .map(|values: Vec<String>| [None].into_iter().chain(values.into_iter().map(Some)).collect());
    assert!(filters[0].len() >= 3 && filters[1].len() >= 7 && filters[2].len() >= 3, "{filters:?}");
    let mut views = Vec::new();
    for organisation in &filters[0] {
        for quarter in &filters[1] {
            for band in &filters[2] {
                views.push([organisation.clone(), quarter.clone(), band.clone()]);
            }
        }
    }
    (filters, views)
}

/// Asks `path` (with its query so far) in every view.
async fn in_every_view<T: serde::de::DeserializeOwned>(
    app: &TestApp,
    path: &str,
    views: &[ViewOf],
) -> HashMap<ViewOf, T> {
    let mut answers = HashMap::new();
    for view in views {
        let query: Vec<&str> = view.iter().flatten().map(String::as_str).collect();
        let url = format!("{path}&{}", query.join("&"));
        let response = app.get(&url).await;
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        answers.insert(view.clone(), response.json().await.expect("json"));
    }
    answers
}

/// Checks counts that add up across views (each view's counts in the same columns): wherever a
/// filter `f` of `filters` is open in a view, the views with it set to each value add up to it,
/// column by column. In no such line may exactly one count be hidden, nor, beside a shown sum,
/// hidden counts of fewer than k together; every shown count is none or k or more. Returns how many
/// counts were hidden.
fn assert_no_view_gives_back(
    filters: &[Vec<Option<String>>; 3],
    counts: &HashMap<ViewOf, Vec<Option<u64>>>,
    opened: &[usize],
) -> usize {
    let mut hidden = 0;
    for (view, shown) in counts {
        assert!(shown.iter().flatten().all(|&n| n == 0 || n >= 5), "{view:?}: {shown:?}");
        hidden += shown.iter().filter(|c| c.is_none()).count();
        for &f in opened.iter().filter(|&&f| view[f].is_none()) {
            let beside: Vec<&Vec<Option<u64>>> = filters[f][1..]
                .iter()
                .map(|value| {
                    let mut other = view.clone();
                    other[f] = value.clone();
                    &counts[&other]
                })
                .collect();
            for column in 0..shown.len() {
                let parts: Vec<Option<u64>> = beside.iter().map(|b| b[column]).collect();
                let line = format!("{view:?} by filter {f}, column {column}: {parts:?} of {:?}", shown[column]);
                assert_ne!(parts.iter().chain([&shown[column]]).filter(|c| c.is_none()).count(), 1, "{line}");
                if let Some(whole) = shown[column] {
                    let known: u64 = parts.iter().flatten().sum();
                    let hidden_together = whole - known;
                    assert!(hidden_together == 0 || hidden_together >= 5, "{line} gives {hidden_together} back");
                }
            }
        }
    }
    hidden
}

/// The dashboard filtered by organisation, quarter, salary band, or any combination of them: every
/// view's tables are suppressed together with the others, so no hidden count comes back as the
/// difference between a view and the views beside it (the same, with one filter set otherwise), or
/// between a view's total and its cells. Crawls every combination, for every panel that counts.
#[tokio::test]
async fn filtered_views_give_no_hidden_count_back_by_difference() {
    use api::evaluation::{Composition, Effort, Experience, Funnel, Reliability};
    let (app, pilot) = generated_demo().await;
    let details: Pilot = app.get(&format!("/api/pilots/{pilot}")).await.json().await.expect("pilot");
    let (filters, views) = views_of(&details);
    let every_filter = [0, 1, 2];

    // The funnel by continent (groups small enough to be hidden in some views): per arm, stage and
    // group (as the whole pilot has them), and the total.
    let funnels: HashMap<ViewOf, Funnel> =
        in_every_view(&app, &format!("/api/pilots/{pilot}/funnel?variable=continent"), &views).await;
    let whole = &funnels[&[None, None, None]];
    let mut counts = HashMap::new();
    for (view, funnel) in &funnels {
        let mut shown = Vec::new();
        for (arm, overall) in funnel.arms.iter().zip(&whole.arms) {
            for stage in &arm.stages {
                // A row: the view's cells and its total.
                let hidden =
                    stage.cells.iter().filter(|c| c.count.is_none()).count() + usize::from(stage.total.is_none());
                assert_ne!(hidden, 1, "{view:?}: {stage:?}");
                if let Some(total) = stage.total {
                    let known: u64 = stage.cells.iter().flat_map(|c| c.count).sum();
                    assert!(total == known || total - known >= 5, "{view:?}: {stage:?}");
                }
                for group in &overall.groups {
                    let at = arm.groups.iter().position(|g| g == group);
                    shown.push(at.map_or(Some(0), |i| stage.cells[i].count));
                }
                shown.push(stage.total);
            }
        }
        counts.insert(view.clone(), shown);
    }
    let hidden = assert_no_view_gives_back(&filters, &counts, &every_filter);
    assert!(hidden > 0, "the generated pilot has small groups in some views");
    assert!(whole.arms.iter().all(|arm| arm.stages[0].total > Some(100)), "the whole pilot stays in view");

    // Who applied in the period before the pilot: it has quarters of its own, so it follows the
    // organisation and the band.
    let compositions: HashMap<ViewOf, Composition> =
        in_every_view(&app, &format!("/api/pilots/{pilot}/composition?variable=continent"), &views).await;
    let groups = &compositions[&[None, None, None]].groups;
    let earlier: HashMap<ViewOf, Vec<Option<u64>>> = compositions
        .iter()
        .map(|(view, c)| {
            let column = c.pools.iter().find(|p| p.pool == domain::evaluation::Pool::Earlier).expect("earlier");
            let cells =
                groups.iter().map(|g| c.groups.iter().position(|x| x == g).map_or(Some(0), |i| column.cells[i].count));
            (view.clone(), cells.chain([column.total]).collect())
        })
        .collect();
    assert_no_view_gives_back(&filters, &earlier, &[0, 2]);
    for (view, composition) in &compositions {
        let funnel = &funnels[view];
        for (pool, arm) in composition.pools.iter().zip(&funnel.arms) {
            assert_eq!(pool.total, arm.stages[0].total, "{view:?}: the arms as the funnel counts them");
        }
    }

    // Effort: drafts started, reaching each page, sent; vacancies with a hire.
    let efforts: HashMap<ViewOf, Effort> = in_every_view(&app, &format!("/api/pilots/{pilot}/effort?"), &views).await;
    let effort_counts: HashMap<ViewOf, Vec<Option<u64>>> = efforts
        .iter()
        .map(|(view, e)| {
            let shown = e.arms.iter().flat_map(|arm| {
                [arm.started].into_iter().chain(arm.pages.iter().map(|p| p.reached)).chain([arm.submitted, arm.hires])
            });
            (view.clone(), shown.collect())
        })
        .collect();
    assert_no_view_gives_back(&filters, &effort_counts, &every_filter);

    // Experience: each statement's answers per point and in all; the scorings timed.
    let experiences: HashMap<ViewOf, Experience> =
        in_every_view(&app, &format!("/api/pilots/{pilot}/experience?"), &views).await;
    let experience_counts: HashMap<ViewOf, Vec<Option<u64>>> = experiences
        .iter()
        .map(|(view, e)| {
            let statements = e.statements.iter().flat_map(|s| s.points.iter().copied().chain([s.answered]));
            let seats = e.scoring.iter().chain(&e.interviewing).map(|w| w.seats);
            (view.clone(), statements.chain(seats).collect())
        })
        .collect();
    assert_no_view_gives_back(&filters, &experience_counts, &every_filter);
    for statement in experiences.values().flat_map(|e| &e.statements) {
        assert!(statement.mean.is_none() || statement.points.iter().all(Option::is_some), "{statement:?}");
    }

    // Filters combine: an organisation's reliability in one band shows those vacancies only.
    let scored = details.vacancies.iter().find(|v| v.arm == Some(Arm::Pilot)).expect("a pilot vacancy");
    let organisation = details.organisations.iter().find(|o| o.name == scored.organisation).expect("its organisation");
    let band = scored.band;
    let path = format!(
        "/api/pilots/{pilot}/reliability?source=sift&per_page=50&organisation={}&band={}",
        organisation.id,
        band.as_str()
    );
    let reliability: Reliability = app.get(&path).await.json().await.expect("reliability");
    assert!(!reliability.vacancies.is_empty());
    for vacancy in &reliability.vacancies {
        let known = details.vacancies.iter().find(|v| v.id == vacancy.vacancy_id).expect("a pilot vacancy");
        assert_eq!((&known.organisation, known.band), (&organisation.name, band), "{}", vacancy.title);
    }
}
