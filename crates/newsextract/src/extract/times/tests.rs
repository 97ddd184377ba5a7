//! Table-driven tests of the time pass.
