use sea_orm::entity::prelude::*;

/// One survey as answered. The respondent is a pseudonym: of the draft for an applicant (the one
/// their events carry), of the member and vacancy for a committee member.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_responses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub respondent: String,
    /// `domain::survey::SurveyMoment`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub moment: String,
    pub vacancy_id: Uuid,
    /// 1 to 5, or not answered.
    pub fairness: Option<i16>,
    pub clarity: Option<i16>,
    pub effort: Option<i16>,
    pub answered_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
