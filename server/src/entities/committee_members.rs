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
    /// The seed of the member's scoring order (`domain::scoring::scoring_order`), drawn when they
    /// confirm the conduct statement.
    pub order_seed: Option<i64>,
    pub conduct_confirmed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
