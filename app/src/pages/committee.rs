//! The committee member's pages: the vacancies they sit on, and once released, the answers question
//! by question, masked as screening left them, beside the question's scoring guide. Answers carry a
//! number for that question only, so nobody can tell which answers come from one candidate.

use api::committee::CommitteeQuestion;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::client;
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale, use_title};
use crate::pages::vacancy::status_name;

#[component]
pub fn CommitteeHomePage() -> impl IntoView {
    use_title(Text::YourCommittees);
    let locale = use_locale();
    let assigned = LocalResource::new(move || client::assigned_vacancies(locale.language()));
    view! {
        <div class="page page--text">
            <h1>{move || locale.t(Text::YourCommittees)}</h1>
            <p class="lead">{move || locale.t(Text::YourCommitteesIntro)}</p>
            {move || match assigned.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{locale.t(Text::NoCommittees)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="vacancy-list">
                        {list.into_iter().map(|vacancy| view! {
                            <li class="vacancy-list__item">
                                <h2>
                                    {if vacancy.released {
                                        view! { <A href=format!("/commissie/vacature/{}", vacancy.id)>{vacancy.title}</A> }.into_any()
                                    } else {
                                        view! { <span>{vacancy.title}</span> }.into_any()
                                    }}
                                </h2>
                                <p>
                                    {locale.t(status_name(vacancy.status))}
                                    {vacancy.chair.then(|| format!(" · {}", locale.t(Text::YouChair)))}
                                </p>
                                {(!vacancy.released).then(|| view! { <p>{locale.t(Text::NotReleasedYet)}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}

#[component]
pub fn CommitteeVacancyPage() -> impl IntoView {
    use_title(Text::ReadAnswers);
    let locale = use_locale();
    let params = use_params_map();
    let vacancy = move || params.read().get("id").and_then(|id| id.parse::<Uuid>().ok());
    let loaded = LocalResource::new(move || {
        let (id, ui) = (vacancy(), locale.language());
        async move {
            match id {
                Some(id) => client::committee_vacancy(id, ui).await.map(Some),
                None => Ok(None),
            }
        }
    });
    view! {
        <div class="page page--text">
            <p><A href="/commissie">{move || locale.t(Text::YourCommittees)}</A></p>
            {move || match loaded.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(None)) => view! { <p class="alert alert--error" role="alert">{locale.t(Text::NotFoundTitle)}</p> }.into_any(),
                Some(Ok(Some(vacancy))) => view! {
                    <h1>{vacancy.title.clone()}</h1>
                    <p class="lead">{locale.t(Text::ReadAnswersIntro)}</p>
                    {vacancy.questions.into_iter().enumerate().map(|(i, question)| view! {
                        <QuestionAnswers vacancy=vacancy.id number=i + 1 question/>
                    }).collect_view()}
                }.into_any(),
            }}
        </div>
    }
}

/// One question with its guide always in view, and its masked answers a page at a time.
#[component]
fn QuestionAnswers(vacancy: Uuid, number: usize, question: CommitteeQuestion) -> impl IntoView {
    let locale = use_locale();
    let page = RwSignal::new(1u64);
    let question_id = question.id;
    let answers =
        LocalResource::new(move || client::masked_answers(vacancy, question_id, page.get(), locale.language()));
    let guide = question.guide.clone();
    let reminder = if guide.language_scored { Text::LanguageCounts } else { Text::ContentNotLanguage };
    view! {
        <section class="panel committee-question">
            <h2>{move || locale.t(Text::QuestionNumber).replace("{number}", &number.to_string())}</h2>
            <p class="committee-question__prompt">{question.prompt.clone()}</p>
            {question.scenario.clone().map(|scenario| view! { <p class="committee-question__scenario">{scenario}</p> })}
            <dl class="guide">
                <div><dt>"1"</dt><dd>{guide.anchor_1.clone()}</dd></div>
                <div><dt>"3"</dt><dd>{guide.anchor_3.clone()}</dd></div>
                <div><dt>"5"</dt><dd>{guide.anchor_5.clone()}</dd></div>
            </dl>
            <p class="alert">{move || locale.t(reminder)}</p>
            {move || match answers.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) if list.items.is_empty() => view! { <p>{locale.t(Text::NoAnswersHere)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    {list.items.into_iter().map(|answer| {
                        let heading = locale.t(Text::AnswerNumber).replace("{number}", &answer.number.to_string());
                        view! {
                            <article class="masked-answer">
                                <h3>{heading}</h3>
                                <p class="masked-answer__text">{answer.text}</p>
                            </article>
                        }
                    }).collect_view()}
                    <Pagination page current=list.page per_page=list.per_page total=list.total position=Text::AnswersPageOf/>
                }.into_any(),
            }}
        </section>
    }
}
