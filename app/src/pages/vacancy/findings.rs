//! The findings panel: tone, readability, and every finding grouped by category, each with its
//! explanation, source, a way to jump to it and one-click suggestions.

use domain::analysis::{Analysis, Category, Field};
use leptos::prelude::*;

use super::{CATEGORY_ORDER, category_name, severity_class, severity_name, tone_name};
use crate::i18n::{Text, use_locale};

/// How many findings of a category the panel shows before "show all".
const FIRST_SHOWN: usize = 25;

#[component]
pub fn FindingsPanel(
    analysis: Signal<Analysis>,
    /// How long the last analysis took in the browser, in milliseconds.
    analysis_ms: Signal<f64>,
    /// Jump to finding `i` (its index in `analysis.findings`).
    on_go_to: Callback<usize>,
    /// Replace finding `i`'s words with a suggestion.
    on_apply: Callback<(usize, String)>,
    /// Ignore finding `i` for this vacancy, with a reason.
    on_allow: Callback<(usize, String)>,
    /// Whether the text can still change.
    editable: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    // Long texts can have hundreds of findings: show the first ones of each category, the rest on request.
    let expanded = RwSignal::new(Vec::<Category>::new());
    view! {
        <aside class="findings" aria-labelledby="findings-title" data-analysis-ms=move || format!("{:.3}", analysis_ms.get())>
            <h2 id="findings-title" class="findings__title">
                {move || locale.t(Text::Findings)} " "
                <span class="findings__count">{move || format!("({})", analysis.with(|a| a.findings.len()))}</span>
            </h2>
            <Summary analysis/>
            {move || {
                let analysis = analysis.get();
                if analysis.findings.is_empty() {
                    return view! { <p>{locale.t(Text::NoFindings)}</p> }.into_any();
                }
                CATEGORY_ORDER
                    .into_iter()
                    .filter_map(|category| {
                        let items: Vec<(usize, domain::analysis::Finding)> = analysis
                            .findings
                            .iter()
                            .cloned()
                            .enumerate()
                            .filter(|(_, f)| f.category == category)
                            .collect();
                        if items.is_empty() {
                            return None;
                        }
                        let heading_id = format!("findings-{category:?}").to_lowercase();
                        let labelled_by = heading_id.clone();
                        Some(view! {
                            <section class="findings__group" aria-labelledby=labelled_by>
                                <h3 id=heading_id class="findings__group-title">
                                    {locale.t(category_name(category))} " (" {items.len()} ")"
                                </h3>
                                <ol class="findings__list">
                                    {items.iter().take(if expanded.with(|e| e.contains(&category)) { usize::MAX } else { FIRST_SHOWN }).cloned()
                                        .map(|(index, finding)| view! {
                                            <FindingItem index finding on_go_to on_apply on_allow editable/>
                                        }).collect_view()}
                                </ol>
                                {(items.len() > FIRST_SHOWN && !expanded.with(|e| e.contains(&category))).then(|| {
                                    let label = locale.t(Text::ShowAllFindings).replace("{n}", &items.len().to_string());
                                    view! {
                                        <button type="button" class="button button--small button--secondary"
                                            on:click=move |_| expanded.update(|e| e.push(category))>{label}</button>
                                    }
                                })}
                            </section>
                        })
                    })
                    .collect_view()
                    .into_any()
            }}
            <p class="findings__timing">
                {move || locale.t(Text::AnalysisTime)} ": " {move || format!("{:.1} ms", analysis_ms.get())}
            </p>
        </aside>
    }
}

#[component]
fn Summary(analysis: Signal<Analysis>) -> impl IntoView {
    let locale = use_locale();
    move || {
        let analysis = analysis.get();
        let gender = &analysis.gender;
        let counts = locale
            .t(Text::ToneCounts)
            .replace("{m}", &gender.masculine.to_string())
            .replace("{f}", &gender.feminine.to_string());
        // The tone bar: the feminine share of coded words, 0–100 %, half when balanced or empty.
        let coded = gender.masculine + gender.feminine;
        let feminine_share = if coded == 0 { 50.0 } else { 100.0 * gender.feminine as f64 / coded as f64 };
        let r = &analysis.readability;
        let flesch_label = match analysis.language {
            api::Language::Nl => Text::FleschDouma,
            api::Language::En => Text::FleschEnglish,
        };
        view! {
            <dl class="findings__summary">
                <div>
                    <dt>{locale.t(Text::Tone)}</dt>
                    <dd>
                        <strong>{locale.t(tone_name(gender.tone))}</strong>
                        <span class="tone-bar" aria-hidden="true">
                            <span class="tone-bar__marker" style=format!("left: {feminine_share:.0}%")></span>
                        </span>
                        <span class="findings__detail">{counts}</span>
                    </dd>
                </div>
                <div>
                    <dt>{locale.t(Text::Readability)}</dt>
                    <dd>
                        <strong>{locale.t(if r.likely_b1 { Text::LikelyB1 } else { Text::NotB1 })}</strong>
                        <span class="findings__detail">
                            {locale.t(flesch_label)} ": " {format!("{:.0}", r.flesch)}
                            {r.brouwer.map(|b| format!(" · {}: {b:.0}", locale.t(Text::Brouwer)))}
                            " · " {locale.t(Text::AverageSentence)} ": " {format!("{:.1}", r.average_sentence_length)}
                        </span>
                    </dd>
                </div>
            </dl>
        }
    }
}

#[component]
fn FindingItem(
    index: usize,
    finding: domain::analysis::Finding,
    on_go_to: Callback<usize>,
    on_apply: Callback<(usize, String)>,
    on_allow: Callback<(usize, String)>,
    editable: Signal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let language = locale.language();
    let can_ignore = finding.severity != domain::analysis::Severity::Blocking;
    let ignoring = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let too_short = RwSignal::new(false);
    // Copy handles, so the views that show and hide can use them again.
    let reason_id = StoredValue::new(format!("ignore-reason-{index}"));
    let error_id = StoredValue::new(format!("ignore-reason-{index}-error"));
    let confirm = move |_| {
        let given = reason.get_untracked();
        if given.trim().chars().count() < domain::vacancy::MIN_OVERRIDE_REASON_CHARS {
            too_short.set(true);
        } else {
            too_short.set(false);
            ignoring.set(false);
            on_allow.run((index, given));
        }
    };
    let class = format!("finding finding--{}", severity_class(finding.severity));
    let place = match finding.field {
        Field::Text => None,
        Field::Title => Some(Text::InTitle),
        Field::Requirements => Some(Text::InRequirements),
    };
    let can_go_to = finding.span.is_some() && finding.field == Field::Text;
    let suggestions: Vec<String> = finding.suggestions.iter().take(3).cloned().collect();
    view! {
        <li class=class>
            <p class="finding__head">
                <span class="finding__number">{index + 1}</span>
                <span class="finding__severity">{locale.t(severity_name(finding.severity))}</span>
                {finding.matched.clone().map(|m| view! { <q class="finding__matched">{m}</q> })}
                {place.map(|p| view! { <span class="finding__place">{locale.t(p)}</span> })}
            </p>
            <p class="finding__explanation">{finding.explanation.get(language).to_owned()}</p>
            <div class="finding__actions">
                {can_go_to.then(|| view! {
                    <button type="button" class="button button--small button--secondary" on:click=move |_| on_go_to.run(index)>
                        {locale.t(Text::GoTo)} <span class="visually-hidden">{format!(" {}", index + 1)}</span>
                    </button>
                })}
                {suggestions.into_iter().map(|suggestion| {
                    let label = format!("{} ‘{suggestion}’", locale.t(Text::ReplaceWith));
                    view! {
                        <button type="button" class="button button--small" disabled=move || !editable.get()
                            on:click=move |_| on_apply.run((index, suggestion.clone()))>{label}</button>
                    }
                }).collect_view()}
            </div>
            {can_ignore.then(|| view! {
                <Show when=move || editable.get() && !ignoring.get()>
                    <button type="button" class="button button--small button--secondary" on:click=move |_| ignoring.set(true)>
                        {locale.t(Text::Ignore)}
                    </button>
                </Show>
                <Show when=move || ignoring.get()>
                    <div class="finding__ignore">
                        <label for=reason_id.get_value()>{locale.t(Text::IgnoreReason)}</label>
                        <Show when=move || too_short.get()>
                            <p class="form-field__error" id=error_id.get_value()>{locale.t(Text::ReasonTooShort)}</p>
                        </Show>
                        <input id=reason_id.get_value() type="text" bind:value=reason
                            aria-invalid=move || too_short.get().to_string()
                            aria-describedby=move || too_short.get().then(|| error_id.get_value())/>
                        <div class="finding__actions">
                            <button type="button" class="button button--small" on:click=confirm>{locale.t(Text::ConfirmIgnore)}</button>
                            <button type="button" class="button button--small button--secondary" on:click=move |_| ignoring.set(false)>
                                {locale.t(Text::Cancel)}
                            </button>
                        </div>
                    </div>
                </Show>
            })}
            <details class="finding__source">
                <summary>{locale.t(Text::Source)}</summary>
                <p>{finding.source.clone()}</p>
            </details>
        </li>
    }
}
