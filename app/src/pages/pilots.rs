//! Pilots (`/evaluatie`): the admin creates a pilot (name, period, threshold k, organisations,
//! evaluators) and assigns its vacancies to the pilot or control arm, at random within strata or
//! one by hand with a reason (`/evaluatie/pilot/{id}`); evaluators read the pilots they evaluate,
//! with the assignment log and the funnel per arm, group and stage. Plots and the export are still
//! to come.

use api::Role;
use api::evaluation::{ArmFunnel, DidRow, DifferenceInDifferences, Funnel, Stage, Variable};
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
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

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
                            view! {
                                <div class="table-wrapper">
                                    <table class="table">
                                        <caption class="visually-hidden">{locale.t(Text::PilotVacancies)}</caption>
                                        <thead><tr>
                                            <th scope="col">{locale.t(Text::Vacancy)}</th>
                                            <th scope="col">{locale.t(Text::Organisation)}</th>
                                            <th scope="col">{locale.t(Text::ScaleBandHeading)}</th>
                                            <th scope="col">{locale.t(Text::Arm)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {p.vacancies.iter().map(|v| view! {
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
                            }.into_any()
                        }}
                        {(admin() && !p.vacancies.is_empty()).then(|| view! { <ManualArm pilot=p.id vacancies=p.vacancies.iter().map(|v| (v.id, v.title.clone())).collect() on_done=Callback::new(move |()| reload())/> })}
                    </section>
                    <FunnelPanel pilot=p.id/>
                    <section class="panel" aria-labelledby="log-heading">
                        <h2 id="log-heading">{locale.t(Text::AssignmentLog)}</h2>
                        {move || if log.with(Vec::is_empty) {
                            view! { <p>{locale.t(Text::NoAssignments)}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrapper">
                                    <table class="table">
                                        <caption class="visually-hidden">{locale.t(Text::AssignmentLog)}</caption>
                                        <thead><tr>
                                            <th scope="col">{locale.t(Text::Vacancy)}</th>
                                            <th scope="col">{locale.t(Text::Arm)}</th>
                                            <th scope="col">{locale.t(Text::AssignmentHow)}</th>
                                            <th scope="col">{locale.t(Text::AssignedAt)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {log.get().into_iter().map(|line| view! {
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

/// The name of a group of a monitoring variable (the server's stable key).
fn group_label(group: &str) -> Option<Text> {
    Some(match group {
        "unknown" => Text::GroupUnknown,
        "netherlands" => Text::GroupNetherlands,
        "abroad" => Text::GroupAbroad,
        "europe" => Text::GroupEurope,
        "outside_europe" => Text::GroupOutsideEurope,
        "africa" => Text::GroupAfrica,
        "america" => Text::GroupAmerica,
        "asia" => Text::GroupAsia,
        "oceania" => Text::GroupOceania,
        "man" => Text::GroupMan,
        "woman" => Text::GroupWoman,
        "other" => Text::GroupOther,
        "prefer_not_to_say" => Text::GroupPreferNotToSay,
        "yes" => Text::Yes,
        "no" => Text::No,
        "low" => Text::GroupLow,
        "middle" => Text::GroupMiddle,
        "high" => Text::GroupHigh,
        _ => return None,
    })
}

fn stage_label(stage: Stage) -> Text {
    match stage {
        Stage::Applied => Text::StageApplied,
        Stage::PassedSift => Text::StagePassedSift,
        Stage::Interviewed => Text::StageInterviewed,
        Stage::Offered => Text::StageOffered,
        Stage::Hired => Text::StageHired,
    }
}

const VARIABLES: [(Variable, &str, Text); 7] = [
    (Variable::BornInNetherlands, "born_in_netherlands", Text::VariableBornInNetherlands),
    (Variable::OutsideEurope, "outside_europe", Text::VariableOutsideEurope),
    (Variable::Continent, "continent", Text::VariableContinent),
    (Variable::Gender, "gender", Text::VariableGender),
    (Variable::AgeBand, "age_band", Text::VariableAgeBand),
    (Variable::Disability, "disability", Text::VariableDisability),
    (Variable::Education, "education", Text::VariableEducation),
];

/// The funnel per arm: for each stage and group the count, the pass-through rate with its 95 %
/// interval, and the adverse-impact ratio, flagged below four fifths. Hidden cells say why.
#[component]
fn FunnelPanel(pilot: Uuid) -> impl IntoView {
    let locale = use_locale();
    let variable = RwSignal::new(Variable::BornInNetherlands);
    let funnel = RwSignal::new(None::<Funnel>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let chosen = variable.get();
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::funnel(pilot, chosen, ui).await {
                Ok(loaded) => funnel.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <section class="panel" aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">{move || locale.t(Text::Funnel)}</h2>
            <p>{move || funnel.get().map(|f| locale.t(Text::FunnelIntro).replace("{k}", &f.k.to_string()))}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            <div class="form-field narrow-field">
                <label class="form-field__label" for="funnel-variable">{move || locale.t(Text::BreakDownBy)}</label>
                <select id="funnel-variable" on:change=move |e| {
                    let chosen = event_target_value(&e);
                    if let Some((v, _, _)) = VARIABLES.iter().find(|(_, name, _)| *name == chosen) { variable.set(*v) }
                }>
                    {VARIABLES.iter().map(|(v, name, label)| {
                        let v = *v;
                        view! { <option value=*name selected=move || variable.get() == v>{move || locale.t(*label)}</option> }
                    }).collect_view()}
                </select>
            </div>
            {move || funnel.get().map(|f| f.arms.into_iter().map(|arm| view! { <ArmTable arm/> }).collect_view())}
        </section>
        <DidPanel pilot variable/>
    }
}

#[component]
fn ArmTable(arm: ArmFunnel) -> impl IntoView {
    let locale = use_locale();
    let caption = locale.t(arm_label(arm.arm));
    if arm.groups.is_empty() {
        return view! { <h3>{caption}</h3><p>{locale.t(Text::NoApplicantsInArm)}</p> }.into_any();
    }
    view! {
        <div class="table-wrapper">
            <table class="table funnel">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{locale.t(Text::Stage)}</th>
                    {arm.groups.iter().map(|g| view! { <th scope="col">{group_label(g).map_or_else(|| g.replace('_', " "), |t| locale.t(t).to_owned())}</th> }).collect_view()}
                    <th scope="col">{locale.t(Text::Everyone)}</th>
                </tr></thead>
                <tbody>
                    {arm.stages.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">{locale.t(stage_label(row.stage))}</th>
                            {row.cells.into_iter().map(|cell| {
                                let count = cell.count.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string());
                                let rate = match (cell.rate, cell.interval) {
                                    (Some(rate), Some((low, high))) => Some(format!("{:.0} % ({:.0}–{:.0} %)", rate * 100.0, low * 100.0, high * 100.0)),
                                    _ => None,
                                };
                                view! {
                                    <td class:funnel__flag=cell.adverse_impact>
                                        <span>{count}</span>
                                        {rate.map(|r| view! { <br/><span>{r}</span> })}
                                        {cell.impact_ratio.map(|ratio| view! { <br/><span>{locale.t(Text::ImpactRatio)}" "{format!("{ratio:.2}")}</span> })}
                                        {cell.adverse_impact.then(|| view! { <br/><strong>{locale.t(Text::BelowFourFifths)}</strong> })}
                                        {cell.not_enough_data.then(|| view! { <br/><span class="form-field__hint">{locale.t(Text::NotEnoughData)}</span> })}
                                    </td>
                                }
                            }).collect_view()}
                            <td>{row.total.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}

/// The difference in differences per group against the reference group, at a chosen stage: a plot
/// of each estimate with its interval, and the same numbers in a table beside it.
#[component]
fn DidPanel(pilot: Uuid, variable: RwSignal<Variable>) -> impl IntoView {
    let locale = use_locale();
    let stage = RwSignal::new(Stage::PassedSift);
    let did = RwSignal::new(None::<DifferenceInDifferences>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let (chosen, at) = (variable.get(), stage.get());
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::difference_in_differences(pilot, chosen, at, ui).await {
                Ok(loaded) => did.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let percent = |x: f64| format!("{:+.1} %", x * 100.0);
    view! {
        <section class="panel" aria-labelledby="did-heading">
            <h2 id="did-heading">{move || locale.t(Text::DidTitle)}</h2>
            <p>{move || did.get().map(|d| locale.t(Text::DidIntro).replace("{reference}", &group_label(&d.reference).map_or(d.reference.clone(), |t| locale.t(t).to_owned())).replace("{resamples}", &d.resamples.to_string()))}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            <div class="form-field narrow-field">
                <label class="form-field__label" for="did-stage">{move || locale.t(Text::Stage)}</label>
                <select id="did-stage" on:change=move |e| {
                    if let Some(s) = Stage::ALL.into_iter().skip(1).find(|s| format!("{s:?}") == event_target_value(&e)) { stage.set(s) }
                }>
                    {Stage::ALL.into_iter().skip(1).map(|s| view! {
                        <option value=format!("{s:?}") selected=move || stage.get() == s>{move || locale.t(stage_label(s))}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || did.get().map(|d| {
                let rows = d.rows.clone();
                view! {
                    <DidPlot rows=rows.clone()/>
                    <div class="table-wrapper">
                        <table class="table">
                            <caption class="visually-hidden">{locale.t(Text::DidTitle)}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t(Text::Group)}</th>
                                <th scope="col">{locale.t(Text::PilotGap)}</th>
                                <th scope="col">{locale.t(Text::ControlGap)}</th>
                                <th scope="col">{locale.t(Text::DidEstimate)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| view! {
                                    <tr>
                                        <th scope="row">{group_label(&row.group).map_or_else(|| row.group.clone(), |t| locale.t(t).to_owned())}</th>
                                        <td>{row.pilot_gap.map_or_else(String::new, percent)}</td>
                                        <td>{row.control_gap.map_or_else(String::new, percent)}</td>
                                        <td>{match (row.estimate, row.interval) {
                                            (Some(e), Some((low, high))) => format!("{} ({} – {})", percent(e), percent(low), percent(high)),
                                            (Some(e), None) => format!("{} ({})", percent(e), locale.t(Text::NoInterval)),
                                            _ => locale.t(Text::NotEnoughData).to_owned(),
                                        }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
        </section>
    }
}

/// Each group's estimate as a dot with its interval as a line, on a scale of −50 to +50 points,
/// zero marked. The table beside it carries the same numbers for whoever cannot see the plot.
#[component]
fn DidPlot(rows: Vec<DidRow>) -> impl IntoView {
    let locale = use_locale();
    let shown: Vec<DidRow> = rows.into_iter().filter(|r| r.estimate.is_some()).collect();
    if shown.is_empty() {
        return ().into_any();
    }
    let x = |value: f64| 50.0 + value.clamp(-0.5, 0.5) * 180.0;
    let height = 24 * shown.len() + 24;
    view! {
        <svg class="did-plot" viewBox=format!("0 0 240 {height}") role="img" aria-label=locale.t(Text::DidPlotLabel)>
            <line x1=x(0.0) x2=x(0.0) y1="0" y2=height.to_string() class="did-plot__zero"/>
            <text x=x(-0.5) y=(height - 4).to_string() class="did-plot__axis">"−50"</text>
            <text x=x(0.0) y=(height - 4).to_string() class="did-plot__axis">"0"</text>
            <text x={x(0.5) - 14.0} y=(height - 4).to_string() class="did-plot__axis">"+50"</text>
            {shown.into_iter().enumerate().map(|(i, row)| {
                let y = 16 + 24 * i;
                let estimate = row.estimate.unwrap_or_default();
                let (low, high) = row.interval.unwrap_or((estimate, estimate));
                view! {
                    <line x1=x(low) x2=x(high) y1=y.to_string() y2=y.to_string() class="did-plot__interval"/>
                    <circle cx=x(estimate) cy=y.to_string() r="4" class="did-plot__estimate"/>
                }
            }).collect_view()}
        </svg>
    }
    .into_any()
}
