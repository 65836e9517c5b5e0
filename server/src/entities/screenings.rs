use sea_orm::entity::prelude::*;

/// A vacancy's screening: started when the recruiter starts it after the deadline, released once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "screenings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub vacancy_id: Uuid,
    pub started_at: DateTimeUtc,
    pub started_by: Uuid,
    /// Applications screened (submitted and not withdrawn when screening started).
    pub applications: i32,
    /// Of which failed a knock-out question.
    pub knocked_out: i32,
    pub released_at: Option<DateTimeUtc>,
    pub released_by: Option<Uuid>,
    /// A `domain::screening::LeakRate` as JSON, from the release on.
    #[sea_orm(column_type = "Text", nullable)]
    pub leak_rate: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
