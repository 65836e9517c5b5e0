//! The experience surveys and the scoring time: answered once, optional per statement, stored
//! under a pseudonym only, refused when early or off the scale with nothing stored, deleted with the
//! application, and reported to evaluators per arm with nothing from fewer than k.

use api::application::{ApplicationView, Receipt, SurveyMoment};
use api::committee::CommitteeVacancy;
use api::evaluation::{Experience, Statement};
use api::problem::ErrorCode;
use api::vacancy::Arm;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::json;
use server::entities::{
    application_drafts, applications, monitoring_responses, scoring_time, survey_responses, vacancies,
};

use crate::applications::{complete_draft, published_vacancy};
use crate::helpers::{field_codes, problem, spawn_app};
use crate::scoring::{MEMBERS, confirm_conduct, login, released_vacancy, score, sift};

#[tokio::test]
async fn the_applicant_answers_the_survey_once_after_submitting_and_again_after_the_outcome() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let applicant = complete_draft(&app, &vacancy).await;
    let receipt: Receipt =
        applicant.post("/api/public/drafts/current/submit", &json!({})).await.json().await.expect("receipt");
    let status = format!("/api/public/applications/{}", receipt.reference);
    let survey = |moment: &str| format!("{status}/surveys/{moment}");

    let view: ApplicationView = applicant.get(&status).await.json().await.expect("status");
    assert_eq!((view.surveys.open, view.procedure_ended), (vec![SurveyMoment::AfterApplying], false));

    // Too early, empty, off the scale: refused, and nothing stored.
    let early = applicant.put(&survey("after_outcome"), &json!({ "fairness": 4 })).await;
    assert_eq!(problem(early).await.code, ErrorCode::SurveyNotOpen);
    let empty = applicant.put(&survey("after_applying"), &json!({})).await;
    assert_eq!(problem(empty).await.code, ErrorCode::SurveyEmpty);
    let off = applicant.put(&survey("after_applying"), &json!({ "fairness": 4, "effort": 6 })).await;
    assert_eq!(field_codes(&problem(off).await), [("effort", ErrorCode::SurveyAnswerInvalid)]);
    let mut stranger = app.applicant().await;
    stranger.code = "0000-0000-0000-0000-0000".to_owned();
    assert_eq!(
        stranger.put(&survey("after_applying"), &json!({ "fairness": 1 })).await.status(),
        StatusCode::FORBIDDEN
    );
    assert!(survey_responses::Entity::find().all(&app.state.db).await.expect("query").is_empty());

    // One statement left open is fine; a second answer is refused.
    let answered = applicant.put(&survey("after_applying"), &json!({ "fairness": 4, "effort": 2 })).await;
    assert_eq!(answered.status(), StatusCode::OK);
    let view: ApplicationView = answered.json().await.expect("view");
    assert_eq!((view.surveys.open, view.surveys.answered), (vec![], vec![SurveyMoment::AfterApplying]));
    let again = applicant.put(&survey("after_applying"), &json!({ "fairness": 5 })).await;
    assert_eq!(problem(again).await.code, ErrorCode::SurveyAlreadyAnswered);

    // Stored under the pseudonym the monitoring answers carry, with nothing that names the draft.
    let stored = survey_responses::Entity::find().all(&app.state.db).await.expect("query");
    let monitoring = monitoring_responses::Entity::find().all(&app.state.db).await.expect("query");
    let drafts = application_drafts::Entity::find().all(&app.state.db).await.expect("query");
    assert_eq!(stored.len(), 1);
    assert_eq!((stored[0].fairness, stored[0].clarity, stored[0].effort), (Some(4), None, Some(2)));
    assert_eq!(stored[0].respondent, monitoring[0].pseudonym);
    assert!(drafts.iter().all(|d| !stored[0].respondent.contains(&d.id.simple().to_string())));

    // Once every candidate has a decision the procedure has ended, and the second survey opens.
    let mut row = vacancies::Entity::find_by_id(vacancy.id).one(&app.state.db).await.expect("query").expect("row");
    row.status = "decided".to_owned();
    row.into_active_model().reset_all().update(&app.state.db).await.expect("decided");
    let view: ApplicationView = applicant.get(&status).await.json().await.expect("status");
    assert_eq!((view.surveys.open, view.procedure_ended), (vec![SurveyMoment::AfterOutcome], true));
    let after = applicant.put(&survey("after_outcome"), &json!({ "fairness": 2, "clarity": 3 })).await;
    assert_eq!(after.status(), StatusCode::OK);

    // Deleting everything deletes the surveys too.
    assert_eq!(applicant.delete(&status).await.status(), StatusCode::NO_CONTENT);
    assert!(survey_responses::Entity::find().all(&app.state.db).await.expect("query").is_empty());
    assert!(applications::Entity::find().all(&app.state.db).await.expect("query").is_empty());
}

#[tokio::test]
async fn a_committee_member_reports_scoring_time_until_sealing_and_answers_the_survey_after() {
    let app = spawn_app().await;
    let (vacancy, question) = released_vacancy(&app, 3).await;
    let id = vacancy.id;
    let time = format!("/api/committee/vacancies/{id}/questions/{question}/time");
    let seal = format!("/api/committee/vacancies/{id}/questions/{question}/seal");
    let survey = format!("/api/committee/vacancies/{id}/survey");

    // The recruiter does not score: no time, no survey.
    assert_eq!(app.post(&time, &json!({ "seconds": 60 })).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.put(&survey, &json!({ "clarity": 4 })).await.status(), StatusCode::FORBIDDEN);

    login(&app, MEMBERS[0]).await;
    confirm_conduct(&app, id).await;
    assert_eq!(app.post(&time, &json!({ "seconds": 60 })).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.post(&time, &json!({ "seconds": 45 })).await.status(), StatusCode::NO_CONTENT);
    for seconds in [0, 601] {
        let refused = app.post(&time, &json!({ "seconds": seconds })).await;
        assert_eq!(field_codes(&problem(refused).await), [("seconds", ErrorCode::ScoringTimeInvalid)]);
    }
    let elsewhere = format!("/api/committee/vacancies/{id}/questions/{}/time", uuid::Uuid::new_v4());
    assert_eq!(app.post(&elsewhere, &json!({ "seconds": 60 })).await.status(), StatusCode::NOT_FOUND);
    let rows = scoring_time::Entity::find().all(&app.state.db).await.expect("query");
    assert_eq!(rows.iter().map(|r| r.seconds).collect::<Vec<_>>(), [105], "added up, the refused ones not");

    // The survey opens only when every question is sealed; after it, time is no longer scoring.
    let early = app.put(&survey, &json!({ "clarity": 4 })).await;
    assert_eq!(problem(early).await.code, ErrorCode::SurveyNotOpen);
    for answer in sift(&app, id, question).await.answers {
        score(&app, id, question, answer.number, 3, "").await;
    }
    assert_eq!(app.post(&seal, &json!({})).await.status(), StatusCode::OK);
    let late = app.post(&time, &json!({ "seconds": 30 })).await;
    assert_eq!(problem(late).await.code, ErrorCode::QuestionSealed);
    let open: CommitteeVacancy =
        app.get(&format!("/api/committee/vacancies/{id}")).await.json().await.expect("vacancy");
    assert!(open.survey_open && !open.survey_answered);
    assert_eq!(app.put(&survey, &json!({ "clarity": 4, "effort": 2 })).await.status(), StatusCode::NO_CONTENT);
    let again = app.put(&survey, &json!({ "clarity": 5 })).await;
    assert_eq!(problem(again).await.code, ErrorCode::SurveyAlreadyAnswered);
    let done: CommitteeVacancy =
        app.get(&format!("/api/committee/vacancies/{id}")).await.json().await.expect("vacancy");
    assert!(!done.survey_open && done.survey_answered);

    // Stored under a pseudonym: neither the member's id nor the vacancy's is in it.
    let stored = survey_responses::Entity::find().all(&app.state.db).await.expect("query");
    assert_eq!((stored.len(), stored[0].moment.as_str()), (1, "committee"));
    let member = rows[0].member_id.simple().to_string();
    assert!(!stored[0].respondent.contains(&member) && !stored[0].respondent.contains(&id.simple().to_string()));
}

/// In the two-arm pilot, 30 applicants of the pilot arm and 3 of the control arm answered: the pilot
/// arm's answers are shown, the control arm's are not; and no respondent's pseudonym leaves.
#[tokio::test]
async fn evaluators_see_the_surveys_per_arm_and_nothing_from_fewer_than_k() {
    let (app, pilot, (pilot_vacancy, control_vacancy), subjects) = crate::pilots::two_arm_pilot("Ervaring").await;
    let answers = [(pilot_vacancy.id, 30, 4), (control_vacancy.id, 3, 2)];
    let mut respondents = subjects.iter();
    for (vacancy, n, fairness) in answers {
        for i in 0..n {
            survey_responses::ActiveModel {
                respondent: Set(respondents.next().expect("a subject").clone()),
                moment: Set("after_applying".to_owned()),
                vacancy_id: Set(vacancy),
                fairness: Set(Some(fairness + i16::from(i % 2 == 0))),
                clarity: Set(None),
                effort: Set(Some(3)),
                answered_at: Set(chrono::Utc::now()),
            }
            .insert(&app.state.db)
            .await
            .expect("survey");
        }
    }
    app.login("eval1", crate::helpers::PASSWORD).await;
    let response = app.get(&format!("/api/pilots/{}/experience", pilot.id)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.expect("body");
    assert!(subjects.iter().all(|s| !body.contains(s.as_str())), "no pseudonym leaves");
    let experience: Experience = serde_json::from_str(&body).expect("experience");
    let line = |arm: Arm, statement: Statement| {
        experience
            .statements
            .iter()
            .find(|s| s.arm == arm && s.moment == SurveyMoment::AfterApplying && s.statement == statement)
            .expect("a line")
    };
    let pilot_fairness = line(Arm::Pilot, Statement::Fairness);
    assert_eq!(pilot_fairness.answered, Some(30));
    assert_eq!(pilot_fairness.points, [Some(0), Some(0), Some(0), Some(15), Some(15)]);
    assert_eq!((pilot_fairness.mean, pilot_fairness.agree), (Some(4.5), None), "nobody disagreed: too few");
    assert_eq!(line(Arm::Pilot, Statement::Clarity).answered, Some(0));
    let control = line(Arm::Control, Statement::Fairness);
    assert_eq!((control.answered, control.mean, control.agree), (None, None, None));
    assert!(control.points.iter().all(|p| p.is_none_or(|n| n == 0)), "{:?}", control.points);
    let csv = app.get(&format!("/api/pilots/{}/experience.csv", pilot.id)).await.text().await.expect("csv");
    assert!(csv.lines().any(|l| l == "control,after_applying,fairness,answered,"), "hidden is empty");

    // Another evaluator's pilot is not theirs to read.
    app.login("eval2", crate::helpers::PASSWORD).await;
    let other = app.get(&format!("/api/pilots/{}/experience", pilot.id)).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
}
