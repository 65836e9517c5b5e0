use sea_orm::entity::prelude::*;

/// An interviewer's score and note on one question of one candidate's interview (autosaved; the
/// score may still be empty while the note is typed).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interview_scores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub vacancy_id: Uuid,
    pub application_id: Uuid,
    pub interviewer_id: Uuid,
    pub question_id: Uuid,
    /// 1 to 5.
    pub score: Option<i16>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
