//! Screening: knock-outs applied, identity cues found, decided and masked, the committee chosen, and
//! the masked answers released. A committee member reads nothing before the release and nothing
//! identifying after it.

use api::application::{ApplicationExport, Receipt};
use api::committee::{AssignedVacancy, CommitteeVacancy, Sift};
use api::problem::ErrorCode;
use api::screening::{Committee, CueType, FindingDecision, FindingSource, ScreenedAnswerPage, Screening};
use api::vacancy::{Vacancy, VacancyStatus};
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use server::entities::{application_events, audit_log, vacancies};
use uuid::Uuid;

use crate::helpers::{Applicant, PASSWORD, TestApp, field_codes, in_days, open_question, problem, spawn_app};

pub(crate) const ORGANISATION: &str = "Ministerie van Screeningzaken";

/// Planted identity: in the answers and in the identity envelope.
const NAME: &str = "Fatima Yilmaz";
const EMAIL: &str = "fatima.yilmaz@example.org";
const PHONE: &str = "06-12345678";
const CITY: &str = "Apeldoorn";
/// Checked as "in 1984" and "uit Marokko" below: four digits may turn up in any id, and the public
/// country list names every country.
const BIRTH_YEAR: &str = "1984";
const ORIGIN: &str = "Marokko";

fn planted_answer() -> String {
    format!(
        "Ik woon in {CITY} en ben geboren in {BIRTH_YEAR}. Mijn ouders komen uit {ORIGIN}. Bel me op {PHONE} of \
         mail {EMAIL}. Met vriendelijke groet, {NAME}"
    )
}

/// A published vacancy of [`ORGANISATION`] with an open question and a knock-out question; the
/// recruiter `werver` stays logged in.
pub(crate) async fn published_vacancy(app: &TestApp) -> Vacancy {
    app.login_as_recruiter_of("werver", ORGANISATION).await;
    let knock_out = json!({
        "id": Uuid::new_v4(), "kind": "knock_out", "prompt": "Kunt u een Verklaring Omtrent het Gedrag krijgen?",
        "knock_out_reason": "Voor werk met vertrouwelijke dossiers is een VOG wettelijk verplicht.", "weight": 1
    });
    let input = json!({
        "title": "Adviseur (m/v/x)", "location": "Utrecht", "language": "nl",
        "text": "Wij zoeken een collega die helder schrijft.",
        "requirements": [
            { "text": "U schrijft helder voor burgers.", "kind": "must_have" },
            { "text": "U werkt goed samen.", "kind": "must_have" },
        ],
        "questions": [open_question(), knock_out], "closing_date": in_days(10),
    });
    let created: Vacancy = app.post("/api/vacancies", &input).await.json().await.expect("created");
    let response =
        app.post(&format!("/api/vacancies/{}/publish", created.id), &json!({ "version": created.version })).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("published")
}

/// Submits an application; returns the applicant (for their own data requests) and the receipt.
pub(crate) async fn apply(
    app: &TestApp,
    vacancy: &Vacancy,
    text: &str,
    contact: (&str, &str, &str),
    vog: bool,
) -> (Applicant, Receipt) {
    let [open, knock_out] = &vacancy.questions[..] else { panic!("two questions") };
    let mut applicant = app.applicant().await;
    assert_eq!(applicant.start(vacancy.id).await.status(), StatusCode::OK);
    let draft = json!({
        "step": "review",
        "answers": [
            { "question_id": open.id, "answer": { "text": text } },
            { "question_id": knock_out.id, "answer": { "yes_no": vog } },
        ],
        "contact": { "name": contact.0, "email": contact.1, "phone": contact.2 },
        "retention": "four_weeks",
    });
    assert_eq!(applicant.put("/api/public/drafts/current", &draft).await.status(), StatusCode::OK);
    let response = applicant.post("/api/public/drafts/current/submit", &json!({})).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let receipt = response.json().await.expect("receipt");
    (applicant, receipt)
}

/// Moves the deadline into the past, as time would.
pub(crate) async fn close(app: &TestApp, vacancy: &Vacancy) {
    vacancies::Entity::update_many()
        .col_expr(vacancies::Column::ClosesAt, Expr::value(Some(chrono::Utc::now() - chrono::Duration::hours(1))))
        .filter(vacancies::Column::Id.eq(vacancy.id))
        .exec(&app.state.db)
        .await
        .expect("closed");
}

/// Three applications: the planted one, a clean one, and one that fails the knock-out question.
async fn closed_vacancy(app: &TestApp) -> (Vacancy, Applicant) {
    let vacancy = published_vacancy(app).await;
    let (planted, _) = apply(app, &vacancy, &planted_answer(), (NAME, EMAIL, PHONE), true).await;
    let clean = "Ik zette de betrokkenen bij elkaar en we maakten samen een plan. Het project was op tijd klaar.";
    apply(app, &vacancy, clean, ("Sanne Bakker", "sanne@example.org", "0612345679"), true).await;
    let knocked = "Ik heb geen ervaring met samenwerken. Groeten, Johan Smit uit Zwolle.";
    apply(app, &vacancy, knocked, ("Johan Smit", "johan@example.org", "0612345670"), false).await;
    close(app, &vacancy).await;
    (vacancy, planted)
}

/// Committee staff of [`ORGANISATION`]; returns their user ids.
pub(crate) async fn committee_staff(app: &TestApp, usernames: &[&str]) -> Vec<Uuid> {
    let organisation = app.organisation(ORGANISATION).await;
    for username in usernames {
        app.create_user_in(username, api::Role::Committee, Some(organisation)).await;
    }
    let users = server::entities::users::Entity::find().all(&app.state.db).await.expect("users");
    usernames.iter().map(|u| users.iter().find(|row| row.username == *u).expect("created").id).collect()
}

async fn screening(app: &TestApp, vacancy: Uuid) -> Screening {
    app.get(&format!("/api/vacancies/{vacancy}/screening")).await.json().await.expect("screening")
}

pub(crate) async fn answers_page(app: &TestApp, vacancy: Uuid, question: Uuid, query: &str) -> ScreenedAnswerPage {
    let path = format!("/api/vacancies/{vacancy}/screening/questions/{question}?{query}");
    app.get(&path).await.json().await.expect("answers")
}

pub(crate) async fn decide(app: &TestApp, vacancy: Uuid, finding: Uuid, decision: &str) -> reqwest::Response {
    app.put(&format!("/api/vacancies/{vacancy}/screening/findings/{finding}"), &json!({ "decision": decision })).await
}

#[tokio::test]
async fn screening_waits_for_the_deadline_applies_knock_outs_and_starts_once() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    apply(&app, &vacancy, "Een antwoord zonder iets persoonlijks.", (NAME, EMAIL, PHONE), true).await;
    apply(&app, &vacancy, "Nog een antwoord.", ("Sanne Bakker", "sanne@example.org", "0612345679"), false).await;
    let start = format!("/api/vacancies/{}/screening", vacancy.id);

    let before = screening(&app, vacancy.id).await;
    assert!(!before.can_start);
    assert_eq!(before.applications, 2);
    let early = app.post(&start, &json!({})).await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    assert_eq!(problem(early).await.code, ErrorCode::VacancyStillOpen);

    close(&app, &vacancy).await;
    assert!(screening(&app, vacancy.id).await.can_start);
    let response = app.post(&start, &json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let started: Screening = response.json().await.expect("started");
    assert_eq!(started.status, VacancyStatus::Screening);
    assert_eq!((started.applications, started.knocked_out), (2, 1));
    assert_eq!(started.questions.len(), 1, "only the question in words is screened");
    assert_eq!(started.questions[0].answers, 1, "the knocked-out application's answer is not screened");

    let again = app.post(&start, &json!({})).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(problem(again).await.code, ErrorCode::ScreeningAlreadyStarted);

    let events = application_events::Entity::find().all(&app.state.db).await.expect("events");
    assert_eq!(events.iter().filter(|e| e.kind == "knocked_out").count(), 1);
    let audit = audit_log::Entity::find().all(&app.state.db).await.expect("audit");
    assert_eq!(audit.iter().filter(|e| e.action == "screening_started").count(), 1);
}

#[tokio::test]
async fn the_recruiter_decides_every_finding_and_the_committee_reads_placeholders_only_after_the_release() {
    let app = spawn_app().await;
    let (vacancy, planted) = closed_vacancy(&app).await;
    let members = committee_staff(&app, &["lid1", "lid2"]).await;
    let question = vacancy.questions[0].id;
    app.post(&format!("/api/vacancies/{}/screening", vacancy.id), &json!({})).await;

    // The recruiter sees the answers by number, never by name, and the detector's findings.
    let all = answers_page(&app, vacancy.id, question, "").await;
    assert_eq!(all.total, 2);
    let mut numbers: Vec<u32> = all.items.iter().map(|a| a.number).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [1, 2]);
    let flagged = answers_page(&app, vacancy.id, question, "flagged=true").await;
    assert_eq!(flagged.total, 1);
    let answer = &flagged.items[0];
    let kinds: Vec<CueType> = answer.findings.iter().map(|f| f.kind).collect();
    for kind in [CueType::Location, CueType::Age, CueType::Origin, CueType::Phone, CueType::Email, CueType::Person] {
        assert!(kinds.contains(&kind), "{kind:?} found in {kinds:?}");
    }
    assert!(answer.findings.iter().all(|f| f.decision == FindingDecision::Pending));

    // The committee member sits on the vacancy but sees nothing before the release.
    let committee = json!({ "members": members, "chair": members[0] });
    let response = app.put(&format!("/api/vacancies/{}/committee", vacancy.id), &committee).await;
    assert_eq!(response.status(), StatusCode::OK);
    let chosen: Committee = response.json().await.expect("committee");
    assert_eq!(chosen.members.len(), 2);
    assert!(chosen.members[0].chair);

    // Release waits for every decision.
    let release = format!("/api/vacancies/{}/screening/release", vacancy.id);
    let early = app.post(&release, &json!({})).await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    assert_eq!(problem(early).await.code, ErrorCode::FindingsPending);

    // Dismiss the birth year (say the recruiter judges it harmless), confirm the rest, and mask a
    // word the detector did not flag by hand.
    for finding in &answer.findings {
        let decision = if finding.kind == CueType::Age { "dismissed" } else { "confirmed" };
        assert_eq!(decide(&app, vacancy.id, finding.id, decision).await.status(), StatusCode::OK);
    }
    let start = answer.text.find("geboren").map(|byte| answer.text[..byte].chars().count()).expect("in the text");
    let mask = json!({ "type": "DATE_OF_BIRTH", "start": start, "end": start + "geboren".len() });
    let response =
        app.post(&format!("/api/vacancies/{}/screening/answers/{}/masks", vacancy.id, answer.id), &mask).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let manual: api::screening::Finding = response.json().await.expect("finding");
    assert_eq!((manual.source, manual.decision), (FindingSource::Manual, FindingDecision::Confirmed));

    // Logged in as a member before the release: the vacancy is listed, its answers do not exist.
    app.login("lid1", PASSWORD).await;
    let assigned: Vec<AssignedVacancy> = app.get("/api/committee/vacancies").await.json().await.expect("assigned");
    assert_eq!(assigned.len(), 1);
    assert!(!assigned[0].released && assigned[0].chair);
    let read = format!("/api/committee/vacancies/{}/questions/{question}/sift", vacancy.id);
    assert_eq!(app.get(&read).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/committee/vacancies/{}", vacancy.id)).await.status(), StatusCode::NOT_FOUND);

    app.login("werver", PASSWORD).await;
    let response = app.post(&release, &json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let released: Screening = response.json().await.expect("released");
    assert_eq!(released.status, VacancyStatus::Scoring);
    let leak = released.leak_rate.expect("a leak rate");
    assert_eq!((leak.answers, leak.answers_with_cue), (2, 1));
    assert_eq!(leak.by_type.get(&CueType::Person), Some(&1));
    assert_eq!(leak.by_type.get(&CueType::Age), None, "a dismissed finding is no leak");
    assert_eq!(leak.by_type.get(&CueType::DateOfBirth), Some(&1), "a manual mask is");
    // Nothing changes after the release.
    let late = decide(&app, vacancy.id, answer.findings[0].id, "dismissed").await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert_eq!(problem(late).await.code, ErrorCode::NotScreening);

    app.login("lid2", PASSWORD).await;
    let scored: CommitteeVacancy =
        app.get(&format!("/api/committee/vacancies/{}", vacancy.id)).await.json().await.expect("vacancy");
    assert_eq!(scored.questions.len(), 1);
    assert_eq!(scored.questions[0].answers, 2);
    let conduct = app.post(&format!("/api/committee/vacancies/{}/conduct", vacancy.id), &json!({})).await;
    assert_eq!(conduct.status(), StatusCode::OK);
    let page: Sift = app.get(&read).await.json().await.expect("answers");
    let masked = page.answers.iter().find(|a| a.text.contains("[naam]")).expect("the planted answer, masked");
    assert_eq!(
        masked.text,
        "Ik woon in [woonplaats] en ben [geboortedatum] in 1984. Mijn ouders komen uit [herkomst]. Bel me op \
         [telefoon] of mail [e-mail]. Met vriendelijke groet, [naam]"
    );
    assert!(page.answers.iter().all(|a| !a.text.contains("Zwolle")), "knocked-out answers are not read");

    // The applicant's own copy is the original, unchanged.
    let export: ApplicationExport = planted
        .get(&format!("/api/public/applications/{}/export", own_reference(&planted).await))
        .await
        .json()
        .await
        .expect("export");
    assert!(export.answers_document.contains(NAME));
}

async fn own_reference(applicant: &Applicant) -> String {
    let draft: Value = applicant.get("/api/public/drafts/current").await.json().await.expect("draft");
    draft["receipt"]["reference"].as_str().expect("submitted").to_owned()
}

#[tokio::test]
async fn bad_decisions_masks_and_committees_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let (vacancy, _) = closed_vacancy(&app).await;
    let members = committee_staff(&app, &["lid1"]).await;
    app.post(&format!("/api/vacancies/{}/screening", vacancy.id), &json!({})).await;
    let page = answers_page(&app, vacancy.id, vacancy.questions[0].id, "flagged=true").await;
    let answer = &page.items[0];

    let pending = decide(&app, vacancy.id, answer.findings[0].id, "pending").await;
    assert_eq!(pending.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_codes(&problem(pending).await), [("decision", ErrorCode::DecisionInvalid)]);
    assert_eq!(decide(&app, vacancy.id, Uuid::new_v4(), "confirmed").await.status(), StatusCode::NOT_FOUND);

    let masks = format!("/api/vacancies/{}/screening/answers/{}/masks", vacancy.id, answer.id);
    let length = answer.text.chars().count();
    for (start, end) in [(length, length + 1), (5, 5), (7, 3)] {
        let response = app.post(&masks, &json!({ "type": "PERSON", "start": start, "end": end })).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{start}..{end}");
        assert_eq!(field_codes(&problem(response).await), [("start", ErrorCode::MaskInvalid)]);
    }

    let committee = format!("/api/vacancies/{}/committee", vacancy.id);
    let stranger = Uuid::new_v4();
    let response = app.put(&committee, &json!({ "members": [members[0], stranger], "chair": null })).await;
    assert_eq!(field_codes(&problem(response).await), [("members", ErrorCode::CommitteeMemberInvalid)]);
    let response = app.put(&committee, &json!({ "members": [members[0]], "chair": stranger })).await;
    assert_eq!(field_codes(&problem(response).await), [("chair", ErrorCode::ChairNotMember)]);
    let release = app.post(&format!("/api/vacancies/{}/screening/release", vacancy.id), &json!({})).await;
    assert_eq!(release.status(), StatusCode::CONFLICT);

    let after = screening(&app, vacancy.id).await;
    assert!(after.committee.is_empty());
    assert_eq!(after.pending, answer.findings.len() as u32);
    assert_eq!(after.status, VacancyStatus::Screening);

    // Another organisation's recruiter finds nothing.
    app.login_as_recruiter_of("ander", "Ministerie van Anderezaken").await;
    assert_eq!(app.get(&format!("/api/vacancies/{}/screening", vacancy.id)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(decide(&app, vacancy.id, answer.findings[0].id, "confirmed").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_committee_member_of_another_vacancy_reads_nothing_of_this_one() {
    let app = spawn_app().await;
    let (vacancy, _) = closed_vacancy(&app).await;
    let members = committee_staff(&app, &["lid1", "buiten"]).await;
    app.post(&format!("/api/vacancies/{}/screening", vacancy.id), &json!({})).await;
    let screened = screening(&app, vacancy.id).await;
    for question in &screened.questions {
        let page = answers_page(&app, vacancy.id, question.id, "per_page=100").await;
        for finding in page.items.iter().flat_map(|a| &a.findings) {
            decide(&app, vacancy.id, finding.id, "confirmed").await;
        }
    }
    app.put(&format!("/api/vacancies/{}/committee", vacancy.id), &json!({ "members": [members[0]], "chair": null }))
        .await;
    let release = app.post(&format!("/api/vacancies/{}/screening/release", vacancy.id), &json!({})).await;
    assert_eq!(release.status(), StatusCode::OK);

    app.login("buiten", PASSWORD).await;
    let assigned: Vec<AssignedVacancy> = app.get("/api/committee/vacancies").await.json().await.expect("assigned");
    assert!(assigned.is_empty());
    assert_eq!(app.get(&format!("/api/committee/vacancies/{}", vacancy.id)).await.status(), StatusCode::NOT_FOUND);
    // Nor can a recruiter read through the committee's door.
    app.login("werver", PASSWORD).await;
    assert_eq!(app.get(&format!("/api/committee/vacancies/{}", vacancy.id)).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn nothing_planted_in_answers_or_envelope_reaches_a_committee_member_at_any_step() {
    let app = spawn_app().await;
    let (vacancy, _) = closed_vacancy(&app).await;
    let members = committee_staff(&app, &["lid1"]).await;
    app.put(&format!("/api/vacancies/{}/committee", vacancy.id), &json!({ "members": members, "chair": members[0] }))
        .await;
    let question = vacancy.questions[0].id;

    // Step by step to the release, the member crawls everything they can reach after each step.
    crawl_as_member(&app, &vacancy, question, false).await;
    app.post(&format!("/api/vacancies/{}/screening", vacancy.id), &json!({})).await;
    crawl_as_member(&app, &vacancy, question, false).await;
    let page = answers_page(&app, vacancy.id, question, "flagged=true").await;
    for finding in page.items.iter().flat_map(|a| &a.findings) {
        assert_eq!(decide(&app, vacancy.id, finding.id, "confirmed").await.status(), StatusCode::OK);
    }
    crawl_as_member(&app, &vacancy, question, false).await;
    let release = app.post(&format!("/api/vacancies/{}/screening/release", vacancy.id), &json!({})).await;
    assert_eq!(release.status(), StatusCode::OK);
    crawl_as_member(&app, &vacancy, question, true).await;
}

/// Logs in as `lid1`, confirms the conduct statement, calls every GET of the OpenAPI document with the
/// vacancy's real ids filled in, and asserts that no planted identity string appears; then logs the
/// recruiter back in.
async fn crawl_as_member(app: &TestApp, vacancy: &Vacancy, question: Uuid, released: bool) {
    assert_eq!(app.login("lid1", PASSWORD).await.status(), StatusCode::OK);
    // Confirming the conduct statement opens the sift once the answers are released; before, it
    // finds nothing.
    let conduct = app.post(&format!("/api/committee/vacancies/{}/conduct", vacancy.id), &json!({})).await;
    let expected = if released { StatusCode::OK } else { StatusCode::NOT_FOUND };
    assert_eq!(conduct.status(), expected);
    let document = app.openapi().await;
    let mut read_masked_answers = false;
    for (path, operations) in document["paths"].as_object().expect("paths") {
        if operations.get("get").is_none() {
            continue;
        }
        let concrete = path
            .replace("{id}", &vacancy.id.to_string())
            .replace("{question_id}", &question.to_string())
            .replace("{reference}", "BW-00000-00000")
            .replace("{rule_id}", &Uuid::new_v4().to_string());
        let response = app.get(&format!("{concrete}?per_page=100")).await;
        let status = response.status();
        let body = response.text().await.expect("a body");
        for planted in [
            NAME,
            "Fatima",
            "Yilmaz",
            EMAIL,
            PHONE,
            CITY,
            "uit Marokko",
            "in 1984",
            "Johan Smit",
            "Zwolle",
            "Sanne Bakker",
        ] {
            assert!(!body.contains(planted), "GET {concrete} reveals {planted}");
        }
        if concrete.ends_with("/sift") && status == StatusCode::OK {
            assert!(body.contains("[naam]"), "the masked answer is there: {body}");
            read_masked_answers = true;
        }
    }
    assert_eq!(read_masked_answers, released, "the member reads answers only after the release");
    assert_eq!(app.login("werver", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn masking_the_rest_of_a_question_leaves_dismissed_findings_alone() {
    let app = spawn_app().await;
    let (vacancy, _) = closed_vacancy(&app).await;
    let question = vacancy.questions[0].id;
    app.post(&format!("/api/vacancies/{}/screening", vacancy.id), &json!({})).await;
    let before = answers_page(&app, vacancy.id, question, "flagged=true").await;
    let dismissed = before.items[0].findings[0].id;
    assert_eq!(decide(&app, vacancy.id, dismissed, "dismissed").await.status(), StatusCode::OK);

    let rest = format!("/api/vacancies/{}/screening/questions/{question}/confirm-pending", vacancy.id);
    let response = app.post(&rest, &json!({})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let summary: Screening = response.json().await.expect("summary");
    assert_eq!(summary.pending, 0);

    let after = answers_page(&app, vacancy.id, question, "flagged=true").await;
    for finding in after.items.iter().flat_map(|a| &a.findings) {
        let expected = if finding.id == dismissed { FindingDecision::Dismissed } else { FindingDecision::Confirmed };
        assert_eq!(finding.decision, expected);
    }
}
