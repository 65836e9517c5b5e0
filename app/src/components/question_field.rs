//! One question as the applicant sees it, with its answer field: a text area with a live word count
//! and identity-cue warnings, radio buttons for multiple choice, yes/no for a knock-out question.
//! The recruiter's preview shows the same component, read-only, so it is exactly what applicants get.

use api::application::{Answer, AnswerEntry};
use api::vacancy::ApplicantQuestion;
use domain::application::count_words;
use domain::questionnaire::QuestionKind;
use domain::screening::{CueType, identity_cues};
use leptos::prelude::*;
use uuid::Uuid;

use crate::i18n::{Text, use_locale};

/// The answer to `question` in `answers`, if any.
fn answer_of(answers: &[AnswerEntry], question: Uuid) -> Option<Answer> {
    answers.iter().find(|a| a.question_id == question).map(|a| a.answer.clone())
}

/// Sets (or with `None`, clears) the answer to `question`.
pub fn set_answer(answers: RwSignal<Vec<AnswerEntry>>, question: Uuid, answer: Option<Answer>) {
    answers.update(|list| {
        list.retain(|a| a.question_id != question);
        if let Some(answer) = answer {
            list.push(AnswerEntry { question_id: question, answer });
        }
    });
}

/// The words of a text answer, or 0.
pub fn words_of(answers: &[AnswerEntry], question: Uuid) -> usize {
    match answer_of(answers, question) {
        Some(Answer::Text(text)) => count_words(&text),
        _ => 0,
    }
}

/// How the applicant's hint names a kind of cue.
fn cue_text(kind: CueType) -> Text {
    match kind {
        CueType::Person => Text::CueName,
        CueType::Age | CueType::DateOfBirth => Text::CueAge,
        CueType::Email | CueType::Phone | CueType::Postcode | CueType::Bsn | CueType::Address | CueType::Url => {
            Text::CueContact
        }
        CueType::Location => Text::CueLocation,
        CueType::Gender => Text::CueGender,
        CueType::Origin => Text::CueOrigin,
        CueType::Religion => Text::CueReligion,
        CueType::School => Text::CueSchool,
    }
}

#[component]
pub fn QuestionField(
    question: ApplicantQuestion,
    /// "Vraag 2 van 5" and the like; empty where the page's own heading says it.
    heading: String,
    answers: RwSignal<Vec<AnswerEntry>>,
    #[prop(optional)] read_only: bool,
    /// A message from the server about this answer.
    #[prop(into, optional)]
    error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let locale = use_locale();
    let id = question.id;
    let field_id = format!("answer-{id}");
    let prompt_id = format!("answer-{id}-prompt");
    let hint_id = format!("answer-{id}-hint");
    let scenario = question.scenario.clone().map(|scenario| {
        view! {
            <div class="question__scenario">
                <p class="question__scenario-label">{move || locale.t(Text::Situation)}</p>
                <p>{scenario}</p>
            </div>
        }
    });
    let control = match question.kind {
        QuestionKind::Open | QuestionKind::WorkSample => {
            let limit = usize::from(question.word_limit.unwrap_or(250));
            let words = Memo::new(move |_| answers.with(|a| words_of(a, id)));
            let over = move || words.get() > limit;
            let cues = Memo::new(move |_| {
                answers.with(|a| match answer_of(a, id) {
                    Some(Answer::Text(text)) => identity_cues(&text)
                        .into_iter()
                        .map(|cue| {
                            (cue.kind, text.chars().skip(cue.start).take(cue.end - cue.start).collect::<String>())
                        })
                        .collect::<Vec<_>>(),
                    _ => Vec::new(),
                })
            });
            let counter_id = format!("answer-{id}-count");
            let warning_id = format!("answer-{id}-cues");
            let described = format!("{hint_id} {counter_id} {warning_id}");
            view! {
                <p class="form-field__hint" id=hint_id.clone()>{move || locale.t(Text::AnswerHint)}</p>
                {move || error.get().map(|message| view! { <p class="form-field__error">{message}</p> })}
                <textarea id=field_id.clone() rows="10" readonly=read_only
                    aria-labelledby=prompt_id.clone() aria-describedby=described
                    aria-invalid=move || (over() || error.get().is_some()).to_string()
                    prop:value=move || answers.with(|a| match answer_of(a, id) { Some(Answer::Text(t)) => t, _ => String::new() })
                    on:input=move |e| set_answer(answers, id, Some(Answer::Text(event_target_value(&e))))></textarea>
                <p class="word-count" id=counter_id class:word-count--over=over>
                    {move || locale.t(Text::WordCount).replace("{count}", &words.get().to_string()).replace("{limit}", &limit.to_string())}
                    {move || over().then(|| view! { " " <strong>{locale.t(Text::OverWordLimit)}</strong> })}
                </p>
                <div id=warning_id aria-live="polite">
                    {move || {
                        let found = cues.get();
                        (!found.is_empty()).then(|| view! {
                            <div class="alert alert--warning question__cues">
                                <p>{locale.t(Text::IdentityCueIntro)}</p>
                                <ul>
                                    {found.into_iter().map(|(kind, words)| {
                                        let what = locale.t(cue_text(kind));
                                        view! { <li>{what} ": " <q>{words}</q></li> }
                                    }).collect_view()}
                                </ul>
                            </div>
                        })
                    }}
                </div>
            }
            .into_any()
        }
        QuestionKind::MultipleChoice => {
            let name = format!("answer-{id}");
            let options = question.options.clone();
            view! {
                {move || error.get().map(|message| view! { <p class="form-field__error">{message}</p> })}
                <div class="choices" role="radiogroup" aria-labelledby=prompt_id.clone() id=field_id.clone()>
                    {options.into_iter().map(|option| {
                        let option_id = format!("option-{}", option.id);
                        let chosen = move || answers.with(|a| answer_of(a, id) == Some(Answer::Choice(option.id)));
                        view! {
                            <div class="choice">
                                <input type="radio" id=option_id.clone() name=name.clone() disabled=read_only
                                    prop:checked=chosen
                                    on:change=move |_| set_answer(answers, id, Some(Answer::Choice(option.id)))/>
                                <label for=option_id>{option.text.clone()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        QuestionKind::KnockOut => {
            let name = format!("answer-{id}");
            let reason = question.knock_out_reason.clone().unwrap_or_default();
            let yes_id = format!("answer-{id}-yes");
            let no_id = format!("answer-{id}-no");
            view! {
                <p class="question__reason"><strong>{move || locale.t(Text::WhyThisRequirement)}</strong> " " {reason}</p>
                {move || error.get().map(|message| view! { <p class="form-field__error">{message}</p> })}
                <div class="choices" role="radiogroup" aria-labelledby=prompt_id.clone() id=field_id.clone()>
                    <div class="choice">
                        <input type="radio" id=yes_id.clone() name=name.clone() disabled=read_only
                            prop:checked=move || answers.with(|a| answer_of(a, id) == Some(Answer::YesNo(true)))
                            on:change=move |_| set_answer(answers, id, Some(Answer::YesNo(true)))/>
                        <label for=yes_id>{move || locale.t(Text::Yes)}</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id=no_id.clone() name=name disabled=read_only
                            prop:checked=move || answers.with(|a| answer_of(a, id) == Some(Answer::YesNo(false)))
                            on:change=move |_| set_answer(answers, id, Some(Answer::YesNo(false)))/>
                        <label for=no_id>{move || locale.t(Text::No)}</label>
                    </div>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="question" class:form-field--invalid=move || error.get().is_some()>
            {(!heading.is_empty()).then(|| view! { <p class="question__heading">{heading}</p> })}
            {scenario}
            <h2 class="question__prompt" id=prompt_id.clone()>
                {if question.kind.takes_text() { view! { <label for=field_id.clone()>{question.prompt.clone()}</label> }.into_any() } else { view! { <span>{question.prompt.clone()}</span> }.into_any() }}
            </h2>
            {control}
        </section>
    }
}
