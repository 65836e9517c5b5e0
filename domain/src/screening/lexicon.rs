//! The word lists of the identity-cue detector: names, places, nationalities, religion, gender and
//! schools, from the data files in `domain/identity/` (each with its sources), compiled in.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::monitoring::countries;

/// Lowercase word sequences, indexed by their first word.
#[derive(Debug, Default)]
pub struct Phrases {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn from<'a>(entries: impl IntoIterator<Item = &'a String>) -> Phrases {
        let mut phrases = Phrases::default();
        for entry in entries {
            phrases.add(entry);
        }
        phrases
    }

    fn add(&mut self, entry: &str) {
        let words: Vec<String> = split_words(&entry.to_lowercase());
        if let Some(first) = words.first() {
            self.by_first.entry(first.clone()).or_default().push(words);
        }
    }

    /// The length in words of the longest phrase that starts at `words[at]`.
    pub fn longest_at(&self, words: &[&str], at: usize) -> Option<usize> {
        let first = words.get(at)?;
        self.by_first
            .get(*first)?
            .iter()
            .filter(|phrase| phrase.len() <= words.len() - at && phrase.iter().zip(&words[at..]).all(|(p, w)| p == w))
            .map(Vec::len)
            .max()
    }
}

/// Words as the lexicon compares them: lowercase, split on white space and on the punctuation that
/// surrounds words.
pub fn split_words(text: &str) -> Vec<String> {
    text.split_whitespace().map(|w| trim_punctuation(w).to_owned()).filter(|w| !w.is_empty()).collect()
}

pub fn trim_punctuation(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '@' && c != '+' && c != '/')
        .trim_end_matches(['\'', '/'])
}

/// Everything the detector looks words up in.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub first_names: HashSet<String>,
    pub ambiguous_first_names: HashSet<String>,
    pub surnames: HashSet<String>,
    pub ambiguous_surnames: HashSet<String>,
    pub surname_prefixes: Phrases,
    /// Dutch municipalities and places.
    pub dutch_places: Phrases,
    /// Cities and regions abroad.
    pub places_abroad: Phrases,
    pub countries: Phrases,
    pub nationalities: HashSet<String>,
    /// Nationality words that are also ordinary words ("Polish", "Pools"): only before a word for a
    /// person ("a Polish citizen").
    pub ambiguous_nationalities: HashSet<String>,
    pub religion_terms: HashSet<String>,
    /// Practices and garments ("hijab", "vastenmaand"): personal whenever the writer does them.
    pub religious_practices: HashSet<String>,
    /// Languages spoken at home that tell where a family comes from ("Tarifit", "Papiaments").
    pub heritage_languages: HashSet<String>,
    pub religion_phrases: Phrases,
    pub gender_phrases: Phrases,
    pub gender_role_nouns: HashSet<String>,
    pub schools: Phrases,
    pub school_patterns: Phrases,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NamesFile {
    names: Vec<String>,
    ambiguous: Vec<String>,
    surnames: Vec<String>,
    ambiguous_surnames: Vec<String>,
    prefixes: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PlacesFile {
    municipalities: Vec<String>,
    places: Vec<String>,
    abroad: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PerLanguage {
    nl: LanguageLists,
    en: LanguageLists,
    names: Vec<String>,
    patterns: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LanguageLists {
    nationalities: Vec<String>,
    phrases: Vec<String>,
    terms: Vec<String>,
    role_nouns: Vec<String>,
    ambiguous: Vec<String>,
    practices: Vec<String>,
    languages: Vec<String>,
}

fn parse<T: for<'de> Deserialize<'de> + Default>(json: &str) -> T {
    // The files are checked by the tests; a broken file gives an empty list, never a panic.
    serde_json::from_str(json).unwrap_or_default()
}

fn lower_set<'a>(lists: impl IntoIterator<Item = &'a Vec<String>>) -> HashSet<String> {
    lists.into_iter().flatten().map(|w| w.to_lowercase()).collect()
}

/// The lexicon, loaded once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let first: NamesFile = parse(include_str!("../../identity/first-names.json"));
        let last: NamesFile = parse(include_str!("../../identity/surnames.json"));
        let places: PlacesFile = parse(include_str!("../../identity/places.json"));
        let origin: PerLanguage = parse(include_str!("../../identity/origin.json"));
        let religion: PerLanguage = parse(include_str!("../../identity/religion.json"));
        let gender: PerLanguage = parse(include_str!("../../identity/gender.json"));
        let schools: PerLanguage = parse(include_str!("../../identity/schools.json"));
        let country_names: Vec<String> =
            countries().iter().filter(|c| c.code != "NL").flat_map(|c| [c.nl.clone(), c.en.clone()]).collect();
        Lexicon {
            first_names: lower_set([&first.names]),
            ambiguous_first_names: lower_set([&first.ambiguous]),
            surnames: lower_set([&last.surnames]),
            ambiguous_surnames: lower_set([&last.ambiguous_surnames]),
            surname_prefixes: Phrases::from(&last.prefixes),
            dutch_places: Phrases::from(places.municipalities.iter().chain(&places.places)),
            places_abroad: Phrases::from(&places.abroad),
            countries: Phrases::from(&country_names),
            nationalities: lower_set([&origin.nl.nationalities, &origin.en.nationalities]),
            ambiguous_nationalities: lower_set([&origin.nl.ambiguous, &origin.en.ambiguous]),
            religion_terms: lower_set([&religion.nl.terms, &religion.en.terms]),
            religious_practices: lower_set([&religion.nl.practices, &religion.en.practices]),
            heritage_languages: lower_set([&origin.nl.languages, &origin.en.languages]),
            religion_phrases: Phrases::from(religion.nl.phrases.iter().chain(&religion.en.phrases)),
            gender_phrases: Phrases::from(gender.nl.phrases.iter().chain(&gender.en.phrases)),
            gender_role_nouns: lower_set([&gender.nl.role_nouns, &gender.en.role_nouns]),
            schools: Phrases::from(&schools.names),
            school_patterns: Phrases::from(&schools.patterns),
        }
    })
}
