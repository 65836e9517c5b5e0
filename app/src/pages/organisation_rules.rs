//! The admin's page for an organisation's own text rules.

use api::Language;
use api::organisation::{Category, Localized, NewOrganisationRule, Organisation, OrganisationRule, Severity};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::client::{self, ApiFailure};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::i18n::{Text, use_locale, use_title};
use crate::pages::vacancy::{CATEGORY_ORDER, category_name, severity_name};
use crate::session::use_session;

/// The categories an own rule can have: everything a phrase can be (not the whole-text checks).
fn rule_categories() -> impl Iterator<Item = Category> {
    CATEGORY_ORDER.into_iter().filter(|c| !matches!(c, Category::Completeness | Category::Readability))
}

fn category_tag(category: Category) -> String {
    serde_json::to_value(category).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

#[component]
pub fn OrganisationRulesPage() -> impl IntoView {
    use_title(Text::OwnRules);
    let locale = use_locale();
    let session = use_session();
    let organisations = LocalResource::new(move || client::organisations(locale.language()));
    let chosen = RwSignal::new(None::<Uuid>);
    let reload = RwSignal::new(0u32);
    let rules = LocalResource::new(move || {
        let (organisation, language) = (chosen.get(), locale.language());
        reload.track();
        async move {
            match organisation {
                Some(id) => client::organisation_rules(id, language).await,
                None => Ok(Vec::new()),
            }
        }
    });
    // Choose the first organisation once the list is there.
    Effect::new(move |_| {
        if chosen.get_untracked().is_none()
            && let Some(Ok(list)) = organisations.get()
        {
            chosen.set(list.first().map(|o: &Organisation| o.id));
        }
    });

    let language = RwSignal::new(Language::Nl);
    let category = RwSignal::new(Category::Jargon);
    let severity = RwSignal::new(Severity::Advice);
    let pattern = RwSignal::new(String::new());
    let explanation_nl = RwSignal::new(String::new());
    let explanation_en = RwSignal::new(String::new());
    let suggestions = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let notice = RwSignal::new(None::<Text>);

    let summary = Signal::derive(move || match failure.get() {
        None => Vec::new(),
        Some(ApiFailure::Problem(problem)) if !problem.fields.is_empty() => problem
            .fields
            .iter()
            .map(|f| SummaryItem {
                field_id: Some(format!("rule-{}", f.field.replace('_', "-"))),
                message: f.code.message(locale.language()).into(),
            })
            .collect(),
        Some(other) => vec![SummaryItem { field_id: None, message: other.message(locale.language()).into() }],
    });
    let field_error = move |field: &'static str| {
        move || failure.get().and_then(|f| f.field(field)).map(|c| c.message(locale.language()))
    };

    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(organisation) = chosen.get_untracked() else {
            return;
        };
        let rule = NewOrganisationRule {
            language: language.get_untracked(),
            category: category.get_untracked(),
            severity: severity.get_untracked(),
            pattern: pattern.get_untracked(),
            explanation: Localized::new(explanation_nl.get_untracked(), explanation_en.get_untracked()),
            suggestions: suggestions.get_untracked().lines().map(str::to_owned).collect(),
            source: source.get_untracked(),
        };
        let ui_language = locale.language();
        spawn_local(async move {
            match client::add_rule(organisation, &rule, &session.csrf_token(), ui_language).await {
                Ok(_) => {
                    failure.set(None);
                    notice.set(Some(Text::RuleAdded));
                    for field in [pattern, explanation_nl, explanation_en, suggestions, source] {
                        field.set(String::new());
                    }
                    reload.update(|n| *n += 1);
                }
                Err(error) => {
                    notice.set(None);
                    failure.set(Some(error));
                }
            }
        });
    };
    let remove = move |rule: Uuid| {
        let Some(organisation) = chosen.get_untracked() else {
            return;
        };
        let ui_language = locale.language();
        spawn_local(async move {
            match client::remove_rule(organisation, rule, &session.csrf_token(), ui_language).await {
                Ok(()) => {
                    notice.set(Some(Text::RuleRemoved));
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };

    view! {
        <div class="page">
            <h1>{move || locale.t(Text::OwnRules)}</h1>
            <p class="lead">{move || locale.t(Text::OwnRulesIntro)}</p>
            <div role="status" class="editor__notice">
                {move || notice.get().map(|n| view! { <p class="alert alert--success">{locale.t(n)}</p> })}
            </div>
            <div class="form-field narrow-field">
                <label class="form-field__label" for="rule-organisation">{move || locale.t(Text::Organisation)}</label>
                <select id="rule-organisation" on:change=move |e| chosen.set(Uuid::parse_str(&event_target_value(&e)).ok())>
                    {move || organisations.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|o| {
                        let id = o.id;
                        view! { <option value=id.to_string() selected=move || chosen.get() == Some(id)>{o.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            {move || match rules.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(error)) => view! { <p class="alert alert--error" role="alert">{error.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{locale.t(Text::NoOwnRules)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <div class="table-wrapper" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{locale.t(Text::OwnRules)}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t(Text::Pattern)}</th>
                                <th scope="col">{locale.t(Text::VacancyLanguage)}</th>
                                <th scope="col">{locale.t(Text::Category)}</th>
                                <th scope="col">{locale.t(Text::Severity)}</th>
                                <th scope="col">{locale.t(Text::ExplanationDutch)}</th>
                                <th scope="col"><span class="visually-hidden">{locale.t(Text::RemoveRule)}</span></th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|rule: OrganisationRule| {
                                    let id = rule.id;
                                    let language_name = match rule.language { Language::Nl => Text::Dutch, Language::En => Text::English };
                                    view! {
                                        <tr>
                                            <td>{rule.rule.pattern.clone()}</td>
                                            <td>{locale.t(language_name)}</td>
                                            <td>{locale.t(category_name(rule.rule.category))}</td>
                                            <td>{locale.t(severity_name(rule.rule.severity))}</td>
                                            <td>{rule.rule.explanation.nl.clone()}</td>
                                            <td>
                                                <button type="button" class="button button--small button--secondary" on:click=move |_| remove(id)>
                                                    {locale.t(Text::RemoveRule)}<span class="visually-hidden">{format!(": {}", rule.rule.pattern)}</span>
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
            <section class="section" aria-labelledby="add-rule-title">
                <h2 id="add-rule-title">{move || locale.t(Text::AddRule)}</h2>
                <ErrorSummary items=summary/>
                <form class="form page--narrow" novalidate on:submit=add>
                    <div class="form-field">
                        <label class="form-field__label" for="rule-language">{move || locale.t(Text::VacancyLanguage)}</label>
                        <select id="rule-language" on:change=move |e| language.set(Language::from_tag(&event_target_value(&e)).unwrap_or_default())>
                            <option value="nl" selected=move || language.get() == Language::Nl>{move || locale.t(Text::Dutch)}</option>
                            <option value="en" selected=move || language.get() == Language::En>{move || locale.t(Text::English)}</option>
                        </select>
                    </div>
                    <div class="form-field">
                        <label class="form-field__label" for="rule-category">{move || locale.t(Text::Category)}</label>
                        <select id="rule-category" on:change=move |e| {
                            let tag = event_target_value(&e);
                            if let Some(found) = rule_categories().find(|c| category_tag(*c) == tag) { category.set(found); }
                        }>
                            {rule_categories().map(|c| view! {
                                <option value=category_tag(c) selected=move || category.get() == c>{move || locale.t(category_name(c))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="form-field">
                        <label class="form-field__label" for="rule-severity">{move || locale.t(Text::Severity)}</label>
                        <select id="rule-severity" on:change=move |e| severity.set(match event_target_value(&e).as_str() {
                            "info" => Severity::Info, "blocking" => Severity::Blocking, _ => Severity::Advice })>
                            {[(Severity::Info, "info"), (Severity::Advice, "advice"), (Severity::Blocking, "blocking")].into_iter().map(|(s, tag)| view! {
                                <option value=tag selected=move || severity.get() == s>{move || locale.t(severity_name(s))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <RuleField id="rule-pattern" label=Text::Pattern error=Signal::derive(field_error("pattern"))>
                        <p class="form-field__hint">{move || locale.t(Text::PatternHelp)}</p>
                        <input id="rule-pattern" type="text" bind:value=pattern/>
                    </RuleField>
                    <RuleField id="rule-explanation-nl" label=Text::ExplanationDutch error=Signal::derive(field_error("explanation_nl"))>
                        <textarea id="rule-explanation-nl" rows="3" lang="nl" prop:value=move || explanation_nl.get()
                            on:input=move |e| explanation_nl.set(event_target_value(&e))></textarea>
                    </RuleField>
                    <RuleField id="rule-explanation-en" label=Text::ExplanationEnglish error=Signal::derive(field_error("explanation_en"))>
                        <textarea id="rule-explanation-en" rows="3" lang="en" prop:value=move || explanation_en.get()
                            on:input=move |e| explanation_en.set(event_target_value(&e))></textarea>
                    </RuleField>
                    <RuleField id="rule-suggestions" label=Text::SuggestionsOnePerLine error=Signal::derive(field_error("suggestions"))>
                        <textarea id="rule-suggestions" rows="3" prop:value=move || suggestions.get()
                            on:input=move |e| suggestions.set(event_target_value(&e))></textarea>
                    </RuleField>
                    <RuleField id="rule-source" label=Text::RuleSource error=Signal::derive(field_error("source"))>
                        <input id="rule-source" type="text" bind:value=source/>
                    </RuleField>
                    <button type="submit" class="button">{move || locale.t(Text::AddRule)}</button>
                </form>
            </section>
        </div>
    }
}

#[component]
fn RuleField(id: &'static str, label: Text, error: Signal<Option<&'static str>>, children: Children) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="form-field" class:form-field--invalid=move || error.get().is_some()>
            <label class="form-field__label" for=id>{move || locale.t(label)}</label>
            <Show when=move || error.get().is_some()>
                <p class="form-field__error">{move || error.get()}</p>
            </Show>
            {children()}
        </div>
    }
}
