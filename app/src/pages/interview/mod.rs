//! The structured interview: the recruiter's kit, traceability and interviewers (`kit`, `trace`), the
//! interviewers' scorecards and consensus (`scorecard`, `consensus`), the printable guide (`guide`),
//! and the recruiter's decisions and feedback reports (`decision`).

pub mod consensus;
pub mod decision;
pub mod guide;
pub mod kit;
pub mod scorecard;
pub mod trace;

use api::interview::{Anchors, InterviewQuestionKind};
use leptos::prelude::*;

use crate::i18n::{Text, use_locale};

pub fn kind_label(kind: InterviewQuestionKind) -> Text {
    match kind {
        InterviewQuestionKind::Behavioural => Text::KindBehavioural,
        InterviewQuestionKind::Situational => Text::KindSituational,
    }
}

/// The anchored scale of a question: what an answer at 1, 3 and 5 looks like.
#[component]
pub fn AnchorScale(anchors: Anchors) -> impl IntoView {
    let locale = use_locale();
    view! {
        <dl class="anchors">
            <dt>{move || locale.t(Text::Anchor1)}</dt><dd>{anchors.anchor_1}</dd>
            <dt>{move || locale.t(Text::Anchor3)}</dt><dd>{anchors.anchor_3}</dd>
            <dt>{move || locale.t(Text::Anchor5)}</dt><dd>{anchors.anchor_5}</dd>
        </dl>
    }
}
