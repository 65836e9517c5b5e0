//! Blind, horizontal scoring: each committee member scores one question at a time across all
//! answers, in their own random order, drawn from a seed kept with their seat so the order can be
//! reproduced afterwards. Scores are 1 to 5 against the question's guide, with an optional note.

use std::ops::RangeInclusive;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

/// The scale of every score.
pub const SCORES: RangeInclusive<u8> = 1..=5;
/// A note is for the member's own memory and the calibration talk, not an essay.
pub const MAX_NOTE_CHARS: usize = 1000;
/// Scores this far apart on one answer are flagged for the calibration discussion.
pub const DISAGREEMENT: u8 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("a score is a whole number from 1 to 5")]
    OutOfRange,
    #[error("a note has at most 1000 characters")]
    NoteTooLong,
}

/// The order in which a member with `seed` sees the answers to `question`: a permutation of
/// `answers`, the same for the same seed, question and answers, whatever order they come in.
/// ChaCha8 is a portable generator, so the order can be reproduced on any machine and version.
pub fn scoring_order(seed: u64, question: Uuid, answers: &[Uuid]) -> Vec<Uuid> {
    let mut order = answers.to_vec();
    order.sort_unstable();
    let (high, low) = question.as_u64_pair();
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ high ^ low.rotate_left(32));
    order.shuffle(&mut rng);
    order
}

/// A score as typed: 1 to 5.
pub fn parse_score(score: u8) -> Result<u8, ScoreError> {
    if SCORES.contains(&score) { Ok(score) } else { Err(ScoreError::OutOfRange) }
}

/// A note as typed: trimmed, empty is none, at most [`MAX_NOTE_CHARS`].
pub fn parse_note(note: Option<&str>) -> Result<Option<String>, ScoreError> {
    match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if n.chars().count() > MAX_NOTE_CHARS => Err(ScoreError::NoteTooLong),
        other => Ok(other.map(str::to_owned)),
    }
}

/// Whether the scores of one answer differ by [`DISAGREEMENT`] or more.
pub fn disagree(scores: &[u8]) -> bool {
    match (scores.iter().min(), scores.iter().max()) {
        (Some(low), Some(high)) => high - low >= DISAGREEMENT,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(n: u128) -> Vec<Uuid> {
        (1..=n).map(Uuid::from_u128).collect()
    }

    #[test]
    fn the_order_is_a_reproducible_permutation_that_differs_between_seeds_and_questions() {
        let all = answers(30);
        let question = Uuid::from_u128(7);
        let first = scoring_order(42, question, &all);
        let mut sorted = first.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, all, "a permutation");
        let mut reversed = all.clone();
        reversed.reverse();
        assert_eq!(scoring_order(42, question, &reversed), first, "the input order does not matter");
        assert_ne!(scoring_order(43, question, &all), first, "another member, another order");
        assert_ne!(scoring_order(42, Uuid::from_u128(8), &all), first, "another question, another order");
    }

    #[test]
    fn the_order_is_stable_across_versions() {
        // ChaCha8 seeded from the same number gives the same order on every machine; this pins it.
        let order: Vec<u128> = scoring_order(1, Uuid::nil(), &answers(6)).iter().map(|u| u.as_u128()).collect();
        assert_eq!(order, PINNED_ORDER);
    }

    const PINNED_ORDER: [u128; 6] = [4, 5, 6, 3, 1, 2];

    #[test]
    fn scores_are_one_to_five_and_notes_are_bounded() {
        assert_eq!(parse_score(0), Err(ScoreError::OutOfRange));
        assert_eq!(parse_score(6), Err(ScoreError::OutOfRange));
        assert_eq!(parse_score(3), Ok(3));
        assert_eq!(parse_note(Some("  ")), Ok(None));
        assert_eq!(parse_note(Some(" goed voorbeeld ")), Ok(Some("goed voorbeeld".into())));
        assert_eq!(parse_note(Some(&"a".repeat(1001))), Err(ScoreError::NoteTooLong));
    }

    #[test]
    fn answers_two_points_apart_are_flagged() {
        assert!(disagree(&[2, 4, 3]));
        assert!(!disagree(&[3, 4, 4]));
        assert!(!disagree(&[]));
    }
}
