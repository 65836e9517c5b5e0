//! One problem shape for every error, in the request's language.

use api::problem::ErrorCode;
use reqwest::StatusCode;
use server::routes::BODY_LIMIT_BYTES;

use crate::helpers::{problem, spawn_app};

#[tokio::test]
async fn an_unknown_api_path_is_a_problem_in_the_requested_language() {
    let app = spawn_app().await;

    let dutch = problem(app.get("/api/does-not-exist").await).await;
    assert_eq!((dutch.status, dutch.code), (404, ErrorCode::NotFound));
    assert_eq!(dutch.detail, ErrorCode::NotFound.message(api::Language::Nl));
    assert_eq!(dutch.kind, "urn:breedwerf:problem:not_found");

    let english = problem(app.get_in("/api/does-not-exist", "en-GB,en;q=0.9").await).await;
    assert_eq!(english.detail, ErrorCode::NotFound.message(api::Language::En));
}

#[tokio::test]
async fn malformed_json_gets_400_and_creates_nothing() {
    let app = spawn_app().await;
    app.login_as_new("beheerder", api::Role::Admin).await;
    let before: api::account::UserPage = app.get("/api/users").await.json().await.expect("a page");

    let response = app
        .client
        .post(app.url("/api/users"))
        .header("X-CSRF-Token", app.csrf_token())
        .header("content-type", "application/json")
        .body(r#"{"username": "nieuw", "#)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(problem(response).await.code, ErrorCode::MalformedRequest);

    let after: api::account::UserPage = app.get("/api/users").await.json().await.expect("a page");
    assert_eq!(after.total, before.total);
}

#[tokio::test]
async fn a_body_over_the_limit_gets_413() {
    let app = spawn_app().await;
    let huge = "x".repeat(BODY_LIMIT_BYTES + 1);
    let response = app.login(&huge, "whatever").await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(problem(response).await.code, ErrorCode::PayloadTooLarge);
}

#[tokio::test]
async fn a_wrong_method_gets_405_as_a_problem() {
    let app = spawn_app().await;
    let response = app.client.put(app.url("/api/health")).header("X-CSRF-Token", "x").send().await.expect("sent");
    // Without a matching CSRF cookie the request is refused before routing.
    assert_eq!(problem(response).await.code, ErrorCode::CsrfFailed);

    let mut app = app;
    app.refresh_session().await;
    let response = app.delete("/api/health").await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(problem(response).await.code, ErrorCode::MethodNotAllowed);
}

#[tokio::test]
async fn a_path_or_query_that_cannot_be_read_gets_400_as_a_problem() {
    let mut app = spawn_app().await;
    for path in ["/api/public/vacancies/not-an-id", "/api/users?page=abc"] {
        if path.contains("users") {
            app.login_as_new("beheerder", api::Role::Admin).await;
            app.refresh_session().await;
        }
        let response = app.get_in(path, "en").await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        let problem = problem(response).await;
        assert_eq!(problem.code, ErrorCode::MalformedRequest);
        assert_eq!(problem.detail, ErrorCode::MalformedRequest.message(api::Language::En));
    }
}

#[tokio::test]
async fn a_change_without_the_csrf_token_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    app.create_user("beheerder", api::Role::Admin).await;
    let response = app
        .client
        .post(app.url("/api/session"))
        .json(&serde_json::json!({ "username": "beheerder", "password": crate::helpers::PASSWORD }))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response.headers().get("set-cookie").is_none(), "no session may be started");
    assert_eq!(problem(response).await.code, ErrorCode::CsrfFailed);

    let wrong_token = app
        .client
        .post(app.url("/api/session"))
        .header("X-CSRF-Token", "0".repeat(64))
        .json(&serde_json::json!({ "username": "beheerder", "password": crate::helpers::PASSWORD }))
        .send()
        .await
        .expect("sent");
    assert_eq!(wrong_token.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn health_reports_the_database() {
    let app = spawn_app().await;
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), StatusCode::OK);
    let health: api::system::Health = response.json().await.expect("health");
    assert_eq!(health.database, api::system::HealthStatus::Ok);
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let app = spawn_app().await;
    let document = app.openapi().await;
    assert!(document["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let paths = document["paths"].as_object().expect("paths");
    for (path, method) in [
        ("/api/health", "get"),
        ("/api/session", "get"),
        ("/api/session", "post"),
        ("/api/session", "delete"),
        ("/api/users", "get"),
        ("/api/users", "post"),
        ("/api/analysis/vacancy-text", "post"),
    ] {
        assert!(paths.get(path).and_then(|p| p.get(method)).is_some(), "{method} {path} is documented");
    }
    assert!(document["components"]["schemas"]["Problem"].is_object());
}
