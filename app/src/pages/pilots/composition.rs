//! Who applied, by group: the share of each group in the pilot arm, the control arm and the same
//! organisations' vacancies in the period before the pilot, for the funnel's variable.

use api::evaluation::{Composition, Pool, PoolCell, Variable};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::funnel::group_label;
use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale};

fn pool_label(pool: Pool) -> Text {
    match pool {
        Pool::PilotArm => Text::ArmPilot,
        Pool::ControlArm => Text::ArmControl,
        Pool::Earlier => Text::PoolEarlier,
    }
}

/// A table with a row per group and a column per pool: the count, and the share with its 95 %
/// interval.
#[component]
pub fn CompositionPanel(pilot: Uuid, variable: RwSignal<Variable>, filter: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let composition = RwSignal::new(None::<Composition>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let (chosen, filter) = (variable.get(), filter.get());
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::composition(pilot, chosen, &filter, ui).await {
                Ok(loaded) => {
                    failure.set(None);
                    composition.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let figure = move |cell: &PoolCell| {
        let count = cell.count.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string());
        match (cell.share, cell.interval) {
            (Some(share), Some((low, high))) => {
                format!("{count} · {:.0} % ({:.0}–{:.0} %)", share * 100.0, low * 100.0, high * 100.0)
            }
            _ => count,
        }
    };
    view! {
        <section class="panel" aria-labelledby="composition-heading">
            <h2 id="composition-heading">{move || locale.t(Text::CompositionTitle)}</h2>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || composition.get().map(|c| {
                let intro = locale
                    .t(Text::CompositionIntro)
                    .replace("{from}", &c.earlier_from.to_string())
                    .replace("{to}", &c.earlier_to.to_string());
                view! {
                    <p>{intro}</p>
                    <div class="table-wrapper" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{locale.t(Text::CompositionTitle)}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t(Text::Group)}</th>
                                {c.pools.iter().map(|p| view! { <th scope="col">{locale.t(pool_label(p.pool))}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {c.groups.iter().enumerate().map(|(i, group)| view! {
                                    <tr>
                                        <th scope="row">{group_label(group).map_or_else(|| group.replace('_', " "), |t| locale.t(t).to_owned())}</th>
                                        {c.pools.iter().map(|p| view! { <td>{p.cells.get(i).map(figure)}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                                <tr>
                                    <th scope="row">{locale.t(Text::Everyone)}</th>
                                    {c.pools.iter().map(|p| view! { <td>{p.total.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string())}</td> }).collect_view()}
                                </tr>
                            </tbody>
                        </table>
                    </div>
                }
            })}
            <p><a download href=move || format!("/api/pilots/{pilot}/composition.csv?variable={}&{}", variable.get().as_str(), filter.get())>
                {move || locale.t(Text::CsvOf).replace("{table}", locale.t(Text::CompositionTitle))}
            </a></p>
        </section>
    }
}
