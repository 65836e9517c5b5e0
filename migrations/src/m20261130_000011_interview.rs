//! The structured interview: the kit per vacancy (frozen at the first score), the interviewers per
//! vacancy, each interviewer's scores per candidate and question with their submission (sealing),
//! changes after sealing with a reason, the recruiter's decision per candidate with the offer's
//! answer and the hire, and the feedback reports sent to candidates who were not selected.

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
                    .table(InterviewKits::Table)
                    .col(pk_uuid(InterviewKits::VacancyId))
                    .col(text(InterviewKits::Questions))
                    .col(timestamp_with_time_zone(InterviewKits::UpdatedAt))
                    .col(timestamp_with_time_zone_null(InterviewKits::FrozenAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Interviewers::Table)
                    .col(uuid(Interviewers::VacancyId))
                    .col(uuid(Interviewers::UserId))
                    .col(timestamp_with_time_zone(Interviewers::AddedAt))
                    .primary_key(Index::create().col(Interviewers::VacancyId).col(Interviewers::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InterviewScores::Table)
                    .col(pk_uuid(InterviewScores::Id))
                    .col(uuid(InterviewScores::VacancyId))
                    .col(uuid(InterviewScores::ApplicationId))
                    .col(uuid(InterviewScores::InterviewerId))
                    .col(uuid(InterviewScores::QuestionId))
                    .col(small_integer_null(InterviewScores::Score))
                    .col(text_null(InterviewScores::Note))
                    .col(timestamp_with_time_zone(InterviewScores::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InterviewScores::Table, InterviewScores::ApplicationId)
                            .to(Applications::Table, Applications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_interview_scores_one")
                    .table(InterviewScores::Table)
                    .col(InterviewScores::ApplicationId)
                    .col(InterviewScores::InterviewerId)
                    .col(InterviewScores::QuestionId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InterviewSubmissions::Table)
                    .col(uuid(InterviewSubmissions::ApplicationId))
                    .col(uuid(InterviewSubmissions::InterviewerId))
                    .col(uuid(InterviewSubmissions::VacancyId))
                    .col(timestamp_with_time_zone(InterviewSubmissions::SubmittedAt))
                    .primary_key(
                        Index::create()
                            .col(InterviewSubmissions::ApplicationId)
                            .col(InterviewSubmissions::InterviewerId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(InterviewSubmissions::Table, InterviewSubmissions::ApplicationId)
                            .to(Applications::Table, Applications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InterviewScoreChanges::Table)
                    .col(pk_uuid(InterviewScoreChanges::Id))
                    .col(uuid(InterviewScoreChanges::ScoreId))
                    .col(small_integer(InterviewScoreChanges::OldScore))
                    .col(small_integer(InterviewScoreChanges::NewScore))
                    .col(text(InterviewScoreChanges::Reason))
                    .col(uuid(InterviewScoreChanges::ChangedBy))
                    .col(timestamp_with_time_zone(InterviewScoreChanges::ChangedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InterviewScoreChanges::Table, InterviewScoreChanges::ScoreId)
                            .to(InterviewScores::Table, InterviewScores::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Decisions::Table)
                    .col(pk_uuid(Decisions::ApplicationId))
                    .col(uuid(Decisions::VacancyId))
                    .col(string_len(Decisions::Outcome, 20))
                    .col(text(Decisions::Rationale))
                    .col(boolean(Decisions::DepartsFromRanking))
                    .col(uuid(Decisions::DecidedBy))
                    .col(timestamp_with_time_zone(Decisions::DecidedAt))
                    .col(string_len_null(Decisions::Response, 20))
                    .col(timestamp_with_time_zone_null(Decisions::RespondedAt))
                    .col(timestamp_with_time_zone_null(Decisions::HiredAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Decisions::Table, Decisions::ApplicationId)
                            .to(Applications::Table, Applications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FeedbackReports::Table)
                    .col(pk_uuid(FeedbackReports::ApplicationId))
                    .col(uuid(FeedbackReports::VacancyId))
                    .col(text(FeedbackReports::Report))
                    .col(timestamp_with_time_zone(FeedbackReports::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FeedbackReports::Table, FeedbackReports::ApplicationId)
                            .to(Applications::Table, Applications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(FeedbackReports::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Decisions::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(InterviewScoreChanges::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(InterviewSubmissions::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(InterviewScores::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Interviewers::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(InterviewKits::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum InterviewKits {
    Table,
    VacancyId,
    Questions,
    UpdatedAt,
    FrozenAt,
}

#[derive(DeriveIden)]
enum Interviewers {
    Table,
    VacancyId,
    UserId,
    AddedAt,
}

#[derive(DeriveIden)]
enum InterviewScores {
    Table,
    Id,
    VacancyId,
    ApplicationId,
    InterviewerId,
    QuestionId,
    Score,
    Note,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum InterviewSubmissions {
    Table,
    ApplicationId,
    InterviewerId,
    VacancyId,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum InterviewScoreChanges {
    Table,
    Id,
    ScoreId,
    OldScore,
    NewScore,
    Reason,
    ChangedBy,
    ChangedAt,
}

#[derive(DeriveIden)]
enum Decisions {
    Table,
    ApplicationId,
    VacancyId,
    Outcome,
    Rationale,
    DepartsFromRanking,
    DecidedBy,
    DecidedAt,
    Response,
    RespondedAt,
    HiredAt,
}

#[derive(DeriveIden)]
enum FeedbackReports {
    Table,
    ApplicationId,
    VacancyId,
    Report,
    CreatedAt,
}
