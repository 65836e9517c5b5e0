//! The structured interview: the kit and its traceability, frozen at the first score; interviewers
//! who score independently (sealed on submit, hidden until all submitted), the consensus view with
//! changes kept; the recruiter's decisions as stage events; and feedback reports with bands from the
//! pool that hold no one else's data; and how far the scorers agreed, for the pilot's evaluators.

use api::application::{ApplicationView, OutboxPage};
use api::interview::{
    Band, Consensus, FeedbackSent, FeedbackStage, InterviewAssignment, InterviewBankEntry, InterviewKit,
    InterviewOverview, Interviewers, Outcome, Scorecard, Traceability,
};
use api::problem::ErrorCode;
use api::ranking::Shortlist;
use api::vacancy::{Vacancy, VacancyStatus};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use server::entities::{application_events, applications, vacancies};
use uuid::Uuid;

use crate::helpers::{Applicant, TestApp, field_codes, problem, spawn_app};
use crate::scoring::{MEMBERS, login};
use crate::screening::{apply, close, committee_staff, published_vacancy};
use crate::shortlist::score_everything;

/// A kit question on `requirement`, as the editor sends it.
fn kit_question(requirement: Uuid, weight: u8) -> Value {
    json!({
        "id": Uuid::new_v4(), "kind": "behavioural",
        "prompt": "Vertel over een keer dat u een ingewikkelde brief voor een burger herschreef.",
        "follow_ups": ["Wat deed u precies?", "Wat was het resultaat?"], "minutes": 8,
        "anchors": {
            "anchor_1": "Geen eigen voorbeeld, of alleen wat anderen deden.",
            "anchor_3": "Een eigen voorbeeld, zonder resultaat.",
            "anchor_5": "Een eigen voorbeeld met aanpak, resultaat en wat de burger ervan merkte."
        },
        "weight": weight, "requirement_ids": [requirement],
    })
}

/// Applications of `vacancy`'s organisation: `n` applicants, scored, the first `shortlisted` on the
/// shortlist, unblinded; with the applicants (for their status pages) and the shortlist.
struct Procedure {
    vacancy: Vacancy,
    applicants: Vec<(Applicant, String)>,
    shortlist: Shortlist,
}

async fn unblinded_procedure(app: &TestApp, n: usize, shortlisted: u32) -> Procedure {
    procedure(app, n, shortlisted, true, 0).await
}

/// As [`unblinded_procedure`], unblinded or not, with `knock_outs` more applicants who fail the
/// knock-out question.
async fn procedure(app: &TestApp, n: usize, shortlisted: u32, unblind: bool, knock_outs: usize) -> Procedure {
    let vacancy = published_vacancy(app).await;
    let mut applicants = Vec::new();
    for i in 0..n {
        let text = format!("Ik maakte met het team een plan en verdeelde de taken, voorbeeld {i}.");
        let name = format!("Zyxwa Kandidaat{i}");
        let (applicant, receipt) =
            apply(app, &vacancy, &text, (&name, &format!("s{i}@example.org"), "0612345678"), true).await;
        applicants.push((applicant, receipt.reference));
    }
    for i in 0..knock_outs {
        let contact = (&format!("Zyxwa Uitvaller{i}") as &str, &format!("k{i}@example.org") as &str, "0612345678");
        let (applicant, receipt) = apply(app, &vacancy, "Geen VOG, wel een voorbeeld.", contact, false).await;
        applicants.push((applicant, receipt.reference));
    }
    close(app, &vacancy).await;
    let members = committee_staff(app, &MEMBERS).await;
    let id = vacancy.id;
    app.post(&format!("/api/vacancies/{id}/screening"), &json!({})).await;
    let committee = json!({ "members": members, "chair": members[0] });
    assert_eq!(app.put(&format!("/api/vacancies/{id}/committee"), &committee).await.status(), StatusCode::OK);
    let question = vacancy.questions[0].id;
    app.post(&format!("/api/vacancies/{id}/screening/questions/{question}/confirm-pending"), &json!({})).await;
    app.post(&format!("/api/vacancies/{id}/screening/release"), &json!({})).await;
    score_everything(app, id, question).await;
    let rationale = "De hoogste scores in de schriftelijke ronde.";
    let fixed = app
        .post(
            &format!("/api/vacancies/{id}/shortlist"),
            &json!({ "method": "top", "top": shortlisted, "rationale": rationale }),
        )
        .await;
    assert_eq!(fixed.status(), StatusCode::CREATED);
    if !unblind {
        let shortlist = app.get(&format!("/api/vacancies/{id}/shortlist")).await.json().await.expect("shortlist");
        return Procedure { vacancy, applicants, shortlist };
    }
    app.post(&format!("/api/vacancies/{id}/unblinding"), &json!({})).await;
    login(app, "lid1").await;
    assert_eq!(
        app.post(&format!("/api/committee/vacancies/{id}/unblinding"), &json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
    login(app, "werver").await;
    let shortlist: Shortlist =
        app.get(&format!("/api/vacancies/{id}/shortlist")).await.json().await.expect("shortlist");
    Procedure { vacancy, applicants, shortlist }
}

/// Saves a kit of two questions (weights 2 and 1) on the vacancy's first requirement and makes
/// `lid1` and `lid2` its interviewers. Returns the kit.
async fn kit_and_interviewers(app: &TestApp, vacancy: &Vacancy) -> InterviewKit {
    let requirement = vacancy.requirements[0].id;
    let kit = json!({ "questions": [kit_question(requirement, 2), kit_question(requirement, 1)] });
    let response = app.put(&format!("/api/vacancies/{}/interview/kit", vacancy.id), &kit).await;
    assert_eq!(response.status(), StatusCode::OK);
    let users = server::entities::users::Entity::find().all(&app.state.db).await.expect("users");
    let ids: Vec<Uuid> =
        ["lid1", "lid2"].iter().map(|u| users.iter().find(|row| row.username == *u).expect("staff").id).collect();
    let set = app.put(&format!("/api/vacancies/{}/interviewers", vacancy.id), &json!({ "interviewers": ids })).await;
    assert_eq!(set.status(), StatusCode::OK);
    response.json().await.expect("kit")
}

async fn application_ids(app: &TestApp, vacancy: Uuid) -> Vec<(Uuid, String)> {
    let rows = applications::Entity::find()
        .filter(applications::Column::VacancyId.eq(vacancy))
        .all(&app.state.db)
        .await
        .expect("applications");
    rows.into_iter().map(|a| (a.id, a.label)).collect()
}

async fn id_of(app: &TestApp, vacancy: Uuid, label: &str) -> Uuid {
    application_ids(app, vacancy).await.into_iter().find(|(_, l)| l == label).expect("label").0
}

/// `interviewer` scores every question of `kit` for `candidate` and submits.
async fn interview(
    app: &TestApp,
    interviewer: &str,
    vacancy: Uuid,
    candidate: Uuid,
    kit: &InterviewKit,
    scores: &[u8],
) {
    login(app, interviewer).await;
    for (question, score) in kit.questions.iter().zip(scores) {
        let body = json!({ "question_id": question.id, "score": score, "note": "Concreet voorbeeld." });
        let saved = app.put(&format!("/api/interviews/{vacancy}/{candidate}/scores"), &body).await;
        assert_eq!(saved.status(), StatusCode::OK);
    }
    let submitted = app.post(&format!("/api/interviews/{vacancy}/{candidate}/submit"), &json!({})).await;
    assert_eq!(submitted.status(), StatusCode::OK);
    login(app, "werver").await;
}

async fn events(app: &TestApp, vacancy: Uuid, kind: &str) -> usize {
    application_events::Entity::find()
        .filter(application_events::Column::VacancyId.eq(vacancy))
        .filter(application_events::Column::Kind.eq(kind))
        .all(&app.state.db)
        .await
        .expect("events")
        .len()
}

#[tokio::test]
async fn the_kit_comes_from_the_bank_is_traced_to_the_requirements_and_freezes_at_the_first_score() {
    let app = spawn_app().await;
    let procedure = unblinded_procedure(&app, 4, 2).await;
    let vacancy = &procedure.vacancy;
    let id = vacancy.id;

    // The bank has both kinds of question in both languages.
    for language in ["nl", "en"] {
        let bank: Vec<InterviewBankEntry> =
            app.get(&format!("/api/interview/bank?language={language}")).await.json().await.expect("bank");
        assert!(bank.len() >= 20, "{language}");
    }

    // Nothing assesses the two must-haves yet; the questionnaire's questions assess nothing.
    let before: Traceability = app.get(&format!("/api/vacancies/{id}/traceability")).await.json().await.expect("trace");
    assert_eq!(before.requirements.iter().filter(|r| r.flagged).count(), 2);
    assert_eq!(before.unlinked_questions.len(), 2);
    assert!(!before.complete);

    // A question that assesses nothing in the vacancy is refused, by position.
    let stray = json!({ "questions": [kit_question(vacancy.requirements[0].id, 1), kit_question(Uuid::new_v4(), 1)] });
    let refused = app.put(&format!("/api/vacancies/{id}/interview/kit"), &stray).await;
    assert_eq!(field_codes(&problem(refused).await), [("questions.1", ErrorCode::InterviewRequirementsInvalid)]);

    // Interviewers are staff of the organisation; a stranger's id is refused.
    let stranger =
        app.put(&format!("/api/vacancies/{id}/interviewers"), &json!({ "interviewers": [Uuid::new_v4()] })).await;
    assert_eq!(field_codes(&problem(stranger).await), [("interviewers", ErrorCode::InterviewerInvalid)]);
    let kit = kit_and_interviewers(&app, vacancy).await;
    let interviewers: Interviewers = app.get(&format!("/api/vacancies/{id}/interviewers")).await.json().await.unwrap();
    assert_eq!(interviewers.interviewers.len(), 2);

    let after: Traceability = app.get(&format!("/api/vacancies/{id}/traceability")).await.json().await.expect("trace");
    let first = &after.requirements[0];
    assert_eq!((first.flagged, first.interview_questions.len()), (false, 2));
    assert!(after.requirements[1].flagged, "the second must-have is still assessed by nothing");

    // An interviewer reads the kit (the printable guide); a member who does not interview cannot.
    login(&app, "lid2").await;
    let guide: InterviewKit = app.get(&format!("/api/vacancies/{id}/interview/kit")).await.json().await.expect("guide");
    assert_eq!(guide.questions, kit.questions);
    login(&app, "lid3").await;
    assert_eq!(app.get(&format!("/api/vacancies/{id}/interview/kit")).await.status(), StatusCode::NOT_FOUND);

    // The first score freezes the kit and starts the interviewing stage.
    login(&app, "lid1").await;
    let candidate = id_of(&app, id, &procedure.shortlist.candidates[0].label).await;
    let body = json!({ "question_id": kit.questions[0].id, "score": 3 });
    assert_eq!(app.put(&format!("/api/interviews/{id}/{candidate}/scores"), &body).await.status(), StatusCode::OK);
    login(&app, "werver").await;
    let frozen: InterviewKit = app.get(&format!("/api/vacancies/{id}/interview/kit")).await.json().await.expect("kit");
    assert!(frozen.frozen);
    let again = app.put(&format!("/api/vacancies/{id}/interview/kit"), &json!({ "questions": [] })).await;
    assert_eq!(problem(again).await.code, ErrorCode::KitFrozen);
    let row = vacancies::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(row.status, VacancyStatus::Interviewing.as_str());
}

#[tokio::test]
async fn scores_stay_sealed_until_every_interviewer_submitted_then_meet_in_the_consensus_view() {
    let app = spawn_app().await;
    let procedure = unblinded_procedure(&app, 4, 2).await;
    let id = procedure.vacancy.id;
    let kit = kit_and_interviewers(&app, &procedure.vacancy).await;
    let candidate = id_of(&app, id, &procedure.shortlist.candidates[0].label).await;
    let scores = format!("/api/interviews/{id}/{candidate}/scores");

    // The interviewer sees the shortlisted candidates by name, and only them.
    login(&app, "lid1").await;
    let assigned: Vec<InterviewAssignment> = app.get("/api/interviews").await.json().await.expect("assigned");
    assert_eq!(assigned.len(), 1);
    assert!(assigned[0].open);
    assert_eq!(assigned[0].candidates.len(), 2);
    assert!(assigned[0].candidates.iter().all(|c| c.name.starts_with("Zyxwa Kandidaat")));

    // The scorecard's time on screen adds up until the interviewer submits it.
    let time = format!("/api/interviews/{id}/{candidate}/time");
    for seconds in [60, 30] {
        assert_eq!(app.post(&time, &json!({ "seconds": seconds })).await.status(), StatusCode::NO_CONTENT);
    }
    let refused = app.post(&time, &json!({ "seconds": 601 })).await;
    assert_eq!(field_codes(&problem(refused).await), [("seconds", ErrorCode::ScoringTimeInvalid)]);

    // Submitting needs a score on every question; after submitting, scores are sealed.
    app.put(&scores, &json!({ "question_id": kit.questions[0].id, "score": 2, "note": "Weinig eigen rol." })).await;
    let early = app.post(&format!("/api/interviews/{id}/{candidate}/submit"), &json!({})).await;
    assert_eq!(problem(early).await.code, ErrorCode::InterviewScoresMissing);
    let invalid = app.put(&scores, &json!({ "question_id": kit.questions[1].id, "score": 6 })).await;
    assert_eq!(field_codes(&problem(invalid).await), [("score", ErrorCode::ScoreInvalid)]);
    app.put(&scores, &json!({ "question_id": kit.questions[1].id, "score": 3 })).await;
    let sealed: Scorecard =
        app.post(&format!("/api/interviews/{id}/{candidate}/submit"), &json!({})).await.json().await.expect("sealed");
    assert!(sealed.submitted && !sealed.consensus_open);
    let late = app.put(&scores, &json!({ "question_id": kit.questions[1].id, "score": 5 })).await;
    assert_eq!(problem(late).await.code, ErrorCode::InterviewSubmitted);
    let late_time = app.post(&time, &json!({ "seconds": 60 })).await;
    assert_eq!(problem(late_time).await.code, ErrorCode::InterviewSubmitted);
    let timed = server::entities::interview_time::Entity::find().all(&app.state.db).await.expect("time");
    assert_eq!(timed.iter().map(|t| t.seconds).collect::<Vec<_>>(), [90]);
    let closed = app.get(&format!("/api/interviews/{id}/{candidate}/consensus")).await;
    assert_eq!(problem(closed).await.code, ErrorCode::ConsensusNotOpen);

    // Neither the other interviewer nor the recruiter sees those scores yet.
    login(&app, "lid2").await;
    let own: Scorecard = app.get(&format!("/api/interviews/{id}/{candidate}")).await.json().await.expect("card");
    assert!(own.entries.is_empty(), "another interviewer's scores are not shown");
    login(&app, "werver").await;
    let overview: InterviewOverview = app.get(&format!("/api/vacancies/{id}/interviews")).await.json().await.unwrap();
    let row = overview.candidates.iter().find(|c| c.application_id == candidate).expect("candidate");
    assert_eq!((row.submitted, row.interview_score), (1, None));
    let closed = app.get(&format!("/api/interviews/{id}/{candidate}/consensus")).await;
    assert_eq!(problem(closed).await.code, ErrorCode::ConsensusNotOpen);
    assert_eq!(events(&app, id, "interviewed").await, 0);

    // The second interviewer submits: the scores meet, a disagreement of two points is flagged.
    interview(&app, "lid2", id, candidate, &kit, &[4, 3]).await;
    assert_eq!(events(&app, id, "interviewed").await, 1);
    login(&app, "lid1").await;
    let consensus: Consensus =
        app.get(&format!("/api/interviews/{id}/{candidate}/consensus")).await.json().await.expect("consensus");
    // Own score first, then the other interviewer's.
    let side_by_side: Vec<Vec<u8>> = consensus
        .questions
        .iter()
        .map(|q| {
            let mut scores: Vec<_> = q.scores.iter().map(|s| (!s.own, s.score)).collect();
            scores.sort();
            scores.into_iter().map(|(_, score)| score).collect()
        })
        .collect();
    assert_eq!(side_by_side, [[2, 4], [3, 3]]);
    assert_eq!(consensus.questions.iter().map(|q| q.disagreement).collect::<Vec<_>>(), [true, false]);
    // Weighted mean: (2 × mean(2, 4) + 1 × mean(3, 3)) / 3 = 3.
    assert!((consensus.interview_score - 3.0).abs() < 1e-12);

    // A change needs a reason, and is kept as old → new.
    let change = format!("/api/interviews/{id}/{candidate}/changes");
    let bare = app.post(&change, &json!({ "question_id": kit.questions[0].id, "score": 3, "reason": "" })).await;
    assert_eq!(field_codes(&problem(bare).await), [("reason", ErrorCode::ChangeReasonRequired)]);
    let reason = "In het overleg: het voorbeeld had wel een resultaat.";
    let changed: Consensus = app
        .post(&change, &json!({ "question_id": kit.questions[0].id, "score": 3, "reason": reason }))
        .await
        .json()
        .await
        .expect("changed");
    let mine = changed.questions[0].scores.iter().find(|s| s.own).expect("own score");
    assert_eq!((mine.score, mine.changes.len(), mine.changes[0].old, mine.changes[0].new), (3, 1, 2, 3));
    // (2 × mean(3, 4) + 1 × 3) / 3 = 10 / 3.
    assert!((changed.interview_score - 10.0 / 3.0).abs() < 1e-12);

    // The recruiter now sees the interview score beside the sift score.
    login(&app, "werver").await;
    let overview: InterviewOverview = app.get(&format!("/api/vacancies/{id}/interviews")).await.json().await.unwrap();
    let row = overview.candidates.iter().find(|c| c.application_id == candidate).expect("candidate");
    assert_eq!((row.submitted, row.interview_rank), (2, Some(1)));
    assert!((row.interview_score.expect("score") - 10.0 / 3.0).abs() < 1e-12 && row.sift_score > 0.0);
}

#[tokio::test]
async fn decisions_explain_departures_by_the_scores_and_become_stage_events() {
    let app = spawn_app().await;
    let procedure = unblinded_procedure(&app, 4, 3).await;
    let id = procedure.vacancy.id;
    let kit = kit_and_interviewers(&app, &procedure.vacancy).await;
    let labels: Vec<String> = procedure.shortlist.candidates.iter().map(|c| c.label.clone()).collect();
    let (a, b, c) =
        (id_of(&app, id, &labels[0]).await, id_of(&app, id, &labels[1]).await, id_of(&app, id, &labels[2]).await);
    // B interviews better than A; C is not interviewed.
    for interviewer in ["lid1", "lid2"] {
        interview(&app, interviewer, id, a, &kit, &[3, 3]).await;
        interview(&app, interviewer, id, b, &kit, &[5, 4]).await;
    }
    let decide = |candidate: Uuid| format!("/api/vacancies/{id}/interviews/{candidate}/decision");

    let not_interviewed =
        app.put(&decide(c), &json!({ "outcome": "reserve", "rationale": "Goede indruk gemaakt." })).await;
    assert_eq!(problem(not_interviewed).await.code, ErrorCode::InterviewNotComplete);
    let short = app.put(&decide(a), &json!({ "outcome": "offer", "rationale": "Ja." })).await;
    assert_eq!(field_codes(&problem(short).await), [("rationale", ErrorCode::RationaleInvalid)]);
    let offered =
        app.put(&decide(a), &json!({ "outcome": "offer", "rationale": "Sterk in de schriftelijke ronde." })).await;
    assert_eq!(offered.status(), StatusCode::OK);

    // B scored higher than A but is held back: the rationale must name the scores.
    let vague =
        app.put(&decide(b), &json!({ "outcome": "reserve", "rationale": "Past minder goed in het team." })).await;
    assert_eq!(field_codes(&problem(vague).await), [("rationale", ErrorCode::RationaleScoresMissing)]);
    let reasoned = json!({ "outcome": "reserve", "rationale": "Op de zwaarst wegende vraag scoorde A 3 tegen B 5, maar A liet in de schriftelijke ronde de hoogste score zien." });
    let overview: InterviewOverview = app.put(&decide(b), &reasoned).await.json().await.expect("overview");
    let row_b = overview.candidates.iter().find(|r| r.application_id == b).expect("b");
    assert!(row_b.decision.as_ref().expect("decided").departs_from_ranking);
    let row_a = overview.candidates.iter().find(|r| r.application_id == a).expect("a");
    assert!(!row_a.decision.as_ref().expect("decided").departs_from_ranking);
    assert_eq!((row_b.interview_rank, row_a.interview_rank), (Some(1), Some(2)));
    let not_selected = json!({ "outcome": "not_selected", "rationale": "Niet verschenen voor het gesprek." });
    assert_eq!(app.put(&decide(c), &not_selected).await.status(), StatusCode::OK);
    let row = vacancies::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(row.status, VacancyStatus::Decided.as_str());

    // Only an offer can be answered, and only an accepted offer ends in a hire, once.
    let respond = |candidate: Uuid| format!("/api/vacancies/{id}/interviews/{candidate}/response");
    let hire = |candidate: Uuid| format!("/api/vacancies/{id}/interviews/{candidate}/hire");
    assert_eq!(problem(app.post(&respond(b), &json!({ "response": "accepted" })).await).await.code, ErrorCode::NoOffer);
    assert_eq!(problem(app.post(&hire(a), &json!({})).await).await.code, ErrorCode::NoOffer);
    assert_eq!(app.post(&respond(a), &json!({ "response": "accepted" })).await.status(), StatusCode::OK);
    let hired: InterviewOverview = app.post(&hire(a), &json!({})).await.json().await.expect("hired");
    let row_a = hired.candidates.iter().find(|r| r.application_id == a).expect("a");
    assert!(row_a.decision.as_ref().is_some_and(|d| d.hired && d.outcome == Outcome::Offer));
    assert_eq!(problem(app.post(&hire(a), &json!({})).await).await.code, ErrorCode::NoOffer);
    let changed =
        app.put(&decide(a), &json!({ "outcome": "reserve", "rationale": "Toch een reserveplaats, score 3." })).await;
    assert_eq!(problem(changed).await.code, ErrorCode::DecisionFinal);

    // Each step is a stage event for the evaluation.
    for (kind, count) in
        [("interviewed", 2), ("offered", 1), ("reserve", 1), ("not_selected", 1), ("offer_accepted", 1), ("hired", 1)]
    {
        assert_eq!(events(&app, id, kind).await, count, "{kind}");
    }
}

#[tokio::test]
async fn feedback_reports_give_each_candidate_their_own_band_and_nothing_of_anyone_else() {
    let app = spawn_app().await;
    // Eight candidates: every member scores an answer by its number, capped at 5, so the sift scores
    // are 1, 2, 3, 4 and four times 5. The shortlist takes three of the four at 5. A ninth fails the
    // knock-out question: not scored, so no bands.
    let procedure = procedure(&app, 8, 3, true, 1).await;
    let id = procedure.vacancy.id;
    let kit = kit_and_interviewers(&app, &procedure.vacancy).await;
    let feedback = format!("/api/vacancies/{id}/feedback");

    // One interviewed candidate is not selected.
    let first = id_of(&app, id, &procedure.shortlist.candidates[0].label).await;
    for interviewer in ["lid1", "lid2"] {
        interview(&app, interviewer, id, first, &kit, &[2, 2]).await;
    }
    let decision = json!({ "outcome": "not_selected", "rationale": "De laagste gespreksscore: 2 op beide vragen." });
    assert_eq!(
        app.put(&format!("/api/vacancies/{id}/interviews/{first}/decision"), &decision).await.status(),
        StatusCode::OK
    );

    let sent: FeedbackSent = app.post(&feedback, &json!({})).await.json().await.expect("sent");
    assert_eq!(sent.sent, 6, "five not shortlisted and one not selected");
    let again: FeedbackSent = app.post(&feedback, &json!({})).await.json().await.expect("sent");
    assert_eq!(again.sent, 0, "a report is sent once");

    // The hand-worked bands by mid-rank among eight: a 1 is at 0.5/8, a 2 at 1.5/8, a 3 at 2.5/8 (all
    // below a third: lower), a 4 at 3.5/8 (middle), a 5 at (4 + 4/2)/8 = 6/8 (above two thirds: upper).
    let sift_scores: Vec<(String, f64)> = {
        let ranking: api::ranking::Ranking =
            app.get(&format!("/api/vacancies/{id}/ranking")).await.json().await.unwrap();
        ranking.candidates.into_iter().map(|c| (c.label, c.score)).collect()
    };
    let labels = application_ids(&app, id).await;
    let shortlisted: Vec<&str> = procedure.shortlist.candidates.iter().map(|c| c.label.as_str()).collect();
    let mut reports = 0;
    for (applicant, reference) in &procedure.applicants {
        let response = applicant.get(&format!("/api/public/applications/{reference}")).await;
        let body = response.text().await.expect("body");
        let view: ApplicationView = serde_json::from_str(&body).expect("view");
        let row = applications::Entity::find()
            .filter(applications::Column::Reference.eq(reference.as_str()))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        let on_list = shortlisted.contains(&row.label.as_str());
        let Some(report) = view.feedback else {
            let knocked_out = row.screening.as_deref() == Some("knocked_out");
            assert!((on_list && row.id != first) || knocked_out, "{reference} should have a report");
            continue;
        };
        reports += 1;
        let score = sift_scores.iter().find(|(l, _)| *l == row.label).expect("ranked").1;
        let expected = if score >= 5.0 {
            Band::Upper
        } else if score >= 4.0 {
            Band::Middle
        } else {
            Band::Lower
        };
        let sift = report.criteria.iter().find(|c| c.stage == FeedbackStage::Sift).expect("sift criterion");
        assert_eq!(sift.band, Some(expected), "score {score}");
        assert_eq!(sift.looked_for, "Een voorbeeld met eigen rol, aanpak en resultaat.");
        if row.id == first {
            // Three interviewed: too few for bands without giving away a rank.
            assert!(report.interview_pool_too_small);
            let spoken: Vec<_> = report.criteria.iter().filter(|c| c.stage == FeedbackStage::Interview).collect();
            assert_eq!(spoken.len(), 2);
            assert!(spoken.iter().all(|c| c.band.is_none() && c.requirements == ["U schrijft helder voor burgers."]));
        }
        // Nothing of anyone else: no other label, reference or name, and no rank.
        for (other, label) in labels.iter().filter(|(other, _)| *other != row.id) {
            assert!(!body.contains(label.as_str()), "another candidate's label");
            let other_row = applications::Entity::find_by_id(*other).one(&app.state.db).await.unwrap().unwrap();
            assert!(!body.contains(&other_row.reference), "another candidate's reference");
        }
        assert!(!body.contains("Zyxwa") && !body.contains("rank"), "no name, no rank");
    }
    assert_eq!(reports, 6);

    // Each of them got an e-mail through the outbox pointing to the status page.
    app.login_as_new("beheer", api::Role::Admin).await;
    let outbox: OutboxPage = app.get("/api/outbox?per_page=100").await.json().await.expect("outbox");
    let told = outbox.items.iter().filter(|m| m.subject.starts_with("Toelichting op uw sollicitatie")).count();
    assert_eq!(told, 6);
}

#[tokio::test]
async fn before_unblinding_an_interviewer_sees_no_candidate() {
    let app = spawn_app().await;
    let procedure = procedure(&app, 4, 2, false, 0).await;
    let id = procedure.vacancy.id;
    kit_and_interviewers(&app, &procedure.vacancy).await;
    let candidate = id_of(&app, id, &procedure.shortlist.candidates[0].label).await;
    login(&app, "lid1").await;
    let assigned: Vec<InterviewAssignment> = app.get("/api/interviews").await.json().await.expect("assigned");
    assert_eq!((assigned.len(), assigned[0].open, assigned[0].candidates.len()), (1, false, 0));
    let card = app.get(&format!("/api/interviews/{id}/{candidate}")).await;
    assert_eq!(problem(card).await.code, ErrorCode::InterviewNotOpen);
    let body = json!({ "question_id": Uuid::new_v4(), "score": 3 });
    let save = app.put(&format!("/api/interviews/{id}/{candidate}/scores"), &body).await;
    assert_eq!(problem(save).await.code, ErrorCode::InterviewNotOpen);
    // A member who is no interviewer gets nothing, not even the vacancy.
    login(&app, "lid3").await;
    let assigned: Vec<InterviewAssignment> = app.get("/api/interviews").await.json().await.expect("assigned");
    assert!(assigned.is_empty());
    assert_eq!(app.get(&format!("/api/interviews/{id}/{candidate}")).await.status(), StatusCode::NOT_FOUND);
}

/// Reliability for a pilot's evaluators: the sift's and the interview's agreement computed from the
/// scores as given independently, nothing from fewer than k candidates, nothing for another
/// evaluator.
#[tokio::test]
async fn the_pilot_reports_how_far_scorers_agreed_on_the_first_scores_only() {
    use api::evaluation::{Reliability, ScoreSource};
    let app = spawn_app().await;
    let procedure = unblinded_procedure(&app, 6, 5).await;
    let id = procedure.vacancy.id;
    let kit = kit_and_interviewers(&app, &procedure.vacancy).await;
    // Two interviewers, five candidates; on the first question they give 1 and 2, 2 and 2, 3 and
    // 3, 4 and 5, 5 and 5.
    // The fifth pair comes later, once the evaluator has looked.
    let pairs = [(1, 2), (2, 2), (3, 3), (4, 5), (5, 5)];
    for (candidate, (first, second)) in procedure.shortlist.candidates.iter().zip(pairs).take(4) {
        let candidate = id_of(&app, id, &candidate.label).await;
        interview(&app, "lid1", id, candidate, &kit, &[first, 3]).await;
        interview(&app, "lid2", id, candidate, &kit, &[second, 3]).await;
    }
    // A change in the consensus does not count: reliability is about the independent scores.
    let changed = id_of(&app, id, &procedure.shortlist.candidates[0].label).await;
    login(&app, "lid1").await;
    let change = json!({ "question_id": kit.questions[0].id, "score": 5, "reason": "Na overleg: toch een resultaat." });
    assert_eq!(app.post(&format!("/api/interviews/{id}/{changed}/changes"), &change).await.status(), StatusCode::OK);

    let organisation = procedure.vacancy.organisation_id;
    app.create_user("eval1", api::Role::Evaluator).await;
    app.create_user("eval2", api::Role::Evaluator).await;
    let evaluator = server::entities::users::Entity::find()
        .filter(server::entities::users::Column::Username.eq("eval1"))
        .one(&app.state.db)
        .await
        .expect("users")
        .expect("eval1")
        .id;
    app.login_as_new("beheer", api::Role::Admin).await;
    let mut pilots = Vec::new();
    for k in [5, 7] {
        let input = json!({
            "name": format!("Pilot met k = {k}"), "starts_on": crate::helpers::in_days(-1),
            "ends_on": crate::helpers::in_days(30), "k": k,
            "organisations": [organisation], "evaluators": [evaluator],
        });
        let created: api::pilot::Pilot = app.post("/api/pilots", &input).await.json().await.expect("pilot");
        pilots.push(created.id);
    }

    login(&app, "eval1").await;
    let path = |pilot: Uuid, source: &str| format!("/api/pilots/{pilot}/reliability?source={source}");
    let response = app.get(&path(pilots[0], "sift")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.expect("body");
    assert!(!body.contains("Zyxwa") && !body.contains("lid1"), "no candidate and no scorer is named");
    let sift: Reliability = serde_json::from_str(&body).expect("reliability");
    assert_eq!((sift.source, sift.k, sift.total, sift.vacancies.len()), (ScoreSource::Sift, 5, 1, 1));
    // The three members gave every answer the same score: full agreement, and no one more lenient.
    let open = &sift.vacancies[0].questions[0].agreement;
    assert_eq!((open.candidates, open.scorers), (Some(6), 3));
    for figure in [open.icc_single, open.icc_average, open.alpha_interval, open.alpha_ordinal] {
        assert!((figure.expect("computed") - 1.0).abs() < 1e-12, "{open:?}");
    }
    assert!(sift.vacancies[0].leniency.iter().all(|l| l.abs() < 1e-12));
    assert_eq!(sift.summary.questions, 1);

    // Four interviewed candidates are fewer than k; the fifth scorecards count at once.
    let early: Reliability = app.get(&path(pilots[0], "interview")).await.json().await.expect("reliability");
    assert!(early.vacancies[0].questions[0].agreement.not_enough_data);
    let fifth = id_of(&app, id, &procedure.shortlist.candidates[4].label).await;
    interview(&app, "lid1", id, fifth, &kit, &[5, 3]).await;
    interview(&app, "lid2", id, fifth, &kit, &[5, 3]).await;
    login(&app, "eval1").await;
    let interview: Reliability = app.get(&path(pilots[0], "interview")).await.json().await.expect("reliability");
    let first = &interview.vacancies[0].questions[0].agreement;
    // Worked by hand: BMS = 4.65, JMS = 0.40, EMS = 0.15 over five candidates and two
    // interviewers; ICC(2,1) = 4.5 / (4.65 + 0.15 + 2 × 0.25 / 5) = 45/49 and
    // ICC(2,k) = 4.5 / (4.65 + 0.25 / 5) = 45/47 — with lid1's first value 1, not the changed 5.
    assert_eq!((first.candidates, first.scorers), (Some(5), 2));
    assert!((first.icc_single.expect("icc") - 45.0 / 49.0).abs() < 1e-12);
    assert!((first.icc_average.expect("icc") - 45.0 / 47.0).abs() < 1e-12);
    // The second interviewer gave one point more than the first twice in ten scores: half a point
    // above the pair's mean each time, so +0.1 on average, and the first −0.1.
    let leniency = &interview.vacancies[0].leniency;
    assert_eq!(leniency.len(), 2);
    assert!((leniency[0] - 0.1).abs() < 1e-12 && (leniency[1] + 0.1).abs() < 1e-12, "{leniency:?}");
    assert_eq!(interview.position, None, "an interview has no order");

    // The vacancy's fidelity: three members sealed every score, ten scorecards, a leak rate from the
    // screening of six applications, the text check at publication.
    let fidelity: api::evaluation::Fidelity =
        app.get(&format!("/api/pilots/{}/fidelity", pilots[0])).await.json().await.expect("fidelity");
    let ran = &fidelity.vacancies[0];
    assert_eq!(
        (fidelity.total, ran.independent_scorers, ran.sealed_share, ran.interview_scorecards),
        (1, 3, Some(1.0), 10)
    );
    assert!(ran.leak_rate.is_some_and(|r| (0.0..=1.0).contains(&r)) && ran.findings_published.is_some(), "{ran:?}");
    let strict: api::evaluation::Fidelity =
        app.get(&format!("/api/pilots/{}/fidelity", pilots[1])).await.json().await.expect("fidelity");
    assert_eq!(strict.vacancies[0].leak_rate, None, "six applications are fewer than k = 7");

    // With k = 7 nothing is computed from these six and five candidates.
    let strict: Reliability = app.get(&path(pilots[1], "sift")).await.json().await.expect("reliability");
    let hidden = &strict.vacancies[0].questions[0].agreement;
    assert!(hidden.not_enough_data);
    assert_eq!((hidden.candidates, hidden.icc_single, hidden.alpha_interval), (None, None, None));
    assert!(strict.vacancies[0].leniency.is_empty() && strict.position.is_none());
    assert_eq!(strict.summary.questions, 0);

    login(&app, "eval2").await;
    assert_eq!(app.get(&path(pilots[0], "sift")).await.status(), StatusCode::NOT_FOUND);
    login(&app, "werver").await;
    assert_eq!(app.get(&path(pilots[0], "sift")).await.status(), StatusCode::FORBIDDEN);
}
