//! The experience surveys: three statements on fairness, clarity and effort, each answered on a
//! five-point scale from "helemaal oneens" (1) to "helemaal eens" (5), every one optional.
//!
//! Applicants get the survey twice, after submitting and after the outcome; committee members once
//! per vacancy, after they sealed their scores of every question. The statements are worded for
//! each moment (the app holds the words), and always so that agreeing is the better experience,
//! so the moments and the arms can be compared statement by statement.

use serde::{Deserialize, Serialize};

/// When a survey is asked, and so of whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SurveyMoment {
    /// An applicant, just after submitting.
    AfterApplying,
    /// An applicant, once their procedure ended.
    AfterOutcome,
    /// A committee member, after sealing their scores of every question of a vacancy.
    Committee,
}

impl SurveyMoment {
    pub const ALL: [SurveyMoment; 3] =
        [SurveyMoment::AfterApplying, SurveyMoment::AfterOutcome, SurveyMoment::Committee];

    pub fn as_str(self) -> &'static str {
        match self {
            SurveyMoment::AfterApplying => "after_applying",
            SurveyMoment::AfterOutcome => "after_outcome",
            SurveyMoment::Committee => "committee",
        }
    }

    pub fn parse(name: &str) -> Option<SurveyMoment> {
        SurveyMoment::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

/// One statement of the survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Statement {
    /// The procedure gave me (the candidates) a fair chance.
    Fairness,
    /// It was clear what was asked.
    Clarity,
    /// The effort it took was reasonable.
    Effort,
}

impl Statement {
    pub const ALL: [Statement; 3] = [Statement::Fairness, Statement::Clarity, Statement::Effort];

    pub fn as_str(self) -> &'static str {
        match self {
            Statement::Fairness => "fairness",
            Statement::Clarity => "clarity",
            Statement::Effort => "effort",
        }
    }
}

/// The lowest and highest point of the scale.
pub const SCALE: std::ops::RangeInclusive<u8> = 1..=5;

/// A survey as answered: each statement from 1 to 5, or left open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyAnswers {
    #[serde(default)]
    pub fairness: Option<u8>,
    #[serde(default)]
    pub clarity: Option<u8>,
    #[serde(default)]
    pub effort: Option<u8>,
}

impl SurveyAnswers {
    pub fn get(&self, statement: Statement) -> Option<u8> {
        match statement {
            Statement::Fairness => self.fairness,
            Statement::Clarity => self.clarity,
            Statement::Effort => self.effort,
        }
    }
}

/// Why a survey cannot be taken as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyError {
    /// This statement's answer is not on the scale.
    OffScale(Statement),
    /// Nothing was answered: there is nothing to store (leaving the survey is the way to skip it).
    Empty,
}

/// Checks a survey: every answer on the scale, at least one given.
pub fn check_survey(answers: &SurveyAnswers) -> Result<(), SurveyError> {
    for statement in Statement::ALL {
        if answers.get(statement).is_some_and(|a| !SCALE.contains(&a)) {
            return Err(SurveyError::OffScale(statement));
        }
    }
    if Statement::ALL.iter().all(|&s| answers.get(s).is_none()) {
        return Err(SurveyError::Empty);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survey_needs_one_answer_on_the_scale_and_every_answer_on_it() {
        let cases = [
            (SurveyAnswers { fairness: Some(1), clarity: None, effort: None }, Ok(())),
            (SurveyAnswers { fairness: Some(5), clarity: Some(3), effort: Some(4) }, Ok(())),
            (SurveyAnswers::default(), Err(SurveyError::Empty)),
            (
                SurveyAnswers { fairness: Some(0), ..Default::default() },
                Err(SurveyError::OffScale(Statement::Fairness)),
            ),
            (
                SurveyAnswers { effort: Some(6), clarity: Some(3), ..Default::default() },
                Err(SurveyError::OffScale(Statement::Effort)),
            ),
        ];
        for (answers, expected) in cases {
            assert_eq!(check_survey(&answers), expected, "{answers:?}");
        }
    }

    #[test]
    fn moments_are_named_alike_on_the_wire_and_in_the_database() {
        for moment in SurveyMoment::ALL {
            let wire = serde_json::to_string(&moment).unwrap();
            assert_eq!(wire, format!("\"{}\"", moment.as_str()));
            assert_eq!(SurveyMoment::parse(moment.as_str()), Some(moment));
        }
    }
}
