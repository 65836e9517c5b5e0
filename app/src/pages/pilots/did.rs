//! The difference in differences per group: a plot of each estimate with its interval, and a
//! table of the same numbers.

use api::evaluation::{DidRow, DifferenceInDifferences, Stage, Variable};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::funnel::{group_label, stage_label};
use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale};

/// The difference in differences per group against the reference group, at a chosen stage: a plot
/// of each estimate with its interval, and the same numbers in a table beside it.
#[component]
pub fn DidPanel(pilot: Uuid, variable: RwSignal<Variable>, filter: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let stage = RwSignal::new(Stage::PassedSift);
    let did = RwSignal::new(None::<DifferenceInDifferences>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let (chosen, at, filter) = (variable.get(), stage.get(), filter.get());
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::difference_in_differences(pilot, (chosen, at), &filter, ui).await {
                Ok(loaded) => {
                    failure.set(None);
                    did.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let percent = |x: f64| format!("{:+.1} %", x * 100.0);
    view! {
        <section class="panel" aria-labelledby="did-heading">
            <h2 id="did-heading">{move || locale.t(Text::DidTitle)}</h2>
            <p>{move || did.get().map(|d| locale.t(Text::DidIntro).replace("{reference}", &group_label(&d.reference).map_or(d.reference.clone(), |t| locale.t(t).to_owned())).replace("{resamples}", &d.resamples.to_string()))}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            <div class="form-field narrow-field">
                <label class="form-field__label" for="did-stage">{move || locale.t(Text::Stage)}</label>
                <select id="did-stage" on:change=move |e| {
                    if let Some(s) = Stage::ALL.into_iter().skip(1).find(|s| s.as_str() == event_target_value(&e)) { stage.set(s) }
                }>
                    {Stage::ALL.into_iter().skip(1).map(|s| view! {
                        <option value=s.as_str() selected=move || stage.get() == s>{move || locale.t(stage_label(s))}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || did.get().map(|d| {
                let rows = d.rows.clone();
                view! {
                    <DidPlot rows=rows.clone()/>
                    <div class="table-wrapper" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{locale.t(Text::DidTitle)}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t(Text::Group)}</th>
                                <th scope="col">{locale.t(Text::PilotGap)}</th>
                                <th scope="col">{locale.t(Text::ControlGap)}</th>
                                <th scope="col">{locale.t(Text::DidEstimate)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| view! {
                                    <tr>
                                        <th scope="row">{group_label(&row.group).map_or_else(|| row.group.clone(), |t| locale.t(t).to_owned())}</th>
                                        <td>{row.pilot_gap.map_or_else(String::new, percent)}</td>
                                        <td>{row.control_gap.map_or_else(String::new, percent)}</td>
                                        <td>{match (row.estimate, row.interval) {
                                            (Some(e), Some((low, high))) => format!("{} ({} – {})", percent(e), percent(low), percent(high)),
                                            (Some(e), None) => format!("{} ({})", percent(e), locale.t(Text::NoInterval)),
                                            _ => locale.t(Text::NotEnoughData).to_owned(),
                                        }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
            <p><a download
                href=move || format!("/api/pilots/{pilot}/did.csv?variable={}&stage={}&{}", variable.get().as_str(), stage.get().as_str(), filter.get())>
                {move || locale.t(Text::CsvOf).replace("{table}", locale.t(Text::DidTitle))}
            </a></p>
        </section>
    }
}

/// Each group's estimate as a dot with its interval as a line, on a scale of −50 to +50 points,
/// zero marked. The table beside it carries the same numbers for whoever cannot see the plot.
#[component]
fn DidPlot(rows: Vec<DidRow>) -> impl IntoView {
    let locale = use_locale();
    let shown: Vec<DidRow> = rows.into_iter().filter(|r| r.estimate.is_some()).collect();
    if shown.is_empty() {
        return ().into_any();
    }
    let x = |value: f64| 50.0 + value.clamp(-0.5, 0.5) * 180.0;
    let height = 24 * shown.len() + 24;
    view! {
        <svg class="did-plot" viewBox=format!("0 0 240 {height}") role="img" aria-label=locale.t(Text::DidPlotLabel)>
            <line x1=x(0.0) x2=x(0.0) y1="0" y2=height.to_string() class="did-plot__zero"/>
            <text x=x(-0.5) y=(height - 4).to_string() class="did-plot__axis">"−50"</text>
            <text x=x(0.0) y=(height - 4).to_string() class="did-plot__axis">"0"</text>
            <text x={x(0.5) - 14.0} y=(height - 4).to_string() class="did-plot__axis">"+50"</text>
            {shown.into_iter().enumerate().map(|(i, row)| {
                let y = 16 + 24 * i;
                let estimate = row.estimate.unwrap_or_default();
                let (low, high) = row.interval.unwrap_or((estimate, estimate));
                view! {
                    <line x1=x(low) x2=x(high) y1=y.to_string() y2=y.to_string() class="did-plot__interval"/>
                    <circle cx=x(estimate) cy=y.to_string() r="4" class="did-plot__estimate"/>
                }
            }).collect_view()}
        </svg>
    }
    .into_any()
}
