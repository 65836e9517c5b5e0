//! How much the scorers agreed, for the pilot's evaluators: the pilot's medians, the drift with the
//! position in a scorer's order, and per vacancy a plot of each question's ICCs with the table of
//! every figure beside it, a page of vacancies at a time.

use api::evaluation::{Agreement, Reliability, ReliabilityVacancy, ScoreSource};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale};
use crate::pages::vacancy::questionnaire::shorten;

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |x| format!("{x:.2}"))
}

#[component]
pub fn ReliabilityPanel(pilot: Uuid, filter: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let source = RwSignal::new(ScoreSource::Sift);
    let page = RwSignal::new(1_u64);
    let reliability = RwSignal::new(None::<Reliability>);
    let failure = RwSignal::new(None::<ApiFailure>);
    // Another filter starts at its first page.
    Effect::new(move |_| {
        filter.track();
        page.set(1);
    });
    Effect::new(move |_| {
        let (chosen, at, filter) = (source.get(), page.get(), filter.get());
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::reliability(pilot, (chosen, at), &filter, ui).await {
                Ok(loaded) => {
                    failure.set(None);
                    reliability.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let choose = move |chosen: ScoreSource| {
        page.set(1);
        source.set(chosen);
    };
    view! {
        <section class="panel" aria-labelledby="reliability-heading">
            <h2 id="reliability-heading">{move || locale.t(Text::ReliabilityTitle)}</h2>
            <p>{move || locale.t(Text::ReliabilityIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            <fieldset class="form-field">
                <legend class="form-field__label">{move || locale.t(Text::ScoresOf)}</legend>
                <p class="choice">
                    <input type="radio" id="source-sift" name="reliability-source" prop:checked=move || source.get() == ScoreSource::Sift
                        on:change=move |_| choose(ScoreSource::Sift)/>
                    <label for="source-sift">{move || locale.t(Text::SourceSift)}</label>
                </p>
                <p class="choice">
                    <input type="radio" id="source-interview" name="reliability-source" prop:checked=move || source.get() == ScoreSource::Interview
                        on:change=move |_| choose(ScoreSource::Interview)/>
                    <label for="source-interview">{move || locale.t(Text::SourceInterview)}</label>
                </p>
            </fieldset>
            {move || reliability.get().map(|r| {
                let summary = if r.summary.questions == 0 {
                    locale.t(Text::ReliabilityNoData).replace("{k}", &r.k.to_string())
                } else {
                    locale
                        .t(Text::ReliabilitySummary)
                        .replace("{questions}", &r.summary.questions.to_string())
                        .replace("{single}", &figure(r.summary.median_icc_single))
                        .replace("{average}", &figure(r.summary.median_icc_average))
                        .replace("{alpha}", &figure(r.summary.median_alpha_interval))
                };
                let position = r.position.map(|p| {
                    locale
                        .t(Text::PositionEffect)
                        .replace("{slope}", &format!("{:+.2}", p.slope))
                        .replace("{low}", &format!("{:+.2}", p.low))
                        .replace("{high}", &format!("{:+.2}", p.high))
                });
                view! {
                    <p class="reliability__summary">{summary}</p>
                    {position.map(|p| view! { <p>{p}</p> })}
                    {r.vacancies.into_iter().map(|v| view! { <VacancyReliability vacancy=v/> }).collect_view()}
                    {(r.total > r.per_page).then(|| view! {
                        <Pagination page current=r.page per_page=r.per_page total=r.total position=Text::VacanciesPageOf/>
                    })}
                }
            })}
            <p><a download href=move || format!("/api/pilots/{pilot}/reliability.csv?source={}&{}", source.get().as_str(), filter.get())>
                {move || locale.t(Text::CsvOf).replace("{table}", locale.t(Text::ReliabilityTitle))}
            </a></p>
        </section>
    }
}

#[component]
fn VacancyReliability(vacancy: ReliabilityVacancy) -> impl IntoView {
    let locale = use_locale();
    let row = |label: String, agreement: Agreement| {
        let candidates = agreement.candidates.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string());
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{candidates}</td>
                <td>{agreement.scorers}</td>
                {if agreement.not_enough_data {
                    view! { <td colspan="4">{locale.t(Text::NotEnoughData)}</td> }.into_any()
                } else {
                    view! {
                        <td>{figure(agreement.icc_single)}</td>
                        <td>{figure(agreement.icc_average)}</td>
                        <td>{figure(agreement.alpha_interval)}</td>
                        <td>{figure(agreement.alpha_ordinal)}</td>
                    }.into_any()
                }}
            </tr>
        }
    };
    let leniency = (!vacancy.leniency.is_empty()).then(|| {
        let points: Vec<String> = vacancy.leniency.iter().map(|l| format!("{l:+.2}")).collect();
        locale.t(Text::Leniency).replace("{points}", &points.join(", "))
    });
    let plotted: Vec<(String, Option<f64>, Option<f64>)> = vacancy
        .questions
        .iter()
        .map(|q| (shorten(&q.label, 40), q.agreement.icc_single, q.agreement.icc_average))
        .collect();
    view! {
        <h3>{vacancy.title.clone()}</h3>
        <div class="evaluation-figure">
            <IccPlot title=vacancy.title.clone() questions=plotted/>
            <div class="table-wrapper" tabindex="0">
                <table class="table">
                    <caption class="visually-hidden">{format!("{}: {}", locale.t(Text::ReliabilityTitle), vacancy.title)}</caption>
                    <thead><tr>
                        <th scope="col">{locale.t(Text::Question)}</th>
                        <th scope="col">{locale.t(Text::Candidates)}</th>
                        <th scope="col">{locale.t(Text::Scorers)}</th>
                        <th scope="col">"ICC(2,1)"</th>
                        <th scope="col">"ICC(2,k)"</th>
                        <th scope="col">{locale.t(Text::AlphaInterval)}</th>
                        <th scope="col">{locale.t(Text::AlphaOrdinal)}</th>
                    </tr></thead>
                    <tbody>
                        {vacancy.questions.into_iter().map(|q| row(q.label, q.agreement)).collect_view()}
                        {row(locale.t(Text::AllQuestions).to_owned(), vacancy.overall)}
                    </tbody>
                </table>
            </div>
        </div>
        {leniency.map(|l| view! { <p>{l}</p> })}
    }
}

/// Per question a line from ICC(2,1) (a dot) to ICC(2,k) (a square) on a scale of 0 to 1.
#[component]
fn IccPlot(title: String, questions: Vec<(String, Option<f64>, Option<f64>)>) -> impl IntoView {
    let locale = use_locale();
    let shown: Vec<(f64, f64)> =
        questions.iter().filter_map(|(_, single, average)| Some(((*single)?, (*average)?))).collect();
    if shown.is_empty() {
        return ().into_any();
    }
    let x = |value: f64| 10.0 + value.clamp(0.0, 1.0) * 220.0;
    let height = 20 * shown.len() + 24;
    view! {
        <svg class="icc-plot" viewBox=format!("0 0 240 {height}") role="img"
            aria-label=format!("{}: {}", locale.t(Text::IccPlotLabel), title)>
            {[0.0, 0.5, 1.0].map(|tick| view! {
                <line x1=x(tick) x2=x(tick) y1="0" y2={(height - 16).to_string()} class="icc-plot__grid"/>
                <text x={x(tick) - 6.0} y={(height - 4).to_string()} class="icc-plot__axis">{format!("{tick:.1}")}</text>
            }).collect_view()}
            {shown.into_iter().enumerate().map(|(i, (single, average))| {
                let y = (12 + 20 * i).to_string();
                view! {
                    <line x1=x(single) x2=x(average) y1=y.clone() y2=y.clone() class="icc-plot__span"/>
                    <circle cx=x(single) cy=y.clone() r="4" class="icc-plot__single"/>
                    <rect x={x(average) - 4.0} y={(8 + 20 * i).to_string()} width="8" height="8" class="icc-plot__average"/>
                }
            }).collect_view()}
        </svg>
    }
    .into_any()
}
