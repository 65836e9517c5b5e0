use sea_orm::entity::prelude::*;

/// The recruiter's decision on an interviewed candidate, the answer to an offer and the hire.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decisions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: Uuid,
    pub vacancy_id: Uuid,
    /// `domain::decision::Outcome::as_str`.
    pub outcome: String,
    #[sea_orm(column_type = "Text")]
    pub rationale: String,
    pub departs_from_ranking: bool,
    pub decided_by: Uuid,
    pub decided_at: DateTimeUtc,
    /// `domain::decision::OfferResponse::as_str`.
    pub response: Option<String>,
    pub responded_at: Option<DateTimeUtc>,
    pub hired_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
