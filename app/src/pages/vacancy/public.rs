//! A published vacancy as applicants see it: readable, in the vacancy's language, with the
//! explanation of the anonymous procedure and the way to apply.

use api::vacancy::RequirementKind;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::client;
use crate::i18n::{Text, text, use_locale};

#[component]
pub fn PublicVacancyPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let vacancy = LocalResource::new(move || {
        let id = params.with(|p| p.get("id")).and_then(|id| Uuid::parse_str(&id).ok());
        let language = locale.language();
        async move {
            match id {
                Some(id) => client::public_vacancy(id, language).await.ok(),
                None => None,
            }
        }
    });
    Effect::new(move |_| {
        let title = vacancy.get().flatten().map(|v| v.title).unwrap_or_else(|| locale.t(Text::Vacancies).to_owned());
        document().set_title(&format!("{title} · Breedwerf"));
    });
    move || match vacancy.get() {
        None => view! { <p class="page" role="status">{locale.t(Text::Loading)}</p> }.into_any(),
        Some(None) => view! {
            <div class="page">
                <h1>{locale.t(Text::NotFoundTitle)}</h1>
                <p>{locale.t(Text::VacancyNotFound)}</p>
            </div>
        }
        .into_any(),
        Some(Some(vacancy)) => {
            // The vacancy speaks its own language, whatever the site's language is.
            let language = vacancy.language;
            let t = move |key: Text| text(language, key);
            let facts: Vec<String> = [
                Some(vacancy.organisation_name.clone()),
                Some(vacancy.location.clone()),
                vacancy.salary_scale.map(|s| t(Text::ScaleValue).replace("{scale}", &s.to_string())),
                vacancy.hours_per_week.map(|h| t(Text::HoursValue).replace("{hours}", &h.to_string())),
            ]
            .into_iter()
            .flatten()
            .collect();
            let closing = vacancy.closing_date.map(|d| d.format("%d-%m-%Y").to_string());
            let must: Vec<String> = vacancy
                .requirements
                .iter()
                .filter(|r| r.kind == RequirementKind::MustHave)
                .map(|r| r.text.clone())
                .collect();
            let nice: Vec<String> = vacancy
                .requirements
                .iter()
                .filter(|r| r.kind == RequirementKind::NiceToHave)
                .map(|r| r.text.clone())
                .collect();
            view! {
                <article class="page page--text vacancy" lang=language.tag()>
                    <h1>{vacancy.title.clone()}</h1>
                    <ul class="vacancy__facts">{facts.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                    <div class="vacancy__text">{vacancy.text.clone()}</div>
                    {(!must.is_empty() || !nice.is_empty()).then(|| view! {
                        <h2>{t(Text::WhatWeAsk)}</h2>
                        <ul>{must.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        {(!nice.is_empty()).then(|| view! {
                            <h3>{t(Text::NiceExtra)}</h3>
                            <ul>{nice.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        })}
                    })}
                    <section class="vacancy__procedure" aria-labelledby="procedure-title">
                        <h2 id="procedure-title">{t(Text::AnonymousProcedureTitle)}</h2>
                        <p>{t(Text::AnonymousProcedure)}</p>
                    </section>
                    <section class="vacancy__apply" aria-labelledby="apply-title">
                        <h2 id="apply-title">{t(Text::PublicApply)}</h2>
                        {closing.map(|date| view! { <p><strong>{t(Text::ClosingDate)}</strong> ": " {date}</p> })}
                        {if vacancy.open_for_applications {
                            view! {
                                <p>{t(Text::PublicApplyHow)}</p>
                                <p><A href=format!("/vacature/{}/solliciteren", vacancy.id) attr:class="button">{t(Text::ApplyButton)}</A></p>
                            }.into_any()
                        } else {
                            view! { <p class="alert">{api::problem::ErrorCode::VacancyClosed.message(language)}</p> }.into_any()
                        }}
                    </section>
                </article>
            }
            .into_any()
        }
    }
}
