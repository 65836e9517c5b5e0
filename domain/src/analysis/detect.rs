//! Telling Dutch from English by their most common words.

use super::text::Text;
use crate::language::Language;

const DUTCH: [&str; 30] = [
    "de", "het", "een", "en", "van", "je", "jij", "u", "wij", "we", "ons", "onze", "is", "zijn", "met", "voor", "op",
    "in", "te", "die", "dat", "als", "bij", "ook", "niet", "wat", "hoe", "wordt", "heb", "hebt",
];
const ENGLISH: [&str; 30] = [
    "the", "a", "an", "and", "of", "you", "your", "we", "our", "is", "are", "with", "for", "on", "in", "to", "that",
    "as", "at", "also", "not", "what", "how", "be", "will", "have", "this", "who", "or", "by",
];

/// Dutch unless the text has more common English words than common Dutch ones.
pub fn language(text: &Text<'_>) -> Language {
    let count = |list: &[&str]| text.words.iter().filter(|w| list.contains(&w.lower.as_str())).count();
    if count(&ENGLISH) > count(&DUTCH) { Language::En } else { Language::Nl }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_language_of_short_vacancy_sentences() {
        let cases = [
            ("Wij zoeken een collega die van aanpakken weet.", Language::Nl),
            ("We are looking for a colleague who gets things done.", Language::En),
            ("", Language::Nl),
        ];
        for (text, expected) in cases {
            assert_eq!(language(&Text::parse(text)), expected, "{text:?}");
        }
    }
}
