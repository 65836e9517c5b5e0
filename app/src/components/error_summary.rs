//! The error summary at the top of a form (GOV.UK / NL Design System pattern): it gets focus when it
//! appears, so screen readers announce it, and links to each field that needs attention.

use leptos::html::Div;
use leptos::prelude::*;

use crate::i18n::{Text, use_locale};

/// One line of the summary: the field's id and the message.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryItem {
    pub field_id: Option<String>,
    pub message: String,
}

#[component]
pub fn ErrorSummary(items: Signal<Vec<SummaryItem>>) -> impl IntoView {
    let locale = use_locale();
    let summary = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if !items.get().is_empty()
            && let Some(element) = summary.get()
        {
            let _ = element.focus();
        }
    });
    view! {
        <Show when=move || !items.get().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" node_ref=summary>
                <h2 id="error-summary-title" class="error-summary__title">{move || locale.t(Text::ErrorSummaryTitle)}</h2>
                <ul class="error-summary__list">
                    {move || {
                        items
                            .get()
                            .into_iter()
                            .map(|item| match item.field_id {
                                Some(id) => view! { <li><a href=format!("#{id}")>{item.message}</a></li> }.into_any(),
                                None => view! { <li>{item.message}</li> }.into_any(),
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
