//! How the cost of extraction grows with the input, and how batches use the cores.
//!
//! Inputs: the 2,225 BBC News articles of `../shared/data/bbc` (about 5 MB; evaluate and
//! benchmark only, read at run time) or, when that is absent, the golden articles in
//! `tests/articles/*.txt`.
//!
//! Groups:
//! - `one_long_article`: the whole pipeline on ONE article of 1, 10 and 50 MB, made by joining
//!   the corpus's articles with blank lines (repeated as needed). Bytes per second should not
//!   fall as the input grows: the cost is linear in the input size.
//! - `batch`: `Extractor::extract_batch` over the corpus's articles on 1 thread and on every
//!   core, for the speed-up of batches.
//!
//! Run: `cargo bench -p newsextract-benches --bench scaling` (a few minutes; set
//! `NEWSEXTRACT_SCALING_MB=1,10` to choose the sizes).

use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use newsextract::Extractor;
use newsextract_benches::{corpus, long_article};

fn sizes_mb() -> Vec<usize> {
    std::env::var("NEWSEXTRACT_SCALING_MB")
        .ok()
        .map(|value| {
            value
                .split(',')
                .filter_map(|part| part.trim().parse().ok())
                .collect()
        })
        .filter(|sizes: &Vec<usize>| !sizes.is_empty())
        .unwrap_or_else(|| vec![1, 10, 50])
}

fn bench_one_long_article(c: &mut Criterion) {
    let (name, texts) = corpus();
    let extractor = Extractor::builder()
        .threads(1)
        .build()
        .expect("valid configuration");
    let mut group = c.benchmark_group("one_long_article");
    // Each iteration of the larger inputs takes seconds: ten flat samples are enough to see
    // bytes per second, and keep the whole bench to a few minutes.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    for mb in sizes_mb() {
        let text = long_article(&texts, mb << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new(name, format!("{mb}MB")),
            &text,
            |b, text| b.iter(|| extractor.extract(text).entities.len()),
        );
    }
    group.finish();
}

fn bench_batch(c: &mut Criterion) {
    let (name, texts) = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut group = c.benchmark_group("batch");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(bytes as u64));
    let mut thread_counts = vec![1];
    if cores > 1 {
        thread_counts.push(cores);
    }
    for threads in thread_counts {
        let extractor = Extractor::builder()
            .threads(threads)
            .build()
            .expect("valid configuration");
        group.bench_with_input(
            BenchmarkId::new(name, format!("{threads}-threads")),
            &texts,
            |b, texts| b.iter(|| extractor.extract_batch(texts).len()),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_one_long_article, bench_batch);
criterion_main!(benches);
