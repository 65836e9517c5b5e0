//! Pilots (`/evaluatie`): the admin creates a pilot (name, period, threshold k, organisations,
//! evaluators) and assigns its vacancies to the pilot or control arm, at random within strata or
//! one by hand with a reason (`/evaluatie/pilot/{id}`); evaluators read the pilots they evaluate,
//! with the assignment log, the funnel per arm, group and stage with the difference in differences
//! (`funnel`, `did`), and the reliability of the scoring (`reliability`), all three for the whole
//! pilot or one organisation, quarter or salary band (`filter`); who applied against the period
//! before the pilot (`composition`); the fidelity of each vacancy to the interventions (`fidelity`);
//! effort and drop-out (`effort`); the surveys and the committee's scoring time (`experience`);
//! each table with its CSV, and the evaluation bundle.

mod composition;
mod did;
mod effort;
mod experience;
mod fidelity;
mod filter;
mod funnel;
mod reliability;

use api::Role;
use api::organisation::Organisation;
use api::pilot::{ArmAssignment, AssignmentMethod, ManualArmInput, Pilot, PilotInput, PilotSummary, ScaleBand};
use api::vacancy::Arm;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;
use effort::EffortPanel;
use experience::ExperiencePanel;
use fidelity::FidelityPanel;
use filter::FilterPicker;
use funnel::FunnelPanel;
use reliability::ReliabilityPanel;

/// Rows per page of the pilot's vacancies and of its assignment log.
const PER_PAGE: u64 = 25;

/// The rows of page `page` (from 1).
fn page_of<T>(rows: &[T], page: u64) -> &[T] {
    let start = usize::try_from((page.max(1) - 1) * PER_PAGE).unwrap_or(usize::MAX).min(rows.len());
    let end = start.saturating_add(PER_PAGE as usize).min(rows.len());
    &rows[start..end]
}

fn arm_label(arm: Arm) -> Text {
    match arm {
        Arm::Pilot => Text::ArmPilot,
        Arm::Control => Text::ArmControl,
    }
}

fn band_label(band: ScaleBand) -> &'static str {
    match band {
        ScaleBand::UpTo7 => "1–7",
        ScaleBand::From8To10 => "8–10",
        ScaleBand::From11To13 => "11–13",
        ScaleBand::From14 => "14+",
        ScaleBand::Unknown => "—",
    }
}

#[component]
pub fn PilotsPage() -> impl IntoView {
    use_title(Text::Pilots);
    let locale = use_locale();
    let session = use_session();
    let pilots = RwSignal::new(None::<Vec<PilotSummary>>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let reload = move || {
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::pilots(ui).await {
                Ok(loaded) => pilots.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    Effect::new(move |_| reload());
    let admin = move || session.user().is_some_and(|u| u.role == Role::Admin);
    view! {
        <div class="page">
            <h1>{move || locale.t(Text::Pilots)}</h1>
            <p class="lead">{move || locale.t(Text::PilotsIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || pilots.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || pilots.get().map(|all| if all.is_empty() {
                view! { <p>{locale.t(Text::NoPilots)}</p> }.into_any()
            } else {
                view! {
                    <ul class="candidate-list">
                        {all.into_iter().map(|p| view! {
                            <li><A href=format!("/evaluatie/pilot/{}", p.id)>{p.name}</A>{format!(" ({} – {})", p.starts_on, p.ends_on)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
            {move || admin().then(|| view! { <NewPilot on_created=Callback::new(move |()| reload())/> })}
        </div>
    }
}

/// The admin's form for a new pilot.
#[component]
fn NewPilot(on_created: Callback<()>) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let organisations = LocalResource::new(move || client::organisations(locale.language()));
    let name = RwSignal::new(String::new());
    let starts = RwSignal::new(String::new());
    let ends = RwSignal::new(String::new());
    let k = RwSignal::new(String::from("5"));
    let chosen = RwSignal::new(Vec::<Uuid>::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let created = RwSignal::new(false);
    let error = move |field: &'static str| {
        move || failure.with(|f| f.as_ref().and_then(|f| f.field(field))).map(|code| code.message(locale.language()))
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let date = |value: String| NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
        let (Some(starts_on), Some(ends_on)) = (date(starts.get_untracked()), date(ends.get_untracked())) else {
            failure.set(None);
            created.set(false);
            ends.set(String::new());
            return;
        };
        let input = PilotInput {
            name: name.get_untracked(),
            starts_on,
            ends_on,
            k: k.get_untracked().trim().parse().ok(),
            organisations: chosen.get_untracked(),
            evaluators: Vec::new(),
        };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::create_pilot(&input, &csrf, ui).await {
                Ok(_) => {
                    failure.set(None);
                    created.set(true);
                    on_created.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="new-pilot-heading">
            <h2 id="new-pilot-heading">{move || locale.t(Text::NewPilot)}</h2>
            <form class="form" novalidate on:submit=submit>
                <div class="form-field" class:form-field--invalid=move || error("name")().is_some()>
                    <label class="form-field__label" for="pilot-name">{move || locale.t(Text::PilotName)}</label>
                    {move || error("name")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                    <input id="pilot-name" type="text" bind:value=name/>
                </div>
                <div class="form-row">
                    <div class="form-field">
                        <label class="form-field__label" for="pilot-starts">{move || locale.t(Text::PilotStarts)}</label>
                        <input id="pilot-starts" type="date" bind:value=starts/>
                    </div>
                    <div class="form-field" class:form-field--invalid=move || error("ends_on")().is_some()>
                        <label class="form-field__label" for="pilot-ends">{move || locale.t(Text::PilotEnds)}</label>
                        {move || error("ends_on")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                        <input id="pilot-ends" type="date" bind:value=ends/>
                    </div>
                    <div class="form-field" class:form-field--invalid=move || error("k")().is_some()>
                        <label class="form-field__label" for="pilot-k">{move || locale.t(Text::PilotThreshold)}</label>
                        {move || error("k")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                        <input id="pilot-k" type="number" min="5" max="100" bind:value=k/>
                    </div>
                </div>
                <fieldset class="form-fieldset" class:form-field--invalid=move || error("organisations")().is_some()>
                    <legend>{move || locale.t(Text::PilotOrganisations)}</legend>
                    {move || error("organisations")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                    {move || organisations.get().and_then(Result::ok).map(|all: Vec<Organisation>| all.into_iter().map(|o| {
                        let box_id = format!("pilot-organisation-{}", o.id);
                        let id = o.id;
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=box_id.clone() prop:checked=move || chosen.with(|c| c.contains(&id))
                                    on:change=move |e| {
                                        let checked = event_target_checked(&e);
                                        chosen.update(|c| { c.retain(|x| *x != id); if checked { c.push(id); } });
                                    }/>
                                <label for=box_id>{o.name}</label>
                            </div>
                        }
                    }).collect_view())}
                </fieldset>
                <p class="button-row">
                    <button type="submit" class="button">{move || locale.t(Text::CreatePilot)}</button>
                    <span aria-live="polite">{move || created.get().then(|| locale.t(Text::PilotCreated))}</span>
                </p>
            </form>
        </section>
    }
}

#[component]
pub fn PilotPage() -> impl IntoView {
    use_title(Text::Pilots);
    let locale = use_locale();
    let session = use_session();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let pilot = RwSignal::new(None::<Pilot>);
    let log = RwSignal::new(Vec::<ArmAssignment>::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let done = RwSignal::new(None::<u32>);
    let (vacancy_page, log_page) = (RwSignal::new(1_u64), RwSignal::new(1_u64));
    // The dashboard's filter as a query; empty for all the pilot's vacancies.
    let filter = RwSignal::new(String::new());
    let reload = move || {
        let Some(id) = id() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match (client::pilot(id, ui).await, client::arm_assignments(id, ui).await) {
                (Ok(loaded), Ok(lines)) => {
                    pilot.set(Some(loaded));
                    log.set(lines);
                }
                (Err(error), _) | (_, Err(error)) => failure.set(Some(error)),
            }
        });
    };
    Effect::new(move |_| reload());
    let admin = move || session.user().is_some_and(|u| u.role == Role::Admin);
    let assign = move |_| {
        let Some(id) = id() else { return };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::assign_arms(id, &csrf, ui).await {
                Ok(result) => {
                    done.set(Some(result.assigned));
                    reload();
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <div class="page">
            <p><A href="/evaluatie">{move || locale.t(Text::Pilots)}</A></p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || pilot.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || pilot.get().map(|p| {
                let unassigned = p.vacancies.iter().filter(|v| v.arm.is_none()).count();
                view! {
                    <h1>{p.name.clone()}</h1>
                    <dl class="review">
                        <div class="review__item"><dt>{locale.t(Text::PilotPeriod)}</dt><dd>{format!("{} – {}", p.starts_on, p.ends_on)}</dd></div>
                        <div class="review__item"><dt>{locale.t(Text::PilotThreshold)}</dt><dd>{p.k}</dd></div>
                        <div class="review__item"><dt>{locale.t(Text::PilotOrganisations)}</dt><dd>{p.organisations.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join(", ")}</dd></div>
                        <div class="review__item"><dt>{locale.t(Text::Evaluators)}</dt><dd>{p.evaluators.iter().map(|e| e.display_name.clone()).collect::<Vec<_>>().join(", ")}</dd></div>
                    </dl>
                    <p><a class="button button--secondary" download href=format!("/api/pilots/{}/bundle.zip", p.id)>{locale.t(Text::DownloadBundle)}</a></p>
                    <p class="form-field__hint">{locale.t(Text::BundleHint)}</p>
                    <section class="panel" aria-labelledby="arms-heading">
                        <h2 id="arms-heading">{locale.t(Text::PilotVacancies)}</h2>
                        <p>{locale.t(Text::PilotVacanciesIntro)}</p>
                        {admin().then(|| view! {
                            <p class="button-row">
                                <button type="button" class="button" on:click=assign disabled=unassigned == 0>{locale.t(Text::AssignAtRandom)}</button>
                                <span aria-live="polite">{move || done.get().map(|n| locale.t(Text::AssignedCount).replace("{count}", &n.to_string()))}</span>
                            </p>
                        })}
                        {if p.vacancies.is_empty() {
                            view! { <p>{locale.t(Text::NoPilotVacancies)}</p> }.into_any()
                        } else {
                            let rows = p.vacancies.clone();
                            let total = rows.len() as u64;
                            view! {
                                <div class="table-wrapper" tabindex="0">
                                    <table class="table">
                                        <caption class="visually-hidden">{locale.t(Text::PilotVacancies)}</caption>
                                        <thead><tr>
                                            <th scope="col">{locale.t(Text::Vacancy)}</th>
                                            <th scope="col">{locale.t(Text::Organisation)}</th>
                                            <th scope="col">{locale.t(Text::ScaleBandHeading)}</th>
                                            <th scope="col">{locale.t(Text::Arm)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {move || page_of(&rows, vacancy_page.get()).iter().map(|v| view! {
                                                <tr>
                                                    <th scope="row">{v.title.clone()}</th>
                                                    <td>{v.organisation.clone()}</td>
                                                    <td>{band_label(v.band)}</td>
                                                    <td>{v.arm.map_or("—", |a| locale.t(arm_label(a)))}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                {move || (total > PER_PAGE).then(|| view! {
                                    <Pagination page=vacancy_page current=vacancy_page.get() per_page=PER_PAGE total position=Text::VacanciesPageOf/>
                                })}
                            }.into_any()
                        }}
                        {(admin() && !p.vacancies.is_empty()).then(|| view! { <ManualArm pilot=p.id vacancies=p.vacancies.iter().map(|v| (v.id, v.title.clone())).collect() on_done=Callback::new(move |()| reload())/> })}
                    </section>
                    <section class="panel" aria-labelledby="filter-heading">
                        <h2 id="filter-heading">{locale.t(Text::PilotFilter)}</h2>
                        <FilterPicker pilot=p.clone() filter/>
                    </section>
                    <FunnelPanel pilot=p.id filter/>
                    <ReliabilityPanel pilot=p.id filter/>
                    <FidelityPanel pilot=p.id filter/>
                    <EffortPanel pilot=p.id filter/>
                    <ExperiencePanel pilot=p.id filter/>
                    <section class="panel" aria-labelledby="log-heading">
                        <h2 id="log-heading">{locale.t(Text::AssignmentLog)}</h2>
                        <p><a download href=format!("/api/pilots/{}/assignments.csv", p.id)>
                            {locale.t(Text::CsvOf).replace("{table}", locale.t(Text::AssignmentLog))}
                        </a></p>
                        {move || if log.with(Vec::is_empty) {
                            view! { <p>{locale.t(Text::NoAssignments)}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrapper" tabindex="0">
                                    <table class="table">
                                        <caption class="visually-hidden">{locale.t(Text::AssignmentLog)}</caption>
                                        <thead><tr>
                                            <th scope="col">{locale.t(Text::Vacancy)}</th>
                                            <th scope="col">{locale.t(Text::Arm)}</th>
                                            <th scope="col">{locale.t(Text::AssignmentHow)}</th>
                                            <th scope="col">{locale.t(Text::AssignedAt)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {page_of(&log.get(), log_page.get()).iter().cloned().map(|line| view! {
                                                <tr>
                                                    <th scope="row">{line.vacancy_title}</th>
                                                    <td>{locale.t(arm_label(line.arm))}</td>
                                                    <td>{match line.method {
                                                        AssignmentMethod::Random => locale.t(Text::ByLot).replace("{seed}", &line.seed.unwrap_or_default().to_string()),
                                                        AssignmentMethod::Manual => format!("{}: {}", locale.t(Text::ByHand), line.reason.unwrap_or_default()),
                                                    }}</td>
                                                    <td>{line.assigned_at.format("%Y-%m-%d %H:%M UTC").to_string()}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                {(log.with(Vec::len) as u64 > PER_PAGE).then(|| view! {
                                    <Pagination page=log_page current=log_page.get() per_page=PER_PAGE total={log.with(Vec::len) as u64} position=Text::LinesPageOf/>
                                })}
                            }.into_any()
                        }}
                    </section>
                }
            })}
        </div>
    }
}

/// The admin puts one vacancy in an arm by hand, with a reason.
#[component]
fn ManualArm(pilot: Uuid, vacancies: Vec<(Uuid, String)>, on_done: Callback<()>) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let vacancy = RwSignal::new(vacancies.first().map(|(id, _)| *id));
    let arm = RwSignal::new(Arm::Pilot);
    let reason = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(vacancy) = vacancy.get_untracked() else { return };
        let input = ManualArmInput { arm: arm.get_untracked(), reason: reason.get_untracked() };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::set_arm(pilot, vacancy, &input, &csrf, ui).await {
                Ok(_) => {
                    failure.set(None);
                    on_done.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let reason_error =
        move || failure.with(|f| f.as_ref().and_then(|f| f.field("reason"))).map(|c| c.message(locale.language()));
    view! {
        <form class="form" novalidate on:submit=submit>
            <h3>{move || locale.t(Text::ArmByHand)}</h3>
            {move || failure.get().filter(|f| f.field("reason").is_none()).map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            <div class="form-row">
                <div class="form-field">
                    <label class="form-field__label" for="manual-vacancy">{move || locale.t(Text::Vacancy)}</label>
                    <select id="manual-vacancy" on:change=move |e| vacancy.set(event_target_value(&e).parse().ok())>
                        {vacancies.into_iter().map(|(id, title)| view! { <option value=id.to_string()>{title}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-field">
                    <label class="form-field__label" for="manual-arm">{move || locale.t(Text::Arm)}</label>
                    <select id="manual-arm" on:change=move |e| arm.set(if event_target_value(&e) == "control" { Arm::Control } else { Arm::Pilot })>
                        <option value="pilot">{move || locale.t(Text::ArmPilot)}</option>
                        <option value="control">{move || locale.t(Text::ArmControl)}</option>
                    </select>
                </div>
            </div>
            <div class="form-field" class:form-field--invalid=move || reason_error().is_some()>
                <label class="form-field__label" for="manual-reason">{move || locale.t(Text::AssignmentReason)}</label>
                {move || reason_error().map(|m| view! { <p class="form-field__error">{m}</p> })}
                <textarea id="manual-reason" rows="2" bind:value=reason></textarea>
            </div>
            <button type="submit" class="button button--secondary">{move || locale.t(Text::SaveArm)}</button>
        </form>
    }
}
