//! Rule sets are data: versioned JSON files under `domain/rules/<language>/`, each rule with its
//! source. They are compiled into the binary (and the WebAssembly app), parsed once, and identified
//! by a version that changes whenever any file changes, so a stored analysis says which rules made it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::gender::GenderMatcher;
use super::phrases::PatternIndex;
use super::{Category, Localized, Severity};
use crate::language::Language;

/// `domain/rules/<language>/gender-coded.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct GenderCodedFile {
    pub version: String,
    pub sources: BTreeMap<String, String>,
    pub masculine: Vec<CodedWord>,
    pub feminine: Vec<CodedWord>,
    #[serde(default)]
    pub not_coded: Vec<NotCoded>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CodedWord {
    pub word: String,
    #[serde(rename = "match")]
    pub matching: WordMatch,
    pub source: String,
    #[serde(default)]
    pub note: String,
}

/// How a listed word matches words in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WordMatch {
    /// The same word.
    Word,
    /// The same Snowball stem (inflections: *ambitieus*, *ambitieuze*).
    Stem,
    /// Words that start with it (*analy…*).
    Prefix,
    /// Words that end with it: compound heads (*…gericht*).
    Suffix,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NotCoded {
    pub word: String,
    pub reason: String,
}

/// `domain/rules/<language>/phrases.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct PhraseFile {
    pub version: String,
    pub sources: BTreeMap<String, String>,
    pub rules: Vec<PhraseRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhraseRule {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    /// Words in sequence; `word*` any ending, `#` a number, `word?` optional.
    pub pattern: String,
    pub explanation: Localized,
    #[serde(default)]
    pub suggestions: Vec<String>,
    pub source: String,
}

/// `domain/rules/<language>/jargon.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct JargonFile {
    pub version: String,
    pub sources: BTreeMap<String, String>,
    pub terms: Vec<JargonTerm>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct JargonTerm {
    pub term: String,
    pub kind: JargonKind,
    #[serde(default)]
    pub suggestions: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JargonKind {
    Jargon,
    Anglicism,
}

/// The rules of one language, with their patterns compiled once.
#[derive(Debug, Clone)]
pub struct LanguageRules {
    pub gender_coded: GenderCodedFile,
    pub phrases: PhraseFile,
    pub jargon: JargonFile,
    /// `gender_coded`, ready to match.
    pub gender_matcher: GenderMatcher,
    /// The patterns of `phrases.rules`, in their order.
    pub phrase_patterns: PatternIndex,
    /// The terms of `jargon.terms`, in their order.
    pub jargon_patterns: PatternIndex,
}

impl LanguageRules {
    fn new(
        language: Language,
        gender_coded: GenderCodedFile,
        phrases: PhraseFile,
        jargon: JargonFile,
    ) -> LanguageRules {
        let gender_matcher = GenderMatcher::new(language, &gender_coded);
        let phrase_patterns = PatternIndex::new(phrases.rules.iter().map(|r| r.pattern.as_str()));
        let jargon_patterns = PatternIndex::new(jargon.terms.iter().map(|t| t.term.as_str()));
        LanguageRules { gender_coded, phrases, jargon, gender_matcher, phrase_patterns, jargon_patterns }
    }

    /// The full citation of a source id, looked up in every file of this language.
    pub fn citation(&self, source: &str) -> Option<&str> {
        self.gender_coded
            .sources
            .get(source)
            .or_else(|| self.phrases.sources.get(source))
            .or_else(|| self.jargon.sources.get(source))
            .map(String::as_str)
    }
}

/// All rules, for both languages, with one version.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub version: String,
    pub nl: LanguageRules,
    pub en: LanguageRules,
}

/// Phrase rules an admin added for one organisation and one language, compiled. They run beside the
/// built-in rules and change the rule-set version of every analysis they take part in.
#[derive(Debug, Clone, Default)]
pub struct ExtraRules {
    pub rules: Vec<PhraseRule>,
    pub patterns: PatternIndex,
    /// SHA-256 over the rules, in hex; empty when there are none.
    pub digest: String,
}

impl ExtraRules {
    pub fn new(rules: Vec<PhraseRule>) -> ExtraRules {
        let digest = if rules.is_empty() {
            String::new()
        } else {
            let json = serde_json::to_string(&rules).unwrap_or_default();
            hex::encode(Sha256::digest(json.as_bytes()))
        };
        let patterns = PatternIndex::new(rules.iter().map(|r| r.pattern.as_str()));
        ExtraRules { rules, patterns, digest }
    }

    /// The version of the built-in rules with these rules added.
    pub fn version(&self, builtin: &str) -> String {
        if self.digest.is_empty() { builtin.to_owned() } else { format!("{builtin}+org.{}", &self.digest[..12]) }
    }
}

/// Why an organisation rule is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OrganisationRuleError {
    #[error("the pattern must be 1 to 100 characters with at least one letter or digit")]
    Pattern,
    #[error("the explanation must be 1 to 500 characters, in Dutch and in English")]
    Explanation,
    #[error("the source must be 1 to 300 characters")]
    Source,
    #[error("at most 5 suggestions of 1 to 100 characters")]
    Suggestions,
}

/// Checks the fields of a rule an admin adds, and gives it the id `id`.
pub fn parse_organisation_rule(
    id: String,
    mut rule: PhraseRule,
) -> Result<PhraseRule, Vec<(&'static str, OrganisationRuleError)>> {
    let within = |text: &str, max: usize| (1..=max).contains(&text.trim().chars().count());
    let mut errors = Vec::new();
    if !within(&rule.pattern, 100) || !rule.pattern.chars().any(char::is_alphanumeric) {
        errors.push(("pattern", OrganisationRuleError::Pattern));
    }
    if !within(&rule.explanation.nl, 500) {
        errors.push(("explanation_nl", OrganisationRuleError::Explanation));
    }
    if !within(&rule.explanation.en, 500) {
        errors.push(("explanation_en", OrganisationRuleError::Explanation));
    }
    if !within(&rule.source, 300) {
        errors.push(("source", OrganisationRuleError::Source));
    }
    rule.suggestions.retain(|s| !s.trim().is_empty());
    if rule.suggestions.len() > 5 || rule.suggestions.iter().any(|s| !within(s, 100)) {
        errors.push(("suggestions", OrganisationRuleError::Suggestions));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PhraseRule {
        id,
        pattern: rule.pattern.trim().to_lowercase(),
        explanation: Localized::new(rule.explanation.nl.trim(), rule.explanation.en.trim()),
        source: rule.source.trim().to_owned(),
        suggestions: rule.suggestions.iter().map(|s| s.trim().to_owned()).collect(),
        ..rule
    })
}

/// The files, in a fixed order (the version hashes them in this order).
const FILES: [(&str, &str); 6] = [
    ("nl/gender-coded.json", include_str!("../../rules/nl/gender-coded.json")),
    ("nl/phrases.json", include_str!("../../rules/nl/phrases.json")),
    ("nl/jargon.json", include_str!("../../rules/nl/jargon.json")),
    ("en/gender-coded.json", include_str!("../../rules/en/gender-coded.json")),
    ("en/phrases.json", include_str!("../../rules/en/phrases.json")),
    ("en/jargon.json", include_str!("../../rules/en/jargon.json")),
];

/// Why a rule file cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("rule file {file}: {reason}")]
pub struct RuleFileError {
    pub file: String,
    pub reason: String,
}

impl RuleSet {
    /// The rule set that ships with Breedwerf.
    pub fn builtin() -> &'static RuleSet {
        static BUILTIN: OnceLock<RuleSet> = OnceLock::new();
        // The files are part of the build and checked by tests, so they always parse.
        BUILTIN.get_or_init(|| RuleSet::parse(&FILES).unwrap_or_else(|e| panic!("built-in rules are invalid: {e}")))
    }

    /// Parses rule files given as `(name, contents)` in the order of the built-in files.
    pub fn parse(files: &[(&str, &str); 6]) -> Result<RuleSet, RuleFileError> {
        fn read<T: for<'de> Deserialize<'de>>((name, contents): &(&str, &str)) -> Result<T, RuleFileError> {
            serde_json::from_str(contents)
                .map_err(|e| RuleFileError { file: (*name).to_owned(), reason: e.to_string() })
        }
        let mut hasher = Sha256::new();
        for (name, contents) in files {
            hasher.update(name.as_bytes());
            hasher.update([0]);
            hasher.update(contents.as_bytes());
            hasher.update([0]);
        }
        let digest = hex::encode(hasher.finalize());
        let nl = LanguageRules::new(Language::Nl, read(&files[0])?, read(&files[1])?, read(&files[2])?);
        let en = LanguageRules::new(Language::En, read(&files[3])?, read(&files[4])?, read(&files[5])?);
        let version = format!("{}+{}", nl.gender_coded.version, &digest[..12]);
        Ok(RuleSet { version, nl, en })
    }

    pub fn for_language(&self, language: Language) -> &LanguageRules {
        match language {
            Language::Nl => &self.nl,
            Language::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_rules_parse_and_every_rule_names_a_known_source() {
        let rules = RuleSet::builtin();
        for language in Language::ALL {
            let set = rules.for_language(language);
            for word in set.gender_coded.masculine.iter().chain(&set.gender_coded.feminine) {
                assert!(set.citation(&word.source).is_some(), "{language:?} {} cites {}", word.word, word.source);
            }
            for rule in &set.phrases.rules {
                assert!(set.citation(&rule.source).is_some(), "{} cites {}", rule.id, rule.source);
                assert!(!rule.explanation.nl.is_empty() && !rule.explanation.en.is_empty(), "{}", rule.id);
            }
            for term in &set.jargon.terms {
                assert!(set.citation(&term.source).is_some(), "{} cites {}", term.term, term.source);
            }
        }
    }

    #[test]
    fn organisation_rules_are_checked_and_change_the_version() {
        let rule = PhraseRule {
            id: String::new(),
            category: Category::Jargon,
            severity: Severity::Info,
            pattern: "  Kerntakendiscussie ".into(),
            explanation: Localized::new("Intern woord.", "Internal word."),
            suggestions: vec!["gesprek over taken".into(), " ".into()],
            source: "Huisstijlgids ministerie".into(),
        };
        let parsed = parse_organisation_rule("org.1".into(), rule.clone()).expect("valid");
        assert_eq!((parsed.pattern.as_str(), parsed.suggestions.len()), ("kerntakendiscussie", 1));
        let extra = ExtraRules::new(vec![parsed]);
        assert_ne!(extra.version("v1"), "v1");
        assert_eq!(ExtraRules::default().version("v1"), "v1");

        let empty = PhraseRule { pattern: "  ".into(), source: String::new(), ..rule };
        let errors = parse_organisation_rule("org.2".into(), empty).expect_err("invalid");
        assert_eq!(errors.iter().map(|e| e.0).collect::<Vec<_>>(), ["pattern", "source"]);
    }

    #[test]
    fn rule_ids_are_unique() {
        let rules = RuleSet::builtin();
        let mut ids: Vec<_> = rules.nl.phrases.rules.iter().chain(&rules.en.phrases.rules).map(|r| &r.id).collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count);
    }

    #[test]
    fn no_word_is_both_masculine_and_feminine() {
        for language in Language::ALL {
            let set = &RuleSet::builtin().for_language(language).gender_coded;
            for word in &set.masculine {
                assert!(!set.feminine.iter().any(|f| f.word == word.word), "{}", word.word);
            }
        }
    }

    #[test]
    fn the_version_changes_when_a_file_changes() {
        let changed = FILES.map(|(name, contents)| (name, contents));
        let original = RuleSet::parse(&changed).expect("valid").version;
        let mut files = FILES;
        let edited = FILES[2].1.replacen("\"terms\"", "\"terms\" ", 1);
        files[2] = (FILES[2].0, &edited);
        assert_ne!(RuleSet::parse(&files).expect("valid").version, original);
    }
}
