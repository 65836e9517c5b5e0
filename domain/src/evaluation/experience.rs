//! Experience and workload per arm: the surveys of applicants (after submitting, after the outcome)
//! and of committee members, statement by statement, and the minutes committee members spent on
//! the sift's scoring screens and interviewers on the scorecards.
//!
//! A statement's answers are a line of five counts (one per point of the scale) and their total; a
//! count of fewer than k people is hidden, and so is a second count wherever one alone would be,
//! so the total gives none back (`suppress_linked`). The mean needs k answers; the share that
//! agrees (4 or 5) needs k on each side and must not split the hidden counts into a lone one.

use serde::{Deserialize, Serialize};

use crate::evaluation::reliability::median;
use crate::statistics::proportions::{Rate, Z_95, wilson};
use crate::statistics::suppression::suppress_linked;
use crate::survey::{SCALE, Statement, SurveyAnswers, SurveyMoment};
use crate::vacancy::Arm;

/// One survey as answered, with the arm of its vacancy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurveyResponse {
    pub arm: Arm,
    pub moment: SurveyMoment,
    pub answers: SurveyAnswers,
}

/// One statement at one moment in one arm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementSummary {
    pub arm: Arm,
    pub moment: SurveyMoment,
    pub statement: Statement,
    /// How many answered it.
    pub answered: Option<u64>,
    /// How many gave each point of the scale, 1 to 5.
    pub points: Vec<Option<u64>>,
    pub mean: Option<f64>,
    /// The share that agreed (4 or 5), with its 95 % Wilson interval.
    pub agree: Option<f64>,
    pub agree_interval: Option<(f64, f64)>,
}

/// Every statement at every moment in both arms, in that order.
pub fn survey_summary(responses: &[SurveyResponse], k: u64) -> Vec<StatementSummary> {
    let mut summaries = Vec::new();
    for arm in [Arm::Pilot, Arm::Control] {
        for moment in SurveyMoment::ALL {
            for statement in Statement::ALL {
                let given: Vec<u8> = responses
                    .iter()
                    .filter(|r| r.arm == arm && r.moment == moment)
                    .filter_map(|r| r.answers.get(statement))
                    .collect();
                summaries.push(summarise(arm, (moment, statement), &given, k));
            }
        }
    }
    summaries
}

fn summarise(arm: Arm, (moment, statement): (SurveyMoment, Statement), given: &[u8], k: u64) -> StatementSummary {
    let mut line: Vec<u64> = SCALE.map(|point| given.iter().filter(|&&g| g == point).count() as u64).collect();
    let answered = given.len() as u64;
    line.push(answered);
    let hidden = suppress_linked(&line, &[(0..line.len()).collect()], k);
    let points: Vec<Option<u64>> = line[..5].iter().zip(&hidden).map(|(&n, &h)| (!h).then_some(n)).collect();
    let shown = !hidden[5];
    let mean = (shown && answered >= k && answered > 0)
        .then(|| given.iter().map(|&g| f64::from(g)).sum::<f64>() / answered as f64);
    // Agreeing is points 4 and 5; the share gives their sum and the others' sum back, so neither
    // side may hold exactly one hidden count.
    let agreed = line[3] + line[4];
    let lone_hidden = |range: std::ops::Range<usize>| hidden[range].iter().filter(|&&h| h).count() == 1;
    let agree_visible = shown && agreed >= k && answered - agreed >= k && !lone_hidden(0..3) && !lone_hidden(3..5);
    let rate = Rate::new(agreed, answered);
    StatementSummary {
        arm,
        moment,
        statement,
        answered: shown.then_some(answered),
        points,
        mean,
        agree: agree_visible.then(|| rate.share()).flatten(),
        agree_interval: agree_visible.then(|| wilson(rate, Z_95)).flatten(),
    }
}

/// One scorer's scoring of one vacancy: the minutes the scoring screens counted and what they
/// scored in them (answers in the sift, candidates' scorecards in the interview).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoringSeat {
    pub arm: Arm,
    pub minutes: f64,
    pub items: u64,
}

/// The scorers' time on the scoring screens in one arm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoringWorkload {
    pub arm: Arm,
    /// Scorers' scorings of a vacancy that were timed.
    pub seats: Option<u64>,
    /// The median minutes one scorer spent scoring one vacancy.
    pub median_minutes: Option<f64>,
    /// The median over those of the minutes per item scored: an answer in the sift, a candidate
    /// in the interview.
    pub median_minutes_per_item: Option<f64>,
}

/// The scoring time in both arms; nothing from fewer than k scorings.
pub fn scoring_workload(seats: &[ScoringSeat], k: u64) -> Vec<ScoringWorkload> {
    [Arm::Pilot, Arm::Control]
        .into_iter()
        .map(|arm| {
            let mine: Vec<&ScoringSeat> = seats.iter().filter(|s| s.arm == arm && s.items > 0).collect();
            let n = mine.len() as u64;
            let enough = n >= k && n > 0;
            ScoringWorkload {
                arm,
                seats: (n == 0 || n >= k).then_some(n),
                median_minutes: enough.then(|| median(mine.iter().map(|s| s.minutes).collect())).flatten(),
                median_minutes_per_item: enough
                    .then(|| median(mine.iter().map(|s| s.minutes / s.items as f64).collect()))
                    .flatten(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn responses(moment: SurveyMoment, fairness: &[(u8, usize)]) -> Vec<SurveyResponse> {
        fairness
            .iter()
            .flat_map(|&(point, n)| {
                let answers = SurveyAnswers { fairness: Some(point), ..Default::default() };
                std::iter::repeat_n(SurveyResponse { arm: Arm::Pilot, moment, answers }, n)
            })
            .collect()
    }

    fn fairness(summaries: &[StatementSummary], moment: SurveyMoment) -> &StatementSummary {
        summaries
            .iter()
            .find(|s| s.arm == Arm::Pilot && s.moment == moment && s.statement == Statement::Fairness)
            .unwrap()
    }

    /// Worked by hand: 5 × 1, 5 × 2, 10 × 3, 10 × 4, 10 × 5 is 40 answers summing to 135 (mean
    /// 3.375); 20 of 40 agree, whose Wilson interval is 0.352 to 0.648.
    #[test]
    fn a_statement_gives_its_counts_mean_and_share_agreeing() {
        let all = responses(SurveyMoment::AfterApplying, &[(1, 5), (2, 5), (3, 10), (4, 10), (5, 10)]);
        let summary = survey_summary(&all, 5);
        let line = fairness(&summary, SurveyMoment::AfterApplying);
        assert_eq!(line.answered, Some(40));
        assert_eq!(line.points, [Some(5), Some(5), Some(10), Some(10), Some(10)]);
        assert_eq!(line.mean, Some(3.375));
        assert_eq!(line.agree, Some(0.5));
        let (low, high) = line.agree_interval.unwrap();
        assert!((low - 0.352).abs() < 0.001 && (high - 0.648).abs() < 0.001, "{low} {high}");
        let empty = fairness(&summary, SurveyMoment::AfterOutcome);
        assert_eq!((empty.answered, empty.mean, empty.agree), (Some(0), None, None));
    }

    /// Two who answered 1 are hidden, and a second count beside them so the total does not give
    /// them back; the share agreeing would split the hidden counts, so it is hidden too.
    #[test]
    fn small_counts_are_hidden_with_a_complement_and_nothing_gives_them_back() {
        let all = responses(SurveyMoment::AfterOutcome, &[(1, 2), (2, 6), (3, 7), (4, 9), (5, 8)]);
        let summary = survey_summary(&all, 5);
        let line = fairness(&summary, SurveyMoment::AfterOutcome);
        assert_eq!(line.answered, Some(32));
        assert_eq!(line.points, [None, None, Some(7), Some(9), Some(8)]);
        assert!(line.mean.is_some(), "32 answers give a mean");
        assert_eq!(line.agree, Some(17.0 / 32.0), "the hidden two are on one side together");

        let lone = responses(SurveyMoment::AfterOutcome, &[(2, 6), (3, 7), (4, 3), (5, 8)]);
        let line = fairness(&survey_summary(&lone, 5), SurveyMoment::AfterOutcome).clone();
        assert_eq!(line.points[3], None);
        assert_eq!(line.agree, None, "a share of 4 and 5 with only one of them hidden gives it back");
    }

    #[test]
    fn fewer_than_k_answers_show_nothing() {
        let all = responses(SurveyMoment::Committee, &[(4, 4)]);
        let line = fairness(&survey_summary(&all, 5), SurveyMoment::Committee).clone();
        assert_eq!((line.answered, line.mean, line.agree), (None, None, None));
        assert_eq!(line.points, [Some(0), Some(0), Some(0), None, Some(0)], "nobody is nobody; four is hidden");
    }

    /// Worked by hand: seats of 30, 60 and 90 minutes over 10, 10 and 20 answers: medians 60
    /// minutes and 4.5 minutes an answer (3, 6, 4.5).
    #[test]
    fn scoring_time_is_the_median_seat_and_the_median_minutes_per_answer() {
        let seats = [(30.0, 10), (60.0, 10), (90.0, 20)].map(|(minutes, items)| ScoringSeat {
            arm: Arm::Pilot,
            minutes,
            items,
        });
        let workload = scoring_workload(&seats, 3);
        assert_eq!(workload[0].seats, Some(3));
        assert_eq!(workload[0].median_minutes, Some(60.0));
        assert_eq!(workload[0].median_minutes_per_item, Some(4.5));
        assert_eq!((workload[1].seats, workload[1].median_minutes), (Some(0), None));
        let too_few = scoring_workload(&seats[..2], 3);
        assert_eq!((too_few[0].seats, too_few[0].median_minutes), (None, None));
    }
}
