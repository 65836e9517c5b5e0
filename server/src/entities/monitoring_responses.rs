use sea_orm::entity::prelude::*;

/// The voluntary monitoring answers of one draft, keyed by an HMAC pseudonym of the draft.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "monitoring_responses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub pseudonym: String,
    pub vacancy_id: Uuid,
    /// `domain::monitoring::MonitoringAnswers` as JSON.
    #[sea_orm(column_type = "Text")]
    pub answers: String,
    pub origin_group: Option<String>,
    pub continent: Option<String>,
    pub born_in_netherlands: Option<bool>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
