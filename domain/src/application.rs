//! An application: the applicant's answers to the questionnaire, checked against it, and the
//! canonical document whose SHA-256 digest the receipt shows. Identity and monitoring data are not
//! part of it (see `identity` and `monitoring` in the server), so nothing here can identify anyone.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::questionnaire::{Question, QuestionKind};

/// One answer. The question says which kind it must be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// An open answer or a work sample.
    Text(String),
    /// The id of the chosen option.
    Choice(Uuid),
    /// A knock-out question: yes or no.
    YesNo(bool),
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerEntry {
    pub question_id: Uuid,
    pub answer: Answer,
}

/// Counts words as a reader would: runs of characters between spaces that hold a letter or digit.
/// "e-mail" is one word, "—" none.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

/// Why an answer cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("this question needs an answer")]
    Missing,
    #[error("the answer has {count} words; the limit is {limit}")]
    OverWordLimit { count: usize, limit: u16 },
    #[error("the answer does not fit the question")]
    WrongKind,
    #[error("there is no such question or option")]
    Unknown,
}

/// How strictly to check: a draft may be incomplete, a submission may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Draft,
    Submission,
}

/// Characters one text answer may hold, whatever its word limit (keeps drafts bounded).
pub const MAX_ANSWER_CHARS: usize = 20_000;

/// Checks answers against the questionnaire; each problem names its question.
pub fn check_answers(
    questions: &[Question],
    answers: &[AnswerEntry],
    completeness: Completeness,
) -> Vec<(Uuid, AnswerError)> {
    let mut errors = Vec::new();
    for entry in answers {
        let Some(question) = questions.iter().find(|q| q.id == entry.question_id) else {
            errors.push((entry.question_id, AnswerError::Unknown));
            continue;
        };
        if answers.iter().filter(|a| a.question_id == entry.question_id).count() > 1 {
            errors.push((entry.question_id, AnswerError::WrongKind));
            continue;
        }
        if let Err(error) = check_answer(question, &entry.answer) {
            errors.push((question.id, error));
        }
    }
    if completeness == Completeness::Submission {
        for question in questions {
            let answered = answers.iter().any(|a| a.question_id == question.id && !is_blank(&a.answer));
            if !answered && !errors.iter().any(|(id, _)| *id == question.id) {
                errors.push((question.id, AnswerError::Missing));
            }
        }
    }
    errors
}

fn check_answer(question: &Question, answer: &Answer) -> Result<(), AnswerError> {
    match (question.kind, answer) {
        (QuestionKind::Open | QuestionKind::WorkSample, Answer::Text(text)) => {
            let count = count_words(text);
            let limit = question.word_limit();
            if count > usize::from(limit) || text.chars().count() > MAX_ANSWER_CHARS {
                return Err(AnswerError::OverWordLimit { count, limit });
            }
            Ok(())
        }
        (QuestionKind::MultipleChoice, Answer::Choice(option)) => {
            if question.options.iter().any(|o| o.id == *option) {
                Ok(())
            } else {
                Err(AnswerError::Unknown)
            }
        }
        (QuestionKind::KnockOut, Answer::YesNo(_)) => Ok(()),
        _ => Err(AnswerError::WrongKind),
    }
}

fn is_blank(answer: &Answer) -> bool {
    matches!(answer, Answer::Text(text) if text.trim().is_empty())
}

/// The submitted answers as one canonical JSON document: in the questionnaire's order, text as typed.
/// The receipt's digest is the SHA-256 of exactly these bytes, so an applicant who downloads their data
/// can check it with any SHA-256 tool.
pub fn canonical_answers(questions: &[Question], answers: &[AnswerEntry]) -> String {
    let ordered: Vec<&AnswerEntry> =
        questions.iter().filter_map(|q| answers.iter().find(|a| a.question_id == q.id)).collect();
    // Serialising plain data to a string cannot fail.
    serde_json::to_string(&ordered).unwrap_or_default()
}

/// The lowercase hex SHA-256 of a canonical answers document.
pub fn digest(document: &str) -> String {
    hex::encode(Sha256::digest(document.as_bytes()))
}

/// Where an application is. Stage changes are recorded as events for the evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Submitted,
    Withdrawn,
}

impl ApplicationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(name: &str) -> Option<ApplicationStatus> {
        [ApplicationStatus::Submitted, ApplicationStatus::Withdrawn].into_iter().find(|s| s.as_str() == name)
    }
}

/// How long the applicant lets us keep identity data and answers after the procedure ends
/// (NVP Sollicitatiecode): four weeks, or one year with consent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Retention {
    #[default]
    FourWeeks,
    OneYear,
}

impl Retention {
    pub fn as_str(self) -> &'static str {
        match self {
            Retention::FourWeeks => "four_weeks",
            Retention::OneYear => "one_year",
        }
    }

    pub fn parse(name: &str) -> Option<Retention> {
        [Retention::FourWeeks, Retention::OneYear].into_iter().find(|r| r.as_str() == name)
    }
}

/// The steps of the applicant's way through, in order. A draft remembers the furthest step reached,
/// so the evaluation can see where abandoned drafts stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Privacy,
    Monitoring,
    Questions,
    Contact,
    Review,
}

impl Step {
    pub const ALL: [Step; 5] = [Step::Privacy, Step::Monitoring, Step::Questions, Step::Contact, Step::Review];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Privacy => "privacy",
            Step::Monitoring => "monitoring",
            Step::Questions => "questions",
            Step::Contact => "contact",
            Step::Review => "review",
        }
    }

    pub fn parse(name: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// The applicant's contact details: the identity envelope, kept apart from the answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
}

/// Why contact details cannot be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("a name must be 1 to 200 characters")]
    Name,
    #[error("not an e-mail address")]
    Email,
    #[error("a phone number has 6 to 20 digits, with spaces, +, - or brackets")]
    Phone,
}

/// Parses contact details: trimmed, the e-mail address checked, an empty phone number left out.
/// Every field that is wrong is named.
pub fn parse_contact(contact: &Contact) -> Result<Contact, Vec<ContactError>> {
    let mut errors = Vec::new();
    let name = contact.name.trim();
    if !(1..=200).contains(&name.chars().count()) || name.chars().any(char::is_control) {
        errors.push(ContactError::Name);
    }
    let email = parse_email(&contact.email);
    if email.is_none() {
        errors.push(ContactError::Email);
    }
    let phone = contact.phone.as_deref().map(str::trim).filter(|p| !p.is_empty());
    if let Some(phone) = phone {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let allowed = phone.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'));
        if !(6..=20).contains(&digits) || !allowed {
            errors.push(ContactError::Phone);
        }
    }
    match email {
        Some(email) if errors.is_empty() => {
            Ok(Contact { name: name.to_owned(), email, phone: phone.map(str::to_owned) })
        }
        _ => Err(errors),
    }
}

/// An e-mail address as people type it: one `@`, something before it, a domain with a dot after it.
/// The domain is lowercased; the local part is kept as typed.
pub fn parse_email(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let (local, domain) = trimmed.split_once('@')?;
    let labels_ok = domain.split('.').count() >= 2
        && domain.split('.').all(|label| {
            !label.is_empty() && !label.starts_with('-') && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    let local_ok = (1..=64).contains(&local.len())
        && !local.contains('@')
        && local.chars().all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '<' | '>' | ',' | ';'));
    (labels_ok && local_ok && trimmed.len() <= 254).then(|| format!("{local}@{}", domain.to_lowercase()))
}

/// The alphabet of access codes and labels: Crockford's base 32 without I, L, O, U, so a code read
/// aloud or copied by hand survives.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Formats random bytes as a code in groups of five: `7K2QF-XM0RD-…`. 20 characters carry 100 bits.
pub fn format_code(random: &[u8]) -> String {
    let symbols: Vec<char> = random.iter().map(|b| char::from(ALPHABET[usize::from(b % 32)])).collect();
    symbols.chunks(5).map(|chunk| chunk.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// Normalises a code someone typed: case, spaces and dashes do not matter, and the letters people
/// confuse with digits are read as those digits. `None` if it cannot be a code.
pub fn normalise_code(input: &str) -> Option<String> {
    let symbols: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect();
    let valid = (16..=40).contains(&symbols.len()) && symbols.bytes().all(|b| ALPHABET.contains(&b));
    valid.then(|| {
        symbols.as_bytes().chunks(5).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{ChoiceOption, ScoringGuide};

    fn question(n: u128, kind: QuestionKind) -> Question {
        Question {
            id: Uuid::from_u128(n),
            kind,
            prompt: "Vraag".into(),
            scenario: None,
            word_limit: Some(25),
            options: vec![ChoiceOption { id: Uuid::from_u128(50), text: "A".into(), correct: true }],
            knock_out_reason: None,
            guide: Some(ScoringGuide::default()),
            weight: 1,
            requirement_ids: Vec::new(),
        }
    }

    fn text(n: u128, words: usize) -> AnswerEntry {
        AnswerEntry { question_id: Uuid::from_u128(n), answer: Answer::Text(vec!["woord"; words].join(" ")) }
    }

    #[test]
    fn words_are_runs_with_a_letter_or_digit() {
        let cases = [("", 0), ("  één  ", 1), ("e-mail en 2024 — klaar.", 4), ("regel\nnieuwe\tregel", 3)];
        for (text, expected) in cases {
            assert_eq!(count_words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_draft_may_be_incomplete_but_never_over_the_word_limit() {
        let questions = [question(1, QuestionKind::Open), question(2, QuestionKind::KnockOut)];
        assert!(check_answers(&questions, &[text(1, 25)], Completeness::Draft).is_empty());
        assert_eq!(
            check_answers(&questions, &[text(1, 26)], Completeness::Draft),
            [(Uuid::from_u128(1), AnswerError::OverWordLimit { count: 26, limit: 25 })]
        );
    }

    #[test]
    fn a_submission_needs_every_answer_of_the_right_kind() {
        let questions = [
            question(1, QuestionKind::Open),
            question(2, QuestionKind::KnockOut),
            question(3, QuestionKind::MultipleChoice),
        ];
        let answers = [
            AnswerEntry { question_id: Uuid::from_u128(1), answer: Answer::Text("  ".into()) },
            AnswerEntry { question_id: Uuid::from_u128(2), answer: Answer::Text("ja".into()) },
            AnswerEntry { question_id: Uuid::from_u128(9), answer: Answer::YesNo(true) },
        ];
        let errors = check_answers(&questions, &answers, Completeness::Submission);
        assert_eq!(
            errors,
            [
                (Uuid::from_u128(2), AnswerError::WrongKind),
                (Uuid::from_u128(9), AnswerError::Unknown),
                (Uuid::from_u128(1), AnswerError::Missing),
                (Uuid::from_u128(3), AnswerError::Missing),
            ]
        );
        let unknown_option =
            AnswerEntry { question_id: Uuid::from_u128(3), answer: Answer::Choice(Uuid::from_u128(51)) };
        assert_eq!(
            check_answers(&questions[2..], &[unknown_option], Completeness::Submission),
            [(Uuid::from_u128(3), AnswerError::Unknown)]
        );
    }

    #[test]
    fn the_canonical_document_follows_the_questionnaire_and_its_digest_is_plain_sha256() {
        let questions = [question(1, QuestionKind::Open), question(2, QuestionKind::KnockOut)];
        let answers = [
            AnswerEntry { question_id: Uuid::from_u128(2), answer: Answer::YesNo(true) },
            AnswerEntry { question_id: Uuid::from_u128(1), answer: Answer::Text("Hallo".into()) },
        ];
        let document = canonical_answers(&questions, &answers);
        assert_eq!(
            document,
            r#"[{"question_id":"00000000-0000-0000-0000-000000000001","answer":{"text":"Hallo"}},{"question_id":"00000000-0000-0000-0000-000000000002","answer":{"yes_no":true}}]"#
        );
        // The SHA-256 test vector of FIPS 180-2, appendix B.1.
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn codes_are_grouped_and_survive_sloppy_typing() {
        let code = format_code(&[0, 1, 31, 32, 33, 10, 11, 12, 13, 14]);
        assert_eq!(code, "01Z01-ABCDE");
        assert_eq!(normalise_code(" 01z01 abcde 01z01 abcde "), Some("01Z01-ABCDE-01Z01-ABCDE".into()));
        assert_eq!(normalise_code("OLZO1-ABCDE-01Z01-ABCDE"), Some("01Z01-ABCDE-01Z01-ABCDE".into()));
        assert_eq!(normalise_code("short"), None);
        assert_eq!(normalise_code("UUUUU-UUUUU-UUUUU-UUUUU"), None);
    }

    #[test]
    fn contact_details_are_trimmed_and_every_wrong_field_is_named() {
        let contact =
            Contact { name: " Sam de Vries ".into(), email: " Sam@Example.NL ".into(), phone: Some(" ".into()) };
        assert_eq!(
            parse_contact(&contact),
            Ok(Contact { name: "Sam de Vries".into(), email: "Sam@example.nl".into(), phone: None })
        );
        let wrong = Contact { name: "".into(), email: "sam@example".into(), phone: Some("12".into()) };
        assert_eq!(parse_contact(&wrong), Err(vec![ContactError::Name, ContactError::Email, ContactError::Phone]));
        for email in ["a@b.nl", "voor.naam+tag@sub.overheid.nl"] {
            assert!(parse_email(email).is_some(), "{email}");
        }
        for email in ["", "geen-apenstaart.nl", "a@@b.nl", "a@b", "a b@c.nl", "a@-b.nl", "a@b..nl"] {
            assert_eq!(parse_email(email), None, "{email}");
        }
    }
}
