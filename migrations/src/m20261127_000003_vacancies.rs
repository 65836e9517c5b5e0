//! Organisations, and vacancies with the stored analyses that prove intervention 1 was applied.

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
                    .table(Organisations::Table)
                    .col(pk_uuid(Organisations::Id))
                    .col(string_len_uniq(Organisations::Name, 150))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .to_owned(),
            )
            .await?;
        // Expand: a nullable column, so accounts made before this migration keep working.
        manager
            .alter_table(Table::alter().table(Users::Table).add_column(uuid_null(Users::OrganisationId)).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Vacancies::Table)
                    .col(pk_uuid(Vacancies::Id))
                    .col(uuid(Vacancies::OrganisationId))
                    .col(string_len(Vacancies::Title, 150))
                    .col(small_integer_null(Vacancies::SalaryScale))
                    .col(small_integer_null(Vacancies::HoursPerWeek))
                    .col(string_len(Vacancies::Location, 100))
                    .col(string_len(Vacancies::Language, 2))
                    .col(text(Vacancies::Text))
                    // JSON arrays: requirements with stable ids, and the recruiter's allowances.
                    .col(text(Vacancies::Requirements))
                    .col(text(Vacancies::Allowances))
                    .col(string_len(Vacancies::Status, 20))
                    .col(string_len_null(Vacancies::Arm, 10))
                    .col(big_integer(Vacancies::Version))
                    .col(uuid(Vacancies::CreatedBy))
                    .col(timestamp_with_time_zone(Vacancies::CreatedAt))
                    .col(timestamp_with_time_zone(Vacancies::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Vacancies::PublishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Vacancies::Table, Vacancies::OrganisationId)
                            .to(Organisations::Table, Organisations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_vacancies_organisation_updated")
                    .table(Vacancies::Table)
                    .col(Vacancies::OrganisationId)
                    .col(Vacancies::UpdatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VacancyAnalyses::Table)
                    .col(pk_uuid(VacancyAnalyses::Id))
                    .col(uuid(VacancyAnalyses::VacancyId))
                    // `first_draft` or `published`.
                    .col(string_len(VacancyAnalyses::Stage, 20))
                    .col(string_len(VacancyAnalyses::RuleSetVersion, 64))
                    .col(text(VacancyAnalyses::Analysis))
                    .col(text(VacancyAnalyses::Overrides))
                    .col(timestamp_with_time_zone(VacancyAnalyses::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(VacancyAnalyses::Table, VacancyAnalyses::VacancyId)
                            .to(Vacancies::Table, Vacancies::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_vacancy_analyses_stage")
                    .table(VacancyAnalyses::Table)
                    .col(VacancyAnalyses::VacancyId)
                    .col(VacancyAnalyses::Stage)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(VacancyAnalyses::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Vacancies::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Users::Table).drop_column(Users::OrganisationId).to_owned()).await?;
        manager.drop_table(Table::drop().table(Organisations::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    OrganisationId,
}

#[derive(DeriveIden)]
enum Vacancies {
    Table,
    Id,
    OrganisationId,
    Title,
    SalaryScale,
    HoursPerWeek,
    Location,
    Language,
    Text,
    Requirements,
    Allowances,
    Status,
    Arm,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum VacancyAnalyses {
    Table,
    Id,
    VacancyId,
    Stage,
    RuleSetVersion,
    Analysis,
    Overrides,
    CreatedAt,
}
