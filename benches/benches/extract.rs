//! Criterion benchmarks (filled in later).
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    c.bench_function("empty", |b| b.iter(|| newsextract::extract("")));
}

criterion_group!(benches, bench);
criterion_main!(benches);
