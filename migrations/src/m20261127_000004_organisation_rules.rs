//! An organisation's own phrase rules, added by an admin beside the built-in rule files.

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
                    .table(OrganisationRules::Table)
                    .col(pk_uuid(OrganisationRules::Id))
                    .col(uuid(OrganisationRules::OrganisationId))
                    .col(string_len(OrganisationRules::Language, 2))
                    // The `domain::analysis::rules::PhraseRule` as JSON.
                    .col(text(OrganisationRules::Rule))
                    .col(uuid(OrganisationRules::CreatedBy))
                    .col(timestamp_with_time_zone(OrganisationRules::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OrganisationRules::Table, OrganisationRules::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OrganisationRules::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OrganisationRules {
    Table,
    Id,
    OrganisationId,
    Language,
    Rule,
    CreatedBy,
    CreatedAt,
}
