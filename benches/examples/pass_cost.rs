//! One extraction of every article of the corpus with a chosen set of passes: a driver for
//! instruction counts, which stay stable on a loaded machine where wall-clock time does not.
//!
//! Run: `valgrind --tool=callgrind --toggle-collect='*measured*' --callgrind-out-file=/tmp/cg.out
//! target/release/examples/pass_cost times`, then `callgrind_annotate --inclusive=yes /tmp/cg.out
//! | grep 'extract::times::extract'` for the pass's own cost (the first article is extracted
//! once before, unmeasured, so building the built-in tables is not counted). The argument is `structure`, `times`, `quantities`, `quotes`,
//! `entities`, `all`, `all-but-quotes` or `all-but-times-quantities`; an optional second argument caps the corpus at that many bytes
//! (`1000000` for a 1 MB slice). The corpus is the BBC articles, or the golden articles when
//! they are absent (see [`newsextract_benches::corpus`]); `NEWSEXTRACT_CORPUS=DIR` reads the
//! `*.txt` files under DIR instead.

use newsextract::{Extractor, Passes};
use newsextract_benches::{corpus, read_texts};

fn main() {
    let mut args = std::env::args().skip(1);
    let pass = args.next().unwrap_or_else(|| "all".to_string());
    let cap: usize = args
        .next()
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(usize::MAX);
    let structure = Passes::STRUCTURE_ONLY;
    let passes = match pass.as_str() {
        "structure" => structure,
        "times" => Passes {
            times: true,
            ..structure
        },
        "quantities" => Passes {
            quantities: true,
            ..structure
        },
        "quotes" => Passes {
            quotes: true,
            ..structure
        },
        "entities" => Passes {
            entities: true,
            ..structure
        },
        "all" => Passes::ALL,
        // The pipeline without a pass, to set that pass's cost against (issues 4 and 5).
        "all-but-quotes" => Passes {
            quotes: false,
            ..Passes::ALL
        },
        "all-but-times-quantities" => Passes {
            times: false,
            quantities: false,
            ..Passes::ALL
        },
        other => {
            eprintln!(
                "unknown pass {other:?}: structure, times, quantities, quotes, entities, all, \
                 all-but-quotes or all-but-times-quantities"
            );
            std::process::exit(2);
        }
    };
    // A worktree outside the main checkout has no `../shared` beside it: the corpus directory
    // may be given instead.
    let (name, texts) = match std::env::var_os("NEWSEXTRACT_CORPUS") {
        Some(dir) => ("corpus", read_texts(std::path::Path::new(&dir))),
        None => corpus(),
    };
    let mut total = 0;
    let texts: Vec<&String> = texts
        .iter()
        .take_while(|text| {
            total += text.len();
            total - text.len() < cap
        })
        .collect();
    let bytes: usize = texts.iter().map(|text| text.len()).sum();
    let extractor = Extractor::builder()
        .passes(passes)
        .threads(1)
        .build()
        .expect("valid configuration");
    // Built-in tables are built on first use; keep that out of what is measured.
    if let Some(first) = texts.first() {
        extractor.extract(first);
    }
    let items = measured(&extractor, &texts);
    println!(
        "{name}: {} articles, {bytes} bytes, passes {pass}: {items} times+quantities+quotes",
        texts.len()
    );
}

/// The measured work; callgrind's `--toggle-collect=*measured*` counts only this.
#[inline(never)]
fn measured(extractor: &Extractor, texts: &[&String]) -> usize {
    texts
        .iter()
        .map(|text| {
            let article = extractor.extract(text);
            article.times.len() + article.quantities.len() + article.quotes.len()
        })
        .sum()
}
