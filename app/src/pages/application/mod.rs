//! The applicant's pages: applying through the questionnaire, resuming a draft with the access code,
//! and the status page (withdraw, download, delete).
//!
//! The browser keeps the access code and a copy of the draft in session storage, so a reload or a
//! lost connection loses nothing; the server keeps the draft too, so the code resumes it anywhere.
//! Session storage ends with the tab, so a shared computer does not keep anyone's application.

pub mod apply;
pub mod resume;
pub mod status;

use uuid::Uuid;

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().session_storage().ok().flatten()
}

/// A value kept for this tab under `key`.
pub fn remembered(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn remember(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Where this tab keeps the access code of its draft for `vacancy`.
pub fn code_key(vacancy: Uuid) -> String {
    format!("breedwerf.apply.{vacancy}.code")
}

/// Where this tab keeps its copy of the draft for `vacancy`.
pub fn draft_key(vacancy: Uuid) -> String {
    format!("breedwerf.apply.{vacancy}.draft")
}

/// Where this tab keeps the page of the questionnaire it was on.
pub fn page_key(vacancy: Uuid) -> String {
    format!("breedwerf.apply.{vacancy}.page")
}

/// The last access code used in this tab, for the status page.
pub const LAST_CODE_KEY: &str = "breedwerf.apply.last-code";
