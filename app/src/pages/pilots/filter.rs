//! The dashboard's filter: the pilot's vacancies of an organisation, a quarter of its period, a
//! salary band, or any combination of them. The server suppresses the tables of every combination
//! together, so switching between them gives no hidden number away.

use api::pilot::{Pilot, ScaleBand};
use chrono::Datelike;
use domain::evaluation::Quarter;
use leptos::prelude::*;

use super::band_label;
use crate::i18n::{Text, use_locale};

/// The quarters of the pilot's period, first to last.
fn quarters(pilot: &Pilot) -> Vec<Quarter> {
    let last = Quarter::of(pilot.ends_on.year(), pilot.ends_on.month());
    let mut all = vec![Quarter::of(pilot.starts_on.year(), pilot.starts_on.month())];
    while let Some(&latest) = all.last().filter(|q| **q < last) {
        all.push(latest.next());
    }
    all
}

/// A select per filter; `filter` holds what is chosen as a query (`quarter=2024-Q1&band=up_to_7`),
/// empty for all vacancies.
#[component]
pub fn FilterPicker(pilot: Pilot, filter: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let mut bands: Vec<ScaleBand> = pilot.vacancies.iter().map(|v| v.band).collect();
    bands.sort();
    bands.dedup();
    let organisations: Vec<(String, String)> =
        pilot.organisations.iter().map(|o| (format!("organisation={}", o.id), o.name.clone())).collect();
    let quarters: Vec<(String, String)> =
        quarters(&pilot).into_iter().map(|q| (format!("quarter={q}"), q.to_string().replace("-Q", " K"))).collect();
    let bands: Vec<(String, String)> =
        bands.into_iter().map(|b| (format!("band={}", b.as_str()), band_label(b).to_owned())).collect();
    // Organisation, quarter and band, each as its part of the query.
    let chosen: [RwSignal<String>; 3] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let choose = move |which: usize, value: String| {
        chosen[which].set(value);
        let parts: Vec<String> = chosen.iter().map(|c| c.get_untracked()).filter(|c| !c.is_empty()).collect();
        filter.set(parts.join("&"));
    };
    let select = move |(which, id, label, all, options): (usize, &'static str, Text, Text, Vec<(String, String)>)| {
        let option = move |(value, name): (String, String)| {
            let this = value.clone();
            view! { <option value=value selected=move || chosen[which].get() == this>{name}</option> }
        };
        view! {
            <div class="form-field">
                <label class="form-field__label" for=id>{move || locale.t(label)}</label>
                <select id=id aria-describedby="pilot-filter-hint" on:change=move |e| choose(which, event_target_value(&e))>
                    <option value="" selected=move || chosen[which].get().is_empty()>{move || locale.t(all)}</option>
                    {options.into_iter().map(option).collect_view()}
                </select>
            </div>
        }
    };
    let selects = [
        (0, "pilot-filter-organisation", Text::Organisation, Text::PilotViewAllOrganisations, organisations),
        (1, "pilot-filter-quarter", Text::PilotViewQuarter, Text::PilotViewAllQuarters, quarters),
        (2, "pilot-filter-band", Text::PilotViewScale, Text::PilotViewAllScales, bands),
    ];
    view! {
        <p class="form-field__hint" id="pilot-filter-hint">{move || locale.t(Text::PilotViewHint)}</p>
        <div class="form-row">{selects.into_iter().map(select).collect_view()}</div>
    }
}
