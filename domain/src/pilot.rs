//! A pilot's arms. Each vacancy in a pilot runs either all three interventions (the pilot arm) or
//! the regular procedure (the control arm). Assignment is random within strata (organisation and
//! salary-scale band), so both arms hold alike vacancies, and reproducible from a stored seed.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use crate::vacancy::Arm;

/// The smallest group a published figure may come from, unless a pilot sets a stricter one.
pub const DEFAULT_K: u16 = 5;
/// The thresholds a pilot may set: never below five people.
pub const THRESHOLDS: std::ops::RangeInclusive<u16> = 5..=100;

/// Why a pilot's settings are not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PilotError {
    #[error("a pilot's name must be 1 to 200 characters")]
    Name,
    #[error("a pilot ends after it starts")]
    Period,
    #[error("the threshold k must be 5 to 100 people")]
    Threshold,
    #[error("a pilot needs at least one organisation")]
    Organisations,
}

/// A pilot's name as typed: trimmed, 1 to 200 characters.
pub fn parse_pilot_name(name: &str) -> Result<String, PilotError> {
    let name = name.trim();
    if (1..=200).contains(&name.chars().count()) { Ok(name.to_owned()) } else { Err(PilotError::Name) }
}

/// An assignment by hand needs a reason of 10 to 500 characters; `None` otherwise.
pub fn parse_assignment_reason(reason: &str) -> Option<String> {
    let reason = reason.trim();
    (10..=500).contains(&reason.chars().count()).then(|| reason.to_owned())
}

/// Rijksoverheid salary scales grouped as the evaluation compares them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScaleBand {
    /// Scales 1 to 7: mbo-level work.
    #[serde(rename = "up_to_7")]
    UpTo7,
    /// Scales 8 to 10.
    #[serde(rename = "from_8_to_10")]
    From8To10,
    /// Scales 11 to 13.
    #[serde(rename = "from_11_to_13")]
    From11To13,
    /// Scale 14 and up: senior and management.
    #[serde(rename = "from_14")]
    From14,
    /// No scale given.
    #[default]
    Unknown,
}

impl ScaleBand {
    pub fn as_str(self) -> &'static str {
        match self {
            ScaleBand::UpTo7 => "up_to_7",
            ScaleBand::From8To10 => "from_8_to_10",
            ScaleBand::From11To13 => "from_11_to_13",
            ScaleBand::From14 => "from_14",
            ScaleBand::Unknown => "unknown",
        }
    }

    pub fn of(scale: Option<u8>) -> ScaleBand {
        match scale {
            Some(1..=7) => ScaleBand::UpTo7,
            Some(8..=10) => ScaleBand::From8To10,
            Some(11..=13) => ScaleBand::From11To13,
            Some(14..) => ScaleBand::From14,
            _ => ScaleBand::Unknown,
        }
    }
}

/// The stratum of a vacancy: its organisation and salary-scale band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stratum {
    pub organisation: Uuid,
    pub band: ScaleBand,
}

/// Assigns each vacancy an arm: within each stratum, a ChaCha8 shuffle from `seed` and then half to
/// each arm; an odd one out goes to either arm by the same generator. The same vacancies and seed
/// give the same assignment on every machine, whatever order they come in.
pub fn assign_arms(vacancies: &[(Uuid, Stratum)], seed: u64) -> Vec<(Uuid, Arm)> {
    let mut strata: Vec<Stratum> = vacancies.iter().map(|(_, s)| *s).collect();
    strata.sort_unstable();
    strata.dedup();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut assigned = Vec::with_capacity(vacancies.len());
    for stratum in strata {
        let mut members: Vec<Uuid> = vacancies.iter().filter(|(_, s)| *s == stratum).map(|(id, _)| *id).collect();
        members.sort_unstable();
        members.shuffle(&mut rng);
        let odd = members.len() % 2 == 1;
        let pilots = members.len() / 2 + usize::from(odd && rng.random_bool(0.5));
        for (index, id) in members.into_iter().enumerate() {
            assigned.push((id, if index < pilots { Arm::Pilot } else { Arm::Control }));
        }
    }
    assigned
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stratum(organisation: u128, scale: u8) -> Stratum {
        Stratum { organisation: Uuid::from_u128(organisation), band: ScaleBand::of(Some(scale)) }
    }

    fn vacancies() -> Vec<(Uuid, Stratum)> {
        let mut all = Vec::new();
        for n in 0..9 {
            all.push((Uuid::from_u128(100 + n), stratum(1, 10)));
        }
        for n in 0..4 {
            all.push((Uuid::from_u128(200 + n), stratum(1, 12)));
        }
        for n in 0..5 {
            all.push((Uuid::from_u128(300 + n), stratum(2, 12)));
        }
        all
    }

    #[test]
    fn each_stratum_is_split_in_halves_reproducibly_whatever_the_order() {
        let all = vacancies();
        let first = assign_arms(&all, 2023);
        assert_eq!(first.len(), all.len());
        for s in [stratum(1, 10), stratum(1, 12), stratum(2, 12)] {
            let members: Vec<Uuid> = all.iter().filter(|(_, x)| *x == s).map(|(id, _)| *id).collect();
            let pilots = first.iter().filter(|(id, arm)| members.contains(id) && *arm == Arm::Pilot).count();
            let controls = members.len() - pilots;
            assert!(pilots.abs_diff(controls) <= 1, "{s:?}: {pilots} against {controls}");
        }
        let mut reversed = all.clone();
        reversed.reverse();
        let mut again = assign_arms(&reversed, 2023);
        let mut sorted = first.clone();
        again.sort_by_key(|(id, _)| *id);
        sorted.sort_by_key(|(id, _)| *id);
        assert_eq!(again, sorted, "the input order does not matter");
        let mut other = assign_arms(&all, 2024);
        other.sort_by_key(|(id, _)| *id);
        assert_ne!(other, sorted, "another seed, another assignment");
    }

    #[test]
    fn the_assignment_is_stable_across_versions() {
        // ChaCha8 from the same seed gives the same shuffle on every machine; this pins it, so a
        // new version of `rand` cannot silently change a stored pilot's arms.
        let small: Vec<(Uuid, Stratum)> = (1..=6).map(|n| (Uuid::from_u128(n), stratum(1, 10))).collect();
        let pilots: Vec<u128> =
            assign_arms(&small, 1).iter().filter(|(_, arm)| *arm == Arm::Pilot).map(|(id, _)| id.as_u128()).collect();
        assert_eq!(pilots, PINNED_PILOTS);
    }

    const PINNED_PILOTS: [u128; 3] = [4, 5, 6];

    #[test]
    fn names_and_reasons_are_bounded() {
        assert_eq!(parse_pilot_name("  Breed werven  ").as_deref(), Ok("Breed werven"));
        assert_eq!(parse_pilot_name(" "), Err(PilotError::Name));
        assert_eq!(parse_assignment_reason("te kort"), None);
        assert!(parse_assignment_reason("De afdeling werkt al met een gestructureerd interview.").is_some());
        assert!(!THRESHOLDS.contains(&4) && THRESHOLDS.contains(&DEFAULT_K));
    }

    #[test]
    fn bands_are_named_alike_on_the_wire_and_in_the_export() {
        for band in
            [ScaleBand::UpTo7, ScaleBand::From8To10, ScaleBand::From11To13, ScaleBand::From14, ScaleBand::Unknown]
        {
            assert_eq!(serde_json::to_value(band).expect("json"), band.as_str());
        }
    }

    #[test]
    fn scales_fall_into_their_bands() {
        assert_eq!(ScaleBand::of(Some(7)), ScaleBand::UpTo7);
        assert_eq!(ScaleBand::of(Some(8)), ScaleBand::From8To10);
        assert_eq!(ScaleBand::of(Some(13)), ScaleBand::From11To13);
        assert_eq!(ScaleBand::of(Some(18)), ScaleBand::From14);
        assert_eq!(ScaleBand::of(None), ScaleBand::Unknown);
    }
}
