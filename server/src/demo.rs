//! The demo: the staff accounts of [`accounts::seed_demo`], one open vacancy with a questionnaire, so
//! a newcomer can apply straight away, and one closed vacancy with eight applications, ready to be
//! screened; its applicants open their status page with the references and codes of [`demo_access`];
//! and the pilot of PRODUCT.md with its evaluator.
//! Seeding twice changes nothing.

use chrono::{Days, NaiveDate};
use domain::application::{
    Answer, AnswerEntry, ApplicationStatus, Contact, Retention, Step, canonical_answers, digest, format_code,
};
use domain::audit::AuditAction;
use domain::language::Language;
use domain::questionnaire::{ChoiceOption, Question, QuestionKind, bank};
use domain::vacancy::{RequirementKind, VacancyStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::accounts::{self, DEMO_ORGANISATION};
use crate::audit::{AuditEntry, AuditLog};
use crate::clock;
use crate::crypto::Keys;
use crate::entities::{
    application_drafts, applications, identity_envelopes, pilot_evaluators, pilot_organisations, pilots, users,
    vacancies,
};
use crate::routes::applications::{IDENTITY, access_code_hash, email_key, record_event};
use crate::routes::vacancies::{DEFAULT_TIME_ZONE, deadline};

pub const DEMO_VACANCY_TITLE: &str = "Beleidsmedewerker digitale overheid (m/v/x)";

const DEMO_VACANCY_TEXT: &str = "Wil jij bijdragen aan een digitale overheid waar iedereen mee uit de voeten kan? \
Bij het Ministerie van Voorbeeldzaken werk je aan beleid voor toegankelijke overheidsdiensten.\n\n\
Wat ga je doen?\nJe schrijft beleidsvoorstellen, je overlegt met uitvoeringsorganisaties en je legt keuzes \
helder uit aan de bewindspersoon. Je werkt samen met collega's van verschillende directies.\n\n\
Wat bieden wij?\nEen salaris in schaal 11, een individueel keuzebudget, thuiswerken in overleg en ruimte om te leren. \
We passen de werkplek aan als je dat nodig hebt.\n\n\
Solliciteren\nJe solliciteert met een vragenlijst in plaats van een cv en een brief. De commissie leest je antwoorden \
zonder je naam. Mensen van elke achtergrond nodigen we van harte uit.";

pub const CLOSED_VACANCY_TITLE: &str = "Adviseur dienstverlening (m/v/x)";

const CLOSED_VACANCY_TEXT: &str = "Wil jij dat mensen onze brieven in één keer begrijpen? Bij het Ministerie van \
Voorbeeldzaken maak je brieven, formulieren en websites duidelijker, samen met de mensen die ze gebruiken.\n\n\
Wat ga je doen?\nJe herschrijft standaardbrieven, je test ze met burgers en je adviseert teams over heldere taal.\n\n\
Wat bieden wij?\nEen salaris in schaal 10, een individueel keuzebudget en thuiswerken in overleg. We passen de \
werkplek aan als je dat nodig hebt.\n\n\
Solliciteren\nJe solliciteert met een vragenlijst. De commissie leest je antwoorden zonder je naam.";

/// Seeds the demo accounts and, once each, an open vacancy to apply to and a closed one with
/// applications to screen. Returns the usernames created now.
pub async fn seed(db: &DatabaseConnection, audit: &AuditLog, keys: &Keys) -> anyhow::Result<Vec<&'static str>> {
    let created = accounts::seed_demo(db, audit).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let today = clock::now().date_naive();
    if !exists(db, DEMO_VACANCY_TITLE).await? {
        let closing = today.checked_add_days(Days::new(60)).unwrap_or(today);
        insert_vacancy(db, DEMO_VACANCY_TITLE, DEMO_VACANCY_TEXT, closing).await?;
    }
    if !exists(db, CLOSED_VACANCY_TITLE).await? {
        let closed = today.checked_sub_days(Days::new(3)).unwrap_or(today);
        let (vacancy, questions) = insert_vacancy(db, CLOSED_VACANCY_TITLE, CLOSED_VACANCY_TEXT, closed).await?;
        insert_applications(db, audit, keys, vacancy, &questions).await?;
    }
    if pilots::Entity::find().filter(pilots::Column::Name.eq(DEMO_PILOT)).count(db).await? == 0 {
        insert_pilot(db).await?;
    }
    Ok(created)
}

/// The pilot of PRODUCT.md, as the demo's evaluator sees it.
pub const DEMO_PILOT: &str = "Breed werven en objectief selecteren";

/// The demo pilot: 2023 to 30 September 2024, the demo organisation, k = 5, the demo evaluator.
async fn insert_pilot(db: &DatabaseConnection) -> anyhow::Result<()> {
    let organisation = accounts::ensure_organisation(db, DEMO_ORGANISATION).await?;
    let evaluator = users::Entity::find().filter(users::Column::Username.eq("evaluator")).one(db).await?;
    let admin = users::Entity::find().filter(users::Column::Username.eq("admin")).one(db).await?;
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow::anyhow!("a valid date"));
    let id = Uuid::new_v4();
    pilots::ActiveModel {
        id: Set(id),
        name: Set(DEMO_PILOT.to_owned()),
        starts_on: Set(date(2023, 1, 1)?),
        ends_on: Set(date(2024, 9, 30)?),
        k: Set(i16::try_from(domain::pilot::DEFAULT_K).unwrap_or(5)),
        seed: Set(rand::random::<i64>()),
        created_by: Set(admin.map(|a| a.id).unwrap_or_default()),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    pilot_organisations::ActiveModel { pilot_id: Set(id), organisation_id: Set(organisation) }.insert(db).await?;
    if let Some(evaluator) = evaluator {
        pilot_evaluators::ActiveModel { pilot_id: Set(id), user_id: Set(evaluator.id) }.insert(db).await?;
    }
    Ok(())
}

async fn exists(db: &DatabaseConnection, title: &str) -> anyhow::Result<bool> {
    Ok(vacancies::Entity::find().filter(vacancies::Column::Title.eq(title)).count(db).await? > 0)
}

/// A published vacancy of the demo organisation with three must-haves and the demo questionnaire.
async fn insert_vacancy(
    db: &DatabaseConnection,
    title: &str,
    text: &str,
    closing_date: NaiveDate,
) -> anyhow::Result<(Uuid, Vec<Question>)> {
    let organisation =
        accounts::ensure_organisation(db, DEMO_ORGANISATION).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let recruiter = users::Entity::find()
        .filter(users::Column::Username.eq("recruiter"))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo recruiter is missing"))?;
    let now = clock::now();
    let must_haves = [
        (Uuid::new_v4(), "Je hebt hbo- of wo-werk- en denkniveau."),
        (Uuid::new_v4(), "Je schrijft helder en begrijpelijk."),
        (Uuid::new_v4(), "Je werkt graag samen met mensen buiten je eigen team."),
    ];
    let requirements: Vec<serde_json::Value> = must_haves
        .iter()
        .map(|(id, text)| serde_json::json!({ "id": id, "text": text, "kind": RequirementKind::MustHave }))
        .collect();
    let questions = demo_questions(must_haves.map(|(id, _)| id));
    let id = Uuid::new_v4();
    vacancies::Entity::insert(vacancies::ActiveModel {
        id: Set(id),
        organisation_id: Set(organisation),
        title: Set(title.to_owned()),
        salary_scale: Set(Some(11)),
        hours_per_week: Set(Some(36)),
        location: Set("Den Haag".to_owned()),
        language: Set(Language::Nl.tag().to_owned()),
        text: Set(text.to_owned()),
        requirements: Set(serde_json::to_string(&requirements)?),
        allowances: Set("[]".to_owned()),
        status: Set(VacancyStatus::Published.as_str().to_owned()),
        arm: Set(None),
        version: Set(2),
        created_by: Set(recruiter.id),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(Some(now)),
        questions: Set(serde_json::to_string(&questions)?),
        closing_date: Set(Some(closing_date)),
        time_zone: Set(DEFAULT_TIME_ZONE.name().to_owned()),
        closes_at: Set(deadline(closing_date, DEFAULT_TIME_ZONE)),
    })
    .exec_without_returning(db)
    .await?;
    Ok((id, questions))
}

/// One demo applicant: contact details, two answers in words and the knock-out answer.
struct DemoApplicant {
    name: &'static str,
    email: &'static str,
    collaboration: &'static str,
    letter: &'static str,
    meets_knock_out: bool,
}

/// Eight applications to the closed vacancy: identity cues of several kinds in some answers, none in
/// others, words that look like cues but are not, and one applicant who fails the knock-out question.
const DEMO_APPLICANTS: [DemoApplicant; 8] = [
    DemoApplicant {
        name: "Fatima el Amrani",
        email: "fatima.elamrani@example.nl",
        collaboration: "Als moeder van twee kinderen ben ik gewend om veel ballen hoog te houden. In mijn vorige baan moest ik met drie afdelingen een nieuw klantformulier maken. Iedereen wilde iets anders. Ik heb eerst met elke afdeling apart gepraat over wat voor hen belangrijk was. Daarna heb ik een voorstel gemaakt waarin ieder iets terugzag. Het formulier was op tijd klaar en het aantal vragen aan de telefoon daalde. Ik ben geboren in Casablanca en spreek daardoor ook Arabisch, wat hielp bij het testen met bewoners.",
        letter: "Beste aanvrager, uw aanvraag voor een tegemoetkoming is afgewezen. Uw inkomen is hoger dan de grens van de regeling. Bent u het hier niet mee eens? Dan kunt u binnen zes weken bezwaar maken. Hoe dat werkt, leest u op de achterkant. Ik koos deze opbouw omdat de uitkomst meteen bovenaan moet staan.",
        meets_knock_out: true,
    },
    DemoApplicant {
        name: "Pieter de Vries",
        email: "pieter.devries@example.nl",
        collaboration: "In een project met twee teams liep de planning vast omdat beide teams hun eigen werkwijze wilden houden. Ik stelde voor om een week samen te werken volgens één aanpak en die daarna te bespreken. Ik vroeg iedereen wat hen zorgen baarde en paste de planning daarop aan. We haalden de deadline. Een volgende keer zou ik eerder vragen naar de belangen van de anderen.",
        letter: "Geachte heer of mevrouw, wij hebben uw aanvraag bekeken. U krijgt geen tegemoetkoming, omdat uw inkomen boven de grens ligt. U kunt binnen zes weken bezwaar maken. Ik heb de wetsartikelen naar een bijlage verplaatst, zodat de brief korter is. Met vriendelijke groet, Pieter de Vries",
        meets_knock_out: true,
    },
    DemoApplicant {
        name: "Anouk Jansen",
        email: "anouk.jansen@example.nl",
        collaboration: "Ik ben 52 jaar en werk al lang in de dienstverlening. Bij een reorganisatie moesten twee klantenservices samengaan. De medewerkers wantrouwden elkaar. Ik organiseerde gesprekken in kleine groepen en liet iedereen vertellen wat goed ging in het eigen team. Daarna maakten we samen werkafspraken. Na drie maanden was het aantal klachten gehalveerd.",
        letter: "Beste aanvrager, helaas krijgt u geen tegemoetkoming. Uw inkomen is namelijk hoger dan de grens. Wilt u bezwaar maken? Dat kan tot zes weken na de datum van deze brief. Heeft u vragen? Bel ons gerust. Omdat ik in Tilburg woon en daar veel met klanten praat, weet ik dat mensen de uitkomst als eerste willen lezen.",
        meets_knock_out: true,
    },
    DemoApplicant {
        name: "Mehmet Yilmaz",
        email: "mehmet.yilmaz@example.nl",
        collaboration: "Tijdens mijn studie aan de Erasmus Universiteit Rotterdam organiseerde ik met andere studenten een congres. De penningmeester en de programmacommissie waren het oneens over het budget. Ik zette de keuzes op een rij met de kosten erbij en liet beide kanten hun argumenten geven. We kozen samen voor een kleiner programma. Het congres was uitverkocht en bleef binnen het budget.",
        letter: "Beste aanvrager, u krijgt geen tegemoetkoming omdat uw inkomen boven de grens ligt. Ik heb in het voorbeeld uw eigen inkomen naast de grens gezet, zodat u het verschil ziet. U kunt binnen zes weken bezwaar maken via het formulier op onze website. Als vrijwilliger bij onze moskee schrijf ik vaker brieven voor ouderen, en die willen vooral weten wat ze nu moeten doen.",
        meets_knock_out: true,
    },
    DemoApplicant {
        name: "Sanne Bakker",
        email: "sanne.bakker@example.nl",
        collaboration: "Bij een vrijwilligersorganisatie wilden we een nieuwe website. De bestuursleden hadden elk een ander idee. Ik stelde voor om eerst met vijf bezoekers te testen wat zij zochten. De uitkomsten lieten zien wat echt nodig was, en daarover konden we het snel eens worden. De website was binnen twee maanden klaar. Ik zou de volgende keer de bezoekers nog eerder betrekken.",
        letter: "Beste aanvrager, u krijgt geen tegemoetkoming. Dat komt doordat uw inkomen hoger is dan de grens van de regeling. Bent u het er niet mee eens? Maak dan binnen zes weken bezwaar. Ik zette de uitkomst bovenaan en de regels in een bijlage, zodat de brief kort blijft.",
        meets_knock_out: true,
    },
    DemoApplicant {
        name: "Johan Smit",
        email: "johan.smit@example.nl",
        collaboration: "Ik ben Johan Smit en woon in Zwolle. In mijn team werkte ik samen aan een nieuwe werkwijze voor het behandelen van klachten. We verdeelden de taken en spraken elke week af.",
        letter: "Beste aanvrager, uw aanvraag is afgewezen omdat uw inkomen te hoog is. U kunt bezwaar maken binnen zes weken.",
        meets_knock_out: false,
    },
    DemoApplicant {
        name: "Lotte Visser",
        email: "lotte.visser@example.nl",
        collaboration: "In 2019 begon ik bij een uitvoeringsorganisatie waar twee afdelingen elk een eigen klantsysteem gebruikten. Ik vroeg beide afdelingen wat ze niet kwijt wilden. Daarna stelde ik een overgangsplan voor dat in stappen ging. Niet iedereen was meteen enthousiast, maar na de eerste stap zagen mensen de voordelen. Voor vragen over dit voorbeeld kunt u mij mailen op lotte.visser@example.nl.",
        letter: "Beste aanvrager, u krijgt geen tegemoetkoming. Uw inkomen is hoger dan de grens. U mag binnen zes weken bezwaar maken. Staat er iets in deze brief dat u niet begrijpt? Bel dan ons gratis nummer. Ik koos voor korte zinnen en zette het belangrijkste bovenaan.",
        meets_knock_out: true,
    },
    DemoApplicant {
        name: "Daan Mulder",
        email: "daan.mulder@example.nl",
        collaboration: "Toen de minister van Binnenlandse Zaken een nieuwe regel aankondigde, moesten wij met drie gemeenten een gezamenlijke uitleg maken. De gemeenten wilden elk hun eigen tekst. Ik maakte een eerste versie en vroeg elke gemeente om één ding dat er echt in moest. Zo kwam er één tekst waar iedereen achter stond.",
        letter: "Beste aanvrager, wij hebben uw aanvraag afgewezen, omdat uw inkomen boven de grens ligt. In de tabel hieronder ziet u uw inkomen en de grens naast elkaar. U kunt binnen zes weken bezwaar maken. Ik heb gekozen voor een tabel omdat mensen dan zelf zien waarom.",
        meets_knock_out: true,
    },
];

/// Submits the demo applications to `vacancy` as the applicant's way through would: answers, sealed
/// identity envelope, event and audit entry.
async fn insert_applications(
    db: &DatabaseConnection,
    audit: &AuditLog,
    keys: &Keys,
    vacancy: Uuid,
    questions: &[Question],
) -> anyhow::Result<()> {
    let [collaboration, letter, choice, knock_out] = questions else {
        anyhow::bail!("the demo questionnaire has four questions");
    };
    let correct = choice.options.iter().find(|o| o.correct).map(|o| o.id).unwrap_or_default();
    let transaction = audit.begin(db).await?;
    for (index, applicant) in DEMO_APPLICANTS.iter().enumerate() {
        let answers = vec![
            AnswerEntry { question_id: collaboration.id, answer: Answer::Text(applicant.collaboration.into()) },
            AnswerEntry { question_id: letter.id, answer: Answer::Text(applicant.letter.into()) },
            AnswerEntry { question_id: choice.id, answer: Answer::Choice(correct) },
            AnswerEntry { question_id: knock_out.id, answer: Answer::YesNo(applicant.meets_knock_out) },
        ];
        let document = canonical_answers(questions, &answers);
        let now = clock::now();
        // The demo's applicants open their status page with a published reference and code.
        let (reference, code) = demo_access(index);
        let draft = application_drafts::Model {
            id: Uuid::new_v4(),
            vacancy_id: vacancy,
            code_hash: access_code_hash(&code).ok_or_else(|| anyhow::anyhow!("demo code {code} is not a code"))?,
            payload: None,
            step: Step::Review.as_str().to_owned(),
            monitoring_done: false,
            started_at: now,
            updated_at: now,
        };
        application_drafts::ActiveModel::from(draft.clone()).insert(&*transaction).await?;
        let application = applications::Model {
            id: Uuid::new_v4(),
            vacancy_id: vacancy,
            draft_id: draft.id,
            reference,
            label: format_code(&rand::random::<[u8; 8]>()).replace('-', ""),
            digest: digest(&document),
            answers: document,
            status: ApplicationStatus::Submitted.as_str().to_owned(),
            retention: Retention::FourWeeks.as_str().to_owned(),
            started_at: now,
            submitted_at: now,
            withdrawn_at: None,
            screening: None,
        };
        applications::ActiveModel::from(application.clone()).insert(&*transaction).await?;
        let contact = Contact { name: applicant.name.into(), email: applicant.email.into(), phone: None };
        identity_envelopes::ActiveModel {
            application_id: Set(application.id),
            vacancy_id: Set(vacancy),
            email_key: Set(email_key(keys, vacancy, applicant.email)),
            sealed: Set(keys.seal_json(IDENTITY, application.id, &contact)?),
        }
        .insert(&*transaction)
        .await?;
        record_event(keys, &*transaction, vacancy, application.draft_id, "submitted", None)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        transaction
            .record(
                AuditEntry::new(AuditAction::ApplicationSubmitted)
                    .subject(application.id)
                    .details(serde_json::json!({ "vacancy": vacancy, "digest": application.digest })),
            )
            .await?;
    }
    transaction.commit().await?;
    Ok(())
}

/// The reference and access code of the demo's `index`-th applicant (from 0), as README.md lists
/// them: `BW-DEM00-00001` with `DEM00-00000-00000-00001`, and so on. Demo data only.
pub fn demo_access(index: usize) -> (String, String) {
    let n = index + 1;
    (format!("BW-DEM00-{n:05}"), format!("DEM00-00000-00000-{n:05}"))
}

/// Two questions from the bank, a knock-out and a multiple-choice question.
fn demo_questions([level, writing, collaboration]: [Uuid; 3]) -> Vec<Question> {
    let from_bank = |id: &str, requirement: Uuid| {
        bank(Language::Nl)
            .iter()
            .find(|entry| entry.id == id)
            .map(|entry| Question { requirement_ids: vec![requirement], ..entry.to_question(Uuid::new_v4()) })
    };
    let mut questions: Vec<Question> =
        [from_bank("samenwerken.gedrag", collaboration), from_bank("schriftelijke-communicatie.werkproef", writing)]
            .into_iter()
            .flatten()
            .collect();
    questions.push(Question {
        id: Uuid::new_v4(),
        kind: QuestionKind::MultipleChoice,
        prompt: "Een burger vraagt om documenten over een besluit. Welke wet regelt dat verzoek?".into(),
        scenario: None,
        word_limit: None,
        options: vec![
            ChoiceOption { id: Uuid::new_v4(), text: "De Wet open overheid (Woo)".into(), correct: true },
            ChoiceOption { id: Uuid::new_v4(), text: "De Algemene wet bestuursrecht (Awb)".into(), correct: false },
            ChoiceOption { id: Uuid::new_v4(), text: "De Archiefwet".into(), correct: false },
        ],
        knock_out_reason: None,
        guide: None,
        weight: 1,
        requirement_ids: vec![level],
    });
    questions.push(Question {
        id: Uuid::new_v4(),
        kind: QuestionKind::KnockOut,
        prompt: "Kunt u een Verklaring Omtrent het Gedrag (VOG) krijgen?".into(),
        scenario: None,
        word_limit: None,
        options: Vec::new(),
        knock_out_reason: Some(
            "U werkt met vertrouwelijke stukken. Daarvoor is een VOG wettelijk verplicht (Wet justitiële en strafvorderlijke gegevens).".into(),
        ),
        guide: None,
        weight: 1,
        requirement_ids: Vec::new(),
    });
    questions
}
