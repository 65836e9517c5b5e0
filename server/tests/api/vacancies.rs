//! Vacancies: drafts, the stored analyses, publication past blocking findings, the public page.

use api::problem::ErrorCode;
use api::vacancy::{PublicVacancy, Vacancy, VacancyPage, VacancyStatus};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use server::entities::{audit_log, vacancy_analyses};

use crate::helpers::{TestApp, field_codes, in_days, open_question, problem, spawn_app};

const MINISTRY: &str = "Ministerie van Testzaken";

fn draft(title: &str, text: &str) -> Value {
    json!({
        "title": title,
        "salary_scale": 10,
        "hours_per_week": 36,
        "location": "Den Haag",
        "language": "nl",
        "text": text,
        "requirements": [
            { "text": "Je schrijft helder beleid.", "kind": "must_have" },
            { "text": "Je kent de Haagse praktijk.", "kind": "nice_to_have" }
        ],
        "questions": [open_question()],
        "closing_date": in_days(30),
    })
}

async fn create(app: &TestApp, title: &str, text: &str) -> Vacancy {
    let response = app.post("/api/vacancies", &draft(title, text)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.expect("a vacancy")
}

async fn stages(app: &TestApp, vacancy: uuid::Uuid) -> Vec<vacancy_analyses::Model> {
    vacancy_analyses::Entity::find()
        .filter(vacancy_analyses::Column::VacancyId.eq(vacancy))
        .all(&app.state.db)
        .await
        .expect("analyses")
}

#[tokio::test]
async fn a_recruiter_saves_a_draft_and_its_first_analysis_is_kept() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("recruiter", MINISTRY).await;
    let vacancy = create(&app, "Beleidsmedewerker (m/v/x)", "Wij zijn een jong team.").await;
    assert_eq!(vacancy.status, VacancyStatus::Draft);
    assert_eq!(vacancy.organisation_name, MINISTRY);
    assert_eq!(vacancy.requirements.len(), 2);

    let analyses = stages(&app, vacancy.id).await;
    assert_eq!(analyses.len(), 1);
    assert_eq!(analyses[0].stage, "first_draft");
    assert!(!analyses[0].rule_set_version.is_empty());
    assert!(analyses[0].analysis.contains("exclusion_age"));
    let audited = audit_log::Entity::find().all(&app.state.db).await.expect("audit");
    assert!(audited.iter().any(|e| e.action == "vacancy_created" && e.subject == Some(vacancy.id.to_string())));
}

#[tokio::test]
async fn invalid_fields_are_each_named_and_nothing_is_saved() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("recruiter", MINISTRY).await;
    let mut body = draft(" ", "tekst");
    body["salary_scale"] = json!(19);
    body["hours_per_week"] = json!(0);
    body["location"] = json!("");
    body["requirements"] = json!([{ "text": "  ", "kind": "must_have" }]);
    let response = app.post("/api/vacancies", &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(response).await),
        [
            ("title", ErrorCode::TitleInvalid),
            ("salary_scale", ErrorCode::SalaryScaleInvalid),
            ("hours_per_week", ErrorCode::HoursInvalid),
            ("location", ErrorCode::LocationInvalid),
            ("requirements", ErrorCode::RequirementInvalid),
        ]
    );
    let page: VacancyPage = app.get("/api/vacancies").await.json().await.expect("a page");
    assert_eq!(page.total, 0);
}

#[tokio::test]
async fn an_ignored_finding_needs_a_reason_and_is_kept_with_the_draft() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("recruiter", MINISTRY).await;
    let mut body = draft("Jurist (m/v/x)", "Je bent ambitieus.");
    body["allowances"] = json!([{ "rule_id": "nl.gender.ambitieus", "word": "ambitieus", "reason": "kort" }]);
    let refused = app.post("/api/vacancies", &body).await;
    assert_eq!(field_codes(&problem(refused).await), [("allowances", ErrorCode::AllowanceReasonInvalid)]);

    body["allowances"][0]["reason"] = json!("Ambitie is de kern van deze functie.");
    let saved: Vacancy = app.post("/api/vacancies", &body).await.json().await.expect("saved");
    assert_eq!(saved.allowances.len(), 1);
    let analyses = stages(&app, saved.id).await;
    assert!(!analyses[0].analysis.contains("nl.gender.ambitieus"), "the allowance applies to the stored analysis");
}

#[tokio::test]
async fn only_recruiters_of_the_organisation_see_its_vacancies() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("recruiter", MINISTRY).await;
    let vacancy = create(&app, "Jurist (m/v/x)", "Wij zoeken een jurist.").await;
    let path = format!("/api/vacancies/{}", vacancy.id);

    app.login_as_recruiter_of("ander", "Ander Ministerie").await;
    let other = app.get(&path).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let page: VacancyPage = app.get("/api/vacancies").await.json().await.expect("a page");
    assert_eq!(page.total, 0);

    let organisation = app.organisation(MINISTRY).await;
    app.create_user_in("lid", api::Role::Committee, Some(organisation)).await;
    app.login("lid", crate::helpers::PASSWORD).await;
    assert_eq!(app.get(&path).await.status(), StatusCode::FORBIDDEN);

    app.create_user("los", api::Role::Recruiter).await;
    app.login("los", crate::helpers::PASSWORD).await;
    let response = app.get("/api/vacancies").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(problem(response).await.code, ErrorCode::NoOrganisation);
}

#[tokio::test]
async fn a_stale_save_is_refused_and_requirements_keep_their_ids() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("recruiter", MINISTRY).await;
    let vacancy = create(&app, "Jurist (m/v/x)", "Wij zoeken een jurist.").await;
    let path = format!("/api/vacancies/{}", vacancy.id);

    let mut body = draft("Senior jurist (m/v/x)", "Wij zoeken een ervaren jurist.");
    body["version"] = json!(vacancy.version);
    body["requirements"][0]["id"] = json!(vacancy.requirements[0].id);
    let saved: Vacancy = app.put(&path, &body).await.json().await.expect("saved");
    assert_eq!(saved.title, "Senior jurist (m/v/x)");
    assert_eq!(saved.version, vacancy.version + 1);
    assert_eq!(saved.requirements[0].id, vacancy.requirements[0].id);
    assert_ne!(saved.requirements[1].id, vacancy.requirements[1].id, "a requirement without id is new");

    // A second editor still on the old version.
    let stale = app.put(&path, &body).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert_eq!(problem(stale).await.code, ErrorCode::EditConflict);
    let current: Vacancy = app.get(&path).await.json().await.expect("vacancy");
    assert_eq!(current.version, saved.version);
}

#[tokio::test]
async fn publication_waits_for_blocking_findings_to_be_fixed_or_explained() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("recruiter", MINISTRY).await;
    let vacancy = create(&app, "Jurist (m/v/x)", "Wij zijn een jong en dynamisch team.").await;
    let publish = format!("/api/vacancies/{}/publish", vacancy.id);

    let refused = app.post(&publish, &json!({ "version": vacancy.version })).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(refused).await.code, ErrorCode::BlockingFindings);

    let analysis: domain::analysis::Analysis =
        app.post("/api/analysis/vacancy-text", &json!({ "text": vacancy.text })).await.json().await.expect("analysis");
    let blocking = analysis.blocking().next().expect("a blocking finding");
    let lazy = json!({ "version": vacancy.version, "overrides": [{ "rule_id": blocking.rule_id, "reason": "nee" }] });
    assert_eq!(app.post(&publish, &lazy).await.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let reason = "Dit citaat komt letterlijk uit het teamplan.";
    let explained =
        json!({ "version": vacancy.version, "overrides": [{ "rule_id": blocking.rule_id, "reason": reason }] });
    let response = app.post(&publish, &explained).await;
    assert_eq!(response.status(), StatusCode::OK);
    let published: Vacancy = response.json().await.expect("published");
    assert_eq!(published.status, VacancyStatus::Published);
    assert!(published.published_at.is_some());

    let analyses = stages(&app, vacancy.id).await;
    let kept = analyses.iter().find(|a| a.stage == "published").expect("published analysis kept");
    assert!(kept.overrides.contains(reason));
    let audited = audit_log::Entity::find().all(&app.state.db).await.expect("audit");
    let entry = audited.iter().find(|e| e.action == "vacancy_published").expect("audited");
    assert!(entry.details.contains(reason));

    // Frozen from here on.
    let mut body = draft("Jurist (m/v/x)", "Een andere tekst.");
    body["version"] = json!(published.version);
    let frozen = app.put(&format!("/api/vacancies/{}", vacancy.id), &body).await;
    assert_eq!(frozen.status(), StatusCode::CONFLICT);
    assert_eq!(problem(frozen).await.code, ErrorCode::VacancyNotEditable);
}

#[tokio::test]
async fn applicants_see_published_vacancies_only() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("recruiter", MINISTRY).await;
    let vacancy = create(&app, "Jurist (m/v/x)", "Wij zoeken een jurist. Schaal 11.").await;
    let public_path = format!("/api/public/vacancies/{}", vacancy.id);
    let anonymous = reqwest::Client::new();

    let draft = anonymous.get(app.url(&public_path)).send().await.expect("sent");
    assert_eq!(draft.status(), StatusCode::NOT_FOUND);

    let publish = format!("/api/vacancies/{}/publish", vacancy.id);
    assert_eq!(app.post(&publish, &json!({ "version": vacancy.version })).await.status(), StatusCode::OK);
    let response = anonymous.get(app.url(&public_path)).send().await.expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    assert!(body.get("allowances").is_none() && body.get("version").is_none(), "no back-office fields: {body}");
    let public: PublicVacancy = serde_json::from_value(body).expect("a public vacancy");
    assert_eq!((public.title.as_str(), public.organisation_name.as_str()), ("Jurist (m/v/x)", MINISTRY));
}

#[tokio::test]
async fn the_list_is_searchable_filterable_and_paged() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("recruiter", MINISTRY).await;
    for title in ["Jurist (m/v/x)", "Senior jurist (m/v/x)", "Beleidsmedewerker (m/v/x)", "Data-analist 100% (m/v/x)"] {
        create(&app, title, "Wij zoeken een collega.").await;
    }
    let titles = |page: VacancyPage| page.items.into_iter().map(|v| v.title).collect::<Vec<_>>();
    let jurists: VacancyPage = app.get("/api/vacancies?q=JURIST").await.json().await.expect("page");
    assert_eq!(jurists.total, 2);
    let percent: VacancyPage = app.get("/api/vacancies?q=%25").await.json().await.expect("page");
    assert_eq!(titles(percent), ["Data-analist 100% (m/v/x)"]);
    let first: VacancyPage = app.get("/api/vacancies?per_page=3&page=1").await.json().await.expect("page");
    let second: VacancyPage = app.get("/api/vacancies?per_page=3&page=2").await.json().await.expect("page");
    assert_eq!((first.items.len(), second.items.len(), first.total), (3, 1, 4));
    let published: VacancyPage = app.get("/api/vacancies?status=published").await.json().await.expect("page");
    assert_eq!(published.total, 0);
}

#[tokio::test]
async fn invalid_questions_are_named_by_position_and_nothing_is_saved() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("werver", MINISTRY).await;
    let mut input = draft("Jurist (m/v/x)", "Wij zoeken een jurist.");
    let mut no_guide = open_question();
    no_guide["guide"] = json!(null);
    let knock_out = json!({ "id": uuid::Uuid::new_v4(), "kind": "knock_out", "prompt": "Hebt u een rijbewijs?", "knock_out_reason": "kort" });
    input["questions"] = json!([open_question(), no_guide, knock_out]);
    let response = app.post("/api/vacancies", &input).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = problem(response).await;
    assert_eq!(
        field_codes(&body),
        [("questions.1", ErrorCode::ScoringGuideIncomplete), ("questions.2", ErrorCode::KnockOutReasonInvalid)]
    );
    let page: VacancyPage = app.get("/api/vacancies").await.json().await.expect("page");
    assert_eq!(page.total, 0);
}

#[tokio::test]
async fn questions_keep_their_ids_and_may_assess_the_vacancys_requirements() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("werver", MINISTRY).await;
    let vacancy = create(&app, "Jurist (m/v/x)", "Wij zoeken een jurist.").await;
    let must_have = vacancy.requirements[0].id;
    let mut body = draft("Jurist (m/v/x)", "Wij zoeken een jurist.");
    body["version"] = json!(vacancy.version);
    body["requirements"][0]["id"] = json!(must_have);
    body["requirements"][1]["id"] = json!(vacancy.requirements[1].id);
    let mut question = serde_json::to_value(&vacancy.questions[0]).expect("json");
    question["requirement_ids"] = json!([must_have]);
    body["questions"] = json!([question]);
    let saved: Vacancy = app.put(&format!("/api/vacancies/{}", vacancy.id), &body).await.json().await.expect("saved");
    assert_eq!(saved.questions[0].id, vacancy.questions[0].id);
    assert_eq!(saved.questions[0].requirement_ids, [must_have]);
    assert!(domain::questionnaire::uncovered_requirements(&[must_have], &saved.questions).is_empty());

    body["version"] = json!(saved.version);
    body["questions"][0]["requirement_ids"] = json!([uuid::Uuid::new_v4()]);
    let refused = app.put(&format!("/api/vacancies/{}", vacancy.id), &body).await;
    assert_eq!(field_codes(&problem(refused).await), [("questions.0", ErrorCode::QuestionRequirementUnknown)]);
}

#[tokio::test]
async fn publication_needs_a_questionnaire_and_a_closing_date_that_has_not_passed() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("werver", MINISTRY).await;
    let text = "Wij zoeken een jurist.";
    let mut input = draft("Jurist (m/v/x)", text);
    input["questions"] = json!([]);
    input["closing_date"] = json!(null);
    let vacancy: Vacancy = app.post("/api/vacancies", &input).await.json().await.expect("created");
    let publish = format!("/api/vacancies/{}/publish", vacancy.id);
    let refused = app.post(&publish, &json!({ "version": vacancy.version })).await;
    assert_eq!(problem(refused).await.code, ErrorCode::QuestionnaireEmpty);

    let save = |questions: Value, closing_date: Value, version: i64| {
        let mut body = draft("Jurist (m/v/x)", text);
        body["questions"] = questions;
        body["closing_date"] = closing_date;
        body["version"] = json!(version);
        body
    };
    let put = format!("/api/vacancies/{}", vacancy.id);
    let saved: Vacancy =
        app.put(&put, &save(json!([open_question()]), json!(null), vacancy.version)).await.json().await.expect("saved");
    let refused = app.post(&publish, &json!({ "version": saved.version })).await;
    assert_eq!(field_codes(&problem(refused).await), [("closing_date", ErrorCode::Required)]);

    let yesterday = (chrono::Utc::now().date_naive() - chrono::Days::new(2)).to_string();
    let saved: Vacancy = app
        .put(&put, &save(json!([open_question()]), json!(yesterday), saved.version))
        .await
        .json()
        .await
        .expect("saved");
    let refused = app.post(&publish, &json!({ "version": saved.version })).await;
    assert_eq!(field_codes(&problem(refused).await), [("closing_date", ErrorCode::ClosingDatePast)]);

    let saved: Vacancy = app
        .put(&put, &save(json!([open_question()]), json!(in_days(10)), saved.version))
        .await
        .json()
        .await
        .expect("saved");
    let published = app.post(&publish, &json!({ "version": saved.version })).await;
    assert_eq!(published.status(), StatusCode::OK);

    // From here on the questionnaire and its scoring guides are frozen.
    let mut changed = save(json!([open_question()]), json!(in_days(10)), saved.version + 1);
    changed["questions"][0]["guide"]["anchor_5"] = json!("Iets anders.");
    let refused = app.put(&put, &changed).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(problem(refused).await.code, ErrorCode::VacancyNotEditable);
    let kept: Vacancy = app.get(&put).await.json().await.expect("vacancy");
    assert_eq!(kept.questions, saved.questions);
}

#[tokio::test]
async fn the_question_bank_offers_guided_questions_in_both_languages() {
    let app = spawn_app().await;
    app.login_as_recruiter_of("werver", MINISTRY).await;
    for language in ["nl", "en"] {
        let bank: Vec<api::vacancy::BankEntry> =
            app.get(&format!("/api/questionnaire/bank?language={language}")).await.json().await.expect("bank");
        assert!(bank.len() >= 10);
        assert!(bank.iter().all(|e| !e.anchors.one.is_empty() && !e.anchors.five.is_empty()));
    }
}
