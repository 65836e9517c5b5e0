use sea_orm::entity::prelude::*;

/// The applicant's contact details, sealed. Only the unblinding path opens them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "identity_envelopes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: Uuid,
    pub vacancy_id: Uuid,
    /// HMAC of the vacancy and the lowercased e-mail address (one application per address).
    pub email_key: String,
    pub sealed: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
