//! Benchmarks live in benches/; this library holds the inputs the scaling bench and the
//! examples share.

use std::path::{Path, PathBuf};

/// The repository's root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `*.txt` under `dir` (but a corpus's README), recursively, in sorted order; invalid
/// UTF-8 is replaced (one BBC article has a Latin-1 byte).
pub fn read_texts(dir: &Path) -> Vec<String> {
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
            } else if path.extension().is_some_and(|e| e == "txt")
                && !path.file_name().is_some_and(|n| n == "README.TXT")
            {
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

/// The corpus's name and articles: the BBC News articles of `../shared/data/bbc` (evaluate and
/// benchmark only, read at run time) when present, else the golden articles of `tests/articles`.
pub fn corpus() -> (&'static str, Vec<String>) {
    let bbc = read_texts(&repo_root().join("../shared/data/bbc"));
    if !bbc.is_empty() {
        return ("bbc", bbc);
    }
    eprintln!("../shared/data/bbc not found: using tests/articles");
    ("fixtures", read_texts(&repo_root().join("tests/articles")))
}

/// One article of at least `bytes` bytes (when `texts` has any text): the articles joined by
/// blank lines, repeated as needed.
pub fn long_article(texts: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + (64 << 10));
    if texts.iter().all(|text| text.trim().is_empty()) {
        return out;
    }
    for text in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(text.trim_end());
        out.push_str("\n\n");
    }
    out
}

/// The hostile shapes of `crates/newsextract/tests/hostile.rs`, generated at any size: the
/// inputs of the `hostile` bench and the `hostile_sizes` example. Nothing is read from disk.
pub mod hostile {
    /// A news story written for these benchmarks and the hostile tests.
    pub const STORY: &str = "Pakistan’s “bold” step on water: Zoë Müller meets officials\n\
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
    pub fn repeat_to(piece: &str, bytes: usize) -> String {
        piece.repeat(bytes.div_ceil(piece.len().max(1)).max(1))
    }

    /// The names of the shapes, in the order they are measured.
    pub const SHAPES: &[&str] = &[
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
    pub fn shape(name: &str, bytes: usize) -> String {
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
}
