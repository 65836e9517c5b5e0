//! The questionnaire part of the vacancy editor: questions of four kinds, each scored question with its
//! scoring guide, which requirements it assesses, the question bank, the coverage of must-haves, and a
//! preview exactly as the applicant will see it.

use api::Language;
use api::application::AnswerEntry;
use api::vacancy::{BankEntry, Question, RequirementKind};
use domain::questionnaire::{
    ChoiceOption, DEFAULT_WORD_LIMIT, QuestionKind, ScoringGuide, questions_without_requirement, uncovered_requirements,
};
use leptos::prelude::*;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::components::question_field::QuestionField;
use crate::components::requirement_checks::{ReorderButtons, RequirementChecks};
use crate::i18n::{Text, use_locale};

/// A new random (version 4) id, from the browser's cryptographic generator. Should that fail, the
/// server refuses the repeated ids with a clear error.
pub fn new_id() -> Uuid {
    let mut bytes = [0u8; 16];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// An empty question of `kind`, with what that kind needs.
fn blank(kind: QuestionKind) -> Question {
    let mut question = Question {
        id: new_id(),
        kind,
        prompt: String::new(),
        scenario: None,
        word_limit: None,
        options: Vec::new(),
        knock_out_reason: None,
        guide: None,
        weight: 1,
        requirement_ids: Vec::new(),
    };
    reshape(&mut question, kind);
    question
}

/// Gives a question the parts its (new) kind needs, keeping what it has.
fn reshape(question: &mut Question, kind: QuestionKind) {
    question.kind = kind;
    if kind.takes_text() {
        question.guide.get_or_insert_with(ScoringGuide::default);
        question.word_limit.get_or_insert(DEFAULT_WORD_LIMIT);
    }
    if kind == QuestionKind::WorkSample {
        question.scenario.get_or_insert_with(String::new);
    }
    if kind == QuestionKind::MultipleChoice && question.options.is_empty() {
        question.options = (0..2).map(|_| ChoiceOption { id: new_id(), text: String::new(), correct: false }).collect();
    }
    if kind == QuestionKind::KnockOut {
        question.knock_out_reason.get_or_insert_with(String::new);
    }
}

fn kind_label(kind: QuestionKind) -> Text {
    match kind {
        QuestionKind::Open => Text::KindOpen,
        QuestionKind::WorkSample => Text::KindWorkSample,
        QuestionKind::MultipleChoice => Text::KindMultipleChoice,
        QuestionKind::KnockOut => Text::KindKnockOut,
    }
}

/// A requirement as the questionnaire sees it: only saved requirements have an id to point at.
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementChoice {
    pub id: Uuid,
    pub text: String,
    pub kind: RequirementKind,
}

#[component]
pub fn QuestionnaireEditor(
    questions: RwSignal<Vec<Question>>,
    requirements: Signal<Vec<RequirementChoice>>,
    vacancy_language: Signal<Language>,
    editable: Signal<bool>,
    failure: RwSignal<Option<ApiFailure>>,
) -> impl IntoView {
    let locale = use_locale();
    let bank = LocalResource::new(move || {
        let vacancy_language = vacancy_language.get();
        let language = locale.language();
        async move { client::question_bank(vacancy_language, language).await.unwrap_or_default() }
    });
    let chosen_bank_entry = RwSignal::new(String::new());
    let previewing = RwSignal::new(false);
    let uncovered = Memo::new(move |_| {
        let must_haves: Vec<Uuid> =
            requirements.with(|r| r.iter().filter(|r| r.kind == RequirementKind::MustHave).map(|r| r.id).collect());
        questions.with(|q| uncovered_requirements(&must_haves, q))
    });
    let unassessing = Memo::new(move |_| questions.with(|q| questions_without_requirement(q)));
    let add_from_bank = move |_| {
        let chosen = chosen_bank_entry.get_untracked();
        let entry: Option<BankEntry> =
            bank.with_untracked(|b| b.as_ref().and_then(|b| b.iter().find(|e| e.id == chosen).cloned()));
        if let Some(entry) = entry {
            questions.update(|q| q.push(entry.to_question(new_id())));
        }
    };
    let preview_answers = RwSignal::new(Vec::<AnswerEntry>::new());

    view! {
        <section class="questionnaire" aria-labelledby="questionnaire-title" id="vacancy-questions">
            <h2 id="questionnaire-title">{move || locale.t(Text::QuestionnaireTitle)}</h2>
            <p class="form-field__hint">{move || locale.t(Text::QuestionnaireHelp)}</p>
            <div class="coverage" aria-live="polite">
                {move || {
                    let missing: Vec<String> = requirements.with(|all| {
                        uncovered.get().iter().filter_map(|id| all.iter().find(|r| r.id == *id).map(|r| r.text.clone())).collect()
                    });
                    (!missing.is_empty()).then(|| view! {
                        <div class="alert alert--warning">
                            <p>{locale.t(Text::UncoveredRequirements)}</p>
                            <ul>{missing.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                {move || {
                    let count = unassessing.get().len();
                    (count > 0 && !requirements.with(Vec::is_empty)).then(|| view! {
                        <p class="alert">{locale.t(Text::QuestionsWithoutRequirement).replace("{count}", &count.to_string())}</p>
                    })
                }}
            </div>
            <For each=move || questions.get() key=|q| q.id let:question>
                <QuestionEditor questions id=question.id requirements editable failure/>
            </For>
            <Show when=move || editable.get()>
                <div class="questionnaire__add">
                    <div class="form-field">
                        <span class="form-field__label">{move || locale.t(Text::AddQuestion)}</span>
                        <div class="button-row">
                            {QuestionKind::ALL.into_iter().map(|kind| view! {
                                <button type="button" class="button button--secondary button--small"
                                    on:click=move |_| questions.update(|q| q.push(blank(kind)))>
                                    {move || locale.t(kind_label(kind))}
                                </button>
                            }).collect_view()}
                        </div>
                    </div>
                    <div class="form-field">
                        <label class="form-field__label" for="question-bank">{move || locale.t(Text::QuestionBank)}</label>
                        <p class="form-field__hint">{move || locale.t(Text::QuestionBankHelp)}</p>
                        <div class="button-row">
                            <select id="question-bank" on:change=move |e| chosen_bank_entry.set(event_target_value(&e))>
                                <option value="">{move || locale.t(Text::ChooseQuestion)}</option>
                                {move || bank.get().map(|entries| entries.iter().map(|entry| {
                                    let label = format!("{} — {}: {}", entry.competency, locale.t(kind_label(entry.kind)), shorten(&entry.prompt, 70));
                                    view! { <option value=entry.id.clone()>{label}</option> }
                                }).collect_view())}
                            </select>
                            <button type="button" class="button button--secondary button--small" on:click=add_from_bank
                                disabled=move || chosen_bank_entry.with(String::is_empty)>
                                {move || locale.t(Text::AddFromBank)}
                            </button>
                        </div>
                    </div>
                </div>
            </Show>
            <button type="button" class="button button--secondary button--small" aria-expanded=move || previewing.get().to_string()
                on:click=move |_| previewing.update(|p| *p = !*p)>
                {move || if previewing.get() { locale.t(Text::HideApplicantPreview) } else { locale.t(Text::ShowApplicantPreview) }}
            </button>
            <Show when=move || previewing.get()>
                <div class="applicant-preview" lang=move || vacancy_language.get().tag()>
                    {move || {
                        let all = questions.get();
                        let total = all.len();
                        all.into_iter().enumerate().map(|(index, question)| {
                            let heading = locale.t(Text::QuestionOf).replace("{n}", &(index + 1).to_string()).replace("{total}", &total.to_string());
                            view! { <QuestionField question=question.for_applicant() heading answers=preview_answers read_only=true/> }
                        }).collect_view()
                    }}
                </div>
            </Show>
        </section>
    }
}

/// `text` cut to `max` characters, with an ellipsis when cut (for long questions in a list).
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

/// One question's editor.
#[component]
fn QuestionEditor(
    questions: RwSignal<Vec<Question>>,
    id: Uuid,
    requirements: Signal<Vec<RequirementChoice>>,
    editable: Signal<bool>,
    failure: RwSignal<Option<ApiFailure>>,
) -> impl IntoView {
    let locale = use_locale();
    let question = move || questions.with(|q| q.iter().find(|q| q.id == id).cloned());
    let position = move || questions.with(|q| q.iter().position(|q| q.id == id).unwrap_or(0));
    let update = move |change: &dyn Fn(&mut Question)| {
        questions.update(|all| {
            if let Some(question) = all.iter_mut().find(|q| q.id == id) {
                change(question);
            }
        })
    };
    let kind = move || question().map(|q| q.kind).unwrap_or(QuestionKind::Open);
    let error = move || {
        failure
            .with(|f| f.as_ref().and_then(|f| f.field(&format!("questions.{}", position()))))
            .map(|code| code.message(locale.language()))
    };
    let move_by = move |delta: isize| {
        questions.update(|all| {
            let from = all.iter().position(|q| q.id == id).unwrap_or(0);
            let to = from.saturating_add_signed(delta).min(all.len().saturating_sub(1));
            all.swap(from, to);
        })
    };
    let field = move |name: &str| format!("question-{id}-{name}");
    let guide_text = move |pick: fn(&ScoringGuide) -> &String| {
        move || question().and_then(|q| q.guide.map(|g| pick(&g).clone())).unwrap_or_default()
    };
    let toggle = Callback::new(move |(requirement, checked): (Uuid, bool)| {
        update(&|q| {
            q.requirement_ids.retain(|r| *r != requirement);
            if checked {
                q.requirement_ids.push(requirement);
            }
        })
    });
    let set_guide = move |change: fn(&mut ScoringGuide, String)| {
        move |e: leptos::ev::Event| {
            let value = event_target_value(&e);
            update(&|q| change(q.guide.get_or_insert_with(ScoringGuide::default), value.clone()));
        }
    };

    view! {
        <fieldset class="question-editor" id=move || format!("question-{}", position())
            class:form-field--invalid=move || error().is_some()>
            <legend>{move || format!("{} {}", locale.t(Text::Question), position() + 1)} " — " {move || locale.t(kind_label(kind()))}</legend>
            {move || error().map(|message| view! { <p class="form-field__error">{message}</p> })}
            <div class="form-row">
                <div class="form-field">
                    <label for=field("kind")>{move || locale.t(Text::QuestionKind)}</label>
                    <select id=field("kind") disabled=move || !editable.get()
                        on:change=move |e| {
                            let chosen = QuestionKind::parse(&event_target_value(&e)).unwrap_or(QuestionKind::Open);
                            update(&|q| reshape(q, chosen));
                        }>
                        {QuestionKind::ALL.into_iter().map(|option| view! {
                            <option value=option.as_str() selected=move || kind() == option>{move || locale.t(kind_label(option))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || kind() != QuestionKind::KnockOut>
                    <div class="form-field">
                        <label for=field("weight")>{move || locale.t(Text::Weight)}</label>
                        <select id=field("weight") disabled=move || !editable.get()
                            on:change=move |e| { let weight = event_target_value(&e).parse().unwrap_or(1); update(&|q| q.weight = weight); }>
                            {(1..=5u8).map(|w| view! { <option value=w.to_string() selected=move || question().is_some_and(|q| q.weight == w)>{w}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
                <Show when=move || kind().takes_text()>
                    <div class="form-field">
                        <label for=field("limit")>{move || locale.t(Text::WordLimit)}</label>
                        <input id=field("limit") type="number" min="25" max="1000" readonly=move || !editable.get()
                            prop:value=move || question().and_then(|q| q.word_limit).unwrap_or(DEFAULT_WORD_LIMIT).to_string()
                            on:input=move |e| { let limit = event_target_value(&e).parse().ok(); update(&|q| q.word_limit = limit); }/>
                    </div>
                </Show>
            </div>
            <Show when=move || kind() == QuestionKind::WorkSample>
                <div class="form-field">
                    <label for=field("scenario")>{move || locale.t(Text::Situation)}</label>
                    <p class="form-field__hint">{move || locale.t(Text::SituationHelp)}</p>
                    <textarea id=field("scenario") rows="3" readonly=move || !editable.get()
                        prop:value=move || question().and_then(|q| q.scenario).unwrap_or_default()
                        on:input=move |e| { let value = event_target_value(&e); update(&|q| q.scenario = Some(value.clone())); }></textarea>
                </div>
            </Show>
            <div class="form-field">
                <label for=field("prompt")>{move || locale.t(Text::QuestionPrompt)}</label>
                <textarea id=field("prompt") rows="2" readonly=move || !editable.get()
                    prop:value=move || question().map(|q| q.prompt).unwrap_or_default()
                    on:input=move |e| { let value = event_target_value(&e); update(&|q| q.prompt = value.clone()); }></textarea>
            </div>
            <Show when=move || kind() == QuestionKind::MultipleChoice>
                <fieldset class="form-fieldset">
                    <legend>{move || locale.t(Text::Options)}</legend>
                    {move || question().map(|q| q.options).unwrap_or_default().into_iter().enumerate().map(|(index, option)| {
                        let text_id = format!("option-{}-text", option.id);
                        let correct_id = format!("option-{}-correct", option.id);
                        let option_id = option.id;
                        view! {
                            <div class="option-row">
                                <div class="form-field">
                                    <label for=text_id.clone()>{format!("{} {}", locale.t(Text::Option), index + 1)}</label>
                                    <input id=text_id type="text" readonly=move || !editable.get() value=option.text.clone()
                                        on:change=move |e| {
                                            let value = event_target_value(&e);
                                            update(&|q| if let Some(o) = q.options.iter_mut().find(|o| o.id == option_id) { o.text = value.clone(); });
                                        }/>
                                </div>
                                <div class="choice">
                                    <input type="checkbox" id=correct_id.clone() checked=option.correct disabled=move || !editable.get()
                                        on:change=move |e| {
                                            let checked = event_target_checked(&e);
                                            update(&|q| if let Some(o) = q.options.iter_mut().find(|o| o.id == option_id) { o.correct = checked; });
                                        }/>
                                    <label for=correct_id>{locale.t(Text::CorrectOption)}</label>
                                </div>
                                <button type="button" class="button button--secondary button--small" disabled=move || !editable.get()
                                    on:click=move |_| update(&|q| q.options.retain(|o| o.id != option_id))>
                                    {locale.t(Text::RemoveOption)} <span class="visually-hidden">{format!(" {}", index + 1)}</span>
                                </button>
                            </div>
                        }
                    }).collect_view()}
                    <button type="button" class="button button--secondary button--small" disabled=move || !editable.get()
                        on:click=move |_| update(&|q| q.options.push(ChoiceOption { id: new_id(), text: String::new(), correct: false }))>
                        {move || locale.t(Text::AddOption)}
                    </button>
                </fieldset>
            </Show>
            <Show when=move || kind() == QuestionKind::KnockOut>
                <div class="form-field">
                    <label for=field("reason")>{move || locale.t(Text::KnockOutReason)}</label>
                    <p class="form-field__hint">{move || locale.t(Text::KnockOutReasonHelp)}</p>
                    <textarea id=field("reason") rows="2" readonly=move || !editable.get()
                        prop:value=move || question().and_then(|q| q.knock_out_reason).unwrap_or_default()
                        on:input=move |e| { let value = event_target_value(&e); update(&|q| q.knock_out_reason = Some(value.clone())); }></textarea>
                </div>
            </Show>
            <Show when=move || kind().takes_text()>
                <fieldset class="form-fieldset scoring-guide">
                    <legend>{move || locale.t(Text::ScoringGuide)}</legend>
                    <p class="form-field__hint">{move || locale.t(Text::ScoringGuideHelp)}</p>
                    <div class="form-field">
                        <label for=field("anchor-1")>{move || locale.t(Text::Anchor1)}</label>
                        <textarea id=field("anchor-1") rows="2" readonly=move || !editable.get()
                            prop:value=guide_text(|g| &g.anchor_1) on:input=set_guide(|g, v| g.anchor_1 = v)></textarea>
                    </div>
                    <div class="form-field">
                        <label for=field("anchor-3")>{move || locale.t(Text::Anchor3)}</label>
                        <textarea id=field("anchor-3") rows="2" readonly=move || !editable.get()
                            prop:value=guide_text(|g| &g.anchor_3) on:input=set_guide(|g, v| g.anchor_3 = v)></textarea>
                    </div>
                    <div class="form-field">
                        <label for=field("anchor-5")>{move || locale.t(Text::Anchor5)}</label>
                        <textarea id=field("anchor-5") rows="2" readonly=move || !editable.get()
                            prop:value=guide_text(|g| &g.anchor_5) on:input=set_guide(|g, v| g.anchor_5 = v)></textarea>
                    </div>
                    <div class="choice">
                        <input type="checkbox" id=field("language") disabled=move || !editable.get()
                            prop:checked=move || question().and_then(|q| q.guide).is_some_and(|g| g.language_scored)
                            on:change=move |e| { let checked = event_target_checked(&e); update(&|q| q.guide.get_or_insert_with(ScoringGuide::default).language_scored = checked); }/>
                        <label for=field("language")>{move || locale.t(Text::LanguageScored)}</label>
                    </div>
                    <p class="form-field__hint">{move || locale.t(Text::LanguageScoredHelp)}</p>
                </fieldset>
            </Show>
            <RequirementChecks prefix=format!("question-{id}")
                requirements=Signal::derive(move || requirements.with(|all| all.iter().map(|r| (r.id, r.text.clone())).collect()))
                assessed=Signal::derive(move || question().map(|q| q.requirement_ids).unwrap_or_default())
                editable on_toggle=toggle empty=Text::SaveToLinkRequirements/>
            <Show when=move || editable.get()>
                <ReorderButtons position=Signal::derive(position) count=Signal::derive(move || questions.with(Vec::len))
                    on_move=Callback::new(move_by) on_remove=Callback::new(move |()| questions.update(|all| all.retain(|q| q.id != id)))/>
            </Show>
        </fieldset>
    }
}
