//! The monitoring answers by vacancy: the evaluation's event log reads them a few vacancies at a
//! time, which without this index is a scan of every answer for each slice.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_monitoring_responses_vacancy")
                    .table(MonitoringResponses::Table)
                    .col(MonitoringResponses::VacancyId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop().name("idx_monitoring_responses_vacancy").table(MonitoringResponses::Table).to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum MonitoringResponses {
    Table,
    VacancyId,
}
