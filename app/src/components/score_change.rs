//! A scorer's own sealed score, changed in the discussion with a reason: the sift's panel view and
//! the interview's consensus view both use this form. The change itself is the caller's request;
//! a field error it gets back is shown beside the reason.

use api::problem::ErrorCode;
use leptos::prelude::*;

use crate::i18n::{Text, use_locale};

/// What the form hands the caller: the new score, the reason, and where to put a field error.
pub type ScoreChange = (u8, String, RwSignal<Option<ErrorCode>>);

#[component]
pub fn ScoreChangeForm(
    /// Makes the field ids unique on the page, e.g. `change-3`.
    id: String,
    current: u8,
    save: Callback<ScoreChange>,
) -> impl IntoView {
    let locale = use_locale();
    let new_score = RwSignal::new(current);
    let reason = RwSignal::new(String::new());
    let field_error = RwSignal::new(None::<ErrorCode>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        save.run((new_score.get_untracked(), reason.get_untracked(), field_error));
    };
    let (score_id, reason_id, error_id) = (format!("{id}-score"), format!("{id}-reason"), format!("{id}-error"));
    let described = error_id.clone();
    view! {
        <details class="mask-details">
            <summary>{move || locale.t(Text::ChangeScore)}</summary>
            <form class="form" on:submit=submit>
                <div class="form-field">
                    <label class="form-field__label" for=score_id.clone()>{move || locale.t(Text::NewScore)}</label>
                    <select id=score_id on:change=move |e| {
                        if let Ok(value) = event_target_value(&e).parse() { new_score.set(value) }
                    }>
                        {(1u8..=5).map(|value| view! {
                            <option value=value.to_string() selected=move || new_score.get() == value>{value.to_string()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-field" class:form-field--invalid=move || field_error.get().is_some()>
                    <label class="form-field__label" for=reason_id.clone()>{move || locale.t(Text::ChangeReason)}</label>
                    {move || field_error.get().map(|code| view! {
                        <p class="form-field__error" id=error_id.clone()>{code.message(locale.language())}</p>
                    })}
                    <textarea id=reason_id rows="2" prop:value=move || reason.get()
                        aria-invalid=move || field_error.get().is_some().to_string()
                        aria-describedby=move || field_error.get().map(|_| described.clone())
                        on:input=move |e| reason.set(event_target_value(&e))></textarea>
                </div>
                <button type="submit" class="button button--secondary button--small">{move || locale.t(Text::SaveChange)}</button>
            </form>
        </details>
    }
}
