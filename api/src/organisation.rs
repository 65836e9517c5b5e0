//! Organisations and their own text rules.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use domain::analysis::rules::PhraseRule;
pub use domain::analysis::{Category, Localized, Severity};

use crate::Language;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
}

/// One of an organisation's own phrase rules, beside the built-in ones.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRule {
    pub id: Uuid,
    pub language: Language,
    pub rule: PhraseRule,
    pub created_at: DateTime<Utc>,
}

/// `POST /api/organisations/{id}/rules`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOrganisationRule {
    pub language: Language,
    pub category: Category,
    pub severity: Severity,
    /// Words in sequence; `word*` any ending, `#` a number, `word?` optional.
    pub pattern: String,
    pub explanation: Localized,
    #[serde(default)]
    pub suggestions: Vec<String>,
    pub source: String,
}
