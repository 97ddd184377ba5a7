//! Integration tests: one binary (see `autotests = false` in Cargo.toml).

mod golden;
mod hostile;
mod model;
mod properties;
mod shapes;
