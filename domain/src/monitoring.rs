//! The voluntary monitoring questionnaire (PRODUCT.md): CBS herkomst from the applicant's own and
//! parents' birth countries, gender, age band, occupational disability and education level. Every
//! question may be skipped or answered "zeg ik liever niet". It is stored apart from answers and
//! identity, and only ever reported in aggregate. Nothing here is ever inferred from a name.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// What the applicant chose to tell. `None` is a question left open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonitoringAnswers {
    /// A country code of [`countries`], or [`PREFER_NOT_TO_SAY`] / [`DO_NOT_KNOW`].
    #[serde(default)]
    pub birth_country: Option<String>,
    #[serde(default)]
    pub mother_birth_country: Option<String>,
    #[serde(default)]
    pub father_birth_country: Option<String>,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default)]
    pub age_band: Option<AgeBand>,
    #[serde(default)]
    pub disability: Option<Disability>,
    #[serde(default)]
    pub education: Option<Education>,
}

/// The answer "zeg ik liever niet" to a birth-country question.
pub const PREFER_NOT_TO_SAY: &str = "prefer_not_to_say";
/// The answer "weet ik niet" to a parent's birth country.
pub const DO_NOT_KNOW: &str = "do_not_know";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Man,
    Woman,
    Other,
    PreferNotToSay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    Under25,
    From25To34,
    From35To44,
    From45To54,
    From55,
    PreferNotToSay,
}

/// Arbeidsbeperking: whether the applicant has an occupational disability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Disability {
    Yes,
    No,
    PreferNotToSay,
}

/// The highest education completed, in CBS's three levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Education {
    /// Basisonderwijs, vmbo, mbo 1, onderbouw havo/vwo.
    Low,
    /// Mbo 2–4, havo, vwo.
    Middle,
    /// Hbo, wo.
    High,
    PreferNotToSay,
}

impl Gender {
    pub const ALL: [Gender; 4] = [Gender::Man, Gender::Woman, Gender::Other, Gender::PreferNotToSay];
}

impl AgeBand {
    pub const ALL: [AgeBand; 6] = [
        AgeBand::Under25,
        AgeBand::From25To34,
        AgeBand::From35To44,
        AgeBand::From45To54,
        AgeBand::From55,
        AgeBand::PreferNotToSay,
    ];
}

impl Disability {
    pub const ALL: [Disability; 3] = [Disability::Yes, Disability::No, Disability::PreferNotToSay];
}

impl Education {
    pub const ALL: [Education; 4] = [Education::Low, Education::Middle, Education::High, Education::PreferNotToSay];
}

/// A continent in CBS's herkomst classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Continent {
    Netherlands,
    Europe,
    Africa,
    America,
    Asia,
    Oceania,
}

impl Continent {
    pub fn as_str(self) -> &'static str {
        match self {
            Continent::Netherlands => "netherlands",
            Continent::Europe => "europe",
            Continent::Africa => "africa",
            Continent::America => "america",
            Continent::Asia => "asia",
            Continent::Oceania => "oceania",
        }
    }
}

/// The three groups the government reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OriginGroup {
    Netherlands,
    Europe,
    OutsideEurope,
}

impl OriginGroup {
    pub fn as_str(self) -> &'static str {
        match self {
            OriginGroup::Netherlands => "netherlands",
            OriginGroup::Europe => "europe",
            OriginGroup::OutsideEurope => "outside_europe",
        }
    }
}

/// CBS herkomst derived from the birth countries; `None` where the answers do not tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Herkomst {
    pub born_in_netherlands: Option<bool>,
    pub continent: Option<Continent>,
    pub group: Option<OriginGroup>,
}

/// A country a person can be born in, with its CBS continent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Country {
    pub code: String,
    pub nl: String,
    pub en: String,
    pub continent: Continent,
}

#[derive(Debug, Deserialize)]
struct CountryFile {
    countries: Vec<Country>,
}

/// The countries of `domain/monitoring/countries.json`, sorted by Dutch name.
pub fn countries() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        // Checked by the tests below; a broken file gives an empty list, never a panic.
        serde_json::from_str::<CountryFile>(include_str!("../monitoring/countries.json"))
            .map(|file| file.countries)
            .unwrap_or_default()
    })
}

fn continent_of(answer: Option<&str>) -> Option<Continent> {
    let code = answer?;
    countries().iter().find(|c| c.code == code).map(|c| c.continent)
}

/// CBS's rule (2022): someone born abroad has their own birth country as herkomstland; someone born
/// in the Netherlands has their mother's birth country if she was born abroad, otherwise their
/// father's, otherwise the Netherlands.
pub fn herkomst(answers: &MonitoringAnswers) -> Herkomst {
    let own = continent_of(answers.birth_country.as_deref());
    let mother = continent_of(answers.mother_birth_country.as_deref());
    let father = continent_of(answers.father_birth_country.as_deref());
    let born_in_netherlands = own.map(|c| c == Continent::Netherlands);
    let continent = match own {
        None => None,
        Some(Continent::Netherlands) => match (mother, father) {
            (Some(m), _) if m != Continent::Netherlands => Some(m),
            (Some(Continent::Netherlands), Some(f)) => Some(f),
            // Without both parents we cannot tell Dutch herkomst from a parent's.
            _ => None,
        },
        Some(abroad) => Some(abroad),
    };
    let group = continent.map(|c| match c {
        Continent::Netherlands => OriginGroup::Netherlands,
        Continent::Europe => OriginGroup::Europe,
        _ => OriginGroup::OutsideEurope,
    });
    Herkomst { born_in_netherlands, continent, group }
}

/// Why monitoring answers cannot be stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{0} is not a country of the list")]
pub struct UnknownCountry(pub &'static str);

/// Checks that every birth country is on the list, "zeg ik liever niet" or "weet ik niet".
pub fn check(answers: &MonitoringAnswers) -> Result<(), UnknownCountry> {
    let fields = [
        ("birth_country", &answers.birth_country),
        ("mother_birth_country", &answers.mother_birth_country),
        ("father_birth_country", &answers.father_birth_country),
    ];
    for (field, answer) in fields {
        if let Some(code) = answer.as_deref() {
            let known = code == PREFER_NOT_TO_SAY || code == DO_NOT_KNOW || countries().iter().any(|c| c.code == code);
            if !known {
                return Err(UnknownCountry(field));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn born(own: &str, mother: &str, father: &str) -> MonitoringAnswers {
        let answer = |code: &str| (!code.is_empty()).then(|| code.to_owned());
        MonitoringAnswers {
            birth_country: answer(own),
            mother_birth_country: answer(mother),
            father_birth_country: answer(father),
            ..MonitoringAnswers::default()
        }
    }

    #[test]
    fn herkomst_follows_the_cbs_rule_of_own_then_mother_then_father() {
        use Continent::*;
        let cases = [
            ("born abroad: own country", born("MA", "NL", "NL"), Some(false), Some(Africa)),
            ("born in NL, mother abroad: mother's", born("NL", "TR", "DE"), Some(true), Some(Asia)),
            ("born in NL, only father abroad: father's", born("NL", "NL", "SR"), Some(true), Some(America)),
            ("born in NL, parents too", born("NL", "NL", "NL"), Some(true), Some(Netherlands)),
            ("born in NL, parents unknown", born("NL", DO_NOT_KNOW, "NL"), Some(true), None),
            ("prefers not to say", born(PREFER_NOT_TO_SAY, "NL", "NL"), None, None),
            ("skipped", born("", "", ""), None, None),
            ("born in Poland", born("PL", "", ""), Some(false), Some(Europe)),
        ];
        for (case, answers, born_in_netherlands, continent) in cases {
            let found = herkomst(&answers);
            assert_eq!((found.born_in_netherlands, found.continent), (born_in_netherlands, continent), "{case}");
        }
        assert_eq!(herkomst(&born("NL", "ID", "NL")).group, Some(OriginGroup::OutsideEurope));
        assert_eq!(herkomst(&born("BE", "", "")).group, Some(OriginGroup::Europe));
    }

    #[test]
    fn the_country_list_is_complete_and_unique_with_one_netherlands() {
        let list = countries();
        assert!(list.len() > 190, "{} countries", list.len());
        let mut codes: Vec<&str> = list.iter().map(|c| c.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), list.len(), "duplicate codes");
        assert_eq!(list.iter().filter(|c| c.continent == Continent::Netherlands).count(), 1);
    }

    #[test]
    fn only_listed_countries_and_the_two_non_answers_are_accepted() {
        assert!(check(&born("NL", PREFER_NOT_TO_SAY, DO_NOT_KNOW)).is_ok());
        assert_eq!(check(&born("NL", "XX", "")), Err(UnknownCountry("mother_birth_country")));
    }
}
