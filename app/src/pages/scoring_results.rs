//! The recruiter's view of the sift (`/beheer/vacatures/{id}/beoordeling`): how far each committee
//! member is (never their scores), and once everyone sealed every question, the ranking of
//! pseudonymous candidates with the spread of the members' judgements.

use api::ranking::{Ranking, ScoringProgress};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::i18n::{Text, use_locale, use_title};
use crate::pages::shortlist::ShortlistPanel;

#[component]
pub fn ScoringResultsPage() -> impl IntoView {
    use_title(Text::SiftResults);
    let locale = use_locale();
    let params = use_params_map();
    let vacancy = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let progress = RwSignal::new(None::<ScoringProgress>);
    let ranking = RwSignal::new(None::<Ranking>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let Some(id) = vacancy() else { return };
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::scoring_progress(id, ui).await {
                Ok(loaded) => {
                    let complete = loaded.complete;
                    progress.set(Some(loaded));
                    if complete {
                        match client::ranking(id, ui).await {
                            Ok(ranked) => ranking.set(Some(ranked)),
                            Err(error) => failure.set(Some(error)),
                        }
                    }
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <div class="page">
            <p class="button-row">
                <A href=move || format!("/beheer/vacatures/{}/screening", vacancy().unwrap_or_default())>{move || locale.t(Text::Screening)}</A>
                <A href=move || format!("/beheer/vacatures/{}/gesprek", vacancy().unwrap_or_default())>{move || locale.t(Text::InterviewKit)}</A>
            </p>
            <h1>{move || locale.t(Text::SiftResults)}</h1>
            <p class="lead">{move || locale.t(Text::SiftResultsIntro)}</p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || progress.with(Option::is_none).then(|| view! { <p role="status">{locale.t(Text::Loading)}</p> })}
            {move || progress.get().map(|progress| view! {
                <section class="panel" aria-labelledby="progress-heading">
                    <h2 id="progress-heading">{locale.t(Text::CommitteeProgress)}</h2>
                    <div class="table-wrapper" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{locale.t(Text::CommitteeProgress)}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t(Text::CommitteeMembers)}</th>
                                <th scope="col">{locale.t(Text::ConductTitle)}</th>
                                <th scope="col">{locale.t(Text::QuestionsSealed)}</th>
                            </tr></thead>
                            <tbody>
                                {progress.members.iter().map(|m| {
                                    let total = progress.questions.len();
                                    view! {
                                        <tr>
                                            <td>{m.display_name.clone()}{m.chair.then(|| format!(" ({})", locale.t(Text::Chair)))}</td>
                                            <td>{locale.t(if m.conduct_confirmed { Text::Yes } else { Text::No })}</td>
                                            <td>{format!("{} / {total}", m.questions_sealed)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(!progress.complete).then(|| view! { <p class="alert">{locale.t(Text::RankingWaits)}</p> })}
                </section>
            })}
            {move || ranking.get().map(|ranking| view! {
                <section class="panel" aria-labelledby="ranking-heading">
                    <h2 id="ranking-heading">{locale.t(Text::Ranking)}</h2>
                    <p>{locale.t(Text::RankingIntro)}</p>
                    <div class="table-wrapper" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{locale.t(Text::Ranking)}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t(Text::Rank)}</th>
                                <th scope="col">{locale.t(Text::Candidate)}</th>
                                <th scope="col">{locale.t(Text::SiftScore)}</th>
                                <th scope="col">{locale.t(Text::Spread)}</th>
                            </tr></thead>
                            <tbody>
                                {ranking.candidates.iter().cloned().map(|c| view! {
                                    <tr>
                                        <td>{c.rank}</td>
                                        <td><code>{c.label}</code></td>
                                        <td>{format!("{:.2}", c.score)}</td>
                                        <td>{format!("{:.2}", c.spread)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p>{locale.t(Text::KnockedOutApart).replace("{count}", &ranking.knocked_out.to_string())}</p>
                    {(!ranking.knocked_out_labels.is_empty()).then(|| view! {
                        <ul class="knocked-out">
                            {ranking.knocked_out_labels.iter().map(|label| view! { <li><code>{label.clone()}</code></li> }).collect_view()}
                        </ul>
                    })}
                </section>
            })}
            {move || ranking.get().zip(vacancy()).map(|(ranking, id)| view! { <ShortlistPanel vacancy=id ranked=ranking.candidates/> })}
        </div>
    }
}
