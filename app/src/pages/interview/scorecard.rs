//! The interviewers' side: the vacancies they interview for with their candidates (`/gesprekken`),
//! and the scorecard of one candidate (`/gesprekken/vacature/{id}/kandidaat/{application}`): per
//! question of the kit, in order, the question, its follow-ups and anchored scale always in view, a
//! score of 1 to 5 and notes, saved at once. Everything works by keyboard: Tab between questions,
//! the arrow keys within a score. Submitting seals the scores; nobody sees them before every
//! interviewer of the candidate submitted. The time the scorecard is in use is counted for the
//! evaluation (`components::screen_time`).

use api::interview::{InterviewAssignment, Scorecard, ScorecardEntry, ScorecardInput};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{AnchorScale, kind_label};
use crate::client::{self, ApiFailure};
use crate::components::screen_time::count_screen_time;
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

#[component]
pub fn InterviewsHomePage() -> impl IntoView {
    use_title(Text::YourInterviews);
    let locale = use_locale();
    let assignments = RwSignal::new(None::<Vec<InterviewAssignment>>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::interview_assignments(ui).await {
                Ok(loaded) => assignments.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <div class="page">
            <h1>{move || locale.t(Text::YourInterviews)}</h1>
            <p class="lead">{move || locale.t(Text::YourInterviewsIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || assignments.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || assignments.get().map(|all| if all.is_empty() {
                view! { <p>{locale.t(Text::NoInterviews)}</p> }.into_any()
            } else {
                all.into_iter().map(|assignment| {
                    let vacancy = assignment.vacancy_id;
                    let heading = format!("interviews-{vacancy}");
                    let labelled = heading.clone();
                    view! {
                        <section class="panel" aria-labelledby=labelled>
                            <h2 id=heading>{assignment.title.clone()}</h2>
                            <p><A href=format!("/gesprekken/vacature/{vacancy}/leidraad")>{locale.t(Text::PrintGuide)}</A></p>
                            {if assignment.open {
                                view! {
                                    <ul class="candidate-list">
                                        {assignment.candidates.into_iter().map(|c| {
                                            let state = if c.consensus_open { Text::ConsensusOpen } else if c.submitted { Text::Submitted } else { Text::ToScore };
                                            view! {
                                                <li>
                                                    <A href=format!("/gesprekken/vacature/{vacancy}/kandidaat/{}", c.application_id)>{c.name.clone()}</A>
                                                    " " <code>{c.label.clone()}</code> " — " {locale.t(state)}
                                                    {c.consensus_open.then(|| view! {
                                                        " · " <A href=format!("/gesprekken/vacature/{vacancy}/kandidaat/{}/overleg", c.application_id)>{locale.t(Text::ConsensusView)}</A>
                                                    })}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            } else {
                                view! { <p class="alert">{locale.t(Text::InterviewsNotOpen)}</p> }.into_any()
                            }}
                        </section>
                    }
                }).collect_view().into_any()
            })}
        </div>
    }
}

#[component]
pub fn ScorecardPage() -> impl IntoView {
    use_title(Text::Scorecard);
    let locale = use_locale();
    let session = use_session();
    let params = use_params_map();
    let ids = move || {
        params.with(|p| Some((p.get("id")?.parse::<Uuid>().ok()?, p.get("application")?.parse::<Uuid>().ok()?)))
    };
    let card = RwSignal::new(None::<Scorecard>);
    let entries = RwSignal::new(Vec::<ScorecardEntry>::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let saved = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    Effect::new(move |_| {
        let Some((vacancy, application)) = ids() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::scorecard(vacancy, application, ui).await {
                Ok(loaded) => {
                    entries.set(loaded.entries.clone());
                    card.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let submitted = move || card.with(|c| c.as_ref().is_some_and(|c| c.submitted));
    let entry = move |question: Uuid| entries.with(|e| e.iter().find(|e| e.question_id == question).cloned());
    let save = move |question: Uuid, score: Option<u8>, note: Option<String>| {
        let Some((vacancy, application)) = ids() else { return };
        let input = ScorecardInput { question_id: question, score, note };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        saved.set(false);
        spawn_local(async move {
            match client::save_interview_score(vacancy, application, &input, &csrf, ui).await {
                Ok(stored) => {
                    entries.update(|all| {
                        all.retain(|e| e.question_id != stored.question_id);
                        all.push(stored);
                    });
                    failure.set(None);
                    saved.set(true);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let scored = move || entries.with(|e| e.iter().filter(|e| e.score.is_some()).count());
    let total = move || card.with(|c| c.as_ref().map_or(0, |c| c.questions.len()));
    // The time on this scorecard, for the evaluation; what is left goes before the submission.
    let target = untrack(ids);
    let (time_language, time_csrf) = (locale.language_untracked(), session.csrf_token());
    let scoring = Signal::derive(move || card.with(|c| c.as_ref().is_some_and(|c| !c.submitted)));
    let screen_time = count_screen_time(scoring, move |seconds| {
        let (Some((vacancy, application)), csrf) = (target, time_csrf.clone()) else { return };
        spawn_local(async move {
            // Only the evaluation loses a minute if this fails; the interviewer is not bothered with it.
            let _ = client::report_interview_time((vacancy, application), seconds, &csrf, time_language).await;
        });
    });
    let submit = move |_| {
        let Some((vacancy, application)) = ids() else { return };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        let seconds = screen_time.take();
        spawn_local(async move {
            if seconds > 0 {
                let _ = client::report_interview_time((vacancy, application), seconds, &csrf, ui).await;
            }
            match client::submit_interview(vacancy, application, &csrf, ui).await {
                Ok(sealed) => {
                    card.set(Some(sealed));
                    confirming.set(false);
                    failure.set(None);
                }
                Err(error) => {
                    confirming.set(false);
                    failure.set(Some(error));
                }
            }
        });
    };

    view! {
        <div class="page">
            <p><A href="/gesprekken">{move || locale.t(Text::YourInterviews)}</A></p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.first_field_message(locale.language())}</p> })}
            {move || card.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || card.get().map(|loaded| {
                let count = loaded.questions.len();
                view! {
                    <h1>{locale.t(Text::Scorecard)}": "{loaded.name.clone()}" "<code>{loaded.label.clone()}</code></h1>
                    <p class="lead">{loaded.vacancy_title.clone()}</p>
                    <p class="form-field__hint">{locale.t(Text::ScorecardHelp)}</p>
                    <div class="sift__progress">
                        <label for="card-progress">
                            {move || locale.t(Text::ScoredOf).replace("{scored}", &scored().to_string()).replace("{total}", &total().to_string())}
                        </label>
                        <progress id="card-progress" max=move || total().to_string() value=move || scored().to_string()></progress>
                        <span aria-live="polite" class="sift__saved">{move || saved.get().then(|| locale.t(Text::ScoreSaved))}</span>
                    </div>
                    {loaded.questions.into_iter().enumerate().map(|(index, question)| {
                        let id = question.id;
                        let heading = format!("card-question-{index}");
                        let labelled = heading.clone();
                        let note_id = format!("card-note-{index}");
                        let title = locale.t(Text::QuestionOf).replace("{n}", &(index + 1).to_string()).replace("{total}", &count.to_string());
                        let meta = format!("{} · {} min", locale.t(kind_label(question.kind)), question.minutes);
                        view! {
                            <section class="scorecard__question panel" aria-labelledby=labelled>
                                <h2 id=heading>{title}</h2>
                                <p class="form-field__hint">{meta}</p>
                                <p class="scorecard__prompt">{question.prompt.clone()}</p>
                                {(!question.follow_ups.is_empty()).then(|| view! {
                                    <h3>{locale.t(Text::FollowUps)}</h3>
                                    <ul>{question.follow_ups.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul>
                                })}
                                <AnchorScale anchors=question.anchors.clone()/>
                                <fieldset class="score-choice" disabled=submitted>
                                    <legend>{locale.t(Text::YourScore)}</legend>
                                    {(1u8..=5).map(|value| {
                                        let radio = format!("card-{index}-score-{value}");
                                        view! {
                                            <span class="score-choice__option">
                                                <input type="radio" name=format!("card-{index}-score") id=radio.clone() value=value.to_string()
                                                    prop:checked=move || entry(id).and_then(|e| e.score) == Some(value)
                                                    on:change=move |_| save(id, Some(value), entry(id).and_then(|e| e.note))/>
                                                <label for=radio>{value.to_string()}</label>
                                            </span>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                <div class="form-field">
                                    <label class="form-field__label" for=note_id.clone()>{locale.t(Text::Notes)}</label>
                                    <textarea id=note_id rows="4" disabled=submitted
                                        prop:value=move || entry(id).and_then(|e| e.note).unwrap_or_default()
                                        on:change=move |e| save(id, entry(id).and_then(|e| e.score), Some(event_target_value(&e)))></textarea>
                                </div>
                            </section>
                        }
                    }).collect_view()}
                    {move || if card.with(|c| c.as_ref().is_some_and(|c| c.consensus_open)) {
                        ids().map(|(vacancy, application)| view! {
                            <p class="alert alert--success">{locale.t(Text::ConsensusReady)}" "
                                <A href=format!("/gesprekken/vacature/{vacancy}/kandidaat/{application}/overleg")>{locale.t(Text::ConsensusView)}</A>
                            </p>
                        }).into_any()
                    } else if submitted() {
                        view! { <p class="alert alert--success">{locale.t(Text::InterviewSealed)}</p> }.into_any()
                    } else if confirming.get() {
                        view! {
                            <div class="panel" role="group" aria-labelledby="submit-heading">
                                <h2 id="submit-heading">{locale.t(Text::SubmitScores)}</h2>
                                <p>{locale.t(Text::SubmitScoresWarning)}</p>
                                <p class="button-row">
                                    <button type="button" class="button" on:click=submit>{locale.t(Text::YesSubmit)}</button>
                                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{locale.t(Text::NotYet)}</button>
                                </p>
                            </div>
                        }.into_any()
                    } else {
                        view! { <p><button type="button" class="button" on:click=move |_| confirming.set(true)>{locale.t(Text::SubmitScores)}</button></p> }.into_any()
                    }}
                }
            })}
        </div>
    }
}
