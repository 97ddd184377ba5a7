//! The builder's options, arbitrary: reference dates as values and as text, passes on and off,
//! threads, a size limit and user gazetteers (whose TSV parser sees arbitrary rows). A
//! configuration either builds or gives an error that says something; a built extractor gives
//! valid articles, refuses exactly the inputs over its limit, leaves the lists of passes that
//! are off empty, and its batches equal its single extractions.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use newsextract::{Date, Error, Extractor, Passes};
use newsextract_fuzz::check_article;

/// Year, month and day, read modulo their ranges (invalid days included).
type DateParts = (i16, u8, u8);

#[derive(Debug, Arbitrary)]
struct Options {
    reference_date: Option<DateParts>,
    reference_date_text: Option<String>,
    passes: (bool, bool, bool, bool),
    threads: u8,
    max_input_bytes: Option<u16>,
    gazetteers: Vec<(String, String)>,
    texts: Vec<(String, Option<DateParts>)>,
}

fn date((year, month, day): DateParts) -> Option<Date> {
    Date::new(
        i32::from(year) % 10_000,
        u32::from(month % 13),
        u32::from(day % 32),
    )
}

fuzz_target!(|options: Options| {
    let passes = Passes {
        entities: options.passes.0,
        quotes: options.passes.1,
        times: options.passes.2,
        quantities: options.passes.3,
    };
    let mut builder = Extractor::builder();
    builder
        .passes(passes)
        .threads(usize::from(options.threads % 3))
        .max_input_bytes(options.max_input_bytes.map(usize::from));
    if let Some(reference_date) = options.reference_date.and_then(date) {
        builder.reference_date(reference_date);
    }
    if let Some(text) = &options.reference_date_text {
        builder.reference_date_str(text);
    }
    for (source_name, content) in &options.gazetteers {
        builder.gazetteer_tsv(source_name, content);
    }
    let extractor = match builder.build() {
        Ok(extractor) => extractor,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            return;
        }
    };
    assert_eq!(extractor.passes(), passes);

    // Texts that name the user's entries, so that their matching runs too.
    let mut texts: Vec<(String, Option<Date>)> = options
        .texts
        .iter()
        .map(|(text, date_parts)| (text.clone(), date_parts.and_then(date)))
        .collect();
    for (_, content) in options.gazetteers.iter().take(4) {
        let names: Vec<&str> = content
            .lines()
            .filter_map(|row| row.split('\t').next())
            .collect();
        texts.push((format!("{} said on Monday.", names.join(" met ")), None));
    }

    for (text, reference_date) in &texts {
        match extractor.try_extract(text, *reference_date) {
            Ok(article) => {
                assert!(extractor
                    .max_input_bytes()
                    .is_none_or(|max| text.len() <= max));
                check_article(text, &article);
                if !passes.entities {
                    assert!(article.entities.is_empty() && article.acronyms.is_empty());
                }
                if !passes.quotes {
                    assert!(article.quotes.is_empty());
                }
                if !passes.times {
                    assert!(article.times.is_empty());
                }
                if !passes.quantities {
                    assert!(article.quantities.is_empty());
                }
            }
            Err(Error::InputTooLarge { len, max }) => {
                assert_eq!(len, text.len());
                assert!(len > max);
            }
            Err(other) => panic!("try_extract failed with {other:?}"),
        }
    }
    let batch = extractor.extract_batch_with_dates(&texts);
    assert_eq!(batch.len(), texts.len());
    for ((text, reference_date), article) in texts.iter().zip(&batch) {
        assert_eq!(article, &extractor.extract_with_date(text, *reference_date));
    }
});
