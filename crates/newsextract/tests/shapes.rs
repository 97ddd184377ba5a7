//! The hostile shapes of text, generated at any size: the inputs of the hostile tests
//! (`hostile.rs`), the `hostile` bench and the `hostile_sizes` example of `benches/`, which
//! includes this file. Nothing is read from disk.

/// A news story written for the hostile tests and benchmarks: curly quotes, accented names,
/// Urdu script, a dateline, a quote with its speaker, an acronym, times and numbers.
pub const STORY: &str = "Pakistan’s “bold” step on water: Zoë Müller meets officials\n\
ISLAMABAD: (Web Desk) US State Department Spokesperson Matthew Miller said on Monday that \
“the talks are going well,” according to officials in Islamabad. At least 1,200 people \
attended the meeting of the Tehreek-e-Taliban Pakistan (TTP) critics.\n\
\n\
وزیراعظم نے کہا کہ پاکستان امن چاہتا ہے۔ Señora José Ñúñez agreed on Jan. 3 with U.S. \
officials. “We’ll see,” she told reporters in Karachi last week.\n\
\n";

/// A web page scraped whole, scripts and entities included.
pub const HTML_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Rain in Paris | News</title><style>p { color: red; }</style>\
<script>var x = \"<p>\"; if (a < b && c > d) { alert('“hi”'); }</script></head>\n<body>\n\
<h1>Rain falls on Paris</h1>\n<p class=\"dateline\">PARIS (AFP) &mdash; Rain fell on \
&ldquo;Monday&rdquo;, said &Eacute;lodie Dupont.</p>\n<p>Officials said 1,200 homes lost \
power.<br/>More is expected.</p>\n<!-- comment -->\n</body></html>\n";

/// A JSON document where an article was expected.
pub const JSON_DOCUMENT: &str = "{\"id\": 17, \"headline\": \"Rain falls on Paris\", \"text\": \
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
            let depth = (bytes / 16).max(1);
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

/// Every shape at about `bytes` bytes, in [`SHAPES`] order.
pub fn shapes(bytes: usize) -> Vec<(&'static str, String)> {
    SHAPES
        .iter()
        .map(|&name| (name, shape(name, bytes)))
        .collect()
}
