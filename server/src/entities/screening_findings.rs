use sea_orm::entity::prelude::*;

/// An identity cue in a screened answer, found by the detector or added by the recruiter.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "screening_findings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub answer_id: Uuid,
    /// A `domain::screening::CueType` name.
    pub kind: String,
    /// Character offsets in the original answer.
    pub span_start: i32,
    pub span_end: i32,
    pub confidence: f32,
    /// A `domain::screening::FindingSource` name.
    pub source: String,
    /// A `domain::screening::FindingDecision` name.
    pub decision: String,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
