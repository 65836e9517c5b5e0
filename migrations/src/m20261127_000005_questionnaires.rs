//! A vacancy's questionnaire and its deadline. Expand only: new columns with defaults, so vacancies
//! made before keep working.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        let columns = [
            // The questions as a JSON array of `domain::questionnaire::Question`.
            text(Vacancies::Questions).default("[]").to_owned(),
            date_null(Vacancies::ClosingDate).to_owned(),
            string_len(Vacancies::TimeZone, 64).default("Europe/Amsterdam").to_owned(),
            timestamp_with_time_zone_null(Vacancies::ClosesAt).to_owned(),
        ];
        for mut column in columns {
            manager.alter_table(Table::alter().table(Vacancies::Table).add_column(&mut column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Vacancies::Questions, Vacancies::ClosingDate, Vacancies::TimeZone, Vacancies::ClosesAt] {
            manager.alter_table(Table::alter().table(Vacancies::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Vacancies {
    Table,
    Questions,
    ClosingDate,
    TimeZone,
    ClosesAt,
}
