//! The inclusive vacancy editor. The recruiter writes; the shared analyser (compiled to WebAssembly)
//! runs on every change, without a round trip, and its findings appear in place and in a panel with
//! explanations, sources and one-click suggestions. Save a draft; publish once every blocking finding
//! is fixed or explained (the server checks again).

use api::Language;
use api::organisation::OrganisationRule;
use api::problem::ErrorCode;
use api::vacancy::{
    Allowance, Arm, Override, PublishRequest, Question, RequirementInput, RequirementKind, Vacancy, VacancyInput,
    VacancyStatus,
};
use domain::analysis::rules::{ExtraRules, RuleSet};
use domain::analysis::{Analysis, Field};
use domain::vacancy::{VacancyForAnalysis, analyse_vacancy, blocking_without_override};
use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use uuid::Uuid;

use super::findings::FindingsPanel;
use super::preview::Preview;
use super::questionnaire::{QuestionnaireEditor, RequirementChoice};
use crate::client::{self, ApiFailure};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

/// One requirement row of the form. `key` identifies the row while editing.
#[derive(Debug, Clone, PartialEq)]
struct RequirementRow {
    key: u64,
    id: Option<Uuid>,
    text: String,
    kind: RequirementKind,
}

/// Everything the form holds.
#[derive(Debug, Clone, Copy)]
struct Form {
    title: RwSignal<String>,
    language: RwSignal<Language>,
    salary_scale: RwSignal<String>,
    hours: RwSignal<String>,
    location: RwSignal<String>,
    text: RwSignal<String>,
    requirements: RwSignal<Vec<RequirementRow>>,
    allowances: RwSignal<Vec<Allowance>>,
    questions: RwSignal<Vec<Question>>,
    /// `YYYY-MM-DD`, as a date input gives it.
    closing_date: RwSignal<String>,
    time_zone: RwSignal<String>,
    next_key: RwSignal<u64>,
}

/// The time zones a vacancy of the Rijksoverheid closes in.
const TIME_ZONES: [(&str, Text); 2] =
    [("Europe/Amsterdam", Text::TimeZoneNetherlands), ("America/Kralendijk", Text::TimeZoneCaribbean)];

impl Form {
    fn new() -> Form {
        Form {
            title: RwSignal::new(String::new()),
            language: RwSignal::new(Language::Nl),
            salary_scale: RwSignal::new(String::new()),
            hours: RwSignal::new(String::new()),
            location: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            requirements: RwSignal::new(Vec::new()),
            allowances: RwSignal::new(Vec::new()),
            questions: RwSignal::new(Vec::new()),
            closing_date: RwSignal::new(String::new()),
            time_zone: RwSignal::new(TIME_ZONES[0].0.to_owned()),
            next_key: RwSignal::new(0),
        }
    }

    fn fill(&self, vacancy: &Vacancy) {
        self.title.set(vacancy.title.clone());
        self.language.set(vacancy.language);
        self.salary_scale.set(vacancy.salary_scale.map(|s| s.to_string()).unwrap_or_default());
        self.hours.set(vacancy.hours_per_week.map(|h| h.to_string()).unwrap_or_default());
        self.location.set(vacancy.location.clone());
        self.text.set(vacancy.text.clone());
        self.allowances.set(vacancy.allowances.clone());
        self.questions.set(vacancy.questions.clone());
        self.closing_date.set(vacancy.closing_date.map(|d| d.to_string()).unwrap_or_default());
        self.time_zone.set(vacancy.time_zone.clone());
        let rows = vacancy
            .requirements
            .iter()
            .map(|r| RequirementRow { key: self.take_key(), id: Some(r.id), text: r.text.clone(), kind: r.kind })
            .collect();
        self.requirements.set(rows);
    }

    /// After a save: the server gave new requirements their ids (in the same order), so questions
    /// can now point at them.
    fn sync_requirement_ids(&self, vacancy: &Vacancy) {
        self.requirements.update(|rows| {
            let filled = rows.iter_mut().filter(|r| !r.text.trim().is_empty());
            for (row, saved) in filled.zip(&vacancy.requirements) {
                row.id = Some(saved.id);
            }
        });
    }

    fn take_key(&self) -> u64 {
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        key
    }

    fn add_requirement(&self, kind: RequirementKind) {
        let row = RequirementRow { key: self.take_key(), id: None, text: String::new(), kind };
        self.requirements.update(|rows| rows.push(row));
    }

    /// The input for the API. Numbers that are not numbers go as out-of-range values, so the server
    /// names the field.
    fn input(&self, version: Option<i64>) -> VacancyInput {
        let number = |value: String| match value.trim() {
            "" => None,
            text => Some(text.parse::<u8>().unwrap_or(u8::MAX)),
        };
        VacancyInput {
            title: self.title.get_untracked(),
            salary_scale: number(self.salary_scale.get_untracked()),
            hours_per_week: number(self.hours.get_untracked()),
            location: self.location.get_untracked(),
            language: self.language.get_untracked(),
            text: self.text.get_untracked(),
            requirements: self
                .requirements
                .get_untracked()
                .into_iter()
                .filter(|r| !r.text.trim().is_empty())
                .map(|r| RequirementInput { id: r.id, text: r.text, kind: r.kind })
                .collect(),
            allowances: self.allowances.get_untracked(),
            questions: self.questions.get_untracked(),
            closing_date: self.closing_date.get_untracked().parse().ok(),
            time_zone: Some(self.time_zone.get_untracked()),
            version,
        }
    }

    /// Runs the analyser with the organisation's own rules, and measures how long it takes here.
    fn analyse(&self, own_rules: &[OrganisationRule]) -> (Analysis, f64) {
        let started = now_ms();
        let must_haves = self.requirements.with(|rows| {
            rows.iter().filter(|r| r.kind == RequirementKind::MustHave && !r.text.trim().is_empty()).count()
        });
        let language = self.language.get();
        let allowances = self.allowances.get();
        let extra =
            ExtraRules::new(own_rules.iter().filter(|r| r.language == language).map(|r| r.rule.clone()).collect());
        let analysis = self.title.with(|title| {
            self.text.with(|text| {
                let vacancy = VacancyForAnalysis { title, text, language, must_haves };
                analyse_vacancy(vacancy, RuleSet::builtin(), &extra, &allowances)
            })
        });
        (analysis, now_ms() - started)
    }
}

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

/// The form field id of an API field name, for links in the error summary.
fn field_id(field: &str) -> &'static str {
    match field {
        "title" => "vacancy-title",
        "salary_scale" => "vacancy-scale",
        "hours_per_week" => "vacancy-hours",
        "location" => "vacancy-location",
        "requirements" => "vacancy-requirements",
        "allowances" => "allowances-title",
        "closing_date" => "vacancy-closing-date",
        "time_zone" => "vacancy-time-zone",
        question if question.starts_with("questions.") => "vacancy-questions",
        _ => "vacancy-text",
    }
}

/// Character offset → UTF-16 offset, as text areas count.
fn utf16_offset(text: &str, chars: usize) -> u32 {
    text.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}

/// `text` with characters `start..end` replaced.
fn replace_chars(text: &str, start: usize, end: usize, with: &str) -> String {
    let mut out: String = text.chars().take(start).collect();
    out.push_str(with);
    out.extend(text.chars().skip(end));
    out
}

#[component]
pub fn VacancyEditorPage() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let navigate = use_navigate();
    let params = use_params_map();
    let form = Form::new();
    let id = RwSignal::new(None::<Uuid>);
    let version = RwSignal::new(None::<i64>);
    let status = RwSignal::new(VacancyStatus::Draft);
    // In the pilot's control arm: the regular procedure runs outside Breedwerf, its outcomes are recorded here.
    let control = RwSignal::new(false);
    let loading = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiFailure>);
    let notice = RwSignal::new(None::<Text>);
    let history = RwSignal::new(Vec::<(String, String)>::new());
    let publishing = RwSignal::new(false);
    let reasons = RwSignal::new(std::collections::HashMap::<usize, String>::new());
    let text_area = NodeRef::<Textarea>::new();
    let title_input = NodeRef::<Input>::new();

    use_title(Text::EditVacancy);

    // One route serves `nieuw` and saved vacancies, so the page stays put when a new draft's first
    // save moves it to its own address. Load an existing vacancy once; `nieuw` starts with one row.
    Effect::new(move |_| {
        let param = params.with(|p| p.get("id"));
        match param.as_deref().and_then(|p| Uuid::parse_str(p).ok()) {
            Some(existing) if id.get_untracked() != Some(existing) => {
                loading.set(true);
                let language = locale.language();
                spawn_local(async move {
                    match client::vacancy(existing, language).await {
                        Ok(vacancy) => {
                            form.fill(&vacancy);
                            id.set(Some(vacancy.id));
                            version.set(Some(vacancy.version));
                            status.set(vacancy.status);
                            control.set(vacancy.arm == Some(Arm::Control));
                        }
                        Err(error) => failure.set(Some(error)),
                    }
                    loading.set(false);
                });
            }
            Some(_) => {}
            None => {
                if form.requirements.with_untracked(Vec::is_empty) {
                    form.add_requirement(RequirementKind::MustHave);
                }
            }
        }
    });

    // The organisation's own rules, fetched once; the analysis runs without them until they arrive.
    let own_rules = LocalResource::new(move || {
        let organisation = session.user().and_then(|u| u.organisation_id);
        let language = locale.language();
        async move {
            match organisation {
                Some(organisation) => client::organisation_rules(organisation, language).await.unwrap_or_default(),
                None => Vec::new(),
            }
        }
    });
    let analysed = Memo::new(move |_| own_rules.with(|rules| form.analyse(rules.as_deref().unwrap_or(&[]))));
    let analysis = Signal::derive(move || analysed.get().0);
    let analysis_ms = Signal::derive(move || analysed.get().1);
    let editable = Signal::derive(move || status.get() == VacancyStatus::Draft);
    let word_count = Signal::derive(move || form.text.with(|t| t.split_whitespace().count()));
    let requirement_choices = Signal::derive(move || {
        form.requirements.with(|rows| {
            rows.iter()
                .filter_map(|r| r.id.map(|id| RequirementChoice { id, text: r.text.clone(), kind: r.kind }))
                .collect::<Vec<_>>()
        })
    });

    let remember = move || history.update(|h| h.push((form.title.get_untracked(), form.text.get_untracked())));
    let undo = move |_| {
        if let Some((title, text)) = history.try_update(|h| h.pop()).flatten() {
            form.title.set(title);
            form.text.set(text);
        }
    };

    let go_to = Callback::new(move |index: usize| {
        let Some(finding) = analysis.with_untracked(|a| a.findings.get(index).cloned()) else {
            return;
        };
        let Some(span) = finding.span else {
            return;
        };
        if let Some(area) = text_area.get() {
            let text = form.text.get_untracked();
            let _ = area.focus();
            let _ = area.set_selection_range(utf16_offset(&text, span.start), utf16_offset(&text, span.end));
        }
    });

    let apply = Callback::new(move |(index, suggestion): (usize, String)| {
        let Some(finding) = analysis.with_untracked(|a| a.findings.get(index).cloned()) else {
            return;
        };
        remember();
        match (finding.field, finding.span) {
            (Field::Text, Some(span)) => form.text.update(|t| *t = replace_chars(t, span.start, span.end, &suggestion)),
            (Field::Title, Some(span)) => {
                form.title.update(|t| *t = replace_chars(t, span.start, span.end, &suggestion))
            }
            (Field::Title, None) => form.title.set(suggestion),
            _ => {}
        }
    });

    let allow = Callback::new(move |(index, reason): (usize, String)| {
        let Some(finding) = analysis.with_untracked(|a| a.findings.get(index).cloned()) else {
            return;
        };
        let allowance = Allowance { rule_id: finding.rule_id, word: finding.matched.map(|m| m.to_lowercase()), reason };
        form.allowances.update(|list| list.push(allowance));
    });

    let summary = Signal::derive(move || {
        let Some(failure) = failure.get() else {
            return Vec::new();
        };
        let language = locale.language();
        match &failure {
            ApiFailure::Problem(problem) if !problem.fields.is_empty() => problem
                .fields
                .iter()
                .map(|f| {
                    let message = f.code.message(language);
                    // "Vraag 2: …", so the summary says which question is meant.
                    let message = match f.field.strip_prefix("questions.").and_then(|n| n.parse::<usize>().ok()) {
                        Some(index) => format!("{} {}: {message}", locale.t(Text::Question), index + 1),
                        None => message.into(),
                    };
                    SummaryItem { field_id: Some(field_id(&f.field).to_owned()), message }
                })
                .collect(),
            _ => vec![SummaryItem { field_id: None, message: failure.message(language).into() }],
        }
    });
    let field_error = move |field: &'static str| {
        move || failure.get().and_then(|f| f.field(field)).map(|code: ErrorCode| code.message(locale.language()))
    };

    // Saves the draft; for a new vacancy, moves to its own address.
    let save = {
        let navigate = navigate.clone();
        move || {
            let navigate = navigate.clone();
            async move {
                let language = locale.language();
                let csrf = session.csrf_token();
                let result = match id.get_untracked() {
                    None => client::create_vacancy(&form.input(None), &csrf, language).await,
                    Some(existing) => {
                        client::update_vacancy(existing, &form.input(version.get_untracked()), &csrf, language).await
                    }
                };
                match result {
                    Ok(vacancy) => {
                        form.sync_requirement_ids(&vacancy);
                        let is_new = id.get_untracked().is_none();
                        id.set(Some(vacancy.id));
                        version.set(Some(vacancy.version));
                        status.set(vacancy.status);
                        failure.set(None);
                        if is_new {
                            let options = NavigateOptions { replace: true, ..Default::default() };
                            navigate(&format!("/beheer/vacatures/{}", vacancy.id), options);
                        }
                        true
                    }
                    Err(error) => {
                        notice.set(None);
                        failure.set(Some(error));
                        false
                    }
                }
            }
        }
    };

    let save_draft = {
        let save = save.clone();
        move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let save = save.clone();
            spawn_local(async move {
                if save().await {
                    notice.set(Some(Text::Saved));
                }
                busy.set(false);
            });
        }
    };

    let blocking = Signal::derive(move || {
        analysis.with(|a| {
            a.findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.severity == domain::analysis::Severity::Blocking)
                .map(|(i, f)| (i, f.clone()))
                .collect::<Vec<_>>()
        })
    });

    let publish = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let save = save.clone();
        spawn_local(async move {
            if save().await {
                let current = analysis.get_untracked();
                let given = reasons.get_untracked();
                let overrides: Vec<Override> = blocking
                    .get_untracked()
                    .into_iter()
                    .map(|(i, f)| Override {
                        rule_id: f.rule_id,
                        matched: f.matched,
                        reason: given.get(&i).cloned().unwrap_or_default(),
                    })
                    .collect();
                if blocking_without_override(&current, &overrides).is_empty() {
                    let request = PublishRequest { version: version.get_untracked().unwrap_or(1), overrides };
                    let language = locale.language();
                    match client::publish_vacancy(
                        id.get_untracked().unwrap_or_default(),
                        &request,
                        &session.csrf_token(),
                        language,
                    )
                    .await
                    {
                        Ok(vacancy) => {
                            version.set(Some(vacancy.version));
                            status.set(vacancy.status);
                            publishing.set(false);
                            failure.set(None);
                            notice.set(Some(Text::Published));
                        }
                        Err(error) => failure.set(Some(error)),
                    }
                } else {
                    failure.set(Some(ApiFailure::Problem(api::problem::Problem::new(
                        422,
                        ErrorCode::BlockingFindings,
                        locale.language(),
                        Vec::new(),
                    ))));
                }
            }
            busy.set(false);
        });
    };

    view! {
        <div class="page editor">
            <h1>{move || if id.get().is_some() { locale.t(Text::EditVacancy) } else { locale.t(Text::NewVacancy) }}</h1>
            <p><A href="/beheer/vacatures">{move || locale.t(Text::ToVacancies)}</A></p>
            <ErrorSummary items=summary/>
            <div role="status" class="editor__notice">
                {move || notice.get().map(|n| view! {
                    <p class="alert alert--success">
                        {locale.t(n)}
                        {(n == Text::Published).then(|| view! {
                            " " <A href=move || format!("/vacature/{}", id.get().unwrap_or_default())>{locale.t(Text::ViewPublicPage)}</A>
                        })}
                    </p>
                })}
            </div>
            <Show when=move || loading.get()>
                <p role="status">{move || locale.t(Text::Loading)}</p>
            </Show>
            <Show when=move || !editable.get()>
                <p class="alert">{move || locale.t(Text::ReadOnlyPublished)}</p>
                {move || id.get().map(|id| view! {
                    <p class="button-row">
                        <A href=format!("/beheer/vacatures/{id}/screening") attr:class="button">{locale.t(Text::ToScreening)}</A>
                        {control.get().then(|| view! {
                            <A href=format!("/beheer/vacatures/{id}/uitkomsten") attr:class="button button--secondary">{locale.t(Text::ToControlOutcomes)}</A>
                        })}
                    </p>
                })}
            </Show>
            <div class="editor__layout">
                <form class="form editor__form" novalidate on:submit=|e| e.prevent_default()>
                    <div class="form-field" class:form-field--invalid=move || field_error("title")().is_some()>
                        <label class="form-field__label" for="vacancy-title">{move || locale.t(Text::Title)}</label>
                        {move || field_error("title")().map(|m| view! { <p class="form-field__error" id="vacancy-title-error">{m}</p> })}
                        <input id="vacancy-title" type="text" node_ref=title_input bind:value=form.title
                            readonly=move || !editable.get()
                            aria-invalid=move || field_error("title")().is_some().to_string()/>
                    </div>
                    <div class="form-row">
                        <div class="form-field">
                            <label class="form-field__label" for="vacancy-language">{move || locale.t(Text::VacancyLanguage)}</label>
                            <select id="vacancy-language" disabled=move || !editable.get()
                                on:change=move |e| form.language.set(Language::from_tag(&event_target_value(&e)).unwrap_or_default())>
                                <option value="nl" selected=move || form.language.get() == Language::Nl>{move || locale.t(Text::Dutch)}</option>
                                <option value="en" selected=move || form.language.get() == Language::En>{move || locale.t(Text::English)}</option>
                            </select>
                        </div>
                        <div class="form-field" class:form-field--invalid=move || field_error("salary_scale")().is_some()>
                            <label class="form-field__label" for="vacancy-scale">{move || locale.t(Text::SalaryScale)}</label>
                            {move || field_error("salary_scale")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                            <input id="vacancy-scale" type="text" inputmode="numeric" bind:value=form.salary_scale readonly=move || !editable.get()/>
                        </div>
                        <div class="form-field" class:form-field--invalid=move || field_error("hours_per_week")().is_some()>
                            <label class="form-field__label" for="vacancy-hours">{move || locale.t(Text::HoursPerWeek)}</label>
                            {move || field_error("hours_per_week")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                            <input id="vacancy-hours" type="text" inputmode="numeric" bind:value=form.hours readonly=move || !editable.get()/>
                        </div>
                    </div>
                    <div class="form-field" class:form-field--invalid=move || field_error("location")().is_some()>
                        <label class="form-field__label" for="vacancy-location">{move || locale.t(Text::Location)}</label>
                        {move || field_error("location")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                        <input id="vacancy-location" type="text" bind:value=form.location readonly=move || !editable.get()/>
                    </div>
                    <div class="form-row">
                        <div class="form-field" class:form-field--invalid=move || field_error("closing_date")().is_some()>
                            <label class="form-field__label" for="vacancy-closing-date">{move || locale.t(Text::ClosingDate)}</label>
                            <p class="form-field__hint" id="vacancy-closing-date-hint">{move || locale.t(Text::ClosingDateHelp)}</p>
                            {move || field_error("closing_date")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                            <input id="vacancy-closing-date" type="date" bind:value=form.closing_date readonly=move || !editable.get()
                                aria-describedby="vacancy-closing-date-hint"/>
                        </div>
                        <div class="form-field" class:form-field--invalid=move || field_error("time_zone")().is_some()>
                            <label class="form-field__label" for="vacancy-time-zone">{move || locale.t(Text::TimeZone)}</label>
                            {move || field_error("time_zone")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                            <select id="vacancy-time-zone" disabled=move || !editable.get()
                                on:change=move |e| form.time_zone.set(event_target_value(&e))>
                                {TIME_ZONES.into_iter().map(|(zone, label)| view! {
                                    <option value=zone selected=move || form.time_zone.get() == zone>{move || locale.t(label)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <fieldset class="form-fieldset" id="vacancy-requirements">
                        <legend class="form-field__label">{move || locale.t(Text::Requirements)}</legend>
                        <p class="form-field__hint">{move || locale.t(Text::RequirementsHelp)}</p>
                        {move || field_error("requirements")().map(|m| view! { <p class="form-field__error">{m}</p> })}
                        <For each=move || form.requirements.get() key=|row| row.key let:row>
                            <RequirementEditor form key=row.key editable/>
                        </For>
                        <button type="button" class="button button--secondary button--small" disabled=move || !editable.get()
                            on:click=move |_| form.add_requirement(RequirementKind::MustHave)>{move || locale.t(Text::AddRequirement)}</button>
                    </fieldset>
                    <div class="form-field">
                        <label class="form-field__label" for="vacancy-text">{move || locale.t(Text::VacancyTextLabel)}</label>
                        <p class="form-field__hint" id="vacancy-text-hint">
                            {move || locale.t(Text::VacancyTextHelp)} " " {move || word_count.get()} " " {move || locale.t(Text::Words)}
                        </p>
                        <textarea id="vacancy-text" rows="16" node_ref=text_area aria-describedby="vacancy-text-hint"
                            readonly=move || !editable.get()
                            prop:value=move || form.text.get()
                            on:input=move |e| form.text.set(event_target_value(&e))></textarea>
                    </div>
                    <Show when=move || form.allowances.with(|a| !a.is_empty())>
                        <section class="allowances" aria-labelledby="allowances-title">
                            <h2 id="allowances-title" class="preview__title">{move || locale.t(Text::IgnoredFindings)}</h2>
                            <ul>
                                {move || form.allowances.get().into_iter().enumerate().map(|(position, allowance)| view! {
                                    <li>
                                        <q>{allowance.word.clone().unwrap_or_else(|| allowance.rule_id.clone())}</q> " — " {allowance.reason.clone()} " "
                                        <button type="button" class="button button--small button--secondary" disabled=move || !editable.get()
                                            on:click=move |_| form.allowances.update(|list| { list.remove(position); })>
                                            {locale.t(Text::ShowAgain)}
                                        </button>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    </Show>
                    <section class="preview" aria-labelledby="preview-title">
                        <h2 id="preview-title" class="preview__title">{move || locale.t(Text::PreviewTitle)}</h2>
                        <div class="preview__text" lang=move || form.language.get().tag()>
                            <Preview text=form.text.into() analysis/>
                        </div>
                    </section>
                    <QuestionnaireEditor questions=form.questions requirements=requirement_choices
                        vacancy_language=form.language.into() editable failure/>
                    <Show when=move || editable.get()>
                        <div class="editor__actions">
                            <button type="button" class="button" on:click=save_draft.clone() aria-disabled=move || busy.get().to_string()>
                                {move || if busy.get() { locale.t(Text::Saving) } else { locale.t(Text::SaveDraft) }}
                            </button>
                            <button type="button" class="button button--secondary" on:click=undo disabled=move || history.with(Vec::is_empty)>
                                {move || locale.t(Text::Undo)}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| publishing.set(true)>
                                {move || locale.t(Text::Publish)}
                            </button>
                        </div>
                    </Show>
                    <Show when=move || publishing.get() && editable.get()>
                        <section class="publish" aria-labelledby="publish-title">
                            <h2 id="publish-title">{move || locale.t(Text::PublishTitle)}</h2>
                            {move || {
                                let items = blocking.get();
                                if items.is_empty() {
                                    view! { <p>{locale.t(Text::PublishReady)}</p> }.into_any()
                                } else {
                                    view! {
                                        <p>{locale.t(Text::PublishBlockingIntro)}</p>
                                        <ol class="publish__list">
                                            {items.into_iter().map(|(index, finding)| {
                                                let field = format!("override-{index}");
                                                view! {
                                                    <li>
                                                        <p><span class="finding__number">{index + 1}</span> " "
                                                            <q>{finding.matched.clone().unwrap_or_default()}</q> " — "
                                                            {finding.explanation.get(locale.language()).to_owned()}</p>
                                                        <label class="form-field__label" for=field.clone()>{locale.t(Text::OverrideReason)}</label>
                                                        <textarea id=field rows="2"
                                                            prop:value=move || reasons.with(|r| r.get(&index).cloned().unwrap_or_default())
                                                            on:input=move |e| { let value = event_target_value(&e); reasons.update(|r| { r.insert(index, value); }); }></textarea>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ol>
                                    }.into_any()
                                }
                            }}
                            <button type="button" class="button" on:click=publish.clone() aria-disabled=move || busy.get().to_string()>
                                {move || if blocking.with(Vec::is_empty) { locale.t(Text::ConfirmPublish) } else { locale.t(Text::PublishAnyway) }}
                            </button>
                        </section>
                    </Show>
                </form>
                <FindingsPanel analysis analysis_ms on_go_to=go_to on_apply=apply on_allow=allow editable/>
            </div>
        </div>
    }
}

/// One requirement: its text, its kind, and a button to remove it.
#[component]
fn RequirementEditor(form: Form, key: u64, editable: Signal<bool>) -> impl IntoView {
    let locale = use_locale();
    let row = move || form.requirements.with(|rows| rows.iter().find(|r| r.key == key).cloned());
    let position = move || form.requirements.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0) + 1);
    let update = move |change: &dyn Fn(&mut RequirementRow)| {
        form.requirements.update(|rows| {
            if let Some(row) = rows.iter_mut().find(|r| r.key == key) {
                change(row);
            }
        })
    };
    let text_id = format!("requirement-{key}");
    let kind_id = format!("requirement-kind-{key}");
    view! {
        <div class="requirement">
            <div class="form-field requirement__text">
                <label for=text_id.clone()>{move || format!("{} {}", locale.t(Text::Requirement), position())}</label>
                <input id=text_id type="text" readonly=move || !editable.get()
                    prop:value=move || row().map(|r| r.text).unwrap_or_default()
                    on:input=move |e| { let value = event_target_value(&e); update(&|r| r.text = value.clone()); }/>
            </div>
            <div class="form-field requirement__kind">
                <label for=kind_id.clone()>{move || locale.t(Text::RequirementKind)}</label>
                <select id=kind_id disabled=move || !editable.get()
                    on:change=move |e| {
                        let kind = if event_target_value(&e) == "nice_to_have" { RequirementKind::NiceToHave } else { RequirementKind::MustHave };
                        update(&|r| r.kind = kind);
                    }>
                    <option value="must_have" selected=move || row().is_some_and(|r| r.kind == RequirementKind::MustHave)>{move || locale.t(Text::MustHave)}</option>
                    <option value="nice_to_have" selected=move || row().is_some_and(|r| r.kind == RequirementKind::NiceToHave)>{move || locale.t(Text::NiceToHave)}</option>
                </select>
            </div>
            <button type="button" class="button button--secondary button--small requirement__remove" disabled=move || !editable.get()
                on:click=move |_| {
                    if let Some(removed) = row().and_then(|r| r.id) {
                        form.questions.update(|questions| questions.iter_mut().for_each(|q| q.requirement_ids.retain(|id| *id != removed)));
                    }
                    form.requirements.update(|rows| rows.retain(|r| r.key != key));
                }>
                {move || locale.t(Text::RemoveRequirement)} <span class="visually-hidden">{move || format!(" {}", position())}</span>
            </button>
        </div>
    }
}
