//! The vacancy-text analyser against published examples and tables of Dutch phrases.
#![allow(clippy::expect_used, clippy::unwrap_used)] // Tests fail loudly on purpose.

use std::fs;
use std::path::Path;

use domain::analysis::gender::Tone;
use domain::analysis::rules::RuleSet;
use domain::analysis::{Analysis, Category, Severity, analyse};
use domain::language::Language;

fn run(text: &str, language: Language) -> Analysis {
    analyse(text, Some(language), RuleSet::builtin(), &[])
}

/// (masculine − feminine) coded words: positive leans masculine.
fn lean(analysis: &Analysis) -> i64 {
    analysis.gender.masculine as i64 - analysis.gender.feminine as i64
}

#[test]
fn the_twelve_gaucher_ads_lean_the_way_the_paper_wrote_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gaucher2011");
    let occupations =
        ["administrative_assistant", "engineer", "nurse", "plumber", "real_estate_agent", "retail_sales_manager"];
    for occupation in occupations {
        let read = |wording: &str| {
            let file = dir.join(format!("en_gaucher2011_{occupation}_{wording}.txt"));
            fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
        };
        let masculine = run(&read("masculine"), Language::En);
        let feminine = run(&read("feminine"), Language::En);
        assert!(
            lean(&masculine) > lean(&feminine),
            "{occupation}: masculine wording leans {} vs feminine wording {}",
            lean(&masculine),
            lean(&feminine)
        );
        assert!(
            matches!(masculine.gender.tone, Tone::Masculine | Tone::StronglyMasculine),
            "{occupation} masculine: {:?}",
            masculine.gender
        );
        assert!(
            matches!(feminine.gender.tone, Tone::Feminine | Tone::StronglyFeminine | Tone::Neutral),
            "{occupation} feminine: {:?}",
            feminine.gender
        );
    }
}

#[test]
fn the_language_is_detected_when_not_given() {
    let analysis =
        analyse("We are looking for a colleague who enjoys working with people.", None, RuleSet::builtin(), &[]);
    assert_eq!(analysis.language, Language::En);
    assert!(analysis.language_detected);
}

/// Dutch phrases and the rule categories they must (or must not) trigger.
#[test]
fn dutch_phrases_give_the_expected_findings() {
    let expect: &[(&str, &[Category])] = &[
        ("Wij zijn een jong team.", &[Category::ExclusionAge]),
        ("Je hebt maximaal 5 jaar ervaring.", &[Category::ExclusionAge]),
        ("Je bent een native speaker.", &[Category::ExclusionOrigin]),
        ("Nederlands is je moedertaal.", &[Category::ExclusionOrigin]),
        ("Wij zoeken een zakenman.", &[Category::GenderedForm]),
        ("Je bent ambitieus en competitief.", &[Category::GenderCoded]),
        ("Wij zoeken een ambitieuze collega.", &[Category::GenderCoded]),
        ("Je werkt resultaatgericht.", &[Category::GenderCoded]),
    ];
    for (text, categories) in expect {
        let analysis = run(text, Language::Nl);
        for category in *categories {
            assert!(
                analysis.findings.iter().any(|f| f.category == *category && f.span.is_some()),
                "{text:?} should give {category:?}; got {:?}",
                analysis.findings.iter().map(|f| (&f.rule_id, f.category)).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn dutch_phrases_that_must_not_be_flagged() {
    let silent: &[(&str, Category)] = &[
        ("De commissie beoordeelt de antwoorden objectief.", Category::GenderCoded),
        (
            "Wij moedigen vrouwen en mensen met een migratieachtergrond aan om te solliciteren.",
            Category::ExclusionOrigin,
        ),
        ("Wij moedigen jonge en oudere kandidaten aan te solliciteren.", Category::ExclusionAge),
        ("Je hebt een praktische en intelligente houding.", Category::GenderCoded),
    ];
    for (text, category) in silent {
        let analysis = run(text, Language::Nl);
        let hits: Vec<_> = analysis.findings.iter().filter(|f| f.category == *category).map(|f| &f.rule_id).collect();
        assert!(hits.is_empty(), "{text:?} should give no {category:?}; got {hits:?}");
    }
}

#[test]
fn spans_point_at_the_words_in_character_offsets() {
    let text = "Één jong team.";
    let analysis = run(text, Language::Nl);
    let finding = analysis.findings.iter().find(|f| f.category == Category::ExclusionAge).expect("a finding");
    let span = finding.span.expect("a span");
    let found: String = text.chars().skip(span.start).take(span.end - span.start).collect();
    assert_eq!(found, "jong team");
    assert_eq!(finding.matched.as_deref(), Some("jong team"));
}

#[test]
fn an_allowance_silences_one_rule_for_one_word() {
    let text = "Je bent ambitieus en competitief.";
    let plain = run(text, Language::Nl);
    let ambitious = plain.findings.iter().find(|f| f.matched.as_deref() == Some("ambitieus")).expect("flagged");
    let allowance = domain::analysis::Allowance {
        rule_id: ambitious.rule_id.clone(),
        word: Some("ambitieus".into()),
        reason: "Ambitie is hier een functie-eis.".into(),
    };
    let allowed = analyse(text, Some(Language::Nl), RuleSet::builtin(), &[allowance]);
    assert!(!allowed.findings.iter().any(|f| f.matched.as_deref() == Some("ambitieus")));
    assert!(allowed.findings.iter().any(|f| f.matched.as_deref() == Some("competitief")));
}

#[test]
fn a_blocking_finding_cannot_be_silenced_by_an_allowance() {
    let text = "Wij zijn een jong en dynamisch team.";
    let plain = run(text, Language::Nl);
    let blocking = plain.blocking().next().expect("blocking");
    let allowance = domain::analysis::Allowance {
        rule_id: blocking.rule_id.clone(),
        word: None,
        reason: "Wij vinden dit wel goed zo.".into(),
    };
    let allowed = analyse(text, Some(Language::Nl), RuleSet::builtin(), &[allowance]);
    assert_eq!(allowed.blocking().count(), 1);
}

#[test]
fn a_complete_inclusive_vacancy_has_no_completeness_findings() {
    let text = "Beleidsmedewerker (m/v/x). Schaal 10, 36 uur per week. Iedereen is welkom: wij zijn een inclusieve organisatie. \
                Heb je een aanpassing nodig? Bel ons. De procedure is anoniem: je beantwoordt een vragenlijst.";
    let analysis = run(text, Language::Nl);
    let missing: Vec<_> =
        analysis.findings.iter().filter(|f| f.category == Category::Completeness).map(|f| &f.rule_id).collect();
    assert!(missing.is_empty(), "{missing:?}");
    let bare = run("Wij zoeken een collega.", Language::Nl);
    assert_eq!(bare.counts.get(&Category::Completeness), Some(&5));
}

#[test]
fn long_sentences_and_the_passive_voice_are_flagged_in_place() {
    let long = "Je werkt samen met collega's van verschillende directies en je zorgt ervoor dat de plannen van het ministerie goed aansluiten op wat er in de praktijk gebeurt bij gemeenten.";
    let analysis = run(long, Language::Nl);
    assert!(
        analysis.findings.iter().any(|f| f.rule_id == "readability.long-sentence" && f.severity == Severity::Advice)
    );
    let passive = run("Er wordt van je gevraagd om beleid te schrijven.", Language::Nl);
    let finding = passive.findings.iter().find(|f| f.rule_id == "nl.readability.passive").expect("passive voice");
    assert_eq!(finding.matched.as_deref(), Some("wordt van je gevraagd"));
}

#[test]
fn an_organisations_own_rule_is_found_and_named_in_the_version() {
    use domain::analysis::rules::{ExtraRules, PhraseRule};
    use domain::analysis::{Localized, analyse_with};
    let rule = PhraseRule {
        id: "org.kerntaken".into(),
        category: Category::Jargon,
        severity: Severity::Advice,
        pattern: "kerntakendiscussie".into(),
        explanation: Localized::new("Een intern woord.", "An internal word."),
        suggestions: vec!["gesprek over taken".into()],
        source: "Huisstijlgids".into(),
    };
    let extra = ExtraRules::new(vec![rule]);
    let text = "Je leidt de kerntakendiscussie.";
    let analysis = analyse_with(text, Some(Language::Nl), RuleSet::builtin(), &extra, &[]);
    let found = analysis.findings.iter().find(|f| f.rule_id == "org.kerntaken").expect("found");
    assert_eq!((found.matched.as_deref(), found.source.as_str()), (Some("kerntakendiscussie"), "Huisstijlgids"));
    assert_ne!(analysis.rule_set_version, run(text, Language::Nl).rule_set_version);
}
