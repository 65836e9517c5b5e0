//! What the committee reads: an answer with every confirmed identity cue replaced by a typed
//! placeholder, and the share of answers that needed it (the leak rate, evidence of the
//! intervention's fidelity). Knock-out questions are applied here too, mechanically.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::CueType;
use crate::application::{Answer, AnswerEntry};
use crate::language::Language;
use crate::questionnaire::{Question, QuestionKind};

/// Where a finding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FindingSource {
    /// Found by [`super::identity_cues`] when screening started.
    Detector,
    /// Added by the recruiter.
    Manual,
}

/// What the recruiter decided about a finding. Only confirmed findings are masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FindingDecision {
    Pending,
    Confirmed,
    Dismissed,
}

impl FindingSource {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingSource::Detector => "detector",
            FindingSource::Manual => "manual",
        }
    }

    pub fn parse(name: &str) -> Option<FindingSource> {
        [FindingSource::Detector, FindingSource::Manual].into_iter().find(|s| s.as_str() == name)
    }
}

impl FindingDecision {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingDecision::Pending => "pending",
            FindingDecision::Confirmed => "confirmed",
            FindingDecision::Dismissed => "dismissed",
        }
    }

    pub fn parse(name: &str) -> Option<FindingDecision> {
        [FindingDecision::Pending, FindingDecision::Confirmed, FindingDecision::Dismissed]
            .into_iter()
            .find(|d| d.as_str() == name)
    }
}

/// A span to hide from the committee, in character offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mask {
    pub kind: CueType,
    pub start: usize,
    pub end: usize,
}

impl CueType {
    /// The placeholder in the vacancy's language: `[naam]` in Dutch, `[name]` in English.
    pub fn placeholder_in(self, language: Language) -> &'static str {
        match language {
            Language::Nl => self.placeholder(),
            Language::En => match self {
                CueType::Person => "[name]",
                CueType::Email => "[e-mail]",
                CueType::Phone => "[phone]",
                CueType::Postcode => "[postcode]",
                CueType::Bsn => "[BSN]",
                CueType::DateOfBirth => "[date of birth]",
                CueType::Age => "[age]",
                CueType::Address => "[address]",
                CueType::Location => "[place of residence]",
                CueType::Gender => "[gender]",
                CueType::Origin => "[origin]",
                CueType::Religion => "[religion]",
                CueType::School => "[school]",
                CueType::Url => "[link]",
            },
        }
    }
}

/// Whether a manual mask fits the answer: a non-empty span within its characters.
pub fn mask_fits(text: &str, start: usize, end: usize) -> bool {
    start < end && end <= text.chars().count()
}

/// `text` with every mask replaced by its type's placeholder. Masks that overlap or touch become one
/// placeholder, of the type of the one that starts first; masks past the end of the text are cut off.
pub fn mask(text: &str, masks: &[Mask], language: Language) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<Mask> =
        masks.iter().map(|m| Mask { end: m.end.min(chars.len()), ..*m }).filter(|m| m.start < m.end).collect();
    spans.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut merged: Vec<Mask> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    let mut masked = String::with_capacity(text.len());
    let mut at = 0;
    for span in merged {
        masked.extend(&chars[at..span.start]);
        masked.push_str(span.kind.placeholder_in(language));
        at = span.end;
    }
    masked.extend(&chars[at..]);
    masked
}

/// The share of screened answers with a confirmed identity cue, in total and by type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeakRate {
    /// Answers screened (answers in words of applications that passed the knock-out questions).
    pub answers: u32,
    /// Answers with at least one confirmed cue of any type.
    pub answers_with_cue: u32,
    /// Per cue type: answers with at least one confirmed cue of that type. Types without any are left out.
    #[cfg_attr(feature = "openapi", schema(value_type = std::collections::BTreeMap<String, u32>))]
    pub by_type: BTreeMap<CueType, u32>,
}

impl LeakRate {
    /// Counts the confirmed masks of each screened answer.
    pub fn of<'a>(answers: impl IntoIterator<Item = &'a [Mask]>) -> LeakRate {
        let mut rate = LeakRate::default();
        for masks in answers {
            rate.answers += 1;
            if !masks.is_empty() {
                rate.answers_with_cue += 1;
            }
            let mut kinds: Vec<CueType> = masks.iter().map(|m| m.kind).collect();
            kinds.sort();
            kinds.dedup();
            for kind in kinds {
                *rate.by_type.entry(kind).or_default() += 1;
            }
        }
        rate
    }

    /// The share of answers with a confirmed cue, 0 when nothing was screened.
    pub fn share(&self) -> f64 {
        if self.answers == 0 { 0.0 } else { f64::from(self.answers_with_cue) / f64::from(self.answers) }
    }
}

/// The knock-out questions an application fails: those answered "no". Applied mechanically; the
/// applicant saw the reason with the question.
pub fn failed_knock_outs(questions: &[Question], answers: &[AnswerEntry]) -> Vec<Uuid> {
    questions
        .iter()
        .filter(|q| q.kind == QuestionKind::KnockOut)
        .filter(|q| answers.iter().any(|a| a.question_id == q.id && a.answer == Answer::YesNo(false)))
        .map(|q| q.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(kind: CueType, start: usize, end: usize) -> Mask {
        Mask { kind, start, end }
    }

    #[test]
    fn confirmed_spans_become_typed_placeholders_and_the_rest_is_untouched() {
        let text = "Ik ben Fatima, 52 jaar, en woon in Tilburg.";
        let masks = [m(CueType::Person, 7, 13), m(CueType::Age, 15, 22), m(CueType::Location, 35, 42)];
        assert_eq!(mask(text, &masks, Language::Nl), "Ik ben [naam], [leeftijd], en woon in [woonplaats].");
        assert_eq!(mask(text, &masks, Language::En), "Ik ben [name], [age], en woon in [place of residence].");
        assert_eq!(mask(text, &[], Language::Nl), text);
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "Café-eigenaar Zoë schreef: ik ben Zoë.";
        let start = text.chars().position(|c| c == 'Z').expect("a Z");
        let masked = mask(text, &[m(CueType::Person, start, start + 3)], Language::Nl);
        assert_eq!(masked, "Café-eigenaar [naam] schreef: ik ben Zoë.");
    }

    #[test]
    fn overlapping_and_touching_masks_become_one_placeholder_and_out_of_range_masks_are_cut() {
        let text = "Groeten, Jan de Vries uit Delft";
        let masks = [m(CueType::Person, 9, 12), m(CueType::Person, 10, 21), m(CueType::Location, 21, 31)];
        assert_eq!(mask(text, &masks, Language::Nl), "Groeten, [naam]");
        assert_eq!(mask("kort", &[m(CueType::Age, 2, 99), m(CueType::Age, 7, 9)], Language::Nl), "ko[leeftijd]");
        assert_eq!(mask("kort", &[m(CueType::Age, 3, 3)], Language::Nl), "kort");
    }

    #[test]
    fn a_manual_mask_must_be_a_non_empty_span_inside_the_answer() {
        assert!(mask_fits("Zoë", 0, 3));
        assert!(!mask_fits("Zoë", 0, 4));
        assert!(!mask_fits("Zoë", 2, 2));
        assert!(!mask_fits("Zoë", 3, 1));
    }

    #[test]
    fn the_leak_rate_counts_answers_not_spans() {
        let first = [m(CueType::Person, 0, 3), m(CueType::Person, 10, 13), m(CueType::Age, 20, 22)];
        let second = [m(CueType::Origin, 0, 5)];
        let none: [Mask; 0] = [];
        let rate = LeakRate::of([&first[..], &second[..], &none[..], &none[..]]);
        assert_eq!(rate.answers, 4);
        assert_eq!(rate.answers_with_cue, 2);
        assert_eq!(rate.by_type.get(&CueType::Person), Some(&1));
        assert_eq!(rate.by_type.get(&CueType::Age), Some(&1));
        assert_eq!(rate.by_type.get(&CueType::Origin), Some(&1));
        assert_eq!(rate.by_type.get(&CueType::Email), None);
        assert!((rate.share() - 0.5).abs() < f64::EPSILON);
        assert!(LeakRate::default().share().abs() < f64::EPSILON);
    }

    #[test]
    fn only_a_no_to_a_knock_out_question_fails_it() {
        let question = |n: u128, kind| Question {
            id: Uuid::from_u128(n),
            kind,
            prompt: "Vraag".into(),
            scenario: None,
            word_limit: None,
            options: vec![],
            knock_out_reason: None,
            guide: None,
            weight: 1,
            requirement_ids: vec![],
        };
        let questions =
            [question(1, QuestionKind::KnockOut), question(2, QuestionKind::KnockOut), question(3, QuestionKind::Open)];
        let entry = |n: u128, answer| AnswerEntry { question_id: Uuid::from_u128(n), answer };
        let passes =
            [entry(1, Answer::YesNo(true)), entry(2, Answer::YesNo(true)), entry(3, Answer::Text("nee".into()))];
        assert!(failed_knock_outs(&questions, &passes).is_empty());
        let fails = [entry(1, Answer::YesNo(true)), entry(2, Answer::YesNo(false))];
        assert_eq!(failed_knock_outs(&questions, &fails), vec![Uuid::from_u128(2)]);
    }
}
