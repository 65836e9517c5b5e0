//! Previous and next buttons for a list that grows, with where the user is.

use leptos::prelude::*;

use crate::i18n::{Text, use_locale};

/// `position` is a text such as "Page {page} of {pages} ({total} vacancies)", filled in here.
#[component]
pub fn Pagination(page: RwSignal<u64>, current: u64, per_page: u64, total: u64, position: Text) -> impl IntoView {
    let locale = use_locale();
    let pages = total.div_ceil(per_page.max(1)).max(1);
    let where_we_are = move || {
        locale
            .t(position)
            .replace("{page}", &current.to_string())
            .replace("{pages}", &pages.to_string())
            .replace("{total}", &total.to_string())
    };
    view! {
        <nav class="pagination" aria-label=move || locale.t(Text::Pagination)>
            <button type="button" class="button button--secondary" disabled={current <= 1}
                on:click=move |_| page.set(current - 1)>{move || locale.t(Text::PreviousPage)}</button>
            <span role="status">{where_we_are}</span>
            <button type="button" class="button button--secondary" disabled={current >= pages}
                on:click=move |_| page.set(current + 1)>{move || locale.t(Text::NextPage)}</button>
        </nav>
    }
}
