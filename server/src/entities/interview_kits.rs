use sea_orm::entity::prelude::*;

/// A vacancy's interview kit: its questions as JSON (`domain::interview::InterviewQuestion`), frozen
/// when the first interview is scored.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "interview_kits")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub vacancy_id: Uuid,
    #[sea_orm(column_type = "Text")]
    pub questions: String,
    pub updated_at: DateTimeUtc,
    pub frozen_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
