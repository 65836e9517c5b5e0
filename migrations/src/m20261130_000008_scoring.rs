//! Blind scoring:
//! - `committee_members.order_seed`: the seed of the member's random scoring order, drawn when they
//!   confirm the conduct statement (`conduct_confirmed_at`), kept so the order can be reproduced;
//! - `scores`: one per member and answer, 1 to 5 with a note, and the position in the member's order
//!   at which it was given;
//! - `question_seals`: a member's scores of a question, sealed when they submit it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for column in [
            big_integer_null(CommitteeMembers::OrderSeed).to_owned(),
            timestamp_with_time_zone_null(CommitteeMembers::ConductConfirmedAt).to_owned(),
        ] {
            manager.alter_table(Table::alter().table(CommitteeMembers::Table).add_column(column).to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Scores::Table)
                    .col(pk_uuid(Scores::Id))
                    .col(uuid(Scores::VacancyId))
                    .col(uuid(Scores::QuestionId))
                    .col(uuid(Scores::AnswerId))
                    .col(uuid(Scores::MemberId))
                    .col(small_integer(Scores::Score))
                    .col(text_null(Scores::Note))
                    .col(integer(Scores::Position))
                    .col(timestamp_with_time_zone(Scores::ScoredAt))
                    .col(timestamp_with_time_zone(Scores::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Scores::Table, Scores::AnswerId)
                            .to(ScreenedAnswers::Table, ScreenedAnswers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_scores_answer_member")
                    .table(Scores::Table)
                    .col(Scores::AnswerId)
                    .col(Scores::MemberId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_scores_question_member")
                    .table(Scores::Table)
                    .col(Scores::VacancyId)
                    .col(Scores::QuestionId)
                    .col(Scores::MemberId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(QuestionSeals::Table)
                    .col(uuid(QuestionSeals::VacancyId))
                    .col(uuid(QuestionSeals::QuestionId))
                    .col(uuid(QuestionSeals::MemberId))
                    .col(timestamp_with_time_zone(QuestionSeals::SealedAt))
                    .primary_key(
                        Index::create()
                            .col(QuestionSeals::VacancyId)
                            .col(QuestionSeals::QuestionId)
                            .col(QuestionSeals::MemberId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(QuestionSeals::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Scores::Table).to_owned()).await?;
        for column in [CommitteeMembers::OrderSeed, CommitteeMembers::ConductConfirmedAt] {
            manager.alter_table(Table::alter().table(CommitteeMembers::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum CommitteeMembers {
    Table,
    OrderSeed,
    ConductConfirmedAt,
}

#[derive(DeriveIden)]
enum ScreenedAnswers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Scores {
    Table,
    Id,
    VacancyId,
    QuestionId,
    AnswerId,
    MemberId,
    Score,
    Note,
    Position,
    ScoredAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum QuestionSeals {
    Table,
    VacancyId,
    QuestionId,
    MemberId,
    SealedAt,
}
