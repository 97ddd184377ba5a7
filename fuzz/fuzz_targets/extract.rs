//! `extract` on arbitrary bytes read as text (invalid UTF-8 replaced, as `--lossy` does): no
//! panic, and the span invariant holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsextract_fuzz::check_article;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = newsextract::extract(&text);
    check_article(&text, &article);
});
