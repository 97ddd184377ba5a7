//! Checks shared by the fuzz targets: what must hold of every Article, whatever the input.

use newsextract::Article;

/// Panics (so libFuzzer records the input) unless `article` keeps the contract on `text`:
/// every span in bounds, on char boundaries, slicing to its text; sentences inside their
/// paragraph; numbers finite (JSON has no NaN); the schema version set.
pub fn check_article(text: &str, article: &Article) {
    assert_eq!(article.schema_version, newsextract::SCHEMA_VERSION);
    let errors = article.span_errors(text);
    assert!(errors.is_empty(), "{errors:#?}");
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
