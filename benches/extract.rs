//! Throughput of extraction and of its stages, in bytes of input per second.
//!
//! `cargo bench` runs it; `cargo bench -- --test` checks each bench once.
//! Names are `stage/input`: `normalize/article`, `values/article`,
//! `extract/article`, `extract/corpus`, `extract/long`, `extract/adversarial`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use vanban::{Extractor, Normalized};

const ARTICLE: &str = include_str!("../corpus/docs/000_2983cdfa499ed57e.txt");
const CORPUS: [&str; 5] = [
    include_str!("../corpus/docs/000_2983cdfa499ed57e.txt"),
    include_str!("../corpus/docs/001_1b6976f16bebd103.txt"),
    include_str!("../corpus/docs/002_55d55406d1cdbaef.txt"),
    include_str!("../corpus/docs/003_bc0f9a691a514970.txt"),
    include_str!("../corpus/docs/004_e88531560b653bf0.txt"),
];

/// Text made to stress the rules: digits, separators and keywords everywhere.
fn adversarial(len: usize) -> String {
    let pieces = [
        "1.2.3.4/5/6-7 ",
        "31/2/2025 ",
        "quý 9/99 ",
        "tỷ tỷ đồng ",
        "từ 1 đến ",
        "%%% ",
        "năm năm năm ",
        "ngày 1 tháng ",
        "0,1,2,3 ",
        "trên hơn gần ",
        "Uỷ hoà ",
        "2021-2020 ",
    ];
    let mut s = String::with_capacity(len + 32);
    let mut i = 0;
    while s.len() < len {
        s.push_str(pieces[i % pieces.len()]);
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    let corpus_bytes: usize = CORPUS.iter().map(|d| d.len()).sum();
    let long = {
        // 40 copies of the four press reports as one document: headers and
        // closing marks taken out, and each paragraph numbered so that
        // duplicate detection does not drop the copies. (The directive ends in
        // site navigation, which would drop everything after it.)
        let mut s = String::new();
        for i in 0..40 {
            for doc in &CORPUS[..4] {
                let (_, body) = vanban::input::split_header(doc);
                s.push_str(
                    &body
                        .replace("./.", ".")
                        .replace("\n\n", &format!(" ({i})\n\n")),
                );
                s.push_str("\n\n");
            }
        }
        s
    };
    let adversarial = adversarial(64 * 1024);

    assert!(extractor.extract(ARTICLE).facts.len() > 20);
    let count: usize = CORPUS
        .iter()
        .map(|d| extractor.extract(d).facts.len())
        .sum();
    assert!(count > 100);
    assert!(extractor.extract(&long).facts.len() > 1000);
    let _ = extractor.extract(&adversarial);

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("article", |b| {
        b.iter(|| Normalized::new(black_box(ARTICLE)))
    });
    g.finish();

    let mut g = c.benchmark_group("values");
    let n = Normalized::new(ARTICLE);
    g.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    g.bench_function("article", |b| {
        b.iter(|| vanban::find_values(black_box(&n), None))
    });
    g.finish();

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(corpus_bytes as u64));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            CORPUS
                .iter()
                .map(|d| extractor.extract(black_box(d)).facts.len())
                .sum::<usize>()
        })
    });
    for (name, input) in [
        ("article", ARTICLE),
        ("long", long.as_str()),
        ("adversarial", adversarial.as_str()),
    ] {
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), input, |b, input| {
            b.iter(|| extractor.extract(black_box(input)))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
