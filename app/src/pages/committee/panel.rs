//! The panel view of one question: once every member sealed it, each answer's scores side by side,
//! with the answers that differ by two points or more marked for the calibration discussion.

use api::committee::{Panel, PanelScore, ScoreChangeInput};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::GuidePanel;
use crate::client::{self, ApiFailure};
use crate::components::score_change::{ScoreChange, ScoreChangeForm};
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

#[component]
pub fn PanelPage() -> impl IntoView {
    use_title(Text::PanelScores);
    let locale = use_locale();
    let params = use_params_map();
    let ids =
        move || params.with(|p| Some((p.get("id")?.parse::<Uuid>().ok()?, p.get("question")?.parse::<Uuid>().ok()?)));
    let panel = RwSignal::new(None::<Panel>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let Some((vacancy, question)) = ids() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::panel(vacancy, question, ui).await {
                Ok(loaded) => panel.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <div class="page">
            <p>{move || ids().map(|(vacancy, _)| view! { <A href=format!("/commissie/vacature/{vacancy}")>{locale.t(Text::BackToQuestions)}</A> })}</p>
            <h1>{move || locale.t(Text::PanelScores)}</h1>
            <p class="lead">{move || locale.t(Text::PanelIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || panel.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || panel.get().map(|loaded| {
                let flagged = loaded.answers.iter().filter(|a| a.disagreement).count();
                view! {
                    <div class="sift">
                        <section class="sift__answer">
                            <p>{locale.t(Text::DisagreementsCount).replace("{count}", &flagged.to_string())}</p>
                            <div class="table-wrapper" tabindex="0">
                                <table class="table">
                                    <caption class="visually-hidden">{locale.t(Text::PanelScores)}</caption>
                                    <thead><tr>
                                        <th scope="col">{locale.t(Text::Answers)}</th>
                                        <th scope="col">{locale.t(Text::Scores)}</th>
                                        <th scope="col">{locale.t(Text::Mean)}</th>
                                        <th scope="col">{locale.t(Text::ToDiscuss)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {loaded.answers.into_iter().map(|answer| {
                                            let number = answer.number;
                                            view! {
                                                <tr class:panel-row--flagged=answer.disagreement>
                                                    <th scope="row">
                                                        <details>
                                                            <summary>{locale.t(Text::AnswerNumber).replace("{number}", &number.to_string())}</summary>
                                                            <p class="masked-answer__text">{answer.text.clone()}</p>
                                                        </details>
                                                    </th>
                                                    <td>
                                                        <ul class="panel-scores">
                                                            {answer.scores.into_iter().map(|s| view! {
                                                                <ScoreLine score=s number panel failure ids=Signal::derive(ids)/>
                                                            }).collect_view()}
                                                        </ul>
                                                    </td>
                                                    <td>{format!("{:.1}", answer.mean)}</td>
                                                    <td>{if answer.disagreement { locale.t(Text::Discuss) } else { "" }}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </section>
                        <GuidePanel question=loaded.question/>
                    </div>
                }
            })}
        </div>
    }
}

/// One member's score of an answer, its calibration changes, and for the member's own score a form
/// to change it with a reason.
#[component]
fn ScoreLine(
    score: PanelScore,
    number: u32,
    panel: RwSignal<Option<Panel>>,
    failure: RwSignal<Option<ApiFailure>>,
    ids: Signal<Option<(Uuid, Uuid)>>,
) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let save = Callback::new(move |(score, reason, field_error): ScoreChange| {
        let Some((vacancy, question)) = ids.get_untracked() else { return };
        let input = ScoreChangeInput { score, reason };
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::change_score(vacancy, question, number, &input, &csrf, ui).await {
                Ok(updated) => {
                    failure.set(None);
                    field_error.set(None);
                    panel.set(Some(updated));
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
            {format!("{}: {}", score.member, score.score)}{score.note.clone().map(|n| format!(" — {n}"))}
            {score.changes.iter().map(|c| view! {
                <div class="panel-scores__change">
                    {locale.t(Text::Changed).replace("{old}", &c.old.to_string()).replace("{new}", &c.new.to_string()).replace("{reason}", &c.reason)}
                </div>
            }).collect_view()}
            {score.own.then(|| view! { <ScoreChangeForm id=format!("change-{number}") current=score.score save/> })}
        </li>
    }
}
