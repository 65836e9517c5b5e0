//! The home page: a welcome for visitors, and for staff a page that fits their role.

use api::Role;
use api::account::StaffUser;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::client;
use crate::components::pagination::Pagination;
use crate::i18n::{Text, use_locale, use_title};
use crate::session::use_session;

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    move || {
        if !session.loaded() {
            return view! { <p class="page" role="status">{locale.t(Text::Loading)}</p> }.into_any();
        }
        match session.user() {
            Some(user) => view! { <StaffHome user/> }.into_any(),
            None => view! { <Welcome/> }.into_any(),
        }
    }
}

#[component]
fn Welcome() -> impl IntoView {
    use_title(Text::WelcomeTitle);
    let locale = use_locale();
    view! {
        <div class="page page--text">
            <h1>{move || locale.t(Text::WelcomeTitle)}</h1>
            <p class="lead">{move || locale.t(Text::WelcomeIntro)}</p>
            <p><A href="/vacatures" attr:class="button">{move || locale.t(Text::OpenVacancies)}</A></p>
            <p>{move || locale.t(Text::WelcomeStaff)}</p>
            <p><A href="/inloggen" attr:class="button">{move || locale.t(Text::LogIn)}</A></p>
        </div>
    }
}

pub fn role_name(role: Role) -> Text {
    match role {
        Role::Admin => Text::RoleAdmin,
        Role::Recruiter => Text::RoleRecruiter,
        Role::Committee => Text::RoleCommittee,
        Role::Evaluator => Text::RoleEvaluator,
    }
}

#[component]
fn StaffHome(user: StaffUser) -> impl IntoView {
    use_title(Text::Home);
    let locale = use_locale();
    let role = user.role;
    let intro = match role {
        Role::Admin => Text::AdminHomeIntro,
        Role::Recruiter => Text::RecruiterHomeIntro,
        Role::Committee => Text::CommitteeHomeIntro,
        Role::Evaluator => Text::EvaluatorHomeIntro,
    };
    view! {
        <div class="page">
            <h1>{move || locale.t(Text::HomeGreeting)}", "{user.display_name.clone()}</h1>
            <p class="role-badge">
                {move || locale.t(Text::YourRole)}": "<strong>{move || locale.t(role_name(role))}</strong>
            </p>
            <p class="lead">{move || locale.t(intro)}</p>
            {(role == Role::Admin).then(|| view! {
                <p class="button-row">
                    <A href="/beheer/regels" attr:class="button">{move || locale.t(Text::OwnRules)}</A>
                    <A href="/beheer/outbox" attr:class="button button--secondary">{move || locale.t(Text::Outbox)}</A>
                    <A href="/evaluatie" attr:class="button button--secondary">{move || locale.t(Text::Pilots)}</A>
                </p>
                <StaffAccounts/>
            })}
            {(role == Role::Committee).then(|| view! {
                <p class="button-row">
                    <A href="/commissie" attr:class="button">{move || locale.t(Text::YourCommittees)}</A>
                    <A href="/gesprekken" attr:class="button button--secondary">{move || locale.t(Text::YourInterviews)}</A>
                </p>
            })}
            {(role == Role::Evaluator).then(|| view! {
                <p><A href="/evaluatie" attr:class="button">{move || locale.t(Text::Pilots)}</A></p>
            })}
            {(role == Role::Recruiter).then(|| view! {
                <p class="button-row">
                    <A href="/beheer/vacatures" attr:class="button">{move || locale.t(Text::YourVacancies)}</A>
                    <A href="/gesprekken" attr:class="button button--secondary">{move || locale.t(Text::YourInterviews)}</A>
                </p>
            })}
        </div>
    }
}

/// The admin's list of staff accounts, a page at a time.
#[component]
fn StaffAccounts() -> impl IntoView {
    let locale = use_locale();
    let page = RwSignal::new(1u64);
    let accounts = LocalResource::new(move || client::users(page.get(), locale.language()));
    view! {
        <section class="section" aria-labelledby="staff-accounts-title">
            <h2 id="staff-accounts-title">{move || locale.t(Text::StaffAccounts)}</h2>
            {move || match accounts.get() {
                None => view! { <p role="status">{locale.t(Text::Loading)}</p> }.into_any(),
                Some(Err(failure)) => view! { <p class="alert alert--error" role="alert">{failure.message(locale.language())}</p> }.into_any(),
                Some(Ok(list)) => {
                    view! {
                        <div class="table-wrapper" tabindex="0">
                            <table class="table">
                                <caption class="visually-hidden">{locale.t(Text::StaffAccounts)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{locale.t(Text::Username)}</th>
                                        <th scope="col">{locale.t(Text::DisplayName)}</th>
                                        <th scope="col">{locale.t(Text::Role)}</th>
                                        <th scope="col">{locale.t(Text::CreatedOn)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.items.into_iter().map(|user| view! {
                                        <tr>
                                            <td>{user.username}</td>
                                            <td>{user.display_name}</td>
                                            <td>{locale.t(role_name(user.role))}</td>
                                            <td>{user.created_at.format("%Y-%m-%d").to_string()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <Pagination page current=list.page per_page=list.per_page total=list.total position=Text::PageOf/>
                    }.into_any()
                }
            }}
        </section>
    }
}
