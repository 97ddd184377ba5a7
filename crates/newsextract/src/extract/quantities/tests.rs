//! Table-driven tests of the quantity pass.
