//! selfeval: drafts and checks a 部门整体支出绩效自评报告 (a department's annual overall
//! expenditure performance self-evaluation report).
//!
//! The core (model, amounts, checks, figures, draft file, exports) is plain Rust: it compiles
//! natively for the `selfeval` command line and to wasm for the browser app, unchanged. The
//! browser shell (`app`, wasm only) and the command line (`cli`, native only) only call into it.

pub mod amount;
pub mod checks;
pub mod draft_file;
pub mod export;
pub mod figures;
pub mod finding;
pub mod model;
pub mod outline;
pub mod sample;
pub mod stored;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

pub use checks::check;
pub use draft_file::{read_draft, read_draft_bytes, write_draft, ReadError, WriteError};
pub use figures::Figures;
pub use finding::{Finding, Rule, Severity, Tally};
pub use model::Draft;
pub use outline::{List, Path, Section};
