use sea_orm::entity::prelude::*;

/// A submitted application: answers and a pseudonymous label, nothing that identifies anyone.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub vacancy_id: Uuid,
    pub draft_id: Uuid,
    /// What the applicant quotes, e.g. `BW-7K2QF-XM0RD`.
    pub reference: String,
    /// What the committee sees: random, not sequential, not time-ordered.
    pub label: String,
    /// The canonical answers document (`domain::application::canonical_answers`).
    #[sea_orm(column_type = "Text")]
    pub answers: String,
    pub digest: String,
    /// A `domain::application::ApplicationStatus` name.
    pub status: String,
    /// A `domain::application::Retention` name.
    pub retention: String,
    pub started_at: DateTimeUtc,
    pub submitted_at: DateTimeUtc,
    pub withdrawn_at: Option<DateTimeUtc>,
    /// `passed` or `knocked_out` once screening started; `None` before.
    pub screening: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
