//! `breedwerf detect-identity`: the identity-cue detector over files, for auditing what it finds
//! (the same detector the applicant's editor and the screening step run). An unreadable file is
//! reported and the run goes on with the others.

use std::io::Write;
use std::path::Path;

use domain::screening::{IdentityCue, identity_cues};
use serde::Serialize;

use crate::check_text::{Format, each_readable_file, line_and_column};

#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    cues: Vec<CueReport>,
}

#[derive(Debug, Serialize)]
struct CueReport {
    #[serde(flatten)]
    cue: IdentityCue,
    text: String,
}

/// Runs the detector on every file; returns whether all could be read.
pub fn detect_files(
    paths: &[impl AsRef<Path>],
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    each_readable_file(paths, err, |path, text| {
        let cues: Vec<CueReport> = identity_cues(&text)
            .into_iter()
            .map(|cue| CueReport { text: text.chars().skip(cue.start).take(cue.end - cue.start).collect(), cue })
            .collect();
        match format {
            Format::Json => {
                let report = FileReport { file: path.display().to_string(), cues };
                writeln!(out, "{}", serde_json::to_string(&report).map_err(std::io::Error::other)?)
            }
            Format::Text => {
                writeln!(out, "{}: {} identity cues", path.display(), cues.len())?;
                for found in &cues {
                    let (line, column) = line_and_column(&text, found.cue.start);
                    let (kind, confidence) = (found.cue.kind.as_str(), found.cue.confidence);
                    writeln!(out, "  {line}:{column} {kind} ‘{}’ (confidence {confidence:.2})", found.text)?;
                }
                Ok(())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_gets_a_line_of_json_and_an_unreadable_one_is_reported() {
        let dir = tempfile::tempdir().expect("a folder");
        let answer = dir.path().join("answer.txt");
        std::fs::write(&answer, "Bel me op 06-12345678. Ik ben 52 jaar.").expect("written");
        let missing = dir.path().join("missing.txt");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let all_read = detect_files(&[&answer, &missing], Format::Json, &mut out, &mut err).expect("runs");
        assert!(!all_read);
        let line: serde_json::Value = serde_json::from_slice(&out).expect("one JSON line");
        let types: Vec<&str> =
            line["cues"].as_array().expect("cues").iter().filter_map(|c| c["type"].as_str()).collect();
        assert_eq!(types, ["PHONE", "AGE"]);
        assert_eq!(line["cues"][0]["text"], "06-12345678");
        assert!(String::from_utf8_lossy(&err).contains("missing.txt: cannot read"));
    }
}
