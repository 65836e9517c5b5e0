//! The applicant's status page: with the reference and the access code, see the status, withdraw,
//! download everything stored as JSON, or delete it all (AVG).

use api::application::{ApplicationStatus, ApplicationView, Retention, SurveyAnswers, SurveyMoment};
use api::interview::{Band, FeedbackReport, FeedbackStage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use super::{LAST_CODE_KEY, remember, remembered};
use crate::client::{self, ApiFailure};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::survey::SurveyForm;
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

/// What the applicant is asked to confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Confirm {
    Withdraw,
    Delete,
}

#[component]
pub fn StatusPage() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    use_title(Text::StatusTitle);
    // The e-mail's link carries the reference in the fragment, which never reaches a server.
    let location = use_location();
    let reference = RwSignal::new(String::new());
    Effect::new(move |_| {
        let fragment = location.hash.get();
        let from_link = fragment.trim_start_matches('#');
        if !from_link.is_empty() {
            reference.set(from_link.to_owned());
        }
    });
    let code = RwSignal::new(remembered(LAST_CODE_KEY).unwrap_or_default());
    let view_state = RwSignal::new(None::<ApplicationView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let confirming = RwSignal::new(None::<Confirm>);
    let deleted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let summary = Signal::derive(move || {
        failure
            .get()
            .map(|f| vec![SummaryItem { field_id: None, message: f.message(locale.language()).into() }])
            .unwrap_or_default()
    });

    let look_up = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (reference, code) = (reference.get_untracked().trim().to_owned(), code.get_untracked());
        spawn_local(async move {
            match client::application(&reference, &code, locale.language_untracked()).await {
                Ok(found) => {
                    view_state.set(Some(found));
                    failure.set(None);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    // Withdrawing and deleting, once confirmed.
    let carry_out = move |what: Confirm| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let (reference, code, csrf) = (reference.get_untracked(), code.get_untracked(), session.csrf_token());
            let language = locale.language_untracked();
            let result = match what {
                Confirm::Withdraw => client::withdraw_application(&reference, &code, &csrf, language).await.map(Some),
                Confirm::Delete => client::delete_application(&reference, &code, &csrf, language).await.map(|()| None),
            };
            match result {
                Ok(found) => {
                    deleted.set(found.is_none());
                    view_state.set(found);
                    failure.set(None);
                }
                Err(error) => failure.set(Some(error)),
            }
            confirming.set(None);
            busy.set(false);
        });
    };
    let download = move |_| {
        spawn_local(async move {
            let reference = reference.get_untracked();
            match client::export_application(&reference, &code.get_untracked(), locale.language_untracked()).await {
                Ok(json) => save_file(&format!("breedwerf-{reference}.json"), &json),
                Err(error) => failure.set(Some(error)),
            }
        });
    };

    view! {
        <div class="page page--text">
            <h1>{move || locale.t(Text::StatusTitle)}</h1>
            <ErrorSummary items=summary/>
            <Show when=move || deleted.get()>
                <p class="alert alert--success" role="status">{move || locale.t(Text::DataDeleted)}</p>
            </Show>
            <Show when=move || view_state.get().is_none() && !deleted.get()>
                <p>{move || locale.t(Text::StatusIntro)}</p>
                <form class="form" novalidate on:submit=look_up>
                    <div class="form-field">
                        <label class="form-field__label" for="status-reference">{move || locale.t(Text::Reference)}</label>
                        <input id="status-reference" type="text" autocomplete="off" spellcheck="false" bind:value=reference/>
                    </div>
                    <div class="form-field">
                        <label class="form-field__label" for="status-code">{move || locale.t(Text::YourCode)}</label>
                        <input id="status-code" type="text" autocomplete="off" spellcheck="false" bind:value=code/>
                    </div>
                    <button type="submit" class="button">{move || locale.t(Text::ShowStatus)}</button>
                </form>
            </Show>
            {move || view_state.get().map(|application| {
                let submitted = application.submitted_at.format("%d-%m-%Y %H:%M UTC").to_string();
                let active = application.status == ApplicationStatus::Submitted;
                view! {
                    <dl class="review">
                        <div class="review__item"><dt>{locale.t(Text::Vacancy)}</dt><dd>{application.vacancy_title.clone()}</dd></div>
                        <div class="review__item"><dt>{locale.t(Text::Reference)}</dt><dd><code>{application.reference.clone()}</code></dd></div>
                        <div class="review__item"><dt>{locale.t(Text::Status)}</dt><dd>{match (application.status, application.feedback.is_some()) {
                            (ApplicationStatus::Withdrawn, _) => locale.t(Text::StatusWithdrawn),
                            // A feedback report is only for candidates who were not selected.
                            (ApplicationStatus::Submitted, true) => locale.t(Text::StatusNotSelected),
                            (ApplicationStatus::Submitted, false) if application.procedure_ended => locale.t(Text::ProcedureEnded),
                            (ApplicationStatus::Submitted, false) => locale.t(Text::StatusSubmitted),
                        }}</dd></div>
                        <div class="review__item"><dt>{locale.t(Text::SubmittedAt)}</dt><dd>{submitted}</dd></div>
                        <div class="review__item"><dt>{locale.t(Text::Digest)}</dt><dd><code class="digest">{application.digest.clone()}</code></dd></div>
                        <div class="review__item"><dt>{locale.t(Text::RetentionTitle)}</dt><dd>{match application.retention {
                            Retention::FourWeeks => locale.t(Text::RetentionFourWeeks),
                            Retention::OneYear => locale.t(Text::RetentionOneYear),
                        }}</dd></div>
                    </dl>
                    <p>{locale.t(Text::DigestHelp)}</p>
                    <div class="button-row">
                        <button type="button" class="button button--secondary" on:click=download>{locale.t(Text::DownloadData)}</button>
                        {active.then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| confirming.set(Some(Confirm::Withdraw))>
                                {locale.t(Text::Withdraw)}
                            </button>
                        })}
                        <button type="button" class="button button--secondary" on:click=move |_| confirming.set(Some(Confirm::Delete))>
                            {locale.t(Text::DeleteData)}
                        </button>
                    </div>
                    {application.feedback.clone().map(|report| view! { <FeedbackReportView report/> })}
                    {application.surveys.open.iter().map(|&moment| view! {
                        <ApplicantSurvey reference=application.reference.clone() code=code.get_untracked() moment/>
                    }).collect_view()}
                }
            })}
            {move || confirming.get().map(|what| view! {
                <section class="confirm alert alert--warning" role="alertdialog" aria-labelledby="confirm-title">
                    <h2 id="confirm-title">{match what {
                        Confirm::Withdraw => locale.t(Text::ConfirmWithdraw),
                        Confirm::Delete => locale.t(Text::ConfirmDelete),
                    }}</h2>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| carry_out(what)>
                            {match what {
                                Confirm::Withdraw => locale.t(Text::YesWithdraw),
                                Confirm::Delete => locale.t(Text::YesDelete),
                            }}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| confirming.set(None)>{locale.t(Text::Cancel)}</button>
                    </div>
                </section>
            })}
        </div>
    }
}

/// One of the applicant's experience surveys, sent with the reference and the access code.
#[component]
pub fn ApplicantSurvey(reference: String, code: String, moment: SurveyMoment) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let (id, title) = match moment {
        SurveyMoment::AfterOutcome => ("survey-after-outcome", Text::SurveyAfterOutcomeTitle),
        _ => ("survey-after-applying", Text::SurveyAfterApplyingTitle),
    };
    // This tab remembers an answered survey, so a reload of the receipt does not ask again.
    let answered_key = format!("breedwerf.survey.{reference}.{}", moment.as_str());
    if remembered(&answered_key).is_some() {
        return ().into_any();
    }
    let target = StoredValue::new((reference, code, answered_key));
    let send = move |answers: SurveyAnswers| async move {
        let (reference, code, answered_key) = target.get_value();
        let (csrf, ui) = (session.csrf_token(), locale.language_untracked());
        client::answer_survey((&reference, &code), moment, &answers, &csrf, ui).await?;
        remember(&answered_key, "1");
        Ok(())
    };
    let statements = [Text::SurveyFairness, Text::SurveyClarity, Text::SurveyEffort];
    view! { <SurveyForm id title intro=Text::SurveyApplicantIntro statements send/> }.into_any()
}

/// Offers `contents` as a file download.
fn save_file(name: &str, contents: &str) {
    let parts = js_sys_array(contents);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(element) = document().create_element("a")
        && let Ok(anchor) = element.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn js_sys_array(contents: &str) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(contents));
    array.into()
}

/// The feedback report of a candidate who was not selected: per question their band against
/// everyone scored on it, and what the scoring guide looked for. No rank, no one else's data.
#[component]
fn FeedbackReportView(report: FeedbackReport) -> impl IntoView {
    let locale = use_locale();
    let band = move |band: Option<Band>| match band {
        Some(Band::Lower) => locale.t(Text::BandLower),
        Some(Band::Middle) => locale.t(Text::BandMiddle),
        Some(Band::Upper) => locale.t(Text::BandUpper),
        None => locale.t(Text::BandNone),
    };
    let written = report.criteria.iter().filter(|c| c.stage == FeedbackStage::Sift).count();
    view! {
        <section class="panel feedback-report" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{move || locale.t(Text::FeedbackTitle)}</h2>
            <p>{move || locale.t(Text::FeedbackIntro)}</p>
            {report.interview_pool_too_small.then(|| view! { <p class="alert">{move || locale.t(Text::FeedbackPoolTooSmall)}</p> })}
            {report.criteria.into_iter().enumerate().map(|(index, criterion)| {
                let heading = format!("feedback-criterion-{index}");
                let labelled = heading.clone();
                let (stage, number) = match criterion.stage {
                    FeedbackStage::Sift => (Text::FeedbackStageSift, index + 1),
                    FeedbackStage::Interview => (Text::FeedbackStageInterview, index + 1 - written),
                };
                view! {
                    <article class="feedback-report__criterion" aria-labelledby=labelled>
                        <h3 id=heading>{move || format!("{} {number}", locale.t(stage))}</h3>
                        <p class="feedback-report__question">{criterion.question.clone()}</p>
                        <p class="feedback-report__band"><strong>{move || locale.t(Text::YourBand)}": "{move || band(criterion.band)}</strong></p>
                        {(!criterion.requirements.is_empty()).then(|| view! {
                            <p>{move || locale.t(Text::FeedbackAssessed)}": "{criterion.requirements.join("; ")}</p>
                        })}
                        <p>{move || locale.t(Text::FeedbackLookedFor)}": "{criterion.looked_for.clone()}</p>
                    </article>
                }
            }).collect_view()}
        </section>
    }
}
