use sea_orm::entity::prelude::*;

/// A staff member on a vacancy's selection committee.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "committee_members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub vacancy_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub chair: bool,
    pub added_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
