//! How long the vacancy-text analyser takes for texts of 250, 1,000 and 5,000 words.
//! Run with `cargo bench -p domain --bench analysis`; results are written up in BENCHMARKS.md.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use domain::analysis::analyse;
use domain::analysis::rules::RuleSet;
use domain::language::Language;

/// A realistic Dutch vacancy paragraph with findings of most kinds, repeated to the wanted length.
const PARAGRAPH: &str = "Wij zoeken een ambitieuze en resultaatgerichte beleidsmedewerker voor ons jonge team. \
Je werkt samen met stakeholders binnen en buiten het ministerie en je zorgt ervoor dat de plannen van de directie goed \
aansluiten op wat er in de praktijk bij gemeenten en provincies gebeurt. Er wordt van je gevraagd om snel te schakelen. \
Je bent communicatief sterk, zorgvuldig en betrokken. Je hebt maximaal 5 jaar ervaring en Nederlands is je moedertaal.\n\
Wat bieden wij? Schaal 10, 36 uur per week, en een inclusieve werkplek waar iedereen welkom is.\n";

fn text_of(words: usize) -> String {
    let per_paragraph = PARAGRAPH.split_whitespace().count();
    let text = PARAGRAPH.repeat(words.div_ceil(per_paragraph));
    // End the text after its `words`-th word.
    let mut count = 0;
    let mut in_word = false;
    for (index, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count == words {
                    return text[..index].to_owned();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::builtin();
    let mut group = c.benchmark_group("analyse");
    for words in [250, 1_000, 5_000] {
        let text = text_of(words);
        group.throughput(Throughput::Elements(words as u64));
        group.bench_with_input(BenchmarkId::from_parameter(words), &text, |b, text| {
            b.iter(|| analyse(text, Some(Language::Nl), rules, &[]))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
