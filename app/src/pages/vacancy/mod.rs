//! Vacancies: the recruiter's list and editor, and the public page for applicants.

pub mod editor;
mod findings;
pub mod list;
pub mod open;
mod preview;
pub mod public;
pub mod questionnaire;

use api::vacancy::VacancyStatus;
use domain::analysis::gender::Tone;
use domain::analysis::{Category, Severity};

use crate::i18n::Text;

/// Categories in the order the findings panel shows them: what excludes people first.
pub const CATEGORY_ORDER: [Category; 10] = [
    Category::ExclusionAge,
    Category::ExclusionOrigin,
    Category::ExclusionPhysical,
    Category::ExclusionCultureFit,
    Category::GenderedForm,
    Category::GenderCoded,
    Category::RequirementInflation,
    Category::Completeness,
    Category::Readability,
    Category::Jargon,
];

pub fn category_name(category: Category) -> Text {
    match category {
        Category::GenderCoded => Text::CategoryGenderCoded,
        Category::GenderedForm => Text::CategoryGenderedForm,
        Category::ExclusionAge => Text::CategoryExclusionAge,
        Category::ExclusionOrigin => Text::CategoryExclusionOrigin,
        Category::ExclusionPhysical => Text::CategoryExclusionPhysical,
        Category::ExclusionCultureFit => Text::CategoryExclusionCultureFit,
        Category::RequirementInflation => Text::CategoryRequirementInflation,
        Category::Completeness => Text::CategoryCompleteness,
        Category::Readability => Text::CategoryReadability,
        Category::Jargon => Text::CategoryJargon,
    }
}

pub fn severity_name(severity: Severity) -> Text {
    match severity {
        Severity::Info => Text::SeverityInfo,
        Severity::Advice => Text::SeverityAdvice,
        Severity::Blocking => Text::SeverityBlocking,
    }
}

/// The CSS modifier of a severity.
pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "info",
        Severity::Advice => "advice",
        Severity::Blocking => "blocking",
    }
}

pub fn tone_name(tone: Tone) -> Text {
    match tone {
        Tone::StronglyMasculine => Text::ToneStronglyMasculine,
        Tone::Masculine => Text::ToneMasculine,
        Tone::Neutral => Text::ToneNeutral,
        Tone::Feminine => Text::ToneFeminine,
        Tone::StronglyFeminine => Text::ToneStronglyFeminine,
        Tone::NoCodedWords => Text::ToneNoCodedWords,
    }
}

pub fn status_name(status: VacancyStatus) -> Text {
    match status {
        VacancyStatus::Draft => Text::StatusDraft,
        VacancyStatus::Published => Text::StatusPublished,
        VacancyStatus::Screening => Text::StatusScreening,
        VacancyStatus::Scoring => Text::StatusScoring,
        VacancyStatus::Shortlisted => Text::StatusShortlisted,
        _ => Text::StatusOther,
    }
}
