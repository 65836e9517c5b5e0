use sea_orm::entity::prelude::*;

/// The feedback report of a candidate who was not selected, as sent (JSON of `api::interview::FeedbackReport`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: Uuid,
    pub vacancy_id: Uuid,
    #[sea_orm(column_type = "Text")]
    pub report: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
