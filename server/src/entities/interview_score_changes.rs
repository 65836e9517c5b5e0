use sea_orm::entity::prelude::*;

/// A sealed interview score changed in the consensus discussion: old → new, who, when and why.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interview_score_changes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub score_id: Uuid,
    pub old_score: i16,
    pub new_score: i16,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub changed_by: Uuid,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
