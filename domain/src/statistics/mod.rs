//! The evaluation's statistics, each checked against published worked examples: proportions
//! (Wilson intervals, adverse-impact ratios computed exactly, Fisher's exact test), reliability
//! (ICC after Shrout & Fleiss, Krippendorff's alpha with missing scores), a least-squares slope (the
//! drift of scores with position), the difference in differences with a bootstrap over vacancies,
//! and the suppression of small cells.
//!
//! Pure functions on counts and scores: the server aggregates, these compute. Randomness (the
//! bootstrap) comes from a seed the caller passes, so every figure can be reproduced.

pub mod did;
pub mod proportions;
pub mod regression;
pub mod reliability;
pub mod suppression;
