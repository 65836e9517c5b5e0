//! Building blocks shared by pages.

pub mod error_summary;
pub mod layout;
pub mod pagination;
pub mod question_field;
pub mod requirement_checks;
pub mod score_change;
pub mod screen_time;
pub mod survey;
