//! Phrase rules: short word patterns such as `jong team`, `max # jaar ervaring`, `native speaker*`.
//!
//! A pattern is words separated by spaces, matched whole and case-insensitively, in sequence:
//! `word*` matches any word starting with `word`, `#` any number, and `word?` may be left out.

use std::collections::HashMap;

/// One element of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Element {
    Exact(String),
    Prefix(String),
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    element: Element,
    optional: bool,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    steps: Vec<Step>,
}

impl Pattern {
    pub fn compile(pattern: &str) -> Pattern {
        let steps = pattern
            .split_whitespace()
            .map(|raw| {
                let lower = raw.to_lowercase();
                let (body, optional) = match lower.strip_suffix('?') {
                    Some(body) => (body.to_owned(), true),
                    None => (lower, false),
                };
                // Punctuation in a pattern (`max.`) is not part of a word in the text.
                let body: String =
                    body.chars().filter(|c| c.is_alphanumeric() || matches!(c, '*' | '#' | '-' | '\'')).collect();
                let element = if body == "#" {
                    Element::Number
                } else if let Some(prefix) = body.strip_suffix('*') {
                    Element::Prefix(prefix.to_owned())
                } else {
                    Element::Exact(body)
                };
                Step { element, optional }
            })
            .collect();
        Pattern { steps }
    }

    /// Where the pattern matches in `words` (lowercase), as `(first word, word count)`, without overlaps.
    pub fn find_all(&self, words: &[&str]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut start = 0;
        while start < words.len() {
            match self.match_at(words, start, 0) {
                Some(end) if end > start => {
                    found.push((start, end - start));
                    start = end;
                }
                _ => start += 1,
            }
        }
        found
    }

    /// The end (exclusive) of the longest match of steps `step..` starting at word `at`.
    fn match_at(&self, words: &[&str], at: usize, step: usize) -> Option<usize> {
        let Some(current) = self.steps.get(step) else {
            return Some(at);
        };
        let here = words
            .get(at)
            .filter(|word| current.element.matches(word))
            .and_then(|_| self.match_at(words, at + 1, step + 1));
        match here {
            Some(end) => Some(end),
            None if current.optional => self.match_at(words, at, step + 1),
            None => None,
        }
    }
}

/// Patterns indexed by their first word, so each word of a text is tried only against the patterns
/// that can start there (the analyser runs on every keystroke).
#[derive(Debug, Clone, Default)]
pub struct PatternIndex {
    patterns: Vec<Pattern>,
    by_first_word: HashMap<String, Vec<usize>>,
    /// Patterns whose first step is not one exact word: tried everywhere.
    anywhere: Vec<usize>,
}

impl PatternIndex {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> PatternIndex {
        let mut index = PatternIndex::default();
        for (i, raw) in patterns.into_iter().enumerate() {
            let pattern = Pattern::compile(raw);
            match pattern.steps.first() {
                Some(Step { element: Element::Exact(word), optional: false }) => {
                    index.by_first_word.entry(word.clone()).or_default().push(i)
                }
                _ => index.anywhere.push(i),
            }
            index.patterns.push(pattern);
        }
        index
    }

    /// Every match in `words` (lowercase) as `(pattern index, first word, word count)`, each
    /// pattern's matches without overlaps, in the order of their first word.
    pub fn find_all(&self, words: &[&str]) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        let mut next_start: HashMap<usize, usize> = HashMap::new();
        for (start, word) in words.iter().enumerate() {
            let candidates = self.by_first_word.get(*word).into_iter().flatten().chain(&self.anywhere);
            for &i in candidates {
                if next_start.get(&i).is_some_and(|&next| start < next) {
                    continue;
                }
                if let Some(end) = self.patterns[i].match_at(words, start, 0).filter(|&end| end > start) {
                    found.push((i, start, end - start));
                    next_start.insert(i, end);
                }
            }
        }
        found
    }
}

impl Element {
    fn matches(&self, word: &str) -> bool {
        match self {
            Element::Exact(expected) => word == expected,
            Element::Prefix(prefix) => word.starts_with(prefix.as_str()),
            Element::Number => word.chars().all(|c| c.is_ascii_digit()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(pattern: &str, text: &str) -> Vec<(usize, usize)> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        Pattern::compile(pattern).find_all(&words)
    }

    #[test]
    fn the_index_finds_what_each_pattern_finds_alone() {
        let patterns = ["jong team", "starter*", "max # jaar ervaring", "maximaal? # jaar ervaring", "team"];
        let text = "een jong team zoekt starters met max 5 jaar ervaring of 3 jaar ervaring";
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut expected: Vec<(usize, usize, usize)> = patterns
            .iter()
            .enumerate()
            .flat_map(|(i, p)| Pattern::compile(p).find_all(&words).into_iter().map(move |(f, c)| (i, f, c)))
            .collect();
        let mut found = PatternIndex::new(patterns).find_all(&words);
        expected.sort();
        found.sort();
        assert_eq!(found, expected);
        assert!(!found.is_empty());
    }

    #[test]
    fn patterns_match_whole_words_in_sequence() {
        // (pattern, text, matches as (first word, word count))
        type Case<'a> = (&'a str, &'a str, &'a [(usize, usize)]);
        let cases: &[Case] = &[
            ("jong team", "wij zijn een jong team", &[(3, 2)]),
            ("jong team", "een jonge teamleider", &[]),
            ("starter*", "ook starters zijn welkom", &[(1, 1)]),
            ("max # jaar ervaring", "max 5 jaar ervaring", &[(0, 4)]),
            ("max # jaar ervaring", "max vijf jaar ervaring", &[]),
            ("maximaal? # jaar ervaring", "3 jaar ervaring of maximaal 5 jaar ervaring", &[(0, 3), (4, 4)]),
            ("native speaker*", "Native Speakers of English", &[(0, 2)]),
            ("max. # jaar", "max 5 jaar", &[(0, 3)]),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(find(pattern, text), *expected, "{pattern:?} in {text:?}");
        }
    }
}
