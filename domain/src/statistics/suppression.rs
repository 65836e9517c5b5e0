//! Small cells: no number computed from fewer than *k* people leaves the server. A breakdown whose
//! total is shown needs more than hiding its small cells: with one cell hidden, total minus the
//! others gives it back, so a second cell is hidden too (complementary suppression), and more until
//! the hidden cells together hold k people or more. Breakdowns that
//! share cells (the dashboard overall and filtered by organisation, where the cells of every
//! organisation add up to the cell overall) are suppressed together by [`suppress_linked`], so no
//! difference between a filtered and an unfiltered table gives a hidden cell back.

use super::proportions::Rate;

/// Suppresses linked breakdowns together. `counts` are all the cells; each line lists the cells of
/// one breakdown with its total last (`line[..n-1]` add up to `line[n-1]`), and a cell may be in
/// several lines (a total of one breakdown is a cell of another). Returns which cells are hidden.
///
/// Every count of 1 to k − 1 is hidden (primary). Then, while some line gives something hidden back
/// (exactly one hidden cell, which the line's sum would give; or, with its total shown, hidden
/// cells that together hold 1 to k − 1 people, whose sum the total minus the shown cells would
/// give), the smallest other cell of that line with people in it is hidden too (complementary), its
/// total only when no other cell has people; repeated until no line gives anything back. Zeros are
/// no one and stay.
pub fn suppress_linked(counts: &[u64], lines: &[Vec<usize>], k: u64) -> Vec<bool> {
    let mut hidden: Vec<bool> = counts.iter().map(|&c| c > 0 && c < k).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for line in lines {
            let (parts, total) = line.split_at(line.len().saturating_sub(1));
            let lone = line.iter().filter(|&&i| hidden[i]).count() == 1;
            let hidden_sum: u64 = parts.iter().filter(|&&i| hidden[i]).map(|&i| counts[i]).sum();
            let small_sum = total.iter().all(|&i| !hidden[i]) && (1..k).contains(&hidden_sum);
            if !lone && !small_sum {
                continue;
            }
            let partner = parts
                .iter()
                .copied()
                .filter(|&i| !hidden[i] && counts[i] > 0)
                .min_by_key(|&i| (counts[i], i))
                .or_else(|| total.first().copied().filter(|&i| !hidden[i]));
            if let Some(i) = partner {
                hidden[i] = true;
                changed = true;
            }
        }
    }
    hidden
}

/// A rate may be shown when its denominator has at least k people.
pub fn rate_visible(rate: Rate, k: u64) -> bool {
    rate.total >= k
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One breakdown: its cells, then its total.
    fn one_line(cells: &[u64]) -> Vec<bool> {
        let mut counts = cells.to_vec();
        counts.push(cells.iter().sum());
        suppress_linked(&counts, &[(0..counts.len()).collect()], 5)
    }

    #[test]
    fn small_cells_are_hidden_with_a_partner_so_the_total_does_not_give_them_away() {
        // Primary: the 3 goes. Complementary: the smallest other cell with people, the 6, goes too.
        assert_eq!(one_line(&[40, 3, 6, 12]), [false, true, true, false, false]);
        // Two small cells hide each other when they hold k together; zeros are no one and stay.
        assert_eq!(one_line(&[40, 3, 2, 0]), [false, true, true, false, false]);
        // A 3 and a 1 are 4 together, which the total would give back: the 6 goes too.
        assert_eq!(one_line(&[40, 3, 1, 6]), [false, true, true, true, false]);
        // The partner may itself be large: 9 hides the 3.
        assert_eq!(one_line(&[9, 3, 0]), [true, true, false, false]);
        // Fewer than k people in all: the total goes with them.
        assert_eq!(one_line(&[2, 1]), [true, true, true]);
        assert_eq!(one_line(&[3, 0]), [true, false, true], "the 3, and the total that is the 3");
        assert_eq!(one_line(&[0, 0]), [false, false, false], "nobody");
        assert!(!rate_visible(Rate::new(1, 4), 5));
        assert!(rate_visible(Rate::new(0, 5), 5));
    }

    /// A two-way table with its margins: the cells of each row add up to the row's total, the cells
    /// of each column to the column's, as the dashboard per organisation adds up to the dashboard
    /// overall. Returns the counts (rows, then row totals, column totals, grand total) and lines.
    fn two_way(table: &[&[u64]]) -> (Vec<u64>, Vec<Vec<usize>>) {
        let (rows, columns) = (table.len(), table[0].len());
        let mut counts: Vec<u64> = table.iter().flat_map(|row| row.iter().copied()).collect();
        let row_total = counts.len();
        counts.extend(table.iter().map(|row| row.iter().sum::<u64>()));
        let column_total = counts.len();
        counts.extend((0..columns).map(|c| table.iter().map(|row| row[c]).sum::<u64>()));
        counts.push(table.iter().flat_map(|row| row.iter()).sum());
        let grand = counts.len() - 1;
        let mut lines = Vec::new();
        for r in 0..rows {
            let mut line: Vec<usize> = (0..columns).map(|c| r * columns + c).collect();
            line.push(row_total + r);
            lines.push(line);
        }
        for c in 0..columns {
            let mut line: Vec<usize> = (0..rows).map(|r| r * columns + c).collect();
            line.push(column_total + c);
            lines.push(line);
        }
        lines.push((row_total..row_total + rows).chain([grand]).collect());
        lines.push((column_total..column_total + columns).chain([grand]).collect());
        (counts, lines)
    }

    #[test]
    fn a_cell_hidden_in_a_filtered_table_cannot_be_had_from_the_unfiltered_one() {
        // Two organisations; women at the second are 3. Overall women are 43: 43 − 40 would give
        // the 3 back, so a partner is hidden in the women's column too, and in each row touched.
        let (counts, lines) = two_way(&[&[40, 50], &[3, 60]]);
        let hidden = suppress_linked(&counts, &lines, 5);
        assert!(hidden[2], "the 3");
        for line in &lines {
            assert_ne!(line.iter().filter(|&&i| hidden[i]).count(), 1, "{line:?} gives a hidden cell back");
        }
        assert!(!hidden[counts.len() - 1], "the grand total stays");
    }

    #[test]
    fn no_line_of_linked_tables_gives_a_hidden_cell_back() {
        // Every 2 × 3 table of 0, 2, 6 and 9 people: nothing small shows, no line gives a hidden
        // cell back, nor a sum of hidden cells of fewer than k.
        let values = [0, 2, 6, 9];
        for code in 0..values.len().pow(6) {
            let cell = |i: u32| values[code / values.len().pow(i) % values.len()];
            let (a, b) = ([cell(0), cell(1), cell(2)], [cell(3), cell(4), cell(5)]);
            let (counts, lines) = two_way(&[&a, &b]);
            let hidden = suppress_linked(&counts, &lines, 5);
            for (i, &count) in counts.iter().enumerate() {
                assert!(hidden[i] || count == 0 || count >= 5, "{a:?} {b:?}: {count} shown");
            }
            for line in &lines {
                assert_ne!(line.iter().filter(|&&i| hidden[i]).count(), 1, "{a:?} {b:?}: {line:?}");
                let (parts, total) = line.split_at(line.len() - 1);
                let sum: u64 = parts.iter().filter(|&&i| hidden[i]).map(|&i| counts[i]).sum();
                assert!(hidden[total[0]] || sum == 0 || sum >= 5, "{a:?} {b:?}: {line:?} gives {sum} back");
            }
        }
        assert!(rate_visible(Rate::new(0, 5), 5));
    }
}
