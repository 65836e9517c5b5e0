//! The frame of every page: skip link, header with language switch and session, main landmark,
//! footer with the accessibility statement.

use domain::language::Language;
use leptos::html::Main;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::client;
use crate::i18n::{Text, use_locale};
use crate::session::use_session;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let locale = use_locale();
    let main = NodeRef::<Main>::new();
    // Move focus ourselves: the router would otherwise treat the link as a navigation.
    let skip_to_content = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = main.get() {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_content>{move || locale.t(Text::SkipToContent)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__name">"Breedwerf"</span>
                    <span class="site-header__tagline">{move || locale.t(Text::SiteTagline)}</span>
                </A>
                <div class="site-header__tools">
                    <LanguageSwitch/>
                    <SessionControls/>
                </div>
            </div>
        </header>
        <main id="main" class="site-main" tabindex="-1" node_ref=main>{children()}</main>
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{move || locale.t(Text::FooterAbout)}</p>
                <nav aria-label=move || locale.t(Text::FooterNavigation)>
                    <ul class="site-footer__links">
                        <li><A href="/vacatures">{move || locale.t(Text::OpenVacancies)}</A></li>
                        <li><A href="/sollicitatie/hervatten">{move || locale.t(Text::ResumeTitle)}</A></li>
                        <li><A href="/sollicitatie/status">{move || locale.t(Text::StatusTitle)}</A></li>
                        <li><A href="/toegankelijkheid">{move || locale.t(Text::AccessibilityStatement)}</A></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}

/// Two buttons, each named in its own language, the current one marked as pressed.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let option = move |language: Language, label: &'static str| {
        view! {
            <button
                type="button"
                class="language-switch__option"
                lang=language.tag()
                aria-pressed=move || (locale.language() == language).to_string()
                on:click=move |_| locale.set(language)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label=move || locale.t(Text::LanguageSwitch)>
            {option(Language::Nl, "Nederlands")}
            {option(Language::En, "English")}
        </div>
    }
}

#[component]
fn SessionControls() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let navigate = use_navigate();
    let log_out = move |_| {
        let navigate = navigate.clone();
        let language = locale.language();
        spawn_local(async move {
            // Whatever the server says, the local session is over: reload it and go home.
            let _ = client::logout(&session.csrf_token(), language).await;
            session.reload(language);
            navigate("/", Default::default());
        });
    };
    move || match session.user() {
        Some(user) => view! {
            <div class="session">
                <span class="session__user">
                    <span class="visually-hidden">{move || locale.t(Text::LoggedInAs)}" "</span>
                    {user.display_name}
                </span>
                <button type="button" class="button button--secondary" on:click=log_out.clone()>
                    {move || locale.t(Text::LogOut)}
                </button>
            </div>
        }
        .into_any(),
        None => view! { <A href="/inloggen" attr:class="button button--secondary">{move || locale.t(Text::LogIn)}</A> }
            .into_any(),
    }
}
