//! selfeval: drafts and checks a 部门整体支出绩效自评报告 (a department's annual overall
//! expenditure performance self-evaluation report).
//!
//! Two floors: the pure core (`core/`: model, outline, amounts, checks, figures, draft file,
//! exports, stored entries) is plain Rust that compiles natively for the `selfeval` command line
//! and to wasm for the browser app, unchanged; the browser shell (`app`, wasm only) and the
//! command line (`cli`, native only) only call into it. The core's modules are re-exported here,
//! so `selfeval::model::Draft` names the same thing as `selfeval::core::model::Draft`.

pub mod core;

pub(crate) use self::core::values;
pub use self::core::{
    amount, backup, checks, draft_file, export, figures, finding, json, model, order, outline,
    reader, report_file, rollover, sample, scorecard, shown, stored, text,
};

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
