use sea_orm::entity::prelude::*;

/// One line of a pilot's assignment log: a vacancy put in an arm, at random within its stratum
/// (with the seed) or by hand (with the reason). The latest line per vacancy is its arm.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "arm_assignments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub pilot_id: Uuid,
    pub vacancy_id: Uuid,
    /// `domain::vacancy::Arm::as_str`.
    pub arm: String,
    /// `random` or `manual`.
    pub method: String,
    /// The organisation and salary-scale band, e.g. `<organisation id>/from_8_to_10`.
    pub stratum: String,
    pub seed: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    pub assigned_by: Uuid,
    pub assigned_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
