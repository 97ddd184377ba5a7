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

/// A news story written for these benchmarks and the hostile tests.
const STORY: &str = "Pakistan’s “bold” step on water: Zoë Müller meets officials\n\
ISLAMABAD: (Web Desk) US State Department Spokesperson Matthew Miller said on Monday that \
“the talks are going well,” according to officials in Islamabad. At least 1,200 people \
attended the meeting of the Tehreek-e-Taliban Pakistan (TTP) critics.\n\
\n\
وزیراعظم نے کہا کہ پاکستان امن چاہتا ہے۔ Señora José Ñúñez agreed on Jan. 3 with U.S. \
officials. “We’ll see,” she told reporters in Karachi last week.\n\
\n";

const HTML_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Rain in Paris | News</title><style>p { color: red; }</style>\
<script>var x = \"<p>\"; if (a < b && c > d) { alert('“hi”'); }</script></head>\n<body>\n\
<h1>Rain falls on Paris</h1>\n<p class=\"dateline\">PARIS (AFP) &mdash; Rain fell on \
&ldquo;Monday&rdquo;, said &Eacute;lodie Dupont.</p>\n<p>Officials said 1,200 homes lost \
power.<br/>More is expected.</p>\n<!-- comment -->\n</body></html>\n";

const JSON_DOCUMENT: &str = "{\"id\": 17, \"headline\": \"Rain falls on Paris\", \"text\": \
\"PARIS (AFP) \\u2014 Rain fell on \\\"Monday\\\", said \\u00c9lodie.\\n\\nOfficials said \
1,200 homes lost power.\", \"tags\": [\"weather\", \"france\"], \"nested\": {\"a\": [1, 2, \
{\"b\": null}]}}\n";

/// `piece` repeated until the text holds at least `bytes` bytes.
fn repeat_to(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes.div_ceil(piece.len().max(1)).max(1))
}

/// The names of the shapes, in the order they are measured.
const SHAPES: &[&str] = &[
    "ordinary",
    "one_line",
    "straight_quotes",
    "curly_quotes",
    "mixed_quotes",
    "open_parentheses",
    "parentheses",
    "nested_quotes",
    "all_caps",
    "capitalised_words",
    "right_to_left",
    "mixed_scripts",
    "control_characters",
    "no_spaces",
    "newlines",
    "full_stops",
    "numbers",
    "speech_verbs",
    "datelines",
    "related_lines",
    "html",
    "json",
];

/// The shape `name`, about `bytes` long.
fn shape(name: &str, bytes: usize) -> String {
    match name {
        "ordinary" => repeat_to(STORY, bytes),
        "one_line" => repeat_to(&STORY.replace('\n', " "), bytes),
        "straight_quotes" => "\"".repeat(bytes),
        "curly_quotes" => repeat_to("“", bytes),
        "mixed_quotes" => repeat_to("“‘«\"'»’”„‚‹›「」", bytes),
        "open_parentheses" => "(".repeat(bytes),
        "parentheses" => repeat_to("(a) ((b)) )c( ", bytes),
        "nested_quotes" => {
            let depth = bytes / 16;
            format!("{}said{}", "“He said ‘".repeat(depth), "’”".repeat(depth))
        }
        "all_caps" => repeat_to(&STORY.to_uppercase(), bytes),
        "capitalised_words" => repeat_to("Abc Def Ghi Jkl Mno Pqr Stu Vwx ", bytes),
        "right_to_left" => repeat_to(
            "\u{200F}اسلام آباد: وزیر اعظم نے پیر کو کہا کہ «معیشت بہتر ہو رہی ہے»۔ \
             \u{202B}ירושלים (AP) — ראש הממשלה אמר ״שלום״.\u{202C}\n\n",
            bytes,
        ),
        "mixed_scripts" => repeat_to(
            "Zoë said 東京 (Tokyo) “नमस्ते” to Ελλάδα and Россия 👩‍👩‍👧 e\u{301}\u{301} \
             \u{2067}عربي\u{2069} ok.\n",
            bytes,
        ),
        "control_characters" => repeat_to(
            "\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}[31m\u{7f}\u{85}\u{9f}\u{2028}\u{2029}\
             \u{feff}\u{202e}\u{200b}word\r\u{0}said\r",
            bytes,
        ),
        "no_spaces" => "a".repeat(bytes),
        "newlines" => "\n".repeat(bytes),
        "full_stops" => ".".repeat(bytes),
        "numbers" => repeat_to("1,200 3.5% $5bn 10 ", bytes),
        "speech_verbs" => repeat_to("said told said according to ", bytes),
        "datelines" => repeat_to("WASHINGTON, May 3 (Reuters) - By JANE DOE\n", bytes),
        "related_lines" => repeat_to("Also read: Read more: \n", bytes),
        "html" => repeat_to(HTML_PAGE, bytes),
        "json" => repeat_to(JSON_DOCUMENT, bytes),
        other => panic!("unknown shape {other:?}; the shapes are {SHAPES:?}"),
    }
}

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
