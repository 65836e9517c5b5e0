//! The standardised questionnaire that replaces the CV and the motivation letter: its questions, the
//! scoring guide of each scored question, which requirements each question assesses, and the question
//! bank recruiters copy from.
//!
//! Question and option ids are chosen by the editor (random UUIDs), so answers, drafts and scores can
//! point at a question before and after every save.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::language::Language;

/// What kind of answer a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// An open answer within a word limit, scored 1–5 against the guide.
    Open,
    /// A short realistic task from the job, answered in words, scored 1–5 against the guide.
    WorkSample,
    /// One option out of several, scored mechanically by the key.
    MultipleChoice,
    /// Yes or no on a hard legal or job requirement; the reason is shown to the applicant.
    KnockOut,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] =
        [QuestionKind::Open, QuestionKind::WorkSample, QuestionKind::MultipleChoice, QuestionKind::KnockOut];

    /// Whether the committee scores answers to it against a scoring guide.
    pub fn is_scored_by_committee(self) -> bool {
        matches!(self, QuestionKind::Open | QuestionKind::WorkSample)
    }

    /// Whether the applicant answers in their own words.
    pub fn takes_text(self) -> bool {
        self.is_scored_by_committee()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Open => "open",
            QuestionKind::WorkSample => "work_sample",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::KnockOut => "knock_out",
        }
    }

    pub fn parse(name: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

/// What an answer at 1, 3 and 5 looks like; 2 and 4 lie in between.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoringGuide {
    pub anchor_1: String,
    pub anchor_3: String,
    pub anchor_5: String,
    /// Scored on language too, not only on content. Only where language is a job requirement;
    /// otherwise reviewers are reminded not to mark spelling.
    #[serde(default)]
    pub language_scored: bool,
}

/// One option of a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoiceOption {
    pub id: Uuid,
    pub text: String,
    /// Part of the key: choosing it earns the question's points.
    #[serde(default)]
    pub correct: bool,
}

/// One question, as the recruiter writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    pub id: Uuid,
    pub kind: QuestionKind,
    pub prompt: String,
    /// The situation of a work sample.
    #[serde(default)]
    pub scenario: Option<String>,
    /// For answers in words; [`DEFAULT_WORD_LIMIT`] when left out.
    #[serde(default)]
    pub word_limit: Option<u16>,
    /// For multiple choice.
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// For a knock-out question: why the requirement is hard (shown to the applicant).
    #[serde(default)]
    pub knock_out_reason: Option<String>,
    /// For open answers and work samples.
    #[serde(default)]
    pub guide: Option<ScoringGuide>,
    /// How much the question counts in the sift score, 1–5.
    #[serde(default = "default_weight")]
    pub weight: u8,
    /// The requirements of the vacancy this question assesses.
    #[serde(default)]
    pub requirement_ids: Vec<Uuid>,
}

fn default_weight() -> u8 {
    1
}

pub const DEFAULT_WORD_LIMIT: u16 = 250;
pub const WORD_LIMITS: std::ops::RangeInclusive<u16> = 25..=1000;
pub const MAX_QUESTIONS: usize = 20;
pub const MAX_OPTIONS: usize = 10;
pub const WEIGHTS: std::ops::RangeInclusive<u8> = 1..=5;

impl Question {
    /// The word limit of an answer in words.
    pub fn word_limit(&self) -> u16 {
        self.word_limit.unwrap_or(DEFAULT_WORD_LIMIT)
    }

    /// The question as the applicant sees it: no guide, no key, no weight.
    pub fn for_applicant(&self) -> ApplicantQuestion {
        ApplicantQuestion {
            id: self.id,
            kind: self.kind,
            prompt: self.prompt.clone(),
            scenario: self.scenario.clone(),
            word_limit: self.kind.takes_text().then(|| self.word_limit()),
            options: self.options.iter().map(|o| ApplicantOption { id: o.id, text: o.text.clone() }).collect(),
            knock_out_reason: self.knock_out_reason.clone(),
        }
    }
}

/// A question as the applicant sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantQuestion {
    pub id: Uuid,
    pub kind: QuestionKind,
    pub prompt: String,
    pub scenario: Option<String>,
    pub word_limit: Option<u16>,
    pub options: Vec<ApplicantOption>,
    pub knock_out_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantOption {
    pub id: Uuid,
    pub text: String,
}

/// Why a question is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    #[error("a question must be 1 to 2,000 characters")]
    Prompt,
    #[error("a work sample needs a scenario of 1 to 3,000 characters")]
    Scenario,
    #[error("the word limit must be 25 to 1,000")]
    WordLimit,
    #[error("a multiple-choice question needs 2 to 10 options of 1 to 300 characters, at least one correct")]
    Options,
    #[error("a knock-out question needs a reason of 10 to 500 characters")]
    KnockOutReason,
    #[error("a scoring guide needs what an answer at 1, 3 and 5 looks like, each 1 to 1,000 characters")]
    Guide,
    #[error("the weight must be 1 to 5")]
    Weight,
    #[error("a question may only assess requirements of this vacancy")]
    UnknownRequirement,
    #[error("a questionnaire has at most 20 questions")]
    TooMany,
    #[error("two questions or options have the same id")]
    DuplicateId,
}

/// Checks a questionnaire against the vacancy's requirement ids and normalises it (trimmed texts,
/// fields that do not belong to the kind dropped). Returns the question index with each error.
pub fn parse_questionnaire(
    questions: Vec<Question>,
    requirement_ids: &[Uuid],
) -> Result<Vec<Question>, Vec<(usize, QuestionError)>> {
    let mut errors = Vec::new();
    if questions.len() > MAX_QUESTIONS {
        errors.push((MAX_QUESTIONS, QuestionError::TooMany));
    }
    let mut ids = HashSet::new();
    let mut parsed = Vec::with_capacity(questions.len());
    for (index, question) in questions.into_iter().enumerate() {
        let fresh = ids.insert(question.id) && question.options.iter().all(|o| ids.insert(o.id));
        if !fresh {
            errors.push((index, QuestionError::DuplicateId));
        }
        match parse_question(question, requirement_ids) {
            Ok(question) => parsed.push(question),
            Err(error) => errors.push((index, error)),
        }
    }
    if errors.is_empty() { Ok(parsed) } else { Err(errors) }
}

/// Checks one question; see [`parse_questionnaire`].
pub fn parse_question(question: Question, requirement_ids: &[Uuid]) -> Result<Question, QuestionError> {
    let prompt = bounded(&question.prompt, 1, 2000).ok_or(QuestionError::Prompt)?;
    if !WEIGHTS.contains(&question.weight) {
        return Err(QuestionError::Weight);
    }
    if !question.requirement_ids.iter().all(|id| requirement_ids.contains(id)) {
        return Err(QuestionError::UnknownRequirement);
    }
    let mut requirements = question.requirement_ids;
    requirements.dedup();
    let mut parsed = Question {
        id: question.id,
        kind: question.kind,
        prompt,
        scenario: None,
        word_limit: None,
        options: Vec::new(),
        knock_out_reason: None,
        guide: None,
        weight: question.weight,
        requirement_ids: requirements,
    };
    match question.kind {
        QuestionKind::Open | QuestionKind::WorkSample => {
            if question.kind == QuestionKind::WorkSample {
                let scenario = question.scenario.as_deref().unwrap_or_default();
                parsed.scenario = Some(bounded(scenario, 1, 3000).ok_or(QuestionError::Scenario)?);
            }
            let limit = question.word_limit.unwrap_or(DEFAULT_WORD_LIMIT);
            if !WORD_LIMITS.contains(&limit) {
                return Err(QuestionError::WordLimit);
            }
            parsed.word_limit = Some(limit);
            let guide = question.guide.ok_or(QuestionError::Guide)?;
            let anchor = |text: &str| bounded(text, 1, 1000).ok_or(QuestionError::Guide);
            parsed.guide = Some(ScoringGuide {
                anchor_1: anchor(&guide.anchor_1)?,
                anchor_3: anchor(&guide.anchor_3)?,
                anchor_5: anchor(&guide.anchor_5)?,
                language_scored: guide.language_scored,
            });
        }
        QuestionKind::MultipleChoice => {
            let options = question.options;
            let valid_count = (2..=MAX_OPTIONS).contains(&options.len());
            if !valid_count || !options.iter().any(|o| o.correct) {
                return Err(QuestionError::Options);
            }
            for option in options {
                let text = bounded(&option.text, 1, 300).ok_or(QuestionError::Options)?;
                parsed.options.push(ChoiceOption { id: option.id, text, correct: option.correct });
            }
        }
        QuestionKind::KnockOut => {
            let reason = question.knock_out_reason.as_deref().unwrap_or_default();
            parsed.knock_out_reason = Some(bounded(reason, 10, 500).ok_or(QuestionError::KnockOutReason)?);
        }
    }
    Ok(parsed)
}

fn bounded(input: &str, min: usize, max: usize) -> Option<String> {
    let trimmed = input.trim();
    let length = trimmed.chars().count();
    let control = trimmed.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t');
    ((min..=max).contains(&length) && !control).then(|| trimmed.to_owned())
}

/// The must-have requirements that no question assesses (the editor flags them; an interview question
/// may assess them instead).
pub fn uncovered_requirements(must_haves: &[Uuid], questions: &[Question]) -> Vec<Uuid> {
    must_haves.iter().copied().filter(|id| !questions.iter().any(|q| q.requirement_ids.contains(id))).collect()
}

/// The questions that assess no requirement: they measure something the vacancy does not ask for.
pub fn questions_without_requirement(questions: &[Question]) -> Vec<Uuid> {
    questions.iter().filter(|q| q.requirement_ids.is_empty()).map(|q| q.id).collect()
}

/// A ready question with its scoring guide, to copy and adapt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BankEntry {
    pub id: String,
    pub competency: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub scenario: Option<String>,
    pub word_limit: u16,
    pub anchors: BankAnchors,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BankAnchors {
    pub one: String,
    pub three: String,
    pub five: String,
}

#[derive(Debug, Deserialize)]
struct BankFile {
    entries: Vec<BankEntry>,
}

impl BankEntry {
    /// A new question from this entry, with the ids the editor chose.
    pub fn to_question(&self, id: Uuid) -> Question {
        Question {
            id,
            kind: self.kind,
            prompt: self.prompt.clone(),
            scenario: self.scenario.clone(),
            word_limit: Some(self.word_limit),
            options: Vec::new(),
            knock_out_reason: None,
            guide: Some(ScoringGuide {
                anchor_1: self.anchors.one.clone(),
                anchor_3: self.anchors.three.clone(),
                anchor_5: self.anchors.five.clone(),
                language_scored: false,
            }),
            weight: 1,
            requirement_ids: Vec::new(),
        }
    }
}

/// The question bank in `language` (the files under `domain/questionnaire/`).
pub fn bank(language: Language) -> &'static [BankEntry] {
    static NL: OnceLock<Vec<BankEntry>> = OnceLock::new();
    static EN: OnceLock<Vec<BankEntry>> = OnceLock::new();
    let (cell, json) = match language {
        Language::Nl => (&NL, include_str!("../questionnaire/bank-nl.json")),
        Language::En => (&EN, include_str!("../questionnaire/bank-en.json")),
    };
    // The files are checked by the tests below; a broken file gives an empty bank, never a panic.
    cell.get_or_init(|| serde_json::from_str::<BankFile>(json).map(|file| file.entries).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn open(n: u128) -> Question {
        Question {
            id: id(n),
            kind: QuestionKind::Open,
            prompt: " Beschrijf een situatie waarin u samenwerkte. ".into(),
            scenario: Some("dropped: not a work sample".into()),
            word_limit: None,
            options: vec![ChoiceOption { id: id(900 + n), text: "dropped".into(), correct: true }],
            knock_out_reason: None,
            guide: Some(ScoringGuide {
                anchor_1: "Geen voorbeeld.".into(),
                anchor_3: "Een voorbeeld zonder resultaat.".into(),
                anchor_5: "Een voorbeeld met eigen rol en resultaat.".into(),
                language_scored: false,
            }),
            weight: 2,
            requirement_ids: vec![id(100)],
        }
    }

    #[test]
    fn an_open_question_is_trimmed_gets_the_default_word_limit_and_loses_fields_of_other_kinds() {
        let parsed = parse_question(open(1), &[id(100)]).expect("valid");
        assert_eq!(parsed.prompt, "Beschrijf een situatie waarin u samenwerkte.");
        assert_eq!(parsed.word_limit, Some(250));
        assert_eq!(parsed.scenario, None);
        assert!(parsed.options.is_empty());
    }

    #[test]
    fn each_kind_needs_its_own_parts() {
        let cases: Vec<(&str, Question, QuestionError)> = vec![
            ("an open question without a guide", Question { guide: None, ..open(1) }, QuestionError::Guide),
            (
                "a guide with an empty anchor",
                Question {
                    guide: Some(ScoringGuide { anchor_3: " ".into(), ..open(1).guide.expect("guide") }),
                    ..open(1)
                },
                QuestionError::Guide,
            ),
            (
                "a work sample without a scenario",
                Question { kind: QuestionKind::WorkSample, scenario: None, ..open(1) },
                QuestionError::Scenario,
            ),
            ("a word limit of 10", Question { word_limit: Some(10), ..open(1) }, QuestionError::WordLimit),
            (
                "multiple choice without a correct option",
                Question {
                    kind: QuestionKind::MultipleChoice,
                    options: vec![
                        ChoiceOption { id: id(7), text: "A".into(), correct: false },
                        ChoiceOption { id: id(8), text: "B".into(), correct: false },
                    ],
                    ..open(1)
                },
                QuestionError::Options,
            ),
            (
                "multiple choice with one option",
                Question {
                    kind: QuestionKind::MultipleChoice,
                    options: vec![ChoiceOption { id: id(7), text: "A".into(), correct: true }],
                    ..open(1)
                },
                QuestionError::Options,
            ),
            (
                "a knock-out without a reason",
                Question { kind: QuestionKind::KnockOut, knock_out_reason: Some("wet".into()), ..open(1) },
                QuestionError::KnockOutReason,
            ),
            ("a weight of 0", Question { weight: 0, ..open(1) }, QuestionError::Weight),
            ("an empty prompt", Question { prompt: "  ".into(), ..open(1) }, QuestionError::Prompt),
            (
                "a requirement of another vacancy",
                Question { requirement_ids: vec![id(555)], ..open(1) },
                QuestionError::UnknownRequirement,
            ),
        ];
        for (case, question, expected) in cases {
            assert_eq!(parse_question(question, &[id(100)]), Err(expected), "{case}");
        }
    }

    #[test]
    fn a_knock_out_question_keeps_its_reason_and_needs_no_guide() {
        let question = Question {
            kind: QuestionKind::KnockOut,
            guide: None,
            knock_out_reason: Some("Voor deze functie is een VOG wettelijk verplicht.".into()),
            ..open(1)
        };
        let parsed = parse_question(question, &[id(100)]).expect("valid");
        assert_eq!(parsed.guide, None);
        assert_eq!(parsed.word_limit, None);
        assert!(parsed.for_applicant().knock_out_reason.is_some());
    }

    #[test]
    fn the_applicant_never_sees_the_key_the_guide_or_the_weight() {
        let question = Question {
            kind: QuestionKind::MultipleChoice,
            options: vec![
                ChoiceOption { id: id(7), text: "A".into(), correct: true },
                ChoiceOption { id: id(8), text: "B".into(), correct: false },
            ],
            ..open(1)
        };
        let json = serde_json::to_string(&question.for_applicant()).expect("serialisable");
        for hidden in ["correct", "anchor", "weight", "requirement"] {
            assert!(!json.contains(hidden), "{hidden} in {json}");
        }
    }

    #[test]
    fn a_questionnaire_names_every_bad_question_and_refuses_repeated_ids() {
        let errors = parse_questionnaire(vec![open(1), Question { weight: 9, ..open(2) }, open(1)], &[id(100)])
            .expect_err("invalid");
        assert_eq!(errors, [(1, QuestionError::Weight), (2, QuestionError::DuplicateId)]);
        let too_many: Vec<Question> = (0..21).map(|n| Question { options: Vec::new(), ..open(n) }).collect();
        let errors = parse_questionnaire(too_many, &[id(100)]).expect_err("too many");
        assert!(errors.contains(&(MAX_QUESTIONS, QuestionError::TooMany)));
    }

    #[test]
    fn coverage_names_must_haves_no_question_assesses_and_questions_that_assess_nothing() {
        let questions = vec![open(1), Question { requirement_ids: Vec::new(), ..open(2) }];
        assert_eq!(uncovered_requirements(&[id(100), id(101)], &questions), [id(101)]);
        assert_eq!(questions_without_requirement(&questions), [id(2)]);
    }

    #[test]
    fn the_bank_has_the_same_valid_entries_in_dutch_and_english() {
        let nl = bank(Language::Nl);
        let en = bank(Language::En);
        assert!(nl.len() >= 10, "the Dutch bank has {} entries", nl.len());
        let ids = |entries: &[BankEntry]| entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(nl), ids(en));
        for (n, entry) in nl.iter().chain(en).enumerate() {
            let question = entry.to_question(id(n as u128));
            let parsed = parse_question(question, &[]);
            assert!(parsed.is_ok(), "{}: {parsed:?}", entry.id);
            assert!(!entry.source.trim().is_empty(), "{} has no source", entry.id);
        }
        for competency in ["Samenwerken", "Resultaatgerichtheid", "Klantgerichtheid", "Omgevingsbewustzijn"] {
            assert!(nl.iter().any(|e| e.competency == competency), "{competency}");
        }
    }
}
