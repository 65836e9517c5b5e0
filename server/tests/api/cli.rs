//! The `breedwerf` command line, run as an operator would.

use std::process::Command;

use sea_orm::ConnectionTrait;

use crate::helpers::{is_postgres, raw_connection, spawn_app};

fn breedwerf(database_url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_breedwerf"))
        .args(args)
        .env("BREEDWERF_DATABASE_URL", database_url)
        .env("BREEDWERF_NEW_PASSWORD", "een lange zin als wachtwoord")
        .env("RUST_LOG", "error")
        .output()
        .expect("the binary runs")
}

#[tokio::test]
async fn user_create_and_audit_verify_report_what_they_did() {
    let app = spawn_app().await;
    let url = app.database_url.clone();

    let created =
        breedwerf(&url, &["user", "create", "--username", "sanne", "--display-name", "Sanne", "--role", "recruiter"]);
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));

    let invalid = breedwerf(&url, &["user", "create", "--username", "x", "--display-name", "X", "--role", "admin"]);
    assert!(!invalid.status.success());
    assert!(String::from_utf8_lossy(&invalid.stderr).contains("username: A username has 3 to 64 characters."));

    let intact = breedwerf(&url, &["audit", "verify"]);
    assert!(intact.status.success());
    assert!(String::from_utf8_lossy(&intact.stdout).contains("intact: 1 entries"));

    let db = raw_connection(&app).await;
    let guard_off = if is_postgres(&app) {
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change"
    } else {
        "DROP TRIGGER audit_log_no_update"
    };
    db.execute_unprepared(guard_off).await.expect("full access");
    db.execute_unprepared("UPDATE audit_log SET action = 'nothing_happened' WHERE sequence = 1")
        .await
        .expect("tampered");

    let broken = breedwerf(&url, &["audit", "verify"]);
    assert!(!broken.status.success());
    assert!(String::from_utf8_lossy(&broken.stderr).contains("entry 1"), "{}", String::from_utf8_lossy(&broken.stderr));
}
