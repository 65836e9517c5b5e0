//! The vacancy-text analyser: findings with explanations, sources and suggested rewrites, and
//! summary scores. Pure and fast, so the browser runs it on every keystroke and the server runs the
//! very same code at publication.
//!
//! Messy text never fails: it gives findings. Every finding says what, where (character offsets),
//! why (in Dutch and English), what to write instead where there is a better word, and on what
//! source the rule rests.

pub mod detect;
pub mod gender;
pub mod phrases;
pub mod readability;
pub mod rules;
pub mod text;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use self::gender::{Coding, Tone};
use self::readability::{LONG_SENTENCE_WORDS, Readability};
use self::rules::{ExtraRules, JargonKind, RuleSet};
use self::text::Text;
use crate::language::Language;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    GenderCoded,
    GenderedForm,
    ExclusionAge,
    ExclusionOrigin,
    ExclusionPhysical,
    ExclusionCultureFit,
    RequirementInflation,
    Completeness,
    Readability,
    Jargon,
}

/// How much a finding matters. `Blocking` findings must be fixed or overridden with a reason
/// before publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Advice,
    Blocking,
}

/// Which part of a vacancy a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    #[default]
    Text,
    Title,
    Requirements,
}

/// A stretch of the text, in character offsets (`start` inclusive, `end` exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Localized {
    pub nl: String,
    pub en: String,
}

impl Localized {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Localized {
        Localized { nl: nl.into(), en: en.into() }
    }

    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Nl => &self.nl,
            Language::En => &self.en,
        }
    }
}

/// One thing the analyser noticed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Finding {
    pub rule_id: String,
    pub category: Category,
    pub severity: Severity,
    /// The part of the vacancy it is about; spans count in that part.
    #[serde(default)]
    pub field: Field,
    /// Where in the text; `None` for findings about the text as a whole (e.g. a missing salary scale).
    pub span: Option<Span>,
    /// The words found, as written.
    pub matched: Option<String>,
    pub explanation: Localized,
    /// Replacements for the span, best first; empty when there is no direct replacement.
    pub suggestions: Vec<String>,
    /// The source the rule rests on (a full citation).
    pub source: String,
}

/// How the masculine- and feminine-coded words balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GenderBalance {
    pub masculine: usize,
    pub feminine: usize,
    pub tone: Tone,
}

/// The result of analysing one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Analysis {
    pub language: Language,
    /// Whether the language was detected rather than given.
    pub language_detected: bool,
    pub rule_set_version: String,
    /// In text order; findings about the whole text last.
    pub findings: Vec<Finding>,
    pub gender: GenderBalance,
    pub readability: Readability,
    /// How many findings each category has.
    pub counts: BTreeMap<Category, usize>,
}

impl Analysis {
    pub fn blocking(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.severity == Severity::Blocking)
    }

    /// Adds findings about other parts of the vacancy (title, requirements), keeping the order and
    /// the counts right.
    pub fn add_findings(&mut self, findings: Vec<Finding>) {
        for finding in &findings {
            *self.counts.entry(finding.category).or_insert(0) += 1;
        }
        self.findings.extend(findings);
        self.findings.sort_by_key(order);
    }
}

/// Findings with a place first (text, then title), in order; then those about a part as a whole.
fn order(finding: &Finding) -> (bool, Field, usize, usize) {
    let (start, end) = finding.span.map_or((0, 0), |s| (s.start, s.end));
    (finding.span.is_none(), finding.field, start, end)
}

/// A rule the recruiter silenced for one vacancy, for one word or everywhere, with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Allowance {
    pub rule_id: String,
    /// Lowercase words the allowance covers; `None`: every match of the rule.
    pub word: Option<String>,
    pub reason: String,
}

/// Analyses `source` in `language`, or in the detected language when `None`.
pub fn analyse(source: &str, language: Option<Language>, rules: &RuleSet, allowances: &[Allowance]) -> Analysis {
    analyse_with(source, language, rules, &ExtraRules::default(), allowances)
}

/// As [`analyse`], with an organisation's own phrase rules (for the text's language) beside the
/// built-in ones.
pub fn analyse_with(
    source: &str,
    language: Option<Language>,
    rules: &RuleSet,
    extra: &ExtraRules,
    allowances: &[Allowance],
) -> Analysis {
    let text = Text::parse(source);
    let language_detected = language.is_none();
    let language = language.unwrap_or_else(|| detect::language(&text));
    let set = rules.for_language(language);
    let outreach = outreach_sentences(&text, language);
    let mut findings = Vec::new();

    // Gender-coded words.
    let (mut masculine, mut feminine) = (0, 0);
    let mut known = HashMap::new();
    for word in &text.words {
        if outreach.contains(&word.sentence) {
            continue;
        }
        // Texts repeat their words: classify each distinct word once.
        let classified = *known.entry(word.lower.as_str()).or_insert_with(|| set.gender_matcher.classify(&word.lower));
        let Some((coding, entry)) = classified else {
            continue;
        };
        let (nl, en) = match coding {
            Coding::Masculine => {
                masculine += 1;
                (
                    format!(
                        "‘{}’ wordt vaak als mannelijk gelezen. Woorden als dit kunnen vrouwen minder aanspreken. Gebruik het als het echt nodig is, en zorg voor evenwicht.",
                        word.text
                    ),
                    format!(
                        "‘{}’ is often read as masculine. Words like this can appeal less to women. Use it where it is really needed, and keep a balance.",
                        word.text
                    ),
                )
            }
            Coding::Feminine => {
                feminine += 1;
                (
                    format!(
                        "‘{}’ wordt vaak als vrouwelijk gelezen. Dat is niet fout, maar let op het evenwicht in de hele tekst.",
                        word.text
                    ),
                    format!(
                        "‘{}’ is often read as feminine. That is not wrong, but keep the whole text in balance.",
                        word.text
                    ),
                )
            }
        };
        findings.push(Finding {
            rule_id: format!("{}.gender.{}", language.tag(), entry.word),
            category: Category::GenderCoded,
            severity: Severity::Info,
            field: Field::Text,
            span: Some(Span { start: word.start, end: word.end }),
            matched: Some(word.text.to_owned()),
            explanation: Localized::new(nl, en),
            suggestions: Vec::new(),
            source: set.citation(&entry.source).unwrap_or(&entry.source).to_owned(),
        });
    }

    // Phrase rules and jargon, sentence by sentence (a phrase never spans two sentences).
    for (index, sentence) in text.sentences.iter().enumerate() {
        let words = text.sentence_words(index);
        let lower: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
        // Outreach sentences name groups on purpose: no phrase rule applies there.
        let outreach_sentence = outreach.contains(&index);
        let builtin = set.phrase_patterns.find_all(&lower).into_iter().map(|(i, f, c)| (&set.phrases.rules[i], f, c));
        let own = extra.patterns.find_all(&lower).into_iter().map(|(i, f, c)| (&extra.rules[i], f, c));
        for (rule, first, count) in builtin.chain(own) {
            if outreach_sentence && rule.category != Category::Jargon {
                continue;
            }
            let (start, end) = (words[first].start, words[first + count - 1].end);
            findings.push(Finding {
                rule_id: rule.id.clone(),
                category: rule.category,
                severity: rule.severity,
                field: Field::Text,
                span: Some(Span { start, end }),
                matched: Some(words[first].through(&words[first + count - 1], source).to_owned()),
                explanation: rule.explanation.clone(),
                suggestions: rule.suggestions.clone(),
                source: set.citation(&rule.source).unwrap_or(&rule.source).to_owned(),
            });
        }
        for (term_index, first, count) in set.jargon_patterns.find_all(&lower) {
            let term = &set.jargon.terms[term_index];
            let (start, end) = (words[first].start, words[first + count - 1].end);
            let matched = words[first].through(&words[first + count - 1], source);
            let explanation = match term.kind {
                JargonKind::Anglicism => Localized::new(
                    format!("‘{matched}’ is Engels. Veel lezers begrijpen een Nederlands woord beter."),
                    format!("‘{matched}’ is English. Many readers understand a Dutch word better."),
                ),
                JargonKind::Jargon => Localized::new(
                    format!("‘{matched}’ is vaktaal. Niet iedereen kent dit woord; kies een gewoner woord."),
                    format!("‘{matched}’ is jargon. Not everyone knows this word; choose a plainer one."),
                ),
            };
            findings.push(Finding {
                rule_id: format!("{}.jargon.{}", language.tag(), term.term.replace(' ', "-")),
                category: Category::Jargon,
                severity: Severity::Info,
                field: Field::Text,
                span: Some(Span { start, end }),
                matched: Some(matched.to_owned()),
                explanation,
                suggestions: term.suggestions.clone(),
                source: set.citation(&term.source).unwrap_or(&term.source).to_owned(),
            });
        }
        if sentence.word_count > LONG_SENTENCE_WORDS {
            findings.push(Finding {
                rule_id: "readability.long-sentence".into(),
                category: Category::Readability,
                severity: Severity::Advice,
                field: Field::Text,
                span: Some(Span { start: sentence.start, end: sentence.end }),
                matched: None,
                explanation: Localized::new(
                    format!("Deze zin heeft {} woorden. Zinnen van meer dan {LONG_SENTENCE_WORDS} woorden zijn moeilijk te lezen. Maak er twee zinnen van.", sentence.word_count),
                    format!("This sentence has {} words. Sentences of more than {LONG_SENTENCE_WORDS} words are hard to read. Split it in two.", sentence.word_count),
                ),
                suggestions: Vec::new(),
                source: PLAIN_LANGUAGE_SOURCE.into(),
            });
        }
        if language == Language::Nl {
            findings.extend(passive_voice(source, words));
        }
    }
    findings.extend(long_words(&text, language));
    findings.extend(completeness(&text, language));

    findings.retain(|finding| !is_allowed(finding, allowances));
    let mut findings = without_overlaps(findings);
    findings.sort_by_key(order);
    let mut counts = BTreeMap::new();
    for finding in &findings {
        *counts.entry(finding.category).or_insert(0) += 1;
    }
    Analysis {
        language,
        language_detected,
        rule_set_version: extra.version(&rules.version),
        findings,
        gender: GenderBalance { masculine, feminine, tone: Tone::from_counts(masculine, feminine) },
        readability: readability::measure(&text, language),
        counts,
    }
}

const PLAIN_LANGUAGE_SOURCE: &str = "Rijksoverheid, Direct Duidelijk: schrijfadviezen voor heldere overheidstaal (korte zinnen, B1); \
    Stichting Lezen & Schrijven, taalniveau B1.";

/// Where two findings of one category cover overlapping words (`moedertaal` and `moedertaal
/// Nederlands`), keeps the more severe one, then the longer one.
fn without_overlaps(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|f| {
        let length = f.span.map_or(0, |s| s.end - s.start);
        (std::cmp::Reverse(f.severity), std::cmp::Reverse(length))
    });
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    for finding in findings {
        let overlaps = finding.span.is_some_and(|span| {
            kept.iter().any(|k| {
                k.category == finding.category
                    && k.span.is_some_and(|other| span.start < other.end && other.start < span.end)
            })
        });
        if !overlaps {
            kept.push(finding);
        }
    }
    kept
}

/// Whether a recruiter's allowance silences this finding. Blocking findings cannot be silenced:
/// they stay until fixed, or are overridden at publication with a reason that is audited.
pub fn is_allowed(finding: &Finding, allowances: &[Allowance]) -> bool {
    finding.severity != Severity::Blocking
        && allowances.iter().any(|allowance| {
            allowance.rule_id == finding.rule_id
                && allowance
                    .word
                    .as_ref()
                    .is_none_or(|word| finding.matched.as_ref().is_some_and(|m| m.to_lowercase() == *word))
        })
}

/// Sentences that invite under-represented groups to apply ("we moedigen vrouwen aan te
/// solliciteren"): they name groups on purpose, so exclusion and gender rules stay silent there.
fn outreach_sentences(text: &Text<'_>, language: Language) -> Vec<usize> {
    let markers: &[&str] = match language {
        Language::Nl => &["moedigen", "nodigen", "uitnodigen", "verwelkomen", "aanmoedigen"],
        Language::En => &["encourage", "encourages", "encouraged", "welcome", "welcomes", "invite", "invites"],
    };
    let apply: &[&str] = match language {
        Language::Nl => &["solliciteren", "reageren", "sollicitaties", "sollicitatie", "kandidaten"],
        Language::En => &["apply", "applications", "applicants", "candidates"],
    };
    (0..text.sentences.len())
        .filter(|&i| {
            let words = text.sentence_words(i);
            words.iter().any(|w| markers.contains(&w.lower.as_str()))
                && words.iter().any(|w| apply.contains(&w.lower.as_str()))
        })
        .collect()
}

const DUTCH_PASSIVE_AUXILIARIES: [&str; 5] = ["wordt", "worden", "werd", "werden", "geworden"];
const SEPARABLE_PREFIXES: [&str; 15] =
    ["aan", "op", "uit", "in", "mee", "af", "toe", "voor", "na", "door", "over", "om", "bij", "terug", "samen"];

/// A form of *worden* followed in the same sentence by a past participle (*wordt … gevraagd*).
fn passive_voice(source: &str, words: &[text::Word<'_>]) -> Vec<Finding> {
    let mut found = Vec::new();
    for (i, auxiliary) in words.iter().enumerate() {
        if !DUTCH_PASSIVE_AUXILIARIES.contains(&auxiliary.lower.as_str()) {
            continue;
        }
        let Some(participle) = words[i + 1..].iter().take(8).find(|w| is_participle(&w.lower)) else {
            continue;
        };
        found.push(Finding {
            rule_id: "nl.readability.passive".into(),
            category: Category::Readability,
            severity: Severity::Info,
            field: Field::Text,
            span: Some(Span { start: auxiliary.start, end: participle.end }),
            matched: Some(auxiliary.through(participle, source).to_owned()),
            explanation: Localized::new(
                "Dit is een lijdende vorm. Een actieve zin is duidelijker: zeg wie iets doet (‘wij vragen’ in plaats van ‘er wordt gevraagd’).",
                "This is the passive voice. An active sentence is clearer: say who does what (‘we ask’ rather than ‘it is asked’).",
            ),
            suggestions: Vec::new(),
            source: PLAIN_LANGUAGE_SOURCE.into(),
        });
    }
    found
}

fn is_participle(word: &str) -> bool {
    let stem = SEPARABLE_PREFIXES
        .iter()
        .find_map(|p| word.strip_prefix(p).filter(|rest| rest.starts_with("ge")))
        .unwrap_or(word);
    stem.len() >= 5 && stem.starts_with("ge") && (stem.ends_with('d') || stem.ends_with('t') || stem.ends_with("en"))
}

fn long_words(text: &Text<'_>, language: Language) -> Vec<Finding> {
    let limit = match language {
        Language::Nl => 20,
        Language::En => 14,
    };
    text.words
        .iter()
        .filter(|w| w.end - w.start > limit)
        .map(|w| Finding {
            rule_id: "readability.long-word".into(),
            category: Category::Readability,
            severity: Severity::Info,
            field: Field::Text,
            span: Some(Span { start: w.start, end: w.end }),
            matched: Some(w.text.to_owned()),
            explanation: Localized::new(
                format!("Een lang woord (meer dan {limit} letters) is moeilijk te lezen. Kunt u het korter zeggen, of in twee woorden?"),
                format!("A long word (more than {limit} letters) is hard to read. Can you say it shorter, or in two words?"),
            ),
            suggestions: Vec::new(),
            source: PLAIN_LANGUAGE_SOURCE.into(),
        })
        .collect()
}

/// What a Rijksoverheid vacancy must tell: salary scale, hours, an inclusion statement, how to ask
/// for adjustments, and that the procedure is anonymous.
fn completeness(text: &Text<'_>, language: Language) -> Vec<Finding> {
    struct Element {
        id: &'static str,
        nl_words: &'static [&'static str],
        en_words: &'static [&'static str],
        explanation: (&'static str, &'static str),
    }
    const ELEMENTS: [Element; 5] = [
        Element {
            id: "salary-scale",
            nl_words: &["schaal", "salarisschaal", "salaris"],
            en_words: &["scale", "salary", "pay"],
            explanation: (
                "De salarisschaal ontbreekt. Noem de schaal en het bedrag: dat helpt vooral mensen die minder goed onderhandelen.",
                "The salary scale is missing. Name the scale and the amount: it helps most those who negotiate less.",
            ),
        },
        Element {
            id: "hours",
            nl_words: &["uur", "uren"],
            en_words: &["hours", "hour"],
            explanation: (
                "Het aantal uren per week ontbreekt. Noem het, en zeg of parttime kan.",
                "The hours per week are missing. Name them, and say whether part-time is possible.",
            ),
        },
        Element {
            id: "inclusion-statement",
            nl_words: &["inclusief", "inclusieve", "inclusie", "diversiteit", "divers", "iedereen"],
            en_words: &["inclusive", "inclusion", "diversity", "diverse", "everyone"],
            explanation: (
                "Een zin over inclusie ontbreekt. Zeg dat iedereen welkom is en dat u verschillen waardeert.",
                "A sentence on inclusion is missing. Say that everyone is welcome and that you value differences.",
            ),
        },
        Element {
            id: "adjustments",
            nl_words: &[
                "aanpassing",
                "aanpassingen",
                "voorziening",
                "voorzieningen",
                "beperking",
                "functiebeperking",
                "arbeidsbeperking",
            ],
            en_words: &["adjustment", "adjustments", "accommodation", "accommodations", "disability"],
            explanation: (
                "Er staat niet hoe iemand om aanpassingen kan vragen (bijvoorbeeld bij een beperking). Noem wie ze kunnen bellen of mailen.",
                "It does not say how someone can ask for adjustments (for example with a disability). Name whom to call or e-mail.",
            ),
        },
        Element {
            id: "anonymous-procedure",
            nl_words: &["anoniem", "anonieme", "geanonimiseerd", "vragenlijst"],
            en_words: &["anonymous", "anonymously", "anonymised", "anonymized", "questionnaire"],
            explanation: (
                "Er staat niet dat de procedure anoniem is. Leg uit dat kandidaten vragen beantwoorden in plaats van een cv te sturen, en dat de commissie anoniem beoordeelt.",
                "It does not say that the procedure is anonymous. Explain that candidates answer questions instead of sending a CV, and that the committee scores anonymously.",
            ),
        },
    ];
    if text.words.is_empty() {
        return Vec::new();
    }
    ELEMENTS
        .iter()
        .filter(|element| {
            let words = match language {
                Language::Nl => element.nl_words,
                Language::En => element.en_words,
            };
            !text.words.iter().any(|w| words.contains(&w.lower.as_str()))
        })
        .map(|element| Finding {
            rule_id: format!("completeness.{}", element.id),
            category: Category::Completeness,
            severity: Severity::Advice,
            field: Field::Text,
            span: None,
            matched: None,
            explanation: Localized::new(element.explanation.0, element.explanation.1),
            suggestions: Vec::new(),
            source: "Rijksoverheid, pilot ‘breed werven en objectief selecteren’ (2023–2024): inclusieve vacaturetekst; NVP Sollicitatiecode (2022).".into(),
        })
        .collect()
}
