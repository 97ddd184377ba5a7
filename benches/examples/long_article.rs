//! One extraction of one long article per size, timed once: the linearity check for sizes
//! where criterion's ten samples would take too long.
//!
//! Run: `cargo run --release -p newsextract-benches --example long_article -- 1 10 50`
//! (sizes in MB; the article is the BBC corpus, or the golden articles when it is absent,
//! joined by blank lines and repeated). Prints seconds and MB/s per size; MB/s that falls as
//! the size grows means a pass is worse than linear.

use std::time::Instant;

use newsextract::Extractor;
use newsextract_benches::{corpus, long_article};

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() { vec![1, 10] } else { sizes };
    let (name, texts) = corpus();
    let extractor = Extractor::builder()
        .threads(1)
        .build()
        .expect("valid configuration");
    extractor.extract(&texts[0]);
    for mb in sizes {
        let text = long_article(&texts, mb << 20);
        let started = Instant::now();
        let article = extractor.extract(&text);
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{name} {mb} MB ({} bytes): {seconds:.2} s, {:.2} MB/s, {} entities, {} quotes",
            text.len(),
            text.len() as f64 / seconds / 1e6,
            article.entities.len(),
            article.quotes.len()
        );
    }
}
