//! Checks shared by the fuzz targets: what must hold of every Article, whatever the input.

use newsextract::Article;

/// Panics (so libFuzzer records the input) unless `article` keeps the contract on `text`:
/// every span in bounds, on char boundaries, slicing to its text; sentences inside their
/// paragraph; numbers finite (JSON has no NaN); the schema version set.
pub fn check_article(text: &str, article: &Article) {
    assert_eq!(article.schema_version, newsextract::SCHEMA_VERSION);
    for (span, item_text) in article.spans() {
        assert!(span.start <= span.end, "reversed span {span:?}");
        assert!(
            span.end <= text.len(),
            "span {span:?} past the end {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start),
            "start of {span:?} inside a char"
        );
        assert!(
            text.is_char_boundary(span.end),
            "end of {span:?} inside a char"
        );
        if let Some(item_text) = item_text {
            assert_eq!(
                &text[span.range()],
                item_text,
                "span {span:?} does not slice to its text"
            );
        }
    }
    for paragraph in &article.paragraphs {
        for sentence in &paragraph.sentences {
            assert!(
                paragraph.start <= sentence.start && sentence.end <= paragraph.end,
                "sentence {sentence:?} outside its paragraph {}..{}",
                paragraph.start,
                paragraph.end
            );
        }
    }
    for quantity in &article.quantities {
        assert!(
            quantity.value.is_finite(),
            "quantity {quantity:?} is not finite"
        );
    }
    for entity in &article.entities {
        if let Some(geo) = &entity.geo {
            assert!(geo.lat.is_finite() && geo.lon.is_finite(), "geo {geo:?}");
        }
    }
}
