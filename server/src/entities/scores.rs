use sea_orm::entity::prelude::*;

/// A committee member's score of one answer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "scores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub vacancy_id: Uuid,
    pub question_id: Uuid,
    /// A `screened_answers` row.
    pub answer_id: Uuid,
    pub member_id: Uuid,
    /// 1 to 5.
    pub score: i16,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// Where in the member's own order the answer stood (1-based).
    pub position: i32,
    pub scored_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
