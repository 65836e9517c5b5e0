//! The dashboard's filter: all the pilot's vacancies, or those of one organisation, one quarter of
//! its period or one salary band. The server suppresses the tables of every choice together, so
//! switching between them gives no hidden number away.

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

/// A select of the filters; `filter` holds the chosen one as a query (`quarter=2024-Q1`), empty
/// for all vacancies.
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
    let option = move |(value, label): (String, String)| {
        let chosen = value.clone();
        view! { <option value=value selected=move || filter.get() == chosen>{label}</option> }
    };
    view! {
        <div class="form-field narrow-field">
            <label class="form-field__label" for="pilot-filter">{move || locale.t(Text::PilotView)}</label>
            <p class="form-field__hint" id="pilot-filter-hint">{move || locale.t(Text::PilotViewHint)}</p>
            <select id="pilot-filter" aria-describedby="pilot-filter-hint" on:change=move |e| filter.set(event_target_value(&e))>
                <option value="" selected=move || filter.get().is_empty()>{move || locale.t(Text::PilotViewAll)}</option>
                <optgroup label=move || locale.t(Text::Organisation)>{organisations.into_iter().map(option).collect_view()}</optgroup>
                <optgroup label=move || locale.t(Text::PilotViewQuarter)>{quarters.into_iter().map(option).collect_view()}</optgroup>
                <optgroup label=move || locale.t(Text::PilotViewScale)>{bands.into_iter().map(option).collect_view()}</optgroup>
            </select>
        </div>
    }
}
