//! The experience survey as a form: three statements, each a group of five radio buttons from
//! "helemaal oneens" (1) to "helemaal eens" (5), every one optional. The page says who asks and
//! what happens with the answers; this form sends what was chosen and thanks, or says what went
//! wrong.

use api::application::SurveyAnswers;
use leptos::prelude::*;

use crate::client::ApiFailure;
use crate::i18n::{Text, use_locale};

/// What the statements say, in the order fairness, clarity, effort.
pub type Statements = [Text; 3];

const POINTS: [(u8, Text); 5] =
    [(1, Text::Likert1), (2, Text::Likert2), (3, Text::Likert3), (4, Text::Likert4), (5, Text::Likert5)];

/// The survey form. `send` gets the answers and says whether they were stored, or why not.
#[component]
pub fn SurveyForm<F, Fut>(
    /// Makes the form's ids unique on its page.
    id: &'static str,
    title: Text,
    intro: Text,
    statements: Statements,
    send: F,
) -> impl IntoView
where
    F: Fn(SurveyAnswers) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<(), ApiFailure>> + 'static,
{
    let locale = use_locale();
    let chosen = [RwSignal::new(None::<u8>), RwSignal::new(None::<u8>), RwSignal::new(None::<u8>)];
    let failure = RwSignal::new(None::<ApiFailure>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let [fairness, clarity, effort] = chosen.map(|c| c.get_untracked());
        leptos::task::spawn_local(async move {
            match send(SurveyAnswers { fairness, clarity, effort }).await {
                Ok(()) => {
                    done.set(true);
                    failure.set(None);
                }
                Err(error) => failure.set(Some(error)),
            }
            busy.set(false);
        });
    };
    let heading = format!("{id}-heading");
    let labelled = heading.clone();
    view! {
        <section class="panel survey" aria-labelledby=labelled>
            <h2 id=heading>{move || locale.t(title)}</h2>
            <Show
                when=move || !done.get()
                fallback=move || view! { <p class="alert alert--success" role="status">{move || locale.t(Text::SurveyThanks)}</p> }
            >
                <p>{move || locale.t(intro)}</p>
                {move || failure.get().map(|f| view! {
                    <p class="alert alert--error" role="alert">{f.first_field_message(locale.language())}</p>
                })}
                <form class="form" novalidate on:submit=submit>
                    {statements.into_iter().zip(chosen).enumerate().map(|(index, (statement, choice))| {
                        let name = format!("{id}-{index}");
                        view! {
                            <fieldset class="survey__statement">
                                <legend class="form-field__label">{move || locale.t(statement)}</legend>
                                <div class="survey__scale">
                                    {POINTS.into_iter().map(|(point, label)| {
                                        let input_id = format!("{name}-{point}");
                                        view! {
                                            <div class="survey__point">
                                                <input type="radio" id=input_id.clone() name=name.clone()
                                                    prop:checked=move || choice.get() == Some(point)
                                                    on:change=move |_| choice.set(Some(point))/>
                                                <label for=input_id>{move || locale.t(label)}</label>
                                            </div>
                                        }
                                    }).collect_view()}
                                </div>
                            </fieldset>
                        }
                    }).collect_view()}
                    <button type="submit" class="button" disabled=move || busy.get()>{move || locale.t(Text::SurveySend)}</button>
                </form>
            </Show>
        </section>
    }
}
