//! Linear time on hostile input: bytes per second of extraction on ONE text of 1, 10 and 50 MB
//! of ordinary news text and of each hostile shape (the shapes of
//! `crates/newsextract/tests/hostile.rs`). Bytes per second must not fall as the size grows: a
//! shape whose throughput drops with size has a pass that re-scans the text (a bug).
//!
//! Inputs are generated here from a short story written for the project (curly quotes, accented
//! names, Urdu script), repeated; nothing is read from disk.
//!
//! Groups: one per set of passes, `hostile/structure` (structure and sentences only) and
//! `hostile/all` (every pass) by default; `entities`, `quotes`, `times` and `quantities` (each
//! on top of the structure pass) can be asked for, to find which pass is not flat.
//!
//! Run: `cargo bench -p newsextract-benches --bench hostile`. Each benchmark takes at least
//! eleven extractions (criterion's minimum of ten samples and a warm-up), so a slow pass makes
//! the full run long; choose with
//! `NEWSEXTRACT_HOSTILE_MB=1,10,50` (sizes, decimals allowed),
//! `NEWSEXTRACT_HOSTILE_PASSES=structure,all` and `NEWSEXTRACT_HOSTILE_SHAPES=ordinary,html`.

use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use newsextract::{Extractor, Passes};
use newsextract_benches::hostile::{shape, SHAPES};

/// The sets of passes that can be measured, by name.
fn passes(name: &str) -> Passes {
    let only = |set: fn(&mut Passes)| {
        let mut passes = Passes::STRUCTURE_ONLY;
        set(&mut passes);
        passes
    };
    match name {
        "structure" => Passes::STRUCTURE_ONLY,
        "entities" => only(|p| p.entities = true),
        "quotes" => only(|p| p.quotes = true),
        "times" => only(|p| p.times = true),
        "quantities" => only(|p| p.quantities = true),
        "all" => Passes::ALL,
        other => panic!("unknown passes {other:?}"),
    }
}

/// A comma-separated list from the environment, or `default`.
fn list(variable: &str, default: &str) -> Vec<String> {
    std::env::var(variable)
        .unwrap_or_else(|_| default.to_string())
        .split(',')
        .map(|part| part.trim().to_string())
        .filter(|part| !part.is_empty())
        .collect()
}

fn bench_hostile(c: &mut Criterion) {
    let sizes: Vec<(String, usize)> = list("NEWSEXTRACT_HOSTILE_MB", "1,10,50")
        .into_iter()
        .filter_map(|mb| {
            let bytes = (mb.parse::<f64>().ok()? * f64::from(1u32 << 20)) as usize;
            Some((format!("{mb}MB"), bytes))
        })
        .collect();
    let shapes = list("NEWSEXTRACT_HOSTILE_SHAPES", &SHAPES.join(","));
    for pass_set in list("NEWSEXTRACT_HOSTILE_PASSES", "structure,all") {
        let extractor = Extractor::builder()
            .passes(passes(&pass_set))
            .threads(1)
            .build()
            .expect("valid configuration");
        let mut group = c.benchmark_group(format!("hostile/{pass_set}"));
        // The larger inputs take seconds per extraction: criterion's minimum of ten flat
        // samples is enough to read bytes per second.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(1));
        group.measurement_time(Duration::from_secs(1));
        for name in &shapes {
            for (size_name, bytes) in &sizes {
                let text = shape(name, *bytes);
                group.throughput(Throughput::Bytes(text.len() as u64));
                group.bench_with_input(
                    BenchmarkId::new(name.as_str(), size_name),
                    &text,
                    |b, text| b.iter(|| extractor.extract(text).paragraphs.len()),
                );
            }
        }
        group.finish();
    }
}

criterion_group!(benches, bench_hostile);
criterion_main!(benches);
