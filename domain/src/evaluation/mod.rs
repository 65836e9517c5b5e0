//! The funnel of a pilot: per arm, per group of a monitoring variable, per stage (applied → passed
//! the sift → interviewed → offered → hired), the count, the pass-through rate from the stage before
//! with its Wilson interval, the adverse-impact ratio against the group with the highest rate
//! (flagged below four fifths, exactly) and Fisher's exact test against that group. Small cells are
//! suppressed with a complementary cell, and no rate or ratio is computed from a hidden count. The
//! difference in differences compares a group's gap between the arms; `reliability` says how far
//! the scorers agreed.

pub mod microdata;
pub mod reliability;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::monitoring::MonitoringAnswers;
use crate::statistics::did::{VacancyCounts, difference_in_differences};
use crate::statistics::proportions::{Rate, Z_95, below_four_fifths, fisher_exact, highest, impact_ratio, wilson};
use crate::statistics::suppression::{rate_visible, suppress};
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

    fn index(self) -> usize {
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

/// The funnel of `people` by arm, group and stage, with nothing computed from fewer than `k`.
pub fn funnel(people: &[Person], k: u64) -> Vec<ArmFunnel> {
    let mut arms = Vec::new();
    for arm in [Arm::Pilot, Arm::Control] {
        let mine: Vec<&Person> = people.iter().filter(|p| p.arm == arm).collect();
        let mut groups: Vec<String> = mine.iter().map(|p| p.group.clone()).collect();
        groups.sort();
        groups.dedup();
        let count = |group: &str, stage: Stage| -> u64 {
            mine.iter().filter(|p| p.group == group && p.reached.index() >= stage.index()).count() as u64
        };
        let mut stages = Vec::new();
        let mut shown_before: Vec<Option<u64>> = vec![None; groups.len()];
        for stage in Stage::ALL {
            let counts: Vec<u64> = groups.iter().map(|g| count(g, stage)).collect();
            let shown = suppress(&counts, k);
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
/// against `reference`, bootstrapped over vacancies within each arm with `resamples` draws from
/// `seed`. Nothing is computed where a pooled denominator has fewer than `k` people.
pub fn differences_in_differences(
    people: &[Person],
    stage: Stage,
    reference: &str,
    k: u64,
    (resamples, seed): (usize, u64),
) -> Vec<DidRow> {
    let before = Stage::ALL[stage.index().saturating_sub(1)];
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
            let did = (stage != Stage::Applied && enough(&p) && enough(&c))
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
        let funnel = funnel(&all, 5);
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
        let control = &funnel(&all, 5)[1];
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
                all.push(Person { vacancy: Uuid::from_u128(vacancy), arm, group: group.to_owned(), reached });
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
        let rows = differences_in_differences(&all, Stage::PassedSift, "netherlands", 5, (500, 9));
        assert_eq!(rows.len(), 2);
        let abroad = &rows[0];
        assert!((abroad.estimate.expect("computed") - 0.10).abs() < 1e-12);
        assert!((abroad.pilot_gap.expect("gap") - -0.10).abs() < 1e-12);
        // Alike vacancies within each arm: every bootstrap draw gives 0.10, up to rounding.
        let (low, high) = abroad.interval.expect("interval");
        assert!((low - 0.10).abs() < 1e-9 && (high - 0.10).abs() < 1e-9, "({low}, {high})");
        let unknown = &rows[1];
        assert!(unknown.not_enough_data && unknown.estimate.is_none(), "three people, no pilot arm");
    }

    #[test]
    fn variables_and_stages_are_named_as_on_the_wire() {
        for variable in Variable::ALL {
            assert_eq!(serde_json::to_value(variable).expect("json"), variable.as_str());
        }
        for stage in Stage::ALL {
            assert_eq!(serde_json::to_value(stage).expect("json"), stage.as_str());
        }
    }
}
