//! Every text of the app, in Dutch and English. Dutch is the default; the choice is remembered in
//! the browser. Written at language level B1: short sentences, everyday words.
//!
//! A text is a [`Text`] key; the compiler checks that each key has both languages.

use domain::language::Language;
use leptos::prelude::*;

const STORAGE_KEY: &str = "breedwerf.language";

/// The current language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Locale(RwSignal<Language>);

impl Locale {
    pub fn language(&self) -> Language {
        self.0.get()
    }

    pub fn set(&self, language: Language) {
        self.0.set(language);
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = storage.set_item(STORAGE_KEY, language.tag());
        }
    }

    /// The text for `key` in the current language (reactive).
    pub fn t(&self, key: Text) -> &'static str {
        text(self.language(), key)
    }
}

/// Provides the locale: the stored choice, else Dutch. Keeps `<html lang>` in step.
pub fn provide_locale() -> Locale {
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Language::from_tag(&tag));
    let locale = Locale(RwSignal::new(stored.unwrap_or_default()));
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.language().tag());
        }
    });
    provide_context(locale);
    locale
}

pub fn use_locale() -> Locale {
    expect_context::<Locale>()
}

/// Sets the document title to "<page> · Breedwerf", following the language.
pub fn use_title(page: Text) {
    let locale = use_locale();
    Effect::new(move |_| document().set_title(&format!("{} · Breedwerf", locale.t(page))));
}

macro_rules! texts {
    ($($key:ident { nl: $nl:literal, en: $en:literal $(,)? },)*) => {
        /// A text of the app.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text {
            $($key,)*
        }

        pub fn text(language: Language, key: Text) -> &'static str {
            match (key, language) {
                $(
                    (Text::$key, Language::Nl) => $nl,
                    (Text::$key, Language::En) => $en,
                )*
            }
        }
    };
}

texts! {
    SkipToContent { nl: "Naar de inhoud", en: "Skip to content" },
    SiteTagline { nl: "Breed werven, objectief selecteren", en: "Recruit broadly, select objectively" },
    LanguageSwitch { nl: "Taal", en: "Language" },
    Home { nl: "Home", en: "Home" },
    LogIn { nl: "Inloggen", en: "Log in" },
    LogOut { nl: "Uitloggen", en: "Log out" },
    LoggedInAs { nl: "Ingelogd als", en: "Logged in as" },
    Loading { nl: "Bezig met laden…", en: "Loading…" },
    AccessibilityStatement { nl: "Toegankelijkheidsverklaring", en: "Accessibility statement" },
    FooterAbout { nl: "Breedwerf is open source en gemaakt voor de pilot ‘breed werven en objectief selecteren’ van de Rijksoverheid.",
                  en: "Breedwerf is open source and made for the Dutch central government's pilot ‘recruit broadly, select objectively’." },

    WelcomeTitle { nl: "Welkom bij Breedwerf", en: "Welcome to Breedwerf" },
    WelcomeIntro { nl: "Met Breedwerf werven we breed en selecteren we objectief. Vacatures zijn voor iedereen uitnodigend. Kandidaten beantwoorden dezelfde vragen, in plaats van een cv en een brief te sturen. De commissie beoordeelt die antwoorden zonder te weten van wie ze zijn.",
                   en: "With Breedwerf we recruit broadly and select objectively. Vacancies invite everyone. Candidates answer the same questions, instead of sending a CV and a letter. The committee scores those answers without knowing whose they are." },
    WelcomeStaff { nl: "Werkt u bij de overheid en hebt u een account? Log dan in.", en: "Do you work for the government and have an account? Then log in." },

    LoginTitle { nl: "Inloggen", en: "Log in" },
    LoginIntro { nl: "Alleen voor medewerkers. Sollicitanten hebben geen account nodig.", en: "For staff only. Applicants do not need an account." },
    Username { nl: "Gebruikersnaam", en: "Username" },
    Password { nl: "Wachtwoord", en: "Password" },
    LoggingIn { nl: "Bezig met inloggen…", en: "Logging in…" },
    ErrorSummaryTitle { nl: "Er ging iets mis", en: "Something went wrong" },
    NetworkError { nl: "Breedwerf is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.",
                   en: "Breedwerf cannot be reached. Check your internet connection and try again." },

    HomeGreeting { nl: "Welkom", en: "Welcome" },
    RoleAdmin { nl: "Beheerder", en: "Administrator" },
    RoleRecruiter { nl: "Recruiter", en: "Recruiter" },
    RoleCommittee { nl: "Commissielid", en: "Committee member" },
    RoleEvaluator { nl: "Evaluator", en: "Evaluator" },
    YourRole { nl: "Uw rol", en: "Your role" },
    AdminHomeIntro { nl: "U beheert de accounts van medewerkers, de pilots, de regels voor vacatureteksten en hoe lang gegevens bewaard blijven.",
                     en: "You manage staff accounts, pilots, the rules for vacancy texts and how long data is kept." },
    RecruiterHomeIntro { nl: "U schrijft vacatures met de inclusieve editor, stelt de vragenlijst op en begeleidt de procedure. Het werken met vacatures komt in een volgende versie.",
                         en: "You write vacancies with the inclusive editor, build the questionnaire and run the procedure. Working with vacancies comes in a next version." },
    CommitteeHomeIntro { nl: "U beoordeelt antwoorden zonder te weten van wie ze zijn, vraag voor vraag. Zodra u in een commissie zit, ziet u hier wat u moet beoordelen.",
                         en: "You score answers without knowing whose they are, question by question. As soon as you are on a committee, you will see here what to score." },
    EvaluatorHomeIntro { nl: "U vergelijkt pilotvacatures met gewone vacatures. U ziet alleen totalen van groepen, nooit gegevens van één persoon.",
                         en: "You compare pilot vacancies with regular vacancies. You only see totals of groups, never data of one person." },

    StaffAccounts { nl: "Accounts van medewerkers", en: "Staff accounts" },
    DisplayName { nl: "Naam", en: "Name" },
    Role { nl: "Rol", en: "Role" },
    CreatedOn { nl: "Aangemaakt op", en: "Created on" },
    PreviousPage { nl: "Vorige pagina", en: "Previous page" },
    NextPage { nl: "Volgende pagina", en: "Next page" },
    Pagination { nl: "Paginering", en: "Pagination" },
    PageOf { nl: "Pagina {page} van {pages} ({total} accounts)", en: "Page {page} of {pages} ({total} accounts)" },

    Vacancies { nl: "Vacatures", en: "Vacancies" },
    YourVacancies { nl: "Uw vacatures", en: "Your vacancies" },
    NewVacancy { nl: "Nieuwe vacature", en: "New vacancy" },
    EditVacancy { nl: "Vacature bewerken", en: "Edit vacancy" },
    Search { nl: "Zoeken", en: "Search" },
    SearchTitles { nl: "Zoek op titel", en: "Search by title" },
    NoVacancies { nl: "Er zijn nog geen vacatures. Maak een nieuwe vacature.", en: "There are no vacancies yet. Create a new vacancy." },
    NoVacanciesFound { nl: "Geen vacatures gevonden met deze zoekwoorden.", en: "No vacancies found with these words." },
    Title { nl: "Functietitel", en: "Job title" },
    Status { nl: "Status", en: "Status" },
    LastChanged { nl: "Laatst gewijzigd", en: "Last changed" },
    VacanciesPageOf { nl: "Pagina {page} van {pages} ({total} vacatures)", en: "Page {page} of {pages} ({total} vacancies)" },
    StatusDraft { nl: "Concept", en: "Draft" },
    StatusPublished { nl: "Gepubliceerd", en: "Published" },
    StatusOther { nl: "In procedure", en: "In procedure" },
    VacancyLanguage { nl: "Taal van de vacature", en: "Language of the vacancy" },
    Dutch { nl: "Nederlands", en: "Dutch" },
    English { nl: "Engels", en: "English" },
    SalaryScale { nl: "Salarisschaal (1 tot en met 18)", en: "Salary scale (1 to 18)" },
    HoursPerWeek { nl: "Uren per week", en: "Hours per week" },
    Location { nl: "Standplaats", en: "Location" },
    Requirements { nl: "Eisen", en: "Requirements" },
    RequirementsHelp { nl: "Noem alleen wat echt nodig is. Meer dan 6 harde eisen schrikt goede kandidaten af.", en: "Only list what is really needed. More than 6 must-haves put good candidates off." },
    Requirement { nl: "Eis", en: "Requirement" },
    RequirementKind { nl: "Soort eis", en: "Kind of requirement" },
    MustHave { nl: "Harde eis", en: "Must-have" },
    NiceToHave { nl: "Wens", en: "Nice-to-have" },
    AddRequirement { nl: "Eis toevoegen", en: "Add requirement" },
    RemoveRequirement { nl: "Verwijder eis", en: "Remove requirement" },
    VacancyTextLabel { nl: "Vacaturetekst", en: "Vacancy text" },
    VacancyTextHelp { nl: "Meldingen verschijnen terwijl u typt.", en: "Findings appear while you type." },
    Words { nl: "woorden", en: "words" },
    PreviewTitle { nl: "Tekst met meldingen", en: "Text with findings" },
    SaveDraft { nl: "Concept opslaan", en: "Save draft" },
    Saving { nl: "Bezig met opslaan…", en: "Saving…" },
    Saved { nl: "Het concept is opgeslagen.", en: "The draft has been saved." },
    Undo { nl: "Ongedaan maken", en: "Undo" },
    Publish { nl: "Publiceren", en: "Publish" },
    PublishTitle { nl: "Publiceren", en: "Publish" },
    PublishBlockingIntro { nl: "Deze meldingen houden publicatie tegen. Pas de tekst aan, of schrijf per melding waarom de tekst zo moet blijven (minstens 10 tekens). Uw reden wordt vastgelegd.",
                           en: "These findings stop publication. Change the text, or write for each finding why the text must stay as it is (at least 10 characters). Your reason is recorded." },
    OverrideReason { nl: "Reden om dit te laten staan", en: "Reason to keep this" },
    PublishAnyway { nl: "Publiceren met deze redenen", en: "Publish with these reasons" },
    PublishReady { nl: "Er zijn geen blokkerende meldingen. Na publicatie kunnen tekst en eisen niet meer veranderen.", en: "There are no blocking findings. After publication, the text and requirements cannot change any more." },
    ConfirmPublish { nl: "Nu publiceren", en: "Publish now" },
    Published { nl: "De vacature is gepubliceerd.", en: "The vacancy has been published." },
    ViewPublicPage { nl: "Bekijk de vacature zoals sollicitanten haar zien", en: "See the vacancy as applicants see it" },
    ReadOnlyPublished { nl: "Deze vacature is gepubliceerd. Tekst en eisen kunnen niet meer veranderen.", en: "This vacancy is published. Its text and requirements cannot change any more." },
    Findings { nl: "Meldingen", en: "Findings" },
    NoFindings { nl: "Geen meldingen. Goed gedaan!", en: "No findings. Well done!" },
    Tone { nl: "Toon", en: "Tone" },
    ToneStronglyMasculine { nl: "sterk mannelijk", en: "strongly masculine" },
    ToneMasculine { nl: "wat mannelijk", en: "somewhat masculine" },
    ToneNeutral { nl: "in evenwicht", en: "balanced" },
    ToneFeminine { nl: "wat vrouwelijk", en: "somewhat feminine" },
    ToneStronglyFeminine { nl: "sterk vrouwelijk", en: "strongly feminine" },
    ToneNoCodedWords { nl: "neutraal (geen gekleurde woorden)", en: "neutral (no coded words)" },
    ToneCounts { nl: "{m} mannelijk gekleurde en {f} vrouwelijk gekleurde woorden", en: "{m} masculine-coded and {f} feminine-coded words" },
    Readability { nl: "Leesbaarheid", en: "Readability" },
    FleschDouma { nl: "Flesch-Douma", en: "Flesch-Douma" },
    FleschEnglish { nl: "Flesch Reading Ease", en: "Flesch Reading Ease" },
    Brouwer { nl: "Leesindex Brouwer", en: "Brouwer reading index" },
    AverageSentence { nl: "Gemiddelde zinslengte", en: "Average sentence length" },
    LikelyB1 { nl: "Waarschijnlijk taalniveau B1", en: "Probably language level B1" },
    NotB1 { nl: "Waarschijnlijk moeilijker dan B1", en: "Probably harder than B1" },
    GoTo { nl: "Ga naar", en: "Go to" },
    ReplaceWith { nl: "Vervang door", en: "Replace with" },
    Source { nl: "Bron", en: "Source" },
    InTitle { nl: "in de titel", en: "in the title" },
    InRequirements { nl: "bij de eisen", en: "in the requirements" },
    SeverityInfo { nl: "Tip", en: "Tip" },
    SeverityAdvice { nl: "Advies", en: "Advice" },
    SeverityBlocking { nl: "Blokkerend", en: "Blocking" },
    CategoryGenderCoded { nl: "Gekleurde woorden", en: "Gender-coded words" },
    CategoryGenderedForm { nl: "Mannelijke of vrouwelijke vormen", en: "Gendered forms" },
    CategoryExclusionAge { nl: "Leeftijd", en: "Age" },
    CategoryExclusionOrigin { nl: "Taal en afkomst", en: "Language and origin" },
    CategoryExclusionPhysical { nl: "Lichamelijke eisen", en: "Physical demands" },
    CategoryExclusionCultureFit { nl: "‘Past bij ons’", en: "‘Culture fit’" },
    CategoryRequirementInflation { nl: "Te veel of te hoge eisen", en: "Too many or too high demands" },
    CategoryCompleteness { nl: "Wat nog ontbreekt", en: "What is still missing" },
    CategoryReadability { nl: "Leesbaarheid", en: "Readability" },
    CategoryJargon { nl: "Vaktaal en Engels", en: "Jargon and English words" },
    Ignore { nl: "Negeren voor deze vacature", en: "Ignore for this vacancy" },
    IgnoreReason { nl: "Waarom past dit hier? (minstens 10 tekens)", en: "Why does this fit here? (at least 10 characters)" },
    ConfirmIgnore { nl: "Negeren", en: "Ignore" },
    Cancel { nl: "Annuleren", en: "Cancel" },
    ReasonTooShort { nl: "Schrijf een reden van minstens 10 tekens.", en: "Write a reason of at least 10 characters." },
    IgnoredFindings { nl: "Genegeerde meldingen", en: "Ignored findings" },
    ShowAgain { nl: "Weer tonen", en: "Show again" },
    OwnRules { nl: "Eigen regels per organisatie", en: "Own rules per organisation" },
    OwnRulesIntro { nl: "Een organisatie kan eigen woorden en zinnen laten melden, naast de vaste regels. Elke regel heeft een uitleg in het Nederlands en het Engels en een bron. Toevoegen en verwijderen wordt vastgelegd.",
                    en: "An organisation can have its own words and phrases flagged, beside the fixed rules. Every rule has an explanation in Dutch and English, and a source. Adding and removing is recorded." },
    Organisation { nl: "Organisatie", en: "Organisation" },
    NoOwnRules { nl: "Deze organisatie heeft nog geen eigen regels.", en: "This organisation has no rules of its own yet." },
    Pattern { nl: "Woord of zin", en: "Word or phrase" },
    PatternHelp { nl: "Hele woorden, in volgorde. Een * achter een woord: elk woord dat zo begint. # staat voor een getal.", en: "Whole words, in order. A * after a word: any word that starts so. # stands for a number." },
    Category { nl: "Soort", en: "Kind" },
    Severity { nl: "Zwaarte", en: "Severity" },
    ExplanationDutch { nl: "Uitleg in het Nederlands", en: "Explanation in Dutch" },
    ExplanationEnglish { nl: "Uitleg in het Engels", en: "Explanation in English" },
    SuggestionsOnePerLine { nl: "Betere woorden (één per regel, hoogstens 5)", en: "Better words (one per line, at most 5)" },
    RuleSource { nl: "Bron", en: "Source" },
    AddRule { nl: "Regel toevoegen", en: "Add rule" },
    RuleAdded { nl: "De regel is toegevoegd.", en: "The rule has been added." },
    RuleRemoved { nl: "De regel is verwijderd.", en: "The rule has been removed." },
    RemoveRule { nl: "Verwijder regel", en: "Remove rule" },
    ShowAllFindings { nl: "Toon alle {n} meldingen", en: "Show all {n} findings" },
    AnalysisTime { nl: "Analyse", en: "Analysis" },
    PublicApply { nl: "Solliciteren", en: "Apply" },
    PublicApplySoon { nl: "Solliciteren kan binnenkort via een vragenlijst.", en: "Soon you can apply through a questionnaire." },
    AnonymousProcedureTitle { nl: "Zo werkt deze procedure", en: "How this procedure works" },
    AnonymousProcedure { nl: "U stuurt geen cv en geen motivatiebrief. U beantwoordt dezelfde vragen als alle andere kandidaten. De selectiecommissie leest uw antwoorden zonder uw naam of andere gegevens te zien. Pas na de eerste selectie horen wij wie u bent.",
                         en: "You do not send a CV or a cover letter. You answer the same questions as all other candidates. The selection committee reads your answers without seeing your name or other details. Only after the first selection do we learn who you are." },
    HoursValue { nl: "{hours} uur per week", en: "{hours} hours per week" },
    ScaleValue { nl: "Schaal {scale}", en: "Scale {scale}" },
    WhatWeAsk { nl: "Wat wij vragen", en: "What we ask" },
    NiceExtra { nl: "Mooi meegenomen", en: "A plus" },
    VacancyNotFound { nl: "Deze vacature bestaat niet, of is niet (meer) open.", en: "This vacancy does not exist, or is not open (any more)." },
    ToVacancies { nl: "Naar uw vacatures", en: "To your vacancies" },

    NotFoundTitle { nl: "Pagina niet gevonden", en: "Page not found" },
    NotFoundHelp { nl: "Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de startpagina.",
                   en: "This page does not exist (any more). Check the address, or go to the home page." },
    BackHome { nl: "Naar de startpagina", en: "To the home page" },

    AccessibilityIntro { nl: "Wij willen dat iedereen Breedwerf kan gebruiken. Breedwerf moet voldoen aan de WCAG 2.1 op niveau AA, zoals de wet dat vraagt van overheidswebsites.",
                         en: "We want everyone to be able to use Breedwerf. Breedwerf must meet WCAG 2.1 at level AA, as the law requires of government websites." },
    AccessibilityHowTitle { nl: "Hoe wij dat controleren", en: "How we check this" },
    AccessibilityHow { nl: "Elke pagina wordt bij elke wijziging automatisch getest met axe-core. We testen ook of alles werkt met alleen een toetsenbord en bij 200 % zoom.",
                       en: "Every page is tested automatically with axe-core on every change. We also test that everything works with a keyboard only and at 200 % zoom." },
    AccessibilityProblemTitle { nl: "Loopt u ergens tegenaan?", en: "Do you run into a problem?" },
    AccessibilityProblem { nl: "Meld het bij de organisatie van de vacature of bij de beheerder van Breedwerf. U krijgt binnen vijf werkdagen antwoord.",
                           en: "Report it to the organisation of the vacancy or to the administrator of Breedwerf. You will get an answer within five working days." },
}
