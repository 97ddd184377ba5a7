//! The JSON Schema of the Article JSON, generated from the core's model types.
//!
//! `docs/schema.json` is this schema, committed; a test checks that it is what the types give
//! now, so a change to the contract cannot land without regenerating it (and, when the change is
//! not a pure addition, bumping `schema_version` and saying so in `CHANGELOG.md`).
//! Regenerate it with `newsextract schema > docs/schema.json`, or with
//! `NEWSEXTRACT_BLESS=1 cargo test -p newsextract-cli --test schema`.

use newsextract::{Article, SCHEMA_VERSION};
use serde_json::{Map, Value};

/// The JSON Schema (draft 2020-12) of one Article as newsextract writes it.
///
/// schemars derives it from the model; three things are added that the types alone do not say:
/// the title, `schema_version` pinned to [`SCHEMA_VERSION`], and every field listed as required,
/// because newsextract always writes every field (absent values as `null` or `[]`). Objects stay
/// open (`additionalProperties` is not false): the contract lets later versions add fields, and
/// the CLI adds `"id"` in front of an Article in JSON Lines.
pub fn article_schema() -> Value {
    let mut schema = schemars::schema_for!(Article).to_value();
    if let Value::Object(root) = &mut schema {
        root.insert(
            "title".to_string(),
            Value::String(format!(
                "newsextract Article, schema_version {SCHEMA_VERSION}"
            )),
        );
        if let Some(Value::Object(version)) = root
            .get_mut("properties")
            .and_then(|properties| properties.get_mut("schema_version"))
        {
            version.insert("const".to_string(), Value::from(SCHEMA_VERSION));
        }
    }
    require_every_property(&mut schema);
    sorted(schema)
}

/// [`article_schema`] as the text of `docs/schema.json`: indented, keys sorted, a final newline.
pub fn article_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&article_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Lists every property of every object schema in its `required`.
fn require_every_property(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if let Some(Value::Object(properties)) = object.get("properties") {
                let mut names: Vec<Value> = properties.keys().cloned().map(Value::String).collect();
                names.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                object.insert("required".to_string(), Value::Array(names));
            }
            for value in object.values_mut() {
                require_every_property(value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(require_every_property),
        _ => {}
    }
}

/// `value` with every object's keys in sorted order, whatever map serde_json was built with, so
/// the text does not depend on which crates enabled serde_json's `preserve_order`.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(object) => {
            let mut entries: Vec<(String, Value)> = object.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| (key, sorted(value)))
                    .collect::<Map<String, Value>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_the_version_and_requires_every_field() {
        let schema = article_schema();
        assert_eq!(
            schema["properties"]["schema_version"]["const"],
            SCHEMA_VERSION
        );
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for field in [
            "schema_version",
            "headline",
            "paragraphs",
            "entities",
            "quotes",
        ] {
            assert!(required.contains(&field), "{field} not required");
        }
        let quote = &schema["$defs"]["Quote"];
        assert!(quote["required"]
            .as_array()
            .unwrap()
            .contains(&Value::from("speaker")));
    }

    #[test]
    fn text_is_stable() {
        let text = article_schema_json();
        assert!(text.ends_with("}\n"));
        assert_eq!(text, article_schema_json());
        let reparsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(reparsed, article_schema());
    }
}
