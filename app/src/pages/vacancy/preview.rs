//! The vacancy text with its findings marked in place. Marks carry the finding's number, so they do
//! not rely on colour alone, and the same number leads to the explanation in the findings list.

use domain::analysis::{Analysis, Field};
use leptos::prelude::*;

use super::severity_class;

/// A piece of the text: plain, or marked with the number and severity class of a finding.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    text: String,
    finding: Option<(usize, &'static str)>,
}

/// Splits `text` at the spans of the text findings. Where spans overlap, the first one wins; the
/// other finding is still in the list.
fn segments(text: &str, analysis: &Analysis) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let mut marks: Vec<(usize, usize, usize, &'static str)> = analysis
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.field == Field::Text)
        .filter_map(|(i, f)| f.span.map(|s| (s.start, s.end.min(chars.len()), i + 1, severity_class(f.severity))))
        .collect();
    marks.sort_by_key(|&(start, end, _, _)| (start, std::cmp::Reverse(end)));
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, number, class) in marks {
        if start < at || start >= end {
            continue;
        }
        if start > at {
            out.push(Segment { text: chars[at..start].iter().collect(), finding: None });
        }
        out.push(Segment { text: chars[start..end].iter().collect(), finding: Some((number, class)) });
        at = end;
    }
    if at < chars.len() {
        out.push(Segment { text: chars[at..].iter().collect(), finding: None });
    }
    out
}

#[component]
pub fn Preview(text: Signal<String>, analysis: Signal<Analysis>) -> impl IntoView {
    move || {
        let text = text.get();
        let analysis = analysis.get();
        segments(&text, &analysis)
            .into_iter()
            .map(|segment| match segment.finding {
                None => segment.text.into_any(),
                Some((number, class)) => view! {
                    <mark class=format!("finding-mark finding-mark--{class}")>
                        {segment.text}
                        <sup class="finding-mark__number">{number}</sup>
                    </mark>
                }
                .into_any(),
            })
            .collect_view()
    }
}
