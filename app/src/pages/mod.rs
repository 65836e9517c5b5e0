//! One module per page, named after the domain.

pub mod accessibility;
pub mod application;
pub mod committee;
pub mod control_outcomes;
pub mod home;
pub mod interview;
pub mod login;
pub mod not_found;
pub mod organisation_rules;
pub mod outbox;
pub mod pilots;
pub mod scoring_results;
pub mod screening;
pub mod shortlist;
pub mod vacancy;
