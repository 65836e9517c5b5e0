//! The vacancies open for applications, for anyone: closing soonest first, a page at a time.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::client;
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale, use_title};

#[component]
pub fn OpenVacanciesPage() -> impl IntoView {
    let locale = use_locale();
    use_title(Text::OpenVacancies);
    let page = RwSignal::new(1u64);
    let vacancies = LocalResource::new(move || client::open_vacancies(page.get(), locale.language()));
    view! {
        <div class="page page--text">
            <h1>{move || locale.t(Text::OpenVacancies)}</h1>
            <p>{move || locale.t(Text::OpenVacanciesIntro)}</p>
            {move || match vacancies.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) if list.items.is_empty() => view! { <p>{locale.t(Text::NoOpenVacancies)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="vacancy-list">
                        {list.items.into_iter().map(|vacancy| {
                            let closes = vacancy.closing_date.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default();
                            view! {
                                <li class="vacancy-list__item">
                                    <h2><A href=format!("/vacature/{}", vacancy.id)>{vacancy.title}</A></h2>
                                    <p>{vacancy.organisation_name} " · " {vacancy.location} " · " {locale.t(Text::ClosingDate)} " " {closes}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <Pagination page current=list.page per_page=list.per_page total=list.total position=Text::PageOf/>
                }.into_any(),
            }}
        </div>
    }
}
