//! Linear time on every hostile shape at sizes where criterion's eleven runs per size would
//! take hours: ONE extraction per shape and size, with the CPU time it took.
//!
//! Run: `cargo run --release -p newsextract-benches --example hostile_sizes -- 1 10 50`
//! (sizes in MB, decimals allowed; `NEWSEXTRACT_HOSTILE_SHAPES=ordinary,html` picks shapes).
//! Prints, per shape, MB per CPU-second at each size and the last over the first: a pass that
//! re-scans the text would make that ratio fall towards (first / last size); flat is near 1.
//! CPU time (from /proc/self/stat, Linux) rather than wall-clock time, so that other work on a
//! shared machine matters less; it is still only one run per cell.

use newsextract::Extractor;
use newsextract_benches::hostile::{shape, SHAPES};

/// CPU seconds this process has used (user and system), from /proc/self/stat; 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (in parentheses, which may hold spaces); utime and stime
    // are the 14th and 15th fields of the line, in clock ticks (100 per second on Linux).
    let Some(rest) = stat.rsplit_once(')').map(|(_, rest)| rest) else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| {
        fields
            .get(k)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let sizes: Vec<f64> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1.0, 10.0]
    } else {
        sizes
    };
    let shapes: Vec<String> = match std::env::var("NEWSEXTRACT_HOSTILE_SHAPES") {
        Ok(list) => list.split(',').map(|s| s.trim().to_string()).collect(),
        Err(_) => SHAPES.iter().map(|s| s.to_string()).collect(),
    };
    let extractor = Extractor::builder()
        .threads(1)
        .build()
        .expect("valid configuration");
    extractor.extract("Warm up: load the built-in data once.");
    print!("| shape |");
    for mb in &sizes {
        print!(" {mb} MB |");
    }
    println!(" last / first |");
    println!("|---|{}---:|", "---:|".repeat(sizes.len()));
    for name in &shapes {
        print!("| {name} |");
        let mut rates = Vec::new();
        for &mb in &sizes {
            let text = shape(name, (mb * 1e6) as usize);
            let before = cpu_seconds();
            let article = extractor.extract(&text);
            let seconds = (cpu_seconds() - before).max(0.01);
            std::hint::black_box(&article);
            let rate = text.len() as f64 / seconds / 1e6;
            rates.push(rate);
            print!(" {rate:.2} |");
        }
        let ratio = rates.last().unwrap_or(&1.0) / rates.first().unwrap_or(&1.0);
        println!(" {ratio:.2} |");
    }
}
