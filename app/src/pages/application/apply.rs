//! Applying: privacy notice, the voluntary monitoring questionnaire, the questions one page at a time,
//! contact details, review, submit, receipt. Every change is kept in the tab at once and saved on the
//! server a moment later; "Volgende" saves straight away.

use std::time::Duration;

use api::Language;
use api::application::{
    AgeBand, AnswerEntry, Contact, Country, Disability, DraftInput, Education, Gender, MonitoringAnswers, Receipt,
    Retention, Step, SurveyMoment,
};
use api::problem::ErrorCode;
use api::vacancy::{ApplicantQuestion, PublicVacancy};
use domain::monitoring::{DO_NOT_KNOW, PREFER_NOT_TO_SAY};
use domain::questionnaire::QuestionKind;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::status::ApplicantSurvey;
use super::{LAST_CODE_KEY, code_key, draft_key, forget, page_key, remember, remembered};
use crate::client::{self, ApiFailure};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::question_field::{QuestionField, words_of};
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

/// A page of the way through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Privacy,
    Monitoring,
    Question(usize),
    Contact,
    Review,
    Receipt,
}

impl Page {
    fn step(self) -> Step {
        match self {
            Page::Privacy => Step::Privacy,
            Page::Monitoring => Step::Monitoring,
            Page::Question(_) => Step::Questions,
            Page::Contact => Step::Contact,
            Page::Review | Page::Receipt => Step::Review,
        }
    }

    fn key(self) -> String {
        match self {
            Page::Privacy => "privacy".into(),
            Page::Monitoring => "monitoring".into(),
            Page::Question(index) => format!("question-{index}"),
            Page::Contact => "contact".into(),
            Page::Review => "review".into(),
            Page::Receipt => "receipt".into(),
        }
    }

    fn parse(key: &str) -> Option<Page> {
        match key {
            "privacy" => Some(Page::Privacy),
            "monitoring" => Some(Page::Monitoring),
            "contact" => Some(Page::Contact),
            "review" => Some(Page::Review),
            other => other.strip_prefix("question-")?.parse().ok().map(Page::Question),
        }
    }

    /// The page this tab was on for `vacancy`; the monitoring page for a draft opened anew.
    fn remembered(vacancy: Uuid) -> Page {
        remembered(&page_key(vacancy)).and_then(|key| Page::parse(&key)).unwrap_or(Page::Monitoring)
    }

    /// The pages in order, for a questionnaire of `questions` questions.
    fn all(questions: usize) -> Vec<Page> {
        let mut pages = vec![Page::Privacy, Page::Monitoring];
        pages.extend((0..questions).map(Page::Question));
        pages.extend([Page::Contact, Page::Review]);
        pages
    }
}

/// What the tab keeps of the draft, so a reload loses nothing that was typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct LocalCopy {
    answers: Vec<AnswerEntry>,
    contact: Contact,
    retention: Retention,
}

impl LocalCopy {
    /// This tab's copy of the draft for `vacancy`, if it has one.
    fn remembered(vacancy: Uuid) -> Option<LocalCopy> {
        remembered(&draft_key(vacancy)).and_then(|json| serde_json::from_str(&json).ok())
    }
}

/// Whether the latest change is on the server.
#[derive(Debug, Clone, Copy, PartialEq)]
enum SaveState {
    Idle,
    Saving,
    Saved,
    /// Kept in the tab only; the next change or "Volgende" tries again.
    Offline,
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let params = use_params_map();
    use_title(Text::ApplyTitle);
    let vacancy_id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|id| Uuid::parse_str(&id).ok()));
    let vacancy = LocalResource::new(move || {
        let id = vacancy_id.get();
        let language = locale.language();
        async move {
            match id {
                Some(id) => client::public_vacancy(id, language).await.map_err(Some),
                None => Err(None),
            }
        }
    });
    let code = RwSignal::new(None::<String>);
    let answers = RwSignal::new(Vec::<AnswerEntry>::new());
    let contact = RwSignal::new(Contact::default());
    let retention = RwSignal::new(Retention::FourWeeks);
    let monitoring_done = RwSignal::new(false);
    let page = RwSignal::new(Page::Privacy);
    let receipt = RwSignal::new(None::<Receipt>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let save_state = RwSignal::new(SaveState::Idle);
    let busy = RwSignal::new(false);
    let restored = RwSignal::new(false);
    let pending_save = StoredValue::new(None::<TimeoutHandle>);

    let take = move |copy: LocalCopy| {
        answers.set(copy.answers);
        contact.set(copy.contact);
        retention.set(copy.retention);
    };

    // Restore this tab's draft: the code, the server's draft, then the tab's own newer copy on top.
    Effect::new(move |_| {
        let Some(vacancy) = vacancy_id.get() else { return };
        let Some(stored_code) = remembered(&code_key(vacancy)) else {
            restored.set(true);
            return;
        };
        let language = locale.language_untracked();
        spawn_local(async move {
            match client::draft(&stored_code, language).await {
                Ok(draft) => {
                    monitoring_done.set(draft.monitoring_done);
                    take(LocalCopy { answers: draft.answers, contact: draft.contact, retention: draft.retention });
                    code.set(Some(stored_code));
                    match draft.receipt {
                        Some(done) => {
                            receipt.set(Some(done));
                            page.set(Page::Receipt);
                        }
                        None => {
                            if let Some(copy) = LocalCopy::remembered(vacancy) {
                                take(copy);
                            }
                            page.set(Page::remembered(vacancy));
                        }
                    }
                }
                Err(ApiFailure::Network) => {
                    // Offline: carry on from the tab's copy; saving resumes when the server answers.
                    if let Some(copy) = LocalCopy::remembered(vacancy) {
                        take(copy);
                    }
                    code.set(Some(stored_code));
                    page.set(Page::remembered(vacancy));
                    save_state.set(SaveState::Offline);
                }
                Err(error) => {
                    forget(&code_key(vacancy));
                    failure.set(Some(error));
                }
            }
            restored.set(true);
        });
    });

    let draft_input = move |step: Step| DraftInput {
        step,
        answers: answers.get_untracked(),
        contact: contact.get_untracked(),
        retention: retention.get_untracked(),
    };

    // Saves to the server now. Field errors show; a network failure leaves the tab's copy to retry.
    // Once the receipt is in, nothing is left to save: a save timed before it would only be refused.
    let save_now = move |step: Step| async move {
        let Some(current) = code.get_untracked() else { return true };
        if receipt.get_untracked().is_some() {
            return true;
        }
        save_state.set(SaveState::Saving);
        match client::save_draft(&current, &draft_input(step), &session.csrf_token(), locale.language_untracked()).await
        {
            Ok(_) => {
                save_state.set(SaveState::Saved);
                true
            }
            Err(ApiFailure::Network) => {
                save_state.set(SaveState::Offline);
                // Nothing is lost: the tab keeps it, and the applicant may go on.
                true
            }
            Err(error) => {
                save_state.set(SaveState::Idle);
                failure.set(Some(error));
                false
            }
        }
    };

    // Every change: into the tab at once, to the server after a pause in typing.
    Effect::new(move |first: Option<()>| {
        let copy = LocalCopy { answers: answers.get(), contact: contact.get(), retention: retention.get() };
        if first.is_none() || !restored.get_untracked() || receipt.get_untracked().is_some() {
            return;
        }
        let Some(vacancy) = vacancy_id.get_untracked() else { return };
        if let Ok(json) = serde_json::to_string(&copy) {
            remember(&draft_key(vacancy), &json);
        }
        if let Some(handle) = pending_save.get_value() {
            handle.clear();
        }
        let step = page.get_untracked().step();
        let handle = set_timeout_with_handle(
            move || {
                spawn_local(async move {
                    save_now(step).await;
                });
            },
            Duration::from_millis(1200),
        )
        .ok();
        pending_save.set_value(handle);
    });

    let go_to = move |next: Page| {
        page.set(next);
        if let Some(vacancy) = vacancy_id.get_untracked() {
            remember(&page_key(vacancy), &next.key());
        }
        // Move focus to the new page's heading, so keyboard and screen-reader users start at the top.
        request_animation_frame(move || {
            if let Some(heading) = document().get_element_by_id("apply-page-title")
                && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
            {
                let _ = element.focus();
            }
        });
    };

    let start = move |_| {
        let Some(vacancy) = vacancy_id.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        if code.get_untracked().is_some() {
            go_to(Page::Monitoring);
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match client::start_application(vacancy, &session.csrf_token(), locale.language_untracked()).await {
                Ok(new) => {
                    remember(&code_key(vacancy), &new.access_code);
                    remember(LAST_CODE_KEY, &new.access_code);
                    code.set(Some(new.access_code));
                    failure.set(None);
                    go_to(Page::Monitoring);
                }
                Err(error) => failure.set(Some(error)),
            }
            busy.set(false);
        });
    };

    // The number of the question a field `answers.<id>` names.
    let question_number = move |field: &str| {
        let id = field.strip_prefix("answers.")?;
        vacancy.with(|loaded| {
            let questions = &loaded.as_ref()?.as_ref().ok()?.questions;
            questions.iter().position(|q| q.id.to_string() == id).map(|index| index + 1)
        })
    };
    let summary = Signal::derive(move || {
        let language = locale.language();
        match failure.get() {
            None => Vec::new(),
            Some(ApiFailure::Problem(problem)) if !problem.fields.is_empty() => problem
                .fields
                .iter()
                .map(|f| {
                    let message = f.code.message(language);
                    // "Vraag 2: Beantwoord deze vraag.", so the summary says which question is meant.
                    let message = match question_number(&f.field) {
                        Some(number) => format!("{} {number}: {message}", locale.t(Text::Question)),
                        None => message.into(),
                    };
                    SummaryItem { field_id: Some(review_anchor(&f.field)), message }
                })
                .collect(),
            Some(other) => vec![SummaryItem { field_id: None, message: other.message(language).into() }],
        }
    });

    move || match vacancy.get() {
        None => view! { <p class="page" role="status">{locale.t(Text::Loading)}</p> }.into_any(),
        Some(Err(_)) => view! {
            <div class="page">
                <h1>{locale.t(Text::NotFoundTitle)}</h1>
                <p>{locale.t(Text::VacancyNotFound)}</p>
            </div>
        }
        .into_any(),
        Some(Ok(vacancy)) => {
            let vacancy = StoredValue::new(vacancy);
            let questions = vacancy.with_value(|v| v.questions.clone());
            let total_pages = Page::all(questions.len()).len();
            let questions = StoredValue::new(questions);
            let progress = move || {
                let pages = Page::all(questions.with_value(Vec::len));
                pages.iter().position(|p| *p == page.get()).map(|i| i + 1).unwrap_or(total_pages)
            };
            let next = move |from: Page| {
                let pages = Page::all(questions.with_value(Vec::len));
                let position = pages.iter().position(|p| *p == from).unwrap_or(0);
                pages.get(position + 1).copied().unwrap_or(Page::Review)
            };
            let previous = move |from: Page| {
                let pages = Page::all(questions.with_value(Vec::len));
                let position = pages.iter().position(|p| *p == from).unwrap_or(0);
                pages.get(position.saturating_sub(1)).copied().unwrap_or(Page::Privacy)
            };
            let forward = move |_| {
                let from = page.get_untracked();
                if let Page::Question(index) = from
                    && let Some(question) = questions.with_value(|q| q.get(index).cloned())
                    && question.kind.takes_text()
                    && answers.with_untracked(|a| words_of(a, question.id))
                        > usize::from(question.word_limit.unwrap_or(250))
                {
                    return;
                }
                let to = next(from);
                spawn_local(async move {
                    if save_now(to.step()).await {
                        failure.set(None);
                        go_to(to);
                    }
                });
            };
            let back = move |_| go_to(previous(page.get_untracked()));
            let submit = move |_| {
                if busy.get_untracked() {
                    return;
                }
                let Some(current) = code.get_untracked() else { return };
                busy.set(true);
                // Submitting saves first; a save still waiting for a pause in typing is not needed.
                if let Some(handle) = pending_save.get_value() {
                    handle.clear();
                }
                spawn_local(async move {
                    // A submit whose answer was lost has already turned the draft into an application:
                    // saving then says so, and submitting again returns the same receipt.
                    let saved = save_now(Step::Review).await;
                    if save_state.get_untracked() == SaveState::Offline {
                        // Never send what the server has not got: that would submit an older draft.
                        failure.set(Some(ApiFailure::Network));
                        busy.set(false);
                        return;
                    }
                    let already_submitted = failure.with_untracked(|f| {
                        matches!(f, Some(ApiFailure::Problem(p)) if p.code == ErrorCode::ApplicationAlreadySubmitted)
                    });
                    if saved || already_submitted {
                        match client::submit_application(&current, &session.csrf_token(), locale.language_untracked())
                            .await
                        {
                            Ok(done) => {
                                if let Some(vacancy) = vacancy_id.get_untracked() {
                                    forget(&draft_key(vacancy));
                                    forget(&page_key(vacancy));
                                }
                                receipt.set(Some(done));
                                failure.set(None);
                                go_to(Page::Receipt);
                            }
                            Err(error) => failure.set(Some(error)),
                        }
                    }
                    busy.set(false);
                });
            };
            let vacancy_title = vacancy.with_value(|v| v.title.clone());
            view! {
                <div class="page page--text apply">
                    <p class="apply__vacancy">{vacancy_title}</p>
                    <Show when=move || page.get() != Page::Receipt>
                        <div class="apply__progress">
                            <label for="apply-progress">{move || locale.t(Text::StepOf).replace("{n}", &progress().to_string()).replace("{total}", &total_pages.to_string())}</label>
                            <progress id="apply-progress" max=total_pages value=progress></progress>
                        </div>
                    </Show>
                    <ErrorSummary items=summary/>
                    {move || match page.get() {
                        Page::Privacy => privacy_page(vacancy.get_value(), busy, start).into_any(),
                        Page::Monitoring => view! {
                            <MonitoringPage code monitoring_done failure on_done=Callback::new(move |_| go_to(next(Page::Monitoring)))/>
                        }.into_any(),
                        Page::Question(index) => match questions.with_value(|q| q.get(index).cloned()) {
                            Some(question) => question_page(question, index, questions.with_value(Vec::len), answers, failure).into_any(),
                            None => view! { <p>{locale.t(Text::NotFoundTitle)}</p> }.into_any(),
                        },
                        Page::Contact => contact_page(contact, retention, failure).into_any(),
                        Page::Review => review_page(questions.get_value(), answers, contact, retention, Callback::new(go_to)).into_any(),
                        Page::Receipt => receipt_page(receipt.get(), code.get()).into_any(),
                    }}
                    <Show when=move || !matches!(page.get(), Page::Privacy | Page::Monitoring | Page::Receipt)>
                        <div class="button-row apply__actions">
                            <button type="button" class="button button--secondary" on:click=back>{move || locale.t(Text::Previous)}</button>
                            {move || if page.get() == Page::Review {
                                view! {
                                    <button type="button" class="button" on:click=submit aria-disabled=move || busy.get().to_string()>
                                        {move || if busy.get() { locale.t(Text::Sending) } else { locale.t(Text::SendApplication) }}
                                    </button>
                                }.into_any()
                            } else {
                                view! { <button type="button" class="button" on:click=forward>{move || locale.t(Text::Next)}</button> }.into_any()
                            }}
                        </div>
                    </Show>
                    <Show when=move || code.get().is_some() && page.get() != Page::Receipt>
                        <aside class="apply__code" aria-labelledby="apply-code-title">
                            <h2 id="apply-code-title">{move || locale.t(Text::YourCode)}</h2>
                            <p><code class="access-code">{move || code.get().unwrap_or_default()}</code></p>
                            <p>{move || locale.t(Text::YourCodeHelp)}</p>
                            <p role="status" class="apply__saved">{move || match save_state.get() {
                                SaveState::Idle => "",
                                SaveState::Saving => locale.t(Text::SavingDraft),
                                SaveState::Saved => locale.t(Text::DraftSaved),
                                SaveState::Offline => locale.t(Text::DraftOffline),
                            }}</p>
                        </aside>
                    </Show>
                </div>
            }
            .into_any()
        }
    }
}

/// The review page's anchor for a field the server names.
fn review_anchor(field: &str) -> String {
    match field.strip_prefix("answers.") {
        Some(question) => format!("review-{question}"),
        None => "review-contact".into(),
    }
}

fn privacy_page(
    vacancy: PublicVacancy,
    busy: RwSignal<bool>,
    start: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let locale = use_locale();
    let closes = vacancy.closing_date.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default();
    view! {
        <h1 id="apply-page-title" tabindex="-1">{move || locale.t(Text::ApplyTitle)}</h1>
        <p>{move || locale.t(Text::PrivacyIntro)}</p>
        <h2>{move || locale.t(Text::PrivacyStepsTitle)}</h2>
        <ol>
            <li>{move || locale.t(Text::PrivacyStep1)}</li>
            <li>{move || locale.t(Text::PrivacyStep2)}</li>
            <li>{move || locale.t(Text::PrivacyStep3)}</li>
            <li>{move || locale.t(Text::PrivacyStep4)}</li>
        </ol>
        <h2>{move || locale.t(Text::PrivacyWhoSeesTitle)}</h2>
        <ul>
            <li>{move || locale.t(Text::PrivacyCommittee)}</li>
            <li>{move || locale.t(Text::PrivacyRecruiter)}</li>
            <li>{move || locale.t(Text::PrivacyMonitoring)}</li>
        </ul>
        <h2>{move || locale.t(Text::PrivacyHowLongTitle)}</h2>
        <p>{move || locale.t(Text::PrivacyHowLong)}</p>
        <p>{move || locale.t(Text::PrivacyRights)}</p>
        {(!closes.is_empty()).then(|| view! { <p><strong>{move || locale.t(Text::ClosingDate)}</strong> ": " {closes.clone()}</p> })}
        {if vacancy.open_for_applications {
            view! {
                <button type="button" class="button" on:click=start aria-disabled=move || busy.get().to_string()>
                    {move || locale.t(Text::StartApplying)}
                </button>
            }.into_any()
        } else {
            view! { <p class="alert">{move || ErrorCode::VacancyClosed.message(locale.language())}</p> }.into_any()
        }}
        <p><A href="/sollicitatie/hervatten">{move || locale.t(Text::ResumeWithCode)}</A></p>
    }
}

fn question_page(
    question: ApplicantQuestion,
    index: usize,
    total: usize,
    answers: RwSignal<Vec<AnswerEntry>>,
    failure: RwSignal<Option<ApiFailure>>,
) -> impl IntoView {
    let locale = use_locale();
    let field = format!("answers.{}", question.id);
    let error = Signal::derive(move || {
        failure.with(|f| f.as_ref().and_then(|f| f.field(&field))).map(|c| c.message(locale.language()))
    });
    let heading =
        locale.t(Text::QuestionOf).replace("{n}", &(index + 1).to_string()).replace("{total}", &total.to_string());
    view! {
        <h1 id="apply-page-title" tabindex="-1" class="question__heading">{heading}</h1>
        <QuestionField question heading=String::new() answers error/>
    }
}

fn contact_page(
    contact: RwSignal<Contact>,
    retention: RwSignal<Retention>,
    failure: RwSignal<Option<ApiFailure>>,
) -> impl IntoView {
    let locale = use_locale();
    let error = move |field: &'static str| {
        move || failure.with(|f| f.as_ref().and_then(|f| f.field(field))).map(|c| c.message(locale.language()))
    };
    view! {
        <h1 id="apply-page-title" tabindex="-1">{move || locale.t(Text::ContactTitle)}</h1>
        <p>{move || locale.t(Text::ContactIntro)}</p>
        <div class="form">
            <div class="form-field" class:form-field--invalid=move || error("contact.name")().is_some()>
                <label class="form-field__label" for="contact-name">{move || locale.t(Text::YourName)}</label>
                {move || error("contact.name")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                <input id="contact-name" type="text" autocomplete="name"
                    prop:value=move || contact.with(|c| c.name.clone())
                    on:input=move |e| { let value = event_target_value(&e); contact.update(|c| c.name = value); }/>
            </div>
            <div class="form-field" class:form-field--invalid=move || error("contact.email")().is_some()>
                <label class="form-field__label" for="contact-email">{move || locale.t(Text::Email)}</label>
                {move || error("contact.email")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                <input id="contact-email" type="email" autocomplete="email"
                    prop:value=move || contact.with(|c| c.email.clone())
                    on:input=move |e| { let value = event_target_value(&e); contact.update(|c| c.email = value); }/>
            </div>
            <div class="form-field" class:form-field--invalid=move || error("contact.phone")().is_some()>
                <label class="form-field__label" for="contact-phone">{move || locale.t(Text::PhoneOptional)}</label>
                {move || error("contact.phone")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                <input id="contact-phone" type="tel" autocomplete="tel"
                    prop:value=move || contact.with(|c| c.phone.clone().unwrap_or_default())
                    on:input=move |e| { let value = event_target_value(&e); contact.update(|c| c.phone = Some(value)); }/>
            </div>
            <fieldset class="form-fieldset">
                <legend class="form-field__label">{move || locale.t(Text::RetentionTitle)}</legend>
                <div class="choice">
                    <input type="radio" id="retention-short" name="retention"
                        prop:checked=move || retention.get() == Retention::FourWeeks
                        on:change=move |_| retention.set(Retention::FourWeeks)/>
                    <label for="retention-short">{move || locale.t(Text::RetentionFourWeeks)}</label>
                </div>
                <div class="choice">
                    <input type="radio" id="retention-long" name="retention"
                        prop:checked=move || retention.get() == Retention::OneYear
                        on:change=move |_| retention.set(Retention::OneYear)/>
                    <label for="retention-long">{move || locale.t(Text::RetentionOneYear)}</label>
                </div>
            </fieldset>
        </div>
    }
}

fn review_page(
    questions: Vec<ApplicantQuestion>,
    answers: RwSignal<Vec<AnswerEntry>>,
    contact: RwSignal<Contact>,
    retention: RwSignal<Retention>,
    go_to: Callback<Page>,
) -> impl IntoView {
    let locale = use_locale();
    let items = questions
        .into_iter()
        .enumerate()
        .map(|(index, question)| {
            let id = question.id;
            let options = question.options.clone();
            let shown = move || {
                answers.with(|all| match all.iter().find(|a| a.question_id == id).map(|a| &a.answer) {
                    Some(api::application::Answer::Text(text)) if !text.trim().is_empty() => text.clone(),
                    Some(api::application::Answer::Choice(option)) => {
                        options.iter().find(|o| o.id == *option).map(|o| o.text.clone()).unwrap_or_default()
                    }
                    Some(api::application::Answer::YesNo(yes)) => {
                        if *yes { locale.t(Text::Yes).to_owned() } else { locale.t(Text::No).to_owned() }
                    }
                    _ => locale.t(Text::NotAnswered).to_owned(),
                })
            };
            let label = if question.kind == QuestionKind::KnockOut { Text::KindKnockOut } else { Text::Question };
            view! {
                <div class="review__item" id=format!("review-{id}") tabindex="-1">
                    <dt>{move || format!("{} {}", locale.t(label), index + 1)} ": " {question.prompt.clone()}</dt>
                    <dd>
                        <p class="review__answer">{shown}</p>
                        <button type="button" class="button button--secondary button--small" on:click=move |_| go_to.run(Page::Question(index))>
                            {move || locale.t(Text::Change)} <span class="visually-hidden">{format!(" {} {}", locale.t(Text::Question), index + 1)}</span>
                        </button>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h1 id="apply-page-title" tabindex="-1">{move || locale.t(Text::ReviewTitle)}</h1>
        <p>{move || locale.t(Text::ReviewIntro)}</p>
        <dl class="review">{items}</dl>
        <h2>{move || locale.t(Text::ContactTitle)}</h2>
        <dl class="review" id="review-contact" tabindex="-1">
            <div class="review__item"><dt>{move || locale.t(Text::YourName)}</dt><dd>{move || contact.with(|c| c.name.clone())}</dd></div>
            <div class="review__item"><dt>{move || locale.t(Text::Email)}</dt><dd>{move || contact.with(|c| c.email.clone())}</dd></div>
            <div class="review__item"><dt>{move || locale.t(Text::PhoneOptional)}</dt><dd>{move || contact.with(|c| c.phone.clone().unwrap_or_default())}</dd></div>
            <div class="review__item"><dt>{move || locale.t(Text::RetentionTitle)}</dt><dd>{move || match retention.get() {
                Retention::FourWeeks => locale.t(Text::RetentionFourWeeks),
                Retention::OneYear => locale.t(Text::RetentionOneYear),
            }}</dd></div>
        </dl>
        <button type="button" class="button button--secondary button--small" on:click=move |_| go_to.run(Page::Contact)>
            {move || locale.t(Text::Change)} <span class="visually-hidden">{move || format!(" {}", locale.t(Text::ContactTitle))}</span>
        </button>
    }
}

fn receipt_page(receipt: Option<Receipt>, code: Option<String>) -> impl IntoView {
    let locale = use_locale();
    let Some(receipt) = receipt else {
        return view! { <p role="status">{move || locale.t(Text::Loading)}</p> }.into_any();
    };
    let status_link = format!("/sollicitatie/status#{}", receipt.reference);
    let submitted = receipt.submitted_at.format("%d-%m-%Y %H:%M:%S UTC").to_string();
    let code_for_survey = code.clone().unwrap_or_default();
    view! {
        <h1 id="apply-page-title" tabindex="-1">{move || locale.t(Text::ReceiptTitle)}</h1>
        <p class="alert alert--success" role="status">{move || locale.t(Text::ReceiptIntro)}</p>
        <dl class="review receipt">
            <div class="review__item"><dt>{move || locale.t(Text::Reference)}</dt><dd><code>{receipt.reference.clone()}</code></dd></div>
            <div class="review__item"><dt>{move || locale.t(Text::SubmittedAt)}</dt><dd>{submitted}</dd></div>
            <div class="review__item"><dt>{move || locale.t(Text::Digest)}</dt><dd><code class="digest">{receipt.digest.clone()}</code></dd></div>
            <div class="review__item"><dt>{move || locale.t(Text::YourCode)}</dt><dd><code class="access-code">{code.unwrap_or_default()}</code></dd></div>
        </dl>
        <p>{move || locale.t(Text::DigestHelp)}</p>
        <p>{move || locale.t(Text::ReceiptEmail)}</p>
        <p><A href=status_link>{move || locale.t(Text::ToStatusPage)}</A></p>
        <ApplicantSurvey reference=receipt.reference.clone() code=code_for_survey moment=SurveyMoment::AfterApplying/>
    }
    .into_any()
}

/// The voluntary monitoring questionnaire: every question optional, with "zeg ik liever niet", and
/// skippable as a whole. It goes to the server apart from the draft.
#[component]
fn MonitoringPage(
    code: RwSignal<Option<String>>,
    monitoring_done: RwSignal<bool>,
    failure: RwSignal<Option<ApiFailure>>,
    on_done: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let answers = RwSignal::new(MonitoringAnswers::default());
    let countries = LocalResource::new(move || {
        let language = locale.language();
        async move { client::countries(language).await.unwrap_or_default() }
    });
    let send = move |skip: bool| {
        let Some(current) = code.get_untracked() else { return };
        let body = if skip { MonitoringAnswers::default() } else { answers.get_untracked() };
        spawn_local(async move {
            match client::save_monitoring(&current, &body, &session.csrf_token(), locale.language_untracked()).await {
                Ok(()) => {
                    monitoring_done.set(true);
                    failure.set(None);
                    on_done.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let country_select = move |id: &'static str,
                               label: Text,
                               parent: bool,
                               set: fn(&mut MonitoringAnswers, Option<String>)| {
        view! {
            <div class="form-field">
                <label class="form-field__label" for=id>{move || locale.t(label)}</label>
                <select id=id on:change=move |e| {
                    let value = event_target_value(&e);
                    answers.update(|a| set(a, (!value.is_empty()).then_some(value)));
                }>
                    <option value="">{move || locale.t(Text::NoAnswer)}</option>
                    <option value=PREFER_NOT_TO_SAY>{move || locale.t(Text::PreferNotToSay)}</option>
                    {parent.then(|| view! { <option value=DO_NOT_KNOW>{move || locale.t(Text::DoNotKnow)}</option> })}
                    {move || countries.get().map(|list: Vec<Country>| list.into_iter().map(|country| {
                        let name = if locale.language() == Language::En { country.en } else { country.nl };
                        view! { <option value=country.code>{name}</option> }
                    }).collect_view())}
                </select>
            </div>
        }
    };
    fn radios<T: Copy + PartialEq + Send + Sync + 'static>(
        name: &'static str,
        legend: Text,
        options: Vec<(T, Text)>,
        answers: RwSignal<MonitoringAnswers>,
        get: fn(&MonitoringAnswers) -> Option<T>,
        set: fn(&mut MonitoringAnswers, T),
    ) -> impl IntoView {
        let locale = use_locale();
        view! {
            <fieldset class="form-fieldset">
                <legend class="form-field__label">{move || locale.t(legend)}</legend>
                {options.into_iter().enumerate().map(|(index, (value, label))| {
                    let id = format!("{name}-{index}");
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name=name
                                prop:checked=move || answers.with(|a| get(a) == Some(value))
                                on:change=move |_| answers.update(|a| set(a, value))/>
                            <label for=id>{move || locale.t(label)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
    }
    view! {
        <h1 id="apply-page-title" tabindex="-1">{move || locale.t(Text::MonitoringTitle)}</h1>
        <p>{move || locale.t(Text::MonitoringIntro)}</p>
        <Show when=move || monitoring_done.get()>
            <p class="alert">{move || locale.t(Text::MonitoringAlreadyDone)}</p>
        </Show>
        <div class="form">
            {country_select("monitoring-birth-country", Text::BirthCountry, false, |a, v| a.birth_country = v)}
            {country_select("monitoring-mother", Text::MotherBirthCountry, true, |a, v| a.mother_birth_country = v)}
            {country_select("monitoring-father", Text::FatherBirthCountry, true, |a, v| a.father_birth_country = v)}
            {radios("monitoring-gender", Text::GenderQuestion,
                vec![(Gender::Man, Text::GenderMan), (Gender::Woman, Text::GenderWoman), (Gender::Other, Text::GenderOther), (Gender::PreferNotToSay, Text::PreferNotToSay)],
                answers, |a| a.gender, |a, v| a.gender = Some(v))}
            {radios("monitoring-age", Text::AgeQuestion,
                vec![(AgeBand::Under25, Text::AgeUnder25), (AgeBand::From25To34, Text::Age25To34), (AgeBand::From35To44, Text::Age35To44),
                     (AgeBand::From45To54, Text::Age45To54), (AgeBand::From55, Text::Age55Plus), (AgeBand::PreferNotToSay, Text::PreferNotToSay)],
                answers, |a| a.age_band, |a, v| a.age_band = Some(v))}
            {radios("monitoring-disability", Text::DisabilityQuestion,
                vec![(Disability::Yes, Text::Yes), (Disability::No, Text::No), (Disability::PreferNotToSay, Text::PreferNotToSay)],
                answers, |a| a.disability, |a, v| a.disability = Some(v))}
            {radios("monitoring-education", Text::EducationQuestion,
                vec![(Education::Low, Text::EducationLow), (Education::Middle, Text::EducationMiddle), (Education::High, Text::EducationHigh), (Education::PreferNotToSay, Text::PreferNotToSay)],
                answers, |a| a.education, |a, v| a.education = Some(v))}
        </div>
        <div class="button-row apply__actions">
            <button type="button" class="button" on:click=move |_| send(false)>{move || locale.t(Text::SaveAndContinue)}</button>
            <button type="button" class="button button--secondary" on:click=move |_| send(true)>{move || locale.t(Text::SkipMonitoring)}</button>
        </div>
    }
}
