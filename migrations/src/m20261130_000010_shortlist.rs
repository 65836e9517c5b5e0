//! The shortlist and unblinding: the recruiter fixes the shortlist on the pseudonymous ranking with a
//! rationale (`shortlists`, one per vacancy, and the candidates on it in `shortlisted`); identities of
//! the shortlisted open only after the recruiter asked and the committee chair confirmed.

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
                    .table(Shortlists::Table)
                    .col(pk_uuid(Shortlists::VacancyId))
                    .col(string_len(Shortlists::Method, 20))
                    .col(text(Shortlists::Rationale))
                    .col(uuid(Shortlists::DecidedBy))
                    .col(timestamp_with_time_zone(Shortlists::DecidedAt))
                    .col(uuid_null(Shortlists::UnblindingRequestedBy))
                    .col(timestamp_with_time_zone_null(Shortlists::UnblindingRequestedAt))
                    .col(uuid_null(Shortlists::UnblindingConfirmedBy))
                    .col(timestamp_with_time_zone_null(Shortlists::UnblindingConfirmedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Shortlisted::Table)
                    .col(pk_uuid(Shortlisted::ApplicationId))
                    .col(uuid(Shortlisted::VacancyId))
                    .col(integer(Shortlisted::Rank))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Shortlisted::Table, Shortlisted::ApplicationId)
                            .to(Applications::Table, Applications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Shortlisted::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Shortlists::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Shortlists {
    Table,
    VacancyId,
    Method,
    Rationale,
    DecidedBy,
    DecidedAt,
    UnblindingRequestedBy,
    UnblindingRequestedAt,
    UnblindingConfirmedBy,
    UnblindingConfirmedAt,
}

#[derive(DeriveIden)]
enum Shortlisted {
    Table,
    ApplicationId,
    VacancyId,
    Rank,
}
