//! Identity cues in an answer: words that may tell the committee who wrote it.
//!
//! This is the first, small detector: contact data, stated age or birth year, and "my name is".
//! The applicant's editor warns with it while typing. The screening work (PRODUCT.md, "Screening")
//! extends it with names, origin, religion, gender and school names, and masks what it finds before
//! the committee reads the answers. It only warns: an applicant may always submit.

use serde::{Deserialize, Serialize};

/// What kind of identity an answer seems to reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    Name,
    Age,
    Contact,
}

/// One cue: its kind and where it is, in characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityCue {
    pub kind: CueKind,
    pub start: usize,
    pub end: usize,
}

/// The cues in `text`, in order.
pub fn identity_cues(text: &str) -> Vec<IdentityCue> {
    let words = words(text);
    let mut cues = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let lower = word.text.to_lowercase();
        let next = |n: usize| words.get(index + n).map(|w| w.text.to_lowercase()).unwrap_or_default();
        let cue = |kind, end: &Word| IdentityCue { kind, start: word.start, end: end.end };
        let email = lower.contains('@') && lower.contains('.');
        let phone = lower.chars().filter(char::is_ascii_digit).count() >= 9 && is_phone_like(&lower);
        if email || phone {
            cues.push(cue(CueKind::Contact, word));
        } else if is_number(&lower) && matches!(next(1).as_str(), "jaar" | "years" | "jarige") {
            let says_age = matches!(next(2).as_str(), "oud" | "old") || is_age_context(&words, index);
            if says_age {
                cues.push(cue(CueKind::Age, words.get(index + 1).unwrap_or(word)));
            }
        } else if matches!(lower.as_str(), "geboren" | "born") && is_year(&next(2)) {
            cues.push(cue(CueKind::Age, words.get(index + 2).unwrap_or(word)));
        } else if (lower == "naam" || lower == "name") && next(1) == "is" && !next(2).is_empty() {
            let start = if index > 0 { &words[index - 1] } else { word };
            let end = words.get(index + 2).unwrap_or(word);
            cues.push(IdentityCue { kind: CueKind::Name, start: start.start, end: end.end });
        }
    }
    cues
}

struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Words with their character offsets, stripped of surrounding punctuation.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut found = Vec::new();
    let mut chars = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let trimmed = word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"'));
        if !trimmed.is_empty() {
            let offset = word.find(trimmed).map(|bytes| word[..bytes].chars().count()).unwrap_or(0);
            let start = chars + offset;
            found.push(Word { text: trimmed, start, end: start + trimmed.chars().count() });
        }
        chars += piece.chars().count();
    }
    found
}

fn is_number(word: &str) -> bool {
    !word.is_empty() && word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit())
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) && word.chars().all(|c| c.is_ascii_digit())
}

fn is_phone_like(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | '.'))
}

/// "ik ben 34 jaar", "I am 34 years": the number follows a form of "to be".
fn is_age_context(words: &[Word<'_>], index: usize) -> bool {
    index > 0 && matches!(words[index - 1].text.to_lowercase().as_str(), "ben" | "am" | "i'm" | "word" | "turn")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(CueKind, String)> {
        identity_cues(text)
            .into_iter()
            .map(|cue| (cue.kind, text.chars().skip(cue.start).take(cue.end - cue.start).collect()))
            .collect()
    }

    #[test]
    fn contact_data_stated_age_and_names_are_cues() {
        let cases: [(&str, Vec<(CueKind, &str)>); 7] = [
            ("Mail me: jan@example.nl.", vec![(CueKind::Contact, "jan@example.nl")]),
            ("Bel 06-12345678 gerust", vec![(CueKind::Contact, "06-12345678")]),
            ("Ik ben 52 jaar en werk graag samen.", vec![(CueKind::Age, "52 jaar")]),
            ("I am 34 years old.", vec![(CueKind::Age, "34 years")]),
            ("Ik ben geboren in 1971 in Utrecht.", vec![(CueKind::Age, "geboren in 1971")]),
            ("Mijn naam is Fatima en ik", vec![(CueKind::Name, "Mijn naam is Fatima")]),
            ("Het project duurde 2 jaar en had 40 deelnemers.", vec![]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(CueKind, String)> = expected.into_iter().map(|(k, s)| (k, s.to_owned())).collect();
            assert_eq!(kinds(text), expected, "{text}");
        }
    }
}
