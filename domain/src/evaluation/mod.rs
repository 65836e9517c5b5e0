//! The funnel of a pilot: per arm, per group of a monitoring variable, per stage (applied → passed
//! the sift → interviewed → offered → hired), the count, the pass-through rate from the stage before
//! with its Wilson interval, the adverse-impact ratio against the group with the highest rate
//! (flagged below four fifths, exactly) and Fisher's exact test against that group. Small cells are
//! suppressed with a complementary cell, and no rate or ratio is computed from a hidden count. The
//! difference in differences compares a group's gap between the arms; `reliability` says how far
//! the scorers agreed.
//!
//! The dashboard can be filtered to the vacancies of an organisation, a quarter, a salary band, or
//! any combination of them (a [`View`]). The tables of every view are suppressed together, so the
//! difference between one view's table and those of the views beside it never gives a hidden cell
//! back.

pub mod effort;
pub mod experience;
pub mod microdata;
pub mod reliability;
mod views;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::monitoring::MonitoringAnswers;
use crate::statistics::did::{VacancyCounts, difference_in_differences};
use crate::statistics::proportions::{Rate, Z_95, below_four_fifths, fisher_exact, highest, impact_ratio, wilson};
use crate::statistics::suppression::rate_visible;
use crate::vacancy::Arm;
use views::LinkedCounts;
pub use views::{InvalidQuarter, Quarter, Slices, View};

/// A stage of the procedure, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Applied,
    PassedSift,
    Interviewed,
    Offered,
    Hired,
}

impl Stage {
    pub const ALL: [Stage; 5] = [Stage::Applied, Stage::PassedSift, Stage::Interviewed, Stage::Offered, Stage::Hired];

    /// The stage an event of the procedure records, if any.
    pub fn of_event(kind: &str) -> Option<Stage> {
        match kind {
            "submitted" => Some(Stage::Applied),
            "shortlisted" => Some(Stage::PassedSift),
            "interviewed" => Some(Stage::Interviewed),
            "offered" => Some(Stage::Offered),
            "hired" => Some(Stage::Hired),
            _ => None,
        }
    }

    /// The kind of event that records this stage.
    pub fn event(self) -> &'static str {
        match self {
            Stage::Applied => "submitted",
            Stage::PassedSift => "shortlisted",
            Stage::Interviewed => "interviewed",
            Stage::Offered => "offered",
            Stage::Hired => "hired",
        }
    }

    /// The name on the wire and in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Applied => "applied",
            Stage::PassedSift => "passed_sift",
            Stage::Interviewed => "interviewed",
            Stage::Offered => "offered",
            Stage::Hired => "hired",
        }
    }

    /// Its place in `Stage::ALL`.
    pub fn index(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or_default()
    }
}

/// The monitoring variable the funnel is broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Variable {
    /// Born in the Netherlands or not (CBS herkomst, first generation).
    BornInNetherlands,
    /// Origin: the Netherlands, elsewhere in Europe, or outside Europe.
    OutsideEurope,
    /// Origin by continent.
    Continent,
    Gender,
    AgeBand,
    Disability,
    Education,
}

impl Variable {
    pub const ALL: [Variable; 7] = [
        Variable::BornInNetherlands,
        Variable::OutsideEurope,
        Variable::Continent,
        Variable::Gender,
        Variable::AgeBand,
        Variable::Disability,
        Variable::Education,
    ];

    /// The name on the wire and in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Variable::BornInNetherlands => "born_in_netherlands",
            Variable::OutsideEurope => "outside_europe",
            Variable::Continent => "continent",
            Variable::Gender => "gender",
            Variable::AgeBand => "age_band",
            Variable::Disability => "disability",
            Variable::Education => "education",
        }
    }
}

/// What is known of one applicant for grouping: their answers and the derived herkomst.
#[derive(Debug, Clone, Default)]
pub struct Background<'a> {
    pub answers: Option<&'a MonitoringAnswers>,
    pub born_in_netherlands: Option<bool>,
    pub continent: Option<&'a str>,
}

/// The group an applicant falls in for `variable`; `unknown` when they did not say.
pub fn group_of(variable: Variable, background: &Background) -> String {
    let name = |value: serde_json::Value| value.as_str().map(str::to_owned);
    let answer = |pick: fn(&MonitoringAnswers) -> Option<serde_json::Value>| background.answers.and_then(pick);
    let group = match variable {
        Variable::BornInNetherlands => {
            background.born_in_netherlands.map(|nl| if nl { "netherlands" } else { "abroad" }.to_owned())
        }
        Variable::OutsideEurope => background.continent.map(|c| {
            match c {
                "netherlands" => "netherlands",
                "europe" => "europe",
                _ => "outside_europe",
            }
            .to_owned()
        }),
        Variable::Continent => background.continent.map(str::to_owned),
        Variable::Gender => answer(|a| serde_json::to_value(a.gender?).ok()).and_then(name),
        Variable::AgeBand => answer(|a| serde_json::to_value(a.age_band?).ok()).and_then(name),
        Variable::Disability => answer(|a| serde_json::to_value(a.disability?).ok()).and_then(name),
        Variable::Education => answer(|a| serde_json::to_value(a.education?).ok()).and_then(name),
    };
    group.unwrap_or_else(|| "unknown".to_owned())
}

/// One applicant as the funnel counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The vacancy they applied to: the unit of assignment, resampled by the bootstrap.
    pub vacancy: Uuid,
    pub arm: Arm,
    pub group: String,
    /// The furthest stage reached (every earlier stage counts as passed).
    pub reached: Stage,
    /// Where their vacancy falls for each filter.
    pub slices: Slices,
}

/// The funnel of one arm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArmFunnel {
    pub arm: Arm,
    /// The groups, in the order of the cells.
    pub groups: Vec<String>,
    pub stages: Vec<StageRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageRow {
    pub stage: Stage,
    /// Everyone of the arm at this stage; hidden below k.
    pub total: Option<u64>,
    pub cells: Vec<FunnelCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FunnelCell {
    pub group: String,
    /// Hidden (`None`) when from fewer than k people, or to protect such a cell.
    pub count: Option<u64>,
    /// The share of the group's people at the stage before who reached this one.
    pub rate: Option<f64>,
    pub interval: Option<(f64, f64)>,
    /// The rate divided by the highest group's rate at this stage.
    pub impact_ratio: Option<f64>,
    /// Below four fifths, decided exactly.
    pub adverse_impact: bool,
    /// Fisher's exact test against the group with the highest rate.
    pub fisher_p: Option<f64>,
    /// Too few people to say anything: the rate is not shown.
    pub not_enough_data: bool,
}

/// The funnel of `people` by arm, group and stage, overall or in one `view`, with nothing computed
/// from fewer than `k`: counts are suppressed together with those of every other view
/// ([`LinkedCounts`]), and a rate needs its count and its denominator shown.
pub fn funnel(people: &[Person], view: View, k: u64) -> Vec<ArmFunnel> {
    let mut arms = Vec::new();
    for arm in [Arm::Pilot, Arm::Control] {
        let mine: Vec<(&str, Slices, Stage)> =
            people.iter().filter(|p| p.arm == arm).map(|p| (p.group.as_str(), p.slices, p.reached)).collect();
        let linked = GroupCounts::of(&mine, k);
        let groups = linked.groups.clone();
        let mut stages = Vec::new();
        let mut shown_before: Vec<Option<u64>> = vec![None; groups.len()];
        for stage in Stage::ALL {
            let shown = linked.shown(stage, view);
            // A rate needs its count and its denominator shown, and a denominator of k or more.
            let rates: Vec<Option<Rate>> = (0..groups.len())
                .map(|i| match (stage, shown.cells[i], shown_before[i]) {
                    (Stage::Applied, _, _) => None,
                    (_, Some(selected), Some(total)) => {
                        Some(Rate::new(selected, total)).filter(|r| rate_visible(*r, k))
                    }
                    _ => None,
                })
                .collect();
            let visible: Vec<Rate> = rates.iter().flatten().copied().collect();
            let reference = highest(&visible);
            let cells = groups
                .iter()
                .enumerate()
                .map(|(i, group)| {
                    let rate = rates[i];
                    let against = rate.zip(reference);
                    FunnelCell {
                        group: group.clone(),
                        count: shown.cells[i],
                        rate: rate.and_then(Rate::share),
                        interval: rate.and_then(|r| wilson(r, Z_95)),
                        impact_ratio: against.and_then(|(r, h)| impact_ratio(r, h)),
                        adverse_impact: against.is_some_and(|(r, h)| below_four_fifths(r, h)),
                        fisher_p: against.filter(|(r, h)| r != h).map(|(r, h)| {
                            fisher_exact([[r.selected, r.total - r.selected], [h.selected, h.total - h.selected]])
                        }),
                        not_enough_data: stage != Stage::Applied && rate.is_none(),
                    }
                })
                .collect();
            stages.push(StageRow { stage, total: shown.total, cells });
            shown_before = shown.cells;
        }
        arms.push(ArmFunnel { arm, groups, stages });
    }
    arms
}

/// People counted per group at every stage in every view they are in, suppressed together
/// ([`LinkedCounts`]): a column per group and their total, a layer per stage.
struct GroupCounts {
    groups: Vec<String>,
    linked: LinkedCounts,
}

/// What a view shows of one stage.
struct Shown {
    cells: Vec<Option<u64>>,
    total: Option<u64>,
}

impl GroupCounts {
    /// `people` as their group, their vacancy's slices and the furthest stage they reached.
    fn of(people: &[(&str, Slices, Stage)], k: u64) -> GroupCounts {
        let mut groups: Vec<String> = people.iter().map(|(group, _, _)| (*group).to_owned()).collect();
        groups.sort();
        groups.dedup();
        let group_of: HashMap<&str, usize> = groups.iter().enumerate().map(|(i, g)| (g.as_str(), i)).collect();
        let width = groups.len() + 1;
        let mut tallies: HashMap<Slices, Vec<u64>> = HashMap::new();
        for &(group, slices, furthest) in people {
            let tally = tallies.entry(slices).or_insert_with(|| vec![0; Stage::ALL.len() * width]);
            for stage in 0..=furthest.index() {
                tally[stage * width + group_of[group]] += 1;
                tally[stage * width + width - 1] += 1;
            }
        }
        let linked = LinkedCounts::of(&tallies, (Stage::ALL.len(), width), &[(0..width).collect()], k);
        GroupCounts { groups, linked }
    }

    /// What `view` shows at `stage`.
    fn shown(&self, stage: Stage, view: View) -> Shown {
        let mut cells = self.linked.shown(stage.index(), view);
        let total = cells.pop().flatten();
        Shown { cells, total }
    }
}

/// Whose applicants a column of the pool's composition counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Pool {
    PilotArm,
    ControlArm,
    /// The same organisations' vacancies in as long a period before the pilot.
    Earlier,
}

/// One pool by group: the count and the share of the pool, with its 95 % Wilson interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PoolColumn {
    pub pool: Pool,
    /// Everyone in the pool; hidden below k.
    pub total: Option<u64>,
    /// In the order of the composition's groups.
    pub cells: Vec<PoolCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PoolCell {
    /// Hidden (`None`) when from fewer than k people, or to protect such a cell.
    pub count: Option<u64>,
    pub share: Option<f64>,
    pub interval: Option<(f64, f64)>,
}

/// The composition of the applicant pool by group in `view`: who applied in the pilot arm and in
/// the control arm, as the funnel counts them (and hides them), and who applied to the same
/// organisations' vacancies in the period before the pilot (`earlier`, each applicant's group and
/// their vacancy's slices), suppressed across views as the funnel is. The earlier period has
/// quarters of its own: in a view of one quarter it is the whole period, of that view's
/// organisation and band. A share needs its count and its pool's total shown, and a total of `k`
/// or more. Returns the groups, in order, and a column per pool.
pub fn composition(
    people: &[Person],
    earlier: &[(String, Slices)],
    view: View,
    k: u64,
) -> (Vec<String>, Vec<PoolColumn>) {
    let arms = funnel(people, view, k);
    let before: Vec<(&str, Slices, Stage)> = earlier.iter().map(|(g, s)| (g.as_str(), *s, Stage::Applied)).collect();
    let linked = GroupCounts::of(&before, k);
    let earlier = linked.shown(Stage::Applied, View { quarter: None, ..view });
    let mut groups: Vec<String> = arms.iter().flat_map(|arm| arm.groups.iter().cloned()).collect();
    groups.extend(linked.groups.iter().cloned());
    groups.sort();
    groups.dedup();
    let column = |pool: Pool, (of, cells, total): (&[String], &[Option<u64>], Option<u64>)| {
        let cells = groups
            .iter()
            .map(|g| {
                let count = of.iter().position(|x| x == g).map_or(Some(0), |i| cells[i]);
                let rate = count.zip(total).map(|(n, t)| Rate::new(n, t)).filter(|r| rate_visible(*r, k));
                PoolCell { count, share: rate.and_then(Rate::share), interval: rate.and_then(|r| wilson(r, Z_95)) }
            })
            .collect();
        PoolColumn { pool, total, cells }
    };
    let mut columns = Vec::new();
    for (pool, arm) in [(Pool::PilotArm, Arm::Pilot), (Pool::ControlArm, Arm::Control)] {
        let Some(funnel) = arms.iter().find(|f| f.arm == arm) else { continue };
        let applied = &funnel.stages[Stage::Applied.index()];
        let counts: Vec<Option<u64>> = applied.cells.iter().map(|c| c.count).collect();
        columns.push(column(pool, (&funnel.groups, &counts, applied.total)));
    }
    columns.push(column(Pool::Earlier, (&linked.groups, &earlier.cells, earlier.total)));
    (groups, columns)
}

/// One group's difference in differences at a stage, against the reference group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DidRow {
    pub group: String,
    /// The group's pass-through rate minus the reference group's, in the pilot arm.
    pub pilot_gap: Option<f64>,
    /// The same in the control arm.
    pub control_gap: Option<f64>,
    /// Pilot gap minus control gap: positive means the pilot narrowed a gap to the group's favour.
    pub estimate: Option<f64>,
    /// The 95 % percentile bootstrap interval over vacancies; none with fewer than two vacancies in
    /// an arm.
    pub interval: Option<(f64, f64)>,
    /// One of the four rates rests on fewer than k people: nothing is computed.
    pub not_enough_data: bool,
}

/// The difference in differences at `stage` (the pass-through from the stage before) of every group
/// against `reference`, overall or in one `view`, bootstrapped over vacancies within each arm with
/// `resamples` draws from `seed`. Nothing is computed where the funnel of the view hides one of the
/// counts the rates rest on, or where a pooled denominator has fewer than `k` people.
pub fn differences_in_differences(
    people: &[Person],
    (view, stage): (View, Stage),
    reference: &str,
    k: u64,
    (resamples, seed): (usize, u64),
) -> Vec<DidRow> {
    let before = Stage::ALL[stage.index().saturating_sub(1)];
    let arms = funnel(people, view, k);
    let shown = |arm: Arm, group: &str| -> bool {
        let Some(funnel) = arms.iter().find(|f| f.arm == arm) else { return false };
        let Some(i) = funnel.groups.iter().position(|g| g == group) else { return false };
        [before, stage].iter().all(|s| funnel.stages[s.index()].cells[i].count.is_some())
    };
    let people: Vec<&Person> = people.iter().filter(|p| view.contains(&p.slices)).collect();
    // Per vacancy and group: (passed the stage, reached the stage before), counted once.
    let mut counts: HashMap<(Uuid, &str), (u64, u64)> = HashMap::new();
    for person in people.iter().filter(|p| p.reached >= before) {
        let count = counts.entry((person.vacancy, person.group.as_str())).or_default();
        *count = (count.0 + u64::from(person.reached >= stage), count.1 + 1);
    }
    let rate = |group: &str, vacancy: Uuid| {
        let (passed, total) = counts.get(&(vacancy, group)).copied().unwrap_or_default();
        Rate::new(passed, total)
    };
    let vacancies = |arm: Arm| {
        let mut ids: Vec<Uuid> = people.iter().filter(|p| p.arm == arm).map(|p| p.vacancy).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let (pilot, control) = (vacancies(Arm::Pilot), vacancies(Arm::Control));
    let mut groups: Vec<String> = people.iter().map(|p| p.group.clone()).filter(|g| g != reference).collect();
    groups.sort();
    groups.dedup();
    groups
        .into_iter()
        .map(|group| {
            let counts = |ids: &[Uuid]| -> Vec<VacancyCounts> {
                ids.iter().map(|&v| VacancyCounts { group: rate(&group, v), reference: rate(reference, v) }).collect()
            };
            let (p, c) = (counts(&pilot), counts(&control));
            let enough = |arm: &[VacancyCounts]| {
                let group: u64 = arm.iter().map(|v| v.group.total).sum();
                let reference: u64 = arm.iter().map(|v| v.reference.total).sum();
                group >= k && reference >= k
            };
            let shown = [Arm::Pilot, Arm::Control].iter().all(|&arm| shown(arm, &group) && shown(arm, reference));
            let did = (stage != Stage::Applied && shown && enough(&p) && enough(&c))
                .then(|| difference_in_differences(&p, &c, resamples, seed))
                .flatten();
            DidRow {
                group,
                pilot_gap: did.map(|d| d.pilot_gap),
                control_gap: did.map(|d| d.control_gap),
                estimate: did.map(|d| d.estimate),
                // Resampling one vacancy says nothing about the spread between vacancies.
                interval: did.filter(|_| p.len() >= 2 && c.len() >= 2).map(|d| (d.low, d.high)),
                not_enough_data: did.is_none(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pilot::ScaleBand;

    fn people(arm: Arm, group: &str, reached: &[(Stage, usize)]) -> Vec<Person> {
        reached
            .iter()
            .flat_map(|&(stage, n)| {
                (0..n).map(move |i| Person {
                    vacancy: Uuid::from_u128(i as u128 % 3),
                    arm,
                    group: group.to_owned(),
                    reached: stage,
                    slices: Slices::default(),
                })
            })
            .collect()
    }

    /// Worked by hand: 80 born in the Netherlands apply, 48 pass the sift (60 %); 40 born abroad
    /// apply, 12 pass (30 %): the Uniform Guidelines' example, a ratio of 0.5, flagged.
    #[test]
    fn the_funnel_counts_rates_and_flags_adverse_impact() {
        let mut all = people(Arm::Pilot, "netherlands", &[(Stage::Applied, 32), (Stage::PassedSift, 48)]);
        all.extend(people(Arm::Pilot, "abroad", &[(Stage::Applied, 28), (Stage::PassedSift, 12)]));
        let funnel = funnel(&all, View::default(), 5);
        let pilot = &funnel[0];
        assert_eq!(pilot.groups, ["abroad", "netherlands"]);
        let applied = &pilot.stages[0];
        assert_eq!((applied.total, applied.cells[0].count, applied.cells[1].count), (Some(120), Some(40), Some(80)));
        let sift = &pilot.stages[1];
        let (abroad, dutch) = (&sift.cells[0], &sift.cells[1]);
        assert_eq!((abroad.rate, dutch.rate), (Some(0.3), Some(0.6)));
        assert_eq!((abroad.impact_ratio, dutch.impact_ratio), (Some(0.5), Some(1.0)));
        assert!(abroad.adverse_impact && !dutch.adverse_impact);
        assert!(abroad.fisher_p.expect("tested") < 0.01 && dutch.fisher_p.is_none());
        // Nobody got further: no rate from an empty stage is a rate of zero, not missing data.
        assert_eq!(pilot.stages[2].cells[0].rate, Some(0.0));
        assert!(funnel[1].groups.is_empty(), "no control vacancies");
    }

    /// Three people in a group are hidden, and so is a partner cell; no rate is computed from them.
    #[test]
    fn small_groups_are_suppressed_and_say_not_enough_data() {
        let mut all = people(Arm::Control, "netherlands", &[(Stage::Applied, 8), (Stage::PassedSift, 10)]);
        all.extend(people(Arm::Control, "abroad", &[(Stage::Applied, 12), (Stage::PassedSift, 8)]));
        all.extend(people(Arm::Control, "unknown", &[(Stage::PassedSift, 3)]));
        let control = &funnel(&all, View::default(), 5)[1];
        let applied = &control.stages[0];
        let hidden: Vec<&str> = applied.cells.iter().filter(|c| c.count.is_none()).map(|c| c.group.as_str()).collect();
        assert_eq!(hidden, ["netherlands", "unknown"], "the 3, and the smallest other cell (18) as its partner");
        let sift = &control.stages[1];
        let unknown = sift.cells.iter().find(|c| c.group == "unknown").expect("cell");
        assert!(unknown.count.is_none() && unknown.rate.is_none() && unknown.not_enough_data);
        let dutch = sift.cells.iter().find(|c| c.group == "netherlands").expect("cell");
        assert!(dutch.rate.is_none(), "its denominator is hidden");
    }

    #[test]
    fn groups_come_from_the_monitoring_answers() {
        let answers = MonitoringAnswers { gender: Some(crate::monitoring::Gender::Woman), ..Default::default() };
        let background =
            Background { answers: Some(&answers), born_in_netherlands: Some(false), continent: Some("asia") };
        assert_eq!(group_of(Variable::Gender, &background), "woman");
        assert_eq!(group_of(Variable::BornInNetherlands, &background), "abroad");
        assert_eq!(group_of(Variable::OutsideEurope, &background), "outside_europe");
        assert_eq!(group_of(Variable::Continent, &background), "asia");
        assert_eq!(group_of(Variable::Education, &background), "unknown");
        assert_eq!(group_of(Variable::Gender, &Background::default()), "unknown");
    }

    /// Worked by hand: in the pilot arm 30 of 100 born abroad pass the sift against 40 of 100 born
    /// here (a gap of −0.10); in the control arm 20 of 100 against 40 of 100 (−0.20): +0.10.
    #[test]
    fn the_difference_in_differences_compares_the_gaps_of_the_two_arms() {
        let mut all = Vec::new();
        let mut add = |arm: Arm, vacancy: u128, group: &str, passed: usize, failed: usize| {
            for i in 0..passed + failed {
                let reached = if i < passed { Stage::PassedSift } else { Stage::Applied };
                let slices = Slices::default();
                all.push(Person { vacancy: Uuid::from_u128(vacancy), arm, group: group.to_owned(), reached, slices });
            }
        };
        add(Arm::Pilot, 1, "abroad", 15, 35);
        add(Arm::Pilot, 2, "abroad", 15, 35);
        add(Arm::Pilot, 1, "netherlands", 20, 30);
        add(Arm::Pilot, 2, "netherlands", 20, 30);
        add(Arm::Control, 3, "abroad", 10, 40);
        add(Arm::Control, 4, "abroad", 10, 40);
        add(Arm::Control, 3, "netherlands", 20, 30);
        add(Arm::Control, 4, "netherlands", 20, 30);
        add(Arm::Control, 4, "unknown", 1, 2);
        add(Arm::Control, 4, "anders", 4, 4);
        let rows = differences_in_differences(&all, (View::default(), Stage::PassedSift), "netherlands", 5, (500, 9));
        assert_eq!(rows.len(), 3);
        let abroad = &rows[0];
        assert!((abroad.estimate.expect("computed") - 0.10).abs() < 1e-12);
        assert!((abroad.pilot_gap.expect("gap") - -0.10).abs() < 1e-12);
        // Alike vacancies within each arm: every bootstrap draw gives 0.10, up to rounding.
        let (low, high) = abroad.interval.expect("interval");
        assert!((low - 0.10).abs() < 1e-9 && (high - 0.10).abs() < 1e-9, "({low}, {high})");
        for row in &rows[1..] {
            assert!(row.not_enough_data && row.estimate.is_none(), "{}: hidden in the funnel, no pilot arm", row.group);
        }
    }

    fn at(organisation: u128, arm: Arm, group: &str, passed: usize, failed: usize) -> Vec<Person> {
        let slices = Slices { organisation: Uuid::from_u128(organisation), ..Slices::default() };
        (0..passed + failed)
            .map(|i| Person {
                vacancy: Uuid::from_u128(organisation * 10 + i as u128 % 2),
                arm,
                group: group.to_owned(),
                reached: if i < passed { Stage::PassedSift } else { Stage::Applied },
                slices,
            })
            .collect()
    }

    /// Overall 43 born abroad applied, 40 of them at the first organisation: showing the 40 in the
    /// first organisation's view would give away the 3 at the second, hidden in its own view.
    #[test]
    fn a_filtered_funnel_gives_away_no_hidden_cell_of_another_view() {
        let mut all = at(1, Arm::Pilot, "abroad", 20, 20);
        all.extend(at(1, Arm::Pilot, "netherlands", 30, 30));
        all.extend(at(2, Arm::Pilot, "abroad", 1, 2));
        all.extend(at(2, Arm::Pilot, "netherlands", 25, 25));
        all.extend(at(1, Arm::Control, "abroad", 15, 25));
        all.extend(at(1, Arm::Control, "netherlands", 30, 30));
        let applied = |view: View| -> Vec<Option<u64>> {
            funnel(&all, view, 5)[0].stages[0].cells.iter().map(|c| c.count).collect()
        };
        let organisation = |n: u128| View { organisation: Some(Uuid::from_u128(n)), ..View::default() };
        let (first, second) = (organisation(1), organisation(2));
        assert_eq!(applied(View::default()), [Some(43), Some(110)], "overall");
        assert_eq!(applied(second)[0], None, "the 3");
        assert_eq!(applied(first)[0], None, "the 40, which 43 − 40 would give the 3 away with");
        assert_eq!(applied(organisation(3)), [Some(0), Some(0)], "nobody there");
        let did = |view| differences_in_differences(&all, (view, Stage::PassedSift), "netherlands", 5, (100, 1));
        assert!(!did(View::default())[0].not_enough_data, "overall every count is shown");
        assert!(did(first)[0].not_enough_data, "nothing from a hidden count");
    }

    /// The filters combine. Two organisations, two quarters and two bands give 27 views (each filter
    /// open or set to one of its two values); born abroad counts 3 or 1 in some of the smallest.
    /// Wherever views differ in one filter only, they add up to the view with that filter open: in
    /// none of those sums may exactly one count be hidden, or the others would give it back.
    #[test]
    fn combined_filters_give_away_no_hidden_cell_by_difference() {
        let abroad = [40, 3, 0, 12, 7, 1, 25, 6];
        let (quarters, bands) =
            ([Quarter::of(2024, 1), Quarter::of(2024, 4)], [ScaleBand::UpTo7, ScaleBand::From8To10]);
        let mut all = Vec::new();
        for (i, &born_abroad) in abroad.iter().enumerate() {
            let slices = Slices {
                organisation: Uuid::from_u128(i as u128 & 1),
                quarter: quarters[i >> 1 & 1],
                band: bands[i >> 2],
            };
            for (group, n) in [("abroad", born_abroad), ("netherlands", 30)] {
                all.extend((0..n).map(|_| Person {
                    vacancy: Uuid::from_u128(i as u128),
                    arm: Arm::Pilot,
                    group: group.to_owned(),
                    reached: Stage::Applied,
                    slices,
                }));
            }
        }
        let organisations = [None, Some(Uuid::from_u128(0)), Some(Uuid::from_u128(1))];
        let quarters = [None, Some(quarters[0]), Some(quarters[1])];
        let bands = [None, Some(bands[0]), Some(bands[1])];
        let mut views = Vec::new();
        for organisation in organisations {
            for quarter in quarters {
                for band in bands {
                    views.push(View { organisation, quarter, band });
                }
            }
        }
        let applied = |view: View| -> Vec<Option<u64>> {
            let stage = &funnel(&all, view, 5)[0].stages[0];
            stage.cells.iter().map(|c| c.count).chain([stage.total]).collect()
        };
        let shown: HashMap<View, Vec<Option<u64>>> = views.iter().map(|v| (*v, applied(*v))).collect();
        let mut sums = 0;
        for view in &views {
            for kind in 0..3 {
                let beside: Vec<&View> = views.iter().filter(|v| v.opened(kind) == Some(*view)).collect();
                if beside.is_empty() {
                    continue;
                }
                sums += 1;
                for (column, whole) in shown[view].iter().enumerate() {
                    let line: Vec<Option<u64>> = beside.iter().map(|v| shown[v][column]).chain([*whole]).collect();
                    assert_ne!(line.iter().filter(|c| c.is_none()).count(), 1, "{view:?} by {kind}: {line:?}");
                    if line.iter().all(Option::is_some) {
                        let parts: u64 = line[..2].iter().flatten().sum();
                        assert_eq!(Some(parts), line[2], "{view:?} by {kind} adds up");
                    }
                }
            }
            assert_ne!(shown[view].iter().filter(|c| c.is_none()).count(), 1, "{view:?}: {:?}", shown[view]);
            assert!(shown[view].iter().flatten().all(|&n| n == 0 || n >= 5), "{view:?}: {:?}", shown[view]);
        }
        assert_eq!(sums, 12 + 6 * 2 + 3, "each filter open in a view makes a sum");
        let one = View { organisation: organisations[2], quarter: quarters[1], band: bands[2] };
        assert_eq!(applied(one)[0], None, "the 1 born abroad");
        assert_eq!(applied(View::default()), [Some(94), Some(240), Some(334)], "the whole pilot stays in view");
    }

    /// Worked by hand: 60 born here and 40 abroad applied in the pilot arm (40 %); in the earlier
    /// period 70 and 30, and 3 who did not say, hidden with the 30 as their partner.
    #[test]
    fn the_pool_is_compared_with_the_earlier_period_and_hides_small_groups() {
        let mut all = people(Arm::Pilot, "netherlands", &[(Stage::Applied, 60)]);
        all.extend(people(Arm::Pilot, "abroad", &[(Stage::Applied, 40)]));
        let before = |group: &str, n: usize| vec![(group.to_owned(), Slices::default()); n];
        let earlier = [before("netherlands", 70), before("abroad", 30), before("unknown", 3)].concat();
        let (groups, columns) = composition(&all, &earlier, View::default(), 5);
        assert_eq!(groups, ["abroad", "netherlands", "unknown"]);
        let pilot = &columns[0];
        assert_eq!((pilot.pool, pilot.total), (Pool::PilotArm, Some(100)));
        assert_eq!((pilot.cells[0].count, pilot.cells[0].share), (Some(40), Some(0.4)));
        assert_eq!(pilot.cells[2].count, Some(0), "nobody in the pilot arm left it open");
        let (low, high) = pilot.cells[0].interval.expect("interval");
        assert!(low < 0.4 && 0.4 < high);
        assert_eq!((columns[1].pool, columns[1].total), (Pool::ControlArm, Some(0)));
        assert_eq!(columns[1].cells[0].share, None, "nobody to share");
        let before = &columns[2];
        assert_eq!(before.total, Some(103));
        let counts: Vec<Option<u64>> = before.cells.iter().map(|c| c.count).collect();
        assert_eq!(counts, [None, Some(70), None]);
        assert!(before.cells[0].share.is_none() && before.cells[2].share.is_none());
        assert!((before.cells[1].share.expect("share") - 70.0 / 103.0).abs() < 1e-12);
    }

    /// Filtered, the pool is the view's: the arms as the view's funnel counts them, the earlier
    /// period of the view's organisation (all its quarters), suppressed across organisations.
    #[test]
    fn the_pool_follows_the_view_and_the_earlier_period_hides_across_views() {
        let first = Slices { organisation: Uuid::from_u128(1), quarter: Quarter::of(2024, 4), ..Slices::default() };
        let second = Slices { organisation: Uuid::from_u128(2), ..first };
        let mut all = at(1, Arm::Pilot, "abroad", 10, 10);
        all.extend(at(1, Arm::Pilot, "netherlands", 20, 20));
        all.extend(at(2, Arm::Pilot, "netherlands", 20, 20));
        for person in &mut all {
            person.slices.quarter = first.quarter;
        }
        let before = |group: &str, slices: Slices, n: usize| {
            let earlier = Slices { quarter: Quarter::of(2022, 2), ..slices };
            vec![(group.to_owned(), earlier); n]
        };
        let earlier = [
            before("netherlands", first, 50),
            before("abroad", first, 20),
            before("netherlands", second, 40),
            before("abroad", second, 2),
        ]
        .concat();
        let view = View { organisation: Some(first.organisation), quarter: Some(first.quarter), band: None };
        let (groups, columns) = composition(&all, &earlier, view, 5);
        assert_eq!(groups, ["abroad", "netherlands"]);
        let counts = |column: &PoolColumn| -> Vec<Option<u64>> { column.cells.iter().map(|c| c.count).collect() };
        assert_eq!(counts(&columns[0]), [Some(20), Some(40)], "the first organisation's pilot arm");
        let (_, whole) = composition(&all, &earlier, View::default(), 5);
        assert_eq!(counts(&whole[0]), [Some(20), Some(80)]);
        assert_eq!(counts(&whole[2]), [Some(22), Some(90)], "the earlier period of both organisations");
        let (_, mine) = composition(&all, &earlier, View { quarter: None, ..view }, 5);
        assert_eq!(mine[2].cells[0].count, None, "the 20, which 22 − 20 would give the 2 of the second back");
        assert_eq!(columns[2], mine[2], "a quarter of the pilot has the whole earlier period beside it");
    }

    #[test]
    fn quarters_are_written_as_on_the_wire() {
        let quarter = Quarter::of(2024, 5);
        assert_eq!(quarter.to_string(), "2024-Q2");
        assert_eq!("2024-Q2".parse(), Ok(quarter));
        assert_eq!(Quarter::of(2023, 12).next(), Quarter { year: 2024, quarter: 1 });
        assert_eq!("2024-Q5".parse::<Quarter>(), Err(InvalidQuarter));
        assert_eq!(serde_json::to_value(quarter).expect("json"), "2024-Q2");
    }

    #[test]
    fn variables_and_stages_are_named_as_on_the_wire() {
        for variable in Variable::ALL {
            assert_eq!(serde_json::to_value(variable).expect("json"), variable.as_str());
        }
        for stage in Stage::ALL {
            assert_eq!(serde_json::to_value(stage).expect("json"), stage.as_str());
            assert_eq!(Stage::of_event(stage.event()), Some(stage));
        }
    }
}
