//! Applications, kept in separate tables so that identity, answers and monitoring data never sit in
//! one row:
//! - `application_drafts`: work in progress, its payload sealed (AES-256-GCM), opened by the
//!   applicant's access code (only its SHA-256 is stored);
//! - `applications`: the submitted answers, with a pseudonymous label for the committee and nothing
//!   that identifies anyone;
//! - `identity_envelopes`: the contact details, sealed, readable only through unblinding;
//! - `monitoring_responses`: the voluntary CBS questionnaire, keyed by an HMAC pseudonym;
//! - `application_events`: stage changes, keyed by the same kind of pseudonym, for the evaluation;
//! - `outbox`: e-mails to send, sealed.

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
                    .table(ApplicationDrafts::Table)
                    .col(pk_uuid(ApplicationDrafts::Id))
                    .col(uuid(ApplicationDrafts::VacancyId))
                    .col(string_len_uniq(ApplicationDrafts::CodeHash, 64))
                    // Answers, contact details and consent as sealed JSON; emptied on submission.
                    .col(blob_null(ApplicationDrafts::Payload))
                    .col(string_len(ApplicationDrafts::Step, 20))
                    .col(boolean(ApplicationDrafts::MonitoringDone).default(false))
                    .col(timestamp_with_time_zone(ApplicationDrafts::StartedAt))
                    .col(timestamp_with_time_zone(ApplicationDrafts::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApplicationDrafts::Table, ApplicationDrafts::VacancyId)
                            .to(Vacancies::Table, Vacancies::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Applications::Table)
                    .col(pk_uuid(Applications::Id))
                    .col(uuid(Applications::VacancyId))
                    // One application per draft: this makes a repeated submission a no-op.
                    .col(uuid_uniq(Applications::DraftId))
                    .col(string_len_uniq(Applications::Reference, 20))
                    .col(string_len(Applications::Label, 12))
                    .col(text(Applications::Answers))
                    .col(string_len(Applications::Digest, 64))
                    .col(string_len(Applications::Status, 20))
                    .col(string_len(Applications::Retention, 20))
                    .col(timestamp_with_time_zone(Applications::StartedAt))
                    .col(timestamp_with_time_zone(Applications::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Applications::WithdrawnAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Applications::Table, Applications::VacancyId)
                            .to(Vacancies::Table, Vacancies::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_vacancy_label")
                    .table(Applications::Table)
                    .col(Applications::VacancyId)
                    .col(Applications::Label)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IdentityEnvelopes::Table)
                    .col(pk_uuid(IdentityEnvelopes::ApplicationId))
                    .col(uuid(IdentityEnvelopes::VacancyId))
                    // HMAC of the vacancy and the lowercased address: finds a second application
                    // with the same address without storing the address readably.
                    .col(string_len(IdentityEnvelopes::EmailKey, 64))
                    .col(blob(IdentityEnvelopes::Sealed))
                    .foreign_key(
                        ForeignKey::create()
                            .from(IdentityEnvelopes::Table, IdentityEnvelopes::ApplicationId)
                            .to(Applications::Table, Applications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_identity_envelopes_vacancy_email")
                    .table(IdentityEnvelopes::Table)
                    .col(IdentityEnvelopes::VacancyId)
                    .col(IdentityEnvelopes::EmailKey)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MonitoringResponses::Table)
                    .col(string_len(MonitoringResponses::Pseudonym, 64).primary_key())
                    .col(uuid(MonitoringResponses::VacancyId))
                    .col(text(MonitoringResponses::Answers))
                    // Derived for aggregation: CBS herkomst group and continent, born in NL.
                    .col(string_len_null(MonitoringResponses::OriginGroup, 20))
                    .col(string_len_null(MonitoringResponses::Continent, 20))
                    .col(boolean_null(MonitoringResponses::BornInNetherlands))
                    .col(timestamp_with_time_zone(MonitoringResponses::RecordedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationEvents::Table)
                    .col(pk_uuid(ApplicationEvents::Id))
                    .col(uuid(ApplicationEvents::VacancyId))
                    .col(string_len(ApplicationEvents::Subject, 64))
                    .col(string_len(ApplicationEvents::Kind, 30))
                    .col(string_len_null(ApplicationEvents::Step, 20))
                    .col(timestamp_with_time_zone(ApplicationEvents::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_events_vacancy")
                    .table(ApplicationEvents::Table)
                    .col(ApplicationEvents::VacancyId)
                    .col(ApplicationEvents::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_uuid(Outbox::Id))
                    // The application a message is about, so deleting the application deletes it too.
                    .col(uuid_null(Outbox::ApplicationId))
                    // Recipient, subject and body as sealed JSON.
                    .col(blob(Outbox::Sealed))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Outbox::Table.into_iden(),
            ApplicationEvents::Table.into_iden(),
            MonitoringResponses::Table.into_iden(),
            IdentityEnvelopes::Table.into_iden(),
            Applications::Table.into_iden(),
            ApplicationDrafts::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Vacancies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ApplicationDrafts {
    Table,
    Id,
    VacancyId,
    CodeHash,
    Payload,
    Step,
    MonitoringDone,
    StartedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
    VacancyId,
    DraftId,
    Reference,
    Label,
    Answers,
    Digest,
    Status,
    Retention,
    StartedAt,
    SubmittedAt,
    WithdrawnAt,
}

#[derive(DeriveIden)]
enum IdentityEnvelopes {
    Table,
    ApplicationId,
    VacancyId,
    EmailKey,
    Sealed,
}

#[derive(DeriveIden)]
enum MonitoringResponses {
    Table,
    Pseudonym,
    VacancyId,
    Answers,
    OriginGroup,
    Continent,
    BornInNetherlands,
    RecordedAt,
}

#[derive(DeriveIden)]
enum ApplicationEvents {
    Table,
    Id,
    VacancyId,
    Subject,
    Kind,
    Step,
    At,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    ApplicationId,
    Sealed,
    CreatedAt,
    SentAt,
}
