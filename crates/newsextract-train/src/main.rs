//! Trains newsextract's entity tagger and writes its weights into the core crate.
//!
//! ```text
//! cargo run --release -p newsextract-train -- ../shared/data/conll2003/eng.train ../shared/data/conll2003/eng.testa
//! ```
//!
//! The first file trains, the second picks the epoch (development set). Texts are rebuilt the
//! way `newsextract eval conll` rebuilds them (tokens joined by spaces, sentences by newlines),
//! so the tagger learns from the same tokens it is evaluated on. Only the weights are written;
//! no CoNLL text enters the repository. Options: `--bits N` (table of 2^N rows, default 19),
//! `--epochs N` (default 12), `--seed N`, `--output FILE` (default the core crate's
//! `data/entity_tagger.bin`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsextract::__train::{self, Document, GoldEntity, Options, Scores};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("newsextract-train: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut options = Options::default();
    let mut output =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../newsextract/data/entity_tagger.bin");
    let mut files = Vec::new();
    let mut errors: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--bits" => options.bits = parse(&value("--bits")?)?,
            "--epochs" => options.epochs = parse(&value("--epochs")?)?,
            "--seed" => options.seed = parse(&value("--seed")?)?,
            "--prune" => options.prune = parse(&value("--prune")?)?,
            "--output" => output = PathBuf::from(value("--output")?),
            "--errors" => errors = Some(PathBuf::from(value("--errors")?)),
            "-h" | "--help" => {
                println!("usage: newsextract-train [--bits N] [--epochs N] [--seed N] [--prune N] [--output FILE] TRAIN DEV");
                return Ok(());
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    let [train_path, dev_path] = files.as_slice() else {
        return Err("usage: newsextract-train [--bits N] [--epochs N] [--seed N] [--prune N] [--output FILE] TRAIN DEV".into());
    };
    if let Some(model_path) = errors {
        // Error analysis of an existing model on the second file; nothing is trained.
        let model =
            std::fs::read(&model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
        for doc in read_conll(dev_path)? {
            let found = __train::predict(&model, &doc.text)?;
            for g in &doc.entities {
                if !found.contains(g) {
                    let got: Vec<String> = found
                        .iter()
                        .filter(|f| f.start < g.end && f.end > g.start)
                        .map(|f| format!("{}:{}", f.label, &doc.text[f.start..f.end]))
                        .collect();
                    println!(
                        "MISS {}:{}  got [{}]  | {}",
                        g.label,
                        &doc.text[g.start..g.end],
                        got.join(", "),
                        context(&doc.text, g.start, g.end)
                    );
                }
            }
            for f in &found {
                if !doc
                    .entities
                    .iter()
                    .any(|g| g.start < f.end && g.end > f.start)
                {
                    println!(
                        "SPURIOUS {}:{}  | {}",
                        f.label,
                        &doc.text[f.start..f.end],
                        context(&doc.text, f.start, f.end)
                    );
                }
            }
        }
        return Ok(());
    }
    let train = read_conll(train_path)?;
    let dev = read_conll(dev_path)?;
    eprintln!(
        "{} training documents, {} development documents; 2^{} rows, up to {} epochs",
        train.len(),
        dev.len(),
        options.bits,
        options.epochs
    );
    let started = Instant::now();
    let trained = __train::train(&train, &dev, &options, &mut |report| {
        eprintln!(
            "epoch {:>2}: {:>6} mistakes, dev {}  ({:.0} s)",
            report.epoch,
            report.mistakes,
            summary(&report.dev),
            started.elapsed().as_secs_f64()
        );
    });
    std::fs::write(&output, &trained.model).map_err(|e| format!("{}: {e}", output.display()))?;
    eprintln!(
        "kept epoch {}; quantised model on dev: {}",
        trained.best_epoch,
        summary(&trained.dev)
    );
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        output.display(),
        trained.model.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn context(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    format!(
        "{}[[{}]]{}",
        &text[line_start..start],
        &text[start..end],
        &text[end..line_end]
    )
}

fn parse<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("not a number: {text:?}"))
}

fn summary(scores: &Scores) -> String {
    let mut out = String::new();
    for (ty, score) in &scores.per_type {
        out.push_str(&format!("{ty} {:.4}  ", score.f1()));
    }
    out.push_str(&format!("all {:.4}", scores.overall.f1()));
    out
}

/// Reads a CoNLL-2003 column file into documents: one per `-DOCSTART-`, tokens joined by
/// spaces, sentences by newlines, IOB1 entities as byte spans.
fn read_conll(path: &Path) -> Result<Vec<Document>, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    let mut doc = Document {
        text: String::new(),
        entities: Vec::new(),
    };
    let mut sentence_open = false;
    // The entity being read: (start byte, end byte, label).
    let mut open: Option<(usize, usize, String)> = None;
    for (number, line) in content.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            close(&mut doc, &mut open);
            if !doc.text.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    Document {
                        text: String::new(),
                        entities: Vec::new(),
                    },
                ));
            }
            sentence_open = false;
            continue;
        }
        if line.is_empty() {
            close(&mut doc, &mut open);
            sentence_open = false;
            continue;
        }
        let fields: Vec<&str> = line.split(' ').collect();
        let (Some(token), Some(tag)) = (fields.first(), fields.last()) else {
            return Err(format!("{}:{}: empty line", path.display(), number + 1));
        };
        if fields.len() < 2 {
            return Err(format!(
                "{}:{}: expected token and tag",
                path.display(),
                number + 1
            ));
        }
        if sentence_open {
            doc.text.push(' ');
        } else if !doc.text.is_empty() {
            doc.text.push('\n');
        }
        sentence_open = true;
        let start = doc.text.len();
        doc.text.push_str(token);
        let end = doc.text.len();
        let (prefix, label) = tag.split_once('-').unwrap_or((tag, ""));
        match prefix {
            "I" if open.as_ref().is_some_and(|(_, _, l)| l == label) => {
                if let Some(entity) = open.as_mut() {
                    entity.1 = end;
                }
            }
            "I" | "B" => {
                close(&mut doc, &mut open);
                open = Some((start, end, label.to_string()));
            }
            _ => close(&mut doc, &mut open),
        }
    }
    close(&mut doc, &mut open);
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

fn close(doc: &mut Document, open: &mut Option<(usize, usize, String)>) {
    if let Some((start, end, label)) = open.take() {
        doc.entities.push(GoldEntity { start, end, label });
    }
}
