//! The recruiter's vacancies: search, status, paging.

use api::vacancy::Arm;
use leptos::prelude::*;
use leptos_router::components::A;

use super::status_name;
use crate::client;
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale, use_title};

#[component]
pub fn VacancyListPage() -> impl IntoView {
    use_title(Text::Vacancies);
    let locale = use_locale();
    let page = RwSignal::new(1u64);
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let vacancies = LocalResource::new(move || {
        let (page, query, language) = (page.get(), query.get(), locale.language());
        async move { client::vacancies(page, &query, language).await }
    });
    let search = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        page.set(1);
        query.set(typed.get_untracked());
    };
    view! {
        <div class="page">
            <h1>{move || locale.t(Text::YourVacancies)}</h1>
            <p><A href="/beheer/vacatures/nieuw" attr:class="button">{move || locale.t(Text::NewVacancy)}</A></p>
            <form class="search" role="search" on:submit=search>
                <label for="vacancy-search">{move || locale.t(Text::SearchTitles)}</label>
                <div class="search__row">
                    <input id="vacancy-search" type="search" bind:value=typed/>
                    <button type="submit" class="button button--secondary">{move || locale.t(Text::Search)}</button>
                </div>
            </form>
            {move || match vacancies.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) if list.items.is_empty() => {
                    let empty = if query.get().is_empty() { Text::NoVacancies } else { Text::NoVacanciesFound };
                    view! { <p role="status">{locale.t(empty)}</p> }.into_any()
                }
                Some(Ok(list)) => {
                    view! {
                        <div class="table-wrapper" tabindex="0">
                            <table class="table">
                                <caption class="visually-hidden">{locale.t(Text::YourVacancies)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{locale.t(Text::Title)}</th>
                                        <th scope="col">{locale.t(Text::Status)}</th>
                                        <th scope="col">{locale.t(Text::Arm)}</th>
                                        <th scope="col">{locale.t(Text::LastChanged)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.items.into_iter().map(|vacancy| view! {
                                        <tr>
                                            <td><A href=format!("/beheer/vacatures/{}", vacancy.id)>{vacancy.title}</A></td>
                                            <td>{locale.t(status_name(vacancy.status))}</td>
                                            <td>{match vacancy.arm {
                                                Some(Arm::Pilot) => locale.t(Text::ArmPilot),
                                                Some(Arm::Control) => locale.t(Text::ArmControl),
                                                None => "–",
                                            }}</td>
                                            <td>{vacancy.updated_at.format("%Y-%m-%d %H:%M").to_string()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <Pagination page current=list.page per_page=list.per_page total=list.total position=Text::VacanciesPageOf/>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}
