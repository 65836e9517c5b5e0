//! Protection against cross-site request forgery, by the double-submit pattern.
//!
//! `GET /api/session` hands out a random token in a `SameSite=Strict` cookie and in its body. Every
//! request that changes something must send the same token in the `X-CSRF-Token` header. Another
//! site can make a browser send the cookie, but it cannot read it, so it cannot set the header.

use axum::extract::Request;
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};

use super::session::cookie;
use crate::error::ApiError;

pub const CSRF_COOKIE: &str = "bw_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The CSRF token of the request's cookie, if it has a well-formed one.
pub fn token_from_cookie(headers: &HeaderMap) -> Option<String> {
    cookie(headers, CSRF_COOKIE)
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_owned)
}

/// Middleware: refuses requests with an unsafe method unless the header matches the cookie.
pub async fn check(request: Request, next: Next) -> Result<Response, ApiError> {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !matches(request.headers()) {
        return Err(ApiError::CsrfFailed);
    }
    Ok(next.run(request).await)
}

fn matches(headers: &HeaderMap) -> bool {
    let Some(expected) = token_from_cookie(headers) else {
        return false;
    };
    let Some(sent) = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    // Compare digests, so the time taken says nothing about how much of the token was right.
    Sha256::digest(expected.as_bytes()) == Sha256::digest(sent.as_bytes())
}
