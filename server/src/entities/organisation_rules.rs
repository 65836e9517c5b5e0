use sea_orm::entity::prelude::*;

/// One of an organisation's own phrase rules.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    /// `nl` or `en`: the texts the rule applies to.
    pub language: String,
    /// The `domain::analysis::rules::PhraseRule` as JSON.
    #[sea_orm(column_type = "Text")]
    pub rule: String,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
