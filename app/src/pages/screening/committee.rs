//! Choosing a vacancy's selection committee: committee staff of the organisation, one of them chair.
//! At least three independent scorers are advised; fewer than two gets a warning.

use api::screening::{ADVISED_SCORERS, CommitteeInput, MIN_SCORERS};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale};
use crate::session::use_session;

#[component]
pub fn CommitteeChooser(vacancy: Uuid, on_change: Callback<()>) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let candidates = RwSignal::new(Vec::new());
    let members = RwSignal::new(Vec::<Uuid>::new());
    let chair = RwSignal::new(None::<Uuid>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::committee(vacancy, ui).await {
                Ok(committee) => {
                    candidates.set(committee.candidates);
                    members.set(committee.members.iter().map(|m| m.user_id).collect());
                    chair.set(committee.members.iter().find(|m| m.chair).map(|m| m.user_id));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        let input = CommitteeInput {
            members: members.get_untracked(),
            chair: chair.get_untracked().filter(|c| members.get_untracked().contains(c)),
        };
        saved.set(false);
        spawn_local(async move {
            match client::set_committee(vacancy, &input, &csrf, ui).await {
                Ok(_) => {
                    failure.set(None);
                    saved.set(true);
                    on_change.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let toggle = move |user: Uuid, on: bool| {
        members.update(|all| {
            all.retain(|m| *m != user);
            if on {
                all.push(user);
            }
        });
        saved.set(false);
    };
    view! {
        <section class="panel" aria-labelledby="committee-heading">
            <h2 id="committee-heading">{move || locale.t(Text::Committee)}</h2>
            <p>{move || locale.t(Text::CommitteeIntro)}</p>
            <form class="form" on:submit=save>
                <fieldset class="form-field">
                    <legend class="form-field__label">{move || locale.t(Text::CommitteeMembers)}</legend>
                    {move || candidates.get().is_empty().then(|| view! { <p>{locale.t(Text::NoCommitteeStaff)}</p> })}
                    {move || candidates.get().into_iter().map(|candidate| {
                        let id = format!("member-{}", candidate.user_id);
                        let user = candidate.user_id;
                        view! {
                            <p class="checkbox">
                                <input id=id.clone() type="checkbox" prop:checked=move || members.with(|m| m.contains(&user))
                                    on:change=move |e| toggle(user, event_target_checked(&e))/>
                                <label for=id>{candidate.display_name}</label>
                            </p>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="form-field">
                    <label class="form-field__label" for="committee-chair">{move || locale.t(Text::Chair)}</label>
                    <select id="committee-chair" on:change=move |e| chair.set(event_target_value(&e).parse().ok())>
                        <option value="" selected=move || chair.get().is_none()>{move || locale.t(Text::NoChairYet)}</option>
                        {move || candidates.get().into_iter().filter(|c| members.with(|m| m.contains(&c.user_id))).map(|c| {
                            let user = c.user_id;
                            view! { <option value=user.to_string() selected=move || chair.get() == Some(user)>{c.display_name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || {
                    let count = members.with(Vec::len);
                    if count < MIN_SCORERS {
                        Some(view! { <p class="alert alert--warning">{locale.t(Text::TooFewScorers)}</p> }.into_any())
                    } else if count < ADVISED_SCORERS {
                        Some(view! { <p class="alert">{locale.t(Text::AdviseThreeScorers)}</p> }.into_any())
                    } else {
                        None
                    }
                }}
                {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.first_field_message(locale.language())}</p> })}
                <div aria-live="polite">
                    {move || saved.get().then(|| view! { <p class="alert alert--success">{locale.t(Text::CommitteeSaved)}</p> })}
                </div>
                <button type="submit" class="button button--secondary">{move || locale.t(Text::SaveCommittee)}</button>
            </form>
        </section>
    }
}
