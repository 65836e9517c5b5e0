//! Database rows, one module per table. They never leave the server: routes convert them to `api`
//! types.

pub mod application_drafts;
pub mod application_events;
pub mod applications;
pub mod arm_assignments;
pub mod audit_log;
pub mod committee_members;
pub mod decisions;
pub mod feedback_reports;
pub mod identity_envelopes;
pub mod interview_kits;
pub mod interview_score_changes;
pub mod interview_scores;
pub mod interview_submissions;
pub mod interviewers;
pub mod login_failures;
pub mod monitoring_responses;
pub mod organisation_rules;
pub mod organisations;
pub mod outbox;
pub mod pilot_evaluators;
pub mod pilot_organisations;
pub mod pilots;
pub mod question_seals;
pub mod score_changes;
pub mod scores;
pub mod screened_answers;
pub mod screening_findings;
pub mod screenings;
pub mod sessions;
pub mod shortlisted;
pub mod shortlists;
pub mod users;
pub mod vacancies;
pub mod vacancy_analyses;
