//! Embedded lists (countries, places, organisations, titles), built lazily once per process.
