//! Breedwerf's browser app: a Leptos client-side app, built to WebAssembly by Trunk.
//!
//! Pages live in `pages/`, shared pieces in `components/`, every text in `i18n`, every API call in
//! `client`. The app holds no secrets and decides nothing: the server checks every permission.

mod client;
mod components;
mod i18n;
mod pages;
mod session;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::Layout;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::application::apply::ApplyPage;
use crate::pages::application::resume::ResumePage;
use crate::pages::application::status::StatusPage;
use crate::pages::committee::panel::PanelPage;
use crate::pages::committee::sift::SiftPage;
use crate::pages::committee::{CommitteeHomePage, CommitteeVacancyPage};
use crate::pages::control_outcomes::ControlOutcomesPage;
use crate::pages::home::HomePage;
use crate::pages::interview::consensus::ConsensusPage;
use crate::pages::interview::decision::DecisionPage;
use crate::pages::interview::guide::GuidePage;
use crate::pages::interview::kit::InterviewKitPage;
use crate::pages::interview::scorecard::{InterviewsHomePage, ScorecardPage};
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::organisation_rules::OrganisationRulesPage;
use crate::pages::outbox::OutboxPage;
use crate::pages::pilots::{PilotPage, PilotsPage};
use crate::pages::scoring_results::ScoringResultsPage;
use crate::pages::screening::ScreeningPage;
use crate::pages::vacancy::editor::VacancyEditorPage;
use crate::pages::vacancy::list::VacancyListPage;
use crate::pages::vacancy::open::OpenVacanciesPage;
use crate::pages::vacancy::public::PublicVacancyPage;

#[component]
fn App() -> impl IntoView {
    i18n::provide_locale();
    session::provide_session();
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/inloggen") view=LoginPage/>
                    <Route path=path!("/toegankelijkheid") view=AccessibilityPage/>
                    <Route path=path!("/beheer/regels") view=OrganisationRulesPage/>
                    <Route path=path!("/beheer/vacatures") view=VacancyListPage/>
                    <Route path=path!("/beheer/vacatures/:id") view=VacancyEditorPage/>
                    <Route path=path!("/beheer/vacatures/:id/screening") view=ScreeningPage/>
                    <Route path=path!("/beheer/vacatures/:id/uitkomsten") view=ControlOutcomesPage/>
                    <Route path=path!("/beheer/vacatures/:id/beoordeling") view=ScoringResultsPage/>
                    <Route path=path!("/beheer/vacatures/:id/gesprek") view=InterviewKitPage/>
                    <Route path=path!("/beheer/vacatures/:id/besluit") view=DecisionPage/>
                    <Route path=path!("/beheer/outbox") view=OutboxPage/>
                    <Route path=path!("/gesprekken") view=InterviewsHomePage/>
                    <Route path=path!("/evaluatie") view=PilotsPage/>
                    <Route path=path!("/evaluatie/pilot/:id") view=PilotPage/>
                    <Route path=path!("/gesprekken/vacature/:id/leidraad") view=GuidePage/>
                    <Route path=path!("/gesprekken/vacature/:id/kandidaat/:application") view=ScorecardPage/>
                    <Route path=path!("/gesprekken/vacature/:id/kandidaat/:application/overleg") view=ConsensusPage/>
                    <Route path=path!("/commissie") view=CommitteeHomePage/>
                    <Route path=path!("/commissie/vacature/:id") view=CommitteeVacancyPage/>
                    <Route path=path!("/commissie/vacature/:id/vraag/:question") view=SiftPage/>
                    <Route path=path!("/commissie/vacature/:id/vraag/:question/panel") view=PanelPage/>
                    <Route path=path!("/vacatures") view=OpenVacanciesPage/>
                    <Route path=path!("/vacature/:id") view=PublicVacancyPage/>
                    <Route path=path!("/vacature/:id/solliciteren") view=ApplyPage/>
                    <Route path=path!("/sollicitatie/hervatten") view=ResumePage/>
                    <Route path=path!("/sollicitatie/status") view=StatusPage/>
                </Routes>
            </Layout>
        </Router>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
