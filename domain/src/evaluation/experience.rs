//! Experience and workload per arm: the surveys of applicants (after submitting, after the outcome)
//! and of committee members, statement by statement, and the minutes committee members spent on
//! the sift's scoring screens and interviewers on the scorecards.
//!
//! A statement's answers are a line of five counts (one per point of the scale) and their total; a
//! count of fewer than k people is hidden, and so is a second count wherever one alone would be,
//! so the total gives none back, in the whole pilot and every view of it together
//! (`LinkedCounts`). The mean needs k answers and every count
//! shown; the share that agrees (4 or 5) needs k on each side and must not split the hidden counts
//! into a lone one or a few.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::evaluation::reliability::median;
use crate::evaluation::views::{LinkedCounts, Slices, View};
use crate::statistics::proportions::{Rate, Z_95, wilson};
use crate::survey::{SCALE, Statement, SurveyAnswers, SurveyMoment};
use crate::vacancy::Arm;

/// One survey as answered, with the arm of its vacancy and where that falls for the filters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurveyResponse {
    pub arm: Arm,
    pub slices: Slices,
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

/// The statements as a survey counts them, moment by moment: each a layer of [`LinkedCounts`].
const STATEMENTS: usize = SurveyMoment::ALL.len() * Statement::ALL.len();
/// Per statement: a count per point of the scale (1 to 5) and how many answered it.
const WIDTH: usize = 5 + 1;

/// Every statement at every moment in both arms, in that order, in `view`. The counts are
/// suppressed together with those of every other view.
pub fn survey_summary(responses: &[SurveyResponse], view: View, k: u64) -> Vec<StatementSummary> {
    let mut summaries = Vec::new();
    for arm in [Arm::Pilot, Arm::Control] {
        let mut tallies: HashMap<Slices, Vec<u64>> = HashMap::new();
        for response in responses.iter().filter(|r| r.arm == arm) {
            let tally = tallies.entry(response.slices).or_insert_with(|| vec![0; STATEMENTS * WIDTH]);
            let moment = SurveyMoment::ALL.iter().position(|m| *m == response.moment).unwrap_or_default();
            for (s, &statement) in Statement::ALL.iter().enumerate() {
                let Some(point) = response.answers.get(statement) else { continue };
                let layer = (moment * Statement::ALL.len() + s) * WIDTH;
                tally[layer + usize::from(point.clamp(1, 5)) - 1] += 1;
                tally[layer + WIDTH - 1] += 1;
            }
        }
        let linked = LinkedCounts::of(&tallies, (STATEMENTS, WIDTH), &[(0..WIDTH).collect()], k);
        for (m, &moment) in SurveyMoment::ALL.iter().enumerate() {
            for (s, &statement) in Statement::ALL.iter().enumerate() {
                let given: Vec<u8> = responses
                    .iter()
                    .filter(|r| r.arm == arm && r.moment == moment && view.contains(&r.slices))
                    .filter_map(|r| r.answers.get(statement))
                    .collect();
                let shown = linked.shown(m * Statement::ALL.len() + s, view);
                summaries.push(summarise(arm, (moment, statement), (&given, &shown), k));
            }
        }
    }
    summaries
}

/// One statement's summary from the answers `given` in the view and what may be `shown` of their
/// counts (per point, then the total).
fn summarise(
    arm: Arm,
    (moment, statement): (SurveyMoment, Statement),
    (given, shown): (&[u8], &[Option<u64>]),
    k: u64,
) -> StatementSummary {
    let line: Vec<u64> = SCALE.map(|point| given.iter().filter(|&&g| g == point).count() as u64).collect();
    let answered = given.len() as u64;
    let hidden: Vec<bool> = shown.iter().map(Option::is_none).collect();
    let total_shown = !hidden[WIDTH - 1];
    // The mean weighs each point by its value: beside the total it would split hidden counts (two
    // hidden, 1 × a + 2 × b and a + b give a and b back), so it needs every count shown.
    let mean = (total_shown && answered >= k && answered > 0 && !hidden.contains(&true))
        .then(|| given.iter().map(|&g| f64::from(g)).sum::<f64>() / answered as f64);
    // Agreeing is points 4 and 5; the share gives their sum and the others' sum back, so neither
    // side may hold exactly one hidden count, nor hidden counts of fewer than k people together.
    let agreed = line[3] + line[4];
    let gives_back = |range: std::ops::Range<usize>| {
        let hidden_here: Vec<u64> = range.filter(|&i| hidden[i]).map(|i| line[i]).collect();
        let sum: u64 = hidden_here.iter().sum();
        hidden_here.len() == 1 || (1..k).contains(&sum)
    };
    let agree_visible = total_shown && agreed >= k && answered - agreed >= k && !gives_back(0..3) && !gives_back(3..5);
    let rate = Rate::new(agreed, answered);
    StatementSummary {
        arm,
        moment,
        statement,
        answered: shown[WIDTH - 1],
        points: shown[..WIDTH - 1].to_vec(),
        mean,
        agree: agree_visible.then(|| rate.share()).flatten(),
        agree_interval: agree_visible.then(|| wilson(rate, Z_95)).flatten(),
    }
}

/// One scorer's scoring of one vacancy: where the vacancy falls for the filters, the minutes the
/// scoring screens counted and what they scored in them (answers in the sift, candidates'
/// scorecards in the interview).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoringSeat {
    pub arm: Arm,
    pub slices: Slices,
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

/// The scoring time in both arms in `view`: the count of scorings suppressed with those of every
/// other view, no median from a hidden count or fewer than k scorings.
pub fn scoring_workload(seats: &[ScoringSeat], view: View, k: u64) -> Vec<ScoringWorkload> {
    [Arm::Pilot, Arm::Control]
        .into_iter()
        .map(|arm| {
            let mine: Vec<&ScoringSeat> = seats.iter().filter(|s| s.arm == arm && s.items > 0).collect();
            let mut tallies: HashMap<Slices, Vec<u64>> = HashMap::new();
            for seat in &mine {
                tallies.entry(seat.slices).or_insert_with(|| vec![0])[0] += 1;
            }
            let shown = LinkedCounts::of(&tallies, (1, 1), &[], k).shown(0, view)[0];
            let mine: Vec<&ScoringSeat> = mine.into_iter().filter(|s| view.contains(&s.slices)).collect();
            let enough = shown.is_some_and(|n| n >= k && n > 0);
            ScoringWorkload {
                arm,
                seats: shown,
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
                std::iter::repeat_n(SurveyResponse { arm: Arm::Pilot, slices: Slices::default(), moment, answers }, n)
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
        let summary = survey_summary(&all, View::default(), 5);
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
    /// them back; the mean would split the hidden counts, and so would a share agreeing that left
    /// one hidden count alone on its side: those are hidden too.
    #[test]
    fn small_counts_are_hidden_with_a_complement_and_nothing_gives_them_back() {
        let all = responses(SurveyMoment::AfterOutcome, &[(1, 2), (2, 6), (3, 7), (4, 9), (5, 8)]);
        let summary = survey_summary(&all, View::default(), 5);
        let line = fairness(&summary, SurveyMoment::AfterOutcome);
        assert_eq!(line.answered, Some(32));
        assert_eq!(line.points, [None, None, Some(7), Some(9), Some(8)]);
        // 32 answers, but with the mean 1 × a + 2 × b = 14 and a + b = 8 would give a = 2 back.
        assert_eq!(line.mean, None, "the mean would split the hidden two");
        assert_eq!(line.agree, Some(17.0 / 32.0), "the hidden two are on one side together");

        let lone = responses(SurveyMoment::AfterOutcome, &[(2, 6), (3, 7), (4, 3), (5, 8)]);
        let line = fairness(&survey_summary(&lone, View::default(), 5), SurveyMoment::AfterOutcome).clone();
        assert_eq!(line.points[3], None);
        assert_eq!(line.agree, None, "a share of 4 and 5 with only one of them hidden gives it back");
    }

    #[test]
    fn fewer_than_k_answers_show_nothing() {
        let all = responses(SurveyMoment::Committee, &[(4, 4)]);
        let line = fairness(&survey_summary(&all, View::default(), 5), SurveyMoment::Committee).clone();
        assert_eq!((line.answered, line.mean, line.agree), (None, None, None));
        assert_eq!(line.points, [Some(0), Some(0), Some(0), None, Some(0)], "nobody is nobody; four is hidden");
    }

    /// Filtered to one organisation: its 3 answers are hidden, and so are the other's 20, which the
    /// whole pilot's 23 would give the 3 back with; nothing is computed from them.
    #[test]
    fn a_view_gives_no_hidden_count_back_with_the_whole() {
        let at = |organisation: u128, n: usize| -> Vec<SurveyResponse> {
            let slices = Slices { organisation: uuid::Uuid::from_u128(organisation), ..Slices::default() };
            let answered = responses(SurveyMoment::AfterApplying, &[(4, n)]);
            answered.into_iter().map(|r| SurveyResponse { slices, ..r }).collect()
        };
        let all = [at(1, 20), at(2, 3)].concat();
        let line = |view: View| fairness(&survey_summary(&all, view, 5), SurveyMoment::AfterApplying).clone();
        let whole = line(View::default());
        assert_eq!((whole.points[3], whole.answered, whole.mean), (Some(23), Some(23), Some(4.0)));
        let organisation = |n: u128| View { organisation: Some(uuid::Uuid::from_u128(n)), ..View::default() };
        let (first, second) = (line(organisation(1)), line(organisation(2)));
        assert_eq!((first.points[3], second.points[3]), (None, None));
        assert_eq!((first.answered, first.mean, first.agree), (None, None, None), "nothing from the hidden 20");
    }

    /// Worked by hand: seats of 30, 60 and 90 minutes over 10, 10 and 20 answers: medians 60
    /// minutes and 4.5 minutes an answer (3, 6, 4.5).
    #[test]
    fn scoring_time_is_the_median_seat_and_the_median_minutes_per_answer() {
        let seats = [(30.0, 10), (60.0, 10), (90.0, 20)].map(|(minutes, items)| ScoringSeat {
            arm: Arm::Pilot,
            slices: Slices::default(),
            minutes,
            items,
        });
        let workload = scoring_workload(&seats, View::default(), 3);
        assert_eq!(workload[0].seats, Some(3));
        assert_eq!(workload[0].median_minutes, Some(60.0));
        assert_eq!(workload[0].median_minutes_per_item, Some(4.5));
        assert_eq!((workload[1].seats, workload[1].median_minutes), (Some(0), None));
        let too_few = scoring_workload(&seats[..2], View::default(), 3);
        assert_eq!((too_few[0].seats, too_few[0].median_minutes), (None, None));
    }
}
