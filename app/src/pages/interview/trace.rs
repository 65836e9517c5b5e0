//! Traceability across the whole procedure: each requirement of the vacancy against the
//! questionnaire items and interview questions that assess it. A must-have that nothing assesses is
//! flagged, and so is a question that assesses nothing in the vacancy.

use api::interview::{RequirementKind, Traceability, TracedItem};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale};

#[component]
pub fn TraceabilityPanel(vacancy: Uuid, revision: RwSignal<u32>) -> impl IntoView {
    let locale = use_locale();
    let trace = RwSignal::new(None::<Traceability>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        revision.track();
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::traceability(vacancy, ui).await {
                Ok(loaded) => trace.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let items = |items: Vec<TracedItem>, prefix: &'static str| {
        items
            .into_iter()
            .map(move |item| view! { <li>{format!("{prefix}{}: ", item.number)}{item.prompt}</li> })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="trace-heading">
            <h2 id="trace-heading">{move || locale.t(Text::Traceability)}</h2>
            <p>{move || locale.t(Text::TraceabilityIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || trace.get().map(|trace| {
                let (written, spoken) = (locale.t(Text::QuestionnaireShort), locale.t(Text::InterviewShort));
                view! {
                    {if trace.complete {
                        view! { <p class="alert alert--success">{locale.t(Text::TraceComplete)}</p> }.into_any()
                    } else {
                        view! { <p class="alert alert--warning">{locale.t(Text::TraceIncomplete)}</p> }.into_any()
                    }}
                    <div class="table-wrapper" tabindex="0">
                        <table class="table trace">
                            <caption class="visually-hidden">{locale.t(Text::Traceability)}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t(Text::Requirement)}</th>
                                <th scope="col">{locale.t(Text::QuestionnaireTitle)}</th>
                                <th scope="col">{locale.t(Text::InterviewQuestions)}</th>
                            </tr></thead>
                            <tbody>
                                {trace.requirements.into_iter().map(|r| {
                                    let kind = locale.t(if r.kind == RequirementKind::MustHave { Text::MustHave } else { Text::NiceToHave });
                                    view! {
                                        <tr class:trace__flagged=r.flagged>
                                            <th scope="row">
                                                {r.text}" "<span class="tag">{kind}</span>
                                                {r.flagged.then(|| view! { <p class="trace__flag"><strong>{locale.t(Text::NothingAssesses)}</strong></p> })}
                                            </th>
                                            <td><ul class="plain-list">{items(r.questions, written)}</ul></td>
                                            <td><ul class="plain-list">{items(r.interview_questions, spoken)}</ul></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(!trace.unlinked_questions.is_empty() || !trace.unlinked_interview_questions.is_empty()).then(|| view! {
                        <div class="alert alert--warning">
                            <p>{locale.t(Text::AssessesNothing)}</p>
                            <ul>
                                {items(trace.unlinked_questions, written)}
                                {items(trace.unlinked_interview_questions, spoken)}
                            </ul>
                        </div>
                    })}
                }
            })}
        </section>
    }
}
