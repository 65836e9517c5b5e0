//! Identity cues in an answer: words that may tell the committee who wrote it (PRODUCT.md,
//! "Screening"). The detector finds spans with a type and a confidence, in Dutch and English, from
//! patterns (e-mail, phone, postcode, BSN with its 11-proef, dates, ages, addresses, URLs) and from
//! the word lists of `domain/identity/` (names, places, nationalities, religion, gender, schools),
//! mostly in the context that makes them personal ("ik woon in …", "als moeder", "geboren in …").
//!
//! The applicant's editor warns with it while typing; the screening step masks what the recruiter
//! confirms ([`mask`]), and the share of answers that needed it is kept ([`LeakRate`]). It never
//! decides anything: it points at words for a person to look at.

mod lexicon;
mod masking;

use serde::{Deserialize, Serialize};

use self::lexicon::{lexicon, trim_punctuation};
pub use self::masking::{FindingDecision, FindingSource, LeakRate, Mask, failed_knock_outs, mask, mask_fits};

/// What kind of identity a span may reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CueType {
    Person,
    Email,
    Phone,
    Postcode,
    Bsn,
    DateOfBirth,
    Age,
    Address,
    Location,
    Gender,
    Origin,
    Religion,
    School,
    Url,
}

impl CueType {
    pub const ALL: [CueType; 14] = [
        CueType::Person,
        CueType::Email,
        CueType::Phone,
        CueType::Postcode,
        CueType::Bsn,
        CueType::DateOfBirth,
        CueType::Age,
        CueType::Address,
        CueType::Location,
        CueType::Gender,
        CueType::Origin,
        CueType::Religion,
        CueType::School,
        CueType::Url,
    ];

    /// The name used in data files and reports, e.g. `DATE_OF_BIRTH`.
    pub fn as_str(self) -> &'static str {
        match self {
            CueType::Person => "PERSON",
            CueType::Email => "EMAIL",
            CueType::Phone => "PHONE",
            CueType::Postcode => "POSTCODE",
            CueType::Bsn => "BSN",
            CueType::DateOfBirth => "DATE_OF_BIRTH",
            CueType::Age => "AGE",
            CueType::Address => "ADDRESS",
            CueType::Location => "LOCATION",
            CueType::Gender => "GENDER",
            CueType::Origin => "ORIGIN",
            CueType::Religion => "RELIGION",
            CueType::School => "SCHOOL",
            CueType::Url => "URL",
        }
    }

    pub fn parse(name: &str) -> Option<CueType> {
        CueType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// The placeholder that replaces a confirmed span in the committee's copy.
    pub fn placeholder(self) -> &'static str {
        match self {
            CueType::Person => "[naam]",
            CueType::Email => "[e-mail]",
            CueType::Phone => "[telefoon]",
            CueType::Postcode => "[postcode]",
            CueType::Bsn => "[bsn]",
            CueType::DateOfBirth => "[geboortedatum]",
            CueType::Age => "[leeftijd]",
            CueType::Address => "[adres]",
            CueType::Location => "[woonplaats]",
            CueType::Gender => "[gender]",
            CueType::Origin => "[herkomst]",
            CueType::Religion => "[geloof]",
            CueType::School => "[school]",
            CueType::Url => "[link]",
        }
    }
}

/// One cue: its type, where it is (character offsets), and how sure the detector is (0–1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdentityCue {
    #[serde(rename = "type")]
    pub kind: CueType,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
}

/// A word as the detector sees it: the token between spaces without its surrounding punctuation.
#[derive(Debug, Clone)]
struct Token<'a> {
    core: &'a str,
    lower: String,
    start: usize,
    end: usize,
    /// Ends a sentence or a line (a full stop, ?, !, : or a line break follows).
    ends_clause: bool,
}

impl Token<'_> {
    fn is_capitalised(&self) -> bool {
        self.core.chars().next().is_some_and(char::is_uppercase)
    }

    fn digits(&self) -> usize {
        self.core.chars().filter(char::is_ascii_digit).count()
    }

    fn number(&self) -> Option<u32> {
        self.core.parse().ok()
    }
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut found = Vec::new();
    let mut chars_before = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let raw = piece.trim_end();
        let core = trim_punctuation(raw);
        if !core.is_empty()
            && let Some(offset) = raw.find(core)
        {
            let start = chars_before + raw[..offset].chars().count();
            let after = &raw[offset + core.len()..];
            let ends_clause = after.contains(['.', '!', '?', ':', ',']) && !after.starts_with('\'')
                || piece.ends_with('\n')
                || (core.ends_with('.') && core.len() > 2);
            found.push(Token {
                core,
                lower: core.to_lowercase(),
                start,
                end: start + core.chars().count(),
                ends_clause,
            });
        }
        chars_before += piece.chars().count();
    }
    found
}

/// The identity cues in `text`, in order, overlapping cues of one type merged.
pub fn identity_cues(text: &str) -> Vec<IdentityCue> {
    let tokens = tokens(text);
    let words: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
    // "my husband's job": the phrase lists know "my husband".
    let bases: Vec<&str> =
        words.iter().map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)).collect();
    let mut cues = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut push = |kind, first: usize, last: usize, confidence| {
        let mut start = tokens[first].start;
        // "(020) 123 45 67": the opening bracket belongs to the number.
        if kind == CueType::Phone && start > 0 && chars.get(start - 1) == Some(&'(') {
            start -= 1;
        }
        cues.push(IdentityCue { kind, start, end: tokens[last].end, confidence });
    };
    let lex = lexicon();
    let last_line_start = text.trim_end().rfind('\n').map_or(0, |byte| text[..=byte].chars().count());
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let lower = token.lower.as_str();
        // Contact data and numbers first: they are unambiguous.
        if is_email(token.core) {
            push(CueType::Email, i, i, 0.99);
        } else if is_url(lower) {
            push(CueType::Url, i, i, 0.95);
        } else if let Some(last) = phone_at(&tokens, i) {
            push(CueType::Phone, i, last, 0.95);
            i = last + 1;
            continue;
        } else if let Some(last) = bsn_at(&tokens, i) {
            push(CueType::Bsn, i, last, 0.95);
            i = last + 1;
            continue;
        } else if let Some(last) = postcode_at(&tokens, i) {
            push(CueType::Postcode, i, last, 0.95);
        }
        if let Some((first, last)) = date_of_birth_at(&tokens, i) {
            push(CueType::DateOfBirth, first, last, 0.9);
        }
        if let Some((first, last)) = age_at(&tokens, i) {
            push(CueType::Age, first, last, 0.9);
        }
        if let Some(last) = address_at(&tokens, i) {
            push(CueType::Address, i, last, 0.85);
        }
        // Phrases from the word lists.
        if let Some(length) = lex.gender_phrases.longest_at(&bases, i)
            && !about_someone_else(&words, i)
        {
            push(CueType::Gender, i, i + length - 1, 0.85);
        }
        if lex.gender_role_nouns.contains(lower) && is_self_reference(&words, i) {
            push(CueType::Gender, i, i, 0.8);
        }
        if let Some(length) = lex.religion_phrases.longest_at(&words, i) {
            push(CueType::Religion, i, i + length - 1, 0.85);
        } else if (is_religion_term(lower) && speaks_of_own_circle(&words, i))
            || (lex.religious_practices.contains(lower) && speaks_of_oneself(&tokens, i))
        {
            push(CueType::Religion, i, i, 0.75);
        }
        if let Some(last) = self_gender_at(&words, i) {
            push(CueType::Gender, i, last, 0.8);
        }
        let nationality =
            lex.nationalities.contains(lower) && (is_self_reference(&words, i) || names_a_background(&words, i));
        let ambiguous_nationality =
            lex.ambiguous_nationalities.contains(lower) && is_self_reference(&words, i) && names_a_person(&words, i);
        if nationality || ambiguous_nationality {
            push(CueType::Origin, i, i, 0.8);
        } else if spoken_at_home(&tokens, &words, i) {
            push(CueType::Origin, i, i, 0.7);
        }
        if let Some(last) = address_after_residence(&tokens, &words, i) {
            push(CueType::Address, i, last, 0.8);
        }
        if let Some(last) = school_at(&tokens, &words, i) {
            push(CueType::School, i, last, 0.85);
            i = last + 1;
            continue;
        }
        if let Some(last) = place_at(&tokens, &words, i) {
            if let Some((kind, confidence)) = place_context(&tokens, &words, i, last) {
                push(kind, i, last, confidence);
            }
            i = last + 1;
            continue;
        }
        if let Some((kind, last)) = unlisted_place_at(&tokens, &words, i) {
            push(kind, i, last, 0.7);
            i = last + 1;
            continue;
        }
        if let Some(last) = signature_at(last_line_start, &tokens, i) {
            push(CueType::Person, i, last, 0.7);
            i = last + 1;
            continue;
        }
        if let Some(last) = person_at(&tokens, &words, i) {
            push(CueType::Person, i, last, 0.85);
            i = last + 1;
            continue;
        }
        i += 1;
    }
    merge(cues)
}

/// Sorts cues and merges overlapping cues of one type; of overlapping cues of different types, the
/// more confident one stays.
fn merge(mut cues: Vec<IdentityCue>) -> Vec<IdentityCue> {
    cues.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut merged: Vec<IdentityCue> = Vec::with_capacity(cues.len());
    for cue in cues {
        match merged.last_mut() {
            Some(last) if cue.start < last.end && last.kind == cue.kind => {
                last.end = last.end.max(cue.end);
                last.confidence = last.confidence.max(cue.confidence);
            }
            Some(last) if cue.start < last.end => {
                if cue.confidence > last.confidence {
                    *last = cue;
                }
            }
            _ => merged.push(cue),
        }
    }
    merged
}

fn is_email(word: &str) -> bool {
    let Some((local, domain)) = word.split_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.ends_with('.')
}

fn is_url(lower: &str) -> bool {
    let handle =
        lower.len() > 3 && lower.starts_with('@') && lower[1..].chars().all(|c| c.is_alphanumeric() || c == '_');
    let web = lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    let profile = [
        "linkedin.com",
        "github.com",
        "github.io",
        "gitlab.com",
        "instagram.com",
        "facebook.com",
        "x.com/",
        "twitter.com",
        "tiktok.com",
        "youtube.com",
        "behance.net",
        "dribbble.com",
        "medium.com",
        "substack.com",
        "bsky.app",
        "mastodon.",
        "about.me",
        "wa.me/",
        "t.me/",
    ]
    .iter()
    .any(|site| lower.contains(site));
    let domain = lower.contains('/')
        && [
            ".nl/", ".com/", ".org/", ".net/", ".eu/", ".be/", ".io/", ".dev/", ".me/", ".info/", ".app/", ".co/",
            ".uk/",
        ]
        .iter()
        .any(|tld| lower.contains(tld));
    handle || web || profile || domain
}

/// A phone number from `tokens[at]`: starts with 0, + or (0, 10 to 13 digits in a row of number-ish
/// tokens. Returns the last token.
fn phone_at(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let first = tokens[at].core;
    let starts = first.starts_with('0') || first.starts_with('+') || first.starts_with("(0");
    if !starts || tokens[at].digits() == 0 {
        return None;
    }
    let numberish =
        |t: &Token<'_>| t.core.chars().all(|c| c.is_ascii_digit() || "+-()./".contains(c)) && t.digits() > 0;
    let (mut last, mut digits) = (at, 0);
    for (index, token) in tokens.iter().enumerate().skip(at) {
        if !numberish(token) || digits + token.digits() > 13 {
            break;
        }
        digits += token.digits();
        last = index;
        if token.ends_clause {
            break;
        }
    }
    (10..=13).contains(&digits).then_some(last)
}

/// A BSN: nine digits (also as 1234.56.789 or 123 456 789) that pass the 11-proef.
fn bsn_at(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let digits_only = |t: &Token<'_>| t.core.chars().all(|c| c.is_ascii_digit() || c == '.');
    let mut collected = String::new();
    for (index, token) in tokens.iter().enumerate().skip(at).take(3) {
        if !digits_only(token) {
            return None;
        }
        collected.extend(token.core.chars().filter(char::is_ascii_digit));
        if collected.len() == 9 {
            return passes_eleven_test(&collected).then_some(index);
        }
        if collected.len() > 9 || token.ends_clause {
            return None;
        }
    }
    None
}

/// The 11-proef of the burgerservicenummer.
pub fn passes_eleven_test(digits: &str) -> bool {
    let values: Vec<i64> = digits.chars().filter_map(|c| c.to_digit(10)).map(i64::from).collect();
    if values.len() != 9 || values.iter().all(|d| *d == 0) {
        return false;
    }
    let sum: i64 = values.iter().zip([9, 8, 7, 6, 5, 4, 3, 2, -1]).map(|(d, w)| d * w).sum();
    sum % 11 == 0
}

/// A Dutch postcode: `1234 AB` or `1234AB`.
fn postcode_at(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let core = tokens[at].core;
    let is_letters = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase());
    let is_number = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) && !s.starts_with('0');
    if core.len() == 6 && is_number(&core[..4]) && is_letters(&core[4..]) {
        return Some(at);
    }
    let next = tokens.get(at + 1)?;
    (is_number(core) && is_letters(next.core) && !tokens[at].ends_clause).then_some(at + 1)
}

const MONTHS: [&str; 24] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "jan",
    "feb",
    "sept",
    "dec",
];

/// A date of birth: a date after "geboren op", "geboortedatum", "born on", "date of birth".
fn date_of_birth_at(tokens: &[Token<'_>], at: usize) -> Option<(usize, usize)> {
    let words: Vec<&str> = tokens.iter().skip(at).take(3).map(|t| t.lower.as_str()).collect();
    let trigger = match words.as_slice() {
        ["geboren", "op", ..] | ["born", "on", ..] | ["birthday", "is", ..] => 2,
        ["geboren", "in", month, ..] | ["born", "in", month, ..] if MONTHS.contains(month) => 2,
        ["geboortedatum", ..] | ["birthdate", ..] | ["dob", ..] | ["geb", ..] | ["geboren", ..] | ["born", ..] => 1,
        ["date", "of", "birth", ..] => 3,
        _ => return None,
    };
    let first = at + trigger;
    let is_numeric_date = |t: &Token<'_>| {
        let parts: Vec<&str> = t.core.split(['-', '/', '.']).collect();
        parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    let token = tokens.get(first)?;
    if is_numeric_date(token) {
        return Some((first, first));
    }
    // "12 maart 1985", "3 June 1990", "June 3, 1990"
    let mut last = None;
    for (index, t) in tokens.iter().enumerate().skip(first).take(3) {
        if t.number().is_some() || MONTHS.contains(&t.lower.as_str()) {
            last = Some(index);
        } else {
            break;
        }
    }
    last.map(|last| (first, last))
}

const TENS_NL: [&str; 6] = ["twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig"];
const TENS_EN: [&str; 6] = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies"];
const DECADES_NL: [&str; 6] = ["twintiger", "dertiger", "veertiger", "vijftiger", "zestiger", "zeventiger"];

fn is_age_number(token: &Token<'_>) -> bool {
    token.number().is_some_and(|n| (15..=80).contains(&n))
        || TENS_NL.iter().any(|tens| token.lower.ends_with(tens))
        || (token.lower.contains('-')
            && ["twenty", "thirty", "forty", "fifty", "sixty"].iter().any(|t| token.lower.starts_with(t)))
}

/// A stated age: "52 jaar (oud)", "ik ben 52", "52-jarige", "in my forties", "vijftiger", a birth year
/// after "geboren in" / "born in".
fn age_at(tokens: &[Token<'_>], at: usize) -> Option<(usize, usize)> {
    let token = &tokens[at];
    let lower = token.lower.as_str();
    let next = |n: usize| tokens.get(at + n).map(|t| t.lower.as_str()).unwrap_or("");
    let previous = |n: usize| at.checked_sub(n).and_then(|i| tokens.get(i)).map(|t| t.lower.as_str()).unwrap_or("");
    if lower.ends_with("-jarige") || lower.ends_with("-jarig") || lower.ends_with("jarige") && is_age_prefix(lower) {
        return Some((at, at));
    }
    if lower.ends_with("-year-old") {
        return Some((at, at));
    }
    if is_age_number(token) && matches!(next(1), "jaar" | "years" | "year") {
        let old = matches!(next(2), "oud" | "old" | "jong" | "young");
        let said_of_me = matches!(previous(1), "ben" | "am" | "i'm" | "word" | "werd" | "turned" | "turn" | "was");
        if old || said_of_me {
            return Some((at, at + if old { 2 } else { 1 }));
        }
    }
    // "omdat ik 61 ben", "nu ik 45 word"
    if is_age_number(token) && previous(1) == "ik" && matches!(next(1), "ben" | "word") {
        return Some((at, at));
    }
    // "met mijn 63 jaar", "ik ben bijna 60", "I am nearly 60"
    if is_age_number(token) && previous(1) == "mijn" && next(1) == "jaar" {
        return Some((at - 1, at + 1));
    }
    let nearly = matches!(previous(1), "bijna" | "ruim" | "net" | "inmiddels" | "nearly" | "almost" | "just" | "over");
    if is_age_number(token) && nearly && matches!(previous(2), "ben" | "am" | "i'm" | "word" | "turned") {
        return Some((at - 1, at));
    }
    if is_age_number(token) && previous(1) == "aged" {
        return Some((at - 1, at));
    }
    // "in my late fifties", "in my early thirties"
    if TENS_EN.contains(&lower)
        && matches!(previous(1), "early" | "mid" | "late")
        && previous(2) == "my"
        && previous(3) == "in"
    {
        return Some((at - 3, at));
    }
    // "ik ben in de veertig"
    if TENS_NL.contains(&lower) && previous(1) == "de" && previous(2) == "in" && matches!(previous(3), "ben" | "zit") {
        return Some((at - 2, at));
    }
    // "55-plusser", "vijftigplusser"
    if lower.ends_with("plusser") && (lower.starts_with(|c: char| c.is_ascii_digit()) || is_age_prefix(lower)) {
        return Some((at, at));
    }
    // "ik ben in 1976 in Sarajevo geboren"
    if previous(1) == "in"
        && token.number().is_some_and(|y| (1930..=2015).contains(&y))
        && (1..=4).any(|n| matches!(next(n), "geboren" | "born"))
    {
        return Some((at, at));
    }
    if is_age_number(token) && matches!(previous(1), "ben" | "am" | "i'm") && matches!(previous(2), "ik" | "i" | "") {
        let unit = matches!(next(1), "uur" | "hours" | "procent" | "percent" | "%" | "keer" | "times");
        if !unit {
            return Some((at, at));
        }
    }
    if matches!(previous(1), "my" | "mijn" | "de") && TENS_EN.contains(&lower) && matches!(previous(2), "in") {
        return Some((at - 2, at));
    }
    if DECADES_NL.iter().any(|d| lower.starts_with(d)) {
        return Some((at, at));
    }
    // "halverwege de veertig", "begin vijftig", "eind dertig"
    if TENS_NL.contains(&lower) {
        let approximate = |w: &str| matches!(w, "begin" | "eind" | "halverwege" | "midden" | "ergens" | "rond");
        if approximate(previous(1)) {
            return Some((at - 1, at));
        }
        if previous(1) == "de" && approximate(previous(2)) {
            return Some((at - 2, at));
        }
    }
    if matches!(previous(1), "in")
        && matches!(previous(2), "geboren" | "born")
        && token.number().is_some_and(|y| (1930..=2015).contains(&y))
    {
        return Some((at, at));
    }
    if matches!(lower, "geboortejaar") && next(1).chars().all(|c| c.is_ascii_digit()) && next(1).len() == 4 {
        return Some((at + 1, at + 1));
    }
    None
}

fn is_age_prefix(lower: &str) -> bool {
    TENS_NL.iter().any(|tens| lower.contains(tens))
}

const STREET_ENDINGS: [&str; 16] = [
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "dreef", "hof", "steeg", "pad", "baan",
    "markt", "park", "veld",
];
const STREET_WORDS_EN: [&str; 8] = ["street", "road", "avenue", "lane", "drive", "way", "square", "close"];

fn is_house_number(token: &Token<'_>) -> bool {
    let core = token.core;
    let digits: String = core.chars().take_while(char::is_ascii_digit).collect();
    !digits.is_empty()
        && digits.len() <= 4
        && core[digits.len()..].chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        && core.len() <= digits.len() + 2
}

/// A street with its house number: "Kerkstraat 12", "Laan van Meerdervoort 100", "12 Baker Street".
fn address_at(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let token = &tokens[at];
    if !token.is_capitalised() {
        // "12 Baker Street"
        if is_house_number(token) {
            let name = tokens.get(at + 1)?;
            let kind = tokens.get(at + 2)?;
            if name.is_capitalised() && STREET_WORDS_EN.contains(&kind.lower.as_str()) {
                return Some(at + 2);
            }
        }
        return None;
    }
    // A capitalised street name of one to four words, the first or last ending like a street,
    // followed by a house number.
    for length in 1..=4 {
        let last_name = at + length - 1;
        let number = tokens.get(at + length)?;
        let names = &tokens[at..=last_name];
        if names[..names.len() - 1].iter().any(|t| t.ends_clause) {
            return None;
        }
        let streetlike =
            names.iter().any(|t| STREET_ENDINGS.iter().any(|e| t.lower.ends_with(e))) || names[0].lower == "laan";
        if streetlike && is_house_number(number) && !names[names.len() - 1].ends_clause {
            return Some(at + length);
        }
    }
    None
}

/// A place name of the lists starting at `at` (capitalised): its last token.
fn place_at(tokens: &[Token<'_>], words: &[&str], at: usize) -> Option<usize> {
    let token = tokens.get(at)?;
    if !token.is_capitalised() && !token.core.starts_with("'s") {
        return None;
    }
    let lex = lexicon();
    let length = [&lex.dutch_places, &lex.places_abroad, &lex.countries]
        .iter()
        .filter_map(|list| list.longest_at(words, at))
        .max()?;
    Some(at + length - 1)
}

/// Whether a place says where the applicant lives or comes from, from the words around it: a Dutch
/// place is a LOCATION, a place abroad an ORIGIN. A place named as an organisation ("gemeente
/// Utrecht") or with nothing personal around it says neither; a city abroad is named rarely
/// enough to count on its own, with less confidence.
fn place_context(tokens: &[Token<'_>], words: &[&str], first: usize, last: usize) -> Option<(CueType, f32)> {
    let lex = lexicon();
    let before = |n: usize| first.checked_sub(n).and_then(|i| words.get(i)).copied().unwrap_or("");
    if matches!(
        before(1),
        "gemeente"
            | "provincie"
            | "regio"
            | "station"
            | "universiteit"
            | "hogeschool"
            | "stadsdeel"
            | "waterschap"
            | "council"
    ) {
        return None;
    }
    let window = &words[first.saturating_sub(9)..first];
    let after: Vec<&str> = words.iter().skip(last + 1).take(5).copied().collect();
    let has = |list: &[&str], wanted: &[&str]| list.iter().any(|w| wanted.contains(w));
    let personal = [
        "geboren",
        "opgegroeid",
        "opgroeide",
        "opgroeiden",
        "getogen",
        "ouders",
        "grootouders",
        "familie",
        "afkomstig",
        "gevlucht",
        "born",
        "grew",
        "parents",
        "grandparents",
        "family",
        "fled",
        "roots",
        "wortels",
        "kom",
        "kwam",
        "kwamen",
        "komt",
        "komen",
        "come",
        "came",
        "comes",
        "woon",
        "wonen",
        "woont",
        "woonde",
        "woonachtig",
        "verhuisd",
        "verhuisde",
        "live",
        "lives",
        "lived",
        "living",
        "moved",
        "reside",
        "adres",
        "address",
        "correspondence",
        "woonplaats",
        "geboorteplaats",
        "geboortestad",
        "hometown",
        "birthplace",
        "oorspronkelijk",
        "originally",
    ];
    // "8011 AB Zwolle", "3811AL Amersfoort"
    let postcode_before = (first >= 2 && postcode_at(tokens, first - 2) == Some(first - 1))
        || (first >= 1 && postcode_at(tokens, first - 1) == Some(first - 1));
    let from_me = before(1) == "from" && matches!(before(2), "am" | "i'm" | "originally" | "hail");
    let context = has(window, &personal) || has(&after, &personal) || postcode_before || before(1) == "uit" || from_me;
    let dutch = lex.dutch_places.longest_at(words, first).is_some();
    let city_abroad = lex.places_abroad.longest_at(words, first).is_some();
    // "I currently live in London": where one lives now, even abroad, unless one also came from there.
    let residence = ["woon", "wonen", "woont", "live", "lives", "living", "adres", "address", "woonplaats"];
    let lives_there = has(window, &residence) || has(&after, &residence);
    let origin_words = ["geboren", "opgegroeid", "ouders", "familie", "born", "grew", "parents", "family", "roots"];
    let comes_from = has(window, &origin_words) || has(&after, &origin_words) || before(1) == "uit" || from_me;
    match (dutch, context) {
        (true, true) => Some((CueType::Location, 0.8)),
        (false, true) if lives_there && !comes_from => Some((CueType::Location, 0.7)),
        (false, true) => Some((CueType::Origin, 0.8)),
        (false, false) if city_abroad => Some((CueType::Origin, 0.6)),
        _ => None,
    }
}

/// The applicant speaks of themselves just before: "als", "ik ben", "ik was", "mijn", "as a", "I am".
fn is_self_reference(words: &[&str], at: usize) -> bool {
    let window = &words[at.saturating_sub(3)..at];
    let last = window.last().copied().unwrap_or("");
    matches!(last, "als" | "ben" | "was" | "am" | "i'm" | "mijn" | "my")
        || window.iter().any(|w| matches!(*w, "as" | "als" | "ben" | "am" | "i'm"))
}

/// The next word names a person: "a Polish citizen", "een Poolse vrouw".
fn names_a_person(words: &[&str], at: usize) -> bool {
    words.get(at + 1).is_some_and(|w| {
        matches!(
            *w,
            "citizen"
                | "woman"
                | "man"
                | "national"
                | "background"
                | "roots"
                | "descent"
                | "heritage"
                | "vrouw"
                | "burger"
                | "achtergrond"
                | "afkomst"
        )
    })
}

/// Words for oneself that reveal gender, after "als", "as a", "ik ben", "mijn": "als moeder",
/// "as a single dad", "als Marokkaanse vrouw". Returns the last word.
fn self_gender_at(words: &[&str], at: usize) -> Option<usize> {
    let word = words[at];
    let gendered = [
        "vrouw",
        "moeder",
        "vader",
        "oma",
        "opa",
        "meisje",
        "jongen",
        "dochter",
        "zoon",
        "woman",
        "mother",
        "father",
        "dad",
        "mum",
        "mom",
        "grandmother",
        "grandfather",
        "girl",
        "boy",
        "daughter",
        "son",
        "grandma",
        "grandpa",
    ];
    if !gendered.contains(&word) {
        return None;
    }
    let window = &words[at.saturating_sub(3)..at];
    let introduced = window.iter().any(|w| matches!(*w, "als" | "as"))
        || window.last().is_some_and(|w| matches!(*w, "single" | "alleenstaande"));
    (introduced && !about_someone_else(words, at)).then_some(at)
}

/// A religion term of the lists, also as the first part of a compound ("Diwali-feest",
/// "sikhgemeenschap").
fn is_religion_term(lower: &str) -> bool {
    let terms = &lexicon().religion_terms;
    terms.contains(lower)
        || lower.split('-').next().is_some_and(|first| first != lower && terms.contains(first))
        || ["gemeenschap", "feest", "viering"]
            .iter()
            .any(|suffix| lower.strip_suffix(suffix).is_some_and(|stem| stem.len() >= 4 && terms.contains(stem)))
}

/// The applicant speaks of their own life near `at`: "mijn", "onze", "my", "our" within eight words.
/// A religion word without it ("langs bij moskeeën", "rond het Suikerfeest") is about work.
fn speaks_of_own_circle(words: &[&str], at: usize) -> bool {
    words[at.saturating_sub(8)..(at + 8).min(words.len())]
        .iter()
        .any(|w| matches!(*w, "mijn" | "onze" | "my" | "our" | "myself" | "mezelf"))
}

/// A nationality word followed by a word for a person's background: "Marokkaanse achtergrond".
fn names_a_background(words: &[&str], at: usize) -> bool {
    words.iter().skip(at + 1).take(2).any(|w| {
        matches!(
            *w,
            "achtergrond"
                | "afkomst"
                | "roots"
                | "wortels"
                | "ouders"
                | "background"
                | "heritage"
                | "descent"
                | "origin"
                | "afkomstig"
        )
    })
}

/// The phrase at `at` is about someone else: "de moeder van een cliënt", "a client's husband", "een
/// alleenstaande moeder van vier" (of a client). An article before it is about oneself only after
/// "ik ben", "als", "I am", "as": "ik ben een alleenstaande moeder", "as a single father".
fn about_someone_else(words: &[&str], at: usize) -> bool {
    let mut first = at;
    while first > 0
        && matches!(
            words[first - 1],
            "alleenstaande" | "jonge" | "werkende" | "trotse" | "single" | "young" | "working" | "proud"
        )
    {
        first -= 1;
    }
    let before = first.checked_sub(1).and_then(|i| words.get(i)).copied().unwrap_or("");
    let possessive_of_other = matches!(before, "haar" | "zijn" | "hun" | "his" | "her" | "their" | "its")
        || before.ends_with("'s")
        || before.ends_with("’s");
    if possessive_of_other {
        return true;
    }
    let article = matches!(before, "de" | "het" | "een" | "the" | "a" | "an");
    let introduced = words[first.saturating_sub(4)..first.saturating_sub(1)]
        .iter()
        .any(|w| matches!(*w, "ben" | "am" | "i'm" | "als" | "as"));
    article && !introduced
}

/// The applicant speaks of themselves within five words: "omdat ik een hijab draag", "I keep the
/// sabbath". For practices and garments, which are personal whenever the writer does them; "we"
/// is left out, as it is mostly the team at work ("rond het Suikerfeest plannen we extra uren").
fn speaks_of_oneself(tokens: &[Token<'_>], at: usize) -> bool {
    let first_person = |t: &Token<'_>| {
        matches!(t.lower.as_str(), "ik" | "i" | "me" | "mij" | "mijn" | "my" | "mezelf" | "myself" | "thuis")
    };
    // Within the same sentence: back to the previous sentence's end, on to this one's.
    let mut start = at;
    while start > 0 && at - start < 5 && !tokens[start - 1].ends_clause {
        start -= 1;
    }
    let mut end = at;
    while end + 1 < tokens.len() && end - at < 5 && !tokens[end].ends_clause {
        end += 1;
    }
    tokens[start..=end].iter().any(first_person)
}

/// A language spoken at home that tells where a family comes from: "thuis spreken we Tarifit",
/// "my mother tongue is Tigrinya", "ik spreek ook Arabisch". Languages most people learn at school
/// are left alone.
fn spoken_at_home(tokens: &[Token<'_>], words: &[&str], at: usize) -> bool {
    let lex = lexicon();
    let word = words[at];
    let school_language = matches!(
        word,
        "nederlands"
            | "engels"
            | "duits"
            | "frans"
            | "spaans"
            | "italiaans"
            | "dutch"
            | "english"
            | "german"
            | "french"
            | "spanish"
            | "italian"
            | "latijn"
            | "latin"
    );
    let language = lex.heritage_languages.contains(word)
        || (tokens[at].is_capitalised()
            && (lex.nationalities.contains(word) || lex.ambiguous_nationalities.contains(word)));
    if school_language || !language {
        return false;
    }
    words[at.saturating_sub(4)..at].iter().any(|w| {
        matches!(
            *w,
            "spreek"
                | "spreken"
                | "spreekt"
                | "sprak"
                | "moedertaal"
                | "thuistaal"
                | "speak"
                | "speaks"
                | "spoke"
                | "tongue"
                | "native"
                | "dialect"
        )
    })
}

/// A street and house number after "ik woon op/aan", "I live at/on": "woon op de Hoge Gouwe 23".
fn address_after_residence(tokens: &[Token<'_>], words: &[&str], at: usize) -> Option<usize> {
    let before = |n: usize| at.checked_sub(n).and_then(|i| words.get(i)).copied().unwrap_or("");
    let skip = usize::from(matches!(before(1), "de" | "het" | "the"));
    let preposition = matches!(before(1 + skip), "op" | "aan" | "at" | "on");
    let residence = words[at.saturating_sub(4 + skip)..at]
        .iter()
        .any(|w| matches!(*w, "woon" | "wonen" | "woont" | "woonde" | "live" | "lives" | "lived"));
    if !(preposition && residence && tokens[at].is_capitalised()) {
        return None;
    }
    for length in 1..=4 {
        let number = tokens.get(at + length)?;
        if tokens[at + length - 1].ends_clause || !(tokens[at + length - 1].is_capitalised() || length > 1) {
            return None;
        }
        if is_house_number(number) {
            return Some(at + length);
        }
    }
    None
}

/// Words before a place that say the applicant comes from it ([`CueType::Origin`]) or lives there
/// ([`CueType::Location`]).
const ORIGIN_TRIGGERS: [&[&str]; 21] = [
    &["am", "from"],
    &["i'm", "from"],
    &["originally", "from"],
    &["geboren", "in"],
    &["opgegroeid", "in"],
    &["getogen", "in"],
    &["kom", "uit"],
    &["kom", "oorspronkelijk", "uit"],
    &["komen", "uit"],
    &["kwamen", "uit"],
    &["komt", "uit"],
    &["afkomstig", "uit"],
    &["afkomstig", "van"],
    &["gevlucht", "uit"],
    &["born", "in"],
    &["grew", "up", "in"],
    &["raised", "in"],
    &["fled", "from"],
    &["came", "from"],
    &["moved", "here", "from"],
    &["emigrated", "from"],
];
const RESIDENCE_TRIGGERS: [&[&str]; 12] = [
    &["woon", "in"],
    &["woon", "te"],
    &["wonen", "in"],
    &["woont", "in"],
    &["woonachtig", "in"],
    &["woonachtig", "te"],
    &["verhuisd", "naar"],
    &["verhuisde", "naar"],
    &["woonplaats"],
    &["live", "in"],
    &["lives", "in"],
    &["living", "in"],
];

/// A place that is on no list, named where only a place can stand: after "geboren in", "grew up in"
/// (origin, unless it is a Dutch place) or "ik woon in", "I live in" (place of residence); also
/// "in Sarajevo geboren", "in Dalfsen woon ik". Capitalised words, at most three.
fn unlisted_place_at(tokens: &[Token<'_>], words: &[&str], at: usize) -> Option<(CueType, usize)> {
    let token = &tokens[at];
    let not_a_place = MONTHS.contains(&words[at])
        || matches!(words[at], "de" | "het" | "een" | "the" | "a" | "nederland" | "holland" | "europa" | "europe")
        || token.core.chars().any(|c| c.is_ascii_digit())
        // "UWV", "IND": organisations, not places.
        || (token.core.len() >= 2 && token.core.chars().all(|c| c.is_ascii_uppercase()));
    if !token.is_capitalised() || not_a_place {
        return None;
    }
    let mut last = at;
    while last < at + 2 && !tokens[last].ends_clause && tokens.get(last + 1).is_some_and(Token::is_capitalised) {
        last += 1;
    }
    let ends_with = |trigger: &[&str]| at >= trigger.len() && words[at - trigger.len()..at] == *trigger;
    let after = |n: usize| words.get(last + n).copied().unwrap_or("");
    let in_before = at > 0 && words[at - 1] == "in";
    let origin = ORIGIN_TRIGGERS.iter().any(|t| ends_with(t))
        || (in_before && matches!(after(1), "geboren" | "opgegroeid"))
        || (in_before && after(1) == "ben" && after(2) == "geboren");
    let residence = RESIDENCE_TRIGGERS.iter().any(|t| ends_with(t))
        || (in_before && matches!(after(1), "woon" | "wonen" | "woont"));
    let dutch = lexicon().dutch_places.longest_at(words, at).is_some();
    match (origin, residence) {
        (true, _) if !dutch => Some((CueType::Origin, last)),
        (true, _) | (_, true) => Some((CueType::Location, last)),
        _ => None,
    }
}

/// A school name: from the list, or a pattern word followed by capitalised words
/// ("Hogeschool Rotterdam", "University of Ghana").
fn school_at(tokens: &[Token<'_>], words: &[&str], at: usize) -> Option<usize> {
    let lex = lexicon();
    // "Anton de Kom University", "Erasmus College": capitalised words ending in a school word.
    if tokens[at].is_capitalised() {
        for (index, token) in tokens.iter().enumerate().skip(at + 1).take(4) {
            let school_word =
                matches!(token.lower.as_str(), "university" | "universiteit" | "college" | "hogeschool" | "academy");
            if school_word && token.is_capitalised() {
                return Some(index);
            }
            let small = matches!(token.lower.as_str(), "de" | "van" | "der" | "of");
            if !(token.is_capitalised() || small) || tokens[index - 1].ends_clause {
                break;
            }
        }
    }
    if tokens[at].is_capitalised()
        && let Some(length) = lex.schools.longest_at(words, at)
    {
        return Some(at + length - 1);
    }
    let length = lex.school_patterns.longest_at(words, at)?;
    if !tokens[at].is_capitalised() {
        return None;
    }
    let mut last = None;
    for (index, token) in tokens.iter().enumerate().skip(at + length).take(3) {
        let small = matches!(token.lower.as_str(), "van" | "voor" | "of" | "de" | "der");
        if token.is_capitalised() || (small && last.is_some()) {
            last = Some(index);
        } else {
            break;
        }
        if token.ends_clause {
            break;
        }
    }
    last.or((length > 1).then_some(at + length - 1))
}

/// A signature: the answer's last line holds only two to four capitalised words (name particles
/// such as "van", "de" in between), like "Gerrit Wijnands" or "Anna van der Berg".
fn signature_at(last_line_start: usize, tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let on_last_line = &tokens[at..];
    if tokens[at].start < last_line_start || at > 0 && tokens[at - 1].start >= last_line_start {
        return None;
    }
    let particle =
        |t: &Token<'_>| matches!(t.lower.as_str(), "van" | "de" | "der" | "den" | "ter" | "el" | "al" | "bin");
    let name_like = |t: &Token<'_>| {
        (t.is_capitalised() && t.core.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.'))
            || particle(t)
    };
    let count = on_last_line.len();
    let all_names = on_last_line.iter().all(name_like) && on_last_line.last().is_some_and(|t| !particle(t));
    ((2..=4).contains(&count) && all_names && on_last_line[0].is_capitalised()).then_some(tokens.len() - 1)
}

/// A person's name: a first name of the list (ambiguous ones only with a surname or a cue before),
/// initials with a surname, a known surname with its prefix, a name after "mijn naam is" or a
/// greeting at the end.
fn person_at(tokens: &[Token<'_>], words: &[&str], at: usize) -> Option<usize> {
    let lex = lexicon();
    let token = &tokens[at];
    if !token.is_capitalised() {
        return None;
    }
    let before = |n: usize| at.checked_sub(n).and_then(|i| words.get(i)).copied().unwrap_or("");
    let closing = at > 0
        && tokens[at - 1].ends_clause
        && matches!(
            before(1),
            "groet" | "groeten" | "regards" | "sincerely" | "best" | "wishes" | "dank" | "bedankt" | "cheers"
        );
    let introduced =
        matches!((before(2), before(1)), ("naam", "is") | ("name", "is") | (_, "heet") | (_, "naam") | (_, "name"))
            || closing;
    // Public figures named in their role ("burgemeester Femke Halsema") and idioms ("Jan en alleman").
    let public_role = matches!(
        before(1),
        "burgemeester"
            | "minister"
            | "premier"
            | "minister-president"
            | "staatssecretaris"
            | "wethouder"
            | "koning"
            | "koningin"
            | "president"
            | "mayor"
            | "prime"
            | "secretary"
            | "commissaris"
            | "eurocommissaris"
            | "commissioner"
            | "kamerlid"
            | "senator"
            | "oud-premier"
            | "ex-premier"
            | "prins"
            | "prinses"
            | "prince"
            | "princess"
    );
    if public_role
        || (token.lower == "jan" && words.get(at + 1) == Some(&"en") && words.get(at + 2) == Some(&"alleman"))
    {
        return None;
    }
    let initials = token.core.len() >= 2
        && token.core.ends_with('.')
        && token.core.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    let surname_end = surname_after(tokens, words, at + 1);
    let lower = token.lower.as_str();
    let known_first = lex.first_names.contains(lower);
    let ambiguous_first = lex.ambiguous_first_names.contains(lower);
    if initials {
        return surname_end;
    }
    if known_first || introduced || (ambiguous_first && surname_end.is_some()) {
        if token.ends_clause {
            return Some(at);
        }
        return Some(surname_end.unwrap_or(at));
    }
    // "de Vries", "van den Berg": a known surname with its prefix, written as a name.
    if let Some(prefix) = lex.surname_prefixes.longest_at(words, at)
        && let Some(surname) = tokens.get(at + prefix)
        && surname.is_capitalised()
        && lex.surnames.contains(surname.lower.as_str())
    {
        return Some(at + prefix);
    }
    None
}

/// The surname after a first name or initials: optional prefixes ("van der") and a capitalised word
/// (or two, "Ramdin-Sewgobind"). Returns its last token.
fn surname_after(tokens: &[Token<'_>], words: &[&str], at: usize) -> Option<usize> {
    if at > 0 && tokens.get(at - 1).is_some_and(|t| t.ends_clause) {
        return None;
    }
    let lex = lexicon();
    let prefix = lex.surname_prefixes.longest_at(words, at).unwrap_or(0);
    let surname = tokens.get(at + prefix)?;
    let plain_word = !surname.is_capitalised();
    if plain_word {
        return None;
    }
    let known =
        lex.surnames.contains(surname.lower.as_str()) || lex.ambiguous_surnames.contains(surname.lower.as_str());
    let looks_like_name = prefix > 0 || known || !lex.first_names.contains(surname.lower.as_str());
    // A capitalised word after a first name is a surname unless it starts a new sentence.
    looks_like_name.then_some(at + prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(CueType, String)> {
        identity_cues(text)
            .into_iter()
            .map(|cue| (cue.kind, text.chars().skip(cue.start).take(cue.end - cue.start).collect()))
            .collect()
    }

    #[test]
    fn contact_data_and_numbers_are_found_by_their_shape() {
        let cases: Vec<(&str, Vec<(CueType, &str)>)> = vec![
            ("Mail me: jan@example.nl.", vec![(CueType::Email, "jan@example.nl")]),
            ("Bel 06-12345678 gerust", vec![(CueType::Phone, "06-12345678")]),
            ("Bel (020) 123 45 67.", vec![(CueType::Phone, "(020) 123 45 67")]),
            ("Of +31 6 12345678 natuurlijk", vec![(CueType::Phone, "+31 6 12345678")]),
            ("Mijn BSN is 111222333.", vec![(CueType::Bsn, "111222333")]),
            ("Zaaknummer 123456789 ging over", vec![]),
            ("Postcode 3511 AB in", vec![(CueType::Postcode, "3511 AB")]),
            ("Zie linkedin.com/in/sanne-jansen voor", vec![(CueType::Url, "linkedin.com/in/sanne-jansen")]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(CueType, String)> = expected.into_iter().map(|(k, s)| (k, s.to_owned())).collect();
            assert_eq!(found(text), expected, "{text}");
        }
    }

    #[test]
    fn cues_said_in_other_ways_are_found_too() {
        let cases: Vec<(&str, Vec<(CueType, &str)>)> = vec![
            ("Omdat ik 61 ben, begreep ik hun twijfels.", vec![(CueType::Age, "61")]),
            ("I am in my late fifties and", vec![(CueType::Age, "in my late fifties")]),
            ("Ik ben in 1976 in Sarajevo geboren.", vec![(CueType::Age, "1976"), (CueType::Origin, "Sarajevo")]),
            ("Geb. 12-03-1985, Utrecht", vec![(CueType::DateOfBirth, "12-03-1985")]),
            ("Ik woon in Zyxwadorp sinds kort.", vec![(CueType::Location, "Zyxwadorp")]),
            ("Ik ben opgegroeid in Zyxwastan en", vec![(CueType::Origin, "Zyxwastan")]),
            ("Later I moved to UWV as a trainer.", vec![]),
            ("Thuis spreken we Tarifit met elkaar.", vec![(CueType::Origin, "Tarifit")]),
            ("Ik spreek Engels en Duits.", vec![]),
            ("Omdat ik een hijab draag, vragen klanten soms", vec![(CueType::Religion, "hijab")]),
            ("Rond het Suikerfeest plannen we extra uren.", vec![]),
            ("Sinds vorig jaar woon ik op de Hoge Gouwe 23.", vec![(CueType::Address, "Hoge Gouwe 23")]),
            ("I moved here for my husband's job.", vec![(CueType::Gender, "my husband's")]),
            ("My client was a single father who", vec![]),
            ("I currently live in London.", vec![(CueType::Location, "London")]),
            ("Bedankt voor het lezen.\nZyxwa Plantnaam", vec![(CueType::Person, "Zyxwa Plantnaam")]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(CueType, String)> = expected.into_iter().map(|(k, s)| (k, s.to_owned())).collect();
            assert_eq!(found(text), expected, "{text}");
        }
    }

    #[test]
    fn ages_are_stated_ages_not_durations() {
        let cases: Vec<(&str, Vec<(CueType, &str)>)> = vec![
            ("Ik ben 52 jaar en werk graag samen.", vec![(CueType::Age, "52 jaar")]),
            ("I am 34 years old.", vec![(CueType::Age, "34 years old")]),
            ("Als 52-jarige weet ik", vec![(CueType::Age, "52-jarige")]),
            ("Ik ben geboren in 1971 en", vec![(CueType::Age, "1971")]),
            ("Now in my forties I", vec![(CueType::Age, "in my forties")]),
            ("Het project duurde 2 jaar en had 40 deelnemers.", vec![]),
            ("Ik heb 5 jaar ervaring met beleid.", vec![]),
            ("Van 2015 tot 2019 werkte ik bij een gemeente.", vec![]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(CueType, String)> = expected.into_iter().map(|(k, s)| (k, s.to_owned())).collect();
            assert_eq!(found(text), expected, "{text}");
        }
    }

    #[test]
    fn every_word_list_loads_and_cites_its_sources() {
        let lex = lexicon();
        assert!(lex.first_names.len() > 500 && lex.surnames.len() > 300, "names");
        assert!(lex.religion_terms.len() > 100 && lex.nationalities.len() > 200, "religion and origin");
        let files = [
            include_str!("../../identity/first-names.json"),
            include_str!("../../identity/surnames.json"),
            include_str!("../../identity/places.json"),
            include_str!("../../identity/origin.json"),
            include_str!("../../identity/religion.json"),
            include_str!("../../identity/gender.json"),
            include_str!("../../identity/schools.json"),
        ];
        for file in files {
            let json: serde_json::Value = serde_json::from_str(file).expect("valid JSON");
            assert!(json["sources"].as_array().is_some_and(|s| !s.is_empty()), "a list without sources");
        }
    }

    #[test]
    fn the_eleven_test_tells_a_bsn_from_another_nine_digit_number() {
        assert!(passes_eleven_test("111222333"));
        assert!(passes_eleven_test("123456782"));
        assert!(!passes_eleven_test("123456789"));
        assert!(!passes_eleven_test("000000000"));
    }
}
