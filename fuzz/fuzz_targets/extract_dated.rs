//! `extract_with_date` on arbitrary text with an arbitrary reference date, from year -9999 to
//! 9999: the time pass's date arithmetic (next year, last week, ISO weeks) at the edges of
//! the calendar. The first four bytes give the date, the rest is the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsextract::Date;
use newsextract_fuzz::check_article;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<4>() else {
        return;
    };
    let year = i32::from(i16::from_le_bytes([head[0], head[1]])) % 10_000;
    let month = u32::from(head[2] % 13);
    let day = u32::from(head[3] % 32);
    let text = String::from_utf8_lossy(rest);
    let article = match Date::new(year, month, day) {
        Some(date) => newsextract::extract_with_date(&text, date),
        None => newsextract::extract(&text),
    };
    check_article(&text, &article);
});
