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

    /// The current language, without subscribing (for event handlers and tasks).
    pub fn language_untracked(&self) -> Language {
        self.0.get_untracked()
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
    ReadOnlyPublished { nl: "Deze vacature is gepubliceerd. Tekst, eisen en vragen kunnen niet meer veranderen.", en: "This vacancy is published. Its text, requirements and questions cannot change any more." },
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
    PublicApplyHow { nl: "U solliciteert met een vragenlijst. U stuurt geen cv en geen brief. Het kost ongeveer 30 tot 45 minuten. U kunt tussendoor stoppen en later verdergaan.",
                     en: "You apply through a questionnaire. You do not send a CV or a letter. It takes about 30 to 45 minutes. You can stop in between and go on later." },
    ApplyButton { nl: "Solliciteren", en: "Apply" },
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

    // The vacancy's deadline.
    ClosingDate { nl: "Sluitingsdatum", en: "Closing date" },
    ClosingDateHelp { nl: "Tot en met deze dag kunnen mensen solliciteren (tot middernacht in de gekozen tijdzone). Nodig om te publiceren.",
                      en: "People can apply up to and including this day (until midnight in the chosen time zone). Needed to publish." },
    TimeZone { nl: "Tijdzone", en: "Time zone" },
    TimeZoneNetherlands { nl: "Nederland (Europe/Amsterdam)", en: "The Netherlands (Europe/Amsterdam)" },
    TimeZoneCaribbean { nl: "Caribisch Nederland (America/Kralendijk)", en: "Caribbean Netherlands (America/Kralendijk)" },

    // The questionnaire editor.
    QuestionnaireTitle { nl: "Vragenlijst", en: "Questionnaire" },
    QuestionnaireHelp { nl: "Sollicitanten beantwoorden deze vragen in plaats van een cv en een brief te sturen. Iedereen krijgt dezelfde vragen. Geef bij elke vraag aan welke eis ze toetst. Na publicatie kunnen de vragen en de beoordelingswijzer niet meer veranderen.",
                        en: "Applicants answer these questions instead of sending a CV and a letter. Everyone gets the same questions. For each question, say which requirement it assesses. After publication the questions and the scoring guide cannot change." },
    UncoveredRequirements { nl: "Deze harde eisen worden door geen enkele vraag getoetst. Voeg een vraag toe, of toets ze in het interview:",
                            en: "No question assesses these must-have requirements. Add a question, or assess them in the interview:" },
    QuestionsWithoutRequirement { nl: "{count} vraag of vragen toetsen geen eis van de vacature. Koppel ze aan een eis, of haal ze weg.",
                                  en: "{count} question(s) assess no requirement of the vacancy. Link them to a requirement, or remove them." },
    AddQuestion { nl: "Vraag toevoegen", en: "Add a question" },
    QuestionBank { nl: "Vragenbank", en: "Question bank" },
    QuestionBankHelp { nl: "Kant-en-klare vragen met een beoordelingswijzer. Voeg er een toe en pas hem aan op de functie.",
                       en: "Ready questions with a scoring guide. Add one and adapt it to the job." },
    ChooseQuestion { nl: "Kies een vraag", en: "Choose a question" },
    AddFromBank { nl: "Toevoegen uit de vragenbank", en: "Add from the question bank" },
    ShowApplicantPreview { nl: "Bekijk zoals de sollicitant het ziet", en: "View as the applicant sees it" },
    HideApplicantPreview { nl: "Verberg het voorbeeld voor de sollicitant", en: "Hide the applicant's view" },
    Question { nl: "Vraag", en: "Question" },
    QuestionOf { nl: "Vraag {n} van {total}", en: "Question {n} of {total}" },
    QuestionKind { nl: "Soort vraag", en: "Kind of question" },
    KindOpen { nl: "Open vraag", en: "Open question" },
    KindWorkSample { nl: "Werkproef", en: "Work sample" },
    KindMultipleChoice { nl: "Meerkeuzevraag", en: "Multiple choice" },
    KindKnockOut { nl: "Knock-outvraag", en: "Knock-out question" },
    Weight { nl: "Gewicht", en: "Weight" },
    WordLimit { nl: "Woordlimiet", en: "Word limit" },
    Situation { nl: "Situatie", en: "Situation" },
    SituationHelp { nl: "Beschrijf kort een echte taak uit het werk. De vraag hieronder zegt wat de sollicitant moet doen.",
                    en: "Describe a real task from the job in short. The question below says what the applicant must do." },
    QuestionPrompt { nl: "Vraag", en: "Question" },
    Options { nl: "Antwoorden", en: "Options" },
    Option { nl: "Antwoord", en: "Option" },
    CorrectOption { nl: "Goed antwoord", en: "Right answer" },
    AddOption { nl: "Antwoord toevoegen", en: "Add an option" },
    RemoveOption { nl: "Antwoord verwijderen", en: "Remove option" },
    KnockOutReason { nl: "Waarom is deze eis hard?", en: "Why is this requirement hard?" },
    KnockOutReasonHelp { nl: "Alleen voor een wettelijke of echt noodzakelijke eis. De sollicitant ziet deze uitleg bij de vraag.",
                         en: "Only for a legal or truly necessary requirement. The applicant sees this explanation with the question." },
    ScoringGuide { nl: "Beoordelingswijzer", en: "Scoring guide" },
    ScoringGuideHelp { nl: "Beschrijf hoe een antwoord eruitziet bij score 1, 3 en 5. Scores 2 en 4 liggen daartussen. Beschrijf wat iemand doet en bereikt, niet hoe hij of zij schrijft.",
                       en: "Describe what an answer looks like at score 1, 3 and 5. Scores 2 and 4 lie in between. Describe what someone does and achieves, not how they write." },
    Anchor1 { nl: "Score 1: zo ziet een zwak antwoord eruit", en: "Score 1: what a weak answer looks like" },
    Anchor3 { nl: "Score 3: zo ziet een voldoende antwoord eruit", en: "Score 3: what an adequate answer looks like" },
    Anchor5 { nl: "Score 5: zo ziet een sterk antwoord eruit", en: "Score 5: what a strong answer looks like" },
    LanguageScored { nl: "Ook taal beoordelen", en: "Also score language" },
    LanguageScoredHelp { nl: "Alleen als taalvaardigheid een eis van de functie is. Anders krijgen beoordelaars de herinnering om spelling niet mee te tellen.",
                         en: "Only if language skill is a requirement of the job. Otherwise reviewers are reminded not to count spelling." },
    AssessesRequirements { nl: "Deze vraag toetst", en: "This question assesses" },
    SaveToLinkRequirements { nl: "Sla het concept eerst op; daarna kunt u de eisen hier kiezen.", en: "Save the draft first; then you can choose the requirements here." },
    MoveUp { nl: "Omhoog", en: "Move up" },
    MoveDown { nl: "Omlaag", en: "Move down" },
    RemoveQuestion { nl: "Vraag verwijderen", en: "Remove question" },

    // Applying.
    ApplyTitle { nl: "Solliciteren", en: "Apply" },
    StepOf { nl: "Stap {n} van {total}", en: "Step {n} of {total}" },
    Previous { nl: "Vorige", en: "Previous" },
    Next { nl: "Volgende", en: "Next" },
    SendApplication { nl: "Sollicitatie versturen", en: "Send application" },
    Sending { nl: "Bezig met versturen…", en: "Sending…" },
    YourCode { nl: "Uw code", en: "Your code" },
    YourCodeHelp { nl: "Schrijf deze code op. Met de code gaat u later verder, ook op een ander apparaat. Na het versturen bekijkt u er de status mee. Geef de code aan niemand.",
                   en: "Write this code down. With the code you can go on later, also on another device. After sending you check the status with it. Give the code to no one." },
    SavingDraft { nl: "Bezig met opslaan…", en: "Saving…" },
    DraftSaved { nl: "Alles is opgeslagen.", en: "Everything is saved." },
    DraftOffline { nl: "Geen verbinding. Uw tekst blijft bewaard in deze browser en wordt opgeslagen zodra er weer verbinding is.",
                   en: "No connection. Your text is kept in this browser and saved as soon as there is a connection again." },
    PrivacyIntro { nl: "U solliciteert zonder cv en zonder brief. U beantwoordt dezelfde vragen als alle andere sollicitanten. De commissie beoordeelt uw antwoorden zonder uw naam te zien.",
                   en: "You apply without a CV and without a letter. You answer the same questions as all other applicants. The committee scores your answers without seeing your name." },
    PrivacyStepsTitle { nl: "Wat gaat er gebeuren?", en: "What will happen?" },
    PrivacyStep1 { nl: "Eerst zijn er een paar vrijwillige vragen over uw achtergrond. Die helpen ons te zien of iedereen gelijke kansen krijgt. U mag ze overslaan.",
                   en: "First there are a few voluntary questions about your background. They help us see whether everyone gets equal chances. You may skip them." },
    PrivacyStep2 { nl: "Dan beantwoordt u de vragen over het werk, één per pagina.", en: "Then you answer the questions about the work, one per page." },
    PrivacyStep3 { nl: "Daarna vult u uw naam en e-mailadres in. Die ziet de commissie niet.", en: "Then you fill in your name and e-mail address. The committee does not see them." },
    PrivacyStep4 { nl: "U controleert alles en verstuurt. U krijgt een bewijs van inzending.", en: "You check everything and send it. You get a receipt." },
    PrivacyWhoSeesTitle { nl: "Wie ziet wat?", en: "Who sees what?" },
    PrivacyCommittee { nl: "De commissie ziet alleen uw antwoorden op de vragen, zonder naam. Ze weet ook niet welke antwoorden bij elkaar horen.",
                       en: "The committee sees only your answers to the questions, without a name. It also does not know which answers belong together." },
    PrivacyRecruiter { nl: "Uw naam en contactgegevens worden versleuteld bewaard. Ze worden pas geopend als u op de shortlist staat, om u uit te nodigen.",
                       en: "Your name and contact details are stored encrypted. They are only opened when you are on the shortlist, to invite you." },
    PrivacyMonitoring { nl: "Uw antwoorden over uw achtergrond worden apart bewaard. Niemand ziet ze per persoon; ze tellen alleen mee in totalen.",
                        en: "Your answers about your background are stored apart. No one sees them per person; they only count in totals." },
    PrivacyHowLongTitle { nl: "Hoe lang bewaren we uw gegevens?", en: "How long do we keep your data?" },
    PrivacyHowLong { nl: "Tot vier weken na het einde van de procedure. Als u daar toestemming voor geeft, één jaar. Daarna verwijderen we alles dat naar u te herleiden is.",
                     en: "Up to four weeks after the procedure ends. If you allow it, one year. After that we delete everything that can be traced to you." },
    PrivacyRights { nl: "U kunt uw sollicitatie altijd intrekken, uw gegevens downloaden of laten verwijderen. Dat doet u op de statuspagina met uw code.",
                    en: "You can always withdraw your application, download your data or have it deleted. You do that on the status page with your code." },
    StartApplying { nl: "Begin met solliciteren", en: "Start applying" },
    ResumeWithCode { nl: "Al begonnen? Ga verder met uw code", en: "Already started? Go on with your code" },
    MonitoringTitle { nl: "Vrijwillige vragen over uw achtergrond", en: "Voluntary questions about your background" },
    MonitoringIntro { nl: "Deze vragen zijn niet verplicht. Ze helpen om te zien of iedereen gelijke kansen krijgt. De commissie en de recruiter zien uw antwoorden nooit. Ze tellen alleen mee in totalen. U kunt elke vraag overslaan, of alles.",
                      en: "These questions are not required. They help to see whether everyone gets equal chances. The committee and the recruiter never see your answers. They only count in totals. You can skip any question, or all of them." },
    MonitoringAlreadyDone { nl: "U hebt deze vragen al beantwoord of overgeslagen. Vult u ze opnieuw in, dan vervangen uw nieuwe antwoorden de oude.",
                            en: "You have already answered or skipped these questions. If you fill them in again, your new answers replace the old ones." },
    BirthCountry { nl: "In welk land bent u geboren?", en: "In which country were you born?" },
    MotherBirthCountry { nl: "In welk land is uw moeder geboren?", en: "In which country was your mother born?" },
    FatherBirthCountry { nl: "In welk land is uw vader geboren?", en: "In which country was your father born?" },
    NoAnswer { nl: "Geen antwoord", en: "No answer" },
    PreferNotToSay { nl: "Zeg ik liever niet", en: "Prefer not to say" },
    DoNotKnow { nl: "Weet ik niet", en: "I do not know" },
    GenderQuestion { nl: "Wat is uw gender?", en: "What is your gender?" },
    GenderMan { nl: "Man", en: "Man" },
    GenderWoman { nl: "Vrouw", en: "Woman" },
    GenderOther { nl: "Anders", en: "Other" },
    AgeQuestion { nl: "Hoe oud bent u?", en: "How old are you?" },
    AgeUnder25 { nl: "Jonger dan 25", en: "Under 25" },
    Age25To34 { nl: "25 tot en met 34", en: "25 to 34" },
    Age35To44 { nl: "35 tot en met 44", en: "35 to 44" },
    Age45To54 { nl: "45 tot en met 54", en: "45 to 54" },
    Age55Plus { nl: "55 of ouder", en: "55 or older" },
    DisabilityQuestion { nl: "Hebt u een arbeidsbeperking?", en: "Do you have an occupational disability?" },
    EducationQuestion { nl: "Wat is uw hoogst afgeronde opleiding?", en: "What is your highest completed education?" },
    EducationLow { nl: "Basisonderwijs, vmbo of mbo 1", en: "Primary school, vmbo or mbo 1" },
    EducationMiddle { nl: "Mbo 2, 3 of 4, havo of vwo", en: "Mbo 2, 3 or 4, havo or vwo" },
    EducationHigh { nl: "Hbo of universiteit", en: "Higher professional education or university" },
    SaveAndContinue { nl: "Opslaan en verder", en: "Save and continue" },
    SkipMonitoring { nl: "Deze vragen overslaan", en: "Skip these questions" },
    AnswerHint { nl: "Schrijf in uw eigen woorden. Noem geen namen van mensen, organisaties of scholen, en niet uw leeftijd of afkomst: de commissie beoordeelt anoniem. Spelfouten tellen niet mee.",
                 en: "Write in your own words. Do not name people, organisations or schools, nor your age or origin: the committee scores anonymously. Spelling mistakes do not count." },
    WordCount { nl: "{count} van {limit} woorden", en: "{count} of {limit} words" },
    OverWordLimit { nl: "Dat is te veel. Maak uw antwoord korter om verder te gaan.", en: "That is too many. Make your answer shorter to go on." },
    IdentityCueIntro { nl: "Let op: het lijkt erop dat u iets noemt waaraan iemand u kan herkennen. Laat het liever weg, dan blijft uw antwoord anoniem.",
                       en: "Note: it looks as if you mention something by which someone can recognise you. Better leave it out, so your answer stays anonymous." },
    CueName { nl: "Een naam", en: "A name" },
    CueAge { nl: "Uw leeftijd", en: "Your age" },
    CueContact { nl: "Contactgegevens", en: "Contact details" },
    CueLocation { nl: "Uw woonplaats", en: "Where you live" },
    CueGender { nl: "Of u een man of vrouw bent", en: "Whether you are a man or a woman" },
    CueOrigin { nl: "Uw afkomst", en: "Your origin" },
    CueReligion { nl: "Uw geloof", en: "Your religion" },
    CueSchool { nl: "Uw school of opleiding", en: "Your school" },
    WhyThisRequirement { nl: "Waarom deze eis?", en: "Why this requirement?" },
    Yes { nl: "Ja", en: "Yes" },
    No { nl: "Nee", en: "No" },
    ContactTitle { nl: "Uw contactgegevens", en: "Your contact details" },
    ContactIntro { nl: "We gebruiken deze gegevens alleen om contact met u op te nemen. De commissie ziet ze niet.",
                   en: "We only use these details to contact you. The committee does not see them." },
    YourName { nl: "Naam", en: "Name" },
    Email { nl: "E-mailadres", en: "E-mail address" },
    PhoneOptional { nl: "Telefoonnummer (niet verplicht)", en: "Phone number (optional)" },
    RetentionTitle { nl: "Hoe lang mogen we uw gegevens bewaren?", en: "How long may we keep your data?" },
    RetentionFourWeeks { nl: "Tot vier weken na de procedure (standaard)", en: "Up to four weeks after the procedure (standard)" },
    RetentionOneYear { nl: "Eén jaar, zodat u in beeld blijft voor een andere vacature", en: "One year, so you stay in view for another vacancy" },
    ReviewTitle { nl: "Controleer uw sollicitatie", en: "Check your application" },
    ReviewIntro { nl: "Kijk alles nog een keer na. Na het versturen kunt u niets meer wijzigen.", en: "Check everything once more. After sending you cannot change anything." },
    NotAnswered { nl: "Nog niet beantwoord", en: "Not answered yet" },
    Change { nl: "Wijzigen", en: "Change" },
    ReceiptTitle { nl: "Bewijs van inzending", en: "Receipt" },
    ReceiptIntro { nl: "Uw sollicitatie is verstuurd. Bewaar deze gegevens.", en: "Your application has been sent. Keep these details." },
    Reference { nl: "Kenmerk", en: "Reference" },
    SubmittedAt { nl: "Verstuurd op", en: "Sent at" },
    Digest { nl: "Controlegetal (SHA-256) van uw antwoorden", en: "Check number (SHA-256) of your answers" },
    DigestHelp { nl: "Met dit controlegetal kunt u later nagaan dat niemand uw antwoorden heeft veranderd. Download uw gegevens op de statuspagina. Sla de tekst bij ‘answers_document’ op als bestand en bereken de SHA-256, bijvoorbeeld met ‘sha256sum’. De uitkomst moet gelijk zijn aan dit getal.",
                 en: "With this check number you can later verify that no one changed your answers. Download your data on the status page. Save the text at ‘answers_document’ as a file and compute its SHA-256, for example with ‘sha256sum’. The result must equal this number." },
    ReceiptEmail { nl: "U krijgt ook een bevestiging per e-mail.", en: "You also get a confirmation by e-mail." },
    ToStatusPage { nl: "Naar de statuspagina", en: "To the status page" },
    ResumeTitle { nl: "Verder met uw sollicitatie", en: "Continue your application" },
    ResumeIntro { nl: "Vul de code in die u kreeg toen u begon. Hoofdletters en streepjes maken niet uit.",
                  en: "Fill in the code you got when you started. Capitals and dashes do not matter." },
    Resume { nl: "Verdergaan", en: "Continue" },
    StatusTitle { nl: "Status van uw sollicitatie", en: "Status of your application" },
    StatusIntro { nl: "Vul het kenmerk en uw code in. U vindt ze op uw bewijs van inzending en in de e-mail.",
                  en: "Fill in the reference and your code. You find them on your receipt and in the e-mail." },
    ShowStatus { nl: "Status bekijken", en: "Show status" },
    Vacancy { nl: "Vacature", en: "Vacancy" },
    StatusSubmitted { nl: "Verstuurd. De commissie beoordeelt de antwoorden na de sluitingsdatum.", en: "Sent. The committee scores the answers after the closing date." },
    StatusWithdrawn { nl: "Ingetrokken", en: "Withdrawn" },
    DownloadData { nl: "Download mijn gegevens (JSON)", en: "Download my data (JSON)" },
    Withdraw { nl: "Sollicitatie intrekken", en: "Withdraw application" },
    DeleteData { nl: "Mijn gegevens verwijderen", en: "Delete my data" },
    ConfirmWithdraw { nl: "Weet u zeker dat u uw sollicitatie wilt intrekken? Dit kan niet ongedaan worden.", en: "Are you sure you want to withdraw your application? This cannot be undone." },
    ConfirmDelete { nl: "Weet u zeker dat u al uw gegevens wilt verwijderen? Uw sollicitatie vervalt dan ook. Dit kan niet ongedaan worden.",
                    en: "Are you sure you want to delete all your data? Your application then ends too. This cannot be undone." },
    YesWithdraw { nl: "Ja, intrekken", en: "Yes, withdraw" },
    YesDelete { nl: "Ja, alles verwijderen", en: "Yes, delete everything" },
    DataDeleted { nl: "Uw gegevens zijn verwijderd. We bewaren alleen dat er een sollicitatie was, zonder iets dat naar u te herleiden is.",
                  en: "Your data has been deleted. We only keep that there was an application, without anything that can be traced to you." },
    Outbox { nl: "Uitgaande e-mail", en: "Outgoing e-mail" },
    OutboxIntro { nl: "In de demo is er geen mailserver. Hier staan de e-mails die Breedwerf zou versturen.",
                  en: "The demo has no mail server. Here are the e-mails Breedwerf would send." },
    OutboxEmpty { nl: "Er zijn nog geen e-mails.", en: "There are no e-mails yet." },
    To { nl: "Aan", en: "To" },
    FooterNavigation { nl: "Voor sollicitanten", en: "For applicants" },
    OpenVacancies { nl: "Vacatures", en: "Vacancies" },
    OpenVacanciesIntro { nl: "Bij deze vacatures solliciteert u met een vragenlijst, zonder cv en zonder brief. De commissie beoordeelt de antwoorden zonder namen.",
                         en: "For these vacancies you apply through a questionnaire, without a CV or a letter. The committee scores the answers without names." },
    NoOpenVacancies { nl: "Er staan nu geen vacatures open. Kijk later nog eens.", en: "There are no open vacancies right now. Check again later." },
}
