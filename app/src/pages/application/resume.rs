//! Resuming a draft on any device with the access code.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::{LAST_CODE_KEY, code_key, remember};
use crate::client::{self, ApiFailure};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::i18n::{Text, use_locale, use_title};

#[component]
pub fn ResumePage() -> impl IntoView {
    let locale = use_locale();
    let navigate = use_navigate();
    use_title(Text::ResumeTitle);
    let code = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let busy = RwSignal::new(false);
    let summary = Signal::derive(move || {
        failure
            .get()
            .map(|f| {
                vec![SummaryItem { field_id: Some("resume-code".into()), message: f.message(locale.language()).into() }]
            })
            .unwrap_or_default()
    });
    let resume = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let typed = code.get_untracked().trim().to_owned();
        let navigate = navigate.clone();
        spawn_local(async move {
            match client::draft(&typed, locale.language_untracked()).await {
                Ok(draft) => {
                    remember(&code_key(draft.vacancy_id), &typed);
                    remember(LAST_CODE_KEY, &typed);
                    match draft.receipt {
                        Some(receipt) => {
                            navigate(&format!("/sollicitatie/status#{}", receipt.reference), Default::default())
                        }
                        None => navigate(&format!("/vacature/{}/solliciteren", draft.vacancy_id), Default::default()),
                    }
                }
                Err(error) => failure.set(Some(error)),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="page page--narrow">
            <h1>{move || locale.t(Text::ResumeTitle)}</h1>
            <p>{move || locale.t(Text::ResumeIntro)}</p>
            <ErrorSummary items=summary/>
            <form class="form" novalidate on:submit=resume>
                <div class="form-field" class:form-field--invalid=move || failure.get().is_some()>
                    <label class="form-field__label" for="resume-code">{move || locale.t(Text::YourCode)}</label>
                    <input id="resume-code" type="text" autocomplete="off" spellcheck="false" bind:value=code/>
                </div>
                <button type="submit" class="button" aria-disabled=move || busy.get().to_string()>{move || locale.t(Text::Resume)}</button>
            </form>
        </div>
    }
}
