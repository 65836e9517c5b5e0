//! Effort and drop-out per arm: how many started an application, how many reached each page of the
//! questionnaire and left there, how many submitted, how long submitting took (the median minutes
//! from start to submission), and how long hiring took (the median days from the closing date to
//! the first hire). Counts of fewer than k people are hidden, no share rests on a hidden count or a
//! denominator below k, and no median on fewer than k values.

use serde::{Deserialize, Serialize};

use crate::application::Step;
use crate::evaluation::reliability::median;
use crate::statistics::proportions::Rate;
use crate::statistics::suppression::rate_visible;
use crate::vacancy::Arm;

/// One draft: its arm, the furthest page it reached (a draft starts on the first), and the minutes
/// from its start to its submission (none when it was not submitted).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attempt {
    pub arm: Arm,
    pub furthest: Step,
    pub minutes_to_submit: Option<f64>,
}

/// A vacancy's first hire: its arm and the days from the closing date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hire {
    pub arm: Arm,
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

/// The effort and drop-out of each arm.
pub fn effort(attempts: &[Attempt], hires: &[Hire], k: u64) -> Vec<ArmEffort> {
    let shown = |n: u64| (n == 0 || n >= k).then_some(n);
    [Arm::Pilot, Arm::Control]
        .into_iter()
        .map(|arm| {
            let mine: Vec<&Attempt> = attempts.iter().filter(|a| a.arm == arm).collect();
            let submitted = mine.iter().filter(|a| a.minutes_to_submit.is_some()).count() as u64;
            // Submitting passes every page.
            let reached =
                |step: Step| mine.iter().filter(|a| a.minutes_to_submit.is_some() || a.furthest >= step).count() as u64;
            let pages = Step::ALL
                .iter()
                .enumerate()
                .map(|(i, &step)| {
                    let here = reached(step);
                    let further = Step::ALL.get(i + 1).map_or(submitted, |&next| reached(next));
                    let rate = Rate::new(here - further, here);
                    let visible = shown(here).is_some() && shown(further).is_some() && rate_visible(rate, k);
                    PageReach { step, reached: shown(here), left: visible.then(|| rate.share()).flatten() }
                })
                .collect();
            let minutes: Vec<f64> = mine.iter().filter_map(|a| a.minutes_to_submit).collect();
            let days: Vec<f64> = hires.iter().filter(|h| h.arm == arm).map(|h| h.days).collect();
            let hired = days.len() as u64;
            ArmEffort {
                arm,
                started: shown(mine.len() as u64),
                pages,
                submitted: shown(submitted),
                median_minutes_to_submit: (submitted >= k).then(|| median(minutes)).flatten(),
                hires: shown(hired),
                median_days_to_hire: (hired >= k).then(|| median(days)).flatten(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempts(n: usize, furthest: Step, minutes: Option<f64>) -> Vec<Attempt> {
        vec![Attempt { arm: Arm::Pilot, furthest, minutes_to_submit: minutes }; n]
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
        let hires: Vec<Hire> = [10.0, 20.0, 30.0, 40.0, 50.0].map(|days| Hire { arm: Arm::Pilot, days }).to_vec();
        let pilot = &effort(&all, &hires, 5)[0];
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
        let control = &effort(&all, &hires, 5)[1];
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
        let hires = [Hire { arm: Arm::Pilot, days: 9.0 }];
        let pilot = &effort(&all, &hires, 5)[0];
        assert_eq!((pilot.started, pilot.submitted), (Some(7), None));
        assert_eq!(pilot.pages[0].left, None, "7 reached the first page, but only 4 the next: hidden");
        assert_eq!((pilot.median_minutes_to_submit, pilot.hires, pilot.median_days_to_hire), (None, None, None));
    }
}
