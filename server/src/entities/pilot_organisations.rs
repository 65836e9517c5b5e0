use sea_orm::entity::prelude::*;

/// An organisation taking part in a pilot.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pilot_organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub pilot_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
