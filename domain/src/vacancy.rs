//! A vacancy: its fields as parsed types, its place in the flow, and the checks on its text that go
//! beyond the text itself (the job title, the number of must-have requirements).

use serde::{Deserialize, Serialize};

use crate::analysis::rules::{ExtraRules, RuleSet};
use crate::analysis::{Allowance, Analysis, Category, Field, Finding, Localized, Severity, analyse_with};
use crate::language::Language;

/// Where a vacancy is in the flow of PRODUCT.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VacancyStatus {
    Draft,
    Published,
    Closed,
    Screening,
    Scoring,
    Shortlisted,
    Interviewing,
    Decided,
    Archived,
    Purged,
}

impl VacancyStatus {
    pub const ALL: [VacancyStatus; 10] = [
        VacancyStatus::Draft,
        VacancyStatus::Published,
        VacancyStatus::Closed,
        VacancyStatus::Screening,
        VacancyStatus::Scoring,
        VacancyStatus::Shortlisted,
        VacancyStatus::Interviewing,
        VacancyStatus::Decided,
        VacancyStatus::Archived,
        VacancyStatus::Purged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VacancyStatus::Draft => "draft",
            VacancyStatus::Published => "published",
            VacancyStatus::Closed => "closed",
            VacancyStatus::Screening => "screening",
            VacancyStatus::Scoring => "scoring",
            VacancyStatus::Shortlisted => "shortlisted",
            VacancyStatus::Interviewing => "interviewing",
            VacancyStatus::Decided => "decided",
            VacancyStatus::Archived => "archived",
            VacancyStatus::Purged => "purged",
        }
    }

    pub fn parse(name: &str) -> Option<VacancyStatus> {
        VacancyStatus::ALL.into_iter().find(|status| status.as_str() == name)
    }

    /// Only a draft's text, requirements and questionnaire may change.
    pub fn is_editable(self) -> bool {
        self == VacancyStatus::Draft
    }
}

/// The arm of the pilot a vacancy belongs to (set by the evaluation work; stored from the start).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Arm {
    Pilot,
    Control,
}

impl Arm {
    pub fn as_str(self) -> &'static str {
        match self {
            Arm::Pilot => "pilot",
            Arm::Control => "control",
        }
    }

    pub fn parse(name: &str) -> Option<Arm> {
        [Arm::Pilot, Arm::Control].into_iter().find(|arm| arm.as_str() == name)
    }
}

/// Must-have or nice-to-have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    MustHave,
    NiceToHave,
}

/// More must-have requirements than this narrow the pool without better selection.
pub const MAX_MUST_HAVES: usize = 6;

/// Why a vacancy field is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VacancyFieldError {
    #[error("the title must be 1 to 150 characters")]
    Title,
    #[error("the salary scale must be a Rijksoverheid scale from 1 to 18")]
    SalaryScale,
    #[error("hours per week must be 1 to 40")]
    Hours,
    #[error("the location must be 1 to 100 characters")]
    Location,
    #[error("the text may be at most 50,000 characters")]
    TextTooLong,
    #[error("a requirement must be 1 to 300 characters")]
    Requirement,
    #[error("a vacancy has at most 30 requirements")]
    TooManyRequirements,
    #[error("an ignored finding needs a reason of 10 to 500 characters")]
    AllowanceReason,
}

/// Parses the fields a recruiter types. Text fields are trimmed; empty optional fields are `None`.
pub fn parse_title(input: &str) -> Result<String, VacancyFieldError> {
    bounded(input, 1, 150).ok_or(VacancyFieldError::Title)
}

pub fn parse_location(input: &str) -> Result<String, VacancyFieldError> {
    bounded(input, 1, 100).ok_or(VacancyFieldError::Location)
}

pub fn parse_salary_scale(scale: Option<u8>) -> Result<Option<u8>, VacancyFieldError> {
    match scale {
        Some(s) if !(1..=18).contains(&s) => Err(VacancyFieldError::SalaryScale),
        other => Ok(other),
    }
}

pub fn parse_hours(hours: Option<u8>) -> Result<Option<u8>, VacancyFieldError> {
    match hours {
        Some(h) if !(1..=40).contains(&h) => Err(VacancyFieldError::Hours),
        other => Ok(other),
    }
}

pub fn parse_text(input: &str) -> Result<String, VacancyFieldError> {
    if input.chars().count() > 50_000 { Err(VacancyFieldError::TextTooLong) } else { Ok(input.to_owned()) }
}

pub fn parse_requirement(input: &str) -> Result<String, VacancyFieldError> {
    bounded(input, 1, 300).ok_or(VacancyFieldError::Requirement)
}

fn bounded(input: &str, min: usize, max: usize) -> Option<String> {
    let trimmed = input.trim();
    let length = trimmed.chars().count();
    ((min..=max).contains(&length) && !trimmed.chars().any(|c| c.is_control())).then(|| trimmed.to_owned())
}

/// What the analyser needs of a vacancy.
#[derive(Debug, Clone, Copy)]
pub struct VacancyForAnalysis<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub language: Language,
    pub must_haves: usize,
}

/// Analyses a vacancy: its text, and its title and requirements.
pub fn analyse_vacancy(
    vacancy: VacancyForAnalysis<'_>,
    rules: &RuleSet,
    extra: &ExtraRules,
    allowances: &[Allowance],
) -> Analysis {
    let mut analysis = analyse_with(vacancy.text, Some(vacancy.language), rules, extra, allowances);
    let title = analyse_with(vacancy.title, Some(vacancy.language), rules, extra, allowances);
    let title_findings = title
        .findings
        .into_iter()
        .filter(|f| matches!(f.category, Category::GenderedForm | Category::ExclusionAge | Category::ExclusionOrigin));
    let mut extra: Vec<Finding> = title_findings.map(|f| Finding { field: Field::Title, ..f }).collect();
    if vacancy.language == Language::Nl && !title_is_gender_inclusive(vacancy.title) {
        extra.push(Finding {
            rule_id: "nl.title.mvx".into(),
            category: Category::GenderedForm,
            severity: Severity::Advice,
            field: Field::Title,
            span: None,
            matched: None,
            explanation: Localized::new(
                "Zet (m/v/x) achter de functietitel, of kies een titel die voor iedereen geldt. Zo ziet iedereen meteen dat hij of zij bedoeld is.",
                "Add (m/v/x) to the Dutch job title, or choose a title that fits everyone. Then everyone sees at once that they are meant.",
            ),
            suggestions: vec![format!("{} (m/v/x)", vacancy.title.trim())],
            source: "College voor de Rechten van de Mens, ‘Werving en selectie: gelijke behandeling’; Algemene wet gelijke behandeling, art. 1 en 5.".into(),
        });
    }
    if vacancy.must_haves > MAX_MUST_HAVES {
        extra.push(Finding {
            rule_id: "requirements.too-many-must-haves".into(),
            category: Category::RequirementInflation,
            severity: Severity::Advice,
            field: Field::Requirements,
            span: None,
            matched: None,
            explanation: Localized::new(
                format!("Er staan {} harde eisen. Meer dan {MAX_MUST_HAVES} harde eisen schrikt vooral vrouwen en mensen met minder zelfvertrouwen af. Maak van sommige eisen een wens.", vacancy.must_haves),
                format!("There are {} must-have requirements. More than {MAX_MUST_HAVES} put off women and less confident people most. Turn some into nice-to-haves.", vacancy.must_haves),
            ),
            suggestions: Vec::new(),
            source: "Mohr, T. S. (2014), ‘Why Women Don't Apply for Jobs Unless They're 100% Qualified’, Harvard Business Review.".into(),
        });
    }
    extra.retain(|finding| !crate::analysis::is_allowed(finding, allowances));
    analysis.add_findings(extra);
    analysis
}

/// Whether a recruiter's reason to ignore a finding is long enough to mean something.
pub fn is_valid_allowance(allowance: &Allowance) -> bool {
    let length = allowance.reason.trim().chars().count();
    !allowance.rule_id.is_empty() && (MIN_OVERRIDE_REASON_CHARS..=500).contains(&length)
}

/// A recruiter's written reason to publish despite a blocking finding (audited).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Override {
    pub rule_id: String,
    /// The words found, as the finding gives them; `None` covers every match of the rule.
    #[serde(default)]
    pub matched: Option<String>,
    pub reason: String,
}

/// An override needs a reason of at least this many characters.
pub const MIN_OVERRIDE_REASON_CHARS: usize = 10;

impl Override {
    fn covers(&self, finding: &Finding) -> bool {
        self.rule_id == finding.rule_id
            && self.reason.trim().chars().count() >= MIN_OVERRIDE_REASON_CHARS
            && self
                .matched
                .as_ref()
                .is_none_or(|m| finding.matched.as_ref().is_some_and(|found| found.to_lowercase() == m.to_lowercase()))
    }
}

/// The blocking findings that no override with a reason covers: publication waits for these.
pub fn blocking_without_override<'a>(analysis: &'a Analysis, overrides: &[Override]) -> Vec<&'a Finding> {
    analysis.blocking().filter(|finding| !overrides.iter().any(|o| o.covers(finding))).collect()
}

/// Whether a Dutch title says it is for everyone: `(m/v/x)`, `(v/m/x)`, `m/v/x`, `(x/v/m)` and the like.
pub fn title_is_gender_inclusive(title: &str) -> bool {
    let compact: String = title.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    ["mvx", "vmx", "xvm", "xmv", "mxv", "vxm", "mvd", "vmd"].iter().any(|marker| compact.ends_with(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vacancy<'a>(title: &'a str, must_haves: usize) -> VacancyForAnalysis<'a> {
        VacancyForAnalysis { title, text: "Wij zoeken een collega.", language: Language::Nl, must_haves }
    }

    fn rule_ids(analysis: &Analysis) -> Vec<&str> {
        analysis.findings.iter().map(|f| f.rule_id.as_str()).collect()
    }

    #[test]
    fn a_dutch_title_without_mvx_gets_advice_with_a_suggestion() {
        let analysis =
            analyse_vacancy(vacancy("Beleidsmedewerker", 3), RuleSet::builtin(), &ExtraRules::default(), &[]);
        let finding = analysis.findings.iter().find(|f| f.rule_id == "nl.title.mvx").expect("advice");
        assert_eq!(finding.field, Field::Title);
        assert_eq!(finding.suggestions, ["Beleidsmedewerker (m/v/x)"]);
        for title in ["Beleidsmedewerker (m/v/x)", "Beleidsmedewerker m/v/x", "Jurist (V/M/X)"] {
            let analysis = analyse_vacancy(vacancy(title, 3), RuleSet::builtin(), &ExtraRules::default(), &[]);
            assert!(!rule_ids(&analysis).contains(&"nl.title.mvx"), "{title}");
        }
    }

    #[test]
    fn a_male_only_title_is_a_gendered_form() {
        let analysis = analyse_vacancy(vacancy("Zakenman (m/v/x)", 3), RuleSet::builtin(), &ExtraRules::default(), &[]);
        assert!(analysis.findings.iter().any(|f| f.field == Field::Title && f.category == Category::GenderedForm));
    }

    #[test]
    fn more_than_six_must_haves_is_requirement_inflation() {
        let six = analyse_vacancy(vacancy("Jurist (m/v/x)", 6), RuleSet::builtin(), &ExtraRules::default(), &[]);
        assert!(!rule_ids(&six).contains(&"requirements.too-many-must-haves"));
        let seven = analyse_vacancy(vacancy("Jurist (m/v/x)", 7), RuleSet::builtin(), &ExtraRules::default(), &[]);
        assert!(rule_ids(&seven).contains(&"requirements.too-many-must-haves"));
        assert_eq!(seven.counts.get(&Category::RequirementInflation), Some(&1));
    }

    #[test]
    fn blocking_findings_need_an_override_with_a_real_reason() {
        let text = VacancyForAnalysis {
            title: "Jurist (m/v/x)",
            text: "Wij zijn een jong en dynamisch team.",
            language: Language::Nl,
            must_haves: 2,
        };
        let analysis = analyse_vacancy(text, RuleSet::builtin(), &ExtraRules::default(), &[]);
        let blocking = blocking_without_override(&analysis, &[]);
        assert_eq!(blocking.len(), 1, "{blocking:?}");
        let rule_id = blocking[0].rule_id.clone();
        let short = Override { rule_id: rule_id.clone(), matched: None, reason: "omdat".into() };
        assert_eq!(blocking_without_override(&analysis, &[short]).len(), 1);
        let other_words = Override {
            rule_id: rule_id.clone(),
            matched: Some("oud team".into()),
            reason: "Dit is een citaat uit een rapport.".into(),
        };
        assert_eq!(blocking_without_override(&analysis, &[other_words]).len(), 1);
        let fine = Override {
            rule_id,
            matched: Some("Jong en dynamisch".into()),
            reason: "Dit is een citaat uit een rapport.".into(),
        };
        assert!(blocking_without_override(&analysis, &[fine]).is_empty());
    }

    #[test]
    fn fields_are_trimmed_and_bounded() {
        assert_eq!(parse_title("  Jurist  "), Ok("Jurist".to_owned()));
        assert_eq!(parse_title("   "), Err(VacancyFieldError::Title));
        assert_eq!(parse_salary_scale(Some(19)), Err(VacancyFieldError::SalaryScale));
        assert_eq!(parse_salary_scale(Some(11)), Ok(Some(11)));
        assert_eq!(parse_hours(Some(0)), Err(VacancyFieldError::Hours));
        assert_eq!(parse_hours(None), Ok(None));
        assert_eq!(parse_requirement(&"x".repeat(301)), Err(VacancyFieldError::Requirement));
    }
}
