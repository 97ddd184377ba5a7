//! Throughput of extraction in bytes per second.
//!
//! Inputs:
//! - `fixtures`: the golden articles in `tests/articles/*.txt` (written for this project or
//!   taken from MEANTIME, see `tests/articles/README.md`), concatenated per iteration.
//! - `bbc`: the 2,225 BBC News articles of `../shared/data/bbc` (about 5 MB; evaluate and
//!   benchmark only, read at run time, skipped when absent).
//!
//! Groups: `pipeline` (every pass) and `passes` (structure alone, then structure plus one
//! pass each), so the cost of a pass is the difference to `structure`.
//! Run: `cargo bench -p newsextract-benches --bench extract` (`NEWSEXTRACT_BBC=DIR` reads the
//! BBC corpus from DIR). Instruction counts per pass, stable where wall-clock time is not:
//! `benches/examples/pass_cost.rs`.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsextract::{Extractor, Passes};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `*.txt` under `dir`, recursively, in sorted order; invalid UTF-8 is replaced.
fn read_texts(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect()
}

fn corpora() -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    let fixtures = read_texts(&repo_root().join("tests/articles"));
    if !fixtures.is_empty() {
        out.push(("fixtures", fixtures));
    }
    // A worktree outside the main checkout has no `../shared` beside it: NEWSEXTRACT_BBC
    // names the corpus directory instead.
    let bbc_dir = std::env::var_os("NEWSEXTRACT_BBC")
        .map_or_else(|| repo_root().join("../shared/data/bbc"), PathBuf::from);
    let bbc = read_texts(&bbc_dir);
    if bbc.is_empty() {
        eprintln!("skipping the bbc corpus: {} not found", bbc_dir.display());
    } else {
        out.push(("bbc", bbc));
    }
    out
}

fn extractor(passes: Passes) -> Extractor {
    Extractor::builder()
        .passes(passes)
        .threads(1)
        .build()
        .expect("valid configuration")
}

fn bench_pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    let all = extractor(Passes::ALL);
    for (name, texts) in corpora() {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::new("all", name), &texts, |b, texts| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| all.extract(t).paragraphs.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

fn bench_passes(c: &mut Criterion) {
    let structure = Passes::STRUCTURE_ONLY;
    let configs = [
        ("structure", structure),
        (
            "structure+entities",
            Passes {
                entities: true,
                ..structure
            },
        ),
        (
            "structure+quotes",
            Passes {
                quotes: true,
                ..structure
            },
        ),
        (
            "structure+times",
            Passes {
                times: true,
                ..structure
            },
        ),
        (
            "structure+quantities",
            Passes {
                quantities: true,
                ..structure
            },
        ),
        (
            "all-but-quotes",
            Passes {
                quotes: false,
                ..Passes::ALL
            },
        ),
        (
            "all-but-times-quantities",
            Passes {
                times: false,
                quantities: false,
                ..Passes::ALL
            },
        ),
    ];
    let mut group = c.benchmark_group("passes");
    group.sample_size(10);
    for (name, texts) in corpora() {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        for (label, passes) in configs {
            let ex = extractor(passes);
            group.bench_with_input(BenchmarkId::new(label, name), &texts, |b, texts| {
                b.iter(|| {
                    texts
                        .iter()
                        .map(|t| ex.extract(t).paragraphs.len())
                        .sum::<usize>()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_pipeline, bench_passes);
criterion_main!(benches);
