//! The audit log records consequential acts in an unbroken chain, refuses changes, and exposes
//! tampering by anyone who gets past that.

use domain::audit::BrokenLink;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};
use server::audit;
use server::entities::audit_log;

use crate::helpers::{PASSWORD, is_postgres, raw_connection, spawn_app};

async fn actions(app: &crate::helpers::TestApp) -> Vec<String> {
    audit_log::Entity::find()
        .order_by_asc(audit_log::Column::Sequence)
        .all(&app.state.db)
        .await
        .expect("entries")
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn logins_logouts_and_new_accounts_are_recorded_in_an_unbroken_chain() {
    let app = spawn_app().await;
    app.create_user("beheerder", api::Role::Admin).await;
    app.login("beheerder", "wrong password").await;
    app.login("beheerder", PASSWORD).await;
    app.delete("/api/session").await;
    assert_eq!(actions(&app).await, ["user_created", "login_failed", "login_succeeded", "logged_out"]);
    assert_eq!(audit::verify(&app.state.db).await.expect("readable"), Ok(4));
}

#[tokio::test]
async fn concurrent_acts_keep_the_chain_unbroken() {
    let app = spawn_app().await;
    app.create_user("beheerder", api::Role::Admin).await;
    let attempts = (0..12).map(|i| {
        let client = reqwest::Client::new();
        let url = app.url("/api/session");
        let password = if i % 2 == 0 { PASSWORD } else { "wrong password" };
        async move {
            // Each client gets its own CSRF cookie, as separate browsers would.
            let session: api::account::SessionInfo =
                client.get(&url).send().await.expect("sent").json().await.expect("json");
            client
                .post(&url)
                .header("X-CSRF-Token", &session.csrf_token)
                .header("cookie", format!("bw_csrf={}", session.csrf_token))
                .json(&serde_json::json!({ "username": "beheerder", "password": password }))
                .send()
                .await
                .expect("sent")
                .status()
        }
    });
    let statuses = futures_join_all(attempts).await;
    assert!(statuses.iter().all(|s| s.as_u16() == 200 || s.as_u16() == 401), "{statuses:?}");
    assert_eq!(audit::verify(&app.state.db).await.expect("readable"), Ok(13));
}

async fn futures_join_all<F: std::future::Future + Send + 'static>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut outputs = Vec::new();
    for handle in handles {
        outputs.push(handle.await.expect("task finished"));
    }
    outputs
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_an_entry() {
    let app = spawn_app().await;
    app.create_user("beheerder", api::Role::Admin).await;
    let db = raw_connection(&app).await;
    let update = db.execute_unprepared("UPDATE audit_log SET details = '{\"role\":\"evaluator\"}'").await;
    assert!(update.is_err(), "an update must fail");
    let delete = db.execute_unprepared("DELETE FROM audit_log").await;
    assert!(delete.is_err(), "a delete must fail");
    assert_eq!(audit::verify(&app.state.db).await.expect("readable"), Ok(1));
}

#[tokio::test]
async fn tampering_past_the_guard_is_found_at_the_changed_entry() {
    let app = spawn_app().await;
    for name in ["een", "twee", "drie"] {
        app.create_user(name, api::Role::Committee).await;
    }
    let db = raw_connection(&app).await;
    // Someone with full database access switches the guard off and rewrites history.
    let statements: &[&str] = if is_postgres(&app) {
        &[
            "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change",
            "UPDATE audit_log SET details = '{\"role\":\"admin\"}' WHERE sequence = 2",
        ]
    } else {
        &[
            "DROP TRIGGER audit_log_no_update",
            "UPDATE audit_log SET details = '{\"role\":\"admin\"}' WHERE sequence = 2",
        ]
    };
    for statement in statements {
        db.execute_unprepared(statement).await.expect("tampering works with full access");
    }
    assert_eq!(audit::verify(&app.state.db).await.expect("readable"), Err(BrokenLink::ContentChanged { sequence: 2 }));
}
