//! Integration tests: one binary (see `autotests = false` in Cargo.toml).

mod model;
mod properties;
