//! One answer under review: its text with the findings marked, a decision per finding, the copy the
//! committee will read, and a form to mask words the detector missed.

use api::Language;
use api::problem::ErrorCode;
use api::screening::{CueType, Finding, FindingDecision, MaskInput, ScreenedAnswer};
use domain::screening::{Mask, mask};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use super::cue_type_name;
use crate::client;
use crate::i18n::{Text, use_locale};
use crate::session::use_session;

#[component]
pub fn AnswerReview(
    vacancy: Uuid,
    answer: ScreenedAnswer,
    editable: Signal<bool>,
    language: Signal<Language>,
    on_change: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let session = use_session();
    let findings = RwSignal::new(answer.findings.clone());
    let error = RwSignal::new(None::<&'static str>);
    let text = StoredValue::new(answer.text.clone());
    let chars: Vec<char> = answer.text.chars().collect();
    let span_of =
        move |f: &Finding| chars.get(f.start as usize..f.end as usize).map(String::from_iter).unwrap_or_default();
    let span_of = StoredValue::new(span_of);
    let decide = move |finding: Uuid, decision: FindingDecision| {
        let (ui, csrf) = (locale.language_untracked(), session.csrf_token());
        spawn_local(async move {
            match client::decide_finding(vacancy, finding, decision, &csrf, ui).await {
                Ok(decided) => {
                    findings
                        .update(|all| all.iter_mut().filter(|f| f.id == decided.id).for_each(|f| *f = decided.clone()));
                    error.set(None);
                    on_change.run(());
                }
                Err(failure) => error.set(Some(failure.message(ui))),
            }
        });
    };
    let committee_copy = move || {
        let masks: Vec<Mask> = findings.with(|all| {
            all.iter()
                .filter(|f| f.decision == FindingDecision::Confirmed)
                .map(|f| Mask { kind: f.kind, start: f.start as usize, end: f.end as usize })
                .collect()
        });
        text.with_value(|t| mask(t, &masks, language.get()))
    };

    // Manual masks: the recruiter types the words; every place they occur is masked.
    let words = RwSignal::new(String::new());
    let kind = RwSignal::new(CueType::Person);
    let add_mask = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let spans = text.with_value(|t| occurrences(t, words.get_untracked().trim()));
        let ui = locale.language_untracked();
        if spans.is_empty() {
            error.set(Some(ErrorCode::MaskInvalid.message(ui)));
            return;
        }
        let csrf = session.csrf_token();
        let kind = kind.get_untracked();
        spawn_local(async move {
            for (start, end) in spans {
                let input = MaskInput { kind, start, end };
                match client::add_mask(vacancy, answer.id, &input, &csrf, ui).await {
                    Ok(finding) => findings.update(|all| all.push(finding)),
                    Err(failure) => {
                        error.set(Some(failure.message(ui)));
                        return;
                    }
                }
            }
            words.set(String::new());
            error.set(None);
            on_change.run(());
        });
    };
    let heading = move || locale.t(Text::AnswerNumber).replace("{number}", &answer.number.to_string());
    let words_id = format!("mask-words-{}", answer.id);
    let kind_id = format!("mask-kind-{}", answer.id);

    view! {
        <article class="screened-answer" aria-label=heading>
            <h4>{heading}</h4>
            <p class="screened-answer__text">{move || marked(&text.get_value(), &findings.get())}</p>
            <ul class="screening-findings">
                {move || findings.get().into_iter().map(|finding| {
                    let id = finding.id;
                    let label = format!("{}: “{}”", locale.t(cue_type_name(finding.kind)), span_of.with_value(|s| s(&finding)));
                    let label_for_buttons = label.clone();
                    view! {
                        <li class=format!("screening-finding screening-finding--{}", decision_class(finding.decision))>
                            <span>{label}</span>
                            <span class="screening-finding__decision">{locale.t(decision_name(finding.decision))}</span>
                            <span class="button-row">
                                <button type="button" class="button button--small"
                                    aria-pressed=(finding.decision == FindingDecision::Confirmed).to_string()
                                    aria-label=format!("{} — {}", locale.t(Text::MaskIt), label_for_buttons)
                                    disabled=move || !editable.get()
                                    on:click=move |_| decide(id, FindingDecision::Confirmed)>{locale.t(Text::MaskIt)}</button>
                                <button type="button" class="button button--small button--secondary"
                                    aria-pressed=(finding.decision == FindingDecision::Dismissed).to_string()
                                    aria-label=format!("{} — {}", locale.t(Text::DoNotMask), label_for_buttons)
                                    disabled=move || !editable.get()
                                    on:click=move |_| decide(id, FindingDecision::Dismissed)>{locale.t(Text::DoNotMask)}</button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="screened-answer__copy-label"><strong>{move || locale.t(Text::CommitteeSees)}</strong></p>
            <blockquote class="screened-answer__copy" data-testid="committee-copy">{committee_copy}</blockquote>
            {move || error.get().map(|message| view! { <p class="alert alert--error" role="alert">{message}</p> })}
            <Show when=move || editable.get()>
                <details class="mask-details">
                    <summary>{move || locale.t(Text::WordsToMask)}</summary>
                    <p class="form-field__hint">{move || locale.t(Text::WordsToMaskHint)}</p>
                    <form class="mask-form" on:submit=add_mask>
                        <div class="form-field">
                            <label class="form-field__label" for=words_id.clone()>{move || locale.t(Text::MaskWords)}</label>
                            <input id=words_id.clone() type="text" bind:value=words/>
                        </div>
                        <div class="form-field">
                            <label class="form-field__label" for=kind_id.clone()>{move || locale.t(Text::CueKind)}</label>
                            <select id=kind_id.clone() on:change=move |e| {
                                if let Some(chosen) = CueType::parse(&event_target_value(&e)) { kind.set(chosen) }
                            }>
                                {CueType::ALL.into_iter().map(|option| view! {
                                    <option value=option.as_str() selected=move || kind.get() == option>{move || locale.t(cue_type_name(option))}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button button--secondary">{move || locale.t(Text::AddMask)}</button>
                    </form>
                </details>
            </Show>
        </article>
    }
}

/// The text with each finding in a `<mark>`; a finding inside an earlier one is only listed.
fn marked(text: &str, findings: &[Finding]) -> impl IntoView + use<> {
    let chars: Vec<char> = text.chars().collect();
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| (f.start, f.end));
    let mut pieces = Vec::new();
    let mut at = 0usize;
    for finding in sorted {
        let (start, end) = (finding.start as usize, (finding.end as usize).min(chars.len()));
        if start < at || start >= end {
            continue;
        }
        pieces.push(view! { <span>{String::from_iter(&chars[at..start])}</span> }.into_any());
        let class = format!("cue cue--{}", decision_class(finding.decision));
        pieces.push(view! { <mark class=class>{String::from_iter(&chars[start..end])}</mark> }.into_any());
        at = end;
    }
    pieces.push(view! { <span>{String::from_iter(&chars[at..])}</span> }.into_any());
    pieces
}

/// Every place `words` occurs in `text`, as character offsets; nothing for empty words.
fn occurrences(text: &str, words: &str) -> Vec<(u32, u32)> {
    if words.is_empty() {
        return Vec::new();
    }
    let length = u32::try_from(words.chars().count()).unwrap_or(u32::MAX);
    text.match_indices(words)
        .map(|(byte, _)| {
            let start = u32::try_from(text[..byte].chars().count()).unwrap_or(u32::MAX);
            (start, start.saturating_add(length))
        })
        .collect()
}

fn decision_class(decision: FindingDecision) -> &'static str {
    match decision {
        FindingDecision::Pending => "pending",
        FindingDecision::Confirmed => "confirmed",
        FindingDecision::Dismissed => "dismissed",
    }
}

fn decision_name(decision: FindingDecision) -> Text {
    match decision {
        FindingDecision::Pending => Text::DecisionPending,
        FindingDecision::Confirmed => Text::DecisionConfirmed,
        FindingDecision::Dismissed => Text::DecisionDismissed,
    }
}
