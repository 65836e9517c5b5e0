//! The recruiter's interview page (`/beheer/vacatures/{id}/gesprek`): the kit (questions from the
//! bank or new, each with follow-ups, a time, a weight, an anchored scale and the requirements it
//! assesses, in interview order), the traceability of requirements across the whole procedure, and
//! the interviewers. The kit is frozen once the first interview is scored.

use api::interview::{
    ADVISED_INTERVIEWERS, Anchors, InterviewBankEntry, InterviewKit, InterviewKitInput, InterviewQuestion,
    InterviewQuestionKind, Interviewers, InterviewersInput,
};
use api::vacancy::Requirement;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::kind_label;
use super::trace::TraceabilityPanel;
use crate::client::{self, ApiFailure};
use crate::components::requirement_checks::{ReorderButtons, RequirementChecks};
use crate::i18n::{Text, use_locale, use_title};
use crate::pages::vacancy::questionnaire::{new_id, shorten};
use crate::session::use_session;

fn blank() -> InterviewQuestion {
    InterviewQuestion {
        id: new_id(),
        kind: InterviewQuestionKind::Behavioural,
        prompt: String::new(),
        follow_ups: Vec::new(),
        minutes: 8,
        anchors: Anchors { anchor_1: String::new(), anchor_3: String::new(), anchor_5: String::new() },
        weight: 1,
        requirement_ids: Vec::new(),
    }
}

#[component]
pub fn InterviewKitPage() -> impl IntoView {
    use_title(Text::InterviewKit);
    let locale = use_locale();
    let session = use_session();
    let params = use_params_map();
    let vacancy = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let kit = RwSignal::new(None::<InterviewKit>);
    let questions = RwSignal::new(Vec::<InterviewQuestion>::new());
    let requirements = RwSignal::new(Vec::<Requirement>::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let saved = RwSignal::new(false);
    // Bumped after each save, so the traceability view reloads.
    let revision = RwSignal::new(0u32);
    Effect::new(move |_| {
        let Some(id) = vacancy() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match (client::interview_kit(id, ui).await, client::vacancy(id, ui).await) {
                (Ok(loaded), Ok(vacancy)) => {
                    questions.set(loaded.questions.clone());
                    requirements.set(vacancy.requirements);
                    kit.set(Some(loaded));
                }
                (Err(error), _) | (_, Err(error)) => failure.set(Some(error)),
            }
        });
    });
    let editable = Signal::derive(move || kit.with(|k| k.as_ref().is_some_and(|k| !k.frozen)));
    let bank = LocalResource::new(move || {
        let language = locale.language();
        async move { client::interview_bank(language).await.unwrap_or_default() }
    });
    let chosen = RwSignal::new(String::new());
    let add_from_bank = move |_| {
        let wanted = chosen.get_untracked();
        let entry: Option<InterviewBankEntry> =
            bank.with_untracked(|b| b.as_ref().and_then(|b| b.iter().find(|e| e.id == wanted).cloned()));
        if let Some(entry) = entry {
            questions.update(|q| q.push(entry.to_question(new_id())));
            saved.set(false);
        }
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(id) = vacancy() else { return };
        let input = InterviewKitInput { questions: questions.get_untracked() };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::save_interview_kit(id, &input, &csrf, ui).await {
                Ok(stored) => {
                    questions.set(stored.questions.clone());
                    kit.set(Some(stored));
                    failure.set(None);
                    saved.set(true);
                    revision.update(|r| *r += 1);
                }
                Err(error) => {
                    saved.set(false);
                    failure.set(Some(error));
                }
            }
        });
    };
    let minutes = move || questions.with(|q| q.iter().map(|q| u32::from(q.minutes)).sum::<u32>());

    view! {
        <div class="page">
            <p><A href=move || format!("/beheer/vacatures/{}/beoordeling", vacancy().unwrap_or_default())>{move || locale.t(Text::SiftResults)}</A></p>
            <h1>{move || locale.t(Text::InterviewKit)}</h1>
            <p class="lead">{move || locale.t(Text::InterviewKitIntro)}</p>
            <p class="button-row">
                <A href=move || format!("/gesprekken/vacature/{}/leidraad", vacancy().unwrap_or_default()) attr:class="button button--secondary">{move || locale.t(Text::PrintGuide)}</A>
                <A href=move || format!("/beheer/vacatures/{}/besluit", vacancy().unwrap_or_default()) attr:class="button button--secondary">{move || locale.t(Text::InterviewsAndDecisions)}</A>
            </p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || kit.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || kit.with(|k| k.as_ref().is_some_and(|k| k.frozen)).then(|| view! { <p class="alert">{locale.t(Text::KitFrozenNotice)}</p> })}
            <form class="form" novalidate on:submit=save>
                <section class="questionnaire" aria-labelledby="kit-heading">
                    <h2 id="kit-heading">{move || locale.t(Text::InterviewQuestions)}</h2>
                    <p class="form-field__hint">
                        {move || locale.t(Text::KitLength).replace("{count}", &questions.with(Vec::len).to_string()).replace("{minutes}", &minutes().to_string())}
                    </p>
                    <For each=move || questions.get() key=|q| q.id let:question>
                        <KitQuestionEditor questions id=question.id requirements editable failure/>
                    </For>
                    <Show when=move || editable.get()>
                        <div class="questionnaire__add">
                            <div class="form-field">
                                <label class="form-field__label" for="interview-bank">{move || locale.t(Text::InterviewBank)}</label>
                                <p class="form-field__hint">{move || locale.t(Text::InterviewBankHelp)}</p>
                                <div class="button-row">
                                    <select id="interview-bank" on:change=move |e| chosen.set(event_target_value(&e))>
                                        <option value="">{move || locale.t(Text::ChooseQuestion)}</option>
                                        {move || bank.get().map(|entries| entries.iter().map(|entry| {
                                            let label = format!("{} — {}: {}", entry.competency, locale.t(kind_label(entry.kind)), shorten(&entry.prompt, 70));
                                            view! { <option value=entry.id.clone()>{label}</option> }
                                        }).collect_view())}
                                    </select>
                                    <button type="button" class="button button--secondary button--small" on:click=add_from_bank
                                        disabled=move || chosen.with(String::is_empty)>{move || locale.t(Text::AddFromBank)}</button>
                                    <button type="button" class="button button--secondary button--small"
                                        on:click=move |_| questions.update(|q| q.push(blank()))>{move || locale.t(Text::AddEmptyQuestion)}</button>
                                </div>
                            </div>
                        </div>
                        <p class="button-row">
                            <button type="submit" class="button">{move || locale.t(Text::SaveKit)}</button>
                            <span aria-live="polite">{move || saved.get().then(|| locale.t(Text::KitSaved))}</span>
                        </p>
                    </Show>
                </section>
            </form>
            {move || vacancy().map(|id| view! { <TraceabilityPanel vacancy=id revision/> })}
            {move || vacancy().map(|id| view! { <InterviewersPanel vacancy=id/> })}
        </div>
    }
}

/// One question of the kit.
#[component]
fn KitQuestionEditor(
    questions: RwSignal<Vec<InterviewQuestion>>,
    id: Uuid,
    requirements: RwSignal<Vec<Requirement>>,
    editable: Signal<bool>,
    failure: RwSignal<Option<ApiFailure>>,
) -> impl IntoView {
    let locale = use_locale();
    let question = move || questions.with(|q| q.iter().find(|q| q.id == id).cloned());
    let position = move || questions.with(|q| q.iter().position(|q| q.id == id).unwrap_or(0));
    let update = move |change: &dyn Fn(&mut InterviewQuestion)| {
        questions.update(|all| {
            if let Some(question) = all.iter_mut().find(|q| q.id == id) {
                change(question);
            }
        })
    };
    let error = move || {
        failure
            .with(|f| f.as_ref().and_then(|f| f.field(&format!("questions.{}", position()))))
            .map(|code| code.message(locale.language()))
    };
    let move_by = move |delta: isize| {
        questions.update(|all| {
            let from = all.iter().position(|q| q.id == id).unwrap_or(0);
            let to = from.saturating_add_signed(delta).min(all.len().saturating_sub(1));
            all.swap(from, to);
        })
    };
    let field = move |name: &str| format!("kit-{id}-{name}");
    let anchor =
        move |pick: fn(&Anchors) -> &String| move || question().map(|q| pick(&q.anchors).clone()).unwrap_or_default();
    let set_anchor = move |change: fn(&mut Anchors, String)| {
        move |e: leptos::ev::Event| {
            let value = event_target_value(&e);
            update(&|q| change(&mut q.anchors, value.clone()));
        }
    };
    let kind = move || question().map_or(InterviewQuestionKind::Behavioural, |q| q.kind);
    let toggle = Callback::new(move |(requirement, checked): (Uuid, bool)| {
        update(&|q| {
            q.requirement_ids.retain(|r| *r != requirement);
            if checked {
                q.requirement_ids.push(requirement);
            }
        })
    });

    view! {
        <fieldset class="question-editor" id=move || format!("kit-question-{}", position())
            class:form-field--invalid=move || error().is_some()>
            <legend>{move || format!("{} {}", locale.t(Text::Question), position() + 1)} " — " {move || locale.t(kind_label(kind()))}</legend>
            {move || error().map(|message| view! { <p class="form-field__error">{message}</p> })}
            <div class="form-row">
                <div class="form-field">
                    <label for=field("kind")>{move || locale.t(Text::QuestionKind)}</label>
                    <select id=field("kind") disabled=move || !editable.get()
                        on:change=move |e| {
                            let chosen = if event_target_value(&e) == "situational" { InterviewQuestionKind::Situational } else { InterviewQuestionKind::Behavioural };
                            update(&|q| q.kind = chosen);
                        }>
                        {[(InterviewQuestionKind::Behavioural, "behavioural"), (InterviewQuestionKind::Situational, "situational")].into_iter().map(|(option, value)| view! {
                            <option value=value selected=move || kind() == option>{move || locale.t(kind_label(option))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-field">
                    <label for=field("minutes")>{move || locale.t(Text::Minutes)}</label>
                    <input id=field("minutes") type="number" min="1" max="30" readonly=move || !editable.get()
                        prop:value=move || question().map_or(8, |q| q.minutes).to_string()
                        on:input=move |e| { let minutes = event_target_value(&e).parse().unwrap_or(0); update(&|q| q.minutes = minutes); }/>
                </div>
                <div class="form-field">
                    <label for=field("weight")>{move || locale.t(Text::Weight)}</label>
                    <select id=field("weight") disabled=move || !editable.get()
                        on:change=move |e| { let weight = event_target_value(&e).parse().unwrap_or(1); update(&|q| q.weight = weight); }>
                        {(1..=5u8).map(|w| view! { <option value=w.to_string() selected=move || question().is_some_and(|q| q.weight == w)>{w}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="form-field">
                <label for=field("prompt")>{move || locale.t(Text::QuestionPrompt)}</label>
                <textarea id=field("prompt") rows="3" readonly=move || !editable.get()
                    prop:value=move || question().map(|q| q.prompt).unwrap_or_default()
                    on:input=move |e| { let value = event_target_value(&e); update(&|q| q.prompt = value.clone()); }></textarea>
            </div>
            <div class="form-field">
                <label for=field("follow-ups")>{move || locale.t(Text::FollowUps)}</label>
                <p class="form-field__hint" id=field("follow-ups-hint")>{move || locale.t(Text::FollowUpsHelp)}</p>
                <textarea id=field("follow-ups") rows="3" readonly=move || !editable.get() aria-describedby=field("follow-ups-hint")
                    prop:value=move || question().map(|q| q.follow_ups.join("\n")).unwrap_or_default()
                    on:input=move |e| {
                        let value = event_target_value(&e);
                        update(&|q| q.follow_ups = value.lines().map(str::to_owned).collect());
                    }></textarea>
            </div>
            <fieldset class="form-fieldset scoring-guide">
                <legend>{move || locale.t(Text::AnchoredScale)}</legend>
                <p class="form-field__hint">{move || locale.t(Text::AnchoredScaleHelp)}</p>
                <div class="form-field">
                    <label for=field("anchor-1")>{move || locale.t(Text::Anchor1)}</label>
                    <textarea id=field("anchor-1") rows="2" readonly=move || !editable.get()
                        prop:value=anchor(|a| &a.anchor_1) on:input=set_anchor(|a, v| a.anchor_1 = v)></textarea>
                </div>
                <div class="form-field">
                    <label for=field("anchor-3")>{move || locale.t(Text::Anchor3)}</label>
                    <textarea id=field("anchor-3") rows="2" readonly=move || !editable.get()
                        prop:value=anchor(|a| &a.anchor_3) on:input=set_anchor(|a, v| a.anchor_3 = v)></textarea>
                </div>
                <div class="form-field">
                    <label for=field("anchor-5")>{move || locale.t(Text::Anchor5)}</label>
                    <textarea id=field("anchor-5") rows="2" readonly=move || !editable.get()
                        prop:value=anchor(|a| &a.anchor_5) on:input=set_anchor(|a, v| a.anchor_5 = v)></textarea>
                </div>
            </fieldset>
            <RequirementChecks prefix=format!("kit-{id}")
                requirements=Signal::derive(move || requirements.with(|all| all.iter().map(|r| (r.id, r.text.clone())).collect()))
                assessed=Signal::derive(move || question().map(|q| q.requirement_ids).unwrap_or_default())
                editable on_toggle=toggle/>
            <Show when=move || editable.get()>
                <ReorderButtons position=Signal::derive(position) count=Signal::derive(move || questions.with(Vec::len))
                    on_move=Callback::new(move_by) on_remove=Callback::new(move |()| questions.update(|all| all.retain(|q| q.id != id)))/>
            </Show>
        </fieldset>
    }
}

/// The interviewers of the vacancy: staff with the committee or recruiter role; a warning below two.
#[component]
fn InterviewersPanel(vacancy: Uuid) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let loaded = RwSignal::new(None::<Interviewers>);
    let chosen = RwSignal::new(Vec::<Uuid>::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::interviewers(vacancy, ui).await {
                Ok(found) => {
                    chosen.set(found.interviewers.iter().map(|i| i.user_id).collect());
                    loaded.set(Some(found));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = InterviewersInput { interviewers: chosen.get_untracked() };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::set_interviewers(vacancy, &input, &csrf, ui).await {
                Ok(stored) => {
                    loaded.set(Some(stored));
                    failure.set(None);
                    saved.set(true);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let saved_count = move || loaded.with(|l| l.as_ref().map_or(0, |l| l.interviewers.len()));
    view! {
        <section class="panel" aria-labelledby="interviewers-heading">
            <h2 id="interviewers-heading">{move || locale.t(Text::Interviewers)}</h2>
            <p>{move || locale.t(Text::InterviewersIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.first_field_message(locale.language())}</p> })}
            {move || (loaded.with(Option::is_some) && saved_count() < ADVISED_INTERVIEWERS).then(|| view! {
                <p class="alert alert--warning">{locale.t(Text::FewInterviewers)}</p>
            })}
            <form class="form" novalidate on:submit=save>
                <fieldset class="form-fieldset">
                    <legend>{move || locale.t(Text::ChooseInterviewers)}</legend>
                    {move || loaded.get().map(|l| l.candidates.into_iter().map(|staff| {
                        let box_id = format!("interviewer-{}", staff.user_id);
                        let user = staff.user_id;
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=box_id.clone() prop:checked=move || chosen.with(|c| c.contains(&user))
                                    on:change=move |e| {
                                        let checked = event_target_checked(&e);
                                        saved.set(false);
                                        chosen.update(|c| { c.retain(|u| *u != user); if checked { c.push(user); } });
                                    }/>
                                <label for=box_id>{staff.display_name.clone()}</label>
                            </div>
                        }
                    }).collect_view())}
                </fieldset>
                <p class="button-row">
                    <button type="submit" class="button">{move || locale.t(Text::SaveInterviewers)}</button>
                    <span aria-live="polite">{move || saved.get().then(|| locale.t(Text::InterviewersSaved))}</span>
                </p>
            </form>
        </section>
    }
}
