//! The pilot's applicants as the funnel counts them: one row per person who submitted an
//! application, aggregated in SQL from the pseudonymous stage events (the furthest stage reached)
//! and joined with the monitoring answers under the same pseudonym. Each person's group for every
//! monitoring variable is worked out once, on reading.

use std::collections::HashMap;

use api::evaluation::{Stage, Variable};
use domain::evaluation::{Background, Person, Slices, group_of};
use domain::monitoring::MonitoringAnswers;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use super::{PilotVacancy, VACANCIES_PER_READ};
use crate::entities::{application_events, monitoring_responses};
use crate::error::ApiError;

/// The applicants of some of a pilot's vacancies: those with an arm, or those of the period
/// before the pilot.
pub(crate) struct Applicants {
    pub vacancies: Vec<PilotVacancy>,
    people: Vec<Applicant>,
    /// Per variable, in the order of `Variable::ALL`: the group names the people point into.
    names: Vec<Vec<String>>,
}

struct Applicant {
    /// Into `vacancies`.
    vacancy: u32,
    reached: Stage,
    /// Per variable, in the order of `Variable::ALL`: into `names`.
    groups: [u16; Variable::ALL.len()],
}

impl Applicants {
    /// The people the funnel counts, with their group for `variable`. All of them, whatever the
    /// view: the tables of every view are suppressed together.
    pub fn people(&self, variable: Variable) -> Vec<Person> {
        let column = Variable::ALL.iter().position(|v| *v == variable).unwrap_or_default();
        self.people
            .iter()
            .filter_map(|applicant| {
                let vacancy = self.vacancies.get(applicant.vacancy as usize)?;
                let group = self.names[column].get(usize::from(applicant.groups[column]))?;
                Some(Person {
                    vacancy: vacancy.id,
                    arm: vacancy.arm?,
                    group: group.clone(),
                    reached: applicant.reached,
                    slices: vacancy.slices,
                })
            })
            .collect()
    }

    /// Each applicant's group for `variable` and where their vacancy falls for the filters,
    /// whatever its arm.
    pub fn groups(&self, variable: Variable) -> Vec<(String, Slices)> {
        let column = Variable::ALL.iter().position(|v| *v == variable).unwrap_or_default();
        self.people
            .iter()
            .filter_map(|applicant| {
                let vacancy = self.vacancies.get(applicant.vacancy as usize)?;
                Some((self.names[column].get(usize::from(applicant.groups[column]))?.clone(), vacancy.slices))
            })
            .collect()
    }
}

/// Reads the applicants of `vacancies`: one row per person, their furthest stage worked out by the
/// database.
pub(super) async fn load(db: &DatabaseConnection, vacancies: Vec<PilotVacancy>) -> Result<Applicants, ApiError> {
    use application_events::Column as Event;
    use monitoring_responses::Column as Monitoring;
    let kind = || Expr::col(Event::Kind);
    // The furthest stage: 1 for applied up to 5 for hired.
    let mut reached = Expr::case(kind().eq(Stage::Applied.event()), 1);
    for (stage, rank) in Stage::ALL.iter().zip(1..).skip(1) {
        reached = reached.case(kind().eq(stage.event()), rank);
    }
    let reached = reached.finally(0);
    let index: HashMap<Uuid, u32> = vacancies.iter().zip(0..).map(|(v, i)| (v.id, i)).collect();
    let mut names: Vec<Vec<String>> = vec![Vec::new(); Variable::ALL.len()];
    let mut people = Vec::new();
    let ids: Vec<Uuid> = vacancies.iter().map(|v| v.id).collect();
    for chunk in ids.chunks(VACANCIES_PER_READ) {
        let applied = Expr::case(kind().eq(Stage::Applied.event()), 1).finally(0);
        let reached_alias = Alias::new("reached");
        let per_person = Query::select()
            .column(Event::Subject)
            .column(Event::VacancyId)
            .expr_as(Func::max(reached.clone()), reached_alias.clone())
            .from(application_events::Entity)
            .and_where(Expr::col(Event::VacancyId).is_in(chunk.iter().copied()))
            .and_where(Expr::col(Event::Kind).is_in(Stage::ALL.map(Stage::event)))
            .group_by_columns([Event::Subject, Event::VacancyId])
            .and_having(Func::max(applied).eq(1))
            .to_owned();
        let person = Alias::new("person");
        let query = Query::select()
            .column((person.clone(), Event::VacancyId))
            .column((person.clone(), reached_alias))
            .columns([
                (monitoring_responses::Entity, Monitoring::Answers),
                (monitoring_responses::Entity, Monitoring::BornInNetherlands),
                (monitoring_responses::Entity, Monitoring::Continent),
            ])
            .from_subquery(per_person, person.clone())
            .left_join(
                monitoring_responses::Entity,
                Expr::col((monitoring_responses::Entity, Monitoring::Pseudonym)).equals((person, Event::Subject)),
            )
            .to_owned();
        let rows = db.query_all(&query).await?;
        for row in rows {
            let vacancy: Uuid = row.try_get("", "vacancy_id")?;
            let rank: i32 = row.try_get("", "reached")?;
            let answers: Option<String> = row.try_get("", "answers")?;
            let answers: Option<MonitoringAnswers> = answers.and_then(|a| serde_json::from_str(&a).ok());
            let continent: Option<String> = row.try_get("", "continent")?;
            let background = Background {
                answers: answers.as_ref(),
                born_in_netherlands: row.try_get("", "born_in_netherlands")?,
                continent: continent.as_deref(),
            };
            let (Some(&vacancy), Some(&reached)) =
                (index.get(&vacancy), usize::try_from(rank - 1).ok().and_then(|r| Stage::ALL.get(r)))
            else {
                continue;
            };
            let groups = std::array::from_fn(|column| {
                let group = group_of(Variable::ALL[column], &background);
                let known = &mut names[column];
                let at = known.iter().position(|n| *n == group).unwrap_or_else(|| {
                    known.push(group);
                    known.len() - 1
                });
                u16::try_from(at).unwrap_or(u16::MAX)
            });
            people.push(Applicant { vacancy, reached, groups });
        }
    }
    Ok(Applicants { vacancies, people, names })
}
