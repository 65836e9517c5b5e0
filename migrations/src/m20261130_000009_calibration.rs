//! Calibration: a member changes a sealed score only with a reason, after every member sealed the
//! question; each change is kept as old → new, who, when and why.

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
                    .table(ScoreChanges::Table)
                    .col(pk_uuid(ScoreChanges::Id))
                    .col(uuid(ScoreChanges::ScoreId))
                    .col(small_integer(ScoreChanges::OldScore))
                    .col(small_integer(ScoreChanges::NewScore))
                    .col(text(ScoreChanges::Reason))
                    .col(uuid(ScoreChanges::ChangedBy))
                    .col(timestamp_with_time_zone(ScoreChanges::ChangedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ScoreChanges::Table, ScoreChanges::ScoreId)
                            .to(Scores::Table, Scores::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_score_changes_score")
                    .table(ScoreChanges::Table)
                    .col(ScoreChanges::ScoreId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ScoreChanges::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Scores {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ScoreChanges {
    Table,
    Id,
    ScoreId,
    OldScore,
    NewScore,
    Reason,
    ChangedBy,
    ChangedAt,
}
