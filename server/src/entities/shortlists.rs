use sea_orm::entity::prelude::*;

/// A vacancy's shortlist decision and the two steps of unblinding.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shortlists")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub vacancy_id: Uuid,
    /// `top`, `threshold` or `hand_picked`.
    pub method: String,
    #[sea_orm(column_type = "Text")]
    pub rationale: String,
    pub decided_by: Uuid,
    pub decided_at: DateTimeUtc,
    pub unblinding_requested_by: Option<Uuid>,
    pub unblinding_requested_at: Option<DateTimeUtc>,
    pub unblinding_confirmed_by: Option<Uuid>,
    pub unblinding_confirmed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
