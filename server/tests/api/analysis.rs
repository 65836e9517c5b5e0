//! The vacancy-text analyser over the API.

use api::analysis::{Analysis, MAX_TEXT_CHARS};
use api::problem::ErrorCode;
use domain::analysis::Category;
use reqwest::StatusCode;

use crate::helpers::{field_codes, problem, spawn_app};

#[tokio::test]
async fn a_recruiter_gets_findings_with_spans_sources_and_the_rule_set_version() {
    let app = spawn_app().await;
    app.login_as_new("recruiter", api::Role::Recruiter).await;
    let text = "Beleidsmedewerker\nWij zijn een jong team en zoeken een native speaker.";
    let response = app.post("/api/analysis/vacancy-text", &serde_json::json!({ "text": text })).await;
    assert_eq!(response.status(), StatusCode::OK);
    let analysis: Analysis = response.json().await.expect("an analysis");
    assert_eq!(analysis.language, api::Language::Nl);
    assert!(!analysis.rule_set_version.is_empty());
    let age = analysis.findings.iter().find(|f| f.category == Category::ExclusionAge).expect("an age finding");
    let span = age.span.expect("a span");
    assert_eq!(text.chars().skip(span.start).take(span.end - span.start).collect::<String>(), "jong team");
    assert!(!age.source.is_empty());
    assert!(analysis.findings.iter().any(|f| f.category == Category::ExclusionOrigin && !f.suggestions.is_empty()));
}

#[tokio::test]
async fn an_empty_or_overlong_text_is_refused_with_the_field_named() {
    let app = spawn_app().await;
    app.login_as_new("recruiter", api::Role::Recruiter).await;
    let empty = app.post("/api/analysis/vacancy-text", &serde_json::json!({ "text": "  " })).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_codes(&problem(empty).await), [("text", ErrorCode::Required)]);

    let long = "a ".repeat(MAX_TEXT_CHARS / 2 + 1);
    let response = app.post("/api/analysis/vacancy-text", &serde_json::json!({ "text": long })).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_codes(&problem(response).await), [("text", ErrorCode::TextTooLong)]);
}
