//! The demo: the staff accounts of [`accounts::seed_demo`] and one published vacancy with a
//! questionnaire, so a newcomer can apply straight away. Seeding twice changes nothing.

use chrono::Days;
use domain::language::Language;
use domain::questionnaire::{ChoiceOption, Question, QuestionKind, bank};
use domain::vacancy::{RequirementKind, VacancyStatus};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::accounts::{self, DEMO_ORGANISATION};
use crate::audit::AuditLog;
use crate::clock;
use crate::entities::{users, vacancies};
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

/// Seeds the demo accounts and, once, the demo vacancy. Returns the usernames created now.
pub async fn seed(db: &DatabaseConnection, audit: &AuditLog) -> anyhow::Result<Vec<&'static str>> {
    let created = accounts::seed_demo(db, audit).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let exists = vacancies::Entity::find().filter(vacancies::Column::Title.eq(DEMO_VACANCY_TITLE)).count(db).await? > 0;
    if exists {
        return Ok(created);
    }
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
    let closing_date = now.date_naive().checked_add_days(Days::new(60)).unwrap_or(now.date_naive());
    vacancies::Entity::insert(vacancies::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(organisation),
        title: Set(DEMO_VACANCY_TITLE.to_owned()),
        salary_scale: Set(Some(11)),
        hours_per_week: Set(Some(36)),
        location: Set("Den Haag".to_owned()),
        language: Set(Language::Nl.tag().to_owned()),
        text: Set(DEMO_VACANCY_TEXT.to_owned()),
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
    Ok(created)
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
