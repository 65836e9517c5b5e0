//! How long the identity-cue detector takes for one 250-word answer (the target: well under
//! a millisecond). Run with `cargo bench -p domain --bench identity`; results are in BENCHMARKS.md.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use domain::screening::identity_cues;

/// An answer with cues of most kinds, repeated to 250 words.
const ANSWER: &str = "Mijn naam is Fatima el Amrani en ik ben 34 jaar. Als moeder van twee kinderen werkte ik bij \
de gemeente Utrecht aan een project over armoede. Ik woon in Zwolle, Kerkstraat 12, 8011 AB. Van 2015 tot 2019 \
leidde ik een team van acht mensen; het project duurde 2 jaar en kostte € 250.000. Ik studeerde aan de \
Hogeschool van Amsterdam. Tijdens de ramadan plande ik het werk anders. Bel me op 06-12345678 of mail \
fatima@example.nl. Mijn ouders komen uit Marokko. ";

fn answer_of(words: usize) -> String {
    let all: Vec<&str> = ANSWER.split_whitespace().cycle().take(words).collect();
    all.join(" ")
}

fn detector(c: &mut Criterion) {
    let answer = answer_of(250);
    // The word lists load once; measure the detector, not the loading.
    let _ = identity_cues(&answer);
    let mut group = c.benchmark_group("identity_cues");
    group.throughput(Throughput::Elements(250));
    group.bench_function("250 words", |b| b.iter(|| identity_cues(std::hint::black_box(&answer))));
    group.finish();
}

criterion_group!(benches, detector);
criterion_main!(benches);
