//! The consensus view of one candidate's interview (`…/kandidaat/{application}/overleg`), open once
//! every interviewer submitted: the scores side by side per question, disagreements of two points
//! or more flagged, the interview score computed from them; an interviewer changes their own score
//! only with a reason, and every change stays visible as old → new. The recruiter reads along.

use api::interview::{Consensus, InterviewScoreChangeInput, InterviewerScore};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::AnchorScale;
use crate::client::{self, ApiFailure};
use crate::components::score_change::{ScoreChange, ScoreChangeForm};
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

#[component]
pub fn ConsensusPage() -> impl IntoView {
    use_title(Text::ConsensusView);
    let locale = use_locale();
    let params = use_params_map();
    let ids = move || {
        params.with(|p| Some((p.get("id")?.parse::<Uuid>().ok()?, p.get("application")?.parse::<Uuid>().ok()?)))
    };
    let consensus = RwSignal::new(None::<Consensus>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let Some((vacancy, application)) = ids() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::consensus(vacancy, application, ui).await {
                Ok(loaded) => consensus.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <div class="page">
            <p><A href="/gesprekken">{move || locale.t(Text::YourInterviews)}</A></p>
            <h1>{move || locale.t(Text::ConsensusView)}</h1>
            <p class="lead">{move || locale.t(Text::ConsensusIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || (consensus.with(Option::is_none) && failure.with(Option::is_none)).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || consensus.get().map(|loaded| view! {
                <h2>{loaded.name.clone()}" "<code>{loaded.label.clone()}</code></h2>
                <p class="score-summary">{locale.t(Text::InterviewScore)}": "<strong>{format!("{:.2}", loaded.interview_score)}</strong></p>
                {loaded.questions.into_iter().enumerate().map(|(index, question)| {
                    let heading = format!("consensus-question-{index}");
                    let labelled = heading.clone();
                    let question_id = question.question_id;
                    view! {
                        <section class="panel" class:consensus--disagree=question.disagreement aria-labelledby=labelled>
                            <h3 id=heading>{format!("{}. ", index + 1)}{question.prompt.clone()}</h3>
                            {question.disagreement.then(|| view! { <p class="alert alert--warning">{locale.t(Text::DisagreementFlag)}</p> })}
                            <ul class="panel-scores">
                                {question.scores.into_iter().map(|score| view! {
                                    <InterviewScoreLine score question_id consensus failure ids=Signal::derive(ids)/>
                                }).collect_view()}
                            </ul>
                            <details class="mask-details">
                                <summary>{locale.t(Text::AnchoredScale)}</summary>
                                <AnchorScale anchors=question.anchors.clone()/>
                            </details>
                        </section>
                    }
                }).collect_view()}
            })}
        </div>
    }
}

/// One interviewer's score, its changes, and for the interviewer's own score a form to change it.
#[component]
fn InterviewScoreLine(
    score: InterviewerScore,
    question_id: Uuid,
    consensus: RwSignal<Option<Consensus>>,
    failure: RwSignal<Option<ApiFailure>>,
    ids: Signal<Option<(Uuid, Uuid)>>,
) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let save = Callback::new(move |(score, reason, field_error): ScoreChange| {
        let Some((vacancy, application)) = ids.get_untracked() else { return };
        let input = InterviewScoreChangeInput { question_id, score, reason };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::change_interview_score(vacancy, application, &input, &csrf, ui).await {
                Ok(updated) => {
                    failure.set(None);
                    field_error.set(None);
                    consensus.set(Some(updated));
                }
                Err(error) => match error.field("reason").or_else(|| error.field("score")) {
                    Some(code) => field_error.set(Some(code)),
                    None => failure.set(Some(error)),
                },
            }
        });
    });
    view! {
        <li>
            {format!("{}: {}", score.interviewer, score.score)}{score.note.clone().map(|n| format!(" — {n}"))}
            {score.changes.iter().map(|c| view! {
                <div class="panel-scores__change">
                    {locale.t(Text::Changed).replace("{old}", &c.old.to_string()).replace("{new}", &c.new.to_string()).replace("{reason}", &c.reason)}
                </div>
            }).collect_view()}
            {score.own.then(|| view! { <ScoreChangeForm id=format!("change-{question_id}") current=score.score save/> })}
        </li>
    }
}
