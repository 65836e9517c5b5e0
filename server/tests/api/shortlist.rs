//! The shortlist and two-person unblinding: nothing opens before the shortlist is fixed with a
//! rationale and the chair confirmed; then the recruiter, and only the recruiter, sees the
//! shortlisted candidates' contact details. The others are told by e-mail and never unblinded.

use api::application::OutboxPage;
use api::problem::ErrorCode;
use api::ranking::{Shortlist, ShortlistedIdentity, Unblinding};
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{TestApp, field_codes, problem, spawn_app};
use crate::scoring::{MEMBERS, confirm_conduct, login, released_vacancy, score, sift};

/// Every member scores every answer (the answer's number, capped at 5) and seals the question; after
/// each seal, nothing that member can request names a candidate.
pub(crate) async fn score_everything(app: &TestApp, vacancy: Uuid, question: Uuid) {
    for member in MEMBERS {
        login(app, member).await;
        confirm_conduct(app, vacancy).await;
        for answer in sift(app, vacancy, question).await.answers {
            score(app, vacancy, question, answer.number, answer.number.min(5) as u8, "").await;
        }
        let seal = format!("/api/committee/vacancies/{vacancy}/questions/{question}/seal");
        assert_eq!(app.post(&seal, &json!({})).await.status(), StatusCode::OK);
        no_get_names_a_candidate(app, vacancy, question).await;
    }
    login(app, "werver").await;
}

/// Logs in as `member`, calls every GET of the OpenAPI document with the vacancy's ids, and asserts
/// that no candidate's name or e-mail address appears; then logs `back` in again.
async fn member_sees_no_identity(app: &TestApp, member: &str, vacancy: Uuid, question: Uuid, back: &str) {
    login(app, member).await;
    no_get_names_a_candidate(app, vacancy, question).await;
    login(app, back).await;
}

/// Every GET of the OpenAPI document, as whoever is logged in, with the vacancy's ids filled in.
async fn no_get_names_a_candidate(app: &TestApp, vacancy: Uuid, question: Uuid) {
    let document = app.openapi().await;
    for (path, operations) in document["paths"].as_object().expect("paths") {
        if operations.get("get").is_some() {
            let concrete = path.replace("{id}", &vacancy.to_string()).replace("{question_id}", &question.to_string());
            let body = app.get(&concrete).await.text().await.expect("a body");
            assert!(!body.contains("Zyxwa") && !body.contains("@example.org"), "GET {concrete} names a candidate");
        }
    }
}

#[tokio::test]
async fn unblinding_needs_a_fixed_shortlist_and_the_chair_and_opens_only_the_shortlisted() {
    let app = spawn_app().await;
    let (vacancy, question) = released_vacancy(&app, 4).await;
    let id = vacancy.id;
    let shortlist = format!("/api/vacancies/{id}/shortlist");
    let identities = format!("/api/vacancies/{id}/shortlist/identities");
    let request = format!("/api/vacancies/{id}/unblinding");
    let confirm = format!("/api/committee/vacancies/{id}/unblinding");

    // Before the committee finished: no ranking, so no shortlist.
    let early =
        app.post(&shortlist, &json!({ "method": "top", "top": 2, "rationale": "De twee hoogste scores." })).await;
    assert_eq!(problem(early).await.code, ErrorCode::RankingNotReady);
    score_everything(&app, id, question).await;

    // No unblinding before the shortlist.
    assert_eq!(problem(app.post(&request, &json!({})).await).await.code, ErrorCode::ShortlistMissing);
    assert_eq!(problem(app.get(&identities).await).await.code, ErrorCode::UnblindingNotConfirmed);

    // The shortlist needs a rationale and a choice that gives candidates from the ranking.
    let bare = app.post(&shortlist, &json!({ "method": "top", "top": 2, "rationale": "" })).await;
    assert_eq!(field_codes(&problem(bare).await), [("rationale", ErrorCode::ShortlistRationaleRequired)]);
    let none = app
        .post(&shortlist, &json!({ "method": "threshold", "threshold": 6.0, "rationale": "Alleen de allerbeste." }))
        .await;
    assert_eq!(field_codes(&problem(none).await), [("method", ErrorCode::ShortlistChoiceInvalid)]);
    let unknown = app
        .post(
            &shortlist,
            &json!({ "method": "hand_picked", "labels": ["BESTAATNIET"], "rationale": "Met de hand gekozen." }),
        )
        .await;
    assert_eq!(field_codes(&problem(unknown).await), [("method", ErrorCode::ShortlistChoiceInvalid)]);

    let response = app
        .post(
            &shortlist,
            &json!({ "method": "top", "top": 2, "rationale": "De twee hoogste scores, ruim boven de rest." }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let fixed: Shortlist = response.json().await.expect("shortlist");
    assert_eq!(fixed.candidates.iter().map(|c| c.rank).collect::<Vec<_>>(), [1, 2]);
    assert_eq!((fixed.not_shortlisted, fixed.unblinding), (2, Unblinding::NotRequested));
    let again = app.post(&shortlist, &json!({ "method": "top", "top": 3, "rationale": "Toch drie kandidaten." })).await;
    assert_eq!(problem(again).await.code, ErrorCode::ShortlistFixed);
    member_sees_no_identity(&app, "lid2", id, question, "werver").await;

    // The two others are told by e-mail, addressed by the server alone (read here by a demo admin).
    app.login_as_new("beheer", api::Role::Admin).await;
    let outbox: OutboxPage = app.get("/api/outbox?per_page=100").await.json().await.expect("outbox");
    let told: Vec<String> =
        outbox.items.iter().filter(|m| m.body.contains("horen deze keer niet bij")).map(|m| m.to.clone()).collect();
    assert_eq!(told.len(), 2);
    login(&app, "werver").await;

    // The chair confirms only after the recruiter asked; a member who is not the chair cannot.
    login(&app, "lid1").await;
    assert_eq!(problem(app.post(&confirm, &json!({})).await).await.code, ErrorCode::UnblindingNotRequested);
    login(&app, "werver").await;
    let asked: Shortlist = app.post(&request, &json!({})).await.json().await.expect("asked");
    assert_eq!(asked.unblinding, Unblinding::Requested);
    member_sees_no_identity(&app, "lid1", id, question, "werver").await;
    assert_eq!(problem(app.get(&identities).await).await.code, ErrorCode::UnblindingNotConfirmed);
    login(&app, "lid2").await;
    let not_chair = app.post(&confirm, &json!({})).await;
    assert_eq!(not_chair.status(), StatusCode::FORBIDDEN);
    assert_eq!(problem(not_chair).await.code, ErrorCode::ChairOnly);
    login(&app, "lid1").await;
    assert_eq!(app.post(&confirm, &json!({})).await.status(), StatusCode::NO_CONTENT);

    // Even now, nothing a member (the chair included) can request names anyone.
    member_sees_no_identity(&app, "lid1", id, question, "lid1").await;
    member_sees_no_identity(&app, "lid3", id, question, "lid1").await;

    // The recruiter sees the two shortlisted, and no one else.
    login(&app, "werver").await;
    let opened: Vec<ShortlistedIdentity> = app.get(&identities).await.json().await.expect("identities");
    assert_eq!(opened.len(), 2);
    assert_eq!(
        opened.iter().map(|i| i.label.clone()).collect::<Vec<_>>(),
        fixed.candidates.iter().map(|c| c.label.clone()).collect::<Vec<_>>()
    );
    for identity in &opened {
        assert!(identity.name.starts_with("Zyxwa Kandidaat"));
        assert!(!told.contains(&identity.email), "a shortlisted candidate is not told they were not");
    }
}
