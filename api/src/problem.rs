//! The one error shape of the API, after RFC 9457 ("problem details"), and the catalogue of its codes.
//!
//! The server fills `detail` in the request's language; the app may translate `code` itself with
//! [`ErrorCode::message`]. Codes are stable: never rename one, add a new one instead.

use serde::{Deserialize, Serialize};

use domain::account::AccountError;

use crate::Language;

/// The body of every error response (`Content-Type: application/problem+json`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:breedwerf:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The HTTP status code.
    pub status: u16,
    pub code: ErrorCode,
    /// What happened and what to do, in the request's language.
    pub detail: String,
    /// Per-field errors of a form; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// One field of a form that is not right.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The JSON field name, e.g. `username`.
    pub field: String,
    pub code: ErrorCode,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: ErrorCode, language: Language) -> FieldError {
        FieldError { field: field.to_owned(), code, message: code.message(language).to_owned() }
    }
}

impl Problem {
    pub fn new(status: u16, code: ErrorCode, language: Language, fields: Vec<FieldError>) -> Problem {
        Problem {
            kind: format!("urn:breedwerf:problem:{}", code.as_str()),
            status,
            code,
            detail: code.message(language).to_owned(),
            fields,
        }
    }
}

macro_rules! error_codes {
    ($($variant:ident = $name:literal { nl: $nl:literal, en: $en:literal $(,)? },)*) => {
        /// Every error the API can report. Each says, in B1 language, what happened and what to do.
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($variant,)*
        }

        impl ErrorCode {
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The stable name, as serialised.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $name,)*
                }
            }

            /// The message for people, in `language`.
            pub fn message(self, language: Language) -> &'static str {
                match (self, language) {
                    $(
                        (ErrorCode::$variant, Language::Nl) => $nl,
                        (ErrorCode::$variant, Language::En) => $en,
                    )*
                }
            }
        }
    };
}

error_codes! {
    InvalidCredentials = "invalid_credentials" {
        nl: "De gebruikersnaam of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.",
        en: "The username or password is not right. Check both and try again.",
    },
    TooManyAttempts = "too_many_attempts" {
        nl: "Er is te vaak een verkeerd wachtwoord ingevuld. Wacht een paar minuten en probeer het dan opnieuw.",
        en: "A wrong password was entered too often. Wait a few minutes, then try again.",
    },
    Unauthenticated = "unauthenticated" {
        nl: "U bent niet ingelogd, of uw sessie is verlopen. Log in om verder te gaan.",
        en: "You are not logged in, or your session has expired. Log in to continue.",
    },
    Forbidden = "forbidden" {
        nl: "U hebt geen toegang tot dit onderdeel. Denkt u dat dit niet klopt? Neem contact op met de beheerder.",
        en: "You do not have access to this part. If you think this is wrong, contact the administrator.",
    },
    CsrfFailed = "csrf_failed" {
        nl: "Uw verzoek is niet uitgevoerd, omdat het niet zeker van deze site kwam. Laad de pagina opnieuw en probeer het nog eens.",
        en: "Your request was not carried out, because it did not surely come from this site. Reload the page and try again.",
    },
    NotFound = "not_found" {
        nl: "Dit bestaat niet (meer). Controleer het adres.",
        en: "This does not exist (any more). Check the address.",
    },
    MethodNotAllowed = "method_not_allowed" {
        nl: "Deze handeling kan hier niet. Er is niets gewijzigd.",
        en: "This action is not possible here. Nothing was changed.",
    },
    PayloadTooLarge = "payload_too_large" {
        nl: "Wat u stuurde is te groot. Er is niets opgeslagen. Maak het korter en probeer het opnieuw.",
        en: "What you sent is too large. Nothing was saved. Make it shorter and try again.",
    },
    MalformedRequest = "malformed_request" {
        nl: "Uw verzoek kon niet worden gelezen. Er is niets opgeslagen. Laad de pagina opnieuw en probeer het nog eens.",
        en: "Your request could not be read. Nothing was saved. Reload the page and try again.",
    },
    ValidationFailed = "validation_failed" {
        nl: "Niet alle velden zijn goed ingevuld. Er is niets opgeslagen. Bekijk de meldingen bij de velden.",
        en: "Not all fields are filled in correctly. Nothing was saved. See the messages at the fields.",
    },
    UsernameLength = "username_length" {
        nl: "Een gebruikersnaam heeft 3 tot 64 tekens.",
        en: "A username has 3 to 64 characters.",
    },
    UsernameCharacters = "username_characters" {
        nl: "Gebruik in een gebruikersnaam alleen kleine letters, cijfers, punt, streepje of liggend streepje.",
        en: "Use only lowercase letters, digits, dot, hyphen or underscore in a username.",
    },
    UsernameTaken = "username_taken" {
        nl: "Deze gebruikersnaam is al in gebruik. Kies een andere.",
        en: "This username is already in use. Choose another one.",
    },
    PasswordTooShort = "password_too_short" {
        nl: "Een wachtwoord heeft minstens 12 tekens. Een zin van een paar woorden is makkelijk te onthouden.",
        en: "A password has at least 12 characters. A sentence of a few words is easy to remember.",
    },
    PasswordTooLong = "password_too_long" {
        nl: "Een wachtwoord heeft hoogstens 256 tekens.",
        en: "A password has at most 256 characters.",
    },
    DisplayNameInvalid = "display_name_invalid" {
        nl: "Vul een naam in van 1 tot 100 tekens.",
        en: "Fill in a name of 1 to 100 characters.",
    },
    TextTooLong = "text_too_long" {
        nl: "De tekst is te lang om te controleren (meer dan 50.000 tekens). Controleer hem in delen.",
        en: "The text is too long to check (more than 50,000 characters). Check it in parts.",
    },
    TitleInvalid = "title_invalid" {
        nl: "Vul een functietitel in van 1 tot 150 tekens.",
        en: "Fill in a job title of 1 to 150 characters.",
    },
    LocationInvalid = "location_invalid" {
        nl: "Vul een standplaats in van 1 tot 100 tekens.",
        en: "Fill in a location of 1 to 100 characters.",
    },
    SalaryScaleInvalid = "salary_scale_invalid" {
        nl: "Kies een salarisschaal van 1 tot en met 18.",
        en: "Choose a salary scale from 1 to 18.",
    },
    HoursInvalid = "hours_invalid" {
        nl: "Vul een aantal uren per week in van 1 tot en met 40.",
        en: "Fill in hours per week from 1 to 40.",
    },
    RequirementInvalid = "requirement_invalid" {
        nl: "Elke eis heeft 1 tot 300 tekens. Maak lege eisen leeg of verwijder ze.",
        en: "Each requirement has 1 to 300 characters. Remove empty requirements.",
    },
    TooManyRequirements = "too_many_requirements" {
        nl: "Een vacature heeft hoogstens 30 eisen.",
        en: "A vacancy has at most 30 requirements.",
    },
    NoOrganisation = "no_organisation" {
        nl: "Uw account hoort nog niet bij een organisatie. Vraag de beheerder om u aan een organisatie te koppelen.",
        en: "Your account does not belong to an organisation yet. Ask the administrator to link you to one.",
    },
    EditConflict = "edit_conflict" {
        nl: "Iemand anders heeft deze vacature intussen gewijzigd. Er is niets opgeslagen. Laad de pagina opnieuw en breng uw wijziging dan opnieuw aan.",
        en: "Someone else changed this vacancy in the meantime. Nothing was saved. Reload the page, then make your change again.",
    },
    VacancyNotEditable = "vacancy_not_editable" {
        nl: "Deze vacature is gepubliceerd. De tekst, eisen en vragen kunnen dan niet meer veranderen. Er is niets gewijzigd.",
        en: "This vacancy is published. Its text, requirements and questions cannot change any more. Nothing was changed.",
    },
    BlockingFindings = "blocking_findings" {
        nl: "De tekst bevat nog uitsluitende formuleringen. Pas ze aan, of geef per melding een reden (minstens 10 tekens) waarom ze mogen blijven. Er is niets gepubliceerd.",
        en: "The text still has excluding wording. Change it, or give a reason (at least 10 characters) for each finding to stay. Nothing was published.",
    },
    AllowanceReasonInvalid = "allowance_reason_invalid" {
        nl: "Geef bij elke genegeerde melding een reden van 10 tot 500 tekens.",
        en: "Give a reason of 10 to 500 characters for every ignored finding.",
    },
    RulePatternInvalid = "rule_pattern_invalid" {
        nl: "Vul een patroon in van 1 tot 100 tekens, met minstens één letter of cijfer.",
        en: "Fill in a pattern of 1 to 100 characters, with at least one letter or digit.",
    },
    RuleExplanationInvalid = "rule_explanation_invalid" {
        nl: "Vul een uitleg in van 1 tot 500 tekens.",
        en: "Fill in an explanation of 1 to 500 characters.",
    },
    RuleSourceInvalid = "rule_source_invalid" {
        nl: "Noem de bron van de regel (1 tot 300 tekens).",
        en: "Name the source of the rule (1 to 300 characters).",
    },
    RuleSuggestionsInvalid = "rule_suggestions_invalid" {
        nl: "Geef hoogstens 5 suggesties van elk 1 tot 100 tekens.",
        en: "Give at most 5 suggestions of 1 to 100 characters each.",
    },
    QuestionPromptInvalid = "question_prompt_invalid" {
        nl: "Vul de vraag in (1 tot 2.000 tekens).",
        en: "Fill in the question (1 to 2,000 characters).",
    },
    QuestionScenarioInvalid = "question_scenario_invalid" {
        nl: "Een werkproef heeft een situatie nodig (1 tot 3.000 tekens). Beschrijf kort een echte taak uit het werk.",
        en: "A work sample needs a situation (1 to 3,000 characters). Describe a real task from the job in short.",
    },
    QuestionWordLimitInvalid = "question_word_limit_invalid" {
        nl: "Kies een woordlimiet van 25 tot 1.000 woorden.",
        en: "Choose a word limit of 25 to 1,000 words.",
    },
    QuestionOptionsInvalid = "question_options_invalid" {
        nl: "Een meerkeuzevraag heeft 2 tot 10 antwoorden van 1 tot 300 tekens, en minstens één goed antwoord.",
        en: "A multiple-choice question has 2 to 10 options of 1 to 300 characters, and at least one right answer.",
    },
    KnockOutReasonInvalid = "knock_out_reason_invalid" {
        nl: "Leg bij een knock-outvraag uit waarom de eis hard is (10 tot 500 tekens). De sollicitant ziet deze uitleg.",
        en: "Explain for a knock-out question why the requirement is hard (10 to 500 characters). The applicant sees this.",
    },
    ScoringGuideIncomplete = "scoring_guide_incomplete" {
        nl: "Beschrijf in de beoordelingswijzer hoe een antwoord met score 1, 3 en 5 eruitziet (elk 1 tot 1.000 tekens).",
        en: "Describe in the scoring guide what an answer scoring 1, 3 and 5 looks like (each 1 to 1,000 characters).",
    },
    QuestionWeightInvalid = "question_weight_invalid" {
        nl: "Kies een gewicht van 1 tot en met 5.",
        en: "Choose a weight from 1 to 5.",
    },
    QuestionRequirementUnknown = "question_requirement_unknown" {
        nl: "Deze vraag verwijst naar een eis die niet (meer) bij de vacature hoort. Kies de eisen opnieuw.",
        en: "This question points to a requirement that is not (or no longer) part of the vacancy. Choose the requirements again.",
    },
    TooManyQuestions = "too_many_questions" {
        nl: "Een vragenlijst heeft hoogstens 20 vragen.",
        en: "A questionnaire has at most 20 questions.",
    },
    QuestionIdRepeated = "question_id_repeated" {
        nl: "Twee vragen of antwoorden hebben hetzelfde kenmerk. Laad de pagina opnieuw en probeer het nog eens.",
        en: "Two questions or options have the same id. Reload the page and try again.",
    },
    TimeZoneInvalid = "time_zone_invalid" {
        nl: "Kies een geldige tijdzone, bijvoorbeeld Europe/Amsterdam.",
        en: "Choose a valid time zone, for example Europe/Amsterdam.",
    },
    ClosingDatePast = "closing_date_past" {
        nl: "De sluitingsdatum is al voorbij. Kies een datum vanaf vandaag.",
        en: "The closing date has passed. Choose a date from today on.",
    },
    QuestionnaireEmpty = "questionnaire_empty" {
        nl: "De vragenlijst is leeg. Sollicitanten solliciteren met de vragenlijst: voeg minstens één vraag toe. Er is niets gepubliceerd.",
        en: "The questionnaire is empty. Applicants apply through the questionnaire: add at least one question. Nothing was published.",
    },
    VacancyClosed = "vacancy_closed" {
        nl: "Deze vacature is gesloten: de sluitingsdatum is voorbij. Solliciteren kan niet meer. Er is niets opgeslagen.",
        en: "This vacancy is closed: the closing date has passed. You can no longer apply. Nothing was saved.",
    },
    AccessCodeInvalid = "access_code_invalid" {
        nl: "Deze code kennen we niet. Controleer de code en probeer het opnieuw. De code staat op uw bewijs van inzending of in de e-mail.",
        en: "We do not know this code. Check the code and try again. You find it on your receipt or in the e-mail.",
    },
    ApplicationAlreadySubmitted = "application_already_submitted" {
        nl: "Deze sollicitatie is al verstuurd. U kunt hem niet meer wijzigen. Bekijk de status met uw code.",
        en: "This application has been sent already. You cannot change it any more. Check its status with your code.",
    },
    DuplicateApplication = "duplicate_application" {
        nl: "Met dit e-mailadres is al gesolliciteerd op deze vacature. Er is niets verstuurd. Wilt u iets wijzigen? Trek de eerste sollicitatie in via de statuspagina.",
        en: "This e-mail address has already applied for this vacancy. Nothing was sent. Want to change something? Withdraw the first application on the status page.",
    },
    AnswerMissing = "answer_missing" {
        nl: "Beantwoord deze vraag.",
        en: "Answer this question.",
    },
    AnswerTooLong = "answer_too_long" {
        nl: "Dit antwoord heeft meer woorden dan is toegestaan. Maak het korter.",
        en: "This answer has more words than allowed. Make it shorter.",
    },
    AnswerInvalid = "answer_invalid" {
        nl: "Dit antwoord past niet bij de vraag. Laad de pagina opnieuw en beantwoord de vraag nog eens.",
        en: "This answer does not fit the question. Reload the page and answer the question again.",
    },
    ContactNameInvalid = "contact_name_invalid" {
        nl: "Vul uw naam in (1 tot 200 tekens).",
        en: "Fill in your name (1 to 200 characters).",
    },
    EmailInvalid = "email_invalid" {
        nl: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        en: "Fill in a valid e-mail address, such as name@example.com.",
    },
    PhoneInvalid = "phone_invalid" {
        nl: "Vul een telefoonnummer in met 6 tot 20 cijfers, of laat het veld leeg.",
        en: "Fill in a phone number with 6 to 20 digits, or leave the field empty.",
    },
    CountryUnknown = "country_unknown" {
        nl: "Kies een land uit de lijst, of ‘Zeg ik liever niet’.",
        en: "Choose a country from the list, or ‘Prefer not to say’.",
    },
    ApplicationNotActive = "application_not_active" {
        nl: "Deze sollicitatie is al ingetrokken. Er is niets gewijzigd.",
        en: "This application has already been withdrawn. Nothing was changed.",
    },
    VacancyStillOpen = "vacancy_still_open" {
        nl: "Deze vacature staat nog open: screenen kan pas na de sluitingsdatum. Er is niets gewijzigd.",
        en: "This vacancy is still open: screening can start only after the closing date. Nothing was changed.",
    },
    ScreeningAlreadyStarted = "screening_already_started" {
        nl: "Het screenen van deze vacature is al begonnen. Er is niets gewijzigd. Laad de pagina opnieuw.",
        en: "Screening of this vacancy has already started. Nothing was changed. Reload the page.",
    },
    NotScreening = "not_screening" {
        nl: "Deze vacature is niet in de screeningsfase. Er is niets gewijzigd. Laad de pagina opnieuw om te zien waar de vacature staat.",
        en: "This vacancy is not being screened. Nothing was changed. Reload the page to see where the vacancy stands.",
    },
    FindingsPending = "findings_pending" {
        nl: "Er zijn nog signalen zonder besluit. Kies bij elk signaal ‘Maskeren’ of ‘Niet maskeren’ en geef de antwoorden daarna vrij. Er is niets vrijgegeven.",
        en: "Some findings have no decision yet. Choose ‘Mask’ or ‘Do not mask’ for each and release the answers after that. Nothing was released.",
    },
    CommitteeEmpty = "committee_empty" {
        nl: "Deze vacature heeft nog geen commissie. Kies eerst de commissieleden en geef de antwoorden daarna vrij. Er is niets vrijgegeven.",
        en: "This vacancy has no committee yet. Choose the committee members first and release the answers after that. Nothing was released.",
    },
    DecisionInvalid = "decision_invalid" {
        nl: "Kies ‘Maskeren’ of ‘Niet maskeren’.",
        en: "Choose ‘Mask’ or ‘Do not mask’.",
    },
    MaskInvalid = "mask_invalid" {
        nl: "Deze woorden staan niet in het antwoord. Neem de woorden precies over uit het antwoord.",
        en: "These words are not in the answer. Copy the words exactly from the answer.",
    },
    CommitteeMemberInvalid = "committee_member_invalid" {
        nl: "Kies commissieleden uit de lijst: medewerkers met de rol commissielid in uw organisatie.",
        en: "Choose committee members from the list: staff with the committee role in your organisation.",
    },
    ChairNotMember = "chair_not_member" {
        nl: "De voorzitter moet zelf lid van de commissie zijn. Kies een voorzitter uit de gekozen leden.",
        en: "The chair must be a member of the committee. Choose a chair from the chosen members.",
    },
    ConductRequired = "conduct_required" {
        nl: "Bevestig eerst de afspraken voor het beoordelen. Daarna kunt u scores geven. Er is niets opgeslagen.",
        en: "First confirm the agreements for scoring. After that you can give scores. Nothing was saved.",
    },
    ScoreInvalid = "score_invalid" {
        nl: "Geef een score van 1 tot en met 5.",
        en: "Give a score from 1 to 5.",
    },
    NoteTooLong = "note_too_long" {
        nl: "Een notitie heeft hoogstens 1000 tekens. Maak hem korter.",
        en: "A note has at most 1000 characters. Make it shorter.",
    },
    QuestionSealed = "question_sealed" {
        nl: "U hebt uw scores voor deze vraag al ingeleverd. Ze zijn verzegeld en veranderen niet meer. Er is niets opgeslagen.",
        en: "You have already submitted your scores for this question. They are sealed and do not change any more. Nothing was saved.",
    },
    ScoresMissing = "scores_missing" {
        nl: "Nog niet elk antwoord heeft een score. Geef elk antwoord een score en lever daarna in. Er is niets ingeleverd.",
        en: "Not every answer has a score yet. Score every answer and submit after that. Nothing was submitted.",
    },
    PanelNotOpen = "panel_not_open" {
        nl: "De scores van de commissie zijn pas te zien als iedereen deze vraag heeft ingeleverd.",
        en: "The committee's scores can be seen only when everyone has submitted this question.",
    },
    ChangeReasonRequired = "change_reason_required" {
        nl: "Leg in 10 tot 500 tekens uit waarom u deze score verandert. De verandering wordt bewaard met uw naam en uw uitleg.",
        en: "Explain in 10 to 500 characters why you change this score. The change is kept with your name and your explanation.",
    },
    RankingNotReady = "ranking_not_ready" {
        nl: "De rangorde is er pas als elk commissielid elke vraag heeft ingeleverd. Kijk hieronder hoe ver de commissie is.",
        en: "The ranking is there only when every committee member has submitted every question. See below how far the committee is.",
    },
    ShortlistFixed = "shortlist_fixed" {
        nl: "De shortlist van deze vacature staat al vast. Er is niets gewijzigd.",
        en: "The shortlist of this vacancy has already been fixed. Nothing was changed.",
    },
    ShortlistRationaleRequired = "shortlist_rationale_required" {
        nl: "Leg in 10 tot 1000 tekens uit waarom u deze shortlist kiest. De uitleg wordt bewaard.",
        en: "Explain in 10 to 1000 characters why you choose this shortlist. The explanation is kept.",
    },
    ShortlistChoiceInvalid = "shortlist_choice_invalid" {
        nl: "Deze keuze levert geen kandidaten op, of noemt kandidaten die niet in de rangorde staan. Kies een aantal, een grens of kandidaten uit de rangorde.",
        en: "This choice gives no candidates, or names candidates who are not in the ranking. Choose a number, a threshold or candidates from the ranking.",
    },
    ShortlistMissing = "shortlist_missing" {
        nl: "Stel eerst de shortlist vast. Pas daarna kan iemand worden ontblind. Er is niets gewijzigd.",
        en: "First fix the shortlist. Only then can anyone be unblinded. Nothing was changed.",
    },
    UnblindingNotRequested = "unblinding_not_requested" {
        nl: "De recruiter heeft nog niet gevraagd om te ontblinden. Er is niets gewijzigd.",
        en: "The recruiter has not asked to unblind yet. Nothing was changed.",
    },
    UnblindingNotConfirmed = "unblinding_not_confirmed" {
        nl: "De voorzitter van de commissie heeft het ontblinden nog niet bevestigd. Vraag de voorzitter om te bevestigen.",
        en: "The committee chair has not confirmed the unblinding yet. Ask the chair to confirm.",
    },
    ChairOnly = "chair_only" {
        nl: "Alleen de voorzitter van de commissie kan dit bevestigen. Er is niets gewijzigd.",
        en: "Only the committee chair can confirm this. Nothing was changed.",
    },
    InterviewPromptInvalid = "interview_prompt_invalid" {
        nl: "Vul de gespreksvraag in (1 tot 1.000 tekens).",
        en: "Fill in the interview question (1 to 1,000 characters).",
    },
    FollowUpsInvalid = "follow_ups_invalid" {
        nl: "Geef hoogstens 5 doorvragen van elk 1 tot 300 tekens.",
        en: "Give at most 5 follow-up prompts of 1 to 300 characters each.",
    },
    InterviewMinutesInvalid = "interview_minutes_invalid" {
        nl: "Kies een tijd van 1 tot 30 minuten voor deze vraag.",
        en: "Choose a time of 1 to 30 minutes for this question.",
    },
    AnchorsIncomplete = "anchors_incomplete" {
        nl: "Beschrijf hoe een antwoord met score 1, 3 en 5 eruitziet, in gedrag dat u kunt horen (elk 1 tot 1.000 tekens).",
        en: "Describe what an answer scoring 1, 3 and 5 looks like, in behaviour you can hear (each 1 to 1,000 characters).",
    },
    InterviewRequirementsInvalid = "interview_requirements_invalid" {
        nl: "Koppel deze vraag aan minstens één eis van deze vacature. Een vraag die niets van de vacature meet, hoort niet in het gesprek.",
        en: "Link this question to at least one requirement of this vacancy. A question that measures nothing the vacancy asks for does not belong in the interview.",
    },
    TooManyInterviewQuestions = "too_many_interview_questions" {
        nl: "Een gesprek heeft hoogstens 12 vragen.",
        en: "An interview has at most 12 questions.",
    },
    KitFrozen = "kit_frozen" {
        nl: "De gespreksleidraad ligt vast: het eerste gesprek is al gescoord. Zo krijgt elke kandidaat dezelfde vragen. Er is niets gewijzigd.",
        en: "The interview kit is frozen: the first interview has been scored. That way every candidate gets the same questions. Nothing was changed.",
    },
    KitMissing = "kit_missing" {
        nl: "Deze vacature heeft nog geen gespreksleidraad. Vraag de recruiter de leidraad te maken.",
        en: "This vacancy has no interview kit yet. Ask the recruiter to make the kit.",
    },
    InterviewerInvalid = "interviewer_invalid" {
        nl: "Kies interviewers uit de medewerkers van deze organisatie met de rol commissielid of recruiter (hoogstens 6).",
        en: "Choose interviewers from this organisation's staff with the committee member or recruiter role (at most 6).",
    },
    InterviewNotOpen = "interview_not_open" {
        nl: "De gesprekken beginnen pas als de shortlist is ontblind en er een gespreksleidraad is. Er is niets gewijzigd.",
        en: "Interviews start only when the shortlist has been unblinded and there is an interview kit. Nothing was changed.",
    },
    InterviewSubmitted = "interview_submitted" {
        nl: "U hebt uw scores voor deze kandidaat al ingeleverd. Wijzig een score in het overleg, met een reden.",
        en: "You have already submitted your scores for this candidate. Change a score in the consensus view, with a reason.",
    },
    InterviewScoresMissing = "interview_scores_missing" {
        nl: "Geef eerst elke vraag een score. Daarna kunt u inleveren.",
        en: "First give every question a score. Then you can submit.",
    },
    ConsensusNotOpen = "consensus_not_open" {
        nl: "Het overleg begint pas als alle interviewers van deze kandidaat hun scores hebben ingeleverd. Zo beoordeelt iedereen eerst zelf.",
        en: "The consensus discussion starts only when every interviewer of this candidate has submitted their scores. That way everyone judges on their own first.",
    },
    InterviewNotComplete = "interview_not_complete" {
        nl: "Nog niet alle interviewers hebben hun scores voor deze kandidaat ingeleverd. Een aanbod of reserveplaats volgt uit de scores. Er is niets gewijzigd.",
        en: "Not every interviewer has submitted their scores for this candidate yet. An offer or reserve place follows from the scores. Nothing was changed.",
    },
    RationaleInvalid = "rationale_invalid" {
        nl: "Leg het besluit uit in 10 tot 2.000 tekens. De uitleg wordt bewaard.",
        en: "Explain the decision in 10 to 2,000 characters. The explanation is kept.",
    },
    RationaleScoresMissing = "rationale_scores_missing" {
        nl: "Dit besluit wijkt af van de volgorde van de gespreksscores. Noem in de uitleg welke scores het besluit rechtvaardigen.",
        en: "This decision departs from the order of the interview scores. Name in the explanation which scores justify it.",
    },
    NotACandidate = "not_a_candidate" {
        nl: "Deze kandidaat staat niet op de shortlist van deze vacature. Er is niets gewijzigd.",
        en: "This candidate is not on the shortlist of this vacancy. Nothing was changed.",
    },
    DecisionFinal = "decision_final" {
        nl: "De kandidaat heeft op het aanbod al geantwoord. Dit besluit verandert niet meer. Er is niets gewijzigd.",
        en: "The candidate has already answered the offer. This decision no longer changes. Nothing was changed.",
    },
    PilotNameInvalid = "pilot_name_invalid" {
        nl: "Geef de pilot een naam van 1 tot 200 tekens.",
        en: "Give the pilot a name of 1 to 200 characters.",
    },
    PilotPeriodInvalid = "pilot_period_invalid" {
        nl: "De einddatum van de pilot ligt na de begindatum. Kies de data opnieuw.",
        en: "The pilot's end date comes after its start date. Choose the dates again.",
    },
    PilotThresholdInvalid = "pilot_threshold_invalid" {
        nl: "Kies een drempel k van 5 tot 100 mensen. Kleinere groepen zouden personen herkenbaar maken.",
        en: "Choose a threshold k of 5 to 100 people. Smaller groups would make people recognisable.",
    },
    PilotOrganisationsInvalid = "pilot_organisations_invalid" {
        nl: "Kies minstens één bestaande organisatie voor de pilot.",
        en: "Choose at least one existing organisation for the pilot.",
    },
    PilotEvaluatorsInvalid = "pilot_evaluators_invalid" {
        nl: "Kies evaluatoren uit de medewerkers met de rol evaluator.",
        en: "Choose evaluators from the staff with the evaluator role.",
    },
    AssignmentReasonRequired = "assignment_reason_required" {
        nl: "Leg in 10 tot 500 tekens uit waarom u deze vacature zelf in een groep plaatst. De uitleg hoort bij de evaluatie.",
        en: "Explain in 10 to 500 characters why you place this vacancy in an arm by hand. The explanation is part of the evaluation.",
    },
    SurveyEmpty = "survey_empty" {
        nl: "Kies bij minstens één vraag een antwoord. Wilt u de vragen niet beantwoorden? Dan hoeft u niets te doen.",
        en: "Choose an answer to at least one question. If you would rather not answer, you need not do anything.",
    },
    SurveyAnswerInvalid = "survey_answer_invalid" {
        nl: "Kies een antwoord van 1 (helemaal oneens) tot 5 (helemaal eens).",
        en: "Choose an answer from 1 (strongly disagree) to 5 (strongly agree).",
    },
    SurveyAlreadyAnswered = "survey_already_answered" {
        nl: "U hebt deze vragen al beantwoord. Dank u wel; er is niets gewijzigd.",
        en: "You have already answered these questions. Thank you; nothing was changed.",
    },
    SurveyNotOpen = "survey_not_open" {
        nl: "Deze vragen kunt u nog niet beantwoorden. Ze komen na de uitkomst van de procedure. Er is niets gewijzigd.",
        en: "You cannot answer these questions yet. They come after the outcome of the procedure. Nothing was changed.",
    },
    ScoringTimeInvalid = "scoring_time_invalid" {
        nl: "De gemeten tijd moet tussen 1 en 600 seconden liggen. Er is niets gewijzigd.",
        en: "The measured time must be between 1 and 600 seconds. Nothing was changed.",
    },
    NotControlArm = "not_control_arm" {
        nl: "Deze vacature hoort niet bij de controlegroep. Uitkomsten legt u hier alleen vast voor vacatures die de gewone procedure volgen. Er is niets gewijzigd.",
        en: "This vacancy is not in the control arm. You record outcomes here only for vacancies that follow the regular procedure. Nothing was changed.",
    },
    OutcomeAlreadyFurther = "outcome_already_further" {
        nl: "Voor deze sollicitant is al een verdere uitkomst vastgelegd. Een uitkomst gaat niet terug. Er is niets gewijzigd.",
        en: "A further outcome is already recorded for this applicant. An outcome does not go back. Nothing was changed.",
    },
    NoOffer = "no_offer" {
        nl: "Deze kandidaat heeft geen aanbod gekregen, of heeft het nog niet aangenomen. Leg eerst het aanbod en het antwoord vast.",
        en: "This candidate has not received an offer, or has not accepted it yet. First record the offer and the answer.",
    },
    Required = "required" {
        nl: "Vul dit veld in.",
        en: "Fill in this field.",
    },
    ServiceUnavailable = "service_unavailable" {
        nl: "Breedwerf is even niet bereikbaar. Er is niets gewijzigd. Probeer het over een paar minuten opnieuw.",
        en: "Breedwerf is not available right now. Nothing was changed. Try again in a few minutes.",
    },
    Internal = "internal" {
        nl: "Er ging iets mis bij ons. Er is niets gewijzigd. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met de beheerder.",
        en: "Something went wrong on our side. Nothing was changed. Try again later; if it keeps failing, contact the administrator.",
    },
}

impl From<AccountError> for ErrorCode {
    fn from(error: AccountError) -> ErrorCode {
        match error {
            AccountError::UsernameLength => ErrorCode::UsernameLength,
            AccountError::UsernameCharacters => ErrorCode::UsernameCharacters,
            AccountError::PasswordTooShort => ErrorCode::PasswordTooShort,
            AccountError::PasswordTooLong => ErrorCode::PasswordTooLong,
            AccountError::DisplayName => ErrorCode::DisplayNameInvalid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_serialises_as_its_stable_name_and_has_both_languages() {
        for &code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).expect("serialisable");
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_ne!(code.message(Language::Nl), code.message(Language::En), "{code:?}");
        }
    }
}
