//! Who is logged in, shared through context. Loaded once at start; login and logout update it.

use api::Language;
use api::account::{SessionInfo, StaffUser};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::client;
use crate::i18n::use_locale;

#[derive(Debug, Clone, Copy)]
pub struct Session {
    info: RwSignal<Option<SessionInfo>>,
    loaded: RwSignal<bool>,
}

impl Session {
    pub fn user(&self) -> Option<StaffUser> {
        self.info.get().and_then(|info| info.user)
    }

    /// Whether the first `GET /api/session` has answered.
    pub fn loaded(&self) -> bool {
        self.loaded.get()
    }

    pub fn csrf_token(&self) -> String {
        self.info.get_untracked().map(|info| info.csrf_token).unwrap_or_default()
    }

    pub fn set(&self, info: SessionInfo) {
        self.info.set(Some(info));
    }

    /// Asks the server again (after logout, the user is gone but the CSRF token stays).
    pub fn reload(&self, language: Language) {
        let session = *self;
        spawn_local(async move {
            if let Ok(info) = client::session(language).await {
                session.info.set(Some(info));
            }
            session.loaded.set(true);
        });
    }
}

pub fn provide_session() {
    let session = Session { info: RwSignal::new(None), loaded: RwSignal::new(false) };
    provide_context(session);
    session.reload(use_locale().language());
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
