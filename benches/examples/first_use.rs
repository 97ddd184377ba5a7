//! Time of the first extraction in a fresh process (the built-in gazetteers, lexicons and
//! models are built lazily on first use) against a warm one.
//!
//! Run: `cargo run --release -p newsextract-benches --example first_use` (several times: each
//! run is a fresh process). Prints the cold and warm times of one short article.

use std::time::Instant;

const ARTICLE: &str = "Pakistan, US share an interest: Washington\n\
    ISLAMABAD, May 9 (APP): US State Department Spokesperson Matthew Miller said on Monday \
    that at least 103 people were killed. \u{201c}We stand with Pakistan,\u{201d} Miller told \
    reporters in Washington.\n";

fn main() {
    let started = Instant::now();
    let extractor = newsextract::Extractor::new();
    let cold = extractor.extract(ARTICLE);
    let cold_time = started.elapsed();
    let started = Instant::now();
    let warm = extractor.extract(ARTICLE);
    let warm_time = started.elapsed();
    assert_eq!(cold, warm);
    println!(
        "first extract (cold, builds the built-in data): {:.1} ms; second (warm): {:.3} ms; \
         {} entities",
        cold_time.as_secs_f64() * 1e3,
        warm_time.as_secs_f64() * 1e3,
        warm.entities.len()
    );
}
