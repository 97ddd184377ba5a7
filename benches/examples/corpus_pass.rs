//! Runs the pipeline, or some of its passes, over the whole corpus a number of times and prints
//! the wall-clock rate: a fixed amount of work, for `perf stat` or `valgrind --tool=callgrind`
//! to measure (criterion runs for a fixed time instead, which neither can compare).
//!
//! Run: `cargo run --release -p newsextract-benches --example corpus_pass -- all 3`, where the
//! first argument is `all`, `structure`, or passes joined by `+` (`entities+quotes`), and the
//! second the number of rounds. On a loaded machine compare `perf stat -e task-clock` figures
//! of two runs, not their wall-clock rates.

use std::time::Instant;

use newsextract::{Extractor, Passes};
use newsextract_benches::corpus;

fn passes(spec: &str) -> Option<Passes> {
    if spec == "all" {
        return Some(Passes::ALL);
    }
    let mut passes = Passes::STRUCTURE_ONLY;
    for name in spec.split('+') {
        match name {
            "structure" => {}
            "entities" => passes.entities = true,
            "quotes" => passes.quotes = true,
            "times" => passes.times = true,
            "quantities" => passes.quantities = true,
            _ => return None,
        }
    }
    Some(passes)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let spec = args.first().map_or("all", String::as_str);
    let Some(passes) = passes(spec) else {
        eprintln!(
            "unknown passes {spec:?}: use all, structure, or entities+quotes+times+quantities"
        );
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(1);
    let (name, texts) = corpus();
    let extractor = Extractor::builder()
        .passes(passes)
        .threads(1)
        .build()
        .expect("valid configuration");
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = Instant::now();
    let mut items = 0usize;
    for _ in 0..rounds {
        for text in &texts {
            let article = extractor.extract(text);
            items += article.entities.len()
                + article.quotes.len()
                + article.times.len()
                + article.quantities.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{name} {spec}: {rounds} x {bytes} bytes in {seconds:.2} s, {:.2} MB/s, {items} items",
        (rounds * bytes) as f64 / seconds / 1e6
    );
}
