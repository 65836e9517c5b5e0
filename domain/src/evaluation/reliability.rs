//! How reliable the scoring in a pilot was. Per question and per vacancy: the intraclass
//! correlations ICC(2,1) and ICC(2,k) (two-way random, absolute agreement; Shrout & Fleiss 1979)
//! over the candidates every scorer scored, and Krippendorff's alpha (interval and ordinal) over
//! all scores, missing ones allowed. Per scorer, their leniency: the mean of their scores' deviations
//! from the panel's mean on the same answer. Across the pilot, the drift of a score with the
//! position of the answer in the scorer's own order. Nothing is computed from fewer than k
//! candidates, and no scorer is named.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::statistics::proportions::Z_95;
use crate::statistics::regression::slope;
use crate::statistics::reliability::{Level, icc, krippendorff_alpha};

/// One score as it was given independently, before any change in the consensus.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    pub vacancy: Uuid,
    pub question: Uuid,
    pub candidate: Uuid,
    pub scorer: Uuid,
    pub score: f64,
    /// Where the answer came in the scorer's order for the question (from 0) and how long that
    /// order was; none in the interview, which has no order.
    pub position: Option<(u32, u32)>,
}

/// How much the scorers agree on one question or on a whole vacancy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    /// Candidates scored by two scorers or more; hidden below k.
    pub candidates: Option<u64>,
    pub scorers: u64,
    /// ICC(2,1): the agreement of one random scorer with another.
    pub icc_single: Option<f64>,
    /// ICC(2,k): the reliability of the mean of all the scorers.
    pub icc_average: Option<f64>,
    pub alpha_interval: Option<f64>,
    pub alpha_ordinal: Option<f64>,
    /// Fewer than k candidates: nothing is computed.
    pub not_enough_data: bool,
}

/// A question's agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionAgreement {
    pub question: Uuid,
    pub agreement: Agreement,
}

/// A vacancy's reliability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VacancyReliability {
    pub vacancy: Uuid,
    pub questions: Vec<QuestionAgreement>,
    /// On each scorer's mean over the questions per candidate.
    pub overall: Agreement,
    /// Each scorer's mean deviation from the panel in points, most lenient first; empty below k
    /// candidates.
    pub leniency: Vec<f64>,
}

/// The drift of scores from the first answer in a scorer's order to the last.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PositionEffect {
    /// Points gained (or lost, when negative) from the first position to the last, against the panel.
    pub slope: f64,
    /// The 95 % interval of the slope.
    pub low: f64,
    pub high: f64,
}

/// Scores per candidate per scorer.
type Table = BTreeMap<Uuid, BTreeMap<Uuid, f64>>;

/// The agreement in `table`; nothing computed with fewer than `k` candidates scored twice.
fn agreement(table: &Table, k: u64) -> Agreement {
    let scorers: BTreeSet<Uuid> = table.values().flat_map(|row| row.keys().copied()).collect();
    let candidates = table.values().filter(|row| row.len() >= 2).count() as u64;
    let mut agreement = Agreement {
        candidates: None,
        scorers: scorers.len() as u64,
        icc_single: None,
        icc_average: None,
        alpha_interval: None,
        alpha_ordinal: None,
        not_enough_data: candidates < k,
    };
    if agreement.not_enough_data {
        return agreement;
    }
    // The ICC needs a complete table: the candidates that every scorer scored.
    let complete: Vec<Vec<f64>> =
        table.values().filter(|row| row.len() == scorers.len()).map(|row| row.values().copied().collect()).collect();
    if complete.len() as u64 >= k
        && let Some(icc) = icc(&complete)
    {
        agreement.icc_single = Some(icc.icc_2_1);
        agreement.icc_average = Some(icc.icc_2_k);
    }
    let units: Vec<Vec<Option<f64>>> =
        table.values().map(|row| scorers.iter().map(|scorer| row.get(scorer).copied()).collect()).collect();
    agreement.candidates = Some(candidates);
    agreement.alpha_interval = krippendorff_alpha(&units, Level::Interval);
    agreement.alpha_ordinal = krippendorff_alpha(&units, Level::Ordinal);
    agreement
}

/// The table of one question's scores.
fn table_of<'a>(ratings: impl Iterator<Item = &'a Rating>) -> Table {
    let mut table = Table::new();
    for rating in ratings {
        table.entry(rating.candidate).or_default().insert(rating.scorer, rating.score);
    }
    table
}

/// The reliability of every vacancy in `ratings`, in the order of their ids.
pub fn vacancy_reliability(ratings: &[Rating], k: u64) -> Vec<VacancyReliability> {
    let mut by_vacancy: BTreeMap<Uuid, Vec<&Rating>> = BTreeMap::new();
    for rating in ratings {
        by_vacancy.entry(rating.vacancy).or_default().push(rating);
    }
    by_vacancy
        .into_iter()
        .map(|(vacancy, mine)| {
            let mut by_question: BTreeMap<Uuid, Vec<&Rating>> = BTreeMap::new();
            for rating in &mine {
                by_question.entry(rating.question).or_default().push(rating);
            }
            let questions: Vec<QuestionAgreement> = by_question
                .into_iter()
                .map(|(question, theirs)| QuestionAgreement {
                    question,
                    agreement: agreement(&table_of(theirs.into_iter()), k),
                })
                .collect();
            // Each scorer's mean per candidate over the questions they scored.
            let mut sums: BTreeMap<(Uuid, Uuid), (f64, f64)> = BTreeMap::new();
            for rating in &mine {
                let sum = sums.entry((rating.candidate, rating.scorer)).or_default();
                *sum = (sum.0 + rating.score, sum.1 + 1.0);
            }
            let mut overall = Table::new();
            for ((candidate, scorer), (sum, count)) in sums {
                overall.entry(candidate).or_default().insert(scorer, sum / count);
            }
            let overall = agreement(&overall, k);
            let leniency = if overall.not_enough_data { Vec::new() } else { leniency(&mine) };
            VacancyReliability { vacancy, questions, overall, leniency }
        })
        .collect()
}

/// Each rating's deviation from the mean of all scores on the same answer, for answers that two
/// scorers or more scored.
fn deviations<'a>(ratings: &[&'a Rating]) -> Vec<(&'a Rating, f64)> {
    let mut panel: BTreeMap<(Uuid, Uuid), (f64, f64)> = BTreeMap::new();
    for rating in ratings {
        let sum = panel.entry((rating.question, rating.candidate)).or_default();
        *sum = (sum.0 + rating.score, sum.1 + 1.0);
    }
    ratings
        .iter()
        .filter_map(|rating| {
            let (sum, count) = panel[&(rating.question, rating.candidate)];
            (count >= 2.0).then(|| (*rating, rating.score - sum / count))
        })
        .collect()
}

fn leniency(ratings: &[&Rating]) -> Vec<f64> {
    let mut per_scorer: BTreeMap<Uuid, (f64, f64)> = BTreeMap::new();
    for (rating, deviation) in deviations(ratings) {
        let sum = per_scorer.entry(rating.scorer).or_default();
        *sum = (sum.0 + deviation, sum.1 + 1.0);
    }
    let mut leniency: Vec<f64> = per_scorer.into_values().map(|(sum, count)| sum / count).collect();
    leniency.sort_by(|a, b| b.total_cmp(a));
    leniency
}

/// The slope of a score's deviation from the panel on its position in the scorer's order, the
/// position running from 0 (first) to 1 (last). `None` with fewer than `k` candidates.
pub fn position_effect(ratings: &[Rating], k: u64) -> Option<PositionEffect> {
    let all: Vec<&Rating> = ratings.iter().collect();
    let mut candidates = BTreeSet::new();
    let points: Vec<(f64, f64)> = deviations(&all)
        .into_iter()
        .filter_map(|(rating, deviation)| {
            let (position, length) = rating.position.filter(|(_, length)| *length >= 2)?;
            candidates.insert(rating.candidate);
            Some((f64::from(position) / f64::from(length - 1), deviation))
        })
        .collect();
    if (candidates.len() as u64) < k {
        return None;
    }
    let fitted = slope(&points)?;
    let margin = Z_95 * fitted.standard_error;
    Some(PositionEffect { slope: fitted.estimate, low: fitted.estimate - margin, high: fitted.estimate + margin })
}

/// The medians over every question of the pilot that had enough data: one line that says how
/// reliable the sift or the interview was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReliabilitySummary {
    /// Questions with enough data.
    pub questions: u64,
    pub median_icc_single: Option<f64>,
    pub median_icc_average: Option<f64>,
    pub median_alpha_interval: Option<f64>,
}

pub fn summary(vacancies: &[VacancyReliability]) -> ReliabilitySummary {
    let agreements: Vec<&Agreement> =
        vacancies.iter().flat_map(|v| &v.questions).map(|q| &q.agreement).filter(|a| !a.not_enough_data).collect();
    let median_of = |pick: fn(&Agreement) -> Option<f64>| median(agreements.iter().filter_map(|a| pick(a)).collect());
    ReliabilitySummary {
        questions: agreements.len() as u64,
        median_icc_single: median_of(|a| a.icc_single),
        median_icc_average: median_of(|a| a.icc_average),
        median_alpha_interval: median_of(|a| a.alpha_interval),
    }
}

/// The middle value, or the mean of the middle two; none of nothing.
pub(crate) fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// Shrout & Fleiss's table 2 as one question of one vacancy: six candidates by four scorers.
    fn shrout_fleiss() -> Vec<Rating> {
        let table = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];
        let mut ratings = Vec::new();
        for (candidate, row) in table.iter().enumerate() {
            for (scorer, &score) in row.iter().enumerate() {
                ratings.push(Rating {
                    vacancy: id(1),
                    question: id(2),
                    candidate: id(100 + candidate as u128),
                    scorer: id(10 + scorer as u128),
                    score: f64::from(score),
                    position: Some((candidate as u32, 6)),
                });
            }
        }
        ratings
    }

    #[test]
    fn a_question_reports_the_two_way_random_iccs_and_alpha() {
        let report = vacancy_reliability(&shrout_fleiss(), 5);
        let agreement = &report[0].questions[0].agreement;
        assert_eq!(agreement.candidates, Some(6));
        assert_eq!(agreement.scorers, 4);
        // Table 4: ICC(2,1) = .29, ICC(2,k) = .62.
        assert!((agreement.icc_single.expect("icc") - 0.29).abs() < 0.005);
        assert!((agreement.icc_average.expect("icc") - 0.62).abs() < 0.005);
        assert!(agreement.alpha_interval.is_some() && agreement.alpha_ordinal.is_some());
        // One question: the overall table is the same table.
        assert_eq!(report[0].overall.icc_single, agreement.icc_single);
    }

    /// The column means of table 2 are 7.67, 2.50, 4.33 and 6.67 against a grand mean of 5.29:
    /// the first scorer is the most lenient by 2.38 points, the second the strictest by 2.79.
    #[test]
    fn leniency_is_each_scorers_mean_deviation_from_the_panel() {
        let report = vacancy_reliability(&shrout_fleiss(), 5);
        let leniency = &report[0].leniency;
        assert_eq!(leniency.len(), 4);
        assert!((leniency[0] - (46.0 / 6.0 - 127.0 / 24.0)).abs() < 1e-9);
        assert!((leniency[3] - (15.0 / 6.0 - 127.0 / 24.0)).abs() < 1e-9);
        assert!(leniency.windows(2).all(|w| w[0] >= w[1]), "most lenient first");
    }

    #[test]
    fn nothing_is_computed_from_fewer_than_k_candidates() {
        let ratings = shrout_fleiss();
        let report = vacancy_reliability(&ratings, 7);
        let agreement = &report[0].questions[0].agreement;
        assert!(agreement.not_enough_data);
        assert_eq!((agreement.candidates, agreement.icc_single, agreement.alpha_interval), (None, None, None));
        assert!(report[0].leniency.is_empty());
        assert_eq!(position_effect(&ratings, 7), None);
    }

    #[test]
    fn missing_scores_leave_the_icc_to_complete_candidates_and_alpha_to_all() {
        let mut ratings = shrout_fleiss();
        // The fourth scorer skipped the last candidate: five complete rows remain for the ICC.
        ratings.retain(|r| !(r.scorer == id(13) && r.candidate == id(105)));
        let agreement = &vacancy_reliability(&ratings, 5)[0].questions[0].agreement;
        assert_eq!(agreement.candidates, Some(6));
        assert!(agreement.icc_single.is_some() && agreement.alpha_interval.is_some());
        let agreement = &vacancy_reliability(&ratings, 6)[0].questions[0].agreement;
        assert_eq!(agreement.icc_single, None, "five complete candidates are fewer than k = 6");
        assert!(agreement.alpha_interval.is_some());
    }

    /// Two scorers see ten candidates in opposite orders and both take 0.2 points off per
    /// position. Against the panel every score then lies on one line: from the first position to
    /// the last (nine steps) a score falls 1.8 points, with nothing left to chance.
    #[test]
    fn scores_that_fall_down_the_order_give_a_negative_slope() {
        let mut ratings = Vec::new();
        for candidate in 0..10u32 {
            for (scorer, position) in [(10, candidate), (11, 9 - candidate)] {
                ratings.push(Rating {
                    vacancy: id(1),
                    question: id(2),
                    candidate: id(100 + u128::from(candidate)),
                    scorer: id(scorer),
                    score: f64::from(candidate % 4) - 0.2 * f64::from(position),
                    position: Some((position, 10)),
                });
            }
        }
        let effect = position_effect(&ratings, 5).expect("enough candidates");
        assert!((effect.slope - -1.8).abs() < 1e-9, "{effect:?}");
        assert!((effect.high - effect.low).abs() < 1e-9, "an exact line has no spread");
        // Without the drift there is nothing to find.
        for rating in &mut ratings {
            rating.score = f64::from(rating.candidate.as_u128() as u32 % 4);
        }
        assert!(position_effect(&ratings, 5).expect("enough").slope.abs() < 1e-12);
    }

    #[test]
    fn the_summary_takes_medians_over_questions_with_enough_data() {
        let report = vacancy_reliability(&shrout_fleiss(), 5);
        let summary = summary(&report);
        assert_eq!(summary.questions, 1);
        assert_eq!(summary.median_icc_single, report[0].questions[0].agreement.icc_single);
        assert_eq!(median(vec![3.0, 1.0, 2.0, 10.0]), Some(2.5));
    }
}
