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

/// A calibration change needs a reason of 10 to 500 characters; `None` otherwise.
pub fn parse_change_reason(reason: &str) -> Option<String> {
    let reason = reason.trim();
    (10..=500).contains(&reason.chars().count()).then(|| reason.to_owned())
}

/// Whether the scores of one answer differ by [`DISAGREEMENT`] or more.
pub fn disagree(scores: &[u8]) -> bool {
    match (scores.iter().min(), scores.iter().max()) {
        (Some(low), Some(high)) => high - low >= DISAGREEMENT,
        _ => false,
    }
}

/// One score in the aggregation: which candidate, question and member, and the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CastScore {
    pub candidate: Uuid,
    pub question: Uuid,
    pub member: Uuid,
    pub score: u8,
}

/// A candidate's sift score: the weighted mean over questions of the mean over members, and the
/// spread between the members' own weighted means (how much the panel disagreed about them).
#[derive(Debug, Clone, PartialEq)]
pub struct SiftScore {
    pub candidate: Uuid,
    pub score: f64,
    pub spread: f64,
}

/// A multiple-choice answer scored by its key: 5 when the chosen option is correct, 1 otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyedScore {
    pub candidate: Uuid,
    pub question: Uuid,
    pub score: u8,
}

/// The key's score of a multiple-choice answer on the 1–5 scale.
pub fn key_score(correct: bool) -> u8 {
    if correct { 5 } else { 1 }
}

/// Aggregates scores mechanically (no judgement of its own): for each candidate, the mean over
/// members per question (or the key's score for a multiple-choice question), then the mean over
/// questions weighted by `weights` (question → weight). Questions without a weight or without a score
/// for a candidate are left out of that candidate's mean. The spread is the range of the members' own
/// weighted means, the key's scores counted alike for every member. Sorted best first; ties keep the
/// candidates' id order, so the ranking is reproducible.
pub fn aggregate(weights: &[(Uuid, u8)], scores: &[CastScore], keyed: &[KeyedScore]) -> Vec<SiftScore> {
    let mut candidates: Vec<Uuid> = scores.iter().map(|s| s.candidate).collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut ranked: Vec<SiftScore> = candidates
        .into_iter()
        .map(|candidate| {
            let of = |question: Uuid| scores.iter().filter(move |s| s.candidate == candidate && s.question == question);
            let key = |question: Uuid| {
                keyed.iter().find(|k| k.candidate == candidate && k.question == question).map(|k| f64::from(k.score))
            };
            // The weighted mean of per-question values, leaving out questions without one.
            let weighted = |value: &dyn Fn(Uuid) -> Option<f64>| {
                let (mut sum, mut used) = (0.0, 0.0);
                for &(question, weight) in weights {
                    if let Some(v) = value(question) {
                        sum += f64::from(weight) * v;
                        used += f64::from(weight);
                    }
                }
                (used > 0.0).then(|| sum / used)
            };
            let panel_mean = |question: Uuid| {
                let values: Vec<f64> = of(question).map(|s| f64::from(s.score)).collect();
                if values.is_empty() { key(question) } else { Some(values.iter().sum::<f64>() / values.len() as f64) }
            };
            let score = weighted(&panel_mean).unwrap_or(0.0);
            let mut members: Vec<Uuid> = scores.iter().filter(|s| s.candidate == candidate).map(|s| s.member).collect();
            members.sort_unstable();
            members.dedup();
            let own: Vec<f64> = members
                .iter()
                .filter_map(|member| {
                    let value = |question: Uuid| {
                        of(question).find(|s| s.member == *member).map(|s| f64::from(s.score)).or_else(|| key(question))
                    };
                    weighted(&value)
                })
                .collect();
            let spread = match (own.iter().copied().reduce(f64::min), own.iter().copied().reduce(f64::max)) {
                (Some(low), Some(high)) => high - low,
                _ => 0.0,
            };
            SiftScore { candidate, score, spread }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.candidate.cmp(&b.candidate)));
    ranked
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
        assert_eq!(parse_change_reason("te kort"), None);
        assert_eq!(
            parse_change_reason("  Na het gesprek: het voorbeeld is concreet.  ").as_deref(),
            Some("Na het gesprek: het voorbeeld is concreet.")
        );
    }

    const Q1: Uuid = Uuid::from_u128(101);
    const Q2: Uuid = Uuid::from_u128(102);
    const Q3: Uuid = Uuid::from_u128(103);
    const A: Uuid = Uuid::from_u128(3);
    const B: Uuid = Uuid::from_u128(2);
    const C: Uuid = Uuid::from_u128(1);

    /// The worked example's committee scores: three members, questions 1 and 2.
    fn worked_example() -> Vec<CastScore> {
        let members = [Uuid::from_u128(11), Uuid::from_u128(12), Uuid::from_u128(13)];
        let table =
            [(A, Q1, [4, 5, 3]), (A, Q2, [2, 2, 5]), (B, Q1, [5, 5, 5]), (B, Q2, [1, 1, 1]), (C, Q2, [3, 3, 3])];
        table
            .into_iter()
            .flat_map(|(candidate, question, values)| {
                members.into_iter().zip(values).map(move |(member, score)| CastScore {
                    candidate,
                    question,
                    member,
                    score,
                })
            })
            .collect()
    }

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-12
    }

    /// Worked by hand: two questions, weights 2 and 1; three members.
    /// Candidate A: question 1 scored 4, 5, 3 (mean 4), question 2 scored 2, 2, 5 (mean 3):
    /// (2 × 4 + 1 × 3) / 3 = 11 / 3 ≈ 3.667. Members' own weighted means: (2·4 + 2)/3 = 10/3,
    /// (2·5 + 2)/3 = 4, (2·3 + 5)/3 = 11/3; spread 4 − 10/3 = 2/3.
    /// Candidate B: question 1 scored 5, 5, 5, question 2 scored 1, 1, 1: (10 + 1) / 3 = 11/3 too,
    /// spread 0; a tie, broken by id (B's id is lower here, so B comes first).
    /// Candidate C: only question 2 scored (3, 3, 3): 3.
    #[test]
    fn aggregation_matches_the_hand_worked_example() {
        let ranked = aggregate(&[(Q1, 2), (Q2, 1)], &worked_example(), &[]);
        assert_eq!(ranked.iter().map(|r| r.candidate).collect::<Vec<_>>(), [B, A, C]);
        assert!(close(ranked[0].score, 11.0 / 3.0) && close(ranked[0].spread, 0.0));
        assert!(close(ranked[1].score, 11.0 / 3.0) && close(ranked[1].spread, 2.0 / 3.0));
        assert!(close(ranked[2].score, 3.0) && close(ranked[2].spread, 0.0));
    }

    /// The same example with a multiple-choice question (weight 1) scored by its key: A and C chose
    /// the correct option (5), B did not (1).
    /// A: (2 × 4 + 1 × 3 + 1 × 5) / 4 = 4; members' own (8+2+5)/4, (10+2+5)/4, (6+5+5)/4: spread 0.5.
    /// B: (2 × 5 + 1 × 1 + 1 × 1) / 4 = 3, spread 0. C: (1 × 3 + 1 × 5) / 2 = 4, spread 0.
    /// A and C tie at 4; C's id is lower, so C comes first.
    #[test]
    fn a_multiple_choice_key_counts_like_a_question_scored_alike_by_every_member() {
        let keyed = [
            KeyedScore { candidate: A, question: Q3, score: key_score(true) },
            KeyedScore { candidate: B, question: Q3, score: key_score(false) },
            KeyedScore { candidate: C, question: Q3, score: key_score(true) },
        ];
        let ranked = aggregate(&[(Q1, 2), (Q2, 1), (Q3, 1)], &worked_example(), &keyed);
        assert_eq!(ranked.iter().map(|r| r.candidate).collect::<Vec<_>>(), [C, A, B]);
        assert!(close(ranked[0].score, 4.0) && close(ranked[0].spread, 0.0));
        assert!(close(ranked[1].score, 4.0) && close(ranked[1].spread, 0.5));
        assert!(close(ranked[2].score, 3.0) && close(ranked[2].spread, 0.0));
    }

    #[test]
    fn answers_two_points_apart_are_flagged() {
        assert!(disagree(&[2, 4, 3]));
        assert!(!disagree(&[3, 4, 4]));
        assert!(!disagree(&[]));
    }
}
