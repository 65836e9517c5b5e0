//! The e-mail outbox, for the admin of a demo (no mail server is configured there).

use leptos::prelude::*;

use crate::client;
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale, use_title};

#[component]
pub fn OutboxPage() -> impl IntoView {
    let locale = use_locale();
    use_title(Text::Outbox);
    let page = RwSignal::new(1u64);
    let messages = LocalResource::new(move || client::outbox(page.get(), locale.language()));
    view! {
        <div class="page page--text">
            <h1>{move || locale.t(Text::Outbox)}</h1>
            <p>{move || locale.t(Text::OutboxIntro)}</p>
            {move || match messages.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) if list.items.is_empty() => view! { <p>{locale.t(Text::OutboxEmpty)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    {list.items.into_iter().map(|message| view! {
                        <article class="message">
                            <h2>{message.subject}</h2>
                            <p class="message__meta">{locale.t(Text::To)} ": " {message.to} " · " {message.created_at.format("%d-%m-%Y %H:%M UTC").to_string()}</p>
                            <pre class="message__body">{message.body}</pre>
                        </article>
                    }).collect_view()}
                    <Pagination page current=list.page per_page=list.per_page total=list.total position=Text::PageOf/>
                }.into_any(),
            }}
        </div>
    }
}
