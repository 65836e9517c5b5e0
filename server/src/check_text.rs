//! `breedwerf check-text`: the vacancy-text analyser over files, so a department can audit hundreds
//! of existing texts at once. An unreadable file is reported and the run goes on with the others.

use std::io::Write;
use std::path::Path;

use domain::analysis::rules::RuleSet;
use domain::analysis::{Analysis, analyse};
use domain::language::Language;
use serde::Serialize;

/// How to print the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON document per line, one per file.
    Json,
    /// A summary and the findings, for people.
    Text,
}

/// One file's result, as printed in JSON.
#[derive(Debug, Serialize)]
struct FileReport<'a> {
    file: String,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

/// Checks every file; returns whether all could be read.
pub fn check_files(
    paths: &[impl AsRef<Path>],
    language: Option<Language>,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    each_readable_file(paths, err, |path, text| {
        let analysis = analyse(&text, language, RuleSet::builtin(), &[]);
        match format {
            Format::Json => {
                let report = FileReport { file: path.display().to_string(), analysis: &analysis };
                writeln!(out, "{}", serde_json::to_string(&report).map_err(std::io::Error::other)?)
            }
            Format::Text => write_text(out, path, &text, &analysis),
        }
    })
}

/// Calls `each` with the text of every file that can be read; says on `err` why the others cannot.
/// Returns whether all could be read.
pub fn each_readable_file(
    paths: &[impl AsRef<Path>],
    err: &mut impl Write,
    mut each: impl FnMut(&Path, String) -> std::io::Result<()>,
) -> std::io::Result<bool> {
    let mut all_read = true;
    for path in paths {
        let path = path.as_ref();
        match read_text(path, err)? {
            Some(text) => each(path, text)?,
            None => all_read = false,
        }
    }
    Ok(all_read)
}

/// A file's text, or `None` after saying on `err` why it cannot be read.
fn read_text(path: &Path, err: &mut impl Write) -> std::io::Result<Option<String>> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(Some(text)),
            Err(_) => {
                writeln!(err, "{}: not UTF-8 text; save it as UTF-8 and try again", path.display())?;
                Ok(None)
            }
        },
        Err(error) => {
            writeln!(err, "{}: cannot read: {error}", path.display())?;
            Ok(None)
        }
    }
}

fn write_text(out: &mut impl Write, path: &Path, text: &str, analysis: &Analysis) -> std::io::Result<()> {
    let r = &analysis.readability;
    writeln!(
        out,
        "{}: {} ({}), tone {:?} ({} masculine, {} feminine), Flesch {:.0}, {:.1} words per sentence, {} findings",
        path.display(),
        analysis.language.tag(),
        if analysis.language_detected { "detected" } else { "given" },
        analysis.gender.tone,
        analysis.gender.masculine,
        analysis.gender.feminine,
        r.flesch,
        r.average_sentence_length,
        analysis.findings.len()
    )?;
    for finding in &analysis.findings {
        let place =
            finding.span.map(|s| line_and_column(text, s.start)).map_or("-".to_owned(), |(l, c)| format!("{l}:{c}"));
        let matched = finding.matched.as_deref().map(|m| format!(" ‘{m}’")).unwrap_or_default();
        let suggestion = finding.suggestions.first().map(|s| format!(" → {s}")).unwrap_or_default();
        writeln!(
            out,
            "  {place:>7} {:?} {:?}{matched}: {}{suggestion}",
            finding.severity,
            finding.category,
            finding.explanation.get(analysis.language)
        )?;
    }
    Ok(())
}

/// 1-based line and column of a character offset.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut line = 1;
    let mut column = 1;
    for c in text.chars().take(offset) {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_files_are_reported_and_the_others_still_checked() {
        let dir = tempfile::tempdir().expect("a folder");
        let good = dir.path().join("goed.txt");
        let latin1 = dir.path().join("latin1.txt");
        std::fs::write(&good, "Wij zijn een jong team.").expect("written");
        std::fs::write(&latin1, [0x63, 0x61, 0x66, 0xe9]).expect("written");
        let missing = dir.path().join("bestaat-niet.txt");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let all_read = check_files(&[&latin1, &good, &missing], None, Format::Json, &mut out, &mut err).expect("io");
        assert!(!all_read);
        let out = String::from_utf8(out).expect("utf-8");
        let documents: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0]["language"], "nl");
        assert!(
            documents[0]["findings"].as_array().is_some_and(|f| f.iter().any(|f| f["category"] == "exclusion_age"))
        );
        let err = String::from_utf8(err).expect("utf-8");
        assert!(err.contains("latin1.txt: not UTF-8"), "{err}");
        assert!(err.contains("bestaat-niet.txt: cannot read"), "{err}");
    }

    #[test]
    fn the_text_format_names_line_and_column() {
        let dir = tempfile::tempdir().expect("a folder");
        let file = dir.path().join("v.txt");
        std::fs::write(&file, "Beleidsmedewerker\nWij zijn een jong team.").expect("written");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        check_files(&[&file], Some(Language::Nl), Format::Text, &mut out, &mut err).expect("io");
        let out = String::from_utf8(out).expect("utf-8");
        assert!(
            out.contains("2:14 Advice ExclusionAge ‘jong team’")
                || out.contains("2:14 Blocking ExclusionAge ‘jong team’"),
            "{out}"
        );
    }
}
