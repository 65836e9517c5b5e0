//! Staff accounts, and deny-by-default access.

use api::account::{StaffUser, UserPage};
use api::problem::ErrorCode;
use reqwest::StatusCode;

use crate::helpers::{field_codes, problem, spawn_app};

/// Routes reachable without a session. Anything else must answer 401 to an anonymous caller, except
/// what is under `/api/public/`: that is for applicants, who have no account (their drafts and
/// applications need their access code instead).
const PUBLIC: [(&str, &str); 4] =
    [("get", "/api/health"), ("get", "/api/session"), ("post", "/api/session"), ("get", "/api/openapi.json")];

#[tokio::test]
async fn every_documented_route_that_is_not_public_refuses_anonymous_callers() {
    let app = spawn_app().await;
    let document = app.openapi().await;
    let mut checked = 0;
    for (path, operations) in document["paths"].as_object().expect("paths") {
        for method in operations.as_object().expect("operations").keys() {
            if PUBLIC.contains(&(method.as_str(), path.as_str())) || path.starts_with("/api/public/") {
                continue;
            }
            let request = app
                .client
                .request(method.to_uppercase().parse().expect("a method"), app.url(path))
                .header("X-CSRF-Token", app.csrf_token())
                .json(&serde_json::json!({}));
            let response = request.send().await.expect("sent");
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
            assert_eq!(problem(response).await.code, ErrorCode::Unauthenticated);
            checked += 1;
        }
    }
    assert!(checked >= 3, "the protected routes were found");
}

#[tokio::test]
async fn only_admins_manage_users() {
    let app = spawn_app().await;
    for (username, role) in
        [("recruiter", api::Role::Recruiter), ("lid", api::Role::Committee), ("eval", api::Role::Evaluator)]
    {
        app.login_as_new(username, role).await;
        let list = app.get("/api/users").await;
        assert_eq!(list.status(), StatusCode::FORBIDDEN, "{username}");
        assert_eq!(problem(list).await.code, ErrorCode::Forbidden);
        let create = app
            .post(
                "/api/users",
                &serde_json::json!({
                    "username": "nieuw", "display_name": "Nieuw", "password": "lang genoeg wachtwoord", "role": "admin"
                }),
            )
            .await;
        assert_eq!(create.status(), StatusCode::FORBIDDEN, "{username}");
    }
}

#[tokio::test]
async fn an_admin_creates_an_account_that_can_log_in() {
    let app = spawn_app().await;
    app.login_as_new("beheerder", api::Role::Admin).await;
    let response = app
        .post("/api/users", &serde_json::json!({
            "username": " Sanne.Bakker ", "display_name": "Sanne Bakker", "password": "een lange zin als wachtwoord", "role": "recruiter"
        }))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: StaffUser = response.json().await.expect("the user");
    assert_eq!((created.username.as_str(), created.role), ("sanne.bakker", api::Role::Recruiter));

    assert_eq!(app.login("sanne.bakker", "een lange zin als wachtwoord").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn invalid_fields_are_each_explained_and_nothing_is_created() {
    let app = spawn_app().await;
    app.login_as_new("beheerder", api::Role::Admin).await;
    let response = app
        .client
        .post(app.url("/api/users"))
        .header("X-CSRF-Token", app.csrf_token())
        .header("Accept-Language", "en")
        .json(&serde_json::json!({ "username": "a b", "display_name": "", "password": "kort", "role": "evaluator" }))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(response).await;
    assert_eq!(
        field_codes(&problem),
        [
            ("username", ErrorCode::UsernameCharacters),
            ("display_name", ErrorCode::DisplayNameInvalid),
            ("password", ErrorCode::PasswordTooShort),
        ]
    );
    assert_eq!(problem.fields[2].message, ErrorCode::PasswordTooShort.message(api::Language::En));
    let page: UserPage = app.get("/api/users").await.json().await.expect("a page");
    assert_eq!(page.total, 1);
}

#[tokio::test]
async fn a_taken_username_is_refused() {
    let app = spawn_app().await;
    app.login_as_new("beheerder", api::Role::Admin).await;
    let body = serde_json::json!({ "username": "beheerder", "display_name": "Twee", "password": "een lange zin als wachtwoord", "role": "admin" });
    let response = app.post("/api/users", &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(response).await;
    assert_eq!(problem.fields[0].code, ErrorCode::UsernameTaken);
}

#[tokio::test]
async fn the_user_list_is_paged_in_username_order() {
    let app = spawn_app().await;
    app.login_as_new("beheerder", api::Role::Admin).await;
    for name in ["delta", "alfa", "charlie", "bravo"] {
        app.create_user(name, api::Role::Committee).await;
    }
    let first: UserPage = app.get("/api/users?page=1&per_page=2").await.json().await.expect("page 1");
    let third: UserPage = app.get("/api/users?page=3&per_page=2").await.json().await.expect("page 3");
    let names = |page: &UserPage| page.items.iter().map(|u| u.username.clone()).collect::<Vec<_>>();
    assert_eq!(first.total, 5);
    assert_eq!(names(&first), ["alfa", "beheerder"]);
    assert_eq!(names(&third), ["delta"]);
}
