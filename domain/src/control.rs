//! The control arm's outcomes. A control vacancy takes its applications through Breedwerf, with the
//! same monitoring questionnaire, but selects the regular way, outside the sift (on CVs); the
//! recruiter then records how far each applicant came, so both arms are measured by the same stage
//! events. An outcome records every stage up to it that is not recorded yet, in order; it never
//! goes back, since the events are the evaluation's record of what happened.

use serde::{Deserialize, Serialize};

/// How far an applicant to a control vacancy came in the regular procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ControlOutcome {
    /// Not invited after the selection on CVs.
    NotShortlisted,
    /// Invited: passed the selection.
    Shortlisted,
    Interviewed,
    Offered,
    Hired,
}

impl ControlOutcome {
    pub const ALL: [ControlOutcome; 5] = [
        ControlOutcome::NotShortlisted,
        ControlOutcome::Shortlisted,
        ControlOutcome::Interviewed,
        ControlOutcome::Offered,
        ControlOutcome::Hired,
    ];

    /// The name on the wire: the name of its event.
    pub fn as_str(self) -> &'static str {
        self.event()
    }

    pub fn parse(name: &str) -> Option<ControlOutcome> {
        ControlOutcome::ALL.into_iter().find(|outcome| outcome.as_str() == name)
    }

    /// The stage event this outcome records, as the pilot arm's procedure records it.
    pub fn event(self) -> &'static str {
        match self {
            ControlOutcome::NotShortlisted => "not_shortlisted",
            ControlOutcome::Shortlisted => "shortlisted",
            ControlOutcome::Interviewed => "interviewed",
            ControlOutcome::Offered => "offered",
            ControlOutcome::Hired => "hired",
        }
    }

    /// The furthest outcome among recorded stage events, if any.
    pub fn furthest(events: &[&str]) -> Option<ControlOutcome> {
        ControlOutcome::ALL.into_iter().rev().find(|outcome| events.contains(&outcome.event()))
    }
}

/// Why an outcome cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ControlError {
    /// The applicant already came further (or as far): the record does not go back.
    AlreadyFurther(ControlOutcome),
}

/// The stage events to record for `outcome`, given the events recorded so far: every stage from
/// the selection up to the outcome that is missing, in order. "Not shortlisted" may be corrected
/// to "shortlisted" (a late invitation), nothing else goes back.
pub fn events_for(recorded: &[&str], outcome: ControlOutcome) -> Result<Vec<&'static str>, ControlError> {
    if let Some(furthest) = ControlOutcome::furthest(recorded)
        && furthest >= outcome
    {
        return Err(ControlError::AlreadyFurther(furthest));
    }
    if outcome == ControlOutcome::NotShortlisted {
        return Ok(vec![outcome.event()]);
    }
    Ok(ControlOutcome::ALL[1..]
        .iter()
        .filter(|&&stage| stage <= outcome && !recorded.contains(&stage.event()))
        .map(|stage| stage.event())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ControlOutcome::*;

    /// Recorded so far, the outcome to record, and what that records or why not.
    type Case = (&'static [&'static str], ControlOutcome, Result<Vec<&'static str>, ControlError>);

    #[test]
    fn an_outcome_records_every_missing_stage_up_to_it_in_order() {
        let cases: [Case; 7] = [
            (&["submitted"], Hired, Ok(vec!["shortlisted", "interviewed", "offered", "hired"])),
            (&["submitted"], NotShortlisted, Ok(vec!["not_shortlisted"])),
            (&["submitted", "shortlisted"], Interviewed, Ok(vec!["interviewed"])),
            (&["submitted", "not_shortlisted"], Shortlisted, Ok(vec!["shortlisted"])),
            (&["submitted", "shortlisted", "interviewed"], Shortlisted, Err(ControlError::AlreadyFurther(Interviewed))),
            (&["submitted", "shortlisted"], NotShortlisted, Err(ControlError::AlreadyFurther(Shortlisted))),
            (&["submitted", "not_shortlisted"], NotShortlisted, Err(ControlError::AlreadyFurther(NotShortlisted))),
        ];
        for (recorded, outcome, expected) in cases {
            assert_eq!(events_for(recorded, outcome), expected, "{recorded:?} → {outcome:?}");
        }
    }

    #[test]
    fn outcomes_are_named_alike_on_the_wire_and_in_the_app() {
        for outcome in ControlOutcome::ALL {
            assert_eq!(serde_json::to_string(&outcome).unwrap(), format!("\"{}\"", outcome.as_str()));
            assert_eq!(ControlOutcome::parse(outcome.as_str()), Some(outcome));
        }
    }

    #[test]
    fn the_furthest_outcome_is_read_back_from_the_events() {
        assert_eq!(ControlOutcome::furthest(&["submitted"]), None);
        assert_eq!(ControlOutcome::furthest(&["submitted", "shortlisted", "interviewed"]), Some(Interviewed));
        assert_eq!(ControlOutcome::furthest(&["not_shortlisted", "shortlisted"]), Some(Shortlisted));
    }

    #[test]
    fn the_events_are_the_ones_the_funnel_counts() {
        use crate::evaluation::Stage;
        let stages = [Stage::PassedSift, Stage::Interviewed, Stage::Offered, Stage::Hired];
        for (outcome, stage) in ControlOutcome::ALL[1..].iter().zip(stages) {
            assert_eq!(outcome.event(), stage.event());
        }
    }
}
