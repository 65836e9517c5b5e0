//! Database rows, one module per table. They never leave the server: routes convert them to `api`
//! types.

pub mod audit_log;
pub mod login_failures;
pub mod organisation_rules;
pub mod organisations;
pub mod sessions;
pub mod users;
pub mod vacancies;
pub mod vacancy_analyses;
