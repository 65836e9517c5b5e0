use sea_orm::entity::prelude::*;

/// A stored analysis of a vacancy text: of the first saved draft, and of the published text (with
/// the overrides of blocking findings). The pilot's evidence that intervention 1 was applied.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "vacancy_analyses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub vacancy_id: Uuid,
    /// `first_draft` or `published`.
    pub stage: String,
    pub rule_set_version: String,
    /// The `domain::analysis::Analysis` as JSON.
    #[sea_orm(column_type = "Text")]
    pub analysis: String,
    /// The `domain::vacancy::Override`s as a JSON array.
    #[sea_orm(column_type = "Text")]
    pub overrides: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
