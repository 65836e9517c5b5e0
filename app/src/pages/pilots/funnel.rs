//! The funnel of a pilot per arm, group and stage: counts, rates with their intervals, adverse
//! impact, and the difference in differences below it for the same variable.

use api::evaluation::{ArmFunnel, Funnel, Stage, Variable};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::arm_label;
use super::composition::CompositionPanel;
use super::did::DidPanel;
use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale};

/// The name of a group of a monitoring variable (the server's stable key).
pub(super) fn group_label(group: &str) -> Option<Text> {
    Some(match group {
        "unknown" => Text::GroupUnknown,
        "netherlands" => Text::GroupNetherlands,
        "abroad" => Text::GroupAbroad,
        "europe" => Text::GroupEurope,
        "outside_europe" => Text::GroupOutsideEurope,
        "africa" => Text::GroupAfrica,
        "america" => Text::GroupAmerica,
        "asia" => Text::GroupAsia,
        "oceania" => Text::GroupOceania,
        "man" => Text::GroupMan,
        "woman" => Text::GroupWoman,
        "other" => Text::GroupOther,
        "prefer_not_to_say" => Text::GroupPreferNotToSay,
        "yes" => Text::Yes,
        "no" => Text::No,
        "low" => Text::GroupLow,
        "middle" => Text::GroupMiddle,
        "high" => Text::GroupHigh,
        _ => return None,
    })
}

pub(super) fn stage_label(stage: Stage) -> Text {
    match stage {
        Stage::Applied => Text::StageApplied,
        Stage::PassedSift => Text::StagePassedSift,
        Stage::Interviewed => Text::StageInterviewed,
        Stage::Offered => Text::StageOffered,
        Stage::Hired => Text::StageHired,
    }
}

fn variable_label(variable: Variable) -> Text {
    match variable {
        Variable::BornInNetherlands => Text::VariableBornInNetherlands,
        Variable::OutsideEurope => Text::VariableOutsideEurope,
        Variable::Continent => Text::VariableContinent,
        Variable::Gender => Text::VariableGender,
        Variable::AgeBand => Text::VariableAgeBand,
        Variable::Disability => Text::VariableDisability,
        Variable::Education => Text::VariableEducation,
    }
}

/// The funnel per arm: for each stage and group the count, the pass-through rate with its 95 %
/// interval, and the adverse-impact ratio, flagged below four fifths. Hidden cells say why.
#[component]
pub fn FunnelPanel(pilot: Uuid, filter: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let variable = RwSignal::new(Variable::BornInNetherlands);
    let funnel = RwSignal::new(None::<Funnel>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let (chosen, filter) = (variable.get(), filter.get());
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::funnel(pilot, chosen, &filter, ui).await {
                Ok(loaded) => {
                    failure.set(None);
                    funnel.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <section class="panel" aria-labelledby="funnel-heading">
            <h2 id="funnel-heading">{move || locale.t(Text::Funnel)}</h2>
            <p>{move || funnel.get().map(|f| locale.t(Text::FunnelIntro).replace("{k}", &f.k.to_string()))}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            <div class="form-field narrow-field">
                <label class="form-field__label" for="funnel-variable">{move || locale.t(Text::BreakDownBy)}</label>
                <select id="funnel-variable" on:change=move |e| {
                    let chosen = event_target_value(&e);
                    if let Some(v) = Variable::ALL.into_iter().find(|v| v.as_str() == chosen) { variable.set(v) }
                }>
                    {Variable::ALL.into_iter().map(|v| view! {
                        <option value=v.as_str() selected=move || variable.get() == v>{move || locale.t(variable_label(v))}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || funnel.get().map(|f| f.arms.into_iter().map(|arm| view! { <ArmTable arm/> }).collect_view())}
            <p><a download href=move || format!("/api/pilots/{pilot}/funnel.csv?variable={}&{}", variable.get().as_str(), filter.get())>
                {move || locale.t(Text::CsvOf).replace("{table}", locale.t(Text::Funnel))}
            </a></p>
        </section>
        <CompositionPanel pilot variable filter/>
        <DidPanel pilot variable filter/>
    }
}

#[component]
fn ArmTable(arm: ArmFunnel) -> impl IntoView {
    let locale = use_locale();
    let caption = locale.t(arm_label(arm.arm));
    if arm.groups.is_empty() {
        return view! { <h3>{caption}</h3><p>{locale.t(Text::NoApplicantsInArm)}</p> }.into_any();
    }
    view! {
        <div class="table-wrapper" tabindex="0">
            <table class="table funnel">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{locale.t(Text::Stage)}</th>
                    {arm.groups.iter().map(|g| view! { <th scope="col">{group_label(g).map_or_else(|| g.replace('_', " "), |t| locale.t(t).to_owned())}</th> }).collect_view()}
                    <th scope="col">{locale.t(Text::Everyone)}</th>
                </tr></thead>
                <tbody>
                    {arm.stages.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">{locale.t(stage_label(row.stage))}</th>
                            {row.cells.into_iter().map(|cell| {
                                let count = cell.count.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string());
                                let rate = match (cell.rate, cell.interval) {
                                    (Some(rate), Some((low, high))) => Some(format!("{:.0} % ({:.0}–{:.0} %)", rate * 100.0, low * 100.0, high * 100.0)),
                                    _ => None,
                                };
                                view! {
                                    <td class:funnel__flag=cell.adverse_impact>
                                        <span>{count}</span>
                                        {rate.map(|r| view! { <br/><span>{r}</span> })}
                                        {cell.impact_ratio.map(|ratio| view! { <br/><span>{locale.t(Text::ImpactRatio)}" "{format!("{ratio:.2}")}</span> })}
                                        {cell.adverse_impact.then(|| view! { <br/><strong>{locale.t(Text::BelowFourFifths)}</strong> })}
                                        {cell.not_enough_data.then(|| view! { <br/><span class="form-field__hint">{locale.t(Text::NotEnoughData)}</span> })}
                                    </td>
                                }
                            }).collect_view()}
                            <td>{row.total.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}
