//! Breedwerf's domain: the rules of the pilot "breed werven en objectief selecteren", as pure code.
//!
//! Rules for this crate:
//! - No I/O, no async, no clock, no randomness: callers pass in what the rules need. That keeps every
//!   rule testable with a table of cases, and lets the browser run the same code as the server.
//! - It builds for `wasm32-unknown-unknown` as well as natively; dependencies must too.
//! - Messy input gives findings or typed errors, never a panic.
//!
//! Modules are named after the domain: [`language`], [`access`] (who may do what), [`account`]
//! (usernames and passwords as parsed types), [`audit`] (the hash chain of the audit log) and
//! [`analysis`] (the inclusive vacancy-text analyser), [`vacancy`], [`questionnaire`] (questions, scoring
//! guides and the question bank), [`application`] (answers, word counts, the receipt's digest),
//! [`monitoring`] (the voluntary CBS questionnaire), [`screening`] (identity cues in answers) and
//! [`scoring`] (each member's scoring order, scores and disagreements), [`interview`] (the structured
//! interview's kit and the traceability of requirements), [`decision`] (outcomes, their rationale,
//! and the feedback bands), [`control`] (how far applicants to a control vacancy came), [`pilot`]
//! (the random assignment of vacancies to arms within strata), [`statistics`] (the evaluation's
//! figures, checked against published worked examples) and [`survey`] (the experience surveys of
//! applicants and committee members).
#![cfg_attr(test, allow(clippy::expect_used, clippy::unwrap_used))] // Unit tests fail loudly on purpose.

pub mod access;
pub mod account;
pub mod analysis;
pub mod application;
pub mod audit;
pub mod control;
pub mod decision;
pub mod evaluation;
pub mod interview;
pub mod language;
pub mod monitoring;
pub mod pilot;
pub mod questionnaire;
pub mod scoring;
pub mod screening;
pub mod statistics;
pub mod survey;
pub mod vacancy;
