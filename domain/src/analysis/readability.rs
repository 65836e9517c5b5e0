//! Readability: syllables, Flesch-Douma and Brouwer's leesindex for Dutch, Flesch Reading Ease for
//! English, sentence length, and an overall B1 indicator.
//!
//! Formulas (ASL = words per sentence, ASW = syllables per word):
//! - Flesch (1948) Reading Ease: 206.835 − 1.015·ASL − 84.6·ASW.
//! - Douma (1960), Flesch for Dutch: 206.84 − 0.93·ASL − 77·ASW.
//! - Brouwer (1963) leesindex: 195 − 2·ASL − 67·ASW.

use serde::{Deserialize, Serialize};

use super::text::Text;
use crate::language::Language;

/// A sentence longer than this many words is hard to read.
pub const LONG_SENTENCE_WORDS: usize = 20;

/// The numbers of one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readability {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub average_sentence_length: f64,
    pub average_syllables_per_word: f64,
    /// Flesch-Douma for Dutch, Flesch Reading Ease for English: higher is easier (0–100).
    pub flesch: f64,
    /// Brouwer's leesindex (Dutch texts only).
    pub brouwer: Option<f64>,
    /// Whether the text is likely readable at language level B1 (see [`likely_b1`]).
    pub likely_b1: bool,
}

/// Measures a text.
pub fn measure(text: &Text<'_>, language: Language) -> Readability {
    let words: Vec<&str> = text.words.iter().filter(|w| !w.is_number()).map(|w| w.lower.as_str()).collect();
    let sentences = text.sentences.iter().filter(|s| s.word_count > 0).count();
    let syllables: usize = words.iter().map(|w| syllables(w, language)).sum();
    let (asl, asw) = if words.is_empty() || sentences == 0 {
        (0.0, 0.0)
    } else {
        (words.len() as f64 / sentences as f64, syllables as f64 / words.len() as f64)
    };
    let (flesch, brouwer) = match language {
        Language::Nl => (flesch_douma(asl, asw), Some(brouwer(asl, asw))),
        Language::En => (flesch_reading_ease(asl, asw), None),
    };
    let flesch = if words.is_empty() { 0.0 } else { flesch };
    Readability {
        words: words.len(),
        sentences,
        syllables,
        average_sentence_length: asl,
        average_syllables_per_word: asw,
        flesch,
        brouwer,
        likely_b1: !words.is_empty() && likely_b1(flesch, asl),
    }
}

pub fn flesch_reading_ease(asl: f64, asw: f64) -> f64 {
    206.835 - 1.015 * asl - 84.6 * asw
}

pub fn flesch_douma(asl: f64, asw: f64) -> f64 {
    206.84 - 0.93 * asl - 77.0 * asw
}

pub fn brouwer(asl: f64, asw: f64) -> f64 {
    195.0 - 2.0 * asl - 67.0 * asw
}

/// A rough B1 indicator: a Flesch(-Douma) score of at least 60 ("fairly easy" and easier) and
/// sentences of 15 words or fewer on average, as Dutch plain-language guidance advises. It is an
/// indicator, not a verdict: only readers can say whether a text is B1.
pub fn likely_b1(flesch: f64, average_sentence_length: f64) -> bool {
    flesch >= 60.0 && average_sentence_length <= 15.0
}

/// Syllables in one lowercase word.
pub fn syllables(word: &str, language: Language) -> usize {
    let count = match language {
        Language::Nl => dutch_syllables(word),
        Language::En => english_syllables(word),
    };
    count.max(1)
}

/// Dutch vowel clusters that form one syllable nucleus, longest first. A run of vowels is read from
/// left to right as these units; a vowel with a diaeresis (ë, ï) always starts a new syllable.
const DUTCH_NUCLEI: [&str; 17] =
    ["aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ij", "ou", "au"];

fn dutch_syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    let is_vowel = |c: char| "aeiouyáéíóúàèìòùâêîôûäëïöü".contains(c);
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_vowel(c) {
            i += 1;
            continue;
        }
        let rest: String = chars[i..].iter().take(4).collect();
        let unit = DUTCH_NUCLEI.iter().find(|n| rest.starts_with(*n)).map_or(1, |n| n.chars().count());
        count += 1;
        i += unit;
    }
    count
}

fn english_syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let is_vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &chars {
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    let n = chars.len();
    // A silent final e ("make"), but not in "-le" after a consonant ("table") or after another vowel.
    let consonant_le = n > 2 && chars[n - 2] == 'l' && !is_vowel(chars[n - 3]);
    if n > 2 && chars[n - 1] == 'e' && !is_vowel(chars[n - 2]) && !consonant_le {
        count -= 1;
    }
    // "-ed" is silent unless after t or d ("jumped", but "wanted").
    if n > 3 && chars[n - 2..] == ['e', 'd'] && !matches!(chars[n - 3], 't' | 'd') && !is_vowel(chars[n - 3]) {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_syllables_of_ordinary_words() {
        let table = [
            ("de", 1),
            ("zee", 1),
            ("huis", 1),
            ("leeuw", 1),
            ("mooi", 1),
            ("vijf", 1),
            ("werken", 2),
            ("auto", 2),
            ("aaien", 2),
            ("beleid", 2),
            ("politie", 3),
            ("ideeën", 3),
            ("overheid", 3),
            ("medewerker", 4),
            ("beïnvloeden", 4),
            ("financiële", 5),
            ("organisatie", 5),
            ("samenwerken", 4),
            ("verantwoordelijkheid", 6),
            ("communicatie", 5),
            ("sollicitatie", 5),
            ("ervaring", 3),
            ("uitdagend", 3),
            ("nieuwsgierig", 3),
        ];
        for (word, expected) in table {
            assert_eq!(syllables(word, Language::Nl), expected, "{word}");
        }
    }

    #[test]
    fn english_syllables_of_ordinary_words() {
        let table = [
            ("the", 1),
            ("make", 1),
            ("table", 2),
            ("jumped", 1),
            ("wanted", 2),
            ("people", 2),
            ("engineer", 3),
            ("company", 3),
            ("responsibilities", 6),
            ("communication", 5),
        ];
        for (word, expected) in table {
            assert_eq!(syllables(word, Language::En), expected, "{word}");
        }
    }

    #[test]
    fn formulas_match_hand_computed_values() {
        // ASL 10, ASW 1.5, worked out by hand.
        assert!((flesch_reading_ease(10.0, 1.5) - 69.785).abs() < 1e-9);
        assert!((flesch_douma(10.0, 1.5) - 82.04).abs() < 1e-9);
        assert!((brouwer(10.0, 1.5) - 74.5).abs() < 1e-9);
    }

    #[test]
    fn a_short_dutch_text_is_measured_as_counted_by_hand() {
        // 2 sentences, 8 words; syllables: wij 1, zoe-ken 2, een 1, col-le-ga 3 | je 1, werkt 1, in 1, den-haag 2 = 12.
        let text = Text::parse("Wij zoeken een collega. Je werkt in Denhaag.");
        let r = measure(&text, Language::Nl);
        assert_eq!((r.words, r.sentences, r.syllables), (8, 2, 12));
        assert!((r.flesch - flesch_douma(4.0, 1.5)).abs() < 1e-9);
        assert!((r.brouwer.expect("Dutch") - brouwer(4.0, 1.5)).abs() < 1e-9);
        assert!(r.likely_b1);
    }
}
