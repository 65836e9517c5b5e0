//! Analysing a vacancy text: the same analyser the editor runs in the browser.

use serde::{Deserialize, Serialize};

pub use domain::analysis::{Analysis, Finding};

use crate::Language;

/// The longest text the API analyses, in characters (a long vacancy is about 10,000).
pub const MAX_TEXT_CHARS: usize = 50_000;

/// `POST /api/analysis/vacancy-text`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyseTextRequest {
    pub text: String,
    /// `nl` or `en`; detected from the text when left out.
    #[serde(default)]
    pub language: Option<Language>,
}
