//! The dashboard's views: the vacancies of an organisation, published in a quarter, in a salary
//! band, or any combination of them ([`View`]), and counts of people in every view at once,
//! suppressed together ([`LinkedCounts`]), so that no view's table and the tables of the views
//! beside it give a hidden count back between them.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::pilot::ScaleBand;
use crate::statistics::suppression::suppress_linked;

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

/// A view of the dashboard: the vacancies of one organisation, published in one quarter, in one
/// salary band, each filter left open (`None`) for all; the default is the whole pilot. The filters
/// combine: one organisation's vacancies in one band, say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct View {
    pub organisation: Option<Uuid>,
    pub quarter: Option<Quarter>,
    pub band: Option<ScaleBand>,
}

impl View {
    /// Whether a vacancy that falls in `slices` is in this view.
    pub fn contains(self, slices: &Slices) -> bool {
        self.organisation.is_none_or(|o| o == slices.organisation)
            && self.quarter.is_none_or(|q| q == slices.quarter)
            && self.band.is_none_or(|b| b == slices.band)
    }

    /// The eight views a vacancy that falls in `slices` is in: each filter set to its value or open.
    pub fn all_of(slices: &Slices) -> [View; 8] {
        std::array::from_fn(|open| View {
            organisation: (open & 1 == 0).then_some(slices.organisation),
            quarter: (open & 2 == 0).then_some(slices.quarter),
            band: (open & 4 == 0).then_some(slices.band),
        })
    }

    /// This view with filter `kind` (0 organisation, 1 quarter, 2 band) opened; `None` when it is
    /// open already.
    pub fn opened(self, kind: usize) -> Option<View> {
        match kind {
            0 => self.organisation.map(|_| View { organisation: None, ..self }),
            1 => self.quarter.map(|_| View { quarter: None, ..self }),
            _ => self.band.map(|_| View { band: None, ..self }),
        }
    }
}

/// Counts of people in every view that has any, suppressed together. For each vacancy's slices the
/// caller gives `layers × width` counts, layer by layer: the funnel's stages, each with a count per
/// group and their total, say. Within a view, `rows` are the columns that add up (the groups to
/// their total, the total last); across views, the views that differ in one filter only (every
/// organisation in band 8–10) add up, column by column, to the view with that filter open (band
/// 8–10). Those are the lines `suppress_linked` keeps from giving a hidden count back, layer by
/// layer.
pub(crate) struct LinkedCounts {
    /// The views with people in them, in order: the whole pilot first.
    views: Vec<View>,
    width: usize,
    /// Per layer: per view, `width` counts.
    counts: Vec<Vec<u64>>,
    /// Per layer, like `counts`.
    hidden: Vec<Vec<bool>>,
}

impl LinkedCounts {
    pub(crate) fn of(
        tallies: &HashMap<Slices, Vec<u64>>,
        (layers, width): (usize, usize),
        rows: &[Vec<usize>],
        k: u64,
    ) -> LinkedCounts {
        let mut views: Vec<View> = tallies.keys().flat_map(View::all_of).collect();
        views.sort();
        views.dedup();
        let block: HashMap<View, usize> = views.iter().enumerate().map(|(i, v)| (*v, i)).collect();
        let lines = lines(&views, &block, (width, rows));
        let places: Vec<([usize; 8], &Vec<u64>)> =
            tallies.iter().map(|(slices, tally)| (View::all_of(slices).map(|v| block[&v]), tally)).collect();
        let (mut counts, mut hidden) = (Vec::new(), Vec::new());
        for layer in 0..layers {
            let mut count = vec![0; views.len() * width];
            for (blocks, tally) in &places {
                for b in blocks {
                    for column in 0..width {
                        count[b * width + column] += tally[layer * width + column];
                    }
                }
            }
            hidden.push(suppress_linked(&count, &lines, k));
            counts.push(count);
        }
        LinkedCounts { views, width, counts, hidden }
    }

    /// What `view` shows of `layer`: a count per column, `None` where hidden; zeros for a view with
    /// nobody in it.
    pub(crate) fn shown(&self, layer: usize, view: View) -> Vec<Option<u64>> {
        let Ok(block) = self.views.binary_search(&view) else { return vec![Some(0); self.width] };
        let at = block * self.width;
        let (counts, hidden) = (&self.counts[layer][at..at + self.width], &self.hidden[layer][at..at + self.width]);
        counts.iter().zip(hidden).map(|(&n, &h)| (!h).then_some(n)).collect()
    }
}

/// The lines of `views` (each at its `block`) that add up, `width` counts a view: each view's
/// `rows`, and for each view with a filter open, per column, the views with that filter set (the
/// same otherwise) and it.
fn lines(views: &[View], block: &HashMap<View, usize>, (width, rows): (usize, &[Vec<usize>])) -> Vec<Vec<usize>> {
    let mut lines: Vec<Vec<usize>> = Vec::new();
    for b in 0..views.len() {
        lines.extend(rows.iter().map(|row| row.iter().map(|column| b * width + column).collect()));
    }
    let mut beside: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (b, view) in views.iter().enumerate() {
        for kind in 0..3 {
            if let Some(opened) = view.opened(kind) {
                beside.entry((block[&opened], kind)).or_default().push(b);
            }
        }
    }
    let mut beside: Vec<((usize, usize), Vec<usize>)> = beside.into_iter().collect();
    beside.sort();
    for ((opened, _), blocks) in beside {
        for column in 0..width {
            lines.push(blocks.iter().map(|b| b * width + column).chain([opened * width + column]).collect());
        }
    }
    lines
}
