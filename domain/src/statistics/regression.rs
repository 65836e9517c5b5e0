//! A straight line through points by least squares, with the standard error of its slope: how
//! much a score drifts with the position of the answer in a scorer's order.

/// The slope of the least-squares line and its standard error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slope {
    pub estimate: f64,
    pub standard_error: f64,
}

/// The least-squares slope of `y` on `x` over `points`. `None` with fewer than three points or
/// when every `x` is the same.
pub fn slope(points: &[(f64, f64)]) -> Option<Slope> {
    let n = points.len();
    if n < 3 {
        return None;
    }
    let nf = n as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / nf;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / nf;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let estimate = sxy / sxx;
    let intercept = mean_y - estimate * mean_x;
    let residuals: f64 = points.iter().map(|p| (p.1 - intercept - estimate * p.0).powi(2)).sum();
    let standard_error = (residuals / (nf - 2.0) / sxx).sqrt();
    Some(Slope { estimate, standard_error })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Anscombe (1973), "Graphs in statistical analysis", data set I: the fitted line is
    /// y = 3.00 + 0.500 x, and R's `summary(lm(y1 ~ x1, anscombe))` gives the slope's standard error
    /// as 0.1179.
    #[test]
    fn the_slope_matches_anscombes_first_data_set() {
        let x = [10.0, 8.0, 13.0, 9.0, 11.0, 14.0, 6.0, 4.0, 12.0, 7.0, 5.0];
        let y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
        let points: Vec<(f64, f64)> = x.into_iter().zip(y).collect();
        let fitted = slope(&points).expect("a line");
        assert!((fitted.estimate - 0.5001).abs() < 0.00005, "{}", fitted.estimate);
        assert!((fitted.standard_error - 0.1179).abs() < 0.00005, "{}", fitted.standard_error);
    }

    #[test]
    fn no_line_through_too_few_or_vertical_points() {
        assert_eq!(slope(&[(1.0, 2.0), (2.0, 3.0)]), None);
        assert_eq!(slope(&[(1.0, 2.0), (1.0, 3.0), (1.0, 4.0)]), None);
    }
}
