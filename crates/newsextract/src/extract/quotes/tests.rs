//! Table-driven tests of the quote pass.
