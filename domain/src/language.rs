//! The two languages of the product: Dutch first, English too.

use serde::{Deserialize, Serialize};

/// A language the product speaks. Dutch is the default everywhere.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Nl, Language::En];

    /// The BCP 47 tag, as used in `lang` attributes and `Accept-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// Parses a tag such as `nl`, `en-GB` or `NL-be`; other languages give `None`.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Language::Nl),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// Picks the language from an `Accept-Language` header: the first of ours that it lists, taking
    /// quality values into account, and Dutch when it lists neither.
    pub fn negotiate(accept_language: &str) -> Language {
        let mut best: Option<(Language, f32)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let Some(language) = parts.next().and_then(Language::from_tag) else {
                continue;
            };
            let quality =
                parts.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            if best.is_none_or(|(_, q)| quality > q) {
                best = Some((language, quality));
            }
        }
        best.map(|(language, _)| language).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_language_we_speak() {
        let cases = [
            ("", Language::Nl),
            ("en", Language::En),
            ("en-GB,en;q=0.9", Language::En),
            ("de-DE,de;q=0.9,en;q=0.8", Language::En),
            ("en;q=0.5,nl;q=0.9", Language::Nl),
            ("fr, de", Language::Nl),
            ("nl-BE", Language::Nl),
            ("EN-us", Language::En),
            ("en;q=garbage", Language::En),
        ];
        for (header, expected) in cases {
            assert_eq!(Language::negotiate(header), expected, "for {header:?}");
        }
    }

    #[test]
    fn tags_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
        }
    }
}
