//! Splitting a text into words and sentences, keeping where each one stands.
//!
//! Offsets are in characters (Unicode scalar values), not bytes, so they mean the same in every
//! language that shows the text.

/// Words that end in a full stop without ending the sentence (`max. 5 jaar`, `bijv. beleid`).
const ABBREVIATIONS: [&str; 16] =
    ["max", "min", "bijv", "bv", "ca", "o.a", "incl", "excl", "evt", "resp", "e.g", "i.e", "etc", "approx", "vs", "nr"];

/// One word: letters and digits, with inner hyphens and apostrophes (`self-confident`, `zo'n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub lower: String,
    /// Character offsets in the whole text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets in the whole text, for slicing it.
    pub byte_start: usize,
    pub byte_end: usize,
    /// Index of the sentence the word is in.
    pub sentence: usize,
}

impl<'a> Word<'a> {
    /// The text from this word up to and including `last`, as written.
    pub fn through(&self, last: &Word<'_>, source: &'a str) -> &'a str {
        &source[self.byte_start..last.byte_end]
    }

    pub fn is_number(&self) -> bool {
        self.text.chars().all(|c| c.is_ascii_digit())
    }
}

/// A sentence: its character span and the range of its words in [`Text::words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub first_word: usize,
    pub word_count: usize,
}

/// A text split into words and sentences.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub source: &'a str,
    pub words: Vec<Word<'a>>,
    pub sentences: Vec<Sentence>,
}

impl<'a> Text<'a> {
    /// Sentences end at `.`, `!`, `?` or `:` followed by white space, and at every line break (vacancy
    /// texts are full of list items without a full stop).
    pub fn parse(source: &'a str) -> Text<'a> {
        let chars: Vec<(usize, char)> = source.char_indices().collect();
        let mut words = Vec::new();
        let mut sentences = Vec::new();
        let mut sentence_start: Option<usize> = None;
        let mut sentence_first_word = 0;
        let mut i = 0;
        let is_word_char = |c: char| c.is_alphanumeric();
        while i < chars.len() {
            let c = chars[i].1;
            if is_word_char(c) {
                let start = i;
                let mut end = i + 1;
                while end < chars.len() {
                    let next = chars[end].1;
                    let joins = matches!(next, '-' | '\'' | '’')
                        && chars.get(end + 1).is_some_and(|&(_, after)| is_word_char(after));
                    if is_word_char(next) {
                        end += 1;
                    } else if joins {
                        end += 2;
                    } else {
                        break;
                    }
                }
                let byte_start = chars[start].0;
                let byte_end = chars.get(end).map_or(source.len(), |&(b, _)| b);
                let text = &source[byte_start..byte_end];
                sentence_start.get_or_insert(start);
                words.push(Word {
                    text,
                    lower: text.to_lowercase(),
                    start,
                    end,
                    byte_start,
                    byte_end,
                    sentence: sentences.len(),
                });
                i = end;
                continue;
            }
            let after_abbreviation = c == '.'
                && words.last().is_some_and(|w: &Word<'_>| w.end == i && ABBREVIATIONS.contains(&w.lower.as_str()));
            let ends_sentence = c == '\n'
                || (matches!(c, '.' | '!' | '?' | ':' | ';')
                    && !after_abbreviation
                    && chars.get(i + 1).is_none_or(|&(_, after)| after.is_whitespace()));
            if ends_sentence && let Some(start) = sentence_start.take() {
                sentences.push(Sentence {
                    start,
                    end: i + usize::from(c != '\n'),
                    first_word: sentence_first_word,
                    word_count: words.len() - sentence_first_word,
                });
                sentence_first_word = words.len();
            }
            i += 1;
        }
        if let Some(start) = sentence_start {
            sentences.push(Sentence {
                start,
                end: chars.len(),
                first_word: sentence_first_word,
                word_count: words.len() - sentence_first_word,
            });
        }
        Text { source, words, sentences }
    }

    /// The words of sentence `index`.
    pub fn sentence_words(&self, index: usize) -> &[Word<'a>] {
        let sentence = &self.sentences[index];
        &self.words[sentence.first_word..sentence.first_word + sentence.word_count]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes_and_their_character_offsets() {
        let text = Text::parse("Zo'n self-confident collega, één werk- en denkniveau.");
        let words: Vec<_> = text.words.iter().map(|w| (w.text, w.start, w.end)).collect();
        assert_eq!(
            words,
            [
                ("Zo'n", 0, 4),
                ("self-confident", 5, 19),
                ("collega", 20, 27),
                ("één", 29, 32),
                ("werk", 33, 37),
                ("en", 39, 41),
                ("denkniveau", 42, 52),
            ]
        );
    }

    #[test]
    fn sentences_end_at_punctuation_and_line_breaks() {
        let text = Text::parse(
            "Wij zoeken jou. Wat ga je doen?\n• Beleid schrijven\n• Advies geven\nversie 2.0 is klaar, max. 5 jaar",
        );
        let sentences: Vec<_> = (0..text.sentences.len())
            .map(|i| text.sentence_words(i).iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            sentences,
            ["Wij zoeken jou", "Wat ga je doen", "Beleid schrijven", "Advies geven", "versie 2 0 is klaar max 5 jaar"]
        );
    }
}
