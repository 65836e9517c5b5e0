//! Pass-through rates: the Wilson score interval, the adverse-impact ratio with its four-fifths
//! flag decided in whole numbers (so 0.8 is never flagged through rounding), and Fisher's exact
//! test for a 2 × 2 table.

/// `selected` of `total` people passed a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub selected: u64,
    pub total: u64,
}

impl Rate {
    pub fn new(selected: u64, total: u64) -> Rate {
        Rate { selected, total }
    }

    /// The share, or `None` for nobody.
    pub fn share(self) -> Option<f64> {
        (self.total > 0).then(|| self.selected as f64 / self.total as f64)
    }

    /// `self`'s share is higher than `other`'s, compared exactly.
    fn exceeds(self, other: Rate) -> bool {
        u128::from(self.selected) * u128::from(other.total) > u128::from(other.selected) * u128::from(self.total)
    }
}

/// The normal quantile of a two-sided 95 % interval.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// The Wilson score interval of a rate at `z` (Wilson 1927; Newcombe 1998, method 3), or `None` for
/// nobody. Unlike the textbook interval it stays within 0 and 1 and is honest for small counts.
pub fn wilson(rate: Rate, z: f64) -> Option<(f64, f64)> {
    let p = rate.share()?;
    let n = rate.total as f64;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// The highest of `rates` (the reference for the adverse-impact ratio), compared exactly; `None`
/// when no group has anyone, or nobody was selected at all.
pub fn highest(rates: &[Rate]) -> Option<Rate> {
    let mut best: Option<Rate> = None;
    for &rate in rates.iter().filter(|r| r.total > 0) {
        if best.is_none_or(|b| rate.exceeds(b)) {
            best = Some(rate);
        }
    }
    best.filter(|b| b.selected > 0)
}

/// A group's rate divided by the highest group's rate (Uniform Guidelines, 29 CFR 1607.4D).
pub fn impact_ratio(group: Rate, highest: Rate) -> Option<f64> {
    Some(group.share()? / highest.share().filter(|h| *h > 0.0)?)
}

/// The four-fifths rule: a ratio *below* 4/5 indicates adverse impact. Decided in whole numbers:
/// (a / n) / (b / m) < 4 / 5 exactly when 5 · a · m < 4 · n · b.
pub fn below_four_fifths(group: Rate, highest: Rate) -> bool {
    let (a, n) = (u128::from(group.selected), u128::from(group.total));
    let (b, m) = (u128::from(highest.selected), u128::from(highest.total));
    n > 0 && b > 0 && 5 * a * m < 4 * n * b
}

/// Fisher's exact test of a 2 × 2 table `[[a, b], [c, d]]`, two-sided: the probability, with the
/// margins fixed, of every table at most as likely as the one observed (as R's `fisher.test` and
/// SciPy's `fisher_exact` define it, with R's relative tolerance of 10⁻⁷ for ties).
pub fn fisher_exact(table: [[u64; 2]; 2]) -> f64 {
    let [[a, b], [c, d]] = table;
    let (row1, row2, col1) = (a + b, c + d, a + c);
    let n = row1 + row2;
    // ln(i!) for every i up to n, summed once: each term below is then three lookups.
    let mut ln_factorials = Vec::with_capacity(usize::try_from(n).unwrap_or_default() + 1);
    let mut sum = 0.0;
    ln_factorials.push(sum);
    for i in 1..=n {
        sum += (i as f64).ln();
        ln_factorials.push(sum);
    }
    let ln_factorial = |i: u64| ln_factorials[usize::try_from(i).unwrap_or_default()];
    let ln_choose = |n: u64, k: u64| ln_factorial(n) - ln_factorial(k) - ln_factorial(n - k);
    let ln_p = |x: u64| ln_choose(row1, x) + ln_choose(row2, col1 - x) - ln_choose(n, col1);
    let observed = ln_p(a);
    let low = col1.saturating_sub(row2);
    let high = row1.min(col1);
    let p: f64 = (low..=high).map(ln_p).filter(|&l| l <= observed + 1e-7_f64.ln_1p()).map(f64::exp).sum();
    p.min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64, tolerance: f64) -> bool {
        (x - y).abs() < tolerance
    }

    /// Newcombe (1998), Statistics in Medicine 17, table I, method 3 (Wilson score, no correction).
    #[test]
    fn wilson_intervals_match_newcombes_worked_examples() {
        let cases = [
            ((81, 263), (0.2553, 0.3662)),
            ((15, 148), (0.0624, 0.1605)),
            ((0, 20), (0.0, 0.1611)),
            ((1, 29), (0.0061, 0.1718)),
        ];
        for ((x, n), (low, high)) in cases {
            let (l, h) = wilson(Rate::new(x, n), Z_95).expect("an interval");
            assert!(close(l, low, 5e-5) && close(h, high, 5e-5), "{x}/{n}: ({l:.4}, {h:.4})");
        }
        assert_eq!(wilson(Rate::new(0, 0), Z_95), None);
    }

    /// The Uniform Guidelines' own example (Questions and Answers, no. 12): 48 of 80 white applicants
    /// hired (60 %), 12 of 40 black applicants (30 %): a ratio of 50 %, adverse impact.
    #[test]
    fn the_four_fifths_rule_follows_the_uniform_guidelines_example() {
        let (white, black) = (Rate::new(48, 80), Rate::new(12, 40));
        let top = highest(&[black, white]).expect("a highest rate");
        assert_eq!(top, white);
        assert!(close(impact_ratio(black, top).expect("ratio"), 0.5, 1e-12));
        assert!(below_four_fifths(black, top));
        assert!(!below_four_fifths(white, top));
    }

    /// Exactly four fifths is not below four fifths, even where floating point says 0.7999…: 2 of 25
    /// (8 %) against 1 of 10 (10 %).
    #[test]
    fn exactly_four_fifths_is_never_flagged_through_rounding() {
        let (group, top) = (Rate::new(2, 25), Rate::new(1, 10));
        let naive = (2.0 / 25.0) / (1.0 / 10.0);
        assert!(naive < 0.8, "the trap: {naive}");
        assert!(!below_four_fifths(group, top));
        assert!(below_four_fifths(Rate::new(2, 26), top));
        assert_eq!(highest(&[Rate::new(0, 5), Rate::new(0, 0)]), None, "nobody selected: no reference");
    }

    /// R's `fisher.test` documentation: the tea-tasting table gives p = 0.4857 and the convictions of
    /// twins p = 0.0005367 (two-sided); SciPy's `fisher_exact` documentation: [[6, 2], [1, 4]] gives
    /// p = 0.10256.
    #[test]
    fn fishers_exact_test_matches_r_and_scipy() {
        assert!(close(fisher_exact([[3, 1], [1, 3]]), 0.485_714_285_7, 1e-9));
        assert!(close(fisher_exact([[2, 15], [10, 3]]), 0.000_536_724_119, 1e-12));
        assert!(close(fisher_exact([[6, 2], [1, 4]]), 0.102_564_102_6, 1e-9));
        assert!(close(fisher_exact([[5, 5], [5, 5]]), 1.0, 1e-12));
    }
}
