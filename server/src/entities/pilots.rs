use sea_orm::entity::prelude::*;

/// A pilot: its period, its suppression threshold and the seed of its random assignment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pilots")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Date,
    /// No figure from fewer than `k` people leaves the server.
    pub k: i16,
    /// The seed of `domain::pilot::assign_arms`, drawn once when the pilot is created.
    pub seed: i64,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
