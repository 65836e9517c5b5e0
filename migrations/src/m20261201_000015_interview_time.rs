//! The seconds each interviewer spent on the scorecard of each candidate, as the screen counted
//! them, for the evaluation's workload figures beside the sift's scoring time.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InterviewTime::Table)
                    .col(uuid(InterviewTime::VacancyId))
                    .col(uuid(InterviewTime::ApplicationId))
                    .col(uuid(InterviewTime::InterviewerId))
                    .col(integer(InterviewTime::Seconds))
                    .primary_key(
                        Index::create()
                            .col(InterviewTime::VacancyId)
                            .col(InterviewTime::ApplicationId)
                            .col(InterviewTime::InterviewerId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(InterviewTime::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum InterviewTime {
    Table,
    VacancyId,
    ApplicationId,
    InterviewerId,
    Seconds,
}
