//! The funnel of a pilot: per arm, per group of a monitoring variable, per stage (applied → passed
//! the sift → interviewed → offered → hired), the count, the pass-through rate from the stage before
//! with its Wilson interval, the adverse-impact ratio against the group with the highest rate
//! (flagged below four fifths, exactly) and Fisher's exact test against that group. Small cells are
//! suppressed with a complementary cell, and no rate or ratio is computed from a hidden count. The
//! difference in differences compares a group's gap between the arms; `reliability` says how far
//! the scorers agreed.
//!
//! The dashboard can be filtered to the vacancies of one organisation, quarter or salary band (a
//! [`Slice`]). The tables overall and of every slice are suppressed together, so the difference
//! between a filtered and an unfiltered table never gives a hidden cell back.

pub mod effort;
pub mod experience;
pub mod microdata;
pub mod reliability;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::monitoring::MonitoringAnswers;
use crate::pilot::ScaleBand;
use crate::statistics::did::{VacancyCounts, difference_in_differences};
use crate::statistics::proportions::{Rate, Z_95, below_four_fifths, fisher_exact, highest, impact_ratio, wilson};
use crate::statistics::suppression::{rate_visible, suppress_linked};
use crate::vacancy::Arm;

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

/// A quarter of a year, the period filter: `2024-Q1`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub quarter: u8,
}

impl Quarter {
    /// The quarter of a month (1 to 12) of `year`.
    pub fn of(year: i32, month: u32) -> Quarter {
        Quarter { year, quarter: u8::try_from(month.clamp(1, 12).div_ceil(3)).unwrap_or(1) }
    }

    /// The quarter after this one.
    pub fn next(self) -> Quarter {
        if self.quarter >= 4 {
            Quarter { year: self.year + 1, quarter: 1 }
        } else {
            Quarter { quarter: self.quarter + 1, ..self }
        }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.quarter)
    }
}

impl FromStr for Quarter {
    type Err = InvalidQuarter;

    fn from_str(text: &str) -> Result<Quarter, InvalidQuarter> {
        let (year, quarter) = text.split_once("-Q").ok_or(InvalidQuarter)?;
        let (year, quarter) = (year.parse().map_err(|_| InvalidQuarter)?, quarter.parse().map_err(|_| InvalidQuarter)?);
        (1..=4).contains(&quarter).then_some(Quarter { year, quarter }).ok_or(InvalidQuarter)
    }
}

/// Not a quarter written as `2024-Q1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a quarter is written as 2024-Q1")]
pub struct InvalidQuarter;

impl Serialize for Quarter {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Quarter, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

/// Where a vacancy falls for each of the dashboard's filters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Slices {
    pub organisation: Uuid,
    /// The quarter it was published in.
    pub quarter: Quarter,
    pub band: ScaleBand,
}

/// A filter of the dashboard: the vacancies of one organisation, one quarter or one salary band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slice {
    Organisation(Uuid),
    Quarter(Quarter),
    Band(ScaleBand),
}

impl Slice {
    pub fn contains(self, slices: &Slices) -> bool {
        self.of(slices) == self
    }

    /// The slice of the same kind that `slices` falls in.
    fn of(self, slices: &Slices) -> Slice {
        match self {
            Slice::Organisation(_) => Slice::Organisation(slices.organisation),
            Slice::Quarter(_) => Slice::Quarter(slices.quarter),
            Slice::Band(_) => Slice::Band(slices.band),
        }
    }

    /// The slice of every kind that `slices` falls in.
    fn all_of(slices: &Slices) -> [Slice; 3] {
        [Slice::Organisation(slices.organisation), Slice::Quarter(slices.quarter), Slice::Band(slices.band)]
    }

    fn kind(self) -> usize {
        match self {
            Slice::Organisation(_) => 0,
            Slice::Quarter(_) => 1,
            Slice::Band(_) => 2,
        }
    }
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
pub fn funnel(people: &[Person], view: Option<Slice>, k: u64) -> Vec<ArmFunnel> {
    let mut arms = Vec::new();
    for arm in [Arm::Pilot, Arm::Control] {
        let mine: Vec<&Person> = people.iter().filter(|p| p.arm == arm).collect();
        let linked = LinkedCounts::of(&mine, k);
        let block = view.map_or(Some(0), |slice| linked.block_of(slice));
        let groups = linked.groups.clone();
        let mut stages = Vec::new();
        let mut shown_before: Vec<Option<u64>> = vec![None; groups.len()];
        for stage in Stage::ALL {
            let shown = linked.shown(stage, block);
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

/// One arm's counts per group at every stage, overall (block 0) and in every slice (a block each),
/// with what may be shown of them. The cells of a block add up to its total, and the blocks of one
/// kind of slice (every organisation, say) add up to the block overall, cell by cell: those sums are
/// the lines that `suppress_linked` keeps from giving back a hidden cell.
struct LinkedCounts {
    groups: Vec<String>,
    /// Blocks after the first, in order.
    slices: Vec<Slice>,
    /// Per stage: per block, a count per group and the block's total.
    counts: Vec<Vec<u64>>,
    /// Per stage, like `counts`.
    hidden: Vec<Vec<bool>>,
}

/// What a view shows of one stage.
struct Shown {
    cells: Vec<Option<u64>>,
    total: Option<u64>,
}

impl LinkedCounts {
    fn of(people: &[&Person], k: u64) -> LinkedCounts {
        let mut groups: Vec<String> = people.iter().map(|p| p.group.clone()).collect();
        groups.sort();
        groups.dedup();
        let mut slices: Vec<Slice> = people.iter().flat_map(|p| Slice::all_of(&p.slices)).collect();
        slices.sort();
        slices.dedup();
        let block: HashMap<Slice, usize> = slices.iter().enumerate().map(|(i, s)| (*s, i + 1)).collect();
        let width = groups.len() + 1;
        let blocks = slices.len() + 1;
        let group_of: HashMap<&str, usize> = groups.iter().enumerate().map(|(i, g)| (g.as_str(), i)).collect();
        // Where each person counts: their group, and the block of each of their slices.
        let places: Vec<(usize, [usize; 3], Stage)> = people
            .iter()
            .map(|p| (group_of[p.group.as_str()], Slice::all_of(&p.slices).map(|s| block[&s]), p.reached))
            .collect();
        let mut lines: Vec<Vec<usize>> = (0..blocks).map(|b| (b * width..(b + 1) * width).collect()).collect();
        for kind in 0..3 {
            let of_kind: Vec<usize> = (1..blocks).filter(|b| slices[b - 1].kind() == kind).collect();
            for column in 0..width {
                lines.push(of_kind.iter().map(|b| b * width + column).chain([column]).collect());
            }
        }
        let mut counts = Vec::new();
        let mut hidden = Vec::new();
        for stage in Stage::ALL {
            let mut count = vec![0; blocks * width];
            for &(group, slices, _) in places.iter().filter(|(_, _, reached)| *reached >= stage) {
                for b in [0].into_iter().chain(slices) {
                    count[b * width + group] += 1;
                    count[b * width + width - 1] += 1;
                }
            }
            hidden.push(suppress_linked(&count, &lines, k));
            counts.push(count);
        }
        LinkedCounts { groups, slices, counts, hidden }
    }

    /// The block of `slice`; `None` when none of the arm's people is in it.
    fn block_of(&self, slice: Slice) -> Option<usize> {
        self.slices.iter().position(|s| *s == slice).map(|i| i + 1)
    }

    /// What the view of `block` shows at `stage`: zeros for a slice with nobody in it.
    fn shown(&self, stage: Stage, block: Option<usize>) -> Shown {
        let width = self.groups.len() + 1;
        let Some(block) = block else {
            return Shown { cells: vec![Some(0); self.groups.len()], total: Some(0) };
        };
        let (counts, hidden) = (&self.counts[stage.index()], &self.hidden[stage.index()]);
        let at = |i: usize| (!hidden[i]).then_some(counts[i]);
        Shown {
            cells: (0..self.groups.len()).map(|g| at(block * width + g)).collect(),
            total: at(block * width + width - 1),
        }
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

/// The composition of the applicant pool by group: who applied in the pilot arm and in the control
/// arm, as the funnel counts them (and hides them), and who applied to the same organisations'
/// vacancies in the period before the pilot (`earlier`, each applicant's group), suppressed on its
/// own. A share needs its count and its pool's total shown, and a total of `k` or more. Returns the
/// groups, in order, and a column per pool.
pub fn composition(people: &[Person], earlier: &[String], k: u64) -> (Vec<String>, Vec<PoolColumn>) {
    let arms = funnel(people, None, k);
    let mut groups: Vec<String> = arms.iter().flat_map(|arm| arm.groups.iter().cloned()).collect();
    groups.extend(earlier.iter().cloned());
    groups.sort();
    groups.dedup();
    let column = |pool: Pool, counts: Vec<Option<u64>>, total: Option<u64>| {
        let cells = counts
            .into_iter()
            .map(|count| {
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
        let counts = groups
            .iter()
            .map(|g| funnel.groups.iter().position(|x| x == g).map_or(Some(0), |i| applied.cells[i].count))
            .collect();
        columns.push(column(pool, counts, applied.total));
    }
    let mut counts: Vec<u64> = groups.iter().map(|g| earlier.iter().filter(|e| *e == g).count() as u64).collect();
    counts.push(earlier.len() as u64);
    let hidden = suppress_linked(&counts, &[(0..counts.len()).collect()], k);
    let shown: Vec<Option<u64>> = counts.iter().zip(&hidden).map(|(&c, &h)| (!h).then_some(c)).collect();
    let total = shown.last().copied().flatten();
    columns.push(column(Pool::Earlier, shown[..groups.len()].to_vec(), total));
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
    (view, stage): (Option<Slice>, Stage),
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
    let people: Vec<&Person> = people.iter().filter(|p| view.is_none_or(|v| v.contains(&p.slices))).collect();
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
        let funnel = funnel(&all, None, 5);
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
        let control = &funnel(&all, None, 5)[1];
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
        add(Arm::Control, 4, "anders", 2, 4);
        let rows = differences_in_differences(&all, (None, Stage::PassedSift), "netherlands", 5, (500, 9));
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
        let applied = |view: Option<Slice>| -> Vec<Option<u64>> {
            funnel(&all, view, 5)[0].stages[0].cells.iter().map(|c| c.count).collect()
        };
        let (first, second) = (Slice::Organisation(Uuid::from_u128(1)), Slice::Organisation(Uuid::from_u128(2)));
        assert_eq!(applied(None), [Some(43), Some(110)], "overall");
        assert_eq!(applied(Some(second))[0], None, "the 3");
        assert_eq!(applied(Some(first))[0], None, "the 40, which 43 − 40 would give the 3 away with");
        assert_eq!(applied(Some(Slice::Organisation(Uuid::from_u128(3)))), [Some(0), Some(0)], "nobody there");
        let did = |view| differences_in_differences(&all, (view, Stage::PassedSift), "netherlands", 5, (100, 1));
        assert!(!did(None)[0].not_enough_data, "overall every count is shown");
        assert!(did(Some(first))[0].not_enough_data, "nothing from a hidden count");
    }

    /// Worked by hand: 60 born here and 40 abroad applied in the pilot arm (40 %); in the earlier
    /// period 70 and 30, and 3 who did not say, hidden with the 30 as their partner.
    #[test]
    fn the_pool_is_compared_with_the_earlier_period_and_hides_small_groups() {
        let mut all = people(Arm::Pilot, "netherlands", &[(Stage::Applied, 60)]);
        all.extend(people(Arm::Pilot, "abroad", &[(Stage::Applied, 40)]));
        let mut earlier = vec!["netherlands".to_owned(); 70];
        earlier.extend(vec!["abroad".to_owned(); 30]);
        earlier.extend(vec!["unknown".to_owned(); 3]);
        let (groups, columns) = composition(&all, &earlier, 5);
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
