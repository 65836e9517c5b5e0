//! Small cells: no number computed from fewer than *k* people leaves the server. A breakdown whose
//! total is shown needs more than hiding its small cells: with one cell hidden, total minus the
//! others gives it back, so a second cell is hidden too (complementary suppression).

use super::proportions::Rate;

/// A breakdown as it may be published: each cell's count or `None`, and the total or `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    pub cells: Vec<Option<u64>>,
    pub total: Option<u64>,
}

/// Suppresses the counts of 1 to k − 1 people (primary), then, where exactly one cell is hidden, the
/// smallest other cell with people (complementary). A total of 1 to k − 1 people is hidden with
/// every cell; otherwise a hidden cell always has a partner, and the total stays. Nobody is zero.
pub fn suppress(counts: &[u64], k: u64) -> Breakdown {
    let total: u64 = counts.iter().sum();
    if total > 0 && total < k {
        return Breakdown { cells: vec![None; counts.len()], total: None };
    }
    let mut cells: Vec<Option<u64>> = counts.iter().map(|&c| (c == 0 || c >= k).then_some(c)).collect();
    let hidden = cells.iter().filter(|c| c.is_none()).count();
    if hidden == 1 {
        let partner = counts
            .iter()
            .enumerate()
            .filter(|(i, c)| cells[*i].is_some() && **c > 0)
            .min_by_key(|(i, c)| (**c, *i))
            .map(|(i, _)| i);
        match partner {
            Some(i) => cells[i] = None,
            // Only zeros beside the hidden cell would make the total that cell: never shown.
            None => return Breakdown { cells, total: None },
        }
    }
    Breakdown { cells, total: Some(total) }
}

/// A rate may be shown when its denominator has at least k people.
pub fn rate_visible(rate: Rate, k: u64) -> bool {
    rate.total >= k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_are_hidden_with_a_partner_so_the_total_does_not_give_them_away() {
        // Primary: the 3 goes. Complementary: the smallest other cell with people, the 6, goes too.
        assert_eq!(
            suppress(&[40, 3, 6, 12], 5),
            Breakdown { cells: vec![Some(40), None, None, Some(12)], total: Some(61) }
        );
        // Two small cells hide each other; zeros are no one and stay.
        assert_eq!(
            suppress(&[40, 3, 2, 0], 5),
            Breakdown { cells: vec![Some(40), None, None, Some(0)], total: Some(45) }
        );
        // The partner may itself be large: 9 hides the 3.
        assert_eq!(suppress(&[9, 3, 0], 5), Breakdown { cells: vec![None, None, Some(0)], total: Some(12) });
        // Fewer than k people in all: nothing.
        assert_eq!(suppress(&[2, 1], 5), Breakdown { cells: vec![None, None], total: None });
        assert_eq!(suppress(&[0, 0], 5), Breakdown { cells: vec![Some(0), Some(0)], total: Some(0) }, "nobody");
    }

    #[test]
    fn no_hidden_cell_can_be_recovered_from_what_is_shown() {
        // For every breakdown of up to three cells of 0..8 people: if one cell is hidden, at least
        // one other cell is hidden as well, or the total is.
        for a in 0..8 {
            for b in 0..8 {
                for c in 0..8 {
                    let shown = suppress(&[a, b, c], 5);
                    let hidden = shown.cells.iter().filter(|x| x.is_none()).count();
                    assert!(hidden != 1 || shown.total.is_none(), "{a} {b} {c}: {shown:?}");
                    for (cell, count) in shown.cells.iter().zip([a, b, c]) {
                        assert!(cell.is_none_or(|n| n == 0 || n >= 5), "{count} shown");
                    }
                }
            }
        }
        assert!(!rate_visible(Rate::new(1, 4), 5));
        assert!(rate_visible(Rate::new(0, 5), 5));
    }
}
