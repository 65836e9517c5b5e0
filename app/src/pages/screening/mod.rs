//! The recruiter's screening of a closed vacancy: start it, decide every identity cue the detector
//! found (answers carry a number, never a name), add masks it missed, choose the committee, and
//! release the masked answers for scoring. Afterwards the leak rate shows what screening caught.

mod answer;
mod committee;

use api::screening::{CueType, LeakRate, Screening};
use api::vacancy::VacancyStatus;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use self::answer::AnswerReview;
use self::committee::CommitteeChooser;
use crate::client::{self, ApiFailure};
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale, use_title};
use crate::pages::vacancy::status_name;
use crate::session::use_session;

/// How the recruiter's screens name a kind of cue.
pub fn cue_type_name(kind: CueType) -> Text {
    match kind {
        CueType::Person => Text::CueTypePerson,
        CueType::Email => Text::CueTypeEmail,
        CueType::Phone => Text::CueTypePhone,
        CueType::Postcode => Text::CueTypePostcode,
        CueType::Bsn => Text::CueTypeBsn,
        CueType::DateOfBirth => Text::CueTypeDateOfBirth,
        CueType::Age => Text::CueTypeAge,
        CueType::Address => Text::CueTypeAddress,
        CueType::Location => Text::CueTypeLocation,
        CueType::Gender => Text::CueTypeGender,
        CueType::Origin => Text::CueTypeOrigin,
        CueType::Religion => Text::CueTypeReligion,
        CueType::School => Text::CueTypeSchool,
        CueType::Url => Text::CueTypeUrl,
    }
}

#[component]
pub fn ScreeningPage() -> impl IntoView {
    use_title(Text::Screening);
    let locale = use_locale();
    let session = use_session();
    let params = use_params_map();
    let vacancy = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let summary = RwSignal::new(None::<Screening>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let notice = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let refresh = move || {
        let Some(id) = vacancy() else { return };
        let language = locale.language_untracked();
        spawn_local(async move {
            match client::screening(id, language).await {
                Ok(screening) => summary.set(Some(screening)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    Effect::new(move |_| refresh());
    let act = move |release: bool| {
        let Some(id) = vacancy() else { return };
        let (language, csrf) = (locale.language_untracked(), session.csrf_token());
        busy.set(true);
        failure.set(None);
        notice.set(None);
        spawn_local(async move {
            let result = if release {
                client::release_for_scoring(id, &csrf, language).await
            } else {
                client::start_screening(id, &csrf, language).await
            };
            match result {
                Ok(screening) => {
                    summary.set(Some(screening));
                    notice.set(Some(if release { Text::Released } else { Text::ScreeningStarted }));
                }
                Err(error) => failure.set(Some(error)),
            }
            busy.set(false);
        });
    };
    let status = move || summary.with(|s| s.as_ref().map(|s| s.status));
    let editable = Signal::derive(move || status() == Some(VacancyStatus::Screening));
    let started = move || summary.with(|s| s.as_ref().is_some_and(|s| s.started_at.is_some()));
    let questions = move || summary.with(|s| s.as_ref().map(|s| s.questions.clone()).unwrap_or_default());
    let language = Signal::derive(move || summary.with(|s| s.as_ref().map(|s| s.language).unwrap_or_default()));

    view! {
        <div class="page">
            <p><A href=move || format!("/beheer/vacatures/{}", vacancy().unwrap_or_default())>{move || locale.t(Text::BackToVacancy)}</A></p>
            <h1>{move || locale.t(Text::Screening)}": "{move || summary.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default())}</h1>
            <p class="lead">{move || locale.t(Text::ScreeningIntro)}</p>
            <div aria-live="polite">
                {move || notice.get().map(|n| view! { <p class="alert alert--success" role="status">{locale.t(n)}</p> })}
            </div>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || busy.get().then(|| view! { <p role="status">{locale.t(Text::ScreeningWorking)}</p> })}
            {move || summary.with(|s| s.is_none()).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || summary.get().map(|s| view! { <Facts screening=s/> })}
            {move || summary.get().filter(|s| s.started_at.is_none()).map(|s| if s.can_start {
                view! {
                    <section class="panel">
                        <h2>{locale.t(Text::StartScreening)}</h2>
                        <p>{locale.t(Text::StartScreeningIntro)}</p>
                        <button type="button" class="button" disabled=move || busy.get() on:click=move |_| act(false)>
                            {locale.t(Text::StartScreening)}
                        </button>
                    </section>
                }.into_any()
            } else {
                view! { <p class="alert">{locale.t(Text::ScreeningNotYet)}</p> }.into_any()
            })}
            <Show when=started>
                <h2>{move || locale.t(Text::AnswersPerQuestion)}</h2>
                <p>{move || locale.t(Text::AnswersPerQuestionIntro)}</p>
                <For each=questions key=|question| question.id let:question>
                    <QuestionReview vacancy=vacancy().unwrap_or_default() question_id=question.id prompt=question.prompt
                        editable language on_change=Callback::new(move |()| refresh())/>
                </For>
            </Show>
            {move || vacancy().map(|id| view! { <CommitteeChooser vacancy=id on_change=Callback::new(move |()| refresh())/> })}
            <Show when=move || editable.get()>
                <section class="panel">
                    <h2>{move || locale.t(Text::ReleaseForScoring)}</h2>
                    <p>{move || locale.t(Text::ReleaseIntro)}</p>
                    {move || summary.with(|s| s.as_ref().map(|s| s.pending).unwrap_or_default()).gt(&0).then(|| view! {
                        <p class="alert alert--warning">{move || locale.t(Text::FindingsStillPending)}</p>
                    })}
                    <button type="button" class="button" disabled=move || busy.get() on:click=move |_| act(true)>
                        {move || locale.t(Text::ReleaseForScoring)}
                    </button>
                </section>
            </Show>
            {move || summary.get().and_then(|s| s.leak_rate).map(|rate| view! { <LeakRateTable rate/> })}
            {move || summary.get().filter(|s| s.released_at.is_some()).map(|s| view! {
                <p><A href=format!("/beheer/vacatures/{}/beoordeling", s.vacancy_id) attr:class="button">{locale.t(Text::SiftResults)}</A></p>
            })}
        </div>
    }
}

/// Where screening stands, in numbers.
#[component]
fn Facts(screening: Screening) -> impl IntoView {
    let locale = use_locale();
    let rows = screening.questions.clone();
    view! {
        <dl class="facts">
            <div><dt>{move || locale.t(Text::Status)}</dt><dd>{move || locale.t(status_name(screening.status))}</dd></div>
            <div><dt>{move || locale.t(Text::Applications)}</dt><dd>{screening.applications}</dd></div>
            <div><dt>{move || locale.t(Text::KnockedOut)}</dt><dd>{screening.knocked_out}</dd></div>
            <div><dt>{move || locale.t(Text::FindingsPending)}</dt><dd data-testid="pending">{screening.pending}</dd></div>
        </dl>
        {(!rows.is_empty()).then(|| view! {
            <div class="table-wrapper" tabindex="0">
                <table class="table">
                    <caption>{move || locale.t(Text::FindingsPerQuestion)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || locale.t(Text::Question)}</th>
                            <th scope="col">{move || locale.t(Text::Answers)}</th>
                            <th scope="col">{move || locale.t(Text::WithFindings)}</th>
                            <th scope="col">{move || locale.t(Text::FindingsPending)}</th>
                            <th scope="col">{move || locale.t(Text::FindingsMasked)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|q| view! {
                            <tr>
                                <td>{q.prompt}</td>
                                <td>{q.answers}</td>
                                <td>{q.flagged}</td>
                                <td>{q.pending}</td>
                                <td>{q.confirmed}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}

/// The answers to one question, with their findings, a page at a time.
#[component]
fn QuestionReview(
    vacancy: Uuid,
    question_id: Uuid,
    prompt: String,
    editable: Signal<bool>,
    language: Signal<api::Language>,
    on_change: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let page = RwSignal::new(1u64);
    let flagged = RwSignal::new(true);
    let reloads = RwSignal::new(0u32);
    let failure = RwSignal::new(None::<ApiFailure>);
    let answers = LocalResource::new(move || {
        reloads.track();
        let (page, flagged, ui) = (page.get(), flagged.get(), locale.language());
        async move { client::screened_answers(vacancy, question_id, page, flagged, ui).await }
    });
    let confirm_rest = move |_| {
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::confirm_pending(vacancy, question_id, &csrf, ui).await {
                Ok(_) => {
                    failure.set(None);
                    reloads.update(|n| *n += 1);
                    on_change.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let filter_id = format!("flagged-{question_id}");
    view! {
        <section class="panel screening-question">
            <h3>{prompt}</h3>
            <p class="checkbox">
                <input id=filter_id.clone() type="checkbox" prop:checked=move || flagged.get()
                    on:change=move |e| { flagged.set(event_target_checked(&e)); page.set(1); }/>
                <label for=filter_id>{move || locale.t(Text::OnlyWithFindings)}</label>
            </p>
            <Show when=move || editable.get()>
                <p class="button-row">
                    <button type="button" class="button button--secondary" on:click=confirm_rest>{move || locale.t(Text::MaskAllPending)}</button>
                    <span class="form-field__hint">{move || locale.t(Text::MaskAllPendingHint)}</span>
                </p>
            </Show>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || match answers.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) if list.items.is_empty() => view! { <p>{locale.t(Text::NoAnswersHere)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    {list.items.into_iter().map(|answer| view! { <AnswerReview vacancy answer editable language on_change/> }).collect_view()}
                    <Pagination page current=list.page per_page=list.per_page total=list.total position=Text::AnswersPageOf/>
                }.into_any(),
            }}
        </section>
    }
}

/// The share of answers with a confirmed cue, by type (stored for the evaluation).
#[component]
fn LeakRateTable(rate: LeakRate) -> impl IntoView {
    let locale = use_locale();
    let percent = |n: u32| if rate.answers == 0 { 0.0 } else { f64::from(n) * 100.0 / f64::from(rate.answers) };
    let total = format!("{} / {} ({:.0} %)", rate.answers_with_cue, rate.answers, rate.share() * 100.0);
    let rows: Vec<(CueType, String)> =
        rate.by_type.iter().map(|(kind, n)| (*kind, format!("{n} ({:.0} %)", percent(*n)))).collect();
    view! {
        <section class="panel">
            <h2>{move || locale.t(Text::LeakRate)}</h2>
            <p>{move || locale.t(Text::LeakRateIntro)}</p>
            <p><strong>{move || locale.t(Text::AnswersWithCue)}": "</strong><span data-testid="leak-total">{total}</span></p>
            <div class="table-wrapper" tabindex="0">
                <table class="table">
                    <caption class="visually-hidden">{move || locale.t(Text::LeakRate)}</caption>
                    <thead><tr>
                        <th scope="col">{move || locale.t(Text::CueKind)}</th>
                        <th scope="col">{move || locale.t(Text::Answers)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(kind, share)| view! {
                            <tr><td>{move || locale.t(cue_type_name(kind))}</td><td>{share}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
