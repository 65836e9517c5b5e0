//! An organisation's own text rules: added by an admin, used in its recruiters' analyses only.

use api::analysis::Analysis;
use api::organisation::{Organisation, OrganisationRule};
use api::problem::ErrorCode;
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::json;
use server::entities::audit_log;

use crate::helpers::{PASSWORD, field_codes, problem, spawn_app};

fn rule(pattern: &str) -> serde_json::Value {
    json!({
        "language": "nl",
        "category": "jargon",
        "severity": "advice",
        "pattern": pattern,
        "explanation": { "nl": "Een woord dat alleen wij kennen.", "en": "A word only we know." },
        "suggestions": ["gesprek over de taken"],
        "source": "Huisstijlgids van het ministerie, 2026"
    })
}

#[tokio::test]
async fn an_admins_rule_runs_in_the_organisations_analyses_only() {
    let app = spawn_app().await;
    let ministry = app.organisation("Ministerie van Testzaken").await;
    app.organisation("Ander Ministerie").await;
    app.login_as_new("beheerder", api::Role::Admin).await;
    let organisations: Vec<Organisation> = app.get("/api/organisations").await.json().await.expect("list");
    assert_eq!(organisations.len(), 2);

    let path = format!("/api/organisations/{ministry}/rules");
    let invalid = app
        .post(
            &path,
            &json!({ "language": "nl", "category": "jargon", "severity": "advice", "pattern": " ",
        "explanation": { "nl": "", "en": "x" }, "source": "" }),
        )
        .await;
    assert_eq!(
        field_codes(&problem(invalid).await),
        [
            ("pattern", ErrorCode::RulePatternInvalid),
            ("explanation_nl", ErrorCode::RuleExplanationInvalid),
            ("source", ErrorCode::RuleSourceInvalid)
        ]
    );
    let created = app.post(&path, &rule("Kerntakendiscussie")).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: OrganisationRule = created.json().await.expect("rule");
    assert_eq!(created.rule.pattern, "kerntakendiscussie");

    app.login_as_recruiter_of("recruiter", "Ministerie van Testzaken").await;
    let listed: Vec<OrganisationRule> = app.get(&path).await.json().await.expect("rules");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0], created);
    let text = json!({ "text": "Je leidt de kerntakendiscussie.", "language": "nl" });
    let analysis: Analysis = app.post("/api/analysis/vacancy-text", &text).await.json().await.expect("analysis");
    assert!(analysis.findings.iter().any(|f| f.rule_id == created.rule.id && f.source.contains("Huisstijlgids")));
    assert!(analysis.rule_set_version.contains("+org."));
    assert_eq!(app.post(&path, &rule("iets")).await.status(), StatusCode::FORBIDDEN);

    app.login_as_recruiter_of("ander", "Ander Ministerie").await;
    assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND);
    let analysis: Analysis = app.post("/api/analysis/vacancy-text", &text).await.json().await.expect("analysis");
    assert!(!analysis.findings.iter().any(|f| f.rule_id == created.rule.id));

    app.login("beheerder", PASSWORD).await;
    let removed = app.delete(&format!("{path}/{}", created.id)).await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let actions: Vec<String> =
        audit_log::Entity::find().all(&app.state.db).await.expect("audit").into_iter().map(|e| e.action).collect();
    assert!(actions.contains(&"rule_added".to_owned()) && actions.contains(&"rule_removed".to_owned()));
}
