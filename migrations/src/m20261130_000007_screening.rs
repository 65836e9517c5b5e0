//! Screening and the committee:
//! - `screenings`: one per vacancy, from the moment screening starts until the release for scoring,
//!   with the leak rate kept for the evaluation;
//! - `screened_answers`: each answer in words of an application that passed the knock-out questions,
//!   with a number that is random per question (what the committee sees instead of a name) and, from
//!   the release on, the committee's masked copy. The original stays in `applications.answers`;
//! - `screening_findings`: the identity cues found in them or added by hand, and the recruiter's decision;
//! - `committee_members`: who sits on a vacancy's selection committee, and who chairs it;
//! - `applications.screening`: `passed` or `knocked_out`, once screened.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .add_column(string_len_null(Applications::Screening, 20).to_owned())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Screenings::Table)
                    .col(pk_uuid(Screenings::VacancyId))
                    .col(timestamp_with_time_zone(Screenings::StartedAt))
                    .col(uuid(Screenings::StartedBy))
                    .col(integer(Screenings::Applications))
                    .col(integer(Screenings::KnockedOut))
                    .col(timestamp_with_time_zone_null(Screenings::ReleasedAt))
                    .col(uuid_null(Screenings::ReleasedBy))
                    // A `domain::screening::LeakRate` as JSON, from the release on.
                    .col(text_null(Screenings::LeakRate))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Screenings::Table, Screenings::VacancyId)
                            .to(Vacancies::Table, Vacancies::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ScreenedAnswers::Table)
                    .col(pk_uuid(ScreenedAnswers::Id))
                    .col(uuid(ScreenedAnswers::VacancyId))
                    .col(uuid(ScreenedAnswers::QuestionId))
                    .col(uuid(ScreenedAnswers::ApplicationId))
                    .col(integer(ScreenedAnswers::Number))
                    .col(text_null(ScreenedAnswers::Masked))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ScreenedAnswers::Table, ScreenedAnswers::ApplicationId)
                            .to(Applications::Table, Applications::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_screened_answers_question_number")
                    .table(ScreenedAnswers::Table)
                    .col(ScreenedAnswers::VacancyId)
                    .col(ScreenedAnswers::QuestionId)
                    .col(ScreenedAnswers::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_screened_answers_application")
                    .table(ScreenedAnswers::Table)
                    .col(ScreenedAnswers::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ScreeningFindings::Table)
                    .col(pk_uuid(ScreeningFindings::Id))
                    .col(uuid(ScreeningFindings::AnswerId))
                    .col(string_len(ScreeningFindings::Kind, 20))
                    // Character offsets in the original answer.
                    .col(integer(ScreeningFindings::SpanStart))
                    .col(integer(ScreeningFindings::SpanEnd))
                    .col(float(ScreeningFindings::Confidence))
                    .col(string_len(ScreeningFindings::Source, 10))
                    .col(string_len(ScreeningFindings::Decision, 10))
                    .col(uuid_null(ScreeningFindings::DecidedBy))
                    .col(timestamp_with_time_zone_null(ScreeningFindings::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ScreeningFindings::Table, ScreeningFindings::AnswerId)
                            .to(ScreenedAnswers::Table, ScreenedAnswers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_screening_findings_answer")
                    .table(ScreeningFindings::Table)
                    .col(ScreeningFindings::AnswerId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommitteeMembers::Table)
                    .col(uuid(CommitteeMembers::VacancyId))
                    .col(uuid(CommitteeMembers::UserId))
                    .col(boolean(CommitteeMembers::Chair).default(false))
                    .col(timestamp_with_time_zone(CommitteeMembers::AddedAt))
                    .primary_key(Index::create().col(CommitteeMembers::VacancyId).col(CommitteeMembers::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommitteeMembers::Table, CommitteeMembers::VacancyId)
                            .to(Vacancies::Table, Vacancies::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommitteeMembers::Table, CommitteeMembers::UserId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_committee_members_user")
                    .table(CommitteeMembers::Table)
                    .col(CommitteeMembers::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CommitteeMembers::Table.into_iden(),
            ScreeningFindings::Table.into_iden(),
            ScreenedAnswers::Table.into_iden(),
            Screenings::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager
            .alter_table(Table::alter().table(Applications::Table).drop_column(Applications::Screening).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Vacancies {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
    Screening,
}

#[derive(DeriveIden)]
enum Screenings {
    Table,
    VacancyId,
    StartedAt,
    StartedBy,
    Applications,
    KnockedOut,
    ReleasedAt,
    ReleasedBy,
    LeakRate,
}

#[derive(DeriveIden)]
enum ScreenedAnswers {
    Table,
    Id,
    VacancyId,
    QuestionId,
    ApplicationId,
    Number,
    Masked,
}

#[derive(DeriveIden)]
enum ScreeningFindings {
    Table,
    Id,
    AnswerId,
    Kind,
    SpanStart,
    SpanEnd,
    Confidence,
    Source,
    Decision,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum CommitteeMembers {
    Table,
    VacancyId,
    UserId,
    Chair,
    AddedAt,
}
