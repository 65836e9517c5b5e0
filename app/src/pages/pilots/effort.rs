//! Effort and drop-out per arm: drafts started, how many reached each page of the questionnaire and
//! the share that left there, how many submitted and in how many minutes, and the days from closing
//! to the first hire.

use api::application::Step;
use api::evaluation::{ArmEffort, Effort};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::arm_label;
use crate::client::{self, ApiFailure};
use crate::i18n::{Locale, Text, use_locale};

fn page_label(step: Step) -> Text {
    match step {
        Step::Privacy => Text::PagePrivacy,
        Step::Monitoring => Text::PageMonitoring,
        Step::Questions => Text::PageQuestions,
        Step::Contact => Text::PageContact,
        Step::Review => Text::PageReview,
    }
}

#[component]
pub fn EffortPanel(pilot: Uuid, filter: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let effort = RwSignal::new(None::<Effort>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let filter = filter.get();
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::effort(pilot, &filter, ui).await {
                Ok(loaded) => {
                    failure.set(None);
                    effort.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <section class="panel" aria-labelledby="effort-heading">
            <h2 id="effort-heading">{move || locale.t(Text::EffortTitle)}</h2>
            <p>{move || locale.t(Text::EffortIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || effort.get().map(|e| view! { <EffortTable arms=e.arms locale/> })}
            <p><a download href=move || format!("/api/pilots/{pilot}/effort.csv?{}", filter.get())>
                {move || locale.t(Text::CsvOf).replace("{table}", locale.t(Text::EffortTitle))}
            </a></p>
        </section>
    }
}

#[component]
fn EffortTable(arms: Vec<ArmEffort>, locale: Locale) -> impl IntoView {
    let count = move |n: Option<u64>| n.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string());
    let figure = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |x| format!("{x:.0}"));
    let row = move |label: String, cells: Vec<String>| {
        view! { <tr><th scope="row">{label}</th>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }
    };
    let pages: Vec<_> = Step::ALL
        .iter()
        .enumerate()
        .map(|(i, &step)| {
            let cells = arms
                .iter()
                .map(|arm| {
                    let page = &arm.pages[i];
                    match page.left {
                        Some(left) => format!(
                            "{} · {}",
                            count(page.reached),
                            locale.t(Text::LeftThere).replace("{percent}", &format!("{:.0}", left * 100.0))
                        ),
                        None => count(page.reached),
                    }
                })
                .collect();
            row(locale.t(page_label(step)).to_owned(), cells)
        })
        .collect();
    let started = arms.iter().map(|a| count(a.started)).collect();
    let submitted = arms.iter().map(|a| count(a.submitted)).collect();
    let minutes = arms.iter().map(|a| figure(a.median_minutes_to_submit)).collect();
    let hires = arms.iter().map(|a| count(a.hires)).collect();
    let days = arms.iter().map(|a| figure(a.median_days_to_hire)).collect();
    view! {
        <div class="table-wrapper" tabindex="0">
            <table class="table">
                <caption class="visually-hidden">{locale.t(Text::EffortTitle)}</caption>
                <thead><tr>
                    <th scope="col">{locale.t(Text::Stage)}</th>
                    {arms.iter().map(|a| view! { <th scope="col">{locale.t(arm_label(a.arm))}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {row(locale.t(Text::DraftsStarted).to_owned(), started)}
                    {pages}
                    {row(locale.t(Text::DraftsSubmitted).to_owned(), submitted)}
                    {row(locale.t(Text::MedianMinutesToSubmit).to_owned(), minutes)}
                    {row(locale.t(Text::VacanciesHired).to_owned(), hires)}
                    {row(locale.t(Text::MedianDaysToHire).to_owned(), days)}
                </tbody>
            </table>
        </div>
    }
}
