//! Breedwerf's database schema, as timestamped migrations with `up` and `down`.
//!
//! Rules: every migration runs on SQLite and PostgreSQL; a migration never changes once it has landed
//! (write a new one); changes are expand-then-contract, so a running server survives them.

pub use sea_orm_migration::MigratorTrait;
use sea_orm_migration::prelude::*;

mod m20261127_000001_staff_accounts;
mod m20261127_000002_audit_log;
mod m20261127_000003_vacancies;
mod m20261127_000004_organisation_rules;
mod m20261127_000005_questionnaires;
mod m20261127_000006_applications;
mod m20261130_000007_screening;
mod m20261130_000008_scoring;
mod m20261130_000009_calibration;
mod m20261130_000010_shortlist;
mod m20261130_000011_interview;
mod m20261130_000012_pilots;
mod m20261201_000013_experience;
mod m20261201_000014_monitoring_by_vacancy;
mod m20261201_000015_interview_time;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_staff_accounts::Migration),
            Box::new(m20261127_000002_audit_log::Migration),
            Box::new(m20261127_000003_vacancies::Migration),
            Box::new(m20261127_000004_organisation_rules::Migration),
            Box::new(m20261127_000005_questionnaires::Migration),
            Box::new(m20261127_000006_applications::Migration),
            Box::new(m20261130_000007_screening::Migration),
            Box::new(m20261130_000008_scoring::Migration),
            Box::new(m20261130_000009_calibration::Migration),
            Box::new(m20261130_000010_shortlist::Migration),
            Box::new(m20261130_000011_interview::Migration),
            Box::new(m20261130_000012_pilots::Migration),
            Box::new(m20261201_000013_experience::Migration),
            Box::new(m20261201_000014_monitoring_by_vacancy::Migration),
            Box::new(m20261201_000015_interview_time::Migration),
        ]
    }
}
