use leptos::prelude::*;

use crate::i18n::{Text, use_locale, use_title};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    use_title(Text::AccessibilityStatement);
    let locale = use_locale();
    view! {
        <div class="page page--text">
            <h1>{move || locale.t(Text::AccessibilityStatement)}</h1>
            <p class="lead">{move || locale.t(Text::AccessibilityIntro)}</p>
            <h2>{move || locale.t(Text::AccessibilityHowTitle)}</h2>
            <p>{move || locale.t(Text::AccessibilityHow)}</p>
            <h2>{move || locale.t(Text::AccessibilityProblemTitle)}</h2>
            <p>{move || locale.t(Text::AccessibilityProblem)}</p>
        </div>
    }
}
