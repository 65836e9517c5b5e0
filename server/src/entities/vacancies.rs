use sea_orm::entity::prelude::*;

/// A vacancy. `requirements` and `allowances` are JSON arrays (see `crate::vacancies`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "vacancies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub title: String,
    pub salary_scale: Option<i16>,
    pub hours_per_week: Option<i16>,
    pub location: String,
    /// `nl` or `en`.
    pub language: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    #[sea_orm(column_type = "Text")]
    pub requirements: String,
    #[sea_orm(column_type = "Text")]
    pub allowances: String,
    /// A `domain::vacancy::VacancyStatus` name.
    pub status: String,
    pub arm: Option<String>,
    /// Raised on every change; an update must name the version it started from.
    pub version: i64,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
    /// The questionnaire: a JSON array of `domain::questionnaire::Question`.
    #[sea_orm(column_type = "Text")]
    pub questions: String,
    pub closing_date: Option<Date>,
    /// An IANA time zone name.
    pub time_zone: String,
    /// The end of `closing_date` in `time_zone`.
    pub closes_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
