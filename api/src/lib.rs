//! Breedwerf's wire types: every JSON body the API sends or accepts, shared by the browser app and
//! the server so both sides agree by construction.
//!
//! Rules for this crate:
//! - serde only (and OpenAPI derives behind the `openapi` feature): no axum, no sea-orm, no I/O.
//! - Database rows never leave the server; the server converts them into these types.
//! - Every error the API returns is a [`problem::Problem`] with a stable [`problem::ErrorCode`].
#![cfg_attr(test, allow(clippy::expect_used, clippy::unwrap_used))] // Unit tests fail loudly on purpose.

pub mod account;
pub mod analysis;
pub mod application;
pub mod committee;
pub mod evaluation;
pub mod interview;
pub mod organisation;
pub mod pilot;
pub mod problem;
pub mod ranking;
pub mod screening;
pub mod system;
pub mod vacancy;

pub use domain::access::Role;
pub use domain::language::Language;
