//! Fixing the shortlist on the pseudonymous ranking, and the two-person unblinding: the recruiter
//! asks, the committee chair confirms, and only then does the recruiter see the shortlisted
//! candidates' contact details. Those not on the shortlist are told by e-mail and stay anonymous.

use api::problem::ErrorCode;
use api::ranking::{RankedCandidate, Shortlist, ShortlistInput, ShortlistMethod, ShortlistedIdentity, Unblinding};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale};
use crate::session::use_session;

#[component]
pub fn ShortlistPanel(vacancy: Uuid, ranked: Vec<RankedCandidate>) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let shortlist = RwSignal::new(None::<Shortlist>);
    let loaded = RwSignal::new(false);
    let identities = RwSignal::new(None::<Vec<ShortlistedIdentity>>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let field_errors = RwSignal::new(Vec::<(String, ErrorCode)>::new());
    let load_identities = move || {
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::shortlist_identities(vacancy, ui).await {
                Ok(opened) => identities.set(Some(opened)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let show = move |fixed: Shortlist| {
        if fixed.unblinding == Unblinding::Confirmed && identities.get_untracked().is_none() {
            load_identities();
        }
        shortlist.set(Some(fixed));
    };
    Effect::new(move |_| {
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::shortlist(vacancy, ui).await {
                Ok(found) => {
                    if let Some(fixed) = found {
                        show(fixed);
                    }
                    loaded.set(true);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });

    let method = RwSignal::new(ShortlistMethod::Top);
    let top = RwSignal::new(String::from("3"));
    let threshold = RwSignal::new(String::from("3.0"));
    let picked = RwSignal::new(Vec::<String>::new());
    let rationale = RwSignal::new(String::new());
    let fix = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = ShortlistInput {
            method: method.get_untracked(),
            top: top.get_untracked().trim().parse().ok(),
            threshold: threshold.get_untracked().trim().replace(',', ".").parse().ok(),
            labels: picked.get_untracked(),
            rationale: rationale.get_untracked(),
        };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::fix_shortlist(vacancy, &input, &csrf, ui).await {
                Ok(fixed) => {
                    failure.set(None);
                    field_errors.set(Vec::new());
                    show(fixed);
                }
                Err(ApiFailure::Problem(problem)) if !problem.fields.is_empty() => {
                    field_errors.set(problem.fields.iter().map(|f| (f.field.clone(), f.code)).collect());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let ask = move |_| {
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::request_unblinding(vacancy, &csrf, ui).await {
                Ok(fixed) => show(fixed),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let field_error = move |name: &'static str| {
        move || {
            field_errors
                .with(|all| all.iter().find(|(f, _)| f == name).map(|(_, code)| code.message(locale.language())))
        }
    };
    let ranked = StoredValue::new(ranked);

    view! {
        <section class="panel" aria-labelledby="shortlist-heading">
            <h2 id="shortlist-heading">{move || locale.t(Text::Shortlist)}</h2>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || match shortlist.get() {
                None if !loaded.get() => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                None => view! {
                    <p>{locale.t(Text::ShortlistIntro)}</p>
                    <form class="form" on:submit=fix novalidate>
                        <fieldset class="form-field" class:form-field--invalid=move || field_error("method")().is_some()>
                            <legend class="form-field__label">{locale.t(Text::ShortlistHow)}</legend>
                            {move || field_error("method")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                            <p class="choice">
                                <input type="radio" id="method-top" name="method" prop:checked=move || method.get() == ShortlistMethod::Top
                                    on:change=move |_| method.set(ShortlistMethod::Top)/>
                                <label for="method-top">{locale.t(Text::MethodTop)}</label>
                            </p>
                            <div class="form-field narrow-field">
                                <label class="form-field__label" for="shortlist-top">{locale.t(Text::HowMany)}</label>
                                <input id="shortlist-top" type="number" min="1" bind:value=top on:focus=move |_| method.set(ShortlistMethod::Top)/>
                            </div>
                            <p class="choice">
                                <input type="radio" id="method-threshold" name="method" prop:checked=move || method.get() == ShortlistMethod::Threshold
                                    on:change=move |_| method.set(ShortlistMethod::Threshold)/>
                                <label for="method-threshold">{locale.t(Text::MethodThreshold)}</label>
                            </p>
                            <div class="form-field narrow-field">
                                <label class="form-field__label" for="shortlist-threshold">{locale.t(Text::LowestScore)}</label>
                                <input id="shortlist-threshold" type="text" inputmode="decimal" bind:value=threshold
                                    on:focus=move |_| method.set(ShortlistMethod::Threshold)/>
                            </div>
                            <p class="choice">
                                <input type="radio" id="method-hand" name="method" prop:checked=move || method.get() == ShortlistMethod::HandPicked
                                    on:change=move |_| method.set(ShortlistMethod::HandPicked)/>
                                <label for="method-hand">{locale.t(Text::MethodHandPicked)}</label>
                            </p>
                            <div class="shortlist-picks">
                                {ranked.get_value().into_iter().map(|candidate| {
                                    let id = format!("pick-{}", candidate.label);
                                    let label = candidate.label.clone();
                                    let text = format!("{}. {} ({:.2})", candidate.rank, candidate.label, candidate.score);
                                    view! {
                                        <p class="checkbox">
                                            <input id=id.clone() type="checkbox" on:change=move |e| {
                                                let on = event_target_checked(&e);
                                                method.set(ShortlistMethod::HandPicked);
                                                picked.update(|all| { all.retain(|l| *l != label); if on { all.push(label.clone()) } });
                                            }/>
                                            <label for=id>{text}</label>
                                        </p>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                        <div class="form-field" class:form-field--invalid=move || field_error("rationale")().is_some()>
                            <label class="form-field__label" for="shortlist-rationale">{locale.t(Text::ShortlistRationale)}</label>
                            <p class="form-field__hint">{locale.t(Text::ShortlistRationaleHint)}</p>
                            {move || field_error("rationale")().map(|m| view! { <p class="form-field__error" id="rationale-error">{m}</p> })}
                            <textarea id="shortlist-rationale" rows="3" prop:value=move || rationale.get()
                                aria-invalid=move || field_error("rationale")().is_some().to_string()
                                aria-describedby=move || field_error("rationale")().map(|_| "rationale-error")
                                on:input=move |e| rationale.set(event_target_value(&e))></textarea>
                        </div>
                        <button type="submit" class="button">{locale.t(Text::FixShortlist)}</button>
                    </form>
                }.into_any(),
                Some(fixed) => view! {
                    <p>{locale.t(Text::ShortlistFixedAt)}" "{fixed.decided_at.format("%d-%m-%Y %H:%M UTC").to_string()}</p>
                    <blockquote class="screened-answer__copy">{fixed.rationale.clone()}</blockquote>
                    <ol class="shortlist">
                        {fixed.candidates.iter().map(|c| view! {
                            <li><code>{c.label.clone()}</code>{format!(" ({:.2})", c.score)}</li>
                        }).collect_view()}
                    </ol>
                    <p>{locale.t(Text::OthersInformed).replace("{count}", &fixed.not_shortlisted.to_string())}</p>
                    {match fixed.unblinding {
                        Unblinding::NotRequested => view! {
                            <p>{locale.t(Text::UnblindingIntro)}</p>
                            <button type="button" class="button" on:click=ask>{locale.t(Text::RequestUnblinding)}</button>
                        }.into_any(),
                        Unblinding::Requested => view! { <p class="alert">{locale.t(Text::WaitingForChair)}</p> }.into_any(),
                        Unblinding::Confirmed => view! {
                            <h3>{locale.t(Text::ShortlistedCandidates)}</h3>
                            {move || identities.get().map(|all| view! {
                                <div class="table-wrapper" tabindex="0">
                                    <table class="table">
                                        <caption class="visually-hidden">{locale.t(Text::ShortlistedCandidates)}</caption>
                                        <thead><tr>
                                            <th scope="col">{locale.t(Text::Rank)}</th>
                                            <th scope="col">{locale.t(Text::Candidate)}</th>
                                            <th scope="col">{locale.t(Text::YourName)}</th>
                                            <th scope="col">{locale.t(Text::Email)}</th>
                                            <th scope="col">{locale.t(Text::PhoneOptional)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {all.into_iter().map(|i| view! {
                                                <tr>
                                                    <td>{i.rank}</td>
                                                    <td><code>{i.label}</code></td>
                                                    <td>{i.name}</td>
                                                    <td>{i.email}</td>
                                                    <td>{i.phone.unwrap_or_default()}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            })}
                        }.into_any(),
                    }}
                }.into_any(),
            }}
        </section>
    }
}
