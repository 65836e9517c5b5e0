//! The recruiter's interviews and decisions (`/beheer/vacatures/{id}/besluit`): per shortlisted
//! candidate the sift score, how many interviewers submitted, and once all did the interview score
//! and rank; the decision (offer, reserve, not selected) with a rationale that must name the scores
//! when it departs from the ranking; the answer to an offer and the hire; and the feedback reports
//! for everyone not selected.

use api::interview::{DecisionInput, InterviewOverview, InterviewResult, OfferResponse, OfferResponseInput, Outcome};
use api::problem::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

fn outcome_label(outcome: Outcome) -> Text {
    match outcome {
        Outcome::Offer => Text::OutcomeOffer,
        Outcome::Reserve => Text::OutcomeReserve,
        Outcome::NotSelected => Text::OutcomeNotSelected,
    }
}

#[component]
pub fn DecisionPage() -> impl IntoView {
    use_title(Text::InterviewsAndDecisions);
    let locale = use_locale();
    let session = use_session();
    let params = use_params_map();
    let vacancy = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let overview = RwSignal::new(None::<InterviewOverview>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let sent = RwSignal::new(None::<u32>);
    Effect::new(move |_| {
        let Some(id) = vacancy() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::interview_overview(id, ui).await {
                Ok(loaded) => overview.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let send_reports = move |_| {
        let Some(id) = vacancy() else { return };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::send_feedback_reports(id, &csrf, ui).await {
                Ok(result) => {
                    sent.set(Some(result.sent));
                    if let Ok(loaded) = client::interview_overview(id, ui).await {
                        overview.set(Some(loaded));
                    }
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <div class="page">
            <p><A href=move || format!("/beheer/vacatures/{}/gesprek", vacancy().unwrap_or_default())>{move || locale.t(Text::InterviewKit)}</A></p>
            <h1>{move || locale.t(Text::InterviewsAndDecisions)}</h1>
            <p class="lead">{move || locale.t(Text::DecisionsIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || (overview.with(Option::is_none) && failure.with(Option::is_none)).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || overview.get().map(|loaded| {
                let interviewers = loaded.interviewers.len();
                view! {
                    <section class="panel" aria-labelledby="results-heading">
                        <h2 id="results-heading">{locale.t(Text::InterviewResults)}</h2>
                        <p>{locale.t(Text::InterviewResultsIntro)}</p>
                        <div class="table-wrapper" tabindex="0">
                            <table class="table">
                                <caption class="visually-hidden">{locale.t(Text::InterviewResults)}</caption>
                                <thead><tr>
                                    <th scope="col">{locale.t(Text::Candidate)}</th>
                                    <th scope="col">{locale.t(Text::SiftScore)}</th>
                                    <th scope="col">{locale.t(Text::InterviewersSubmitted)}</th>
                                    <th scope="col">{locale.t(Text::InterviewScore)}</th>
                                    <th scope="col">{locale.t(Text::Decision)}</th>
                                </tr></thead>
                                <tbody>
                                    {loaded.candidates.iter().map(|c| view! {
                                        <tr>
                                            <th scope="row">{c.name.clone()}" "<code>{c.label.clone()}</code></th>
                                            <td>{format!("{:.2} (#{})", c.sift_score, c.sift_rank)}</td>
                                            <td>{format!("{} / {interviewers}", c.submitted)}</td>
                                            <td>{match (c.interview_score, c.interview_rank) {
                                                (Some(score), Some(rank)) => format!("{score:.2} (#{rank})"),
                                                _ => locale.t(Text::NotYetComplete).to_owned(),
                                            }}</td>
                                            <td>{c.decision.as_ref().map(|d| locale.t(outcome_label(d.outcome))).unwrap_or("—")}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                    {loaded.candidates.into_iter().map(|candidate| view! { <CandidateDecision candidate overview failure vacancy=vacancy().unwrap_or_default()/> }).collect_view()}
                    <section class="panel" aria-labelledby="feedback-heading">
                        <h2 id="feedback-heading">{locale.t(Text::FeedbackReports)}</h2>
                        <p>{locale.t(Text::FeedbackReportsIntro)}</p>
                        <p>{locale.t(Text::FeedbackCounts).replace("{sent}", &loaded.reports_sent.to_string()).replace("{pending}", &loaded.reports_pending.to_string())}</p>
                        <p class="button-row">
                            <button type="button" class="button" on:click=send_reports disabled=loaded.reports_pending == 0>{locale.t(Text::SendFeedbackReports)}</button>
                            <span aria-live="polite">{move || sent.get().map(|n| locale.t(Text::FeedbackReportsSent).replace("{count}", &n.to_string()))}</span>
                        </p>
                    </section>
                }
            })}
        </div>
    }
}

/// One candidate's decision: the form while it can change, then the offer's answer and the hire.
#[component]
fn CandidateDecision(
    candidate: InterviewResult,
    overview: RwSignal<Option<InterviewOverview>>,
    failure: RwSignal<Option<ApiFailure>>,
    vacancy: Uuid,
) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let application = candidate.application_id;
    let outcome = RwSignal::new(candidate.decision.as_ref().map(|d| d.outcome));
    let rationale = RwSignal::new(candidate.decision.as_ref().map(|d| d.rationale.clone()).unwrap_or_default());
    let field_error = RwSignal::new(None::<ErrorCode>);
    let done = move |updated: InterviewOverview| {
        failure.set(None);
        overview.set(Some(updated));
    };
    let decide = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(chosen) = outcome.get_untracked() else {
            field_error.set(Some(ErrorCode::Required));
            return;
        };
        let input = DecisionInput { outcome: chosen, rationale: rationale.get_untracked() };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::record_outcome(vacancy, application, &input, &csrf, ui).await {
                Ok(updated) => {
                    field_error.set(None);
                    done(updated);
                }
                Err(error) => match error.field("rationale") {
                    Some(code) => field_error.set(Some(code)),
                    None => failure.set(Some(error)),
                },
            }
        });
    };
    let respond = move |response: OfferResponse| {
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::record_offer_response(vacancy, application, &OfferResponseInput { response }, &csrf, ui).await
            {
                Ok(updated) => done(updated),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let hire = move |_| {
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::record_hire(vacancy, application, &csrf, ui).await {
                Ok(updated) => done(updated),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let heading = format!("decision-{application}");
    let labelled = heading.clone();
    let field = move |name: &str| format!("decision-{application}-{name}");
    let decision = candidate.decision.clone();
    let final_ = decision.as_ref().is_some_and(|d| d.response.is_some());
    view! {
        <section class="panel" aria-labelledby=labelled>
            <h2 id=heading>{candidate.name.clone()}" "<code>{candidate.label.clone()}</code></h2>
            {candidate.interview_score.is_some().then(|| view! {
                <p><A href=format!("/gesprekken/vacature/{vacancy}/kandidaat/{application}/overleg")>{locale.t(Text::ConsensusView)}</A></p>
            })}
            {decision.as_ref().map(|d| view! {
                <p>
                    <strong>{locale.t(outcome_label(d.outcome))}</strong>": "{d.rationale.clone()}
                    {d.departs_from_ranking.then(|| view! { " " <span class="tag">{locale.t(Text::DepartsFromRanking)}</span> })}
                </p>
                {match (d.outcome, d.response, d.hired) {
                    (_, _, true) => view! { <p class="alert alert--success">{locale.t(Text::Hired)}</p> }.into_any(),
                    (Outcome::Offer, Some(OfferResponse::Accepted), false) => view! {
                        <p>{locale.t(Text::OfferAccepted)}" "<button type="button" class="button" on:click=hire>{locale.t(Text::RecordHire)}</button></p>
                    }.into_any(),
                    (Outcome::Offer, Some(OfferResponse::Declined), _) => view! { <p>{locale.t(Text::OfferDeclined)}</p> }.into_any(),
                    (Outcome::Offer, None, _) => view! {
                        <p class="button-row">
                            <button type="button" class="button button--secondary" on:click=move |_| respond(OfferResponse::Accepted)>{locale.t(Text::MarkAccepted)}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| respond(OfferResponse::Declined)>{locale.t(Text::MarkDeclined)}</button>
                        </p>
                    }.into_any(),
                    _ => ().into_any(),
                }}
            })}
            {(!final_).then(|| view! {
                <form class="form" novalidate on:submit=decide>
                    <fieldset class="form-fieldset">
                        <legend>{locale.t(Text::Decision)}</legend>
                        {[Outcome::Offer, Outcome::Reserve, Outcome::NotSelected].into_iter().map(|option| {
                            let radio = field(option.as_str());
                            view! {
                                <p class="choice">
                                    <input type="radio" id=radio.clone() name=field("outcome") prop:checked=move || outcome.get() == Some(option)
                                        on:change=move |_| outcome.set(Some(option))/>
                                    <label for=radio>{locale.t(outcome_label(option))}</label>
                                </p>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="form-field" class:form-field--invalid=move || field_error.get().is_some()>
                        <label class="form-field__label" for=field("rationale")>{locale.t(Text::Rationale)}</label>
                        <p class="form-field__hint">{locale.t(Text::RationaleHelp)}</p>
                        {move || field_error.get().map(|code| view! { <p class="form-field__error">{code.message(locale.language())}</p> })}
                        <textarea id=field("rationale") rows="3" prop:value=move || rationale.get()
                            aria-invalid=move || field_error.get().is_some().to_string()
                            on:input=move |e| rationale.set(event_target_value(&e))></textarea>
                    </div>
                    <button type="submit" class="button">{locale.t(Text::RecordDecision)}</button>
                </form>
            })}
        </section>
    }
}
