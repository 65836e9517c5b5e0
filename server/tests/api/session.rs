//! Logging in and out, for every role, and what a wrong login reveals (nothing).

use api::account::SessionInfo;
use api::problem::ErrorCode;
use reqwest::StatusCode;
use server::accounts::{DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo};

use crate::helpers::{PASSWORD, field_codes, problem, spawn_app};

#[tokio::test]
async fn every_demo_account_logs_in_sees_itself_and_logs_out() {
    let mut app = spawn_app().await;
    seed_demo(&app.state.db, &app.state.audit).await.expect("seeded");
    for (username, _, role) in DEMO_ACCOUNTS {
        let response = app.login(username, DEMO_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK, "{username}");
        let info = app.refresh_session().await;
        let user = info.user.expect("logged in");
        assert_eq!((user.username.as_str(), user.role), (username, role));

        let response = app.delete("/api/session").await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert!(app.refresh_session().await.user.is_none(), "{username} is logged out");
    }
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site_strict() {
    let app = spawn_app().await;
    app.create_user("recruiter", api::Role::Recruiter).await;
    let response = app.login("recruiter", PASSWORD).await;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("bw_session="))
        .expect("a session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    let app = spawn_app().await;
    app.create_user("recruiter", api::Role::Recruiter).await;

    let wrong_password = app.login("recruiter", "not the password").await;
    let unknown_user = app.login("nobody-here", "not the password").await;
    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_user.status(), StatusCode::UNAUTHORIZED);
    let (a, b) = (problem(wrong_password).await, problem(unknown_user).await);
    assert_eq!(a, b);
    assert_eq!(a.code, ErrorCode::InvalidCredentials);
}

#[tokio::test]
async fn repeated_failures_are_slowed_down_for_existing_and_unknown_accounts_alike() {
    let app = spawn_app().await;
    app.create_user("recruiter", api::Role::Recruiter).await;
    for username in ["recruiter", "nobody-here"] {
        for _ in 0..5 {
            assert_eq!(app.login(username, "wrong password").await.status(), StatusCode::UNAUTHORIZED);
        }
        let blocked = app.login(username, PASSWORD).await;
        assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS, "{username}");
        let retry_after: u64 = blocked.headers()["retry-after"].to_str().expect("ascii").parse().expect("seconds");
        assert!((1..=15 * 60).contains(&retry_after));
        assert_eq!(problem(blocked).await.code, ErrorCode::TooManyAttempts);
    }
    // Another account is not affected.
    app.create_user("recruiter2", api::Role::Recruiter).await;
    assert_eq!(app.login("recruiter2", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_successful_login_resets_the_failure_count() {
    let app = spawn_app().await;
    app.create_user("recruiter", api::Role::Recruiter).await;
    for _ in 0..4 {
        app.login("recruiter", "wrong password").await;
    }
    assert_eq!(app.login("Recruiter ", PASSWORD).await.status(), StatusCode::OK);
    for _ in 0..4 {
        app.login("recruiter", "wrong password").await;
    }
    assert_eq!(app.login("recruiter", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn empty_fields_are_named_in_the_error() {
    let app = spawn_app().await;
    let response = app.login(" ", "").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(response).await;
    assert_eq!(field_codes(&problem), [("username", ErrorCode::Required), ("password", ErrorCode::Required)]);
}

#[tokio::test]
async fn a_logged_out_session_cookie_no_longer_works() {
    let app = spawn_app().await;
    app.create_user("evaluator", api::Role::Evaluator).await;
    let response = app.login("evaluator", PASSWORD).await;
    let token = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("bw_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_owned();
    app.delete("/api/session").await;

    // Replay the old cookie from a client that kept it.
    let replay = reqwest::Client::new()
        .get(app.url("/api/session"))
        .header("cookie", format!("bw_session={token}"))
        .send()
        .await
        .expect("sent");
    let info: SessionInfo = replay.json().await.expect("session info");
    assert!(info.user.is_none());
}
