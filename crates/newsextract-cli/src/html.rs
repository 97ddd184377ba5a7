//! `newsextract --format html FILE...`: the articles as one HTML page on stdout.
//!
//! One input gives the page of `Article::to_html_page`. Several give one page with a section
//! per input, each under a caption naming its path, in the order given. The rendering itself
//! is the core's (`Article::to_html`); this module only reads, extracts and writes. JSON Lines
//! input (`--jsonl`) is refused by the argument parser: a stream of records is not one page.

use std::io::Write;

use newsextract::Extractor;

use crate::input::{decode, read_all, Source};
use crate::output::{Output, WriteError};
use crate::progress::Progress;

/// Inputs read, extracted and rendered together on all threads before being written in order;
/// bounds the HTML held in memory.
const GROUP_FILES: usize = 32;

/// Writes the page for `inputs`; returns how many could not be read or decoded (each named
/// on stderr and left out of the page).
pub fn run<W: Write>(
    inputs: &[Source],
    extractor: &Extractor,
    lossy: bool,
    output: &mut Output<W>,
    progress: &Progress,
) -> Result<usize, WriteError> {
    let several = inputs.len() > 1;
    let mut failures = 0;
    let mut started = false;
    for group in inputs.chunks(GROUP_FILES) {
        let results = extractor.map_parallel(group, |source| {
            let result = render_one(source, extractor, lossy, several);
            if let Ok((_, _, len)) = &result {
                progress.add(1, *len as u64);
            }
            result
        });
        for result in results {
            match result {
                Ok((title, html, _)) => {
                    if !started {
                        let title = if several {
                            format!("newsextract: {} articles", inputs.len())
                        } else {
                            title
                        };
                        output.record(newsextract::html::page_start(&title).trim_end())?;
                        started = true;
                    }
                    output.record(html.trim_end())?;
                }
                Err(message) => {
                    failures += 1;
                    progress.message(&message);
                }
            }
        }
        output.flush()?;
    }
    if started {
        output.record(newsextract::html::page_end().trim())?;
        output.flush()?;
    }
    Ok(failures)
}

/// The article's title, its HTML (under a caption when there are several inputs) and the
/// input's size, or a message naming the input.
fn render_one(
    source: &Source,
    extractor: &Extractor,
    lossy: bool,
    with_caption: bool,
) -> Result<(String, String, usize), String> {
    let bytes = read_all(source, extractor.max_input_bytes())?;
    let text = decode(bytes, lossy).map_err(|message| format!("{source}: {message}"))?;
    let article =
        crate::guard::extract(extractor, &text, None).map_err(|e| format!("{source}: {e}"))?;
    let title = article
        .headline
        .as_ref()
        .map(|h| h.text.clone())
        .unwrap_or_else(|| source.to_string());
    let mut html = String::new();
    if with_caption {
        html.push_str(&newsextract::html::page_caption(&source.to_string()));
    }
    html.push_str(&article.to_html(&text));
    Ok((title, html, text.len()))
}
