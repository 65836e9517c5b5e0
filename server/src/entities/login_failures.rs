use sea_orm::entity::prelude::*;

/// One failed login, kept to slow down guessing. `username_key` is the SHA-256 of the normalised
/// username that was tried, so nothing typed by mistake (a password in the name field) is stored.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_failures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub username_key: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
