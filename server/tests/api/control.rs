//! The control arm's outcomes: after the closing date the recruiter of a control vacancy records
//! how far each applicant came, as the same stage events the pilot arm writes; never back; audited.

use api::pilot::{ControlApplicant, ControlOutcome, ControlOutcomes, Pilot};
use api::problem::ErrorCode;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use server::entities::{application_events, audit_log};

use crate::helpers::{PASSWORD, in_days, problem, spawn_app};
use crate::screening::{ORGANISATION, apply, close, published_vacancy};

#[tokio::test]
async fn the_recruiter_records_how_far_each_control_applicant_came_as_stage_events() {
    let app = spawn_app().await;
    let vacancy = published_vacancy(&app).await;
    let text = "Ik zette de betrokkenen bij elkaar en we maakten samen een plan.";
    for (name, email) in [("Sanne Bakker", "sanne@example.org"), ("Johan Smit", "johan@example.org")] {
        apply(&app, &vacancy, text, (name, email, "0612345678"), true).await;
    }
    let outcomes = format!("/api/vacancies/{}/control-outcomes", vacancy.id);

    // Not in the control arm: nothing to record here.
    assert_eq!(problem(app.get(&outcomes).await).await.code, ErrorCode::NotControlArm);

    // The admin puts it in the control arm of a pilot, by hand with a reason.
    let organisation = app.organisation(ORGANISATION).await;
    app.login_as_new("beheer", api::Role::Admin).await;
    let input = json!({
        "name": "Controle", "starts_on": in_days(-1), "ends_on": in_days(30), "organisations": [organisation],
    });
    let pilot: Pilot = app.post("/api/pilots", &input).await.json().await.expect("pilot");
    let arm = format!("/api/pilots/{}/vacancies/{}/arm", pilot.id, vacancy.id);
    let reason = "Deze vacature volgt de gewone procedure.";
    assert_eq!(app.put(&arm, &json!({ "arm": "control", "reason": reason })).await.status(), StatusCode::OK);

    assert_eq!(app.login("werver", PASSWORD).await.status(), StatusCode::OK);
    assert_eq!(problem(app.get(&outcomes).await).await.code, ErrorCode::VacancyStillOpen);
    close(&app, &vacancy).await;
    let list: ControlOutcomes = app.get(&outcomes).await.json().await.expect("outcomes");
    assert_eq!(list.total, 2);
    let names: Vec<&str> = list.items.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Sanne Bakker", "Johan Smit"], "in the order they applied, by name");
    assert!(list.items.iter().all(|a| a.outcome.is_none()));
    let (sanne, johan) = (list.items[0].application_id, list.items[1].application_id);

    // Hired records every stage on the way; not shortlisted only that.
    let hired = app.put(&format!("{outcomes}/{sanne}"), &json!({ "outcome": "hired" })).await;
    assert_eq!(hired.status(), StatusCode::OK);
    assert_eq!(hired.json::<ControlApplicant>().await.expect("row").outcome, Some(ControlOutcome::Hired));
    let not = app.put(&format!("{outcomes}/{johan}"), &json!({ "outcome": "not_shortlisted" })).await;
    assert_eq!(not.status(), StatusCode::OK);
    let events = application_events::Entity::find()
        .filter(application_events::Column::VacancyId.eq(vacancy.id))
        .all(&app.state.db)
        .await
        .expect("events");
    let mut kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).filter(|k| *k != "started").collect();
    kinds.retain(|k| *k != "step_reached");
    kinds.sort();
    assert_eq!(
        kinds,
        ["hired", "interviewed", "not_shortlisted", "offered", "shortlisted", "submitted", "submitted"],
        "the same events as the pilot arm's procedure"
    );

    // Never back, and nothing changed by the refusal.
    let back = app.put(&format!("{outcomes}/{sanne}"), &json!({ "outcome": "interviewed" })).await;
    assert_eq!(problem(back).await.code, ErrorCode::OutcomeAlreadyFurther);
    // A late invitation is recorded on top of "not shortlisted".
    let late = app.put(&format!("{outcomes}/{johan}"), &json!({ "outcome": "shortlisted" })).await;
    assert_eq!(late.status(), StatusCode::OK);
    let list: ControlOutcomes = app.get(&outcomes).await.json().await.expect("outcomes");
    let recorded: Vec<Option<ControlOutcome>> = list.items.iter().map(|a| a.outcome).collect();
    assert_eq!(recorded, [Some(ControlOutcome::Hired), Some(ControlOutcome::Shortlisted)]);
    let all = application_events::Entity::find()
        .filter(application_events::Column::VacancyId.eq(vacancy.id))
        .all(&app.state.db)
        .await
        .expect("events");
    assert_eq!(all.len(), events.len() + 1, "one event for the late invitation, none for the refusal");

    let audited = audit_log::Entity::find().all(&app.state.db).await.expect("audit");
    let recorded = audited.iter().filter(|e| e.action == "control_outcome_recorded").count();
    assert_eq!(recorded, 3);
    assert!(audited.iter().any(|e| e.action == "identities_viewed" && e.details.contains("control_outcomes")));

    // Committee members and evaluators record nothing.
    for (username, role) in [("lid", api::Role::Committee), ("eval", api::Role::Evaluator)] {
        app.login_as_new(username, role).await;
        let refused = app.put(&format!("{outcomes}/{johan}"), &json!({ "outcome": "hired" })).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{username}");
    }
}
