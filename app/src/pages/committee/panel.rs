//! The panel view of one question: once every member sealed it, each answer's scores side by side,
//! with the answers that differ by two points or more marked for the calibration discussion.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::GuidePanel;
use crate::client;
use crate::i18n::{Text, use_locale, use_title};

#[component]
pub fn PanelPage() -> impl IntoView {
    use_title(Text::PanelScores);
    let locale = use_locale();
    let params = use_params_map();
    let ids =
        move || params.with(|p| Some((p.get("id")?.parse::<Uuid>().ok()?, p.get("question")?.parse::<Uuid>().ok()?)));
    let panel = LocalResource::new(move || {
        let (ids, ui) = (ids(), locale.language());
        async move {
            match ids {
                Some((vacancy, question)) => client::panel(vacancy, question, ui).await.map(Some),
                None => Ok(None),
            }
        }
    });
    view! {
        <div class="page">
            <p>{move || ids().map(|(vacancy, _)| view! { <A href=format!("/commissie/vacature/{vacancy}")>{locale.t(Text::BackToQuestions)}</A> })}</p>
            <h1>{move || locale.t(Text::PanelScores)}</h1>
            <p class="lead">{move || locale.t(Text::PanelIntro)}</p>
            {move || match panel.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(None)) => view! { <p class="alert alert--error" role="alert">{locale.t(Text::NotFoundTitle)}</p> }.into_any(),
                Some(Ok(Some(panel))) => {
                    let flagged = panel.answers.iter().filter(|a| a.disagreement).count();
                    view! {
                        <div class="sift">
                            <section class="sift__answer">
                                <p>{locale.t(Text::DisagreementsCount).replace("{count}", &flagged.to_string())}</p>
                                <div class="table-wrapper">
                                    <table class="table">
                                        <caption class="visually-hidden">{locale.t(Text::PanelScores)}</caption>
                                        <thead><tr>
                                            <th scope="col">{locale.t(Text::Answers)}</th>
                                            <th scope="col">{locale.t(Text::Scores)}</th>
                                            <th scope="col">{locale.t(Text::Mean)}</th>
                                            <th scope="col">{locale.t(Text::ToDiscuss)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {panel.answers.into_iter().map(|answer| view! {
                                                <tr class:panel-row--flagged=answer.disagreement>
                                                    <th scope="row">
                                                        <details>
                                                            <summary>{locale.t(Text::AnswerNumber).replace("{number}", &answer.number.to_string())}</summary>
                                                            <p class="masked-answer__text">{answer.text.clone()}</p>
                                                        </details>
                                                    </th>
                                                    <td>
                                                        <ul class="panel-scores">
                                                            {answer.scores.iter().map(|s| view! {
                                                                <li>{format!("{}: {}", s.member, s.score)}{s.note.clone().map(|n| format!(" — {n}"))}</li>
                                                            }).collect_view()}
                                                        </ul>
                                                    </td>
                                                    <td>{format!("{:.1}", answer.mean)}</td>
                                                    <td>{if answer.disagreement { locale.t(Text::Discuss) } else { "" }}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            </section>
                            <GuidePanel question=panel.question/>
                        </div>
                    }.into_any()
                }
            }}
        </div>
    }
}
