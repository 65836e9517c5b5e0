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
