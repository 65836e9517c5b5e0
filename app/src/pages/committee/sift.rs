//! The sift: one answer at a time, in this member's own order, with the guide always in view.
//! Keys 1–5 give a score, N goes to the next answer and P to the previous one; every change is
//! saved at once. When every answer has a score the member seals the question. The time the screen
//! is in use is counted for the evaluation (`components::screen_time`).

use api::committee::{ScoreInput, Sift};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::GuidePanel;
use crate::client::{self, ApiFailure};
use crate::components::screen_time::count_screen_time;
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

#[component]
pub fn SiftPage() -> impl IntoView {
    use_title(Text::ScoreThisQuestion);
    let locale = use_locale();
    let session = use_session();
    let params = use_params_map();
    let ids =
        move || params.with(|p| Some((p.get("id")?.parse::<Uuid>().ok()?, p.get("question")?.parse::<Uuid>().ok()?)));
    let sift = RwSignal::new(None::<Sift>);
    let current = RwSignal::new(0usize);
    let failure = RwSignal::new(None::<ApiFailure>);
    let saved = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    // For the estimate of the time left: when this visit's first score was given, and how many since.
    let first_score_at = RwSignal::new(None::<f64>);
    let scored_now = RwSignal::new(0u32);
    let note = RwSignal::new(String::new());

    Effect::new(move |_| {
        let Some((vacancy, question)) = ids() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::sift(vacancy, question, ui).await {
                Ok(loaded) => {
                    // Start at the first answer without a score.
                    let first_open = loaded.answers.iter().position(|a| a.score.is_none()).unwrap_or(0);
                    current.set(first_open);
                    sift.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    // The note field follows the current answer.
    Effect::new(move |_| {
        let index = current.get();
        let text = sift.with_untracked(|s| s.as_ref().and_then(|s| s.answers.get(index)).and_then(|a| a.note.clone()));
        note.set(text.unwrap_or_default());
    });

    let total = move || sift.with(|s| s.as_ref().map_or(0, |s| s.answers.len()));
    let scored =
        move || sift.with(|s| s.as_ref().map_or(0, |s| s.answers.iter().filter(|a| a.score.is_some()).count()));
    let sealed = move || sift.with(|s| s.as_ref().is_some_and(|s| s.sealed));
    let save = move |score: u8| {
        let Some((vacancy, question)) = ids() else { return };
        let index = current.get_untracked();
        let Some(number) = sift.with_untracked(|s| s.as_ref().and_then(|s| s.answers.get(index)).map(|a| a.number))
        else {
            return;
        };
        let was_scored =
            sift.with_untracked(|s| s.as_ref().and_then(|s| s.answers.get(index)).is_some_and(|a| a.score.is_some()));
        let input = ScoreInput { score, note: Some(note.get_untracked()) };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        saved.set(false);
        spawn_local(async move {
            match client::save_score(vacancy, question, number, &input, &csrf, ui).await {
                Ok(answer) => {
                    sift.update(|s| {
                        if let Some(slot) = s.as_mut().and_then(|s| s.answers.get_mut(index)) {
                            slot.score = answer.score;
                            slot.note = answer.note;
                        }
                    });
                    if !was_scored {
                        first_score_at.update(|at| *at = at.or(Some(js_sys::Date::now())));
                        scored_now.update(|n| *n += 1);
                    }
                    failure.set(None);
                    saved.set(true);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let save_note = move || {
        let index = current.get_untracked();
        if let Some(score) =
            sift.with_untracked(|s| s.as_ref().and_then(|s| s.answers.get(index)).and_then(|a| a.score))
        {
            save(score);
        }
    };
    let go = move |step: isize| {
        let last = total().saturating_sub(1);
        current.update(|i| *i = i.saturating_add_signed(step).min(last));
    };
    let handle = window_event_listener(ev::keydown, move |event| {
        let typing =
            event.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()).is_some_and(|el| {
                matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
                    || (el.tag_name() == "INPUT" && el.get_attribute("type").as_deref() == Some("text"))
            });
        if typing || event.ctrl_key() || event.meta_key() || event.alt_key() || sealed() {
            return;
        }
        match event.key().as_str() {
            key @ ("1" | "2" | "3" | "4" | "5") => save(key.parse().unwrap_or(3)),
            "n" | "N" => go(1),
            "p" | "P" | "v" | "V" => go(-1),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    // The time on this screen, for the evaluation; what is left goes before the seal.
    let target = untrack(ids);
    let (time_language, time_csrf) = (locale.language_untracked(), session.csrf_token());
    let scoring = Signal::derive(move || sift.with(|s| s.as_ref().is_some_and(|s| !s.sealed)));
    let screen_time = count_screen_time(scoring, move |seconds| {
        let (Some(target), csrf) = (target, time_csrf.clone()) else { return };
        spawn_local(async move {
            // Only the evaluation loses a minute if this fails; the member is not bothered with it.
            let _ = client::report_scoring_time(target, seconds, &csrf, time_language).await;
        });
    });
    let seal = move |_| {
        let Some((vacancy, question)) = ids() else { return };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        let seconds = screen_time.take();
        spawn_local(async move {
            if seconds > 0 {
                let _ = client::report_scoring_time((vacancy, question), seconds, &csrf, ui).await;
            }
            match client::seal_question(vacancy, question, &csrf, ui).await {
                Ok(updated) => {
                    sift.set(Some(updated));
                    confirming.set(false);
                    failure.set(None);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let estimate = move || {
        let (Some(start), n) = (first_score_at.get(), scored_now.get()) else { return None };
        if n < 2 {
            return None;
        }
        let per_answer = (js_sys::Date::now() - start) / 1000.0 / f64::from(n - 1);
        let left = total().saturating_sub(scored());
        let minutes = ((per_answer * left as f64) / 60.0).ceil().max(1.0) as u32;
        (left > 0).then(|| locale.t(Text::TimeLeft).replace("{minutes}", &minutes.to_string()))
    };

    view! {
        <div class="page">
            <p>{move || ids().map(|(vacancy, _)| view! { <A href=format!("/commissie/vacature/{vacancy}")>{locale.t(Text::BackToQuestions)}</A> })}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.first_field_message(locale.language())}</p> })}
            {move || sift.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || sift.get().map(|loaded| {
                let question = loaded.question.clone();
                view! {
                    <h1>{locale.t(Text::ScoreThisQuestion)}</h1>
                    <div class="sift">
                        <section class="sift__answer" aria-labelledby="answer-heading">
                            <div class="sift__progress">
                                <label for="sift-progress">
                                    {move || locale.t(Text::ScoredOf).replace("{scored}", &scored().to_string()).replace("{total}", &total().to_string())}
                                </label>
                                <progress id="sift-progress" max=move || total().to_string() value=move || scored().to_string()></progress>
                                <span role="status">{estimate}</span>
                            </div>
                            {move || {
                                let index = current.get();
                                sift.with(|s| s.as_ref().and_then(|s| s.answers.get(index).cloned())).map(|answer| {
                                    let heading = format!(
                                        "{} ({})",
                                        locale.t(Text::AnswerNumber).replace("{number}", &answer.number.to_string()),
                                        locale.t(Text::PositionOf).replace("{position}", &answer.position.to_string()).replace("{total}", &total().to_string()),
                                    );
                                    view! {
                                        <h2 id="answer-heading">{heading}</h2>
                                        <p class="masked-answer__text">{answer.text.clone()}</p>
                                        <fieldset class="score-choice" disabled=sealed>
                                            <legend>{locale.t(Text::YourScore)}</legend>
                                            {(1u8..=5).map(|value| {
                                                let id = format!("score-{value}");
                                                view! {
                                                    <span class="score-choice__option">
                                                        <input type="radio" name="score" id=id.clone() value=value.to_string()
                                                            prop:checked=move || answer.score == Some(value)
                                                            on:change=move |_| save(value)/>
                                                        <label for=id>{value.to_string()}</label>
                                                    </span>
                                                }
                                            }).collect_view()}
                                        </fieldset>
                                        <div class="form-field">
                                            <label class="form-field__label" for="score-note">{locale.t(Text::NoteOptional)}</label>
                                            <textarea id="score-note" rows="3" prop:value=move || note.get() disabled=sealed
                                                on:input=move |e| note.set(event_target_value(&e))
                                                on:change=move |_| save_note()></textarea>
                                        </div>
                                    }
                                })
                            }}
                            <p class="button-row">
                                <button type="button" class="button button--secondary" on:click=move |_| go(-1)
                                    disabled=move || current.get() == 0>{move || locale.t(Text::PreviousAnswer)}</button>
                                <button type="button" class="button button--secondary" on:click=move |_| go(1)
                                    disabled=move || { current.get() + 1 >= total() }>{move || locale.t(Text::NextAnswer)}</button>
                                <span aria-live="polite" class="sift__saved">{move || saved.get().then(|| locale.t(Text::ScoreSaved))}</span>
                            </p>
                            <p class="form-field__hint">{move || locale.t(Text::SiftShortcuts)}</p>
                            <nav class="sift__overview" aria-label=move || locale.t(Text::AllAnswers)>
                                {move || sift.with(|s| s.as_ref().map(|s| s.answers.clone()).unwrap_or_default()).into_iter().enumerate().map(|(index, answer)| {
                                    let label = format!(
                                        "{}{}",
                                        locale.t(Text::AnswerNumber).replace("{number}", &answer.number.to_string()),
                                        answer.score.map(|s| format!(": {s}")).unwrap_or_default(),
                                    );
                                    view! {
                                        <button type="button" class="button button--small button--secondary"
                                            class:sift__overview-item--done=answer.score.is_some()
                                            aria-current=move || (current.get() == index).then_some("step")
                                            on:click=move |_| current.set(index)>{label}</button>
                                    }
                                }).collect_view()}
                            </nav>
                            {move || if sealed() {
                                let others = sift.with(|s| s.as_ref().map(|s| (s.members_sealed, s.members)).unwrap_or_default());
                                view! {
                                    <p class="alert alert--success">
                                        {locale.t(Text::Sealed)}" "
                                        {locale.t(Text::MembersSealed).replace("{sealed}", &others.0.to_string()).replace("{members}", &others.1.to_string())}
                                    </p>
                                }.into_any()
                            } else if confirming.get() {
                                view! {
                                    <div class="panel" role="group" aria-labelledby="seal-heading">
                                        <h2 id="seal-heading">{locale.t(Text::SealQuestion)}</h2>
                                        <p>{locale.t(Text::SealWarning)}</p>
                                        <p class="button-row">
                                            <button type="button" class="button" on:click=seal>{locale.t(Text::YesSeal)}</button>
                                            <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{locale.t(Text::NotYet)}</button>
                                        </p>
                                    </div>
                                }.into_any()
                            } else {
                                view! {
                                    <p>
                                        <button type="button" class="button" on:click=move |_| confirming.set(true)>{locale.t(Text::SealQuestion)}</button>
                                    </p>
                                }.into_any()
                            }}
                        </section>
                        <GuidePanel question/>
                    </div>
                }
            })}
        </div>
    }
}
