//! Typed helpers to spawn the app and talk to it like the browser app does.

use std::path::PathBuf;

use api::account::{SessionInfo, StaffUser};
use api::problem::{ErrorCode, Problem};
use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde::Serialize;
use server::accounts::{self, NewUser};
use server::config::{Config, Secret};
use server::crypto::Keys;
use server::startup::{AppState, Application};

pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub state: AppState,
    pub database_url: String,
    csrf_token: String,
    _database: TestDatabase,
}

/// Starts the app on a fresh database, with no built browser app.
pub async fn spawn_app() -> TestApp {
    spawn_app_configured(|_| {}).await
}

pub async fn spawn_app_with_assets(assets_dir: PathBuf) -> TestApp {
    spawn_app_configured(|config| config.assets_dir = assets_dir).await
}

/// Starts the app with the test configuration, changed by `change`.
pub async fn spawn_app_configured(change: impl FnOnce(&mut Config)) -> TestApp {
    let database = TestDatabase::create().await;
    let (data_key, pseudonym_key) = Keys::generate_hex();
    let mut config = Config {
        database_url: Secret::new(database.url.clone()),
        bind: "127.0.0.1:0".parse().expect("valid address"),
        assets_dir: PathBuf::from("/nonexistent/breedwerf-dist"),
        data_key: Some(data_key),
        pseudonym_key: Some(pseudonym_key),
        demo: true,
        ..Config::default()
    };
    change(&mut config);
    let application = Application::build(config).await.expect("the app builds");
    let address = format!("http://127.0.0.1:{}", application.port());
    let state = application.state().clone();
    tokio::spawn(application.run_until_stopped());
    let client = reqwest::Client::builder().cookie_store(true).build().expect("a client");
    let mut app = TestApp {
        address,
        client,
        state,
        database_url: database.url.clone(),
        csrf_token: String::new(),
        _database: database,
    };
    app.refresh_session().await;
    app
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// `GET /api/session`, keeping the CSRF token as the browser app does.
    pub async fn refresh_session(&mut self) -> SessionInfo {
        let info: SessionInfo = self.get("/api/session").await.json().await.expect("session info");
        self.csrf_token.clone_from(&info.csrf_token);
        info
    }

    /// The CSRF token the browser app would send.
    pub fn csrf_token(&self) -> &str {
        &self.csrf_token
    }

    /// The OpenAPI document the server publishes.
    pub async fn openapi(&self) -> serde_json::Value {
        self.get("/api/openapi.json").await.json().await.expect("an OpenAPI document")
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("request sent")
    }

    pub async fn get_in(&self, path: &str, language: &str) -> Response {
        self.client.get(self.url(path)).header("Accept-Language", language).send().await.expect("request sent")
    }

    pub async fn post<T: Serialize + ?Sized>(&self, path: &str, body: &T) -> Response {
        self.client
            .post(self.url(path))
            .header("X-CSRF-Token", &self.csrf_token)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.client.delete(self.url(path)).header("X-CSRF-Token", &self.csrf_token).send().await.expect("request sent")
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.post("/api/session", &serde_json::json!({ "username": username, "password": password })).await
    }

    /// Creates an account directly (test setup) and logs in as it.
    pub async fn login_as_new(&self, username: &str, role: api::Role) -> StaffUser {
        self.create_user(username, role).await;
        let response = self.login(username, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "login as {username}");
        let info: SessionInfo = response.json().await.expect("session info");
        info.user.expect("logged in")
    }

    pub async fn create_user(&self, username: &str, role: api::Role) {
        self.create_user_in(username, role, None).await;
    }

    pub async fn create_user_in(&self, username: &str, role: api::Role, organisation: Option<uuid::Uuid>) {
        let new = NewUser { username, display_name: "Test Gebruiker", password: PASSWORD, role, organisation };
        accounts::create_user(&self.state.db, &self.state.audit, None, new).await.expect("user created");
    }

    /// An organisation, created if new.
    pub async fn organisation(&self, name: &str) -> uuid::Uuid {
        accounts::ensure_organisation(&self.state.db, name).await.expect("organisation")
    }

    /// Creates a recruiter of `organisation` and logs in as them.
    pub async fn login_as_recruiter_of(&self, username: &str, organisation: &str) {
        let organisation = self.organisation(organisation).await;
        self.create_user_in(username, api::Role::Recruiter, Some(organisation)).await;
        assert_eq!(self.login(username, PASSWORD).await.status(), StatusCode::OK);
    }

    pub async fn put<T: Serialize + ?Sized>(&self, path: &str, body: &T) -> Response {
        self.client
            .put(self.url(path))
            .header("X-CSRF-Token", &self.csrf_token)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }
}

/// An applicant: a browser of its own (no staff cookie), with the access code once a draft exists.
pub struct Applicant {
    client: reqwest::Client,
    address: String,
    csrf_token: String,
    pub code: String,
}

impl TestApp {
    pub async fn applicant(&self) -> Applicant {
        let client = reqwest::Client::builder().cookie_store(true).build().expect("a client");
        let info: SessionInfo =
            client.get(self.url("/api/session")).send().await.expect("sent").json().await.expect("session");
        Applicant { client, address: self.address.clone(), csrf_token: info.csrf_token, code: String::new() }
    }
}

impl Applicant {
    /// Starts a draft for `vacancy` and keeps its access code.
    pub async fn start(&mut self, vacancy: uuid::Uuid) -> Response {
        let response = self.send(reqwest::Method::POST, &format!("/api/public/vacancies/{vacancy}/drafts"), None).await;
        if response.status() == StatusCode::CREATED {
            let body: serde_json::Value = response.json().await.expect("a new draft");
            self.code = body["access_code"].as_str().expect("a code").to_owned();
            return self.get("/api/public/drafts/current").await;
        }
        response
    }

    pub async fn get(&self, path: &str) -> Response {
        self.send(reqwest::Method::GET, path, None).await
    }

    pub async fn put(&self, path: &str, body: &serde_json::Value) -> Response {
        self.send(reqwest::Method::PUT, path, Some(body)).await
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> Response {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.send(reqwest::Method::DELETE, path, None).await
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<&serde_json::Value>) -> Response {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.address))
            .header("X-CSRF-Token", &self.csrf_token)
            .header("X-Applicant-Code", &self.code);
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.expect("request sent")
    }
}

/// A fake SMTP relay: accepts every message and hands each one over (headers and body) on a channel.
pub async fn fake_smtp_relay() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let port = listener.local_addr().expect("an address").port();
    let (sender, receiver) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let sender = sender.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 fake relay\r\n").await.ok()?;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(message) = data.as_mut() {
                        if line == "." {
                            sender.send(data.take().unwrap_or_default()).ok()?;
                            write.write_all(b"250 queued\r\n").await.ok()?;
                        } else {
                            message.push_str(&line);
                            message.push('\n');
                        }
                        continue;
                    }
                    let reply: &[u8] = match line.get(..4).map(str::to_ascii_uppercase).as_deref() {
                        Some("DATA") => {
                            data = Some(String::new());
                            b"354 go ahead\r\n"
                        }
                        Some("QUIT") => b"221 bye\r\n",
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.ok()?;
                }
                Some(())
            });
        }
    });
    (port, receiver)
}

/// A date `days` from today, as the editor sends it.
pub fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

/// An open question with a complete scoring guide and a fresh id.
pub fn open_question() -> serde_json::Value {
    serde_json::json!({
        "id": uuid::Uuid::new_v4(),
        "kind": "open",
        "prompt": "Beschrijf een situatie waarin u met anderen een lastig probleem oploste.",
        "word_limit": 50,
        "guide": {
            "anchor_1": "Geen concreet voorbeeld.",
            "anchor_3": "Een voorbeeld, maar de eigen rol blijft vaag.",
            "anchor_5": "Een voorbeeld met eigen rol, aanpak en resultaat."
        },
        "weight": 1
    })
}

/// The fields a problem names, with their codes, in order.
pub fn field_codes(problem: &Problem) -> Vec<(&str, ErrorCode)> {
    problem.fields.iter().map(|f| (f.field.as_str(), f.code)).collect()
}

/// Reads a problem body, checking the content type on the way.
pub async fn problem(response: Response) -> Problem {
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(content_type, "application/problem+json");
    response.json().await.expect("a problem body")
}

/// A database for one test: a temporary SQLite file, or a new PostgreSQL database that is dropped
/// when the test ends (also when it fails).
struct TestDatabase {
    url: String,
    cleanup: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDatabase {
    async fn create() -> TestDatabase {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(admin_url) if !admin_url.is_empty() => {
                let name = format!("breedwerf_test_{}", uuid::Uuid::new_v4().simple());
                let admin = Database::connect(&admin_url).await.expect("TEST_DATABASE_URL reachable");
                admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("database created");
                admin.close().await.ok();
                let url = with_database_name(&admin_url, &name);
                TestDatabase { url, cleanup: Some((admin_url, name)), _dir: None }
            }
            _ => {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let url = format!("sqlite://{}/breedwerf.db?mode=rwc", dir.path().display());
                TestDatabase { url, cleanup: None, _dir: Some(dir) }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.cleanup.take() else {
            return;
        };
        // Drop runs inside the test's runtime, which cannot block: use a runtime of our own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
            runtime.block_on(async {
                let admin = Database::connect(&admin_url).await.ok()?;
                admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await.ok()
            })
        });
        let _ = dropped.join();
    }
}

fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let base = base.rsplit_once('/').map_or(base, |(prefix, _)| prefix);
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

pub fn is_postgres(app: &TestApp) -> bool {
    app.database_url.starts_with("postgres")
}

/// A direct connection for tests that must get past the API (e.g. to tamper with the audit log).
pub async fn raw_connection(app: &TestApp) -> DatabaseConnection {
    Database::connect(&app.database_url).await.expect("database reachable")
}
