//! After the interviews: the recruiter's decision per candidate, which must explain itself by the
//! scores when it departs from the mechanical ranking, and the feedback a candidate who was not
//! selected receives: their band (lower, middle or upper third of the pool) per assessed criterion,
//! never an exact rank and never anyone else's data.

use serde::{Deserialize, Serialize};

/// The recruiter's decision on one interviewed candidate, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Offer,
    Reserve,
    NotSelected,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Offer => "offer",
            Outcome::Reserve => "reserve",
            Outcome::NotSelected => "not_selected",
        }
    }

    pub fn parse(name: &str) -> Option<Outcome> {
        [Outcome::Offer, Outcome::Reserve, Outcome::NotSelected].into_iter().find(|o| o.as_str() == name)
    }
}

/// What became of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferResponse {
    Accepted,
    Declined,
}

impl OfferResponse {
    pub fn as_str(self) -> &'static str {
        match self {
            OfferResponse::Accepted => "accepted",
            OfferResponse::Declined => "declined",
        }
    }

    pub fn parse(name: &str) -> Option<OfferResponse> {
        [OfferResponse::Accepted, OfferResponse::Declined].into_iter().find(|r| r.as_str() == name)
    }
}

/// A decision departs from the ranking when a candidate with a higher interview score gets a worse
/// outcome than one with a lower score. `own` is the candidate being decided; `others` are the
/// decisions already recorded for the vacancy's other candidates, with their interview scores.
pub fn departs_from_ranking(own: (f64, Outcome), others: &[(f64, Outcome)]) -> bool {
    let (score, outcome) = own;
    others.iter().any(|&(other_score, other_outcome)| {
        (score > other_score && outcome > other_outcome) || (score < other_score && outcome < other_outcome)
    })
}

/// Why a rationale is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RationaleError {
    #[error("a rationale must be 10 to 2,000 characters")]
    Length,
    #[error("a decision that departs from the ranking must say which scores justify it")]
    ScoresNotReferenced,
}

/// A decision's rationale as typed. One that departs from the ranking must reference the scores: name
/// a score (a number) or the word score, so a reader can check the argument against the scorecards.
pub fn parse_rationale(text: &str, departs: bool) -> Result<String, RationaleError> {
    let text = text.trim();
    if !(10..=2000).contains(&text.chars().count()) {
        return Err(RationaleError::Length);
    }
    let references_scores = text.chars().any(|c| c.is_ascii_digit()) || text.to_lowercase().contains("score");
    if departs && !references_scores {
        return Err(RationaleError::ScoresNotReferenced);
    }
    Ok(text.to_owned())
}

/// A candidate's place in the pool on one criterion, in thirds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Lower,
    Middle,
    Upper,
}

/// Bands are given only for pools of at least this many candidates. With fewer, a third holds a
/// single place and a band would be an exact rank (with five, the middle third is the third place).
pub const MIN_POOL_FOR_BANDS: usize = 6;

/// The band of `own` in `pool` (which includes `own`), by mid-rank: the share of the pool below it,
/// ties counted half. Below one third is the lower band, above two thirds the upper band. `None`
/// for a pool smaller than [`MIN_POOL_FOR_BANDS`].
pub fn band(pool: &[f64], own: f64) -> Option<Band> {
    if pool.len() < MIN_POOL_FOR_BANDS {
        return None;
    }
    // Means of the same whole-number scores, computed alike, are compared with a margin for rounding.
    const SAME: f64 = 1e-9;
    let below = pool.iter().filter(|&&s| s < own - SAME).count();
    let tied = pool.iter().filter(|&&s| (s - own).abs() <= SAME).count();
    // Mid-rank share p = (below + tied / 2) / n, compared with 1/3 and 2/3 in whole numbers: 3(2b + t) vs 2n, 4n.
    let (scaled, n) = (3 * (2 * below + tied), pool.len());
    Some(if scaled < 2 * n {
        Band::Lower
    } else if scaled > 4 * n {
        Band::Upper
    } else {
        Band::Middle
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_better_outcome_for_a_lower_score_departs_from_the_ranking() {
        let decided = [(4.2, Outcome::Offer), (3.1, Outcome::Reserve)];
        assert!(!departs_from_ranking((2.5, Outcome::NotSelected), &decided));
        assert!(!departs_from_ranking((3.1, Outcome::Reserve), &decided), "equal scores, equal outcome");
        assert!(departs_from_ranking((4.5, Outcome::Reserve), &decided), "the best score held back");
        assert!(departs_from_ranking((2.0, Outcome::Offer), &decided), "a lower score preferred");
        assert!(!departs_from_ranking((2.0, Outcome::Offer), &[]), "nothing to depart from yet");
        assert!(!departs_from_ranking((3.1, Outcome::Offer), &[(3.1, Outcome::Reserve)]), "a tie may go either way");
    }

    #[test]
    fn a_rationale_that_departs_must_name_the_scores() {
        assert_eq!(parse_rationale("te kort", false), Err(RationaleError::Length));
        assert_eq!(parse_rationale(" Hoogste interviewscore. ", false).as_deref(), Ok("Hoogste interviewscore."));
        assert_eq!(
            parse_rationale("Past beter in het team, vinden wij.", true),
            Err(RationaleError::ScoresNotReferenced)
        );
        assert!(parse_rationale("Op vraag 2 (klantgerichtheid) gemiddeld 4,5 tegen 3.", true).is_ok());
        assert!(parse_rationale("Her Score on the must-have question was the highest.", true).is_ok());
    }

    #[test]
    fn bands_are_thirds_of_the_pool_by_mid_rank() {
        let pool = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let bands: Vec<Option<Band>> = pool.iter().map(|&s| band(&pool, s)).collect();
        use Band::*;
        assert_eq!(bands, [Some(Lower), Some(Lower), Some(Middle), Some(Middle), Some(Upper), Some(Upper)]);
        // Seven: mid-ranks 1/14, 3/14, …, 13/14; the thirds hold 2, 3 and 2 places.
        let seven = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0];
        let bands: Vec<Option<Band>> = seven.iter().map(|&s| band(&seven, s)).collect();
        assert_eq!(bands.iter().filter(|b| **b == Some(Middle)).count(), 3);
        assert_eq!(bands[1], Some(Lower));
        assert_eq!(bands[5], Some(Upper));
    }

    #[test]
    fn ties_share_a_band_and_small_pools_get_none() {
        // Everyone equal: mid-rank 1/2 for all, the middle band.
        assert_eq!(band(&[3.0; 6], 3.0), Some(Band::Middle));
        // Four below, two tied at the top: (4 + 1) / 6 = 5/6, upper.
        assert_eq!(band(&[1.0, 1.0, 2.0, 2.0, 4.5, 4.5], 4.5), Some(Band::Upper));
        // Exactly one third is not below it: one below, two tied of six: (1 + 2/2) / 6 = 1/3, middle.
        assert_eq!(band(&[1.0, 2.0, 2.0, 3.0, 4.0, 5.0], 2.0), Some(Band::Middle));
        assert_eq!(band(&[1.0, 2.0, 3.0, 4.0, 5.0], 3.0), None, "five: the middle third is one place");
        // Sums of the same scores in another order may differ in the last bit; they still tie.
        let a = 0.1 + 0.2 + 0.3;
        let b = 0.3 + 0.2 + 0.1;
        assert_ne!(a, b);
        assert_eq!(band(&[a, b, a, b, a, b], a), Some(Band::Middle));
    }
}
