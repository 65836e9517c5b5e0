//! The sift: the conduct statement first, each member's own reproducible order, autosaved scores,
//! sealing, and the panel's scores only after every member sealed.

use api::committee::{CommitteeVacancy, Panel, Sift};
use api::problem::ErrorCode;
use api::ranking::{Ranking, ScoringProgress};
use api::screening::Screening;
use api::vacancy::Vacancy;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use server::entities::{committee_members, scores, screened_answers};
use uuid::Uuid;

use crate::helpers::{PASSWORD, TestApp, field_codes, problem, spawn_app};
use crate::screening::{apply, close, committee_staff, published_vacancy};

pub(crate) const MEMBERS: [&str; 3] = ["lid1", "lid2", "lid3"];

/// A vacancy with `applications` clean applications, screened and released to three members.
pub(crate) async fn released_vacancy(app: &TestApp, applications: usize) -> (Vacancy, Uuid) {
    let vacancy = published_vacancy(app).await;
    for n in 0..applications {
        let text = format!("Ik maakte met het team een plan en verdeelde de taken, voorbeeld {n}.");
        let name = format!("Zyxwa Kandidaat{n}");
        apply(app, &vacancy, &text, (&name, &format!("s{n}@example.org"), "0612345678"), true).await;
    }
    close(app, &vacancy).await;
    let members = committee_staff(app, &MEMBERS).await;
    app.post(&format!("/api/vacancies/{}/screening", vacancy.id), &json!({})).await;
    let committee = json!({ "members": members, "chair": members[0] });
    assert_eq!(app.put(&format!("/api/vacancies/{}/committee", vacancy.id), &committee).await.status(), StatusCode::OK);
    let question = vacancy.questions[0].id;
    let confirm = format!("/api/vacancies/{}/screening/questions/{question}/confirm-pending", vacancy.id);
    app.post(&confirm, &json!({})).await;
    let released: Screening =
        app.post(&format!("/api/vacancies/{}/screening/release", vacancy.id), &json!({})).await.json().await.unwrap();
    assert!(released.released_at.is_some());
    (vacancy, question)
}

pub(crate) async fn login(app: &TestApp, username: &str) {
    assert_eq!(app.login(username, PASSWORD).await.status(), StatusCode::OK);
}

pub(crate) async fn sift(app: &TestApp, vacancy: Uuid, question: Uuid) -> Sift {
    let response = app.get(&format!("/api/committee/vacancies/{vacancy}/questions/{question}/sift")).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("sift")
}

pub(crate) async fn score(
    app: &TestApp,
    vacancy: Uuid,
    question: Uuid,
    number: u32,
    score: u8,
    note: &str,
) -> reqwest::Response {
    let path = format!("/api/committee/vacancies/{vacancy}/questions/{question}/sift/{number}");
    app.put(&path, &json!({ "score": score, "note": note })).await
}

pub(crate) async fn confirm_conduct(app: &TestApp, vacancy: Uuid) {
    let response = app.post(&format!("/api/committee/vacancies/{vacancy}/conduct"), &json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let confirmed: CommitteeVacancy = response.json().await.expect("vacancy");
    assert!(confirmed.conduct_confirmed);
}

#[tokio::test]
async fn each_member_confirms_the_conduct_statement_and_gets_an_own_reproducible_order() {
    let app = spawn_app().await;
    let (vacancy, question) = released_vacancy(&app, 10).await;
    let mut orders = Vec::new();
    for member in MEMBERS {
        login(&app, member).await;
        let early = app.get(&format!("/api/committee/vacancies/{}/questions/{question}/sift", vacancy.id)).await;
        assert_eq!(early.status(), StatusCode::CONFLICT);
        assert_eq!(problem(early).await.code, ErrorCode::ConductRequired);
        confirm_conduct(&app, vacancy.id).await;
        let sift = sift(&app, vacancy.id, question).await;
        let numbers: Vec<u32> = sift.answers.iter().map(|a| a.number).collect();
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (1..=10).collect::<Vec<u32>>(), "a permutation of the answers");
        assert_eq!(sift.answers.iter().map(|a| a.position).collect::<Vec<_>>(), (1..=10).collect::<Vec<u32>>());
        orders.push(numbers);
    }
    assert!(orders[0] != orders[1] || orders[1] != orders[2], "members get different orders");

    // Anyone can recompute each member's order from the stored seed.
    let answers = screened_answers::Entity::find()
        .filter(screened_answers::Column::QuestionId.eq(question))
        .all(&app.state.db)
        .await
        .expect("answers");
    let seats = committee_members::Entity::find()
        .filter(committee_members::Column::VacancyId.eq(vacancy.id))
        .all(&app.state.db)
        .await
        .expect("seats");
    let users = server::entities::users::Entity::find().all(&app.state.db).await.expect("users");
    for (member, order) in MEMBERS.iter().zip(&orders) {
        let user = users.iter().find(|u| u.username == *member).expect("member").id;
        let seed = seats.iter().find(|s| s.user_id == user).and_then(|s| s.order_seed).expect("a seed");
        let ids: Vec<Uuid> = answers.iter().map(|a| a.id).collect();
        let recomputed: Vec<u32> =
            domain::scoring::scoring_order(u64::from_ne_bytes(seed.to_ne_bytes()), question, &ids)
                .iter()
                .map(|id| answers.iter().find(|a| a.id == *id).map(|a| a.number as u32).expect("an answer"))
                .collect();
        assert_eq!(&recomputed, order, "{member}'s order from the seed");
    }
}

#[tokio::test]
async fn scores_stay_sealed_until_every_member_sealed_then_the_panel_shows_them_side_by_side() {
    let app = spawn_app().await;
    let (vacancy, question) = released_vacancy(&app, 4).await;
    let panel = format!("/api/committee/vacancies/{}/questions/{question}/panel", vacancy.id);
    let seal = format!("/api/committee/vacancies/{}/questions/{question}/seal", vacancy.id);
    const NOTE: &str = "NOTITIE-ZYXWA";

    // lid1 scores everything (answer 1 low, the rest 3), with a note, and seals.
    login(&app, "lid1").await;
    confirm_conduct(&app, vacancy.id).await;
    for answer in sift(&app, vacancy.id, question).await.answers {
        let value = if answer.number == 1 { 1 } else { 3 };
        assert_eq!(score(&app, vacancy.id, question, answer.number, value, NOTE).await.status(), StatusCode::OK);
    }
    // Autosave: a changed score replaces the first.
    assert_eq!(score(&app, vacancy.id, question, 2, 4, NOTE).await.status(), StatusCode::OK);
    let invalid = score(&app, vacancy.id, question, 2, 6, "").await;
    assert_eq!(field_codes(&problem(invalid).await), [("score", ErrorCode::ScoreInvalid)]);
    let long = score(&app, vacancy.id, question, 2, 4, &"x".repeat(1001)).await;
    assert_eq!(field_codes(&problem(long).await), [("note", ErrorCode::NoteTooLong)]);
    assert_eq!(app.post(&seal, &json!({})).await.status(), StatusCode::OK);
    let sealed = score(&app, vacancy.id, question, 2, 5, "").await;
    assert_eq!(problem(sealed).await.code, ErrorCode::QuestionSealed);
    assert_eq!(problem(app.get(&panel).await).await.code, ErrorCode::PanelNotOpen);

    // lid2 sees nothing of lid1's scores anywhere, and cannot seal before scoring everything.
    login(&app, "lid2").await;
    confirm_conduct(&app, vacancy.id).await;
    let early = app.post(&seal, &json!({})).await;
    assert_eq!(problem(early).await.code, ErrorCode::ScoresMissing);
    assert_no_get_reveals(&app, &vacancy, question, NOTE).await;
    for answer in sift(&app, vacancy.id, question).await.answers {
        let value = if answer.number == 1 { 4 } else { 3 };
        score(&app, vacancy.id, question, answer.number, value, "").await;
    }
    app.post(&seal, &json!({})).await;
    assert_eq!(problem(app.get(&panel).await).await.code, ErrorCode::PanelNotOpen);

    // Nor does the recruiter, who sees how far the committee is, but no ranking yet.
    login(&app, "werver").await;
    assert_no_get_reveals(&app, &vacancy, question, NOTE).await;
    let progress: ScoringProgress =
        app.get(&format!("/api/vacancies/{}/scoring", vacancy.id)).await.json().await.expect("progress");
    assert_eq!(progress.questions[0].members_sealed, 2);
    assert!(!progress.complete);
    let early = app.get(&format!("/api/vacancies/{}/ranking", vacancy.id)).await;
    assert_eq!(problem(early).await.code, ErrorCode::RankingNotReady);

    login(&app, "lid3").await;
    confirm_conduct(&app, vacancy.id).await;
    for answer in sift(&app, vacancy.id, question).await.answers {
        score(&app, vacancy.id, question, answer.number, 3, "").await;
    }
    app.post(&seal, &json!({})).await;
    let opened: Panel = app.get(&panel).await.json().await.expect("the panel");
    assert_eq!(opened.answers.len(), 4);
    let first = opened.answers.iter().find(|a| a.number == 1).expect("answer 1");
    let mut values: Vec<u8> = first.scores.iter().map(|s| s.score).collect();
    values.sort_unstable();
    assert_eq!(values, [1, 3, 4]);
    assert!(first.disagreement, "1 against 4 is flagged");
    assert!((first.mean - 8.0 / 3.0).abs() < 1e-9);
    let second = opened.answers.iter().find(|a| a.number == 2).expect("answer 2");
    assert!(!second.disagreement, "4, 3, 3 is not");
    assert!(second.scores.iter().any(|s| s.note.as_deref() == Some(NOTE)), "notes are shared after the seals");

    // Each score keeps the position at which it was given in that member's order.
    let stored = scores::Entity::find().all(&app.state.db).await.expect("scores");
    assert_eq!(stored.len(), 12);
    assert!(stored.iter().all(|s| (1..=4).contains(&s.position)));

    // Calibration: a sealed score changes only with a reason, and the change is kept.
    let change = format!("/api/committee/vacancies/{}/questions/{question}/sift/1/change", vacancy.id);
    let bare = app.put(&change, &json!({ "score": 2, "reason": "" })).await;
    assert_eq!(field_codes(&problem(bare).await), [("reason", ErrorCode::ChangeReasonRequired)]);
    let reason = "Na de bespreking: het resultaat staat er niet in.";
    let response = app.put(&change, &json!({ "score": 2, "reason": reason })).await;
    assert_eq!(response.status(), StatusCode::OK);
    let calibrated: Panel = response.json().await.expect("the panel");
    let own =
        calibrated.answers.iter().find(|a| a.number == 1).and_then(|a| a.scores.iter().find(|s| s.own)).expect("own");
    assert_eq!(own.score, 2);
    assert_eq!((own.changes[0].old, own.changes[0].new, own.changes[0].reason.as_str()), (3, 2, reason));

    // The recruiter now sees the ranking: labels only, mean over members (one question, weight 1).
    // Answer 1: 1, 4, 2 → 7/3 (spread 3); answer 2: 4, 3, 3 → 10/3; answers 3 and 4: 3.
    login(&app, "werver").await;
    let ranking: Ranking =
        app.get(&format!("/api/vacancies/{}/ranking", vacancy.id)).await.json().await.expect("ranking");
    let scores: Vec<f64> = ranking.candidates.iter().map(|c| c.score).collect();
    let expected = [10.0 / 3.0, 3.0, 3.0, 7.0 / 3.0];
    assert!(scores.iter().zip(expected).all(|(got, want)| (got - want).abs() < 1e-9), "{scores:?}");
    assert!((ranking.candidates[3].spread - 3.0).abs() < 1e-9);
    assert_eq!(ranking.candidates.iter().map(|c| c.rank).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert!(ranking.candidates.iter().all(|c| c.label.len() >= 8 && !c.label.contains(' ')));
    assert!(ranking.knocked_out_labels.is_empty());
}

/// Calls every GET of the OpenAPI document with the vacancy's ids and asserts `secret` is in none.
async fn assert_no_get_reveals(app: &TestApp, vacancy: &Vacancy, question: Uuid, secret: &str) {
    let document = app.openapi().await;
    for (path, operations) in document["paths"].as_object().expect("paths") {
        if operations.get("get").is_none() {
            continue;
        }
        let concrete = path.replace("{id}", &vacancy.id.to_string()).replace("{question_id}", &question.to_string());
        let body = app.get(&concrete).await.text().await.expect("a body");
        assert!(!body.contains(secret), "GET {concrete} reveals another member's scores");
    }
}

#[tokio::test]
async fn the_ranking_counts_a_multiple_choice_question_by_its_key() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("werver", crate::screening::ORGANISATION).await;
    let (right, wrong) = (Uuid::new_v4(), Uuid::new_v4());
    let choice = json!({
        "id": Uuid::new_v4(), "kind": "multiple_choice", "prompt": "Welke wet regelt openbaarheid?",
        "options": [{ "id": right, "text": "De Woo", "correct": true }, { "id": wrong, "text": "De Awb", "correct": false }],
        "weight": 1
    });
    let input = json!({
        "title": "Adviseur (m/v/x)", "location": "Utrecht", "language": "nl", "text": "Wij zoeken een collega.",
        "questions": [crate::helpers::open_question(), choice], "closing_date": crate::helpers::in_days(10),
    });
    let created: Vacancy = app.post("/api/vacancies", &input).await.json().await.expect("created");
    let published: Vacancy = app
        .post(&format!("/api/vacancies/{}/publish", created.id), &json!({ "version": created.version }))
        .await
        .json()
        .await
        .expect("published");
    let [open, multiple] = &published.questions[..] else { panic!("two questions") };
    for (n, option) in [right, wrong].into_iter().enumerate() {
        let mut applicant = app.applicant().await;
        applicant.start(published.id).await;
        let draft = json!({
            "step": "review",
            "answers": [
                { "question_id": open.id, "answer": { "text": "Ik maakte met het team een plan." } },
                { "question_id": multiple.id, "answer": { "choice": option } },
            ],
            "contact": { "name": "Sollicitant", "email": format!("k{n}@example.org") },
        });
        assert_eq!(applicant.put("/api/public/drafts/current", &draft).await.status(), StatusCode::OK);
        assert_eq!(applicant.post("/api/public/drafts/current/submit", &json!({})).await.status(), StatusCode::CREATED);
    }
    close(&app, &published).await;
    let members = committee_staff(&app, &["lid1"]).await;
    app.post(&format!("/api/vacancies/{}/screening", published.id), &json!({})).await;
    app.put(&format!("/api/vacancies/{}/committee", published.id), &json!({ "members": members, "chair": null })).await;
    let release = app.post(&format!("/api/vacancies/{}/screening/release", published.id), &json!({})).await;
    assert_eq!(release.status(), StatusCode::OK);

    login(&app, "lid1").await;
    confirm_conduct(&app, published.id).await;
    for answer in sift(&app, published.id, open.id).await.answers {
        score(&app, published.id, open.id, answer.number, 3, "").await;
    }
    app.post(&format!("/api/committee/vacancies/{}/questions/{}/seal", published.id, open.id), &json!({})).await;

    // Both scored 3 by the committee; the key gives 5 for the right option and 1 for the wrong one.
    login(&app, "werver").await;
    let ranking: Ranking =
        app.get(&format!("/api/vacancies/{}/ranking", published.id)).await.json().await.expect("ranking");
    let scores: Vec<f64> = ranking.candidates.iter().map(|c| c.score).collect();
    assert_eq!(scores, [4.0, 2.0]);
}
