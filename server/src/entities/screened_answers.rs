use sea_orm::entity::prelude::*;

/// One answer in words, as screening and the committee see it: a number per question instead of a
/// name, and from the release on the masked copy. The original stays in `applications.answers`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "screened_answers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub vacancy_id: Uuid,
    pub question_id: Uuid,
    pub application_id: Uuid,
    /// Random per question: answer 7 to question 1 and answer 7 to question 2 are unrelated.
    pub number: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub masked: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
