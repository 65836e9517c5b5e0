use sea_orm::entity::prelude::*;

/// A stage change of a draft or application (started, step reached, submitted, withdrawn, deleted),
/// keyed by the HMAC pseudonym of the draft. The evaluation aggregates these.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "application_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub vacancy_id: Uuid,
    pub subject: String,
    pub kind: String,
    pub step: Option<String>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
