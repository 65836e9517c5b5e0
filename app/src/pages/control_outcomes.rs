//! The control arm's outcomes (`/beheer/vacatures/{id}/uitkomsten`): a control vacancy selects the
//! regular way, outside Breedwerf; after its closing date the recruiter records here how far each
//! applicant came, so the evaluation measures both arms alike. An outcome never goes back, so only
//! further outcomes can be chosen.

use api::pilot::{ControlApplicant, ControlOutcome, ControlOutcomes};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

const PER_PAGE: u64 = 25;

fn outcome_label(outcome: ControlOutcome) -> Text {
    match outcome {
        ControlOutcome::NotShortlisted => Text::OutcomeNotShortlisted,
        ControlOutcome::Shortlisted => Text::OutcomeShortlisted,
        ControlOutcome::Interviewed => Text::OutcomeInterviewed,
        ControlOutcome::Offered => Text::OutcomeOffered,
        ControlOutcome::Hired => Text::OutcomeHired,
    }
}

#[component]
pub fn ControlOutcomesPage() -> impl IntoView {
    use_title(Text::ControlOutcomesTitle);
    let locale = use_locale();
    let params = use_params_map();
    let vacancy_id = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let page = RwSignal::new(1u64);
    let outcomes = RwSignal::new(None::<ControlOutcomes>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let (Some(id), current) = (vacancy_id(), page.get()) else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::control_outcomes(id, current, PER_PAGE, ui).await {
                Ok(loaded) => {
                    outcomes.set(Some(loaded));
                    failure.set(None);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <div class="page">
            <p><A href="/beheer/vacatures">{move || locale.t(Text::ToVacancies)}</A></p>
            <h1>{move || locale.t(Text::ControlOutcomesTitle)}</h1>
            <p class="lead">{move || locale.t(Text::ControlOutcomesIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || outcomes.get().map(|list| {
                let vacancy = list.vacancy_id;
                view! {
                    <h2>{list.title.clone()}</h2>
                    {if list.items.is_empty() {
                        view! { <p>{locale.t(Text::NoApplicants)}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrapper" tabindex="0" role="region" aria-labelledby="control-outcomes-caption">
                                <table class="table">
                                    <caption id="control-outcomes-caption" class="visually-hidden">{locale.t(Text::ControlOutcomesTitle)}</caption>
                                    <thead><tr>
                                        <th scope="col">{locale.t(Text::DisplayName)}</th>
                                        <th scope="col">{locale.t(Text::Reference)}</th>
                                        <th scope="col">{locale.t(Text::ControlOutcome)}</th>
                                        <th scope="col">{locale.t(Text::RecordOutcome)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {list.items.into_iter().map(|applicant| view! { <OutcomeRow vacancy applicant/> }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                    {(list.total > list.per_page).then(|| view! {
                        <Pagination page current=list.page per_page=list.per_page total=list.total position=Text::ApplicantsPageOf/>
                    })}
                }
            })}
        </div>
    }
}

/// One applicant: the outcome so far, and a choice of the further ones with a button to record it.
#[component]
fn OutcomeRow(vacancy: Uuid, applicant: ControlApplicant) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let recorded = RwSignal::new(applicant.outcome);
    let chosen = RwSignal::new(None::<ControlOutcome>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let saved = RwSignal::new(false);
    let application = applicant.application_id;
    let select_id = format!("outcome-{application}");
    let label = format!("{} {} {}", locale.t(Text::NewOutcome), applicant.name, applicant.reference);
    let record = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(outcome) = chosen.get_untracked() else { return };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::record_control_outcome(vacancy, application, outcome, &csrf, ui).await {
                Ok(row) => {
                    recorded.set(row.outcome);
                    chosen.set(None);
                    failure.set(None);
                    saved.set(true);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    // Further than what is recorded; after "not invited" a late invitation still can be.
    let open = move |outcome: ControlOutcome| recorded.get().is_none_or(|r| outcome > r);
    view! {
        <tr>
            <th scope="row">{applicant.name.clone()}</th>
            <td><code>{applicant.reference.clone()}</code></td>
            <td>{move || recorded.get().map_or_else(|| locale.t(Text::OutcomeNone), |r| locale.t(outcome_label(r)))}</td>
            <td>
                <form class="control-outcome" on:submit=record>
                    <label class="visually-hidden" for=select_id.clone()>{label}</label>
                    <select id=select_id
                        on:change=move |e| chosen.set(ControlOutcome::parse(&event_target_value(&e)))>
                        <option value="" selected=move || chosen.get().is_none()>{move || locale.t(Text::ChooseOutcome)}</option>
                        {ControlOutcome::ALL.into_iter().map(|outcome| view! {
                            <option value=outcome.as_str() disabled=move || !open(outcome) selected=move || chosen.get() == Some(outcome)>
                                {move || locale.t(outcome_label(outcome))}
                            </option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="button button--secondary" disabled=move || chosen.get().is_none()>
                        {move || locale.t(Text::RecordOutcome)}
                    </button>
                    <span role="status">{move || saved.get().then(|| locale.t(Text::OutcomeRecorded))}</span>
                    {move || failure.get().map(|f| view! { <span class="form-field__error" role="alert">{f.message(locale.language())}</span> })}
                </form>
            </td>
        </tr>
    }
}
