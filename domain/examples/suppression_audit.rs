//! Audits the dashboard's suppression as a linear program, as an intruder with a solver would
//! attack it: `cargo run -p domain --example suppression_audit [pilots]`.
//!
//! Each random pilot has three organisations, two quarters and two salary bands, and in each of
//! those twelve combinations two groups of 0 to 11 applicants (small counts everywhere: the worst
//! case). The funnel is asked in all 36 views (each filter open or set), as an evaluator can. For
//! every count that is hidden because it is small (1 to k − 1), two linear programs find the least
//! and the most it can be given everything shown (every view's counts, every view's total, and
//! that the views beside each other add up), with the hidden counts as real numbers of zero or more.
//! A count is *proved small* when it can be at most k − 1, and *pinned* when it can be one value
//! only. The suppression keeps every single sum from giving a hidden count back; this measures
//! what a solver gets by combining them. The figures are written up in BENCHMARKS.md.

#![allow(clippy::expect_used, clippy::panic)] // A measuring tool: fail loudly.

use std::collections::HashMap;

use domain::evaluation::{Person, Quarter, Slices, Stage, View, funnel};
use domain::pilot::ScaleBand;
use domain::vacancy::Arm;
use microlp::{ComparisonOp, OptimizationDirection, Problem};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

const K: u64 = 5;
const GROUPS: [&str; 2] = ["abroad", "netherlands"];

fn main() {
    let pilots: u64 = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100);
    let (mut audited, mut small, mut pinned) = (0, 0, 0);
    let (mut with_people, mut hidden_with_people) = (0, 0);
    for seed in 0..pilots {
        let people = random_pilot(seed);
        let views = every_view(&people);
        // Per view: the true count of each group and the total, and what the funnel shows of them.
        let index: HashMap<View, usize> = views.iter().enumerate().map(|(i, v)| (*v, i)).collect();
        let width = GROUPS.len() + 1;
        let mut counts = vec![0; views.len() * width];
        let mut hidden = vec![false; views.len() * width];
        for (b, view) in views.iter().enumerate() {
            let applied = &funnel(&people, *view, K)[0].stages[Stage::Applied.index()];
            let shown: Vec<Option<u64>> = GROUPS
                .iter()
                .map(|g| applied.cells.iter().find(|c| c.group == *g).map_or(Some(0), |c| c.count))
                .chain([applied.total])
                .collect();
            for (column, group) in GROUPS.iter().map(Some).chain([None]).enumerate() {
                let of = |p: &&Person| view.contains(&p.slices) && group.is_none_or(|g| p.group == *g);
                counts[b * width + column] = people.iter().filter(of).count() as u64;
                hidden[b * width + column] = shown[column].is_none();
            }
        }
        let lines = lines(&views, &index, width);
        with_people += counts.iter().filter(|&&n| n > 0).count();
        hidden_with_people += (0..counts.len()).filter(|&i| hidden[i] && counts[i] > 0).count();
        for cell in (0..counts.len()).filter(|&i| (1..K).contains(&counts[i])) {
            assert!(hidden[cell], "seed {seed}: a count of {} is shown", counts[cell]);
            let (least, most) = bounds(&counts, &hidden, &lines, cell);
            audited += 1;
            if most < K as f64 - 1e-6 {
                small += 1;
            }
            if most - least < 0.5 {
                pinned += 1;
                println!("seed {seed}: the {} in {:?} is pinned", counts[cell], views[cell / width]);
            }
        }
    }
    println!("{pilots} pilots, {audited} small counts hidden");
    let share = 100.0 * hidden_with_people as f64 / with_people.max(1) as f64;
    println!("counts with people hidden: {hidden_with_people} of {with_people} ({share:.1} %)");
    println!("proved smaller than k: {small} ({:.1} %)", 100.0 * small as f64 / audited.max(1) as f64);
    println!("pinned to their value: {pinned} ({:.2} %)", 100.0 * pinned as f64 / audited.max(1) as f64);
}

/// Three organisations, two quarters, two bands; two groups of 0 to 11 in each combination.
fn random_pilot(seed: u64) -> Vec<Person> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut people = Vec::new();
    for organisation in 0..3 {
        for quarter in [Quarter::of(2024, 1), Quarter::of(2024, 4)] {
            for band in [ScaleBand::UpTo7, ScaleBand::From8To10] {
                let slices = Slices { organisation: Uuid::from_u128(organisation), quarter, band };
                for group in GROUPS {
                    let vacancy = Uuid::from_u128(people.len() as u128);
                    let person =
                        Person { vacancy, arm: Arm::Pilot, group: group.to_owned(), reached: Stage::Applied, slices };
                    people.extend(std::iter::repeat_n(person, rng.random_range(0..12)));
                }
            }
        }
    }
    people
}

/// Every view: each filter open or set to one of the pilot's values.
fn every_view(people: &[Person]) -> Vec<View> {
    let mut views: Vec<View> = people.iter().flat_map(|p| View::all_of(&p.slices)).collect();
    views.sort();
    views.dedup();
    views
}

/// What adds up: each view's groups to its total; and wherever a filter is open in a view, the
/// views with it set to each value (the rest the same), column by column, to that view.
fn lines(views: &[View], index: &HashMap<View, usize>, width: usize) -> Vec<Vec<usize>> {
    let mut lines: Vec<Vec<usize>> = (0..views.len()).map(|b| (b * width..(b + 1) * width).collect()).collect();
    for (whole, kind) in views.iter().flat_map(|w| (0..3).map(move |kind| (*w, kind))) {
        let beside: Vec<usize> = (0..views.len()).filter(|&i| views[i].opened(kind) == Some(whole)).collect();
        if beside.is_empty() {
            continue;
        }
        for column in 0..width {
            lines.push(beside.iter().map(|i| i * width + column).chain([index[&whole] * width + column]).collect());
        }
    }
    lines
}

/// The least and the most the hidden `cell` can be, given every shown count and every line.
fn bounds(counts: &[u64], hidden: &[bool], lines: &[Vec<usize>], cell: usize) -> (f64, f64) {
    let solve = |direction: OptimizationDirection| -> f64 {
        let mut problem = Problem::new(direction);
        let unknowns: HashMap<usize, microlp::Variable> = (0..counts.len())
            .filter(|&i| hidden[i])
            .map(|i| (i, problem.add_var(if i == cell { 1.0 } else { 0.0 }, (0.0, f64::INFINITY))))
            .collect();
        for line in lines {
            // The parts minus the total are zero; what is shown goes to the right-hand side.
            let (mut terms, mut shown) = (Vec::new(), 0.0);
            for (position, &i) in line.iter().enumerate() {
                let sign = if position + 1 == line.len() { -1.0 } else { 1.0 };
                match unknowns.get(&i) {
                    Some(&unknown) => terms.push((unknown, sign)),
                    None => shown -= sign * counts[i] as f64,
                }
            }
            if !terms.is_empty() {
                problem.add_constraint(terms, ComparisonOp::Eq, shown);
            }
        }
        match problem.solve() {
            Ok(outcome) => outcome.solution().expect("solved without a limit").objective(),
            Err(microlp::Error::Unbounded) => f64::INFINITY,
            Err(error) => panic!("the true counts are a solution: {error}"),
        }
    };
    (solve(OptimizationDirection::Minimize), solve(OptimizationDirection::Maximize))
}
