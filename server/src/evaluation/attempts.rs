//! The drafts of a pilot's vacancies with an arm, as the drop-out counts them: per draft the
//! furthest page reached and the minutes from its start to its submission, worked out by the
//! database from the pseudonymous events; and per vacancy the days from its closing to its first
//! hire.

use std::collections::HashMap;

use chrono::Utc;
use domain::application::Step;
use domain::evaluation::Slices;
use domain::evaluation::effort::{Attempt, Hire};
use domain::vacancy::Arm;
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

type DateTime = chrono::DateTime<Utc>;

use super::{PilotVacancy, VACANCIES_PER_READ};
use crate::entities::{application_events, vacancies};
use crate::error::ApiError;

/// The drafts and hires of a pilot.
pub(crate) struct Attempts {
    pub attempts: Vec<Attempt>,
    pub hires: Vec<Hire>,
}

/// Reads the drafts and hires of `vacancies` (each with an arm).
pub(super) async fn load(db: &DatabaseConnection, vacancies: &[PilotVacancy]) -> Result<Attempts, ApiError> {
    use application_events::Column as Event;
    let arm_of: HashMap<Uuid, (Arm, Slices)> =
        vacancies.iter().filter_map(|v| Some((v.id, (v.arm?, v.slices)))).collect();
    let kind = || Expr::col(Event::Kind);
    let mut furthest = Expr::case(kind().ne("step_reached"), 0);
    for (step, rank) in Step::ALL.iter().zip(1..) {
        furthest = furthest.case(Expr::col(Event::Step).eq(step.as_str()), rank);
    }
    let furthest = furthest.finally(0);
    let mut attempts = Vec::new();
    let ids: Vec<Uuid> = arm_of.keys().copied().collect();
    for chunk in ids.chunks(VACANCIES_PER_READ) {
        let query = Query::select()
            .column(Event::VacancyId)
            .expr_as(Func::max(furthest.clone()), "furthest")
            .expr_as(Func::min(Expr::case(kind().eq("started"), Expr::col(Event::At))), "started_at")
            .expr_as(Func::min(Expr::case(kind().eq("submitted"), Expr::col(Event::At))), "submitted_at")
            .from(application_events::Entity)
            .and_where(Expr::col(Event::VacancyId).is_in(chunk.iter().copied()))
            .and_where(Expr::col(Event::Kind).is_in(["started", "step_reached", "submitted"]))
            .group_by_columns([Event::Subject, Event::VacancyId])
            .and_having(Func::max(Expr::case(kind().eq("started"), 1).finally(0)).eq(1))
            .to_owned();
        for row in db.query_all(&query).await? {
            let vacancy: Uuid = row.try_get("", "vacancy_id")?;
            let rank: i32 = row.try_get("", "furthest")?;
            let started: Option<DateTime> = row.try_get("", "started_at")?;
            let submitted: Option<DateTime> = row.try_get("", "submitted_at")?;
            let Some(&(arm, slices)) = arm_of.get(&vacancy) else { continue };
            let minutes = started.zip(submitted).map(|(s, e)| (e - s).num_seconds() as f64 / 60.0);
            // A draft starts on the first page; `step_reached` records the later ones.
            let furthest =
                usize::try_from(rank - 1).ok().and_then(|r| Step::ALL.get(r)).copied().unwrap_or(Step::Privacy);
            attempts.push(Attempt { arm, slices, furthest, minutes_to_submit: minutes });
        }
    }
    let first_hires: Vec<(Uuid, Option<DateTime>)> = application_events::Entity::find()
        .select_only()
        .column(Event::VacancyId)
        .expr_as(Func::min(Expr::col(Event::At)), "hired_at")
        .filter(Event::VacancyId.is_in(ids.iter().copied()))
        .filter(Event::Kind.eq("hired"))
        .group_by(Event::VacancyId)
        .into_tuple()
        .all(db)
        .await?;
    let closing: HashMap<Uuid, Option<DateTime>> = vacancies::Entity::find()
        .select_only()
        .columns([vacancies::Column::Id, vacancies::Column::ClosesAt])
        .filter(vacancies::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(Uuid, Option<DateTime>)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let hires = first_hires
        .into_iter()
        .filter_map(|(vacancy, hired)| {
            let closed = (*closing.get(&vacancy)?)?;
            let days = (hired? - closed).num_hours() as f64 / 24.0;
            let &(arm, slices) = arm_of.get(&vacancy)?;
            Some(Hire { arm, slices, days })
        })
        .collect();
    Ok(Attempts { attempts, hires })
}
