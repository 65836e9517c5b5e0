use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Text, use_locale, use_title};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_title(Text::NotFoundTitle);
    let locale = use_locale();
    view! {
        <div class="page">
            <h1>{move || locale.t(Text::NotFoundTitle)}</h1>
            <p>{move || locale.t(Text::NotFoundHelp)}</p>
            <p><A href="/">{move || locale.t(Text::BackHome)}</A></p>
        </div>
    }
}
