use sea_orm::entity::prelude::*;

/// A staff account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    /// A `domain::access::Role` name.
    pub role: String,
    /// Argon2id, in PHC string format.
    pub password_hash: String,
    pub created_at: DateTimeUtc,
    /// The organisation whose vacancies a recruiter works on.
    pub organisation_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
