//! The applicant's way through: drafts, monitoring, submission, the receipt, the status page, and the
//! separation of answers, identity and monitoring data.

use api::application::{ApplicationExport, ApplicationView, Draft, OutboxPage, Receipt};
use api::problem::ErrorCode;
use api::vacancy::{OpenVacancyPage, PublicVacancy, Vacancy};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::{Value, json};
use server::entities::{
    application_drafts, application_events, applications, identity_envelopes, monitoring_responses, outbox, vacancies,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::helpers::{
    Applicant, TestApp, fake_smtp_relay, field_codes, in_days, open_question, problem, spawn_app, spawn_app_configured,
};

const NAME: &str = "Zyxwa Plantnaam";
const EMAIL: &str = "planted.zyxwa@example.org";
const PHONE: &str = "06 1239 8765";

/// A published vacancy with an open question (50 words), a knock-out and a multiple-choice question.
pub(crate) async fn published_vacancy(app: &TestApp) -> Vacancy {
    app.login_as_recruiter_of("werver", "Ministerie van Testzaken").await;
    let choice = json!({
        "id": Uuid::new_v4(), "kind": "multiple_choice", "prompt": "Welke wet regelt openbaarheid van overheidsinformatie?",
        "options": [
            { "id": Uuid::new_v4(), "text": "De Woo", "correct": true },
            { "id": Uuid::new_v4(), "text": "De Awb", "correct": false }
        ],
        "weight": 1
    });
    let knock_out = json!({
        "id": Uuid::new_v4(), "kind": "knock_out", "prompt": "Hebt u een Verklaring Omtrent het Gedrag, of kunt u die krijgen?",
        "knock_out_reason": "Voor werk met vertrouwelijke dossiers is een VOG wettelijk verplicht.",
        "weight": 1
    });
    let input = json!({
        "title": "Beleidsmedewerker (m/v/x)", "location": "Den Haag", "language": "nl",
        "text": "Wij zoeken een collega die helder schrijft.",
        "questions": [open_question(), knock_out, choice],
        "closing_date": in_days(14),
    });
    let created: Vacancy = app.post("/api/vacancies", &input).await.json().await.expect("created");
    let publish = format!("/api/vacancies/{}/publish", created.id);
    let response = app.post(&publish, &json!({ "version": created.version })).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("published")
}

fn answers(vacancy: &Vacancy, open_text: &str) -> Value {
    let [open, knock_out, choice] = &vacancy.questions[..] else { panic!("three questions") };
    json!([
        { "question_id": open.id, "answer": { "text": open_text } },
        { "question_id": knock_out.id, "answer": { "yes_no": true } },
        { "question_id": choice.id, "answer": { "choice": choice.options[0].id } },
    ])
}

fn contact() -> Value {
    json!({ "name": NAME, "email": EMAIL, "phone": PHONE })
}

/// An applicant with a complete draft, ready to submit.
pub(crate) async fn complete_draft(app: &TestApp, vacancy: &Vacancy) -> Applicant {
    let mut applicant = app.applicant().await;
    assert_eq!(applicant.start(vacancy.id).await.status(), StatusCode::OK);
    let monitoring =
        json!({ "birth_country": "NL", "mother_birth_country": "MA", "father_birth_country": "NL", "gender": "woman" });
    assert_eq!(
        applicant.put("/api/public/drafts/current/monitoring", &monitoring).await.status(),
        StatusCode::NO_CONTENT
    );
    let draft = json!({
        "step": "review",
        "answers": answers(vacancy, "Ik zette de betrokkenen bij elkaar en we maakten samen een plan."),
        "contact": contact(),
        "retention": "one_year",
    });
    assert_eq!(applicant.put("/api/public/drafts/current", &draft).await.status(), StatusCode::OK);
    applicant
}

#[tokio::test]
async fn an_applicant_applies_and_the_receipt_proves_what_was_submitted() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let public: PublicVacancy =
        app.get(&format!("/api/public/vacancies/{}", vacancy.id)).await.json().await.expect("public");
    assert!(public.open_for_applications);
    assert_eq!(public.questions.len(), 3);
    let open: OpenVacancyPage = app.get("/api/public/vacancies").await.json().await.expect("open vacancies");
    assert_eq!(open.items.iter().map(|v| v.id).collect::<Vec<_>>(), [vacancy.id]);
    let applicant = complete_draft(&app, &vacancy).await;

    let response = applicant.post("/api/public/drafts/current/submit", &json!({})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let receipt: Receipt = response.json().await.expect("a receipt");
    assert!(receipt.reference.starts_with("BW-"));

    let stored = applications::Entity::find().all(&app.state.db).await.expect("applications");
    assert_eq!(stored.len(), 1);
    let expected_digest = hex::encode(Sha256::digest(stored[0].answers.as_bytes()));
    assert_eq!(receipt.digest, expected_digest, "the digest is plain SHA-256 of the stored answers");

    let export: ApplicationExport = applicant
        .get(&format!("/api/public/applications/{}/export", receipt.reference))
        .await
        .json()
        .await
        .expect("export");
    assert_eq!(hex::encode(Sha256::digest(export.answers_document.as_bytes())), receipt.digest);
    assert_eq!(export.contact.name, NAME);
    assert_eq!(export.monitoring.and_then(|m| m.mother_birth_country).as_deref(), Some("MA"));

    // The draft's step and the events let the evaluation see where people stop and how long they take.
    let events = application_events::Entity::find().all(&app.state.db).await.expect("events");
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert!(kinds.contains(&"started") && kinds.contains(&"step_reached") && kinds.contains(&"submitted"), "{kinds:?}");
    assert!(stored[0].submitted_at >= stored[0].started_at);

    // A confirmation e-mail waits in the outbox; the admin reads it in demo mode.
    app.login_as_new("beheer", api::Role::Admin).await;
    let outbox: OutboxPage = app.get("/api/outbox").await.json().await.expect("outbox");
    assert_eq!(outbox.total, 1);
    assert_eq!(outbox.items[0].to, EMAIL);
    assert!(outbox.items[0].body.contains(&receipt.reference));
    assert!(outbox.items[0].body.contains(&receipt.digest));
}

#[tokio::test]
async fn identity_answers_and_monitoring_are_stored_apart_and_identity_is_sealed() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let applicant = complete_draft(&app, &vacancy).await;
    let draft_id = application_drafts::Entity::find().one(&app.state.db).await.expect("query").expect("a draft").id;
    assert_eq!(applicant.post("/api/public/drafts/current/submit", &json!({})).await.status(), StatusCode::CREATED);

    let application = applications::Entity::find().one(&app.state.db).await.expect("query").expect("stored");
    for planted in [NAME, EMAIL, PHONE, "Plantnaam"] {
        assert!(!application.answers.contains(planted), "{planted} in the answers");
        assert!(!application.label.contains("Plant"));
    }
    let envelope = identity_envelopes::Entity::find().one(&app.state.db).await.expect("query").expect("envelope");
    assert!(!envelope.sealed.windows(8).any(|w| w == &NAME.as_bytes()[..8]), "the name is stored readably");
    assert!(!envelope.email_key.contains("example"), "the e-mail address is stored readably");
    let sealed_outbox = outbox::Entity::find().one(&app.state.db).await.expect("query").expect("message");
    assert!(!sealed_outbox.sealed.windows(8).any(|w| w == &EMAIL.as_bytes()[..8]));

    let monitoring = monitoring_responses::Entity::find().one(&app.state.db).await.expect("query").expect("monitoring");
    assert_ne!(monitoring.pseudonym, draft_id.to_string(), "monitoring is keyed by a pseudonym, not the draft id");
    assert!(!monitoring.pseudonym.contains(&draft_id.simple().to_string()));
    assert_eq!(monitoring.origin_group.as_deref(), Some("outside_europe"), "herkomst by the mother's birth country");
    assert_eq!(monitoring.born_in_netherlands, Some(true));
    let draft =
        application_drafts::Entity::find_by_id(draft_id).one(&app.state.db).await.expect("query").expect("kept");
    assert_eq!(draft.payload, None, "the submitted draft keeps no copy");
}

#[tokio::test]
async fn submitting_twice_creates_one_application_and_gives_the_same_receipt() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let applicant = complete_draft(&app, &vacancy).await;
    let submit = "/api/public/drafts/current/submit";
    // A double click: two requests at once.
    let empty = json!({});
    let (first, second) = tokio::join!(applicant.post(submit, &empty), applicant.post(submit, &empty));
    let mut statuses = [first.status(), second.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CREATED]);
    let first: Receipt = first.json().await.expect("receipt");
    let second: Receipt = second.json().await.expect("receipt");
    assert_eq!(first, second);
    // A retry after a timeout.
    let retry = applicant.post(submit, &json!({})).await;
    assert_eq!(retry.status(), StatusCode::OK);
    assert_eq!(retry.json::<Receipt>().await.expect("receipt"), first);
    assert_eq!(applications::Entity::find().all(&app.state.db).await.expect("query").len(), 1);
    assert_eq!(outbox::Entity::find().all(&app.state.db).await.expect("query").len(), 1);
}

#[tokio::test]
async fn a_draft_survives_between_visits_and_its_step_only_moves_on() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let mut applicant = app.applicant().await;
    applicant.start(vacancy.id).await;
    let text = "Eerste versie van mijn antwoord, half af";
    let draft = json!({ "step": "questions", "answers": [{ "question_id": vacancy.questions[0].id, "answer": { "text": text } }] });
    assert_eq!(applicant.put("/api/public/drafts/current", &draft).await.status(), StatusCode::OK);
    let back = json!({ "step": "monitoring", "answers": [{ "question_id": vacancy.questions[0].id, "answer": { "text": text } }] });
    assert_eq!(applicant.put("/api/public/drafts/current", &back).await.status(), StatusCode::OK);

    // Another visit, with only the code (sloppily typed).
    let mut again = app.applicant().await;
    again.code = applicant.code.to_lowercase().replace('-', " ");
    let resumed: Draft = again.get("/api/public/drafts/current").await.json().await.expect("the draft");
    assert_eq!(resumed.step, api::application::Step::Questions);
    assert_eq!(resumed.answers[0].answer, api::application::Answer::Text(text.into()));
    assert!(resumed.receipt.is_none());

    let stranger = app.applicant().await;
    let refused = stranger.get("/api/public/drafts/current").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(problem(refused).await.code, ErrorCode::AccessCodeInvalid);
}

#[tokio::test]
async fn answers_over_the_limit_and_missing_answers_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let mut applicant = app.applicant().await;
    applicant.start(vacancy.id).await;
    let open = vacancy.questions[0].id;
    let too_long = vec!["woord"; 51].join(" ");
    let draft = json!({ "step": "questions", "answers": [{ "question_id": open, "answer": { "text": too_long } }] });
    let refused = applicant.put("/api/public/drafts/current", &draft).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = problem(refused).await;
    assert_eq!(field_codes(&body), [(format!("answers.{open}").as_str(), ErrorCode::AnswerTooLong)]);
    let kept: Draft = applicant.get("/api/public/drafts/current").await.json().await.expect("draft");
    assert!(kept.answers.is_empty(), "nothing was saved");

    let partial = json!({ "step": "review", "answers": [{ "question_id": open, "answer": { "text": "Kort." } }],
        "contact": { "name": "", "email": "niet-een-adres" } });
    assert_eq!(applicant.put("/api/public/drafts/current", &partial).await.status(), StatusCode::OK);
    let refused = applicant.post("/api/public/drafts/current/submit", &json!({})).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = problem(refused).await;
    let codes: Vec<ErrorCode> = field_codes(&body).into_iter().map(|(_, code)| code).collect();
    assert_eq!(
        codes,
        [ErrorCode::AnswerMissing, ErrorCode::AnswerMissing, ErrorCode::ContactNameInvalid, ErrorCode::EmailInvalid]
    );
    assert!(applications::Entity::find().all(&app.state.db).await.expect("query").is_empty());
}

#[tokio::test]
async fn a_second_application_with_the_same_email_for_the_vacancy_is_refused() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let first = complete_draft(&app, &vacancy).await;
    assert_eq!(first.post("/api/public/drafts/current/submit", &json!({})).await.status(), StatusCode::CREATED);
    let second = complete_draft(&app, &vacancy).await;
    let refused = second.post("/api/public/drafts/current/submit", &json!({})).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(problem(refused).await.code, ErrorCode::DuplicateApplication);
    assert_eq!(applications::Entity::find().all(&app.state.db).await.expect("query").len(), 1);
}

#[tokio::test]
async fn after_the_deadline_nothing_is_started_saved_or_submitted() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let applicant = complete_draft(&app, &vacancy).await;
    // The deadline passes.
    let row = vacancies::Entity::find_by_id(vacancy.id).one(&app.state.db).await.expect("query").expect("vacancy");
    let mut closed = row.into_active_model();
    closed.closes_at = Set(Some(chrono::Utc::now() - chrono::Duration::minutes(1)));
    closed.update(&app.state.db).await.expect("updated");

    let public: PublicVacancy =
        app.get(&format!("/api/public/vacancies/{}", vacancy.id)).await.json().await.expect("public");
    assert!(!public.open_for_applications);
    let open: OpenVacancyPage = app.get("/api/public/vacancies").await.json().await.expect("open vacancies");
    assert_eq!(open.total, 0, "a closed vacancy is no longer listed");
    let mut late = app.applicant().await;
    let refused = late.start(vacancy.id).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(problem(refused).await.code, ErrorCode::VacancyClosed);
    let save = json!({ "step": "review" });
    assert_eq!(problem(applicant.put("/api/public/drafts/current", &save).await).await.code, ErrorCode::VacancyClosed);
    let refused = applicant.post("/api/public/drafts/current/submit", &json!({})).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(applications::Entity::find().all(&app.state.db).await.expect("query").is_empty());
}

#[tokio::test]
async fn the_status_page_withdraws_exports_and_deletes_with_the_code_only() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let applicant = complete_draft(&app, &vacancy).await;
    let receipt: Receipt =
        applicant.post("/api/public/drafts/current/submit", &json!({})).await.json().await.expect("receipt");
    let status = format!("/api/public/applications/{}", receipt.reference);

    let view: ApplicationView = applicant.get(&status).await.json().await.expect("status");
    assert_eq!(view.status, api::application::ApplicationStatus::Submitted);
    assert_eq!(view.vacancy_title, "Beleidsmedewerker (m/v/x)");
    assert_eq!(view.retention, api::application::Retention::OneYear);

    // The reference alone, or another applicant's code, opens nothing.
    let mut stranger = complete_draft(&app, &vacancy).await;
    assert_eq!(stranger.get(&status).await.status(), StatusCode::FORBIDDEN);
    stranger.code = String::new();
    assert_eq!(stranger.get(&status).await.status(), StatusCode::FORBIDDEN);

    let withdrawn: ApplicationView =
        applicant.post(&format!("{status}/withdraw"), &json!({})).await.json().await.expect("withdrawn");
    assert_eq!(withdrawn.status, api::application::ApplicationStatus::Withdrawn);
    let again = applicant.post(&format!("{status}/withdraw"), &json!({})).await;
    assert_eq!(problem(again).await.code, ErrorCode::ApplicationNotActive);

    assert_eq!(applicant.delete(&status).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(applicant.get(&status).await.status(), StatusCode::FORBIDDEN);
    assert!(applications::Entity::find().all(&app.state.db).await.expect("query").is_empty());
    assert!(identity_envelopes::Entity::find().all(&app.state.db).await.expect("query").is_empty());
    assert!(outbox::Entity::find().all(&app.state.db).await.expect("query").is_empty());
    // The stranger's monitoring answers remain; the deleted applicant's are gone.
    assert_eq!(monitoring_responses::Entity::find().all(&app.state.db).await.expect("query").len(), 1);
    let audited = server::entities::audit_log::Entity::find().all(&app.state.db).await.expect("audit");
    let actions: Vec<&str> = audited.iter().map(|e| e.action.as_str()).collect();
    for action in ["application_submitted", "application_withdrawn", "application_deleted"] {
        assert!(actions.contains(&action), "{action} not audited");
    }
}

#[tokio::test]
async fn monitoring_answers_are_optional_and_unknown_countries_are_refused() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let mut applicant = app.applicant().await;
    applicant.start(vacancy.id).await;
    let path = "/api/public/drafts/current/monitoring";
    let refused = applicant.put(path, &json!({ "birth_country": "XX" })).await;
    assert_eq!(field_codes(&problem(refused).await), [("birth_country", ErrorCode::CountryUnknown)]);
    assert!(monitoring_responses::Entity::find().all(&app.state.db).await.expect("query").is_empty());
    // Skipping the whole questionnaire is an answer too.
    assert_eq!(applicant.put(path, &json!({})).await.status(), StatusCode::NO_CONTENT);
    let draft: Draft = applicant.get("/api/public/drafts/current").await.json().await.expect("draft");
    assert!(draft.monitoring_done);
    let stored = monitoring_responses::Entity::find().one(&app.state.db).await.expect("query").expect("row");
    assert_eq!(stored.origin_group, None);
}

#[tokio::test]
async fn nothing_a_committee_member_can_request_reveals_identity_or_monitoring_data() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let applicant = complete_draft(&app, &vacancy).await;
    let receipt: Receipt =
        applicant.post("/api/public/drafts/current/submit", &json!({})).await.json().await.expect("receipt");
    app.login_as_new("commissie", api::Role::Committee).await;

    let document = app.openapi().await;
    let paths = document["paths"].as_object().expect("paths");
    let mut crawled = 0;
    let mut answered = 0;
    for (path, operations) in paths {
        if operations.get("get").is_none() {
            continue;
        }
        let concrete = path
            .replace("{id}", &vacancy.id.to_string())
            .replace("{reference}", &receipt.reference)
            .replace("{rule_id}", &Uuid::new_v4().to_string());
        let response = app.get(&concrete).await;
        if response.status() == StatusCode::OK {
            answered += 1;
        }
        let body = response.text().await.expect("a body");
        for planted in [NAME, EMAIL, PHONE, "Plantnaam", "zyxwa"] {
            assert!(!body.contains(planted), "GET {concrete} reveals {planted}");
        }
        for monitoring in ["birth_country", "origin_group", "born_in_netherlands", "\"woman\""] {
            assert!(!body.contains(monitoring), "GET {concrete} reveals monitoring data");
        }
        crawled += 1;
    }
    assert!(crawled >= 10, "only {crawled} paths crawled");
    assert!(answered >= 5, "only {answered} paths answered: the crawl reaches real pages");
}

#[tokio::test]
async fn with_a_relay_configured_the_confirmation_is_sent_and_marked_sent() {
    let (port, mut relay) = fake_smtp_relay().await;
    let app = spawn_app_configured(|config| {
        config.smtp_host = Some("127.0.0.1".into());
        config.smtp_port = port;
    })
    .await;
    let vacancy = published_vacancy(&app).await;
    let applicant = complete_draft(&app, &vacancy).await;
    let receipt: Receipt =
        applicant.post("/api/public/drafts/current/submit", &json!({})).await.json().await.expect("receipt");

    let delivered = tokio::time::timeout(std::time::Duration::from_secs(20), relay.recv())
        .await
        .expect("the relay got the message in time")
        .expect("a message");
    assert!(delivered.contains(&format!("To: {EMAIL}")), "{delivered}");
    assert!(delivered.contains(&receipt.reference), "the confirmation names the reference");
    // The worker marks it sent right after the relay accepted it.
    let marked = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        loop {
            let row = outbox::Entity::find().one(&app.state.db).await.expect("query").expect("message");
            if row.sent_at.is_some() {
                break;
            }
            tokio::task::yield_now().await;
        }
    });
    assert!(marked.await.is_ok(), "the message is marked sent");
}
