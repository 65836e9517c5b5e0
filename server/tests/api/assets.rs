//! The built browser app: client routes get index.html, hashed files are cached for good, and
//! responses are compressed.

use reqwest::StatusCode;

use crate::helpers::spawn_app_with_assets;

fn built_app() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a folder");
    let index =
        format!("<!doctype html><html lang=\"nl\"><title>Breedwerf</title><body>{}</body></html>", "app ".repeat(500));
    std::fs::write(dir.path().join("index.html"), index).expect("written");
    std::fs::write(dir.path().join("app-0123456789abcdef_bg.wasm"), [0u8, 97, 115, 109]).expect("written");
    dir
}

#[tokio::test]
async fn client_routes_get_the_app_and_are_never_cached_stale() {
    let dist = built_app();
    let app = spawn_app_with_assets(dist.path().to_owned()).await;
    for path in ["/", "/inloggen", "/some/deep/client/route"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache");
        assert!(response.text().await.expect("text").contains("<title>Breedwerf</title>"));
    }
}

#[tokio::test]
async fn hashed_files_are_cached_for_a_year() {
    let dist = built_app();
    let app = spawn_app_with_assets(dist.path().to_owned()).await;
    let response = app.get("/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let dist = built_app();
    let app = spawn_app_with_assets(dist.path().to_owned()).await;
    let response = reqwest::Client::new().get(app.url("/")).header("accept-encoding", "br").send().await.expect("sent");
    assert_eq!(response.headers()["content-encoding"], "br");
    let json = reqwest::Client::new()
        .get(app.url("/api/public/countries"))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("sent");
    assert_eq!(json.headers()["content-encoding"], "br", "API responses are compressed too");
}

#[tokio::test]
async fn api_paths_never_fall_back_to_the_app() {
    let dist = built_app();
    let app = spawn_app_with_assets(dist.path().to_owned()).await;
    let response = app.get("/api/nothing-here").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
}
