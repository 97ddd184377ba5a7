//! `newsextract`: the command-line tool.
//!
//! It only reads inputs, calls the core, converts offsets and writes JSON; every extraction
//! rule lives in the `newsextract` crate.

#![deny(missing_docs)]

mod eval;

// Imported at the root so that `crate::input` and friends keep working in the binary's modules.
#[allow(unused_imports)]
use newsextract_cli::{files, guard, html, input, jsonl, output, progress, schema};

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsextract::{Date, Extractor, OffsetUnit};

use newsextract_cli::input::Source;
use newsextract_cli::output::{Output, Rendering, WriteError};
use newsextract_cli::progress::Progress;

/// Every input was extracted.
const EXIT_OK: u8 = 0;
/// Some JSON Lines records were bad; an error record stands in for each.
const EXIT_BAD_RECORDS: u8 = 1;
/// A usage error, or an input that could not be read, decoded or was too large.
const EXIT_FATAL: u8 = 2;

const AFTER_HELP: &str = "\
Output:
  One FILE (or stdin) gives one Article as JSON. Several FILEs give JSON Lines: one Article per
  line, in the order given, each with \"id\": \"<path>\" as its first key. --pretty indents each
  object (several inputs then give indented objects one after another, not JSON Lines).
  Every start/end is a byte offset into the input by default, so text[start..end] is the
  item's text; --offsets chars suits Python, --offsets utf16 suits JavaScript, Java and C#.
  With --lossy the offsets count in the text after replacement.

JSON Lines (--jsonl):
  Each input line is {\"id\": any, \"text\": \"...\", \"date\"?: \"YYYY-MM-DD\"}; \"date\" overrides
  --date for that line and \"id\" is echoed as written (null when absent). Each output line is
  the Article with that \"id\" first, in input order. Blank lines are skipped. A bad line (not
  JSON, no \"text\", \"text\" not a string, a bad \"date\", not UTF-8, over --max-bytes) gives
  {\"id\": <id or null>, \"line\": N, \"error\": \"...\"} in its place and a message on stderr; the
  rest is processed. Input is streamed with bounded memory, whatever its size: records over
  --max-bytes (2 MiB unless set) are refused, and a line too long to hold one is skipped unread.

HTML (--format html):
  One page on stdout: the headline, dateline and byline, the paragraphs with entities,
  quotes (with their speaker), times and quantities highlighted (hover one for details), the
  related-article lines apart, and tables of entities and quotes. Several FILEs give one page
  with a section per file, in the order given. Self-contained: inline CSS, no script, nothing
  fetched; the text is escaped. --pretty and --offsets apply to JSON only; --jsonl cannot be
  combined with it (a usage error).

Progress:
  When stderr is a terminal and stdout is not, a progress line (articles, articles/s, MB/s)
  is drawn on stderr; --no-progress turns it off.

Exit status:
  0  every input was extracted
  1  some JSON Lines records were bad (an error record stands in for each)
  2  usage error; or an input could not be read, was not UTF-8 or exceeded --max-bytes
     (the other inputs are still processed)

Examples:
  newsextract article.txt                       one article, JSON on stdout
  newsextract --pretty --date 2023-05-09 article.txt
  curl -s https://example.com/story.txt | newsextract
  newsextract --offsets chars a.txt b.txt > out.jsonl
  newsextract --jsonl articles.jsonl > articles.out.jsonl
  zcat big.jsonl.gz | newsextract --jsonl --threads 8 > out.jsonl
  echo '{\"id\": 1, \"text\": \"PARIS — Rain.\"}' | newsextract --jsonl
  newsextract eval conll ../shared/data/conll2003/eng.testa
  newsextract eval timeml ../shared/data/timeml/TimeBank --json
  newsextract schema > schema.json              the JSON Schema of the output
  newsextract --format html article.txt > article.html
                                                the article marked up, to open in a browser";

/// Turns the plain text of news articles into JSON: headline, dateline, byline, paragraphs,
/// sentences, entities, quotes, times and quantities.
#[derive(Debug, Parser)]
#[command(
    name = "newsextract",
    version,
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    extract: ExtractArgs,
}

/// Options of the default command: extracting articles.
#[derive(Debug, Args)]
struct ExtractArgs {
    /// Text files to read, each one article; `-` or none reads stdin. With --jsonl, one JSON
    /// Lines file.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Read JSON Lines from FILE (or stdin when FILE is `-` or absent) and write JSON Lines.
    /// `--jsonl FILE`, `--jsonl --threads 2 FILE` and `--jsonl=FILE` all read FILE.
    #[arg(long, value_name = "FILE", num_args = 0..=1, require_equals = true)]
    jsonl: Option<Option<PathBuf>>,

    /// Reference date that relative dates ("on Monday") are read against; without it each
    /// article's dateline date is used when it has a year.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,

    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,

    /// Unit of every start/end offset in the output.
    #[arg(long, value_enum, value_name = "UNIT", default_value_t = Offsets::Bytes)]
    offsets: Offsets,

    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Json)]
    format: Format,

    /// Threads for extraction; 0 means one per core.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,

    /// Refuse articles longer than N bytes (a file is then an error; a JSON Lines record an
    /// error record); `none` for no limit. Default: no limit for files; 2097152 (2 MiB) for
    /// --jsonl, which keeps its memory under 150 MB (extraction holds about 20 times an
    /// article's size while it runs).
    #[arg(long, value_name = "N")]
    max_bytes: Option<ByteLimit>,

    /// Replace invalid UTF-8 with U+FFFD instead of refusing the input.
    #[arg(long)]
    lossy: bool,

    /// A user gazetteer to merge with the built-in lists (repeatable): TSV rows
    /// `name<TAB>kind[<TAB>canonical[<TAB>key=value...]]`, kind one of person, organization,
    /// location, nationality, misc; attributes country=, acronym=, lat=/lon=/geonames_id=.
    /// A malformed row is an error naming the file and line.
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,

    /// Never draw the progress line.
    #[arg(long)]
    no_progress: bool,
}

/// The largest record `--jsonl` accepts unless `--max-bytes` says otherwise. Extraction holds
/// about 17 bytes per byte of text while it runs (25 to 45 for the whole process), so this keeps
/// a run under 100 MB on two threads (docs/performance.md), whatever the input's size.
const DEFAULT_JSONL_MAX_BYTES: usize = 2 << 20;

/// A `--max-bytes` value: a number of bytes, or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ByteLimit(Option<usize>);

impl std::str::FromStr for ByteLimit {
    type Err = String;

    fn from_str(value: &str) -> Result<ByteLimit, String> {
        if value.eq_ignore_ascii_case("none") {
            return Ok(ByteLimit(None));
        }
        value
            .parse()
            .map(|n| ByteLimit(Some(n)))
            .map_err(|_| "expected a number of bytes or `none`".to_string())
    }
}

/// Unit of the offsets written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Offsets {
    /// UTF-8 bytes (Rust, Go, C).
    Bytes,
    /// Unicode code points (Python).
    Chars,
    /// UTF-16 code units (JavaScript, Java, C#).
    Utf16,
}

impl From<Offsets> for OffsetUnit {
    fn from(offsets: Offsets) -> OffsetUnit {
        match offsets {
            Offsets::Bytes => OffsetUnit::Bytes,
            Offsets::Chars => OffsetUnit::Chars,
            Offsets::Utf16 => OffsetUnit::Utf16,
        }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The Article as JSON (JSON Lines for several inputs).
    Json,
    /// One HTML page showing the text marked up: entities, quotes with speakers, times,
    /// quantities, and tables of entities and quotes (a section per input for several).
    Html,
}

/// Sub-commands besides extraction.
#[derive(Debug, Subcommand)]
enum Command {
    /// Measure accuracy on annotated data read at run time.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Print the JSON Schema of the Article JSON (docs/schema.json).
    Schema,
}

/// The evaluations, one per annotated format.
#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Named entities against a CoNLL file.
    Conll {
        /// The CoNLL file.
        file: PathBuf,
        /// Write the figures as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Time expressions against a directory of TimeML files.
    Timeml {
        /// The directory of TimeML files.
        dir: PathBuf,
        /// Write the figures as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Quotes and speakers against a directory of annotated articles.
    Quotes {
        /// The directory of annotated articles.
        dir: PathBuf,
        /// Write the figures as JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Also list every error: extracted quotes outside every gold Content, quoted segments
        /// no quote covers, and found segments with the wrong speaker.
        #[arg(long)]
        misses: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Eval(command)) => run_eval(command),
        Some(Command::Schema) => run_schema(),
        None => run_extract(cli.extract),
    };
    ExitCode::from(code)
}

fn run_eval(command: EvalCommand) -> u8 {
    let (result, json) = match command {
        EvalCommand::Conll { file, json } => (eval::conll::run(&file), json),
        EvalCommand::Timeml { dir, json } => (eval::timeml::run(&dir), json),
        EvalCommand::Quotes { dir, json, misses } => (eval::quotes::run(&dir, misses), json),
    };
    match result {
        Ok(report) => {
            let text = if json {
                serde_json::to_string_pretty(&report.json).unwrap_or_default()
            } else {
                report.text
            };
            let mut output = Output::new(std::io::stdout().lock());
            match output.record(text.trim_end()).and_then(|()| output.flush()) {
                Ok(()) | Err(WriteError::BrokenPipe) => EXIT_OK,
                Err(WriteError::Failed(message)) => fatal(&message),
            }
        }
        Err(message) => fatal(&message),
    }
}

fn run_schema() -> u8 {
    let mut output = Output::new(std::io::stdout().lock());
    let text = schema::article_schema_json();
    match output.record(text.trim_end()).and_then(|()| output.flush()) {
        Ok(()) | Err(WriteError::BrokenPipe) => EXIT_OK,
        Err(WriteError::Failed(message)) => fatal(&message),
    }
}

fn run_extract(args: ExtractArgs) -> u8 {
    if args.format == Format::Html {
        return run_html(args);
    }
    let extractor = match build_extractor(&args) {
        Ok(extractor) => extractor,
        Err(message) => return fatal(&message),
    };
    let rendering = Rendering {
        pretty: args.pretty,
        offsets: args.offsets.into(),
    };
    let show_progress =
        !args.no_progress && std::io::stderr().is_terminal() && !std::io::stdout().is_terminal();
    let mut output = Output::new(std::io::stdout().lock());

    let result = if let Some(jsonl_file) = args.jsonl {
        let mut files = jsonl_file.into_iter().chain(args.files);
        let source = Source::from_arg(files.next().unwrap_or_else(|| PathBuf::from("-")));
        if files.next().is_some() {
            return fatal("--jsonl reads one FILE (or stdin); give the files one run each");
        }
        let input = match jsonl::open(&source) {
            Ok(input) => input,
            Err(message) => return fatal(&message),
        };
        let progress = Progress::new(show_progress, source.known_len());
        let settings = jsonl::JsonlSettings {
            lossy: args.lossy,
            rendering,
        };
        let result = jsonl::run(&source, input, &extractor, settings, &mut output, &progress);
        let code = result.map(|summary| match summary.read_error {
            Some(message) => {
                progress.message(&message);
                EXIT_FATAL
            }
            None if summary.bad_lines > 0 => EXIT_BAD_RECORDS,
            None => EXIT_OK,
        });
        progress.finish();
        code
    } else {
        let inputs: Vec<Source> = if args.files.is_empty() {
            vec![Source::Stdin]
        } else {
            args.files.into_iter().map(Source::from_arg).collect()
        };
        let total: Option<u64> = inputs.iter().map(Source::known_len).sum();
        let progress = Progress::new(show_progress, total);
        let settings = files::FileSettings {
            lossy: args.lossy,
            rendering,
        };
        let result = files::run(&inputs, &extractor, settings, &mut output, &progress);
        progress.finish();
        result.map(|failures| if failures > 0 { EXIT_FATAL } else { EXIT_OK })
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`| head`): nothing left to do or say.
        Err(WriteError::BrokenPipe) => EXIT_OK,
        Err(WriteError::Failed(message)) => fatal(&message),
    }
}

/// `--format html`: one page for the files (or stdin), written when each group is ready.
fn run_html(args: ExtractArgs) -> u8 {
    if args.jsonl.is_some() {
        use clap::CommandFactory;
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--format html writes one page for whole files and cannot read --jsonl \
                 records; give the article files instead (or use --format json)",
            )
            .exit();
    }
    let extractor = match build_extractor(&args) {
        Ok(extractor) => extractor,
        Err(message) => return fatal(&message),
    };
    let inputs: Vec<Source> = if args.files.is_empty() {
        vec![Source::Stdin]
    } else {
        args.files.into_iter().map(Source::from_arg).collect()
    };
    let show_progress =
        !args.no_progress && std::io::stderr().is_terminal() && !std::io::stdout().is_terminal();
    let total: Option<u64> = inputs.iter().map(Source::known_len).sum();
    let progress = Progress::new(show_progress, total);
    let mut output = Output::new(std::io::stdout().lock());
    let result = html::run(&inputs, &extractor, args.lossy, &mut output, &progress);
    progress.finish();
    match result {
        Ok(0) => EXIT_OK,
        Ok(_) => EXIT_FATAL,
        Err(WriteError::BrokenPipe) => EXIT_OK,
        Err(WriteError::Failed(message)) => fatal(&message),
    }
}

/// The extractor the options describe.
fn build_extractor(args: &ExtractArgs) -> Result<Extractor, String> {
    let mut builder = Extractor::builder();
    builder
        .threads(args.threads)
        .max_input_bytes(match args.max_bytes {
            Some(ByteLimit(limit)) => limit,
            None if args.jsonl.is_some() => Some(DEFAULT_JSONL_MAX_BYTES),
            None => None,
        });
    if let Some(date) = args.date {
        builder.reference_date(date);
    }
    for path in &args.gazetteer {
        let content = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the gazetteer: {e}", path.display()))?;
        builder.gazetteer_tsv(&path.display().to_string(), &content);
    }
    builder.build().map_err(|e| e.to_string())
}

fn fatal(message: &str) -> u8 {
    eprintln!("newsextract: {message}");
    EXIT_FATAL
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_the_documented_forms() {
        let cli = Cli::try_parse_from(["newsextract", "--jsonl"]).unwrap();
        assert!(cli.extract.jsonl == Some(None) && cli.extract.files.is_empty());
        // The file may come before or after other options, right after --jsonl or not.
        for args in [
            &["newsextract", "--jsonl", "in.jsonl", "--threads", "2"][..],
            &["newsextract", "--jsonl", "--threads", "2", "in.jsonl"],
            &["newsextract", "--threads", "2", "in.jsonl", "--jsonl"],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.extract.jsonl, Some(None), "{args:?}");
            assert_eq!(cli.extract.files, [PathBuf::from("in.jsonl")], "{args:?}");
            assert_eq!(cli.extract.threads, 2, "{args:?}");
        }
        // The form of the first release, kept for the scripts that use it.
        let cli =
            Cli::try_parse_from(["newsextract", "--jsonl=in.jsonl", "--threads", "2"]).unwrap();
        assert_eq!(cli.extract.jsonl, Some(Some(PathBuf::from("in.jsonl"))));
        assert!(cli.extract.files.is_empty());
        let cli = Cli::try_parse_from([
            "newsextract",
            "--date",
            "2023-05-09",
            "--offsets",
            "utf16",
            "a.txt",
            "b.txt",
        ])
        .unwrap();
        assert_eq!(cli.extract.files.len(), 2);
        assert_eq!(cli.extract.offsets, Offsets::Utf16);
        let cli = Cli::try_parse_from(["newsextract", "schema"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Schema)));
        let cli = Cli::try_parse_from(["newsextract", "eval", "conll", "x.txt", "--json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Eval(EvalCommand::Conll { json: true, .. }))
        ));
    }

    #[test]
    fn max_bytes_defaults_to_a_limit_for_jsonl_only() {
        let cases: &[(&[&str], Option<usize>)] = &[
            (&["newsextract", "a.txt"], None),
            (&["newsextract", "--jsonl"], Some(DEFAULT_JSONL_MAX_BYTES)),
            (&["newsextract", "--jsonl", "--max-bytes", "none"], None),
            (&["newsextract", "--jsonl", "--max-bytes", "NONE"], None),
            (&["newsextract", "--jsonl", "--max-bytes", "10"], Some(10)),
            (&["newsextract", "--max-bytes", "0", "a.txt"], Some(0)),
        ];
        for (args, expected) in cases {
            let cli = Cli::try_parse_from(*args).unwrap();
            let extractor = build_extractor(&cli.extract).unwrap();
            assert_eq!(extractor.max_input_bytes(), *expected, "{args:?}");
        }
    }

    #[test]
    fn refuses_bad_usage() {
        for args in [
            &["newsextract", "--date", "2023-02-30"][..],
            &["newsextract", "--offsets", "words"],
            &["newsextract", "--threads", "-1"],
            &["newsextract", "--format", "xml"],
            &["newsextract", "--format", "HTML"],
            &["newsextract", "--max-bytes", "lots"],
        ] {
            assert!(Cli::try_parse_from(args).is_err(), "{args:?}");
        }
    }
}
