//! Experience and workload per arm: the surveys of applicants (after sending, after the outcome)
//! and committee members, statement by statement, and the committee's time on the sift's scoring
//! screens and the interviewers' on the scorecards.
//! Hidden counts say so; a mean or share from too few answers is not there.

use api::evaluation::{Experience, ScoringWorkload, Statement, StatementSummary, SurveyMoment};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::arm_label;
use crate::client::{self, ApiFailure};
use crate::i18n::{Locale, Text, use_locale};

fn moment_label(moment: SurveyMoment) -> Text {
    match moment {
        SurveyMoment::AfterApplying => Text::MomentAfterApplying,
        SurveyMoment::AfterOutcome => Text::MomentAfterOutcome,
        SurveyMoment::Committee => Text::MomentCommittee,
    }
}

fn statement_label(statement: Statement) -> Text {
    match statement {
        Statement::Fairness => Text::StatementFairness,
        Statement::Clarity => Text::StatementClarity,
        Statement::Effort => Text::StatementEffort,
    }
}

#[component]
pub fn ExperiencePanel(pilot: Uuid, filter: RwSignal<String>) -> impl IntoView {
    let locale = use_locale();
    let experience = RwSignal::new(None::<Experience>);
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        let filter = filter.get();
        let ui = locale.language_untracked();
        spawn_local(async move {
            match client::experience(pilot, &filter, ui).await {
                Ok(loaded) => {
                    failure.set(None);
                    experience.set(Some(loaded));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    });
    view! {
        <section class="panel" aria-labelledby="experience-heading">
            <h2 id="experience-heading">{move || locale.t(Text::ExperienceTitle)}</h2>
            <p>{move || locale.t(Text::ExperienceIntro)}</p>
            <p><a download href=move || format!("/api/pilots/{pilot}/experience.csv?{}", filter.get())>
                {move || locale.t(Text::CsvOf).replace("{table}", locale.t(Text::ExperienceTitle))}
            </a></p>
            {move || failure.get().map(|f| view! { <p class="alert alert--error" role="alert">{f.message(locale.language())}</p> })}
            {move || experience.get().map(|e| view! {
                {SurveyMoment::ALL.into_iter().map(|moment| {
                    let lines: Vec<StatementSummary> = e.statements.iter().filter(|s| s.moment == moment).cloned().collect();
                    view! { <SurveyTable moment lines locale/> }
                }).collect_view()}
                <WorkloadTable arms=e.scoring.clone() screen=Screen::Sift locale/>
                <WorkloadTable arms=e.interviewing.clone() screen=Screen::Scorecard locale/>
            })}
        </section>
    }
}

#[component]
fn SurveyTable(moment: SurveyMoment, lines: Vec<StatementSummary>, locale: Locale) -> impl IntoView {
    let count = move |n: Option<u64>| n.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string());
    let heading = format!("experience-{}", moment.as_str());
    let labelled = heading.clone();
    view! {
        <h3 id=heading>{locale.t(moment_label(moment))}</h3>
        <div class="table-wrapper" tabindex="0" role="region" aria-labelledby=labelled>
            <table class="table">
                <caption class="visually-hidden">{locale.t(moment_label(moment))}</caption>
                <thead><tr>
                    <th scope="col">{locale.t(Text::Statement)}</th>
                    <th scope="col">{locale.t(Text::Arm)}</th>
                    <th scope="col">{locale.t(Text::Answers)}</th>
                    {(1..=5).map(|point| view! { <th scope="col" class="numeric">{point}</th> }).collect_view()}
                    <th scope="col">{locale.t(Text::Mean)}</th>
                    <th scope="col">{locale.t(Text::AgreeShare)}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| {
                        let agree = match (line.agree, line.agree_interval) {
                            (Some(share), Some((low, high))) => format!("{:.0} % ({:.0}–{:.0} %)", share * 100.0, low * 100.0, high * 100.0),
                            _ => "–".to_owned(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{locale.t(statement_label(line.statement))}</th>
                                <td>{locale.t(arm_label(line.arm))}</td>
                                <td class="numeric">{count(line.answered)}</td>
                                {line.points.iter().map(|&n| view! { <td class="numeric">{count(n)}</td> }).collect_view()}
                                <td class="numeric">{line.mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}"))}</td>
                                <td>{agree}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Which scoring screen a workload table is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Sift,
    Scorecard,
}

#[component]
fn WorkloadTable(arms: Vec<ScoringWorkload>, screen: Screen, locale: Locale) -> impl IntoView {
    let (id, title, intro, per_item) = match screen {
        Screen::Sift => {
            ("experience-scoring", Text::ScoringWorkloadTitle, Text::ScoringWorkloadIntro, Text::MedianMinutesPerAnswer)
        }
        Screen::Scorecard => (
            "experience-interviewing",
            Text::InterviewWorkloadTitle,
            Text::InterviewWorkloadIntro,
            Text::MedianMinutesPerCandidate,
        ),
    };
    let count = move |n: Option<u64>| n.map_or_else(|| locale.t(Text::Hidden).to_owned(), |n| n.to_string());
    let minutes = |x: Option<f64>| x.map_or_else(|| "–".to_owned(), |x| format!("{x:.1}"));
    view! {
        <h3 id=id>{locale.t(title)}</h3>
        <p>{locale.t(intro)}</p>
        <div class="table-wrapper" tabindex="0" role="region" aria-labelledby=id>
            <table class="table">
                <caption class="visually-hidden">{locale.t(title)}</caption>
                <thead><tr>
                    <th scope="col">{locale.t(Text::Arm)}</th>
                    <th scope="col">{locale.t(Text::ScoringSeats)}</th>
                    <th scope="col">{locale.t(Text::MedianScoringMinutes)}</th>
                    <th scope="col">{locale.t(per_item)}</th>
                </tr></thead>
                <tbody>
                    {arms.into_iter().map(|arm| view! {
                        <tr>
                            <th scope="row">{locale.t(arm_label(arm.arm))}</th>
                            <td class="numeric">{count(arm.seats)}</td>
                            <td class="numeric">{minutes(arm.median_minutes)}</td>
                            <td class="numeric">{minutes(arm.median_minutes_per_item)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
