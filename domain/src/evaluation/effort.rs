//! Effort and drop-out per arm: how many started an application, how many reached each page of the
//! questionnaire and left there, how many submitted, how long submitting took (the median minutes
//! from start to submission), and how long hiring took (the median days from the closing date to
//! the first hire), for the whole pilot or a view of it. Counts of fewer than k people are hidden,
//! and so is every count that the views beside it would give back; no share rests on a hidden
//! count or a denominator below k, and no median on fewer than k values.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::application::Step;
use crate::evaluation::reliability::median;
use crate::evaluation::views::{LinkedCounts, Slices, View};
use crate::statistics::proportions::Rate;
use crate::statistics::suppression::rate_visible;
use crate::vacancy::Arm;

/// One draft: its arm, where its vacancy falls for the filters, the furthest page it reached (a
/// draft starts on the first), and the minutes from its start to its submission (none when it was
/// not submitted).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attempt {
    pub arm: Arm,
    pub slices: Slices,
    pub furthest: Step,
    pub minutes_to_submit: Option<f64>,
}

/// A vacancy's first hire: its arm, where it falls for the filters, and the days from the closing
/// date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hire {
    pub arm: Arm,
    pub slices: Slices,
    pub days: f64,
}

/// One arm's effort and drop-out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArmEffort {
    pub arm: Arm,
    /// Drafts started.
    pub started: Option<u64>,
    /// Every page in order.
    pub pages: Vec<PageReach>,
    pub submitted: Option<u64>,
    /// The median minutes from start to submission.
    pub median_minutes_to_submit: Option<f64>,
    /// Vacancies with a hire.
    pub hires: Option<u64>,
    /// The median days from the closing date to the first hire.
    pub median_days_to_hire: Option<f64>,
}

/// One page of the questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PageReach {
    pub step: Step,
    /// Drafts that reached the page.
    pub reached: Option<u64>,
    /// Of those, the share that went no further: to the next page, or to submitting after the last.
    pub left: Option<f64>,
}

/// What is counted per view: drafts started, drafts that reached each page, drafts submitted, and
/// vacancies with a hire.
const COLUMNS: usize = Step::ALL.len() + 3;
const SUBMITTED: usize = COLUMNS - 2;
const HIRES: usize = COLUMNS - 1;

/// The effort and drop-out of each arm in `view`. Its counts are suppressed together with those of
/// every other view ([`LinkedCounts`]); a median needs its count shown and `k` or more.
pub fn effort(attempts: &[Attempt], hires: &[Hire], view: View, k: u64) -> Vec<ArmEffort> {
    [Arm::Pilot, Arm::Control]
        .into_iter()
        .map(|arm| {
            let mut tallies: HashMap<Slices, Vec<u64>> = HashMap::new();
            for attempt in attempts.iter().filter(|a| a.arm == arm) {
                let tally = tallies.entry(attempt.slices).or_insert_with(|| vec![0; COLUMNS]);
                // Submitting passes every page.
                let submitted = attempt.minutes_to_submit.is_some();
                tally[0] += 1;
                for (i, &step) in Step::ALL.iter().enumerate() {
                    tally[1 + i] += u64::from(submitted || attempt.furthest >= step);
                }
                tally[SUBMITTED] += u64::from(submitted);
            }
            for hire in hires.iter().filter(|h| h.arm == arm) {
                tallies.entry(hire.slices).or_insert_with(|| vec![0; COLUMNS])[HIRES] += 1;
            }
            let shown = LinkedCounts::of(&tallies, (1, COLUMNS), &[], k).shown(0, view);
            let pages = Step::ALL
                .iter()
                .enumerate()
                .map(|(i, &step)| {
                    // Further: the next page, or submitting after the last.
                    let (here, further) = (shown[1 + i], shown[2 + i]);
                    let rate = here.zip(further).map(|(h, f)| Rate::new(h - f, h)).filter(|r| rate_visible(*r, k));
                    PageReach { step, reached: here, left: rate.and_then(Rate::share) }
                })
                .collect();
            let enough = |count: Option<u64>| count.is_some_and(|n| n >= k && n > 0);
            let minutes: Vec<f64> = attempts
                .iter()
                .filter(|a| a.arm == arm && view.contains(&a.slices))
                .filter_map(|a| a.minutes_to_submit)
                .collect();
            let days: Vec<f64> =
                hires.iter().filter(|h| h.arm == arm && view.contains(&h.slices)).map(|h| h.days).collect();
            ArmEffort {
                arm,
                started: shown[0],
                pages,
                submitted: shown[SUBMITTED],
                median_minutes_to_submit: enough(shown[SUBMITTED]).then(|| median(minutes)).flatten(),
                hires: shown[HIRES],
                median_days_to_hire: enough(shown[HIRES]).then(|| median(days)).flatten(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempts(n: usize, furthest: Step, minutes: Option<f64>) -> Vec<Attempt> {
        vec![Attempt { arm: Arm::Pilot, slices: Slices::default(), furthest, minutes_to_submit: minutes }; n]
    }

    /// Worked by hand: 40 started; 4 stopped on the first page, 6 on the questions, 30 submitted
    /// in 20, 30 or 40 minutes (median 30).
    #[test]
    fn drop_out_is_counted_per_page_and_submitting_passes_every_page() {
        let mut all = attempts(4, Step::Privacy, None);
        all.extend(attempts(6, Step::Questions, None));
        for minutes in [20.0, 30.0, 40.0] {
            all.extend(attempts(10, Step::Review, Some(minutes)));
        }
        let hires: Vec<Hire> = [10.0, 20.0, 30.0, 40.0, 50.0]
            .map(|days| Hire { arm: Arm::Pilot, slices: Slices::default(), days })
            .to_vec();
        let pilot = &effort(&all, &hires, View::default(), 5)[0];
        assert_eq!((pilot.started, pilot.submitted), (Some(40), Some(30)));
        let reached: Vec<Option<u64>> = pilot.pages.iter().map(|p| p.reached).collect();
        assert_eq!(reached, [Some(40), Some(36), Some(36), Some(30), Some(30)]);
        assert_eq!(pilot.pages[0].left, Some(4.0 / 40.0), "four left on the first page");
        assert_eq!(pilot.pages[2].left, Some(6.0 / 36.0), "six left on the questions");
        assert_eq!((pilot.pages[1].left, pilot.pages[4].left), (Some(0.0), Some(0.0)));
        assert_eq!(
            (pilot.median_minutes_to_submit, pilot.hires, pilot.median_days_to_hire),
            (Some(30.0), Some(5), Some(30.0))
        );
        let control = &effort(&all, &hires, View::default(), 5)[1];
        assert_eq!(
            (control.started, control.median_minutes_to_submit, control.median_days_to_hire),
            (Some(0), None, None)
        );
    }

    /// Three who left on one page are hidden, and so is every share that would give them back.
    #[test]
    fn small_counts_are_hidden_and_nothing_rests_on_them() {
        let mut all = attempts(3, Step::Privacy, None);
        all.extend(attempts(4, Step::Review, Some(12.0)));
        let hires = [Hire { arm: Arm::Pilot, slices: Slices::default(), days: 9.0 }];
        let pilot = &effort(&all, &hires, View::default(), 5)[0];
        assert_eq!((pilot.started, pilot.submitted), (Some(7), None));
        assert_eq!(pilot.pages[0].left, None, "7 reached the first page, but only 4 the next: hidden");
        assert_eq!((pilot.median_minutes_to_submit, pilot.hires, pilot.median_days_to_hire), (None, None, None));
    }

    /// Filtered to one organisation: its 3 drafts are hidden, and so is the other's 40, which the
    /// whole pilot's 43 would give the 3 back with.
    #[test]
    fn a_view_gives_no_hidden_count_back_with_the_whole() {
        let at = |organisation: u128, n: usize| -> Vec<Attempt> {
            let slices = Slices { organisation: uuid::Uuid::from_u128(organisation), ..Slices::default() };
            attempts(n, Step::Review, Some(10.0)).into_iter().map(|a| Attempt { slices, ..a }).collect()
        };
        let all = [at(1, 40), at(2, 3)].concat();
        let organisation = |n: u128| View { organisation: Some(uuid::Uuid::from_u128(n)), ..View::default() };
        let pilot = |view: View| effort(&all, &[], view, 5).remove(0);
        assert_eq!(
            (pilot(View::default()).started, pilot(View::default()).median_minutes_to_submit),
            (Some(43), Some(10.0))
        );
        assert_eq!((pilot(organisation(1)).started, pilot(organisation(2)).started), (None, None));
        assert_eq!(pilot(organisation(1)).median_minutes_to_submit, None, "no median from a hidden count");
    }
}
