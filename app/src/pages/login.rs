//! Staff log in. Errors appear in a summary at the top and at the fields, in the chosen language.

use api::account::LoginRequest;
use api::problem::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::client::{self, ApiFailure};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

#[component]
pub fn LoginPage() -> impl IntoView {
    use_title(Text::LoginTitle);
    let locale = use_locale();
    let session = use_session();
    let navigate = use_navigate();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let busy = RwSignal::new(false);

    let field_error = move |name: &'static str| {
        move || failure.get().and_then(|f| f.field(name)).map(|code| code.message(locale.language()))
    };
    let summary = Signal::derive(move || {
        let Some(failure) = failure.get() else {
            return Vec::new();
        };
        let language = locale.language();
        match &failure {
            ApiFailure::Problem(problem) if problem.code == ErrorCode::ValidationFailed => problem
                .fields
                .iter()
                .map(|f| SummaryItem { field_id: Some(f.field.clone()), message: f.code.message(language).into() })
                .collect(),
            _ => vec![SummaryItem { field_id: None, message: failure.message(language).into() }],
        }
    });

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let request = LoginRequest { username: username.get_untracked(), password: password.get_untracked() };
        let language = locale.language();
        let navigate = navigate.clone();
        spawn_local(async move {
            match client::login(&request, &session.csrf_token(), language).await {
                Ok(info) => {
                    failure.set(None);
                    session.set(info);
                    navigate("/", Default::default());
                }
                Err(error) => {
                    password.set(String::new());
                    failure.set(Some(error));
                }
            }
            busy.set(false);
        });
    };

    view! {
        <div class="page page--narrow">
            <h1>{move || locale.t(Text::LoginTitle)}</h1>
            <p class="lead">{move || locale.t(Text::LoginIntro)}</p>
            <ErrorSummary items=summary/>
            <form class="form" on:submit=submit novalidate>
                <FormField id="username" label=Text::Username error=Signal::derive(field_error("username"))>
                    <input
                        id="username"
                        name="username"
                        type="text"
                        autocomplete="username"
                        autocapitalize="none"
                        spellcheck="false"
                        required
                        aria-invalid=move || field_error("username")().is_some().to_string()
                        aria-describedby=move || field_error("username")().map(|_| "username-error")
                        bind:value=username
                    />
                </FormField>
                <FormField id="password" label=Text::Password error=Signal::derive(field_error("password"))>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        aria-invalid=move || field_error("password")().is_some().to_string()
                        aria-describedby=move || field_error("password")().map(|_| "password-error")
                        bind:value=password
                    />
                </FormField>
                <button type="submit" class="button" aria-disabled=move || busy.get().to_string()>
                    {move || if busy.get() { locale.t(Text::LoggingIn) } else { locale.t(Text::LogIn) }}
                </button>
            </form>
        </div>
    }
}

/// A labelled field with its error message, linked for screen readers by `{id}-error`.
#[component]
fn FormField(id: &'static str, label: Text, error: Signal<Option<&'static str>>, children: Children) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="form-field" class:form-field--invalid=move || error.get().is_some()>
            <label class="form-field__label" for=id>{move || locale.t(label)}</label>
            <Show when=move || error.get().is_some()>
                <p class="form-field__error" id=format!("{id}-error")>{move || error.get()}</p>
            </Show>
            {children()}
        </div>
    }
}
