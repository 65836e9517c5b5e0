//! Experience and workload: the surveys of applicants (after submitting, after the outcome) and of
//! committee members (after scoring a vacancy), keyed by a pseudonym, never by a draft, application
//! or account; and the seconds each member spent on the scoring screen of each question.

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
                    .table(SurveyResponses::Table)
                    .col(string_len(SurveyResponses::Respondent, 64))
                    .col(string_len(SurveyResponses::Moment, 20))
                    .col(uuid(SurveyResponses::VacancyId))
                    .col(small_integer_null(SurveyResponses::Fairness))
                    .col(small_integer_null(SurveyResponses::Clarity))
                    .col(small_integer_null(SurveyResponses::Effort))
                    .col(timestamp_with_time_zone(SurveyResponses::AnsweredAt))
                    .primary_key(Index::create().col(SurveyResponses::Respondent).col(SurveyResponses::Moment))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_survey_responses_vacancy")
                    .table(SurveyResponses::Table)
                    .col(SurveyResponses::VacancyId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ScoringTime::Table)
                    .col(uuid(ScoringTime::VacancyId))
                    .col(uuid(ScoringTime::QuestionId))
                    .col(uuid(ScoringTime::MemberId))
                    .col(integer(ScoringTime::Seconds))
                    .primary_key(
                        Index::create()
                            .col(ScoringTime::VacancyId)
                            .col(ScoringTime::QuestionId)
                            .col(ScoringTime::MemberId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ScoringTime::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(SurveyResponses::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum SurveyResponses {
    Table,
    Respondent,
    Moment,
    VacancyId,
    Fairness,
    Clarity,
    Effort,
    AnsweredAt,
}

#[derive(DeriveIden)]
enum ScoringTime {
    Table,
    VacancyId,
    QuestionId,
    MemberId,
    Seconds,
}
