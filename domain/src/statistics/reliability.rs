//! How much scorers agree. The intraclass correlations of Shrout & Fleiss (1979) for a complete
//! table of targets (answers, candidates) by judges (committee members, interviewers), and
//! Krippendorff's alpha, which allows missing scores and any level of measurement.

/// The six intraclass correlations of Shrout & Fleiss (1979), table 4. The procedure's figures are
/// ICC(2,1), one random judge's absolute agreement, and ICC(2,k), the mean of the k judges'.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Icc {
    pub icc_1_1: f64,
    pub icc_2_1: f64,
    pub icc_3_1: f64,
    pub icc_1_k: f64,
    pub icc_2_k: f64,
    pub icc_3_k: f64,
}

/// The ICCs of `scores`: one row per target, one column per judge, every cell filled. `None` with
/// fewer than two targets or two judges, ragged rows, or no variance to divide.
pub fn icc(scores: &[Vec<f64>]) -> Option<Icc> {
    let n = scores.len();
    let k = scores.first()?.len();
    if n < 2 || k < 2 || scores.iter().any(|row| row.len() != k) {
        return None;
    }
    let (nf, kf) = (n as f64, k as f64);
    let grand = scores.iter().flatten().sum::<f64>() / (nf * kf);
    let row_means: Vec<f64> = scores.iter().map(|row| row.iter().sum::<f64>() / kf).collect();
    let col_means: Vec<f64> = (0..k).map(|j| scores.iter().map(|row| row[j]).sum::<f64>() / nf).collect();
    let total: f64 = scores.iter().flatten().map(|x| (x - grand).powi(2)).sum();
    let between_targets: f64 = kf * row_means.iter().map(|m| (m - grand).powi(2)).sum::<f64>();
    let between_judges: f64 = nf * col_means.iter().map(|m| (m - grand).powi(2)).sum::<f64>();
    let within_targets = total - between_targets;
    let residual = within_targets - between_judges;
    let bms = between_targets / (nf - 1.0);
    let wms = within_targets / (nf * (kf - 1.0));
    let jms = between_judges / (kf - 1.0);
    let ems = residual / ((nf - 1.0) * (kf - 1.0));
    if bms <= 0.0 {
        return None;
    }
    Some(Icc {
        icc_1_1: (bms - wms) / (bms + (kf - 1.0) * wms),
        icc_2_1: (bms - ems) / (bms + (kf - 1.0) * ems + kf * (jms - ems) / nf),
        icc_3_1: (bms - ems) / (bms + (kf - 1.0) * ems),
        icc_1_k: (bms - wms) / bms,
        icc_2_k: (bms - ems) / (bms + (jms - ems) / nf),
        icc_3_k: (bms - ems) / bms,
    })
}

/// The level of measurement, which decides how far apart two values are (Krippendorff 2011).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Nominal,
    Ordinal,
    Interval,
}

/// Krippendorff's alpha of `units`: for each unit (an answer, a candidate), the values the scorers
/// gave it, `None` where a scorer gave none. Units with fewer than two values are not pairable and
/// count for nothing. `None` when nothing is pairable or all values are equal.
pub fn krippendorff_alpha(units: &[Vec<Option<f64>>], level: Level) -> Option<f64> {
    let mut values: Vec<f64> = units.iter().flatten().flatten().copied().collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let index = |v: f64| values.iter().position(|x| *x == v).unwrap_or_default();
    let size = values.len();
    // The coincidence matrix: every ordered pair of values within a unit, weighted 1 / (m_u − 1).
    let mut coincidences = vec![vec![0.0; size]; size];
    for unit in units {
        let present: Vec<usize> = unit.iter().flatten().map(|v| index(*v)).collect();
        let m = present.len();
        if m < 2 {
            continue;
        }
        for (i, &a) in present.iter().enumerate() {
            for (j, &b) in present.iter().enumerate() {
                if i != j {
                    coincidences[a][b] += 1.0 / (m as f64 - 1.0);
                }
            }
        }
    }
    let marginals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = marginals.iter().sum();
    if n < 2.0 {
        return None;
    }
    let distance = |c: usize, k: usize| -> f64 {
        match level {
            Level::Nominal => f64::from(u8::from(c != k)),
            Level::Interval => (values[c] - values[k]).powi(2),
            Level::Ordinal => {
                let (low, high) = (c.min(k), c.max(k));
                let between: f64 = marginals[low..=high].iter().sum();
                (between - (marginals[c] + marginals[k]) / 2.0).powi(2)
            }
        }
    };
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..size {
        for k in 0..size {
            let d = distance(c, k);
            observed += coincidences[c][k] * d;
            expected += marginals[c] * marginals[k] * d;
        }
    }
    let expected = expected / (n - 1.0);
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 0.005
    }

    /// Shrout & Fleiss (1979), Psychological Bulletin 86(2), table 2: six targets by four judges;
    /// table 4 gives the six ICCs to two decimals.
    #[test]
    fn the_iccs_match_shrout_and_fleiss_table_4() {
        let table = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];
        let scores: Vec<Vec<f64>> = table.iter().map(|row| row.iter().map(|&x| f64::from(x)).collect()).collect();
        let icc = icc(&scores).expect("computable");
        let expected = [
            (icc.icc_1_1, 0.17),
            (icc.icc_2_1, 0.29),
            (icc.icc_3_1, 0.71),
            (icc.icc_1_k, 0.44),
            (icc.icc_2_k, 0.62),
            (icc.icc_3_k, 0.91),
        ];
        for (index, (got, want)) in expected.into_iter().enumerate() {
            assert!(close(got, want), "ICC number {index}: {got:.3} against {want}");
        }
        assert_eq!(self::icc(&scores[..1]), None, "one target");
        assert_eq!(self::icc(&[vec![3.0, 3.0], vec![3.0]]), None, "ragged");
    }

    /// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", example C: four observers,
    /// twelve units, values 1 to 5, missing values; α = 0.743 nominal, 0.815 ordinal, 0.849 interval.
    #[test]
    fn alpha_matches_krippendorffs_example_with_missing_values() {
        let observers: [[Option<u8>; 12]; 4] = [
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1), Some(4), Some(1), Some(2), None, None, None],
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(2), Some(4), Some(1), Some(2), Some(5), None, Some(3)],
            [None, Some(3), Some(3), Some(3), Some(2), Some(3), Some(4), Some(2), Some(2), Some(5), Some(1), None],
            [Some(1), Some(2), Some(3), Some(3), Some(2), Some(4), Some(4), Some(1), Some(2), Some(5), Some(1), None],
        ];
        let units: Vec<Vec<Option<f64>>> =
            (0..12).map(|u| observers.iter().map(|o| o[u].map(f64::from)).collect()).collect();
        assert!(close(krippendorff_alpha(&units, Level::Nominal).expect("alpha"), 0.743));
        assert!(close(krippendorff_alpha(&units, Level::Ordinal).expect("alpha"), 0.815));
        assert!(close(krippendorff_alpha(&units, Level::Interval).expect("alpha"), 0.849));
    }

    /// Example A of the same paper: two observers, binary values, ten units: α = 0.095.
    #[test]
    fn alpha_matches_krippendorffs_binary_example() {
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        let units: Vec<Vec<Option<f64>>> =
            a.iter().zip(b).map(|(&x, y)| vec![Some(f64::from(x)), Some(f64::from(y))]).collect();
        assert!(close(krippendorff_alpha(&units, Level::Nominal).expect("alpha"), 0.095));
        assert_eq!(krippendorff_alpha(&[vec![Some(3.0), Some(3.0)]], Level::Interval), None, "no variation");
        assert_eq!(krippendorff_alpha(&[vec![Some(3.0), None]], Level::Interval), None, "nothing pairable");
    }
}
