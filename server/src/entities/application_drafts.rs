use sea_orm::entity::prelude::*;

/// An application in progress. `payload` is sealed (see `crate::crypto`) and emptied on submission;
/// the row stays, so the evaluation can count where abandoned drafts stopped.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "application_drafts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub vacancy_id: Uuid,
    /// SHA-256 of the applicant's access code.
    pub code_hash: String,
    pub payload: Option<Vec<u8>>,
    /// A `domain::application::Step` name: the furthest step reached.
    pub step: String,
    pub monitoring_done: bool,
    pub started_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
