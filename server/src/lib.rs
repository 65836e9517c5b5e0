//! Breedwerf's server: the JSON API under `/api`, the built browser app, persistence, sessions and
//! the audit log. `main.rs` is a thin CLI over this library; tests drive [`startup::Application`].
//!
//! Rules for this crate:
//! - Database rows (`entities`) never leave it: routes convert them into `api` types.
//! - Every error becomes one [`error::ApiError`], rendered once as an RFC 9457 problem in the
//!   request's language. 500s show the client nothing internal; their cause goes to the log.
//! - Every route needs a session unless it is listed in [`routes::public`]: deny by default.
//! - Logs carry ids, never names, passwords, tokens or anything an applicant wrote.
//! - Identity, answers and monitoring data live in separate tables; identity and drafts are sealed
//!   ([`crypto`]), monitoring and events are linked only by keyed pseudonyms.
#![cfg_attr(test, allow(clippy::expect_used, clippy::unwrap_used))] // Unit tests fail loudly on purpose.

pub mod accounts;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod check_text;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod database;
pub mod demo;
pub mod demo_pilot;
pub mod detect_identity;
pub mod entities;
pub mod error;
pub mod evaluation;
pub mod mail;
pub mod routes;
pub mod startup;
pub mod telemetry;
