//! The identity-cue detector measured on the planted set `tests/fixtures/identity/planted.json`:
//! Dutch and English answers with planted cues of every type, distractors that must not fire, and
//! answers without any cue. A found span counts when it overlaps an expected span of the same type.
#![allow(clippy::expect_used, clippy::unwrap_used)] // Tests fail loudly on purpose.

use std::collections::BTreeMap;

use domain::screening::{CueType, identity_cues};
use serde::Deserialize;

#[derive(Deserialize)]
struct PlantedSet {
    answers: Vec<PlantedAnswer>,
}

#[derive(Deserialize)]
struct PlantedAnswer {
    id: String,
    text: String,
    cues: Vec<PlantedCue>,
    #[serde(default)]
    distractors: Vec<String>,
}

#[derive(Deserialize)]
struct PlantedCue {
    #[serde(rename = "type")]
    kind: String,
    text: String,
}

/// Character spans of each occurrence of `needle`, the n-th planted one taking the n-th occurrence.
fn spans_of(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let length = needle.chars().count();
    text.match_indices(needle)
        .map(|(byte, _)| text[..byte].chars().count())
        .map(|start| (start, start + length))
        .collect()
}

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    expected: usize,
    recalled: usize,
    found: usize,
    correct: usize,
}

fn measure(json: &str) -> (BTreeMap<CueType, Counts>, Vec<String>) {
    let set: PlantedSet = serde_json::from_str(json).expect("the set parses");
    let mut counts: BTreeMap<CueType, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    for answer in &set.answers {
        let mut expected: Vec<(CueType, usize, usize)> = Vec::new();
        let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
        for cue in &answer.cues {
            let kind = CueType::parse(&cue.kind).unwrap_or_else(|| panic!("{}: unknown type {}", answer.id, cue.kind));
            let occurrence = seen.entry((cue.kind.clone(), cue.text.clone())).or_default();
            let spans = spans_of(&answer.text, &cue.text);
            let (start, end) = spans.get(*occurrence).or(spans.first()).copied().expect("the cue is in the answer");
            *occurrence += 1;
            expected.push((kind, start, end));
        }
        let found = identity_cues(&answer.text);
        for (kind, start, end) in &expected {
            let entry = counts.entry(*kind).or_default();
            entry.expected += 1;
            if found.iter().any(|f| f.kind == *kind && f.start < *end && *start < f.end) {
                entry.recalled += 1;
            } else {
                let words: String = answer.text.chars().skip(*start).take(end - start).collect();
                misses.push(format!("{}: missed {} ‘{words}’", answer.id, kind.as_str()));
            }
        }
        for cue in &found {
            let entry = counts.entry(cue.kind).or_default();
            entry.found += 1;
            if expected.iter().any(|(kind, start, end)| *kind == cue.kind && cue.start < *end && *start < cue.end) {
                entry.correct += 1;
            } else {
                let words: String = answer.text.chars().skip(cue.start).take(cue.end - cue.start).collect();
                let distractor = answer.distractors.iter().any(|d| d.contains(&words) || words.contains(d.as_str()));
                let note = if distractor { " (a distractor)" } else { "" };
                misses.push(format!("{}: wrongly {} ‘{words}’{note}", answer.id, cue.kind.as_str()));
            }
        }
    }
    (counts, misses)
}

/// Prints the table of recall and precision per type and the misses; returns recall and precision.
fn report(name: &str, json: &str) -> (f64, f64, usize) {
    report_with(name, json, true)
}

/// As [`report`]; without the misses when `show_misses` is false, for a set that must stay unseen.
fn report_with(name: &str, json: &str, show_misses: bool) -> (f64, f64, usize) {
    let (counts, misses) = measure(json);
    let total = counts.values().fold(Counts::default(), |sum, c| Counts {
        expected: sum.expected + c.expected,
        recalled: sum.recalled + c.recalled,
        found: sum.found + c.found,
        correct: sum.correct + c.correct,
    });
    println!("{name}\ntype            expected  recall  precision");
    for (kind, c) in &counts {
        let recall = c.recalled as f64 / c.expected.max(1) as f64;
        let precision = c.correct as f64 / c.found.max(1) as f64;
        println!("{:<15} {:>8}  {recall:>6.3}  {precision:>9.3}", kind.as_str(), c.expected);
    }
    let recall = total.recalled as f64 / total.expected as f64;
    let precision = total.correct as f64 / total.found as f64;
    println!("{:<15} {:>8}  {recall:>6.3}  {precision:>9.3}", "ALL", total.expected);
    if show_misses {
        for miss in &misses {
            println!("{miss}");
        }
    }
    (recall, precision, total.expected)
}

/// The targets.
const RECALL_TARGET: f64 = 0.95;
const PRECISION_TARGET: f64 = 0.90;

#[test]
fn the_detector_finds_planted_cues_and_leaves_distractors_alone() {
    let (recall, precision, planted) = report("planted set", include_str!("fixtures/identity/planted.json"));
    assert!(planted >= 150, "the planted set has {planted} cues");
    assert!(recall >= RECALL_TARGET, "recall {recall:.3} below {RECALL_TARGET}");
    assert!(precision >= PRECISION_TARGET, "precision {precision:.3} below {PRECISION_TARGET}");
}

/// The held-out set was written after the detector, by someone who did not see it: the measure of
/// how well the first round of rules generalised (0.869 recall, 0.961 precision). The second round
/// was written from its misses, so it is development data now; this test keeps those fixed.
#[test]
fn the_detector_generalises_to_the_held_out_set() {
    let (recall, precision, planted) = report("held-out set", include_str!("fixtures/identity/held-out.json"));
    assert!(planted >= 60, "the held-out set has {planted} cues");
    assert!(recall >= HELD_OUT_RECALL_FLOOR, "recall {recall:.3} below {HELD_OUT_RECALL_FLOOR}");
    assert!(precision >= HELD_OUT_PRECISION_FLOOR, "precision {precision:.3} below {HELD_OUT_PRECISION_FLOOR}");
}

/// 1.000 and 1.000 after the second round (2026-11-30).
const HELD_OUT_RECALL_FLOOR: f64 = 0.98;
const HELD_OUT_PRECISION_FLOOR: f64 = 0.98;

/// The second held-out set, written by someone who saw neither the detector nor its word lists,
/// after the first held-out set had been used to improve the rules. Its misses are not printed, so
/// that it stays held out: only the table is.
#[test]
fn the_detector_generalises_to_the_second_held_out_set() {
    let (recall, precision, planted) =
        report_with("second held-out set", include_str!("fixtures/identity/held-out-2.json"), false);
    assert!(planted >= 150, "the second held-out set has {planted} cues");
    assert!(recall >= HELD_OUT_2_RECALL_FLOOR, "recall {recall:.3} below {HELD_OUT_2_RECALL_FLOOR}");
    assert!(precision >= HELD_OUT_2_PRECISION_FLOOR, "precision {precision:.3} below {HELD_OUT_2_PRECISION_FLOOR}");
}

/// Measured on 2026-11-30 at 0.798 recall and 0.975 precision before the second round of rules, and
/// at 0.848 and 0.977 after it (rules written without seeing this set's misses).
const HELD_OUT_2_RECALL_FLOOR: f64 = 0.84;
const HELD_OUT_2_PRECISION_FLOOR: f64 = 0.97;
