//! A load generator for applications, and the raw durable insert rate to compare it with.
//!
//! ```sh
//! # against a running server (e.g. `breedwerf serve --seed-demo`, release build):
//! cargo run --release -p server --example submit_load -- submit http://127.0.0.1:8080 400 16
//! # the same machine's raw rate of durable one-row transactions on a database:
//! cargo run --release -p server --example submit_load -- raw 'sqlite:///tmp/raw.db?mode=rwc' 2000 16
//! # then screen that vacancy: close it in the database, start screening, mask, release:
//! cargo run --release -p server --example submit_load -- screen http://127.0.0.1:8080 'sqlite://data/breedwerf.db'
//! # then 200 committee members score it at once, 100 answers each:
//! cargo run --release -p server --example submit_load -- score http://127.0.0.1:8080 'sqlite://data/breedwerf.db' 200 100
//! ```
//!
//! `submit URL N C` prepares N complete drafts for the first open vacancy (not timed), then submits
//! them with C at a time and prints submissions per second and latency percentiles. `raw URL N C`
//! inserts N rows of the size of an application, each in its own transaction, C at a time. `screen URL DB`
//! times starting the screening of the first open vacancy (knock-outs, numbering, the detector over
//! every answer, all stored) and its release (every answer masked), as the demo recruiter. `score URL DB
//! M K` seats M committee members on the released vacancy (accounts made through the normal code;
//! seats written to the database directly, past the committee's size limit, to get M members at
//! once), logs each in, then has all of them save K scores at the same time, and times every save.
//! `dashboard URL N PID` logs in as the demo evaluator and requests the demo pilot's dashboard (the
//! funnel, the difference in differences, the reliability of the sift and of the interview, who
//! applied, the first page of fidelity, effort and drop-out, experience and workload) N times
//! one after another, then the bundle once, prints the median and slowest time of each, and the
//! peak resident memory of the server process PID (from /proc).
#![allow(clippy::expect_used, clippy::unwrap_used)] // A measuring tool: fail loudly.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use server::config::Secret;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.to_owned());
    let count = || arg(2, "400").parse::<usize>().expect("a number of applications");
    let concurrency = || arg(3, "16").parse::<usize>().expect("a concurrency");
    match arg(0, "submit").as_str() {
        "submit" => submit(&arg(1, "http://127.0.0.1:8080"), count(), concurrency()).await,
        "raw" => raw(&arg(1, "sqlite:///tmp/breedwerf-raw.db?mode=rwc"), count(), concurrency()).await,
        "screen" => screen(&arg(1, "http://127.0.0.1:8080"), &arg(2, "sqlite://data/breedwerf.db")).await,
        "score" => {
            let members = arg(3, "200").parse().expect("a number of members");
            let answers = arg(4, "100").parse().expect("a number of answers per member");
            score(&arg(1, "http://127.0.0.1:8080"), &arg(2, "sqlite://data/breedwerf.db"), members, answers).await
        }
        "dashboard" => {
            let rounds = arg(2, "10").parse().expect("a number of rounds");
            dashboard(&arg(1, "http://127.0.0.1:8080"), rounds, args.get(3).map(String::as_str)).await
        }
        other => panic!("unknown mode {other}: use `submit`, `raw`, `screen`, `score` or `dashboard`"),
    }
}

struct Applicant {
    client: reqwest::Client,
    csrf: String,
    code: String,
}

async fn submit(url: &str, count: usize, concurrency: usize) {
    let open: Value = reqwest::get(format!("{url}/api/public/vacancies")).await.unwrap().json().await.unwrap();
    let vacancy =
        open["items"][0]["id"].as_str().expect("an open vacancy (start the server with --seed-demo)").to_owned();
    let details: Value =
        reqwest::get(format!("{url}/api/public/vacancies/{vacancy}")).await.unwrap().json().await.unwrap();
    let plain = complete_answers(&details["questions"], "");
    let with_cues = complete_answers(&details["questions"], " Ik woon in Tilburg en ben 52 jaar.");
    let run = std::process::id();

    let prepared = Instant::now();
    let mut setup = JoinSet::new();
    let gate = Arc::new(Semaphore::new(concurrency));
    for i in 0..count {
        // One applicant in five gives away where they live and their age.
        let answers = if i % 5 == 0 { with_cues.clone() } else { plain.clone() };
        let (url, vacancy, gate) = (url.to_owned(), vacancy.clone(), gate.clone());
        setup.spawn(async move {
            let _permit = gate.acquire().await.unwrap();
            prepare(&url, &vacancy, answers, &format!("load-{run}-{i}@example.org")).await
        });
    }
    let applicants: Vec<Applicant> = setup.join_all().await;
    println!("prepared {count} drafts in {:.1} s", prepared.elapsed().as_secs_f64());

    let started = Instant::now();
    let mut submits = JoinSet::new();
    for applicant in applicants {
        let (url, gate) = (url.to_owned(), gate.clone());
        submits.spawn(async move {
            let _permit = gate.acquire().await.unwrap();
            let begun = Instant::now();
            let response = applicant
                .client
                .post(format!("{url}/api/public/drafts/current/submit"))
                .header("X-CSRF-Token", &applicant.csrf)
                .header("X-Applicant-Code", &applicant.code)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), reqwest::StatusCode::CREATED, "{}", response.text().await.unwrap());
            begun.elapsed()
        });
    }
    let mut latencies: Vec<Duration> = submits.join_all().await;
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{count} submissions, {concurrency} at a time: {:.0} per second; latency p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        count as f64 / elapsed,
        percentile(0.50).as_secs_f64() * 1e3,
        percentile(0.95).as_secs_f64() * 1e3,
        percentile(1.0).as_secs_f64() * 1e3,
    );
}

/// An answer to every question: 150 words (and `tail`) for text, the first option, yes.
fn complete_answers(questions: &Value, tail: &str) -> Value {
    let text = vec!["samenwerking"; 150].join(" ") + tail;
    let answers: Vec<Value> = questions
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| {
            let answer = match q["kind"].as_str().unwrap() {
                "multiple_choice" => json!({ "choice": q["options"][0]["id"] }),
                "knock_out" => json!({ "yes_no": true }),
                _ => json!({ "text": text }),
            };
            json!({ "question_id": q["id"], "answer": answer })
        })
        .collect();
    Value::Array(answers)
}

async fn prepare(url: &str, vacancy: &str, answers: Value, email: &str) -> Applicant {
    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let session: Value = client.get(format!("{url}/api/session")).send().await.unwrap().json().await.unwrap();
    let csrf = session["csrf_token"].as_str().unwrap().to_owned();
    let new: Value = client
        .post(format!("{url}/api/public/vacancies/{vacancy}/drafts"))
        .header("X-CSRF-Token", &csrf)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let code = new["access_code"].as_str().expect("a draft").to_owned();
    let draft = json!({ "step": "review", "answers": answers, "contact": { "name": "Load Test", "email": email } });
    let saved = client
        .put(format!("{url}/api/public/drafts/current"))
        .header("X-CSRF-Token", &csrf)
        .header("X-Applicant-Code", &code)
        .json(&draft)
        .send()
        .await
        .unwrap();
    assert!(saved.status().is_success(), "{}", saved.text().await.unwrap());
    Applicant { client, csrf, code }
}

async fn raw(url: &str, count: usize, concurrency: usize) {
    use sea_orm::{ConnectionTrait, Statement};
    let db = server::database::connect(&Secret::new(url)).await.expect("the database");
    let backend = db.get_database_backend();
    db.execute_unprepared("DROP TABLE IF EXISTS raw_inserts").await.unwrap();
    db.execute_unprepared("CREATE TABLE raw_inserts (id TEXT PRIMARY KEY, body TEXT NOT NULL)").await.unwrap();
    let body = vec!["samenwerking"; 600].join(" ");
    let placeholder = if url.starts_with("postgres") { "($1, $2)" } else { "(?, ?)" };
    let started = Instant::now();
    let gate = Arc::new(Semaphore::new(concurrency));
    let mut inserts = JoinSet::new();
    for i in 0..count {
        let (db, body, gate) = (db.clone(), body.clone(), gate.clone());
        inserts.spawn(async move {
            let _permit = gate.acquire().await.unwrap();
            let statement = Statement::from_sql_and_values(
                backend,
                format!("INSERT INTO raw_inserts (id, body) VALUES {placeholder}"),
                [format!("row-{i}").into(), body.into()],
            );
            db.execute_raw(statement).await.unwrap();
        });
    }
    inserts.join_all().await;
    let elapsed = started.elapsed().as_secs_f64();
    println!("{count} one-row transactions, {concurrency} at a time: {:.0} per second", count as f64 / elapsed);
    db.execute_unprepared("DROP TABLE raw_inserts").await.unwrap();
}

/// Closes the first open vacancy, then times starting its screening and its release.
async fn screen(url: &str, database: &str) {
    use sea_orm::{ConnectionTrait, Statement};
    let open: Value = reqwest::get(format!("{url}/api/public/vacancies")).await.unwrap().json().await.unwrap();
    let vacancy = open["items"][0]["id"].as_str().expect("an open vacancy").to_owned();
    let db = server::database::connect(&Secret::new(database)).await.expect("the database");
    let placeholder = if database.starts_with("postgres") { "$1" } else { "?" };
    let close = Statement::from_sql_and_values(
        db.get_database_backend(),
        format!("UPDATE vacancies SET closes_at = published_at WHERE id = {placeholder}"),
        [uuid::Uuid::parse_str(&vacancy).unwrap().into()],
    );
    db.execute_raw(close).await.unwrap();

    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let session: Value = client.get(format!("{url}/api/session")).send().await.unwrap().json().await.unwrap();
    let csrf = session["csrf_token"].as_str().unwrap().to_owned();
    let login = json!({ "username": "recruiter", "password": server::accounts::DEMO_PASSWORD });
    let post = |path: String, body: Value| {
        client.post(format!("{url}{path}")).header("X-CSRF-Token", &csrf).json(&body).send()
    };
    assert!(post("/api/session".into(), login).await.unwrap().status().is_success());

    let begun = Instant::now();
    let response = post(format!("/api/vacancies/{vacancy}/screening"), json!({})).await.unwrap();
    let started = begun.elapsed();
    assert!(response.status().is_success(), "{}", response.text().await.unwrap());
    let screening: Value = response.json().await.unwrap();
    let questions = screening["questions"].as_array().unwrap();
    let answers: u64 = questions.iter().map(|q| q["answers"].as_u64().unwrap()).sum();
    let findings: u64 = screening["pending"].as_u64().unwrap();
    for question in questions {
        let path = format!(
            "/api/vacancies/{vacancy}/screening/questions/{}/confirm-pending",
            question["id"].as_str().unwrap()
        );
        assert!(post(path, json!({})).await.unwrap().status().is_success());
    }
    let committee: Value =
        client.get(format!("{url}/api/vacancies/{vacancy}/committee")).send().await.unwrap().json().await.unwrap();
    let members: Vec<Value> =
        committee["candidates"].as_array().unwrap().iter().map(|c| c["user_id"].clone()).collect();
    let put = client
        .put(format!("{url}/api/vacancies/{vacancy}/committee"))
        .header("X-CSRF-Token", &csrf)
        .json(&json!({ "members": members, "chair": null }))
        .send()
        .await
        .unwrap();
    assert!(put.status().is_success());
    let begun = Instant::now();
    let response = post(format!("/api/vacancies/{vacancy}/screening/release"), json!({})).await.unwrap();
    let released = begun.elapsed();
    assert!(response.status().is_success(), "{}", response.text().await.unwrap());
    println!(
        "{} applications, {answers} answers, {findings} findings: screening started in {:.2} s, released in {:.2} s",
        screening["applications"],
        started.as_secs_f64(),
        released.as_secs_f64()
    );
}

/// Seats `count` committee members on the released vacancy and has them all score at once.
async fn score(url: &str, database: &str, count: usize, per_member: usize) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
    use server::entities::{committee_members, vacancies};
    let db = server::database::connect(&Secret::new(database)).await.expect("the database");
    let vacancy = vacancies::Entity::find()
        .filter(vacancies::Column::Status.eq("scoring"))
        .one(&db)
        .await
        .unwrap()
        .expect("a released vacancy (run `submit` and `screen` first)");
    let questions: Vec<Value> = serde_json::from_str(&vacancy.questions).unwrap();
    let question =
        questions.iter().find(|q| q["kind"] == "open").expect("an open question")["id"].as_str().unwrap().to_owned();
    let audit = server::audit::AuditLog::default();
    let run = std::process::id();
    let prepared = Instant::now();
    let mut usernames = Vec::new();
    for i in 0..count {
        let username = format!("bench{run}m{i}");
        let new = server::accounts::NewUser {
            username: &username,
            display_name: "Benchmark Member",
            password: server::accounts::DEMO_PASSWORD,
            role: domain::access::Role::Committee,
            organisation: Some(vacancy.organisation_id),
        };
        let user = server::accounts::create_user(&db, &audit, None, new).await.expect("a member");
        committee_members::Entity::insert(committee_members::ActiveModel {
            vacancy_id: Set(vacancy.id),
            user_id: Set(user.id),
            chair: Set(false),
            added_at: Set(chrono::Utc::now()),
            order_seed: Set(Some(rand::random::<i64>())),
            conduct_confirmed_at: Set(Some(chrono::Utc::now())),
        })
        .exec_without_returning(&db)
        .await
        .unwrap();
        usernames.push(username);
    }
    // Log everyone in and fetch their order (not timed).
    let mut sessions = JoinSet::new();
    for username in usernames {
        let (url, vacancy, question) = (url.to_owned(), vacancy.id, question.clone());
        sessions.spawn(async move {
            let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
            let session: Value = client.get(format!("{url}/api/session")).send().await.unwrap().json().await.unwrap();
            let csrf = session["csrf_token"].as_str().unwrap().to_owned();
            let login = json!({ "username": username, "password": server::accounts::DEMO_PASSWORD });
            let response = client
                .post(format!("{url}/api/session"))
                .header("X-CSRF-Token", &csrf)
                .json(&login)
                .send()
                .await
                .unwrap();
            assert!(response.status().is_success(), "login");
            let sift: Value = client
                .get(format!("{url}/api/committee/vacancies/{vacancy}/questions/{question}/sift"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let numbers: Vec<u64> =
                sift["answers"].as_array().unwrap().iter().map(|a| a["number"].as_u64().unwrap()).collect();
            (client, csrf, numbers)
        });
    }
    let members = sessions.join_all().await;
    println!("seated and logged in {count} members in {:.1} s", prepared.elapsed().as_secs_f64());

    let started = Instant::now();
    let mut saves = JoinSet::new();
    for (client, csrf, numbers) in members {
        let (url, vacancy, question) = (url.to_owned(), vacancy.id, question.clone());
        saves.spawn(async move {
            let mut latencies = Vec::new();
            for (i, number) in numbers.iter().take(per_member).enumerate() {
                let begun = Instant::now();
                let response = client
                    .put(format!("{url}/api/committee/vacancies/{vacancy}/questions/{question}/sift/{number}"))
                    .header("X-CSRF-Token", &csrf)
                    .json(&json!({ "score": 1 + i % 5, "note": "" }))
                    .send()
                    .await
                    .unwrap();
                assert!(response.status().is_success(), "{}", response.text().await.unwrap());
                latencies.push(begun.elapsed());
            }
            latencies
        });
    }
    let mut latencies: Vec<Duration> = saves.join_all().await.into_iter().flatten().collect();
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{} score saves by {count} members at once: {:.0} per second; latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        percentile(0.50).as_secs_f64() * 1e3,
        percentile(0.95).as_secs_f64() * 1e3,
        percentile(0.99).as_secs_f64() * 1e3,
        percentile(1.0).as_secs_f64() * 1e3,
    );
}

async fn dashboard(url: &str, rounds: usize, pid: Option<&str>) {
    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let session: Value = client.get(format!("{url}/api/session")).send().await.unwrap().json().await.unwrap();
    let csrf = session["csrf_token"].as_str().unwrap().to_owned();
    let login = json!({ "username": "evaluator", "password": server::accounts::DEMO_PASSWORD });
    let response =
        client.post(format!("{url}/api/session")).header("X-CSRF-Token", &csrf).json(&login).send().await.unwrap();
    assert!(response.status().is_success(), "log in as the demo evaluator");
    let pilots: Value = client.get(format!("{url}/api/pilots")).send().await.unwrap().json().await.unwrap();
    let pilot =
        pilots.as_array().unwrap().iter().find(|p| p["name"] == server::demo::DEMO_PILOT).expect("the demo pilot");
    let id = pilot["id"].as_str().unwrap();
    let paths = [
        format!("/api/pilots/{id}/funnel?variable=born_in_netherlands"),
        format!("/api/pilots/{id}/did?variable=born_in_netherlands&stage=passed_sift"),
        format!("/api/pilots/{id}/reliability?source=sift"),
        format!("/api/pilots/{id}/reliability?source=interview"),
        format!("/api/pilots/{id}/composition?variable=born_in_netherlands"),
        format!("/api/pilots/{id}/fidelity"),
        format!("/api/pilots/{id}/effort"),
        format!("/api/pilots/{id}/experience"),
    ];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); paths.len()];
    let mut totals = Vec::new();
    for _ in 0..rounds {
        let mut total = Duration::ZERO;
        for (path, times) in paths.iter().zip(&mut times) {
            let begun = Instant::now();
            let response = client.get(format!("{url}{path}")).send().await.unwrap();
            assert!(response.status().is_success(), "{path}");
            response.bytes().await.unwrap();
            times.push(begun.elapsed());
            total += begun.elapsed();
        }
        totals.push(total);
    }
    let summary = |mut values: Vec<Duration>| {
        values.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        format!("median {:.0} ms, max {:.0} ms", ms(values[values.len() / 2]), ms(values[values.len() - 1]))
    };
    for (path, times) in paths.iter().zip(times) {
        println!("{path}: {}", summary(times));
    }
    println!("the whole dashboard: {}", summary(totals));
    let memory = |when: &str| {
        if let Some(pid) = pid {
            let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("the server's /proc status");
            for line in status.lines().filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS")) {
                println!("server {when}: {line}");
            }
        }
    };
    memory("after the dashboard");
    let begun = Instant::now();
    let bundle = client.get(format!("{url}/api/pilots/{id}/bundle.zip")).send().await.unwrap().bytes().await.unwrap();
    println!("the bundle: {:.1} s, {} bytes", begun.elapsed().as_secs_f64(), bundle.len());
    memory("after the bundle");
}
