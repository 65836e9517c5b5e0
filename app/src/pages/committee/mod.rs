//! The committee member's pages: the vacancies they sit on; per vacancy the conduct statement and the
//! questions to score; the sift itself (`sift`), one answer at a time in the member's own order,
//! timed while in use (`components::screen_time`); the panel's scores once everyone sealed
//! (`panel`); and, once every question is sealed, the committee survey. Answers carry a number for
//! that question only, so nobody can tell which answers come from one candidate.

pub mod panel;
pub mod sift;

use api::application::SurveyAnswers;
use api::committee::{CommitteeQuestion, CommitteeVacancy};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::components::survey::SurveyForm;
use crate::i18n::{Text, use_locale, use_title};
use crate::pages::vacancy::status_name;
use crate::session::use_session;

#[component]
pub fn CommitteeHomePage() -> impl IntoView {
    use_title(Text::YourCommittees);
    let locale = use_locale();
    let assigned = LocalResource::new(move || client::assigned_vacancies(locale.language()));
    view! {
        <div class="page page--text">
            <h1>{move || locale.t(Text::YourCommittees)}</h1>
            <p class="lead">{move || locale.t(Text::YourCommitteesIntro)}</p>
            {move || match assigned.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{locale.t(Text::NoCommittees)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="vacancy-list">
                        {list.into_iter().map(|vacancy| view! {
                            <li class="vacancy-list__item">
                                <h2>
                                    {if vacancy.released {
                                        view! { <A href=format!("/commissie/vacature/{}", vacancy.id)>{vacancy.title}</A> }.into_any()
                                    } else {
                                        view! { <span>{vacancy.title}</span> }.into_any()
                                    }}
                                </h2>
                                <p>
                                    {locale.t(status_name(vacancy.status))}
                                    {vacancy.chair.then(|| format!(" · {}", locale.t(Text::YouChair)))}
                                </p>
                                {(!vacancy.released).then(|| view! { <p>{locale.t(Text::NotReleasedYet)}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}

#[component]
pub fn CommitteeVacancyPage() -> impl IntoView {
    use_title(Text::ReadAnswers);
    let locale = use_locale();
    let session = use_session();
    let params = use_params_map();
    let vacancy_id = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let vacancy = RwSignal::new(None::<CommitteeVacancy>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let Some(id) = vacancy_id() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::committee_vacancy(id, ui).await {
                Ok(loaded) => vacancy.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let agreed = RwSignal::new(false);
    let confirm = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(id) = vacancy_id() else { return };
        if !agreed.get_untracked() {
            failure.set(None);
            return;
        }
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::confirm_conduct(id, &csrf, ui).await {
                Ok(confirmed) => vacancy.set(Some(confirmed)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let confirm_unblinding = move |_| {
        let Some(id) = vacancy_id() else { return };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::confirm_unblinding(id, &csrf, ui).await {
                Ok(()) => match client::committee_vacancy(id, ui).await {
                    Ok(loaded) => vacancy.set(Some(loaded)),
                    Err(error) => failure.set(Some(error)),
                },
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <div class="page page--text">
            <p><A href="/commissie">{move || locale.t(Text::YourCommittees)}</A></p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || vacancy.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || vacancy.get().map(|vacancy| {
                let id = vacancy.id;
                view! {
                    <h1>{vacancy.title.clone()}</h1>
                    <p class="lead">{locale.t(Text::ReadAnswersIntro)}</p>
                    {vacancy.unblinding_requested.then(|| view! {
                        <section class="panel" aria-labelledby="unblinding-heading">
                            <h2 id="unblinding-heading">{locale.t(Text::ConfirmUnblindingTitle)}</h2>
                            <p>{locale.t(Text::ConfirmUnblindingIntro)}</p>
                            <button type="button" class="button" on:click=confirm_unblinding>{locale.t(Text::ConfirmUnblinding)}</button>
                        </section>
                    })}
                    {vacancy.unblinding_confirmed.then(|| view! { <p class="alert alert--success">{locale.t(Text::UnblindingConfirmed)}</p> })}
                    {if vacancy.conduct_confirmed {
                        view! {
                            <ol class="question-list">
                                {vacancy.questions.into_iter().enumerate().map(|(i, question)| view! {
                                    <QuestionProgress vacancy=id number=i + 1 question/>
                                }).collect_view()}
                            </ol>
                            {vacancy.survey_open.then(|| view! { <CommitteeSurvey vacancy=id/> })}
                            {vacancy.survey_answered.then(|| view! { <p class="alert alert--success">{locale.t(Text::CommitteeSurveyAnswered)}</p> })}
                        }.into_any()
                    } else {
                        view! {
                            <form class="panel conduct" on:submit=confirm aria-labelledby="conduct-heading">
                                <h2 id="conduct-heading">{locale.t(Text::ConductTitle)}</h2>
                                <ul>
                                    <li>{locale.t(Text::ConductNoLookingUp)}</li>
                                    <li>{locale.t(Text::ConductIndependent)}</li>
                                    <li>{locale.t(Text::ConductGuide)}</li>
                                    <li>{locale.t(Text::ConductConfidential)}</li>
                                </ul>
                                <p class="checkbox">
                                    <input id="conduct-agree" type="checkbox" prop:checked=move || agreed.get()
                                        on:change=move |e| agreed.set(event_target_checked(&e))/>
                                    <label for="conduct-agree">{locale.t(Text::ConductAgree)}</label>
                                </p>
                                <button type="submit" class="button" disabled=move || !agreed.get()>{locale.t(Text::ConductConfirm)}</button>
                            </form>
                        }.into_any()
                    }}
                }
            })}
        </div>
    }
}

/// The committee survey of a vacancy, once the member sealed every question.
#[component]
fn CommitteeSurvey(vacancy: Uuid) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let send = move |answers: SurveyAnswers| async move {
        let (csrf, ui) = (session.csrf_token(), locale.language_untracked());
        client::answer_committee_survey(vacancy, &answers, &csrf, ui).await
    };
    let statements = [Text::CommitteeSurveyFairness, Text::CommitteeSurveyClarity, Text::CommitteeSurveyEffort];
    view! {
        <SurveyForm id="committee-survey" title=Text::CommitteeSurveyTitle intro=Text::CommitteeSurveyIntro statements send/>
    }
}

/// One question in the list: how far this member is, and the way to the sift and the panel.
#[component]
fn QuestionProgress(vacancy: Uuid, number: usize, question: CommitteeQuestion) -> impl IntoView {
    let locale = use_locale();
    let progress = locale
        .t(Text::ScoredOf)
        .replace("{scored}", &question.scored.to_string())
        .replace("{total}", &question.answers.to_string());
    let state = if question.panel_open {
        Text::EveryoneSealed
    } else if question.sealed {
        Text::WaitingForOthers
    } else {
        Text::NotSealedYet
    };
    view! {
        <li class="panel committee-question">
            <h2>{locale.t(Text::QuestionNumber).replace("{number}", &number.to_string())}</h2>
            <p class="committee-question__prompt">{question.prompt.clone()}</p>
            <p>{progress}" · "{locale.t(state)}</p>
            <p class="button-row">
                <A href=format!("/commissie/vacature/{vacancy}/vraag/{}", question.id) attr:class="button">
                    {locale.t(if question.sealed { Text::ViewOwnScores } else { Text::ScoreThisQuestion })}
                </A>
                {question.panel_open.then(|| view! {
                    <A href=format!("/commissie/vacature/{vacancy}/vraag/{}/panel", question.id) attr:class="button button--secondary">
                        {locale.t(Text::PanelScores)}
                    </A>
                })}
            </p>
        </li>
    }
}

/// The question's situation, scoring guide and the content-versus-language reminder, always in view.
#[component]
pub fn GuidePanel(question: CommitteeQuestion) -> impl IntoView {
    let locale = use_locale();
    let guide = question.guide.clone();
    let reminder = if guide.language_scored { Text::LanguageCounts } else { Text::ContentNotLanguage };
    view! {
        // Focusable: the guide scrolls on its own when it is longer than the screen.
        <aside class="guide-panel" aria-labelledby="guide-heading" tabindex="0">
            <h2 id="guide-heading">{move || locale.t(Text::ScoringGuide)}</h2>
            <p class="committee-question__prompt">{question.prompt.clone()}</p>
            {question.scenario.clone().map(|scenario| view! { <p class="committee-question__scenario">{scenario}</p> })}
            <dl class="guide">
                <div><dt>"1"</dt><dd>{guide.anchor_1.clone()}</dd></div>
                <div><dt>"3"</dt><dd>{guide.anchor_3.clone()}</dd></div>
                <div><dt>"5"</dt><dd>{guide.anchor_5.clone()}</dd></div>
            </dl>
            <p class="alert">{move || locale.t(reminder)}</p>
        </aside>
    }
}
