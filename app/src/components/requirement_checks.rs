//! The parts the questionnaire editor and the interview kit editor share for each question: the
//! requirements of the vacancy it assesses, as checkboxes, and moving or removing the question.

use leptos::prelude::*;
use uuid::Uuid;

use crate::i18n::{Text, use_locale};

/// "This question assesses": one checkbox per requirement of the vacancy.
#[component]
pub fn RequirementChecks(
    /// Makes the checkbox ids unique on the page, e.g. `kit-<question id>`.
    prefix: String,
    /// The vacancy's requirements: id and text.
    requirements: Signal<Vec<(Uuid, String)>>,
    /// The requirements the question assesses now.
    assessed: Signal<Vec<Uuid>>,
    editable: Signal<bool>,
    on_toggle: Callback<(Uuid, bool)>,
    /// Shown instead of the boxes when the vacancy has no (saved) requirements.
    #[prop(optional)]
    empty: Option<Text>,
) -> impl IntoView {
    let locale = use_locale();
    let prefix = StoredValue::new(prefix);
    view! {
        <fieldset class="form-fieldset">
            <legend>{move || locale.t(Text::AssessesRequirements)}</legend>
            {move || {
                let all = requirements.get();
                match empty.filter(|_| all.is_empty()) {
                    Some(hint) => view! { <p class="form-field__hint">{locale.t(hint)}</p> }.into_any(),
                    None => all.into_iter().map(|(requirement, text)| {
                        let box_id = format!("{}-requirement-{requirement}", prefix.get_value());
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=box_id.clone() disabled=move || !editable.get()
                                    prop:checked=move || assessed.with(|a| a.contains(&requirement))
                                    on:change=move |e| on_toggle.run((requirement, event_target_checked(&e)))/>
                                <label for=box_id>{text}</label>
                            </div>
                        }
                    }).collect_view().into_any(),
                }
            }}
        </fieldset>
    }
}

/// Move up, move down and remove, for the question at `position` of `count`.
#[component]
pub fn ReorderButtons(
    position: Signal<usize>,
    count: Signal<usize>,
    on_move: Callback<isize>,
    on_remove: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="button-row">
            <button type="button" class="button button--secondary button--small" disabled=move || position.get() == 0
                on:click=move |_| on_move.run(-1)>{move || locale.t(Text::MoveUp)}</button>
            <button type="button" class="button button--secondary button--small"
                disabled={move || position.get() + 1 >= count.get()}
                on:click=move |_| on_move.run(1)>{move || locale.t(Text::MoveDown)}</button>
            <button type="button" class="button button--secondary button--small" on:click=move |_| on_remove.run(())>
                {move || locale.t(Text::RemoveQuestion)} <span class="visually-hidden">{move || format!(" {}", position.get() + 1)}</span>
            </button>
        </div>
    }
}
