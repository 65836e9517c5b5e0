//! Errors of the API, mapped to responses in one place.
//!
//! A handler returns [`ApiError`]. Its response carries the error code and status; the
//! [`render_problems`] middleware, which knows the request's language, turns that into the JSON
//! problem body. So every error, from every route and extractor, has one shape and one language.

use std::borrow::Cow;

use api::Language;
use api::problem::{ErrorCode, FieldError, Problem};
use axum::body::Body;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, RETRY_AFTER};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Everything a request can fail with. Expected failures say what the user can do; `Internal` is
/// logged with its cause and shown to the client only as "something went wrong".
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("validation failed")]
    Validation(Vec<(Cow<'static, str>, ErrorCode)>),
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("too many failed logins; retry after {retry_after_seconds} s")]
    TooManyAttempts { retry_after_seconds: u64 },
    #[error("not logged in")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not allowed: {0:?}")]
    ForbiddenBecause(ErrorCode),
    #[error("conflict: {0:?}")]
    Conflict(ErrorCode),
    #[error("cannot be done: {0:?}")]
    Unprocessable(ErrorCode),
    #[error("CSRF check failed")]
    CsrfFailed,
    #[error("not found")]
    NotFound,
    #[error("body too large")]
    PayloadTooLarge,
    /// The reason is not kept: serde's messages quote the input, which may be personal data.
    #[error("malformed request")]
    MalformedRequest,
    #[error("database unavailable")]
    ServiceUnavailable(#[source] sea_orm::DbErr),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(error: sea_orm::DbErr) -> ApiError {
        match error {
            sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => ApiError::ServiceUnavailable(error),
            other => ApiError::Internal(other.into()),
        }
    }
}

impl ApiError {
    /// One field that is not right.
    pub fn field(field: &'static str, code: ErrorCode) -> ApiError {
        ApiError::Validation(vec![(field.into(), code)])
    }

    /// Fields that are not right, each with its code. Names may be computed, e.g. `questions.2`.
    pub fn invalid<F: Into<Cow<'static, str>>>(fields: impl IntoIterator<Item = (F, ErrorCode)>) -> ApiError {
        ApiError::Validation(fields.into_iter().map(|(field, code)| (field.into(), code)).collect())
    }

    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        match self {
            ApiError::Validation(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::ValidationFailed),
            ApiError::InvalidCredentials => (StatusCode::UNAUTHORIZED, ErrorCode::InvalidCredentials),
            ApiError::TooManyAttempts { .. } => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyAttempts),
            ApiError::Unauthenticated => (StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated),
            ApiError::Forbidden => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            ApiError::ForbiddenBecause(code) => (StatusCode::FORBIDDEN, *code),
            ApiError::Conflict(code) => (StatusCode::CONFLICT, *code),
            ApiError::Unprocessable(code) => (StatusCode::UNPROCESSABLE_ENTITY, *code),
            ApiError::CsrfFailed => (StatusCode::FORBIDDEN, ErrorCode::CsrfFailed),
            ApiError::NotFound => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            ApiError::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge),
            ApiError::MalformedRequest => (StatusCode::BAD_REQUEST, ErrorCode::MalformedRequest),
            ApiError::ServiceUnavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::ServiceUnavailable),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }
}

/// What [`render_problems`] needs to write the body: kept in the response's extensions.
#[derive(Debug, Clone)]
struct PendingProblem {
    code: ErrorCode,
    fields: Vec<(Cow<'static, str>, ErrorCode)>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        match &self {
            ApiError::Internal(cause) => tracing::error!(error = ?cause, "request failed"),
            ApiError::ServiceUnavailable(cause) => {
                tracing::error!(error = %cause, "database unavailable")
            }
            _ => {}
        }
        let mut response = status.into_response();
        if let ApiError::TooManyAttempts { retry_after_seconds } = self {
            response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(retry_after_seconds));
        }
        let fields = match self {
            ApiError::Validation(fields) => fields,
            _ => Vec::new(),
        };
        response.extensions_mut().insert(PendingProblem { code, fields });
        response
    }
}

/// Middleware: writes the problem body of an [`ApiError`] response in the request's language, and
/// gives axum's own plain responses (404, 405, 400 for a bad path or query) the same shape.
pub async fn render_problems(request: Request, next: Next) -> Response {
    let language = request_language(request.headers());
    let mut response = next.run(request).await;
    let pending = response.extensions_mut().remove::<PendingProblem>().or_else(|| {
        // axum's own answers (unknown route, wrong method, a path or query it cannot parse) have no
        // body or a plain-text one: give them the problem shape too.
        let plain = response
            .headers()
            .get(CONTENT_TYPE)
            .is_none_or(|value| value.to_str().is_ok_and(|v| v.starts_with("text/plain")));
        let code = match response.status() {
            StatusCode::NOT_FOUND => ErrorCode::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
            StatusCode::BAD_REQUEST | StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNPROCESSABLE_ENTITY => {
                ErrorCode::MalformedRequest
            }
            _ => return None,
        };
        plain.then_some(PendingProblem { code, fields: Vec::new() })
    });
    let Some(pending) = pending else {
        return response;
    };
    let fields = pending.fields.iter().map(|(field, code)| FieldError::new(field, *code, language)).collect();
    let problem = Problem::new(response.status().as_u16(), pending.code, language, fields);
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    response.headers_mut().remove(axum::http::header::CONTENT_LENGTH);
    *response.body_mut() = Body::from(body);
    response
}

/// The language a request asks for through `Accept-Language`; Dutch by default.
pub fn request_language(headers: &axum::http::HeaderMap) -> Language {
    headers.get(ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok()).map(Language::negotiate).unwrap_or_default()
}

/// The request's language, as an extractor.
#[derive(Debug, Clone, Copy)]
pub struct RequestLanguage(pub Language);

impl<S: Send + Sync> FromRequestParts<S> for RequestLanguage {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestLanguage(request_language(&parts.headers)))
    }
}

/// `axum::Json`, but a body that is too large, malformed or of the wrong shape becomes an
/// [`ApiError`] (413 or 400) with the problem shape, instead of axum's plain-text rejection.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::MalformedRequest
        }
    }
}

/// Turns a panic in a handler into the same opaque 500 as any internal error.
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::Internal(anyhow::anyhow!("handler panicked")).into_response()
}
