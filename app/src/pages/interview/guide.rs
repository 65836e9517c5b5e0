//! The printable interview guide (`/gesprekken/vacature/{id}/leidraad`): the kit in interview order,
//! each question with its kind, time, follow-ups and anchored scale, and room for the score and
//! notes. The print stylesheet leaves out the site's header, footer and buttons.

use api::interview::InterviewKit;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{AnchorScale, kind_label};
use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale, use_title};

#[component]
pub fn GuidePage() -> impl IntoView {
    use_title(Text::InterviewGuide);
    let locale = use_locale();
    let params = use_params_map();
    let vacancy = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let kit = RwSignal::new(None::<InterviewKit>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let Some(id) = vacancy() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::interview_kit(id, ui).await {
                Ok(loaded) => kit.set(Some(loaded)),
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="page guide">
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || kit.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || kit.get().map(|kit| {
                let total: u32 = kit.questions.iter().map(|q| u32::from(q.minutes)).sum();
                let count = kit.questions.len();
                view! {
                    <h1>{locale.t(Text::InterviewGuide)}": "{kit.vacancy_title.clone()}</h1>
                    <p class="no-print"><button type="button" class="button" on:click=print>{locale.t(Text::Print)}</button></p>
                    <p>{locale.t(Text::GuideIntro)}</p>
                    <p>{locale.t(Text::KitLength).replace("{count}", &count.to_string()).replace("{minutes}", &total.to_string())}</p>
                    <dl class="guide__fill-in">
                        <dt>{locale.t(Text::Candidate)}</dt><dd></dd>
                        <dt>{locale.t(Text::Interviewer)}</dt><dd></dd>
                        <dt>{locale.t(Text::Date)}</dt><dd></dd>
                    </dl>
                    {(count == 0).then(|| view! { <p class="alert">{locale.t(Text::KitEmpty)}</p> })}
                    <ol class="guide__questions">
                        {kit.questions.into_iter().map(|question| view! {
                            <li class="guide__question">
                                <p class="form-field__hint">{format!("{} · {} min · {} {}", locale.t(kind_label(question.kind)), question.minutes, locale.t(Text::Weight), question.weight)}</p>
                                <p class="scorecard__prompt">{question.prompt.clone()}</p>
                                {(!question.follow_ups.is_empty()).then(|| view! {
                                    <h2 class="guide__subheading">{locale.t(Text::FollowUps)}</h2>
                                    <ul>{question.follow_ups.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul>
                                })}
                                <AnchorScale anchors=question.anchors.clone()/>
                                <p class="guide__score">{locale.t(Text::YourScore)}": 1 · 2 · 3 · 4 · 5"</p>
                                <p class="guide__notes">{locale.t(Text::Notes)}":"</p>
                            </li>
                        }).collect_view()}
                    </ol>
                }
            })}
        </div>
    }
}
