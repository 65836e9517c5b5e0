use sea_orm::entity::prelude::*;

/// An evaluator of a pilot: reads its aggregated evaluation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pilot_evaluators")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub pilot_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
