//! The fidelity of the pilot's vacancies to the interventions: a page of vacancies, each with the
//! text check's findings before and after, the leak rate at screening, the independent scorers and
//! sealed scores, the interview's scorecards and the traceability of its requirements.

use api::evaluation::Fidelity;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::{PER_PAGE, arm_label};
use crate::client::{self, ApiFailure};
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale};

#[component]
pub fn FidelityPanel(pilot: Uuid, filter: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let page = RwSignal::new(1_u64);
    let fidelity = RwSignal::new(None::<Fidelity>);
    let failure = RwSignal::new(None::<ApiFailure>);
    // Another filter starts at its first page.
    Effect::new(move |_| {
        filter.track();
        page.set(1);
    });
    Effect::new(move |_| {
        let (at, filter) = (page.get(), filter.get());
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::fidelity(pilot, at, &filter, ui).await {
                Ok(loaded) => {
                    failure.set(None);
                    fidelity.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let count = |n: Option<u32>| n.map_or_else(|| "–".to_owned(), |n| n.to_string());
    let percent = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |x| format!("{:.0} %", x * 100.0));
    view! {
        <section class="panel" aria-labelledby="fidelity-heading">
            <h2 id="fidelity-heading">{move || locale.t(Text::FidelityTitle)}</h2>
            <p>{move || locale.t(Text::FidelityIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || fidelity.get().map(|f| {
                let total = f.total;
                view! {
                    <div class="table-wrapper" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{locale.t(Text::FidelityTitle)}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t(Text::Vacancy)}</th>
                                <th scope="col">{locale.t(Text::Arm)}</th>
                                <th scope="col">{locale.t(Text::FidelityFindings)}</th>
                                <th scope="col">{locale.t(Text::FidelityLeakRate)}</th>
                                <th scope="col">{locale.t(Text::FidelityScorers)}</th>
                                <th scope="col">{locale.t(Text::FidelitySealed)}</th>
                                <th scope="col">{locale.t(Text::FidelityScorecards)}</th>
                                <th scope="col">{locale.t(Text::FidelityTraceable)}</th>
                            </tr></thead>
                            <tbody>
                                {f.vacancies.into_iter().map(|v| view! {
                                    <tr>
                                        <th scope="row">{v.title}</th>
                                        <td>{v.arm.map_or("—", |a| locale.t(arm_label(a)))}</td>
                                        <td>{format!("{} → {}", count(v.findings_first_draft), count(v.findings_published))}</td>
                                        <td>{percent(v.leak_rate)}</td>
                                        <td>{v.independent_scorers}</td>
                                        <td>{percent(v.sealed_share)}</td>
                                        <td>{v.interview_scorecards}</td>
                                        <td>{locale.t(if v.traceable { Text::Yes } else { Text::No })}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(total > PER_PAGE).then(|| view! {
                        <Pagination page current=page.get() per_page=PER_PAGE total position=Text::VacanciesPageOf/>
                    })}
                }
            })}
            <p><a download href=move || format!("/api/pilots/{pilot}/fidelity.csv?{}", filter.get())>
                {move || locale.t(Text::CsvOf).replace("{table}", locale.t(Text::FidelityTitle))}
            </a></p>
        </section>
    }
}
