//! The structured interview's kit: the same questions in the same order for every candidate, each
//! linked to the requirements it assesses, with the follow-up prompts the interviewers may use, an
//! indicative time, a weight and a behaviourally anchored scale (what an answer at 1, 3 and 5 looks
//! like). Also the traceability of the whole procedure: which questionnaire items and interview
//! questions assess each requirement of the vacancy.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::language::Language;
use crate::questionnaire::{BankAnchors, Question};
use crate::vacancy::RequirementKind;

/// A kit longer than this does not fit an hour's interview.
pub const MAX_KIT_QUESTIONS: usize = 12;
/// Limited follow-up: the prompts an interviewer may use, the same for every candidate.
pub const MAX_FOLLOW_UPS: usize = 5;
/// The indicative minutes per question.
pub const MINUTES: std::ops::RangeInclusive<u8> = 1..=30;
/// The weights a question may have in the interview score.
pub const WEIGHTS: std::ops::RangeInclusive<u8> = 1..=5;

/// Behavioural questions ask about the past ("tell me about a time…"), situational ones about a
/// dilemma of the job ("what would you do if…").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterviewQuestionKind {
    Behavioural,
    Situational,
}

/// What an answer at 1, 3 and 5 looks like, in observable terms; 2 and 4 lie between.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Anchors {
    pub anchor_1: String,
    pub anchor_3: String,
    pub anchor_5: String,
}

/// One question of the kit. Its place in the kit is its order in the interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InterviewQuestion {
    pub id: Uuid,
    pub kind: InterviewQuestionKind,
    pub prompt: String,
    /// The follow-up prompts allowed, in the order the interviewer may use them.
    #[serde(default)]
    pub follow_ups: Vec<String>,
    /// Indicative minutes for this question.
    pub minutes: u8,
    pub anchors: Anchors,
    /// Weight in the interview score, 1 to 5.
    pub weight: u8,
    /// The requirements of the vacancy this question assesses.
    #[serde(default)]
    pub requirement_ids: Vec<Uuid>,
}

/// Why an interview question is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KitError {
    #[error("a question must be 1 to 1,000 characters")]
    Prompt,
    #[error("at most 5 follow-up prompts, each 1 to 300 characters")]
    FollowUps,
    #[error("the indicative time must be 1 to 30 minutes")]
    Minutes,
    #[error("the scale needs what an answer at 1, 3 and 5 looks like, each 1 to 1,000 characters")]
    Anchors,
    #[error("the weight must be 1 to 5")]
    Weight,
    #[error("a question must assess at least one requirement of this vacancy")]
    Requirements,
    #[error("a kit has at most 12 questions")]
    TooMany,
    #[error("two questions have the same id")]
    DuplicateId,
}

/// Checks a kit against the vacancy's requirement ids and normalises it (trimmed texts, empty
/// follow-ups dropped). Returns the question index with each error.
pub fn parse_kit(
    questions: Vec<InterviewQuestion>,
    requirement_ids: &[Uuid],
) -> Result<Vec<InterviewQuestion>, Vec<(usize, KitError)>> {
    let mut errors = Vec::new();
    if questions.len() > MAX_KIT_QUESTIONS {
        errors.push((MAX_KIT_QUESTIONS, KitError::TooMany));
    }
    let mut ids = HashSet::new();
    let mut parsed = Vec::with_capacity(questions.len());
    for (index, question) in questions.into_iter().enumerate() {
        if !ids.insert(question.id) {
            errors.push((index, KitError::DuplicateId));
        }
        match parse_interview_question(question, requirement_ids) {
            Ok(question) => parsed.push(question),
            Err(error) => errors.push((index, error)),
        }
    }
    if errors.is_empty() { Ok(parsed) } else { Err(errors) }
}

/// Checks one question; see [`parse_kit`]. A question that assesses nothing in the vacancy is
/// refused here; the traceability view flags the rest.
pub fn parse_interview_question(
    question: InterviewQuestion,
    requirement_ids: &[Uuid],
) -> Result<InterviewQuestion, KitError> {
    let prompt = bounded(&question.prompt, 1, 1000).ok_or(KitError::Prompt)?;
    let follow_ups: Vec<String> =
        question.follow_ups.iter().map(|f| f.trim()).filter(|f| !f.is_empty()).map(str::to_owned).collect();
    if follow_ups.len() > MAX_FOLLOW_UPS || follow_ups.iter().any(|f| bounded(f, 1, 300).is_none()) {
        return Err(KitError::FollowUps);
    }
    if !MINUTES.contains(&question.minutes) {
        return Err(KitError::Minutes);
    }
    let anchor = |text: &str| bounded(text, 1, 1000).ok_or(KitError::Anchors);
    let anchors = Anchors {
        anchor_1: anchor(&question.anchors.anchor_1)?,
        anchor_3: anchor(&question.anchors.anchor_3)?,
        anchor_5: anchor(&question.anchors.anchor_5)?,
    };
    if !WEIGHTS.contains(&question.weight) {
        return Err(KitError::Weight);
    }
    let mut requirements = Vec::new();
    for id in question.requirement_ids {
        if !requirement_ids.contains(&id) {
            return Err(KitError::Requirements);
        }
        if !requirements.contains(&id) {
            requirements.push(id);
        }
    }
    if requirements.is_empty() {
        return Err(KitError::Requirements);
    }
    Ok(InterviewQuestion {
        id: question.id,
        kind: question.kind,
        prompt,
        follow_ups,
        minutes: question.minutes,
        anchors,
        weight: question.weight,
        requirement_ids: requirements,
    })
}

fn bounded(input: &str, min: usize, max: usize) -> Option<String> {
    let trimmed = input.trim();
    let length = trimmed.chars().count();
    let control = trimmed.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t');
    ((min..=max).contains(&length) && !control).then(|| trimmed.to_owned())
}

/// A ready interview question with its scale, to copy and adapt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InterviewBankEntry {
    pub id: String,
    pub competency: String,
    pub kind: InterviewQuestionKind,
    pub prompt: String,
    pub follow_ups: Vec<String>,
    pub minutes: u8,
    pub anchors: BankAnchors,
    pub source: String,
}

impl InterviewBankEntry {
    /// A new kit question from this entry, with the id the editor chose; the recruiter links it to
    /// the vacancy's requirements.
    pub fn to_question(&self, id: Uuid) -> InterviewQuestion {
        InterviewQuestion {
            id,
            kind: self.kind,
            prompt: self.prompt.clone(),
            follow_ups: self.follow_ups.clone(),
            minutes: self.minutes,
            anchors: Anchors {
                anchor_1: self.anchors.one.clone(),
                anchor_3: self.anchors.three.clone(),
                anchor_5: self.anchors.five.clone(),
            },
            weight: 1,
            requirement_ids: Vec::new(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct BankFile {
    entries: Vec<InterviewBankEntry>,
}

/// The interview question bank in `language` (the files under `domain/interview/`).
pub fn bank(language: Language) -> &'static [InterviewBankEntry] {
    static NL: OnceLock<Vec<InterviewBankEntry>> = OnceLock::new();
    static EN: OnceLock<Vec<InterviewBankEntry>> = OnceLock::new();
    let (cell, json) = match language {
        Language::Nl => (&NL, include_str!("../interview/bank-nl.json")),
        Language::En => (&EN, include_str!("../interview/bank-en.json")),
    };
    // The files are checked by the tests below; a broken file gives an empty bank, never a panic.
    cell.get_or_init(|| serde_json::from_str::<BankFile>(json).map(|file| file.entries).unwrap_or_default())
}

/// One requirement of the vacancy and what assesses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementTrace {
    pub requirement: Uuid,
    pub kind: RequirementKind,
    /// The questionnaire items that assess it, in questionnaire order.
    pub questions: Vec<Uuid>,
    /// The interview questions that assess it, in kit order.
    pub interview_questions: Vec<Uuid>,
}

impl RequirementTrace {
    /// A must-have requirement that nothing assesses: the procedure cannot tell who meets it.
    pub fn is_unassessed_must_have(&self) -> bool {
        self.kind == RequirementKind::MustHave && self.questions.is_empty() && self.interview_questions.is_empty()
    }
}

/// The requirements against the questionnaire and the kit, and what assesses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    pub requirements: Vec<RequirementTrace>,
    /// Questionnaire items that assess no requirement of the vacancy.
    pub unlinked_questions: Vec<Uuid>,
    /// Interview questions that assess no requirement of the vacancy.
    pub unlinked_interview_questions: Vec<Uuid>,
}

impl Trace {
    /// Nothing flagged: every must-have is assessed and every question assesses something.
    pub fn is_complete(&self) -> bool {
        self.requirements.iter().all(|r| !r.is_unassessed_must_have())
            && self.unlinked_questions.is_empty()
            && self.unlinked_interview_questions.is_empty()
    }
}

/// Traces each requirement to what assesses it. A link to a requirement the vacancy no longer has
/// counts as no link.
pub fn trace(requirements: &[(Uuid, RequirementKind)], questionnaire: &[Question], kit: &[InterviewQuestion]) -> Trace {
    let known: HashSet<Uuid> = requirements.iter().map(|(id, _)| *id).collect();
    let assesses = |links: &[Uuid]| links.iter().any(|id| known.contains(id));
    Trace {
        requirements: requirements
            .iter()
            .map(|&(requirement, kind)| RequirementTrace {
                requirement,
                kind,
                questions: questionnaire
                    .iter()
                    .filter(|q| q.requirement_ids.contains(&requirement))
                    .map(|q| q.id)
                    .collect(),
                interview_questions: kit
                    .iter()
                    .filter(|q| q.requirement_ids.contains(&requirement))
                    .map(|q| q.id)
                    .collect(),
            })
            .collect(),
        unlinked_questions: questionnaire.iter().filter(|q| !assesses(&q.requirement_ids)).map(|q| q.id).collect(),
        unlinked_interview_questions: kit.iter().filter(|q| !assesses(&q.requirement_ids)).map(|q| q.id).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::QuestionKind;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn question(n: u128, requirements: &[u128]) -> InterviewQuestion {
        InterviewQuestion {
            id: id(n),
            kind: InterviewQuestionKind::Behavioural,
            prompt: " Vertel over een keer dat u een klant hielp. ".into(),
            follow_ups: vec!["Wat deed u precies?".into(), "  ".into()],
            minutes: 8,
            anchors: Anchors {
                anchor_1: "Geen eigen rol.".into(),
                anchor_3: "Eigen rol, geen resultaat.".into(),
                anchor_5: "Eigen rol, resultaat en les.".into(),
            },
            weight: 2,
            requirement_ids: requirements.iter().map(|&r| id(r)).collect(),
        }
    }

    #[test]
    fn a_question_is_trimmed_and_loses_empty_follow_ups() {
        let parsed = parse_interview_question(question(1, &[100, 100]), &[id(100)]).expect("valid");
        assert_eq!(parsed.prompt, "Vertel over een keer dat u een klant hielp.");
        assert_eq!(parsed.follow_ups, ["Wat deed u precies?"]);
        assert_eq!(parsed.requirement_ids, [id(100)]);
    }

    #[test]
    fn each_part_of_a_question_is_checked() {
        let cases: Vec<(&str, InterviewQuestion, KitError)> = vec![
            ("no prompt", InterviewQuestion { prompt: " ".into(), ..question(1, &[100]) }, KitError::Prompt),
            (
                "six follow-ups",
                InterviewQuestion { follow_ups: vec!["Waarom?".into(); 6], ..question(1, &[100]) },
                KitError::FollowUps,
            ),
            ("no time", InterviewQuestion { minutes: 0, ..question(1, &[100]) }, KitError::Minutes),
            ("half an hour and more", InterviewQuestion { minutes: 31, ..question(1, &[100]) }, KitError::Minutes),
            (
                "an empty anchor",
                InterviewQuestion {
                    anchors: Anchors { anchor_3: String::new(), ..question(1, &[100]).anchors },
                    ..question(1, &[100])
                },
                KitError::Anchors,
            ),
            ("weight six", InterviewQuestion { weight: 6, ..question(1, &[100]) }, KitError::Weight),
            ("assesses nothing", question(1, &[]), KitError::Requirements),
            ("another vacancy's requirement", question(1, &[555]), KitError::Requirements),
        ];
        for (case, input, expected) in cases {
            assert_eq!(parse_interview_question(input, &[id(100)]), Err(expected), "{case}");
        }
    }

    #[test]
    fn a_kit_names_every_bad_question_and_refuses_duplicates_and_length() {
        let kit = vec![question(1, &[100]), question(1, &[100]), question(3, &[])];
        assert_eq!(parse_kit(kit, &[id(100)]), Err(vec![(1, KitError::DuplicateId), (2, KitError::Requirements)]));
        let long: Vec<_> = (0..13).map(|n| question(n, &[100])).collect();
        assert_eq!(parse_kit(long, &[id(100)]).unwrap_err(), [(MAX_KIT_QUESTIONS, KitError::TooMany)]);
    }

    fn written(n: u128, requirements: &[u128]) -> Question {
        Question {
            id: id(n),
            kind: QuestionKind::Open,
            prompt: "Beschrijf.".into(),
            scenario: None,
            word_limit: Some(250),
            options: Vec::new(),
            knock_out_reason: None,
            guide: None,
            weight: 1,
            requirement_ids: requirements.iter().map(|&r| id(r)).collect(),
        }
    }

    #[test]
    fn the_trace_flags_unassessed_must_haves_and_questions_that_assess_nothing() {
        let requirements = [
            (id(100), RequirementKind::MustHave),   // assessed by the questionnaire
            (id(101), RequirementKind::MustHave),   // assessed in the interview only
            (id(102), RequirementKind::MustHave),   // assessed by nothing: flagged
            (id(103), RequirementKind::NiceToHave), // assessed by nothing: not flagged
        ];
        let questionnaire = [written(1, &[100]), written(2, &[]), written(3, &[999])];
        let kit = [question(11, &[101, 100]), question(12, &[998])];
        let trace = trace(&requirements, &questionnaire, &kit);
        assert_eq!(trace.requirements[0].questions, [id(1)]);
        assert_eq!(trace.requirements[0].interview_questions, [id(11)]);
        assert_eq!(trace.requirements[1].interview_questions, [id(11)]);
        let flagged: Vec<Uuid> =
            trace.requirements.iter().filter(|r| r.is_unassessed_must_have()).map(|r| r.requirement).collect();
        assert_eq!(flagged, [id(102)]);
        assert_eq!(trace.unlinked_questions, [id(2), id(3)], "a link to a removed requirement is no link");
        assert_eq!(trace.unlinked_interview_questions, [id(12)]);
        assert!(!trace.is_complete());

        let covered = [(id(100), RequirementKind::MustHave), (id(101), RequirementKind::MustHave)];
        assert!(self::trace(&covered, &[written(1, &[100])], &[question(11, &[101])]).is_complete());
    }

    #[test]
    fn both_banks_have_the_same_valid_entries_in_both_languages() {
        let (nl, en) = (bank(Language::Nl), bank(Language::En));
        assert!(nl.len() >= 20, "a question of each kind for ten competencies");
        let ids = |entries: &[InterviewBankEntry]| entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(nl), ids(en));
        for entry in nl.iter().chain(en) {
            let question = entry.to_question(id(1));
            let linked = InterviewQuestion { requirement_ids: vec![id(100)], ..question };
            assert!(parse_interview_question(linked, &[id(100)]).is_ok(), "{} is a valid question", entry.id);
            assert!(!entry.follow_ups.is_empty() && !entry.source.is_empty(), "{}", entry.id);
        }
        for kind in [InterviewQuestionKind::Behavioural, InterviewQuestionKind::Situational] {
            assert!(nl.iter().filter(|e| e.kind == kind).count() >= 10, "{kind:?}");
        }
    }
}
