//! Serving the built browser app: files from Trunk's `dist/`, `index.html` for every client route,
//! compressed, with cache headers that let browsers keep hashed files for a year.

use std::path::Path;

use axum::Router;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::CACHE_CONTROL;
use axum::middleware::{Next, from_fn};
use axum::response::{Html, Response};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

/// The app from `dir`, or a page saying how to build it when `dir` has no `index.html`.
pub fn router(dir: &Path) -> Router {
    let index = dir.join("index.html");
    if !index.is_file() {
        tracing::warn!(dir = %dir.display(), "no built app found; run `cargo xtask run`");
        return Router::new().fallback(|| async { Html(NOT_BUILT) });
    }
    let files = ServeDir::new(dir).fallback(ServeFile::new(index));
    Router::new().fallback_service(files).layer(from_fn(cache_headers)).layer(CompressionLayer::new())
}

const NOT_BUILT: &str = "<!doctype html><html lang=\"en\"><title>Breedwerf</title>\
<p>The browser app is not built. Run <code>cargo xtask run</code>.</p></html>";

async fn cache_headers(request: Request, next: Next) -> Response {
    let immutable = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    let value = if immutable { "public, max-age=31536000, immutable" } else { "no-cache" };
    response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// Trunk names built files `name-<16 hex digits>.ext` (or `_bg.wasm`): their content never changes.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.split('.').next().unwrap_or(file);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn only_trunk_hashed_files_are_cached_for_good() {
        assert!(is_hashed_asset("/app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed_asset("/app-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/vacatures/senior-beleidsmedewerker"));
        assert!(!is_hashed_asset("/favicon.svg"));
    }
}
